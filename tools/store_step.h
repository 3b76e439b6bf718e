// A regroup step of a follow (chorus ingest --follow), in three parts so that
// articles keep coming in while it runs.
//
// 1. Cut (ingest thread, between two articles; the only part that costs it
//    time besides 3): the live pipeline is cut at its current size N
//    (StoryPipeline::TakeCut: a copy of the clustering state, the articles
//    added since the last step), and the step notes what the stored stories
//    describe (live.stories). With a snapshot due, the pipeline state up to
//    the clusterer is serialised here too.
// 2. Run (any one thread; nothing else touches the step meanwhile, and it
//    never touches the live grouping): the final refinement on the copy (what
//    Finish gives for articles 0..N-1), the stories whose members changed and
//    their stored lines (rebuilt under their keys), read through a read-only
//    connection of its own (the articles 0..N-1 were committed before the cut;
//    the stories are written by steps only, one at a time), and the snapshot
//    of the state at N completed.
// 3. Apply (ingest thread): writes the result in one short transaction —
//    assignments, stories, snapshot, meta.grouped = N — unless the store
//    changed under the step (an article before N replaced, another writer):
//    then nothing is written and the caller regroups from the store. After
//    it, the stored stories are exactly those of `chorus stories` on articles
//    0..N-1; the articles committed since the cut (stale=1 stays) are in the
//    live pipeline and go to the next step.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store_ingest.h"
#include "store_stories.h"

namespace chorus::cli {

class LiveStep {
 public:
  // Part 1. `live.pipeline` must hold exactly the stored articles, none of
  // them changed since it was built.
  LiveStep(Store& store, LiveGrouping& live, bool with_snapshot);
  LiveStep(const LiveStep&) = delete;
  LiveStep& operator=(const LiveStep&) = delete;

  size_t articles() const { return cut_.size; }  // N
  bool with_snapshot() const { return with_snapshot_; }

  // Part 2: throws StoreError when the store cannot be read.
  void Run(const std::string& path);

  // Part 3 (after Run): true when written; false when the store changed under
  // the step (nothing written). Throws StoreError when the write fails.
  bool Apply(Store& store, LiveGrouping& live, IngestStats& stats);

 private:
  StoryPipeline::Cut cut_;
  std::vector<uint32_t> before_;  // the stored stories' final story per article
  bool with_snapshot_;
  std::string snap_;
  size_t state_at_ = 0;
  std::vector<uint32_t> all_;  // after Run: final story of articles 0..N-1
  StoryDiff diff_;
  std::vector<StoryWrite> stories_;
  uint64_t cut_us_ = 0, finish_us_ = 0, stories_us_ = 0;
};

}  // namespace chorus::cli
