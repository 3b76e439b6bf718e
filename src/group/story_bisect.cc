// The split step of the story refinement (story_refine.cc): 2-means over the
// members of one story; see story_clusterer_impl.h.
#include <algorithm>
#include <cmath>
#include <string>

#include "group/story_clusterer_impl.h"

namespace chorus {

// Bisects the articles `m` of one story with 2-means; returns the positions
// in `m` of the second half (empty when the halves are as similar as stories
// that would merge). The members' terms are numbered 0..L-1 here (in order of
// first appearance), so that the 2-means' vectors are small dense arrays
// rather than hash tables; their sums are those of TermVectors built in the
// same order, only the norms are summed over terms in that order.
std::vector<size_t> StoryClusterer::Impl::Bisect(std::span<const Weighed* const> m,
                                                 size_t worker) const {
  if (m.size() < kMinBisect) return {};  // small stories are not split: too little evidence
  std::vector<uint32_t>& local = bisect_local[worker];  // term -> local id (~0u between calls)
  if (local.size() < df.size()) local.resize(df.size(), ~0u);
  std::vector<uint32_t> terms;            // local id -> term
  std::vector<uint32_t> ids;              // each member's terms' local ids, in turn
  std::vector<size_t> off(m.size() + 1);  // member k's are ids[off[k], off[k + 1])
  std::vector<uint32_t> quotes;           // each member's quotation shingles' local ids
  std::vector<size_t> qoff(m.size() + 1);
  for (size_t k = 0; k < m.size(); ++k) {
    for (const auto& [t, w] : m[k]->f->terms) {
      if (local[t] == ~0u) {
        local[t] = static_cast<uint32_t>(terms.size());
        terms.push_back(t);
      }
      ids.push_back(local[t]);
    }
    off[k + 1] = ids.size();
    for (uint32_t q : m[k]->f->quote_terms) quotes.push_back(q < local.size() ? local[q] : ~0u);
    qoff[k + 1] = quotes.size();
  }
  for (uint32_t t : terms) local[t] = ~0u;
  const size_t n_terms = terms.size();
  std::vector<double> idf(n_terms);
  for (size_t j = 0; j < n_terms; ++j) idf[j] = Idf(terms[j]);
  using Vec = std::vector<float>;  // 0: absent (every weight is positive)
  auto vector_of = [&](auto&& pick) {
    Vec v(n_terms, 0.0f);
    for (size_t k = 0; k < m.size(); ++k) {
      if (!pick(k)) continue;
      const auto& ft = m[k]->f->terms;
      for (size_t i = 0; i < ft.size(); ++i) v[ids[off[k] + i]] += ft[i].second;
    }
    return v;
  };
  auto norm_of = [&](const Vec& v) {
    double n = 0;
    for (size_t j = 0; j < n_terms; ++j) n += (v[j] * idf[j]) * (v[j] * idf[j]);
    return n;
  };
  // Cosine (above) between member k and `v`.
  // The cosine's end, from its dot product and the story's (adjusted) norm.
  auto finish = [&](size_t k, double dot, double sn, const Vec& v, size_t members,
                    bool exclude_self) {
    const Weighed& a = *m[k];
    if (dot <= 0 || a.norm_sq <= 0 || sn <= 1e-12) return 0.0;
    double bonus = 0;
    if (!exclude_self) {  // QuoteBonus
      const size_t most = 2 * (members + 1);
      size_t shared = 0;
      const auto& qt = a.f->quote_terms;
      for (size_t i = 0; i < qt.size(); ++i) {
        const uint32_t q = quotes[qoff[k] + i];
        shared += (qt[i] >= df.size() || df[qt[i]] <= most) && q != ~0u && v[q] != 0;
      }
      if (shared >= kSharedQuoteShingles) bonus = kSharedQuoteBonus;
    }
    return dot / (std::sqrt(a.norm_sq) * std::sqrt(sn)) + bonus;
  };
  // Cosine (story_clusterer.cc) between member k and `v`, term for term: the
  // same arithmetic in the same order (so the stories stay the same), with
  // dense local ids in place of its hash lookups. Change both together.
  auto cosine = [&](size_t k, const Vec& v, double snorm_sq, size_t members, bool exclude_self) {
    const Weighed& a = *m[k];
    const auto& ft = a.f->terms;
    double dot = 0, sn = snorm_sq;
    for (size_t i = 0; i < ft.size(); ++i) {
      double sv = v[ids[off[k] + i]];
      if (sv == 0) continue;
      const double w = ft[i].second, idf_t = a.idf[i];
      if (exclude_self) {
        double full = sv * idf_t;
        sv -= w;
        double less = sv * idf_t;
        sn += less * less - full * full;
      }
      dot += w * idf_t * sv * idf_t;
    }
    return finish(k, dot, sn, v, members, exclude_self);
  };
  // The member (other than the one at `skip`) with the lowest cosine to `v`:
  // its position; the first such member on ties.
  auto least_like = [&](const Vec& v, double norm, size_t members, bool exclude_self, size_t skip) {
    size_t best = skip == 0 ? 1 : 0;
    double worst = 2;
    for (size_t k = 0; k < m.size(); ++k) {
      if (k == skip) continue;
      double c = cosine(k, v, norm, members, exclude_self);
      if (c < worst) {
        worst = c;
        best = k;
      }
    }
    return best;
  };
  const Vec all = vector_of([](size_t) { return true; });
  // Seeds: the member least like the rest of its story, and the member least
  // like that one.
  const size_t a = least_like(all, norm_of(all), m.size(), true, std::string::npos);
  const Vec va = vector_of([&](size_t k) { return k == a; });
  const double na = norm_of(va);
  const size_t b = least_like(va, na, 1, false, a);
  const Vec vb = vector_of([&](size_t k) { return k == b; });
  const double nb = norm_of(vb);
  std::vector<int> side(m.size(), 0);
  for (size_t k = 0; k < m.size(); ++k)
    side[k] = cosine(k, va, na, 1, false) > cosine(k, vb, nb, 1, false);
  // The halves' vectors (summed in member order, in one pass) and norms.
  Vec v[2] = {Vec(n_terms), Vec(n_terms)};
  double n[2] = {0, 0};
  auto sum_halves = [&] {
    std::fill(v[0].begin(), v[0].end(), 0.0f);
    std::fill(v[1].begin(), v[1].end(), 0.0f);
    for (size_t k = 0; k < m.size(); ++k) {
      Vec& h = v[side[k]];
      const auto& ft = m[k]->f->terms;
      for (size_t i = 0; i < ft.size(); ++i) h[ids[off[k] + i]] += ft[i].second;
    }
    n[0] = norm_of(v[0]);
    n[1] = norm_of(v[1]);
  };
  bool summed = false;  // v and n are those of `side`
  for (int iter = 0; iter < 6; ++iter) {
    sum_halves();
    size_t count[2] = {0, 0};
    for (int sd : side) ++count[sd];
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
      double c0 = finish(k, dot[0], sn[0], v[0], count[0], own == 0);
      double c1 = finish(k, dot[1], sn[1], v[1], count[1], own == 1);
      int want = c1 > c0 ? 1 : 0;
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
  for (int s : side) count1 += static_cast<size_t>(s);
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

}  // namespace chorus
