// Which articles state a sentence; see support.h.
#include "digest/support.h"

#include <algorithm>

namespace chorus::digest {

double WindowOverlap(const Unit& u, const Unit& t) {
  const size_t n = u.words.size();
  if (n == 0) return 0.0;
  const size_t win = n + 1 + std::max<size_t>(3, n / 4) - std::max<size_t>(1, n / 4);
  if (t.words.size() <= win) {  // the whole sentence: a sorted multiset intersection
    size_t i = 0, j = 0, common = 0;
    while (i < u.sorted.size() && j < t.sorted.size()) {
      if (u.sorted[i] < t.sorted[j]) {
        ++i;
      } else if (t.sorted[j] < u.sorted[i]) {
        ++j;
      } else {
        ++common, ++i, ++j;
      }
    }
    return static_cast<double>(common) / n;
  }
  // Slide a window over t, keeping the count of u's words it holds.
  std::vector<uint32_t> distinct;  // u's distinct words, sorted
  std::vector<uint32_t> need;
  for (uint32_t w : u.sorted) {
    if (!distinct.empty() && distinct.back() == w) {
      ++need.back();
    } else {
      distinct.push_back(w);
      need.push_back(1);
    }
  }
  std::vector<uint32_t> have(distinct.size(), 0);
  auto slot = [&](uint32_t w) -> int {
    auto it = std::lower_bound(distinct.begin(), distinct.end(), w);
    return it != distinct.end() && *it == w ? static_cast<int>(it - distinct.begin()) : -1;
  };
  size_t common = 0, best = 0;
  for (size_t k = 0; k < t.words.size(); ++k) {
    int s = slot(t.words[k]);
    if (s >= 0 && have[s]++ < need[s]) ++common;
    if (k >= win) {
      int r = slot(t.words[k - win]);
      if (r >= 0 && --have[r] < need[r]) --common;
    }
    best = std::max(best, common);
  }
  return static_cast<double>(best) / n;
}

SupportIndex::SupportIndex(const StoryText& st)
    : st_(st), postings_(st.words.concepts()), seen_(st.units.size(), 0) {
  for (uint32_t i = 0; i < st.units.size(); ++i)
    for (uint32_t w : st.units[i].content) postings_[w].push_back(i);
}

template <typename F>
void SupportIndex::ForCandidates(uint32_t u, F&& f) const {
  // A supporting sentence holds half of u's words; when u has content words
  // it shares at least one of them, unless u is mostly function words, in
  // which case no article "states the same thing" anyway.
  ++query_;
  const Unit& unit = st_.units[u];
  for (uint32_t w : unit.content) {
    for (uint32_t t : postings_[w]) {
      if (seen_[t] == query_ || st_.units[t].article == unit.article) continue;
      seen_[t] = query_;
      if (!f(t)) return;
    }
  }
}

std::vector<size_t> SupportIndex::Supporters(uint32_t u, double threshold) const {
  std::vector<bool> found(st_.articles, false);
  ForCandidates(u, [&](uint32_t t) {
    const Unit& c = st_.units[t];
    if (!found[c.article] && WindowOverlap(st_.units[u], c) >= threshold) found[c.article] = true;
    return true;
  });
  std::vector<size_t> out;
  for (size_t a = 0; a < found.size(); ++a)
    if (found[a]) out.push_back(a);
  return out;
}

bool SupportIndex::Supported(uint32_t u, double threshold) const {
  bool any = false;
  ForCandidates(u, [&](uint32_t t) {
    any = WindowOverlap(st_.units[u], st_.units[t]) >= threshold;
    return !any;
  });
  return any;
}

}  // namespace chorus::digest
