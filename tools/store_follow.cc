// The long-running ingest; see store_follow.h.
#include "store_follow.h"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <future>
#include <iostream>
#include <memory>

#include "chorus/segment.h"
#include "follow_input.h"
#include "store_step.h"
#include "story_output.h"

namespace chorus::cli {

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this thread (the ingest thread: everything but the middle part
// of the regroup steps runs on it).
uint64_t CpuMicros() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<uint64_t>(t.tv_sec) * 1000000 + static_cast<uint64_t>(t.tv_nsec) / 1000;
}

// Context switches of this thread so far: voluntary (it waited: I/O, a lock)
// and involuntary (preempted: another process ran).
std::pair<long, long> Switches() {
  rusage u{};
  getrusage(RUSAGE_THREAD, &u);
  return {u.ru_nvcsw, u.ru_nivcsw};
}

uint64_t Micros(Clock::duration d) {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
}

std::string Ms(uint64_t us) {
  char buf[32];
  std::snprintf(buf, sizeof buf, us < 10000 ? "%.2f ms" : "%.0f ms", us / 1000.0);
  return buf;
}

class Follower {
 public:
  Follower(Store& store, const FollowOptions& opts, const ReadOptions& read, Diagnostics& diag,
           FollowStats& stats)
      : store_(store), opts_(opts), read_(read), diag_(diag), stats_(stats) {
    if (!opts_.latency_log.empty()) {
      log_.open(opts_.latency_log, std::ios::out | std::ios::trunc);
      if (!log_) throw StoreError(opts_.latency_log + ": cannot write the latency log");
      log_ << "# chorus ingest --follow: article SEQ MICROSECONDS CPU_MICROSECONDS "
              "VOLUNTARY_SWITCHES INVOLUNTARY_SWITCHES (line read -> committed and grouped in "
              "memory) READ_AT (when the line was read: CLOCK_MONOTONIC, microseconds); regroup "
              "ARTICLES_PENDING STORIES_REWRITTEN MICROSECONDS (cut to "
              "applied) and its parts: cut (ingest thread), finish and stories (second "
              "thread), write (ingest thread: the transaction), renumbered_only, blocked "
              "(ingest thread in all), covers (articles grouped), snapshot (saved or not)\n";
    }
  }

  void Run(FollowInput& in);

 private:
  struct Start {
    Clock::time_point wall;
    uint64_t cpu;
    std::pair<long, long> switches;
  };
  void Take(Article&& a, const Start& start);
  // Starts a regroup step when anything is pending (or the grouping must be
  // rebuilt, or `last` and the snapshot is behind): a LiveStep on a second
  // thread, or a Regroup from the store on this one when the live grouping
  // is unusable. One step at a time: not called while one is under way.
  void StartStep(const char* why, bool last = false);
  void Regroup(const char* why);
  // Applies the step under way if it has finished (or, with `wait`, once it has).
  void PollStep(bool wait);
  void Report(const std::string& why, const IngestStats& step, size_t pending, uint64_t us,
              uint64_t blocked_us, bool snapshot);
  bool Due() const {
    if (step_ || pending_ == 0) return false;
    return pending_ >= opts_.every_articles || Clock::now() - last_regroup_ >= opts_.every;
  }

