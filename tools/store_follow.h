// A long-running ingest (the engine of `chorus ingest --follow`).
//
// Follow keeps the grouping pipeline in memory and takes JSONL articles as
// they arrive on a growing input (FollowInput). Each new article is analysed
// (attributions for the store, story features for the pipeline), committed
// to the store in its own transaction (the store marked stale) and added to
// the in-memory pipeline before the next line is read: when Follow moves on,
// the article is durable (against a crash of the process: WAL with
// synchronous=NORMAL) and grouped in memory. The log is checkpointed at the
// regroup steps, not by the commits. The store's stories lag until a
// regroup step (LiveStep, store_step.h: the pipeline cut at N articles, the
// final refinement and the stories' lines made on a second thread while
// lines keep coming in, then one short transaction), which starts when the
// input has been idle for `idle`, after `every_articles` articles or
// `every_seconds` seconds with articles pending (one step at a time: those
// that come in during a step go to the next), and at the end of the input or
// a stop signal (after the step under way). After each step the stories are
// exactly those of `chorus stories` on the stored articles 0..N-1 (N =
// meta.grouped; stale stays set when more were committed meanwhile). The
// grouping snapshot is saved by every `snapshot_every`-th step and the last
// one (a restart after a kill continues from the last one saved and feeds
// the articles after it again). An article that replaces a stored one (known
// id, new content) or articles appended by another process make the
// in-memory pipeline unusable: the step under way is then discarded and the
// next one regroups from the snapshot or replays (Regroup), on the ingest
// thread, and rebuilds it.
// A first SIGINT/SIGTERM ends the follow after a last regroup step; a second
// one kills at once (the store stays sound: the next ingest catches up).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "chorus/reader.h"
#include "chorus/store.h"
#include "store_ingest.h"

namespace chorus::cli {

struct FollowOptions {
  std::string input = "-";  // "-" (standard input) or a file to follow
  std::chrono::milliseconds idle{1000};
  size_t every_articles = 1000;
  size_t snapshot_every = 10;  // steps (the first and the last always save it)
  std::chrono::milliseconds every{60000};
  std::string latency_log;  // when set: one line per article and per regroup step
  bool quiet = false;
  bool use_snapshot = true;  // false: the first regroup replays (--replay)
};

struct FollowStats {
  IngestStats ingest;                // counts of the whole run
  std::vector<uint32_t> latency_us;  // per added article: line read -> committed, grouped
  std::vector<uint32_t> cpu_us;      // the CPU time of the same (this thread)
  std::vector<uint64_t> regroup_us;  // per regroup step (the first one included): cut to applied
  std::vector<uint64_t> blocked_us;  // the same steps' time on the ingest thread (lines wait)
  std::string stop;                  // "end of input", "SIGINT", "SIGTERM"
};

// Runs the follow until the input ends or a stop signal; throws StoreError
// when the store fails. Returns false when the input cannot be opened (said
// through `diag`).
bool Follow(Store& store, const FollowOptions& opts, const ReadOptions& read, Diagnostics& diag,
            FollowStats& stats);

// "p50 0.61 ms, p90 ..., p99 ..., max ..." of `us` (microseconds).
std::string Percentiles(std::vector<uint64_t> us);

}  // namespace chorus::cli
