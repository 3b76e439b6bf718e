// Regroup: bring a store's stories up to date; see store_ingest.h.
//
// The snapshot (Store::Snapshot) is the StoryPipeline state before Finish
// over the first N stored articles, in an envelope:
//
//   "CHORSNAP"  u32 envelope version  u64 chorus version length + bytes
//   u64 N  u64 content hash of article N-1 (0 when N = 0)
//   u64 state length + the pipeline state (StoryPipeline::SaveState)
//   u64 N + u32[N] the final story of each article (what Finish gave)
//   u64 XXH3 of everything before
//
// all little-endian (chorus/state_io.h). Finish is the only step between the
// saved state and the batch result (the periodic refinements during Add are
// part of the state), so loading it and adding articles N, N+1, ... gives the
// state the batch command has after the same articles, and Finish the same
// stories. It is used only when it covers at most the grouped articles
// (fewer: a follow saves it every few steps; the stored assignments then say
// what the stored stories describe, and the articles after the snapshot are
// fed again), none of the grouped articles changed since, and its last
// article is the stored one; otherwise (or when it is damaged, of another
// version or options) every article is replayed, as before snapshots existed.
#include <xxhash.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "chorus/digest.h"
#include "chorus/quotebook.h"
#include "chorus/segment.h"
#include "chorus/state_io.h"
#include "chorus/version.h"
#include "store_ingest.h"
#include "store_stories.h"
#include "story_output.h"