  Store& store_;
  const FollowOptions& opts_;
  const ReadOptions& read_;
  Diagnostics& diag_;
  FollowStats& stats_;
  std::ofstream log_;
  LiveGrouping live_;
  bool live_ok_ = false;  // live_ holds every stored article, none changed
  bool marked_stale_ = false;
  size_t pending_ = 0;  // articles stored since the last step's cut
  Clock::time_point last_regroup_ = Clock::now(), last_line_ = Clock::now();
  // The step under way: the LiveStep belongs to the worker thread from its
  // start until `running_` is ready, then to this thread again.
  std::unique_ptr<LiveStep> step_;
  std::future<void> running_;
  std::string step_why_;
  size_t step_pending_ = 0;
  Clock::time_point step_start_;
  uint64_t step_cut_us_ = 0;
  size_t steps_since_snapshot_ = 0;
  bool snapshot_current_ = true;  // the stored snapshot covers meta.grouped
  Segmentation seg_;
  JsonWriter w_;
};

void Follower::Take(Article&& a, const Start& start) {
  const uint64_t hash = ArticleContentHash(a);
  store_.Begin();
  int64_t seq = -1;
  bool appended = false;
  try {
    std::optional<Store::Known> known = store_.Find(a.id);
    if (known && known->hash == hash) {
      store_.Rollback();
      ++stats_.ingest.unchanged;
      return;
    }
    Segment(a.text, seg_);
    WriteQuotesJson(a, FindAttributions(a.text, seg_), w_);
    if (known) {
      store_.Update(known->seq, a, hash, w_.str());
      live_ok_ = false;  // the stream changed in its past: regroup from the store
      seq = known->seq;
      ++stats_.ingest.updated;
    } else {
      seq = store_.Append(a, hash, w_.str());
      appended = true;
      if (live_ok_ && static_cast<size_t>(seq) != live_.pipeline->size())
        live_ok_ = false;  // another writer appended articles
      ++stats_.ingest.added;
    }
    if (!marked_stale_) store_.MarkStale();
    store_.Commit();
  } catch (...) {
    store_.Rollback();
    throw;
  }
  marked_stale_ = true;
  ++pending_;
  if (live_ok_ && appended) live_.pipeline->Add(std::move(a));
  const uint64_t us = Micros(Clock::now() - start.wall), cpu = CpuMicros() - start.cpu;
  const std::pair<long, long> sw = Switches();
  stats_.latency_us.push_back(static_cast<uint32_t>(std::min<uint64_t>(us, UINT32_MAX)));
  stats_.cpu_us.push_back(static_cast<uint32_t>(std::min<uint64_t>(cpu, UINT32_MAX)));
  if (log_)
    log_ << "article " << seq << ' ' << us << ' ' << cpu << ' ' << sw.first - start.switches.first
         << ' ' << sw.second - start.switches.second << ' ' << Micros(start.wall.time_since_epoch())
         << '\n';
}

void Follower::Report(const std::string& why, const IngestStats& step, size_t pending, uint64_t us,
                      uint64_t blocked_us, bool snapshot) {
  stats_.regroup_us.push_back(us);
  stats_.blocked_us.push_back(blocked_us);
  stats_.ingest.stories = step.stories;
  stats_.ingest.rewritten += step.rewritten;
  const int64_t covers = static_cast<int64_t>(live_.stories.size());
  if (log_)
    log_ << "regroup " << pending << ' ' << step.rewritten << ' ' << us << " cut " << step.save_us
         << " finish " << step.finish_us << " stories " << step.stories_us << " write "
         << step.snapshot_us << " renumbered_only " << step.renumbered << " blocked " << blocked_us
         << " covers " << covers << " snapshot " << snapshot << std::endl;
  if (!opts_.quiet)
    std::cerr << "chorus: " << store_.path() << ": " << why << ": grouped " << covers
              << " articles in " << step.stories << " stories (" << step.rewritten << " rewritten, "
              << (step.continued_from ? "continued" : "replayed: " + step.replay_reason) << ") in "
              << Ms(us) << " (" << Ms(blocked_us) << " of it on the ingest thread)\n";
}

void Follower::Regroup(const char* why) {
  const auto start = Clock::now();
  IngestStats step;
  Progress progress(!opts_.quiet);
  // --replay concerns the first step only; later ones continue from the snapshot.
  const bool use_snapshot = opts_.use_snapshot || !stats_.regroup_us.empty();
  cli::Regroup(store_, PipelineOptions{}, step, progress, use_snapshot, &live_);
  progress.Done();
  if (step.snapshot_damaged)  // said even with --quiet: the store was damaged
    std::cerr << "chorus: " << store_.path() << ": warning: " << step.replay_reason
              << "; replayed every article instead\n";
  live_ok_ = true;
  store_.Checkpoint();  // here rather than in the commit of a later article
  const uint64_t us = Micros(Clock::now() - start);
  const size_t pending = pending_;
  pending_ = 0;
  marked_stale_ = false;
  snapshot_current_ = true;
  steps_since_snapshot_ = 0;
  last_regroup_ = Clock::now();
  Report(why, step, pending, us, us, true);
}

void Follower::StartStep(const char* why, bool last) {
  if (pending_ == 0 && live_ok_ && !(last && !snapshot_current_)) return;
  if (!live_ok_ || store_.articles() != static_cast<int64_t>(live_.pipeline->size())) {
    Regroup(why);
    return;
  }
  step_start_ = Clock::now();
  const bool snapshot = last || ++steps_since_snapshot_ >= opts_.snapshot_every;
  step_ = std::make_unique<LiveStep>(store_, live_, snapshot);
  step_why_ = why;
  step_pending_ = pending_;
  pending_ = 0;
  last_regroup_ = Clock::now();
  // The worker must not take the stop signals (this thread's input waits
  // for them); it inherits the mask set around its creation.
  sigset_t stop, old;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, &old);
  running_ = std::async(std::launch::async, [step = step_.get(), path = store_.path()] {
    // Below the ingest thread, so that on a busy machine an arriving line
    // preempts the step rather than waiting behind it.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
    step->Run(path);
  });
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  step_cut_us_ = Micros(Clock::now() - step_start_);
}

