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
  // Readers rename "s<key>" to the public number (NameStory): check that
  // they find the name where it is (the markdown's title and summary line).
  StoredStory check = out;
  std::vector<StoredQuote> none;
  const uint32_t other = story + 1;
  if (!NameStory(check, none, other) ||
      check.digest_markdown !=
          DigestMarkdown(std::string("s").append(std::to_string(other)), d, ptrs))
    throw StoreError(store.path() + ": story s" + std::to_string(story) +
                     ": its digest cannot be renumbered when read");
}

std::vector<uint32_t> StoryKeys(const std::vector<uint32_t>& stories) {
  std::vector<uint32_t> keys(stories.size());
  uint32_t top = 0;
  for (uint32_t s : stories) top = std::max(top, s);
  if (top >= stories.size() && !stories.empty())  // (a story's number or key is at most its seq)
    throw StoreError("damaged store: story " + std::to_string(top) + " among " +
                     std::to_string(stories.size()) + " articles");
  std::vector<uint32_t> first(stories.empty() ? 0 : top + size_t{1}, ~0u);  // label -> seq
  for (size_t i = 0; i < stories.size(); ++i) {
    if (first[stories[i]] == ~0u) first[stories[i]] = static_cast<uint32_t>(i);
    keys[i] = first[stories[i]];
  }
  return keys;
}

StoryDiff DiffStories(const std::vector<uint32_t>& before, const std::vector<uint32_t>& all) {
  StoryDiff d;
  d.before = StoryKeys(before);
  d.all = StoryKeys(all);
  const std::vector<uint32_t>& kb = d.before;
  const std::vector<uint32_t>& ka = d.all;
  std::vector<bool> dirty(all.size(), false);  // by key
  std::vector<bool> gone(before.size(), false);
  for (size_t i = 0; i < all.size(); ++i) d.count += ka[i] == i;
  for (size_t i = 0; i < before.size(); ++i) {
    if (kb[i] == ka[i]) continue;
    d.moved.emplace_back(static_cast<int64_t>(i), ka[i]);
    dirty[ka[i]] = true;
    // The old story lost a member: rewritten if it keeps its key (its first
    // article stayed), else dropped.
    if (ka[kb[i]] == kb[i])
      dirty[kb[i]] = true;
    else
      gone[kb[i]] = true;
  }
  for (size_t i = before.size(); i < all.size(); ++i) dirty[ka[i]] = true;
  for (size_t k = 0; k < before.size(); ++k)
    if (gone[k]) d.dropped.push_back(static_cast<uint32_t>(k));
  for (size_t i = 0; i < all.size(); ++i)
    if (dirty[ka[i]]) d.dirty[ka[i]].push_back(static_cast<int64_t>(i));
  return d;
}

std::vector<StoryWrite> MakeStories(Store& store,
                                    const std::map<uint32_t, std::vector<int64_t>>& dirty,
                                    const std::function<void()>& tick) {
  std::vector<StoryWrite> out;
  out.reserve(dirty.size());
  for (const auto& [key, m] : dirty) {
    if (tick) tick();
    StoryWrite x;
    BuildStory(store, key, m, x.story, x.quotes);
    out.push_back(std::move(x));
  }
  return out;
}

void WriteGrouping(Store& store, const std::vector<uint32_t>& before,
                   const std::vector<uint32_t>& all, const StoryDiff& diff,
                   const std::vector<std::optional<size_t>>& copy_of,
                   const std::vector<StoryWrite>& stories, const std::string& snapshot,
                   size_t& rewritten) {
  for (const auto& [seq, key] : diff.moved) store.SetStory(seq, key);
  for (size_t i = before.size(); i < all.size(); ++i) {
    StoryAssignment a;
    a.story = diff.all[i];
    const std::optional<size_t>& dup = copy_of.at(i - before.size());
    if (dup) a.duplicate_of = static_cast<int64_t>(*dup);
    store.SetAssignment(static_cast<int64_t>(i), a);
  }
  const int64_t n = static_cast<int64_t>(all.size());
  store.TruncateAssignments(n);
  for (uint32_t key : diff.dropped) store.DeleteStory(key);
  for (const StoryWrite& x : stories) {
    store.PutStory(x.story, x.quotes);
    ++rewritten;
  }
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
