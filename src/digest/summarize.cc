// Choosing the summary sentences; see summarize.h.
#include "digest/summarize.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "digest/support.h"

namespace chorus::digest {

namespace {

// Tuned on dev-stories (docs/ACCURACY.md, "Digest"); the set is small, so the
// values stay round.
constexpr double kLead = 0.5;      // bonus for the first sentence of an article, falling to 0
constexpr double kLenExp = 0.3;    // gain per (words ^ kLenExp)
constexpr double kName = 4.0;      // weight of names (capitalised words) over other words
constexpr double kSupport = 2.0;   // bonus per share of the articles stating a sentence
constexpr size_t kShortlist = 10;  // candidates re-ranked by support each round
constexpr double kStop = 0.15;     // stop once the best gain is below this share of the first

bool Repeats(const StoryText& st, uint32_t u, const std::vector<uint32_t>& chosen) {
  for (uint32_t c : chosen)
    if (WindowOverlap(st.units[u], st.units[c]) >= 0.5 ||
        WindowOverlap(st.units[c], st.units[u]) >= 0.5)
      return true;
  return false;
}

}  // namespace

std::vector<uint32_t> CoverageSummary(const StoryText& st, const SupportIndex& support,
                                      const DigestOptions& opts) {
  const double n_articles = static_cast<double>(std::max<size_t>(1, st.articles));
  const uint32_t min_df = st.articles > 1 ? 2 : 1;
  std::vector<double> weight(st.words.concepts(), 0.0);
  for (size_t w = 0; w < weight.size(); ++w)
    if (st.df[w] >= min_df) weight[w] = st.df[w] / n_articles * (st.name[w] ? kName : 1.0);
  std::vector<bool> covered(st.words.concepts(), false);
  std::vector<int> supporters(st.units.size(), -1);  // computed on demand
  std::vector<uint32_t> chosen;
  struct Candidate {
    double score, gain;
    uint32_t unit;
  };
  std::vector<Candidate> pool;
  double first_gain = 0.0;
  while (chosen.size() < opts.max_sentences) {
    pool.clear();
    for (uint32_t u = 0; u < st.units.size(); ++u) {
      const Unit& unit = st.units[u];
      if (!unit.standalone) continue;
      double gain = 0.0;
      for (uint32_t w : unit.content)
        if (!covered[w]) gain += weight[w];
      if (gain <= 0.0) continue;
      double score = gain * unit.quality * (1.0 + kLead * (1.0 - unit.position())) *
                     (unit.named_cue ? 1.15 : 1.0) / std::pow(unit.words.size(), kLenExp);
      pool.push_back({score, gain, u});
    }
    // The best few by coverage, then re-ranked by how many articles state them.
    std::stable_sort(pool.begin(), pool.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    double best = 0.0, best_gain = 0.0;
    uint32_t best_u = UINT32_MAX;
    size_t tried = 0;
    for (const Candidate& c : pool) {
      if (tried >= kShortlist) break;
      if (std::find(chosen.begin(), chosen.end(), c.unit) != chosen.end()) continue;
      if (Repeats(st, c.unit, chosen)) continue;
      ++tried;
      if (supporters[c.unit] < 0)
        supporters[c.unit] =
            static_cast<int>(support.Supporters(c.unit, opts.support_overlap).size());
      double score = c.score * (1.0 + kSupport * supporters[c.unit] / n_articles);
      if (score > best) best = score, best_gain = c.gain, best_u = c.unit;
    }
    if (best_u == UINT32_MAX) break;
    if (chosen.empty()) first_gain = best_gain;
    if (chosen.size() >= opts.min_sentences && best_gain < kStop * first_gain) break;
    chosen.push_back(best_u);
    for (uint32_t w : st.units[best_u].content) covered[w] = true;
  }
  return chosen;
}

std::vector<uint32_t> LexRankSummary(const StoryText& st, size_t k) {
  std::vector<uint32_t> nodes;
  for (uint32_t u = 0; u < st.units.size(); ++u)
    if (st.units[u].standalone) nodes.push_back(u);
  const size_t n = nodes.size();
  if (n == 0) return {};
  // IDF over the candidate sentences (each sentence a document, as in LexRank).
  std::vector<uint32_t> sf(st.words.concepts(), 0);
  for (uint32_t u : nodes)
    for (uint32_t w : st.units[u].content) ++sf[w];
  std::vector<std::unordered_map<uint32_t, double>> vec(n);
  std::vector<double> norm(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t w : st.units[nodes[i]].words)
      if (!st.words.IsStop(w)) vec[i][st.words.Concept(w)] += 1.0;
    for (auto& [w, tf] : vec[i]) {
      tf *= std::log(static_cast<double>(n) / sf[w]);
      norm[i] += tf * tf;
    }
    norm[i] = std::sqrt(norm[i]);
  }
  std::vector<std::vector<uint32_t>> adj(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (norm[i] == 0.0 || norm[j] == 0.0) continue;
      const auto& a = vec[i].size() < vec[j].size() ? vec[i] : vec[j];
      const auto& b = vec[i].size() < vec[j].size() ? vec[j] : vec[i];
      double dot = 0.0;
      for (const auto& [w, x] : a) {
        auto it = b.find(w);
        if (it != b.end()) dot += x * it->second;
      }
      if (dot / (norm[i] * norm[j]) >= 0.1) {
        adj[i].push_back(static_cast<uint32_t>(j));
        adj[j].push_back(static_cast<uint32_t>(i));
      }
    }
  }
  std::vector<double> p(n, 1.0 / n), next(n);
  const double d = 0.85;
  for (int it = 0; it < 50; ++it) {
    std::fill(next.begin(), next.end(), (1.0 - d) / n);
    for (size_t i = 0; i < n; ++i) {
      if (adj[i].empty()) {
        for (double& x : next) x += d * p[i] / n;
        continue;
      }
      for (uint32_t j : adj[i]) next[j] += d * p[i] / adj[i].size();
    }
    p.swap(next);
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
  std::vector<uint32_t> chosen;
  for (size_t i : order) {
    if (chosen.size() >= k) break;
    if (!Repeats(st, nodes[i], chosen)) chosen.push_back(nodes[i]);
  }
  return chosen;
}

}  // namespace chorus::digest