void Follower::PollStep(bool wait) {
  if (!step_) return;
  if (!wait && running_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  std::unique_ptr<LiveStep> step = std::move(step_);
  running_.get();  // rethrows what the worker threw
  const auto t = Clock::now();
  IngestStats st;
  if (!live_ok_ || !step->Apply(store_, live_, st)) {
    // The store changed under the step (or a line replaced an article): its
    // articles go to the next step, a Regroup from the store.
    live_ok_ = false;
    pending_ += step_pending_;
    if (log_) log_ << "regroup discarded " << step->articles() << std::endl;
    return;
  }
  store_.Checkpoint();  // here rather than in the commit of a later article
  if (step->with_snapshot()) steps_since_snapshot_ = 0;
  snapshot_current_ = step->with_snapshot();
  marked_stale_ = pending_ > 0;  // (Apply left stale=1 when articles came in after the cut)
  const auto now = Clock::now();
  Report(step_why_, st, step_pending_, Micros(now - step_start_), step_cut_us_ + Micros(now - t),
         step->with_snapshot());
}

void Follower::Run(FollowInput& in) {
  store_.SetAutoCheckpoint(false);  // the regroup steps checkpoint
  Regroup("start");                 // brings the store up to date and builds the live grouping
  std::string line, where;
  for (;;) {
    std::chrono::milliseconds wait(3600 * 1000);
    if (step_) {
      wait = std::chrono::milliseconds(20);  // to see the step end
    } else if (pending_ > 0 || !live_ok_) {
      wait = std::max(std::chrono::milliseconds(1),
                      opts_.idle - std::chrono::duration_cast<std::chrono::milliseconds>(
                                       Clock::now() - last_line_));
    }
    FollowInput::Status st = in.Next(line, wait);
    const Start start{Clock::now(), CpuMicros(), Switches()};
    try {
      switch (st) {
        case FollowInput::Status::kLine:
          last_line_ = start.wall;
          where = in.display() + ":" + std::to_string(in.line_number());
          ReadJsonlLine(line, where, read_, diag_, [&](Article&& a) { Take(std::move(a), start); });
          PollStep(false);
          if (Due()) StartStep(pending_ >= opts_.every_articles ? "articles" : "interval");
          continue;
        case FollowInput::Status::kTooLong:
          last_line_ = start.wall;
          diag_.Skip(in.display() + ":" + std::to_string(in.line_number()),
                     "line is over the article size limit of " +
                         std::to_string(read_.max_article_bytes) + " bytes (--max-article-bytes)");
          continue;
        case FollowInput::Status::kIdle:
          PollStep(false);
          if (!step_ && Clock::now() - last_line_ >= opts_.idle)
            StartStep("idle");
          else if (Due())
            StartStep(pending_ >= opts_.every_articles ? "articles" : "interval");
          continue;
        case FollowInput::Status::kError:
          diag_.InputError(in.display(), "cannot read: " + in.error());
          stats_.stop = "read error";
          break;
        case FollowInput::Status::kEnd:
          stats_.stop = "end of input";
          break;
        case FollowInput::Status::kStopped:
          break;
      }
    } catch (const Interrupted&) {
      // A signal during a Regroup: it was rolled back; end below.
    }
    break;
  }
  if (int sig = StopSignal()) {
    stats_.stop = sig == SIGINT ? "SIGINT" : "SIGTERM";
    ClearStopSignal();  // the last step must not stop at it (a second signal kills)
  }
  PollStep(/*wait=*/true);
  StartStep(stats_.stop.c_str(), /*last=*/true);
  PollStep(/*wait=*/true);
  if (!live_ok_) StartStep(stats_.stop.c_str(), /*last=*/true);  // (the step was discarded)
}

}  // namespace

bool Follow(Store& store, const FollowOptions& opts, const ReadOptions& read, Diagnostics& diag,
            FollowStats& stats) {
  FollowInput in(opts.input, read.max_article_bytes);
  if (!in.Open()) {
    diag.InputError(in.display(), "cannot open: " + in.error());
    return false;
  }
  Follower f(store, opts, read, diag, stats);
  f.Run(in);
  return true;
}

std::string Percentiles(std::vector<uint64_t> us) {
  if (us.empty()) return "none";
  std::sort(us.begin(), us.end());
  auto at = [&](double p) {
    size_t k = static_cast<size_t>(std::ceil(p * us.size()));
    return us[std::min(us.size() - 1, k == 0 ? 0 : k - 1)];
  };
  return "p50 " + Ms(at(0.5)) + ", p90 " + Ms(at(0.9)) + ", p99 " + Ms(at(0.99)) + ", max " +
         Ms(us.back());
}

}  // namespace chorus::cli