namespace chorus::cli {

namespace {

struct Snapshot {
  uint64_t articles = 0, last_hash = 0;
  std::string_view state;
  std::vector<uint32_t> stories;  // the final story of each article
};

// Throws StateError when `bytes` is not a whole snapshot of this version.
Snapshot ParseSnapshot(std::string_view bytes) {
  if (bytes.size() < kSnapshotMagic.size() ||
      bytes.substr(0, kSnapshotMagic.size()) != kSnapshotMagic)
    throw StateError("not a grouping snapshot");
  if (bytes.size() < kSnapshotMagic.size() + 8) throw StateError("truncated");
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  if (StateReader(bytes.substr(body.size())).Get<uint64_t>("checksum") !=
      XXH3_64bits(body.data(), body.size()))
    throw StateError("checksum mismatch (damaged or truncated)");
  StateReader r(body.substr(kSnapshotMagic.size()));
  const uint32_t version = r.Get<uint32_t>("version");
  const std::string chorus = r.GetString("chorus version");
  if (version != kSnapshotVersion || chorus != kVersion)
    throw StateError("saved by another chorus (" + chorus + ", snapshot version " +
                     std::to_string(version) + ")");
  Snapshot s;
  s.articles = r.Get<uint64_t>("articles");
  s.last_hash = r.Get<uint64_t>("last article hash");
  s.state = r.GetBytes(r.Count("pipeline state", 1), "pipeline state");
  r.GetVector(s.stories, "final stories");
  StateReader::Check(s.stories.size() == s.articles && r.left() == 0, "final stories");
  return s;
}

void RewriteStory(Store& store, uint32_t story, const std::vector<int64_t>& members,
                  IngestStats& stats, Progress& progress, size_t stories) {
  ThrowIfStopped();
  StoredStory s;
  std::vector<StoredQuote> quotes;
  BuildStory(store, story, members, s, quotes);
  store.PutStory(s, quotes);
  ++stats.rewritten;
  progress.Digests(stats.rewritten, stories);
}

// Why the snapshot cannot be continued (empty: it can). It may be older than
// the stories (a follow saves it every few steps): the articles after it are
// then fed again.
std::string Unusable(Store& store, const Snapshot& s, int64_t grouped, int64_t articles) {
  const int64_t n = static_cast<int64_t>(s.articles);
  if (n > grouped)
    return "it covers " + std::to_string(n) + " articles, the stories " + std::to_string(grouped);
  if (grouped > articles) return "the store holds fewer articles than it covers";
  for (int64_t seq : store.Changed())
    if (seq < grouped) return "article " + std::to_string(seq) + " changed";
  if (n > 0 && store.Hash(n - 1) != s.last_hash) return "its last article is not the stored one";
  return {};
}

// Feeds the stored articles the pipeline does not hold yet, saves the new
// snapshot into `snap` and finishes the stream (on a copy when `keep`: the
// pipeline then goes on); `all` receives every article's final story.
uint64_t MicrosSince(std::chrono::steady_clock::time_point& t) {
  const auto now = std::chrono::steady_clock::now();
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(now - t).count();
  t = now;
  return static_cast<uint64_t>(us);
}

std::vector<AnalysedArticle> FeedAndFinish(Store& store, StoryPipeline& pipeline, int64_t total,
                                           Progress& progress, std::string& snap,
                                           std::vector<uint32_t>& all, bool keep,
                                           IngestStats& stats) {
  const int64_t first = static_cast<int64_t>(pipeline.size());
  int64_t n = first;
  store.ForEach(
      [&](int64_t seq, Article&& a) {
        if (seq != n)
          throw StoreError(store.path() + ": damaged store: article " + std::to_string(n) +
                           " is missing");
        ++n;
        ThrowIfStopped();
        pipeline.Add(std::move(a));
        progress.Grouping(pipeline.size(), static_cast<size_t>(total), pipeline.stories());
      },
      true, first);
  if (n != total)
    throw StoreError(store.path() + ": damaged store: article " + std::to_string(n) +
                     " is missing");
  auto t = std::chrono::steady_clock::now();
  const size_t state_at =
      BeginSnapshot(snap, static_cast<uint64_t>(total), total > 0 ? store.Hash(total - 1) : 0);
  pipeline.SaveState(snap);
  stats.save_us = MicrosSince(t);
  std::vector<AnalysedArticle> result = keep ? pipeline.FinishCopy(&all) : pipeline.Finish(&all);
  stats.finish_us = MicrosSince(t);
  EndSnapshot(snap, state_at, all);
  return result;
}

PipelineOptions RegroupOptions(const PipelineOptions& opts) {
  PipelineOptions p = opts;
  p.keep_text = false;
  p.keep_meta = false;
  p.with_quotes = false;
  return p;
}

// The whole stream again (no usable snapshot): every assignment compared with
// the stored ones. With `live`, the pipeline and the final stories are kept there.
void Replay(Store& store, const PipelineOptions& opts, IngestStats& stats, Progress& progress,
            LiveGrouping* live) {
  auto pipeline = std::make_unique<StoryPipeline>(RegroupOptions(opts));
  const int64_t total = store.articles();
  std::string snap;
  std::vector<uint32_t> all;
  std::vector<AnalysedArticle> result =
      FeedAndFinish(store, *pipeline, total, progress, snap, all, live != nullptr, stats);
  stats.grouped_articles = result.size();

  // Compared by story key (stored assignments hold keys; a version-1/2
  // store's numbers were dropped when it was opened: Store).
  std::vector<uint32_t> old_story;
  std::vector<StoryAssignment> old = store.Assignments();
  for (const StoryAssignment& a : old) old_story.push_back(a.story);
  std::vector<uint32_t> old_keys = StoryKeys(old_story), new_story;
  for (const AnalysedArticle& r : result) new_story.push_back(r.story);
  std::vector<uint32_t> keys = StoryKeys(new_story);
  std::vector<int64_t> changed = store.Changed();
  std::map<uint32_t, std::vector<int64_t>> old_members, new_members;
  for (size_t i = 0; i < old.size(); ++i) old_members[old_keys[i]].push_back(i);
  std::vector<bool> touched(result.size(), false);
  for (int64_t seq : changed)
    if (seq >= 0 && static_cast<size_t>(seq) < touched.size()) touched[seq] = true;
  for (size_t i = 0; i < result.size(); ++i) {
    StoryAssignment a;
    a.story = keys[i];
    if (result[i].duplicate_of) a.duplicate_of = static_cast<int64_t>(*result[i].duplicate_of);
    new_members[a.story].push_back(static_cast<int64_t>(i));
    if (i >= old.size() || old[i].story != a.story || old[i].duplicate_of != a.duplicate_of)
      store.SetAssignment(static_cast<int64_t>(i), a);
  }
  store.TruncateAssignments(static_cast<int64_t>(result.size()));
  std::map<uint32_t, bool> have;
  for (uint32_t key : store.StoryKeys()) {
    if (new_members.count(key))
      have[key] = true;
    else
      store.DeleteStory(key);
  }
  for (const auto& [story, members] : new_members) {
    bool dirty = !have.count(story) || old_members[story] != members;
    for (size_t k = 0; !dirty && k < members.size(); ++k) dirty = touched[members[k]];
    if (dirty) RewriteStory(store, story, members, stats, progress, new_members.size());
  }
  ThrowIfStopped();
  store.PutSnapshot(snap);
  store.MarkGrouped(total);
  stats.stories = new_members.size();
  if (live) {
    live->pipeline = std::move(pipeline);
    live->stories = std::move(all);
  }
}

// Continues the stream from a pipeline over the first `from` articles (a
// loaded snapshot, or the live pipeline), none of which changed since:
// only the articles after them are analysed, and only the stories whose
// members moved are rewritten. `before` is the final story of each article
// the stored stories describe (from <= before.size(): a snapshot may be
// older than the stories). Every article's final story goes to `all`; with
// `keep` the pipeline goes on.
void Continue(Store& store, StoryPipeline& pipeline, const std::vector<uint32_t>& before,
              IngestStats& stats, Progress& progress, bool keep, std::vector<uint32_t>& all) {
  const size_t from = pipeline.size();
  const int64_t total = store.articles();
  std::string snap;
  std::vector<AnalysedArticle> result =
      FeedAndFinish(store, pipeline, total, progress, snap, all, keep, stats);
  auto t = std::chrono::steady_clock::now();
  stats.grouped_articles = result.size();
  stats.continued_from = from;
  StoryDiff diff = DiffStories(before, all);
  std::vector<std::optional<size_t>> copy_of;
  for (size_t i = before.size() - from; i < result.size(); ++i)
    copy_of.push_back(result[i].duplicate_of);
  size_t done = 0;
  std::vector<StoryWrite> stories = MakeStories(store, diff.dirty, [&] {
    ThrowIfStopped();
    progress.Digests(++done, diff.dirty.size());
  });
  ThrowIfStopped();
  stats.stories_us = MicrosSince(t);
  WriteGrouping(store, before, all, diff, copy_of, stories, snap, stats.rewritten);
  stats.snapshot_us = MicrosSince(t);
  stats.stories = diff.count;
}

void RegroupLocked(Store& store, const PipelineOptions& opts, IngestStats& stats,
                   Progress& progress, bool use_snapshot, LiveGrouping* live) {
  if (!use_snapshot) {
    stats.replay_reason = "snapshot not used (--replay)";
    Replay(store, opts, stats, progress, live);
    return;
  }
  std::string bytes = store.Snapshot();
  if (bytes.empty()) {
    stats.replay_reason = "no snapshot";
    Replay(store, opts, stats, progress, live);
    return;
  }
  std::unique_ptr<StoryPipeline> pipeline;
  std::vector<uint32_t> before;
  try {
    Snapshot s = ParseSnapshot(bytes);
    stats.replay_reason = Unusable(store, s, store.grouped(), store.articles());
    if (stats.replay_reason.empty()) {
      pipeline = std::make_unique<StoryPipeline>(RegroupOptions(opts));
      pipeline->LoadState(
          s.state, [&store](size_t seq) { return store.Load(static_cast<int64_t>(seq)).text; });
      before = std::move(s.stories);
      if (static_cast<int64_t>(before.size()) < store.grouped()) {
        // An older snapshot: the stories stored since describe more articles.
        std::vector<StoryAssignment> stored = store.Assignments();
        if (static_cast<int64_t>(stored.size()) != store.grouped())
          throw StoreError(store.path() + ": damaged store: " + std::to_string(stored.size()) +
                           " assignments for " + std::to_string(store.grouped()) +
                           " grouped articles");
        before.clear();
        for (const StoryAssignment& a : stored) before.push_back(a.story);
      }
    }
  } catch (const StateError& e) {
    pipeline.reset();
    stats.replay_reason = std::string("snapshot unusable: ") + e.what();
    stats.snapshot_damaged = true;
  }
  std::string().swap(bytes);
  if (!pipeline) {
    Replay(store, opts, stats, progress, live);
    return;
  }
  const int64_t total = store.articles();
  if (static_cast<int64_t>(before.size()) == total &&
      static_cast<int64_t>(pipeline->size()) == total) {
    // Nothing new since the snapshot (and nothing it covers changed): the
    // stored stories are already what Finish gives, the snapshot would be
    // saved again byte for byte. Only the pipeline is needed (--follow).
    stats.continued_from = before.size();
    uint32_t count = 0;
    for (uint32_t s : before) count = std::max(count, s + 1);
    stats.stories = count;
    store.MarkGrouped(total);
    if (live) {
      live->pipeline = std::move(pipeline);
      live->stories = std::move(before);
    }
    return;
  }
  std::vector<uint32_t> all;
  Continue(store, *pipeline, before, stats, progress, live != nullptr, all);
  if (live) {
    live->pipeline = std::move(pipeline);
    live->stories = std::move(all);
  }
}

}  // namespace

void Regroup(Store& store, const PipelineOptions& opts, IngestStats& stats, Progress& progress,
             bool use_snapshot, LiveGrouping* live) {
  // Inside the write transaction, so no other writer can slip articles in
  // between reading the stream and rewriting what derives from it.
  LiveGrouping made;
  store.Begin();
  try {
    RegroupLocked(store, opts, stats, progress, use_snapshot, live ? &made : nullptr);
    store.Commit();
  } catch (...) {
    store.Rollback();
    throw;
  }
  if (live) {
    made.pipeline->Forget();
    *live = std::move(made);
  }
}

}  // namespace chorus::cli
