// The long-running ingest; see store_follow.h.
#include "store_follow.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "chorus/segment.h"
#include "follow_input.h"
#include "story_output.h"

namespace chorus::cli {

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this thread (everything of the follow runs on it).
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
              "memory); regroup ARTICLES STORIES_REWRITTEN "
              "MICROSECONDS and its parts\n";
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
  // One regroup step, when anything is pending (or the grouping must be rebuilt).
  void RegroupStep(const char* why);
  bool Due() const {
    if (pending_ == 0) return false;
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
  size_t pending_ = 0;  // articles stored since the last regroup step
  Clock::time_point last_regroup_ = Clock::now();
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
         << ' ' << sw.second - start.switches.second << '\n';
}

void Follower::RegroupStep(const char* why) {
  if (pending_ == 0 && live_ok_) return;
  const auto start = Clock::now();
  IngestStats step;
  Progress quiet(false);
  if (live_ok_ && store_.articles() == static_cast<int64_t>(live_.pipeline->size())) {
    RegroupLive(store_, live_, step, quiet);
  } else {
    Progress progress(!opts_.quiet);
    // --replay concerns the first step only; later ones continue from the snapshot.
    const bool use_snapshot = opts_.use_snapshot || !stats_.regroup_us.empty();
    Regroup(store_, PipelineOptions{}, step, progress, use_snapshot, &live_);
    progress.Done();
    if (step.snapshot_damaged)  // said even with --quiet: the store was damaged
      std::cerr << "chorus: " << store_.path() << ": warning: " << step.replay_reason
                << "; replayed every article instead\n";
    live_ok_ = true;
  }
  store_.Checkpoint();  // here rather than in the commit of a later article
  const uint64_t us = Micros(Clock::now() - start);
  stats_.regroup_us.push_back(us);
  stats_.ingest.stories = step.stories;
  stats_.ingest.rewritten += step.rewritten;
  if (log_)
    log_ << "regroup " << pending_ << ' ' << step.rewritten << ' ' << us << " save_state "
         << step.save_us << " finish " << step.finish_us << " stories " << step.stories_us
         << " snapshot " << step.snapshot_us << " renumbered_only " << step.renumbered << std::endl;
  if (!opts_.quiet)
    std::cerr << "chorus: " << store_.path() << ": " << why << ": grouped " << store_.articles()
              << " articles in " << step.stories << " stories (" << step.rewritten << " rewritten, "
              << (step.continued_from ? "continued" : "replayed: " + step.replay_reason) << ") in "
              << Ms(us) << '\n';
  pending_ = 0;
  marked_stale_ = false;
  last_regroup_ = Clock::now();
}

void Follower::Run(FollowInput& in) {
  store_.SetAutoCheckpoint(false);  // the regroup steps checkpoint
  RegroupStep("start");             // brings the store up to date and builds the live grouping
  std::string line, where;
  for (;;) {
    const auto wait = pending_ > 0 ? opts_.idle : std::chrono::milliseconds(3600 * 1000);
    FollowInput::Status st = in.Next(line, wait);
    const Start start{Clock::now(), CpuMicros(), Switches()};
    try {
      switch (st) {
        case FollowInput::Status::kLine:
          where = in.display() + ":" + std::to_string(in.line_number());
          ReadJsonlLine(line, where, read_, diag_, [&](Article&& a) { Take(std::move(a), start); });
          if (Due()) RegroupStep(pending_ >= opts_.every_articles ? "articles" : "interval");
          continue;
        case FollowInput::Status::kTooLong:
          diag_.Skip(in.display() + ":" + std::to_string(in.line_number()),
                     "line is over the article size limit of " +
                         std::to_string(read_.max_article_bytes) + " bytes (--max-article-bytes)");
          continue;
        case FollowInput::Status::kIdle:
          RegroupStep("idle");
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
      // A signal during a regroup step: it was rolled back; end below.
    }
    break;
  }
  if (int sig = StopSignal()) {
    stats_.stop = sig == SIGINT ? "SIGINT" : "SIGTERM";
    ClearStopSignal();  // the last step must not stop at it (a second signal kills)
  }
  RegroupStep(stats_.stop.c_str());
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
