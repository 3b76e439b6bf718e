// The stories a regroup writes; see store_stories.h.
#include "store_stories.h"

#include <xxhash.h>

#include <algorithm>

#include "chorus/digest.h"
#include "chorus/quotebook.h"
#include "chorus/segment.h"
#include "chorus/state_io.h"
#include "chorus/version.h"
#include "story_output.h"

namespace chorus::cli {

void BuildStory(Store& store, uint32_t story, const std::vector<int64_t>& members, StoredStory& out,
                std::vector<StoredQuote>& quotes) {
  std::vector<Article> arts;
  std::vector<std::vector<Attribution>> attrs;
  Segmentation seg;
  for (int64_t seq : members) {
    arts.push_back(store.Load(seq));
    Segment(arts.back().text, seg);
    attrs.push_back(FindAttributions(arts.back().text, seg));
  }
  std::vector<const Article*> ptrs;
  std::vector<QuotedArticle> quoted;
  std::vector<DigestArticle> in;
  for (size_t i = 0; i < arts.size(); ++i) {
    ptrs.push_back(&arts[i]);
    quoted.push_back({arts[i].id, arts[i].text, attrs[i]});
    in.push_back({&arts[i], &attrs[i]});
  }
  std::string name = std::string("s").append(std::to_string(story));
  JsonWriter w;
  uint32_t ordinal = 0;
  for (const CanonicalQuote& q : BuildQuotebook(quoted)) {
    w.Clear();
    WriteQuoteJson(w, std::string("q").append(std::to_string(ordinal)), name, q, ptrs);
    quotes.push_back({story, ordinal++, q.speaker, w.str(), QuotePretty(q, ptrs)});
  }
  StoryDigest d = DigestStory(in, DigestOptions{});
  size_t next_quote = 0;
  w.Clear();
  WriteDigestJson(w, name, d, ptrs, next_quote);
  out.story = story;
  out.members = members;
  out.digest_json = w.str();
  out.digest_markdown = DigestMarkdown(name, d, ptrs);
  out.digest_quotes = static_cast<uint32_t>(next_quote);
}

StoryDiff DiffStories(const std::vector<uint32_t>& before, const std::vector<uint32_t>& all) {
  StoryDiff d;
  for (uint32_t s : all) d.count = std::max(d.count, s + 1);
  uint32_t old_count = 0;
  for (uint32_t s : before) old_count = std::max(old_count, s + 1);
  std::vector<bool> dirty(d.count + 1, false);
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i] == all[i]) continue;
    d.moved.emplace_back(static_cast<int64_t>(i), all[i]);
    if (before[i] < d.count) dirty[before[i]] = true;
    dirty[all[i]] = true;
  }
  for (size_t i = before.size(); i < all.size(); ++i) dirty[all[i]] = true;
  for (uint32_t s = old_count; s < d.count; ++s) dirty[s] = true;  // (all have new members)
  for (size_t i = 0; i < all.size(); ++i)
    if (dirty[all[i]]) d.dirty[all[i]].push_back(static_cast<int64_t>(i));
  return d;
}

std::vector<StoryWrite> MakeStories(Store& store, const std::vector<uint32_t>& before,
                                    const std::map<uint32_t, std::vector<int64_t>>& dirty,
                                    const std::function<void()>& tick) {
  auto old_of = [&](const std::vector<int64_t>& m) {
    return static_cast<size_t>(m[0]) < before.size() ? before[m[0]] : ~0u;
  };
  std::map<uint32_t, std::vector<int64_t>> old;  // old story -> its members
  for (const auto& [story, m] : dirty)
    if (old_of(m) != ~0u && old_of(m) != story) old[old_of(m)];
  for (size_t i = 0; i < before.size(); ++i) {
    auto it = old.find(before[i]);
    if (it != old.end()) it->second.push_back(static_cast<int64_t>(i));
  }
  std::vector<StoryWrite> out;
  out.reserve(dirty.size());
  for (const auto& [story, m] : dirty) {
    if (tick) tick();
    StoryWrite x;
    auto it = old.find(old_of(m));
    if (it != old.end() && it->second == m) {
      std::optional<StoredStory> s = store.LoadStory(it->first, x.quotes);
      if (s && RenameStory(*s, x.quotes, it->first, story)) {
        x.story = std::move(*s);
        x.story.members = m;
        x.renamed = true;
        out.push_back(std::move(x));
        continue;
      }
      x.quotes.clear();
    }
    BuildStory(store, story, m, x.story, x.quotes);
    out.push_back(std::move(x));
  }
  return out;
}

void WriteGrouping(Store& store, const std::vector<uint32_t>& before,
                   const std::vector<uint32_t>& all, const StoryDiff& diff,
                   const std::vector<std::optional<size_t>>& copy_of,
                   const std::vector<StoryWrite>& stories, const std::string& snapshot,
                   size_t& rewritten, size_t& renumbered) {
  for (const auto& [seq, story] : diff.moved) store.SetStory(seq, story);
  for (size_t i = before.size(); i < all.size(); ++i) {
    StoryAssignment a;
    a.story = all[i];
    const std::optional<size_t>& dup = copy_of.at(i - before.size());
    if (dup) a.duplicate_of = static_cast<int64_t>(*dup);
    store.SetAssignment(static_cast<int64_t>(i), a);
  }
  const int64_t n = static_cast<int64_t>(all.size());
  store.TruncateAssignments(n);
  for (const StoryWrite& x : stories) {
    store.PutStory(x.story, x.quotes);
    ++rewritten;
    renumbered += x.renamed;
  }
  store.DropStoriesFrom(diff.count);
  if (!snapshot.empty()) store.PutSnapshot(snapshot);
  store.MarkGrouped(n);
  if (store.articles() > n) store.MarkStale();  // articles came in after the step's cut
}

size_t BeginSnapshot(std::string& out, uint64_t articles, uint64_t last_hash) {
  out.append(kSnapshotMagic);
  StateWriter w(out);
  w.Put<uint32_t>(kSnapshotVersion);
  w.PutString(kVersion);
  w.Put<uint64_t>(articles);
  w.Put<uint64_t>(last_hash);
  w.Put<uint64_t>(0);  // the state's length, set by EndSnapshot
  return out.size();
}

void EndSnapshot(std::string& out, size_t state_at, const std::vector<uint32_t>& stories) {
  std::string length;
  StateWriter(length).Put<uint64_t>(out.size() - state_at);
  out.replace(state_at - 8, 8, length);
  StateWriter(out).PutVector(stories);
  const uint64_t sum = XXH3_64bits(out.data(), out.size());
  StateWriter(out).Put<uint64_t>(sum);
}

}  // namespace chorus::cli
