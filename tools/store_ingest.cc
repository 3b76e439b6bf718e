// Ingest into a store and regroup; see store_ingest.h.
#include "store_ingest.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <string>

#include "chorus/segment.h"
#include "story_output.h"

namespace chorus::cli {

Progress::Progress(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
  Done();
}

bool Progress::Due(int phase, size_t done) {
  if (!enabled_) return false;
  auto now = std::chrono::steady_clock::now();
  if (phase != phase_) {
    phase_ = phase;
    start_ = now;
  }
  if (now - last_ < std::chrono::milliseconds(250)) return false;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  rate_ = secs > 0 ? done / secs : 0;
  return true;
}

void Progress::Show(const std::string& line) {
  std::fprintf(stderr, "\rchorus: %s\033[K", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Reading(size_t read, size_t skipped) {
  if (!Due(0, read)) return;
  Show("reading: " + std::to_string(read) + " articles read, " +
       std::to_string(static_cast<size_t>(rate_)) + " articles/s, " + std::to_string(skipped) +
       " skipped");
}

void Progress::Grouping(size_t done, size_t total, size_t stories) {
  if (!Due(1, done)) return;
  Show("grouping: " + std::to_string(done) + "/" + std::to_string(total) + " articles, " +
       std::to_string(static_cast<size_t>(rate_)) + " articles/s, " + std::to_string(stories) +
       " stories");
}

void Progress::Digests(size_t done, size_t stories) {
  if (!Due(2, done)) return;
  Show("digests: " + std::to_string(done) + " stories rewritten of " + std::to_string(stories));
}

void Progress::Done() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

namespace {
volatile std::sig_atomic_t g_stop_signal = 0;

void NoteStopSignal(int signo) {
  g_stop_signal = signo;
}

}  // namespace

void ThrowIfStopped() {
  if (int s = g_stop_signal) throw Interrupted{s};
}

void CatchStopSignals() {
  struct sigaction sa {};
  sa.sa_handler = NoteStopSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART | SA_RESETHAND;  // a second signal takes the default action
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int StopSignal() {
  return g_stop_signal;
}

void ClearStopSignal() {
  g_stop_signal = 0;
}

void IngestInputs(Store& store, const std::vector<std::string>& inputs, const ReadOptions& read,
                  Diagnostics& diag, size_t batch, IngestStats& stats, Progress& progress) {
  if (batch == 0) batch = 1;
  Segmentation seg;
  JsonWriter w;
  size_t in_batch = 0;
  bool changes = false;  // in this batch
  auto commit = [&]() {
    if (in_batch == 0) return;
    if (changes) store.MarkStale();
    store.Commit();
    in_batch = 0;
    changes = false;
  };
  try {
    auto stop_here = [&]() {
      if (!g_stop_signal) return;
      commit();
      ThrowIfStopped();
    };
    stop_here();
    ReadInputs(inputs, read, diag, [&](Article&& a) {
      stop_here();  // a signal while this article was being read
      uint64_t hash = ArticleContentHash(a);
      if (in_batch == 0) store.Begin();
      ++in_batch;
      std::optional<Store::Known> known = store.Find(a.id);
      if (known && known->hash == hash) {
        ++stats.unchanged;
      } else {
        changes = true;
        Segment(a.text, seg);
        WriteQuotesJson(a, FindAttributions(a.text, seg), w);
        if (known) {
          store.Update(known->seq, a, hash, w.str());
          ++stats.updated;
        } else {
          store.Append(a, hash, w.str());
          ++stats.added;
        }
      }
      if (in_batch >= batch) commit();
      progress.Reading(diag.read(), diag.skipped());
      stop_here();
    });
    commit();
  } catch (...) {
    store.Rollback();
    throw;
  }
}

}  // namespace chorus::cli
