// The split step of the story refinement (story_refine.cc): 2-means over the
// members of one story; see story_clusterer_impl.h.
#include <algorithm>
#include <cmath>
#include <string>

#include "group/story_clusterer_impl.h"

namespace chorus {

// The members `m` of one story on dense local term ids (0..L-1, in order of
// first appearance), into `sc`; returns L. terms[l]: local id l's term;
// ids: each member's terms' local ids, in turn; all: the story's vector,
// summed as the ids are given out (in member order, term by term, as a loop
// over the members would, so each weight is that of the story's table when
// it sums the same members in the same order). With kForBisect, also off
// (member k's ids are ids[off[k], off[k + 1])), idf (per local id) and each
// member's quotation shingles' local ids (quotes, qoff, as off). The arrays
// only grow (their sizes are no lengths: L and the members' term counts are),
// and are written through pointers: no room check per term.
template <bool kForBisect>
size_t StoryClusterer::Impl::Densify(std::span<const Weighed* const> m, BisectScratch& sc) const {
  std::vector<uint32_t>& local = sc.local;  // term -> local id (~0u between calls)
  if (local.size() < df.size()) local.resize(df.size(), ~0u);
  size_t total = 0;
  for (const Weighed* w : m) total += w->f->terms.size();
  auto room = [total](auto& v) {
    if (v.size() < total) v.resize(total);
    return v.data();
  };
  uint32_t* const terms = room(sc.terms);
  uint32_t* const ids = room(sc.ids);
  float* const all = room(sc.all);
  double* const idf = kForBisect ? room(sc.idf) : nullptr;
  if constexpr (kForBisect) {
    sc.quotes.clear();
    sc.off.assign(m.size() + 1, 0);
    sc.qoff.assign(m.size() + 1, 0);
  }
  uint32_t n = 0;
  size_t p = 0;
  for (size_t k = 0; k < m.size(); ++k) {
    const auto& ft = m[k]->f->terms;
    for (size_t i = 0; i < ft.size(); ++i) {
      const uint32_t t = ft[i].first;
      uint32_t l = local[t];
      if (l == ~0u) {
        l = n++;
        local[t] = l;
        terms[l] = t;
        all[l] = 0.0f;
        if constexpr (kForBisect) idf[l] = m[k]->idf[i];  // Idf(t): fixed during a refinement
      }
      ids[p++] = l;
      all[l] += ft[i].second;
    }
    if constexpr (kForBisect) {
      sc.off[k + 1] = p;
      for (uint32_t q : m[k]->f->quote_terms)
        sc.quotes.push_back(q < local.size() ? local[q] : ~0u);
      sc.qoff[k + 1] = sc.quotes.size();
    }
  }
  for (uint32_t l = 0; l < n; ++l) local[terms[l]] = ~0u;
  return n;
}

// Bisects the articles `m` of one story with 2-means; returns the positions
// in `m` of the second half (empty when the halves are as similar as stories
// that would merge). The members' terms are numbered 0..L-1 (Densify, in order of
// first appearance), so that the 2-means' vectors are small dense arrays
// rather than hash tables; their sums are those of TermVectors built in the
// same order, only the norms are summed over terms in that order.
std::vector<size_t> StoryClusterer::Impl::Bisect(std::span<const Weighed* const> m,
                                                 size_t worker) const {
  if (m.size() < kMinBisect) return {};  // small stories are not split: too little evidence
  BisectScratch& sc = bisect_scratch[worker];
  const size_t n_terms = Densify<true>(m, sc);
  const std::vector<uint32_t>& ids = sc.ids;
  const std::vector<size_t>& off = sc.off;
  const std::vector<uint32_t>& quotes = sc.quotes;
  const std::vector<size_t>& qoff = sc.qoff;
  const std::vector<double>& idf = sc.idf;
  std::vector<float>& all = sc.all;
  // A vector's squared norm, summed over the local ids in order.
  auto norm_of = [&](const float* v) {
    double n = 0;
    for (size_t j = 0; j < n_terms; ++j) n += (v[j] * idf[j]) * (v[j] * idf[j]);
    return n;
  };
  // QuoteBonus (story_clusterer.cc) of member k against `v`, on local ids.
  auto quote_bonus = [&](size_t k, const float* v, size_t members) {
    const size_t most = 2 * (members + 1);
    size_t shared = 0;
    const auto& qt = m[k]->f->quote_terms;
    for (size_t i = 0; i < qt.size(); ++i) {
      const uint32_t q = quotes[qoff[k] + i];
      shared += (qt[i] >= df.size() || df[qt[i]] <= most) && q != ~0u && v[q] != 0;
    }
    return shared >= kSharedQuoteShingles ? kSharedQuoteBonus : 0.0;
  };
  // The cosine's end, from its dot product and the story's (adjusted) norm.
  auto finish = [&](size_t k, double dot, double sn, const float* v, size_t members,
                    bool exclude_self) {
    const Weighed& a = *m[k];
    if (dot <= 0 || a.norm_sq <= 0 || sn <= 1e-12) return 0.0;
    const double bonus = exclude_self ? 0.0 : quote_bonus(k, v, members);
    return dot / (std::sqrt(a.norm_sq) * std::sqrt(sn)) + bonus;
  };
  // Cosine (story_clusterer.cc) between member k and `v`: its arithmetic
  // (CosineBy), with dense local ids in place of its hash lookups (0:
  // absent) and the quote bonus of `finish`.
  auto cosine = [&](size_t k, const float* v, double snorm_sq, size_t members, bool exclude_self) {
    const uint32_t* id = ids.data() + off[k];
    return CosineBy(
        *m[k], [&](size_t i) { return v[id[i]] != 0 ? &v[id[i]] : nullptr; }, snorm_sq,
        exclude_self, [&] { return quote_bonus(k, v, members); });
  };
  // Seeds: the member least like the rest of its story (the first such on
  // ties), and the member least like that one.
  size_t a = 0;
  {
    const double norm_all = norm_of(all.data());
    double worst = 2;
    for (size_t k = 0; k < m.size(); ++k) {
      const double c = cosine(k, all.data(), norm_all, m.size(), true);
      if (c < worst) {
        worst = c;
        a = k;
      }
    }
  }
  // A one-member vector: member k's weights scattered into `one` (zero
  // elsewhere, and zero again after), its norm summed over its local ids in
  // increasing order, as over the whole dense array (the zeros add nothing).
  std::vector<float>& one = sc.one;
  one.assign(n_terms, 0.0f);
  std::vector<uint32_t>& sorted = sc.sorted;
  auto scatter = [&](size_t k) {
    const auto& ft = m[k]->f->terms;
    for (size_t i = 0; i < ft.size(); ++i) one[ids[off[k] + i]] += ft[i].second;
    sorted.assign(ids.begin() + static_cast<long>(off[k]),
                  ids.begin() + static_cast<long>(off[k + 1]));
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    double n = 0;
    for (uint32_t j : sorted) n += (one[j] * idf[j]) * (one[j] * idf[j]);
    return n;
  };
  auto unscatter = [&] {
    for (uint32_t j : sorted) one[j] = 0.0f;
  };
  // Every member's cosine to each seed, kept: the least like `a` is the
  // second seed, and each member starts on the side of the seed it is closer to.
  std::vector<double>& cos_a = sc.cos_a;
  std::vector<double>& cos_b = sc.cos_b;
  cos_a.resize(m.size());
  cos_b.resize(m.size());
  size_t b = a == 0 ? 1 : 0;
  {
    const double na = scatter(a);
    double worst = 2;
    for (size_t k = 0; k < m.size(); ++k) {
      cos_a[k] = cosine(k, one.data(), na, 1, false);
      if (k != a && cos_a[k] < worst) {
        worst = cos_a[k];
        b = k;
      }
    }
    unscatter();
  }
  {
    const double nb = scatter(b);
    for (size_t k = 0; k < m.size(); ++k) cos_b[k] = cosine(k, one.data(), nb, 1, false);
    unscatter();
  }
  std::vector<uint8_t>& side = sc.side;
  side.resize(m.size());
  for (size_t k = 0; k < m.size(); ++k) side[k] = cos_a[k] > cos_b[k];
  // The halves' vectors (summed in member order, in one pass) and norms.
  std::vector<float>* v = sc.halves;
  double n[2] = {0, 0};
  // (Through pointers; both norms in one pass over the local ids, each
  // summed in the order norm_of sums.)
  auto sum_halves = [&] {
    v[0].assign(n_terms, 0.0f);
    v[1].assign(n_terms, 0.0f);
    float* const hv[2] = {v[0].data(), v[1].data()};
    for (size_t k = 0; k < m.size(); ++k) {
      float* const h = hv[side[k]];
      const auto* ft = m[k]->f->terms.data();
      const uint32_t* id = ids.data() + off[k];
      const size_t nt = off[k + 1] - off[k];
      for (size_t i = 0; i < nt; ++i) h[id[i]] += ft[i].second;
    }
    double n0 = 0, n1 = 0;
    for (size_t j = 0; j < n_terms; ++j) {
      n0 += (hv[0][j] * idf[j]) * (hv[0][j] * idf[j]);
      n1 += (hv[1][j] * idf[j]) * (hv[1][j] * idf[j]);
    }
    n[0] = n0;
    n[1] = n1;
  };
  bool summed = false;  // v and n are those of `side`
  for (int iter = 0; iter < 6; ++iter) {
    sum_halves();
    size_t count[2] = {0, 0};
    for (uint8_t sd : side) ++count[sd];
    bool changed = false;
    for (size_t k = 0; k < m.size(); ++k) {
      // cosine(k, v[h], n[h], count[h], side[k] == h) for both halves h in
      // one pass over the member's terms.
      const int own = side[k];
      const auto& ft = m[k]->f->terms;
      const double* aidf = m[k]->idf;
      double dot[2] = {0, 0}, sn[2] = {n[0], n[1]};
      for (size_t i = 0; i < ft.size(); ++i) {
        const uint32_t id = ids[off[k] + i];
        const double w = ft[i].second, idf_t = aidf[i];
        for (int h = 0; h < 2; ++h) {
          double sv = v[h][id];
          if (sv == 0) continue;
          if (h == own) {
            double full = sv * idf_t;
            sv -= w;
            double less = sv * idf_t;
            sn[h] += less * less - full * full;
          }
          dot[h] += w * idf_t * sv * idf_t;
        }
      }
      double c0 = finish(k, dot[0], sn[0], v[0].data(), count[0], own == 0);
      double c1 = finish(k, dot[1], sn[1], v[1].data(), count[1], own == 1);
      const uint8_t want = c1 > c0 ? 1 : 0;
      if (want != side[k]) {
        side[k] = want;
        changed = true;
      }
    }
    if (!changed) {
      summed = true;
      break;
    }
  }
  size_t count1 = 0;
  for (uint8_t s : side) count1 += s;
  if (count1 < 3 || m.size() - count1 < 3) return {};
  if (!summed) sum_halves();
  // VecCosine (story_clusterer.cc) of the halves.
  double dot = 0;
  for (size_t j = 0; j < n_terms; ++j)
    if (v[0][j] != 0 && v[1][j] != 0) dot += v[0][j] * v[1][j] * idf[j] * idf[j];
  const double nn = n[0] * n[1];
  if ((nn > 0 ? dot / std::sqrt(nn) : 0) >= opts.merge_threshold) return {};
  std::vector<size_t> out;
  for (size_t k = 0; k < m.size(); ++k)
    if (side[k]) out.push_back(k);
  return out;
}

void StoryClusterer::Impl::OwnCosines(std::span<const Weighed* const> m, double snorm_sq,
                                      std::span<const uint8_t> need, std::span<double> out,
                                      size_t worker) const {
  BisectScratch& sc = bisect_scratch[worker];  // (no Bisect runs meanwhile)
  Densify<false>(m, sc);
  const uint32_t* id = sc.ids.data();
  for (size_t k = 0; k < m.size(); ++k) {
    if (need[k])
      out[k] = CosineBy(
          *m[k], [&](size_t i) { return &sc.all[id[i]]; }, snorm_sq, true, [] { return 0.0; });
    id += m[k]->f->terms.size();
  }
}

}  // namespace chorus
