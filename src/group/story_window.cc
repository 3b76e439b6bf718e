// The window's upkeep after a refinement (story_refine.cc): the changed
// stories' vectors and postings rebuilt from their live members, and the
// stories idle past the window frozen; see story_clusterer_impl.h.
#include <algorithm>
#include <vector>

#include "group/story_clusterer_impl.h"

namespace chorus {

// Drops the repeats from `terms` (in any order: each term's list is then
// handled on its own), with the refinement's scratch index as marks.
void StoryClusterer::Impl::DistinctTerms(std::vector<uint32_t>& terms) {
  std::vector<uint32_t>& mark = refine_post_of;  // ~0u: unmarked
  if (mark.size() < df.size()) mark.resize(df.size(), ~0u);
  size_t kept = 0;
  for (uint32_t t : terms) {
    if (mark[t] != ~0u) continue;
    mark[t] = 0;
    terms[kept++] = t;
  }
  terms.resize(kept);
  for (uint32_t t : terms) mark[t] = ~0u;
}

// Rebuilds the vectors, windows and postings of `stories_to_rebuild` from
// their live members.
void StoryClusterer::Impl::RebuildLiveStories(const std::vector<uint32_t>& rebuild) {
  std::vector<bool> is_rebuilt(stories.size(), false);
  for (uint32_t g : rebuild) is_rebuilt[g] = true;
  // Take the rebuilt stories off the posting lists of their old terms.
  std::vector<uint32_t> terms;
  for (uint32_t g : rebuild)
    stories[g].weights.ForEach([&](uint32_t t, float) { terms.push_back(t); });
  DistinctTerms(terms);
  for (uint32_t t : terms) {
    std::erase_if(postings[t], [&](uint32_t s) { return is_rebuilt[s]; });
    pruned_size[t] = static_cast<uint32_t>(postings[t].size());
  }
  for (uint32_t g : rebuild) {
    Story& s = stories[g];
    Track(s, -1);
    s.weights.clear();
    s.members = 0;
    s.last_day = -1;
    s.last_seen = 0;
  }
  for (uint32_t i : live) {
    if (!is_rebuilt[assign[i]]) continue;
    Story& s = stories[assign[i]];
    for (const auto& [t, w] : features[i].terms) {
      bool inserted;
      s.weights.at(t, inserted) += w;
      if (inserted) {
        if (t >= postings.size()) {
          postings.resize(t + 1);
          pruned_size.resize(t + 1, 0);
        }
        postings[t].push_back(assign[i]);
      }
    }
    if (features[i].day >= 0) s.last_day = std::max(s.last_day, features[i].day);
    s.last_seen = i + 1;  // `seen` when it arrived
    ++s.members;
  }
  for (uint32_t g : rebuild) {
    Story& s = stories[g];
    s.norm_sq = NormSq(s.weights);
    s.norm_members = s.members;
    Track(s, +1);
  }
}

// Freezes the stories idle past twice the window: their assignment is final
// and their articles' features and vectors are released.
void StoryClusterer::Impl::FreezeIdle() {
  std::vector<uint32_t> still;
  still.reserve(live.size());
  std::vector<uint32_t> terms;  // of the stories frozen now
  for (uint32_t i : live) {
    Story& s = stories[assign[i]];
    // Also idle by arrival, so that a little disorder in the dates cannot
    // close a story an article in the next few hundred would still join.
    if (!s.frozen && Expired(s, latest_day) && seen - s.last_seen > kMinIdleArticles) {
      Track(s, -1);
      s.frozen = true;
      s.weights.ForEach([&](uint32_t t, float) { terms.push_back(t); });
      s.weights.clear();  // releases its table
    }
    if (s.frozen) {
      features[i] = StoryFeatures();  // releases its memory
    } else {
      still.push_back(i);
    }
  }
  live.swap(still);
  // Frozen stories leave the posting lists of their terms (each list is
  // scanned once here), so the lists hold the open stories only.
  DistinctTerms(terms);
  for (uint32_t t : terms) {
    std::vector<uint32_t>& list = postings[t];
    std::erase_if(list, [&](uint32_t s) { return stories[s].frozen; });
    if (list.capacity() > 2 * list.size() + 8) list.shrink_to_fit();
    pruned_size[t] = static_cast<uint32_t>(list.size());
  }
}

}  // namespace chorus
