// Which articles state a sentence; see support.h.
#include "digest/support.h"

#include <xxhash.h>

#include <algorithm>

namespace chorus::digest {

namespace {

size_t Window(size_t n) {
  return n + 1 + std::max<size_t>(3, n / 4) - std::max<size_t>(1, n / 4);
}

// Words of u that t holds anywhere (multiset intersection of sorted ids).
size_t Common(const Unit& u, const Unit& t) {
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
  return common;
}

// WindowOverlap(u, t) >= threshold, with the cheap whole-sentence bound first.
bool Supports(const Unit& u, const Unit& t, double threshold) {
  const size_t n = u.words.size();
  if (n == 0) return false;
  const double need = threshold * static_cast<double>(n);
  if (static_cast<double>(Common(u, t)) < need) return false;
  return t.words.size() <= Window(n) || WindowOverlap(u, t) >= threshold;
}

}  // namespace

double WindowOverlap(const Unit& u, const Unit& t) {
  const size_t n = u.words.size();
  if (n == 0) return 0.0;
  const size_t win = Window(n);
  if (t.words.size() <= win) return static_cast<double>(Common(u, t)) / n;
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
    : st_(st), postings_(st.words.concepts()), shared_(st.units.size(), 0) {
  for (uint32_t i = 0; i < st.units.size(); ++i) {
    const Unit& u = st.units[i];
    for (uint32_t w : u.content) postings_[w].push_back(i);
    // Sentences printed word for word elsewhere (wire copies, reposts).
    uint64_t h = XXH3_64bits(u.words.data(), u.words.size() * sizeof(uint32_t));
    auto [it, added] = copies_.try_emplace(h, Copies{i, UINT32_MAX});
    Copies& c = it->second;
    if (!added && c.other == UINT32_MAX && st.units[c.first].article != u.article &&
        st.units[c.first].words == u.words)
      c.other = i;
  }
}

void SupportIndex::Candidates(uint32_t u, double threshold, std::vector<uint32_t>& out) const {
  // Counts, for every sentence of another article, how many of u's content
  // words have their concept there: with u's function words, an upper bound on
  // the words the two can share. Only sentences whose bound reaches the
  // threshold are worth the exact check. (If u has no content word at all,
  // no article "states the same thing".)
  out.clear();
  const Unit& unit = st_.units[u];
  std::vector<std::pair<uint32_t, uint32_t>> mult;  // concept, tokens of u
  const uint32_t stop_tokens = unit.function_words;
  for (uint32_t w : unit.words)
    if (!st_.words.IsStop(w)) mult.push_back({st_.words.Concept(w), 1});
  std::sort(mult.begin(), mult.end());
  size_t k = 0;
  for (size_t i = 0; i < mult.size(); ++i) {
    if (k > 0 && mult[k - 1].first == mult[i].first) {
      ++mult[k - 1].second;
    } else {
      mult[k++] = mult[i];
    }
  }
  mult.resize(k);
  std::vector<uint32_t> touched;
  for (const auto& [c, m] : mult) {
    for (uint32_t t : postings_[c]) {
      if (st_.units[t].article == unit.article) continue;
      if (shared_[t] == 0) touched.push_back(t);
      shared_[t] += m;
    }
  }
  const double need = threshold * static_cast<double>(unit.words.size());
  for (uint32_t t : touched) {
    const uint32_t function_words = std::min<uint32_t>(stop_tokens, st_.units[t].function_words);
    if (static_cast<double>(function_words + shared_[t]) >= need) out.push_back(t);
    shared_[t] = 0;
  }
}

std::vector<size_t> SupportIndex::Supporters(uint32_t u, double threshold) const {
  std::vector<bool> found(st_.articles, false);
  std::vector<uint32_t> cands;
  Candidates(u, threshold, cands);
  for (uint32_t t : cands) {
    const Unit& c = st_.units[t];
    if (!found[c.article] && Supports(st_.units[u], c, threshold)) found[c.article] = true;
  }
  std::vector<size_t> out;
  for (size_t a = 0; a < found.size(); ++a)
    if (found[a]) out.push_back(a);
  return out;
}

bool SupportIndex::Supported(uint32_t u, double threshold) const {
  // The same words in two articles: one of them is not u's.
  const Unit& unit = st_.units[u];
  auto it = copies_.find(XXH3_64bits(unit.words.data(), unit.words.size() * sizeof(uint32_t)));
  if (it != copies_.end() && it->second.other != UINT32_MAX && unit.words.size() > 0 &&
      st_.units[it->second.first].words == unit.words && threshold <= 1.0)
    return true;
  std::vector<uint32_t> cands;
  Candidates(u, threshold, cands);
  for (uint32_t t : cands)
    if (Supports(st_.units[u], st_.units[t], threshold)) return true;
  return false;
}

}  // namespace chorus::digest
