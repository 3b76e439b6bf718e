// The stories a regroup writes (shared by Regroup, store_regroup.cc, and the
// regroup steps of a follow, store_step.cc): which stories changed between
// two final groupings (by story key: chorus/store.h), their stored lines
// (built from their articles), and the snapshot envelope.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/store.h"

namespace chorus::cli {

// The quotebook and digest of one story, as the store keeps them, built from
// its articles (read from `store`), under its key `story` (the seq of its
// first article: the lines name it "s<key>", readers rename it to its public
// number). Throws StoreError if the lines would not be renamed right.
void BuildStory(Store& store, uint32_t story, const std::vector<int64_t>& members, StoredStory& out,
                std::vector<StoredQuote>& quotes);

// The key of each article's story in a grouping (any labels: dense story
// numbers or keys, each at most its article's seq: StoreError otherwise): the
// seq of the story's first article.
std::vector<uint32_t> StoryKeys(const std::vector<uint32_t>& stories);

// What a regroup changes in the stored grouping, by story key: `before` is the
// final story of each article the stored stories describe, `all` the new final
// story of articles 0..all.size()-1 (all.size() >= before.size()). Only the
// stories whose members changed are dirty: a split or merge leaves every
// other story's key, hence its stored lines, as they are.
struct StoryDiff {
  uint32_t count = 0;                               // stories now
  std::vector<uint32_t> before, all;                // StoryKeys of before, all
  std::vector<std::pair<int64_t, uint32_t>> moved;  // seq < before.size() -> its new key
  std::map<uint32_t, std::vector<int64_t>> dirty;   // keys to write -> their members
  std::vector<uint32_t> dropped;                    // stored keys that no story has now
};
StoryDiff DiffStories(const std::vector<uint32_t>& before, const std::vector<uint32_t>& all);

// One story to store.
struct StoryWrite {
  StoredStory story;
  std::vector<StoredQuote> quotes;
};
// The lines of every story in `dirty` (key -> members), built from their
// articles read from `store` (nothing is written). `tick` runs before each.
std::vector<StoryWrite> MakeStories(Store& store,
                                    const std::map<uint32_t, std::vector<int64_t>>& dirty,
                                    const std::function<void()>& tick);

// Writes a regroup's result inside the caller's transaction: the
// assignments that moved, those of articles before.size()..all.size()-1
// (`copy_of[k]`: the article seq before.size()+k copies, if any), deletes the
// dropped stories, writes `stories`, `snapshot` unless empty; then records
// that the stories describe articles 0..all.size()-1 (the store stays marked
// stale when it holds more). Counts the stories written into `rewritten`.
void WriteGrouping(Store& store, const std::vector<uint32_t>& before,
                   const std::vector<uint32_t>& all, const StoryDiff& diff,
                   const std::vector<std::optional<size_t>>& copy_of,
                   const std::vector<StoryWrite>& stories, const std::string& snapshot,
                   size_t& rewritten);

// The snapshot envelope (format: store_regroup.cc). Bump the version when
// the clustering or near-copy code changes what it decides or what its state
// holds: older snapshots are then replayed over.
inline constexpr std::string_view kSnapshotMagic = "CHORSNAP";
inline constexpr uint32_t kSnapshotVersion = 1;
// The snapshot envelope (format: store_regroup.cc). BeginSnapshot writes the
// head and a slot for the pipeline state's length, and returns where the
// state begins; the caller appends the state; EndSnapshot sets the length and
// appends the final stories and the checksum.
size_t BeginSnapshot(std::string& out, uint64_t articles, uint64_t last_hash);
void EndSnapshot(std::string& out, size_t state_at, const std::vector<uint32_t>& stories);

}  // namespace chorus::cli
