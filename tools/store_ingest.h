// Adding articles to a store and bringing its stories up to date (the engine
// of `chorus ingest`).
//
// Ingest runs in two steps. IngestInputs reads the inputs and writes each new
// or changed article (with its attributions) in transactions of `batch`
// articles. Regroup then replays every stored article, in arrival order,
// through the same StoryPipeline `chorus stories` uses, so the stories are
// exactly those of the batch command on the same stream; it rewrites the
// assignments that moved and the quotebook and digest of every story whose
// membership or content changed, in one transaction. A kill between the two
// leaves committed articles in place and the store marked stale; the next
// ingest regroups. Replay costs O(store) per run (see docs/ARCHITECTURE.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "chorus/reader.h"
#include "chorus/store.h"
#include "story_pipeline.h"

namespace chorus::cli {

// SIGINT and SIGTERM during an ingest: CatchStopSignals installs handlers that
// only note the signal (and restore the default, so a second one kills at
// once); IngestInputs and Regroup then throw Interrupted at the next article
// boundary, after committing the articles read so far (IngestInputs) or
// rolling back the regrouping (Regroup): the store stays sound, marked stale
// until the next ingest.
void CatchStopSignals();
int StopSignal();  // the signal caught, or 0
struct Interrupted {
  int signal;
};

struct IngestStats {
  size_t added = 0, updated = 0, unchanged = 0;
  size_t stories = 0, rewritten = 0;  // after Regroup
};

// A progress line on standard error (a terminal), at most a few times a second.
class Progress {
 public:
  explicit Progress(bool enabled);
  ~Progress();
  // Reading: articles read (with their rate) and records skipped.
  void Reading(size_t read, size_t skipped);
  // Grouping: articles replayed of `total` (with their rate), stories so far.
  void Grouping(size_t done, size_t total, size_t stories);
  // Digests: stories rewritten so far (of at most `stories`).
  void Digests(size_t done, size_t stories);
  // Erases the line.
  void Done();

 private:
  // True when a line is due; restarts the clock when the phase changes.
  bool Due(int phase, size_t done);
  void Show(const std::string& line);
  bool enabled_;
  bool shown_ = false;
  int phase_ = -1;
  double rate_ = 0;  // articles per second in this phase
  std::chrono::steady_clock::time_point start_, last_;
};

// Reads `inputs` into `store`; throws StoreError when the store fails,
// Interrupted after a stop signal (every article counted in `stats` committed).
void IngestInputs(Store& store, const std::vector<std::string>& inputs, const ReadOptions& read,
                  Diagnostics& diag, size_t batch, IngestStats& stats, Progress& progress);

// Brings stories, quotebook and digests up to date with every stored article
// (one transaction; rolled back when a stop signal throws Interrupted).
void Regroup(Store& store, const PipelineOptions& opts, IngestStats& stats, Progress& progress);

}  // namespace chorus::cli
