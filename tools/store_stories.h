// The stories a regroup writes (shared by Regroup, store_regroup.cc, and the
// regroup steps of a follow, store_step.cc): which stories changed between
// two final groupings, their stored lines (built from their articles, or an
// old story renamed), and the snapshot envelope.
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
// its articles (read from `store`).
void BuildStory(Store& store, uint32_t story, const std::vector<int64_t>& members, StoredStory& out,
                std::vector<StoredQuote>& quotes);

// What a regroup changes in the stored grouping: `before` is the final story
// of each article the stored stories describe, `all` the new final story of
// articles 0..all.size()-1 (all.size() >= before.size()).
struct StoryDiff {
  uint32_t count = 0;                               // stories now (numbered densely)
  std::vector<std::pair<int64_t, uint32_t>> moved;  // seq < before.size() -> its new story
  std::map<uint32_t, std::vector<int64_t>> dirty;   // stories to write -> their members
};
StoryDiff DiffStories(const std::vector<uint32_t>& before, const std::vector<uint32_t>& all);

// One story to store.
struct StoryWrite {
  StoredStory story;
  std::vector<StoredQuote> quotes;
  bool renamed = false;  // an old story's lines under its new number, not rebuilt
};
// The lines of every story in `dirty` (new number -> members), read from
// `store` only (nothing is written). One that an old story had with exactly
// these members (stories are numbered by first appearance, so a split or
// merge renumbers every later story) is renamed from its stored lines; the
// others are rebuilt from their articles. `tick` runs before each story.
std::vector<StoryWrite> MakeStories(Store& store, const std::vector<uint32_t>& before,
                                    const std::map<uint32_t, std::vector<int64_t>>& dirty,
                                    const std::function<void()>& tick);

// Writes a regroup's result inside the caller's transaction: the
// assignments that moved, those of articles before.size()..all.size()-1
// (`copy_of[k]`: the article seq before.size()+k copies, if any), `stories`,
// the stories past the last dropped, `snapshot` unless empty; then records
// that the stories describe articles 0..all.size()-1 (the store stays marked
// stale when it holds more). Counts into rewritten and renumbered.
void WriteGrouping(Store& store, const std::vector<uint32_t>& before,
                   const std::vector<uint32_t>& all, const StoryDiff& diff,
                   const std::vector<std::optional<size_t>>& copy_of,
                   const std::vector<StoryWrite>& stories, const std::string& snapshot,
                   size_t& rewritten, size_t& renumbered);

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
