// Adding articles to a store and bringing its stories up to date (the engine
// of `chorus ingest`).
//
// Ingest runs in two steps. IngestInputs reads the inputs and writes each new
// or changed article (with its attributions) in transactions of `batch`
// articles. Regroup (store_regroup.cc) then brings the stories up to date so
// that they are exactly those of `chorus stories` on the whole stored stream,
// in one transaction: it continues the stream from the snapshot the last
// regroup saved (the StoryPipeline state before Finish, covering the first
// `grouped` articles) by adding only the articles stored since, or — when
// there is no usable snapshot, or an article it covers changed — replays every
// stored article. Either way it then finishes the stream, rewrites the
// assignments that moved and the quotebook and digest of every story whose
// membership or content changed, and saves the new snapshot. A kill between
// the two steps leaves committed articles in place and the store marked
// stale; the next ingest regroups.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chorus/reader.h"
#include "chorus/store.h"
#include "progress.h"
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
// Forgets the signal caught (the handlers stay reset: a next one kills).
void ClearStopSignal();
struct Interrupted {
  int signal;
};

struct IngestStats {
  size_t added = 0, updated = 0, unchanged = 0;
  size_t stories = 0, rewritten = 0;  // after Regroup
  // How Regroup went: articles fed through the clustering, and the articles
  // the snapshot it continued from covered (replay: why it did not).
  size_t grouped_articles = 0;
  std::optional<size_t> continued_from;
  std::string replay_reason;
  bool snapshot_damaged = false;  // a snapshot was there but could not be used
  // Where a continuing Regroup's time went (microseconds): saving the
  // pipeline state, finishing the stream, making the digests and quotebook
  // of the stories that changed, writing everything (assignments, stories,
  // snapshot). For a follow's LiveStep: the cut (ingest thread), the final
  // refinement and the stories' lines (second thread), the write
  // transaction (ingest thread).
  uint64_t save_us = 0, finish_us = 0, stories_us = 0, snapshot_us = 0;
  size_t renumbered = 0;  // stories rewritten only for a new number: 0 since store version 3
                          // (kept for the --latency-log columns)
};

// Throws Interrupted when a stop signal has come.
void ThrowIfStopped();

// Reads `inputs` into `store`; throws StoreError when the store fails,
// Interrupted after a stop signal (every article counted in `stats` committed).
void IngestInputs(Store& store, const std::vector<std::string>& inputs, const ReadOptions& read,
                  Diagnostics& diag, size_t batch, IngestStats& stats, Progress& progress);

// The grouping kept in memory between regroups (chorus ingest --follow):
// the pipeline over the stored articles 0..pipeline->size()-1 in seq order,
// and the final story of each article the store's stories describe (as
// stored by the last regroup; fewer articles than the pipeline holds while
// a regroup step is under way: store_step.h).
struct LiveGrouping {
  std::unique_ptr<StoryPipeline> pipeline;
  std::vector<uint32_t> stories;
};

// Brings stories, quotebook and digests up to date with every stored article
// (one transaction; rolled back when a stop signal throws Interrupted).
// With `use_snapshot` false it always replays (the snapshot is still saved).
// With `live`, the pipeline is not ended but kept there (replaced only when
// the regroup committed), for the regroup steps of a follow (store_step.h).
void Regroup(Store& store, const PipelineOptions& opts, IngestStats& stats, Progress& progress,
             bool use_snapshot = true, LiveGrouping* live = nullptr);

}  // namespace chorus::cli
