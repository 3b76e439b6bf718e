// Ingest into a store and regroup; see store_ingest.h.
#include "store_ingest.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <string>

#include "chorus/segment.h"
#include "story_output.h"

namespace chorus::cli {

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
