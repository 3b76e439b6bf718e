// The span model's regularised softmax ranking loss and its minimiser
// (L-BFGS); see span_model.h.
#include <algorithm>
#include <cmath>
#include <deque>

#include "analyse/span_model.h"

namespace chorus::quotes {

namespace {

// The used decisions with a right candidate, features as dense indices.
struct Problem {
  std::vector<uint32_t> cand_begin;  // per decision, into `feat_begin`/`right`; one past the end
  std::vector<uint32_t> feat_begin;  // per candidate, into `feat`; one past the end
  std::vector<uint32_t> feat;
  std::vector<char> right;
  size_t features = 0;
};

double Dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

// The loss at `w` and its gradient `g`: for each decision, minus the log of
// the softmax probability of its right candidates; plus l2 |w|^2 / 2.
double Loss(const Problem& p, double l2, const std::vector<double>& w, std::vector<double>& g) {
  double loss = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    loss += 0.5 * l2 * w[i] * w[i];
    g[i] = l2 * w[i];
  }
  std::vector<double> s;
  for (size_t d = 0; d + 1 < p.cand_begin.size(); ++d) {
    const uint32_t c0 = p.cand_begin[d], c1 = p.cand_begin[d + 1];
    s.assign(c1 - c0, 0.0);
    double top = -1e300;
    for (uint32_t c = c0; c < c1; ++c) {
      for (uint32_t k = p.feat_begin[c]; k < p.feat_begin[c + 1]; ++k) s[c - c0] += w[p.feat[k]];
      top = std::max(top, s[c - c0]);
    }
    double z = 0, zr = 0;
    for (uint32_t c = c0; c < c1; ++c) {
      s[c - c0] = std::exp(s[c - c0] - top);
      z += s[c - c0];
      if (p.right[c]) zr += s[c - c0];
    }
    loss += std::log(z) - std::log(zr);
    for (uint32_t c = c0; c < c1; ++c) {
      const double coef = s[c - c0] / z - (p.right[c] ? s[c - c0] / zr : 0.0);
      for (uint32_t k = p.feat_begin[c]; k < p.feat_begin[c + 1]; ++k) g[p.feat[k]] += coef;
    }
  }
  return loss;
}

// Minimises Loss by L-BFGS (10 pairs) with a backtracking line search, until
// the loss stops falling (relative change under 1e-10) or 1000 steps.
std::vector<double> Minimise(const Problem& p, double l2) {
  const size_t n = p.features;
  std::vector<double> w(n, 0.0), g(n), w2(n), g2(n), dir(n);
  double f = Loss(p, l2, w, g);
  std::deque<std::vector<double>> ss, ys;
  std::deque<double> rhos;
  std::vector<double> alpha;
  for (int iter = 0; iter < 1000; ++iter) {
    // The two-loop recursion: dir = -H g.
    for (size_t i = 0; i < n; ++i) dir[i] = -g[i];
    alpha.assign(ss.size(), 0.0);
    for (size_t k = ss.size(); k-- > 0;) {
      alpha[k] = rhos[k] * Dot(ss[k], dir);
      for (size_t i = 0; i < n; ++i) dir[i] -= alpha[k] * ys[k][i];
    }
    if (!ss.empty()) {
      const double gamma = Dot(ss.back(), ys.back()) / Dot(ys.back(), ys.back());
      for (double& x : dir) x *= gamma;
    }
    for (size_t k = 0; k < ss.size(); ++k) {
      const double beta = rhos[k] * Dot(ys[k], dir);
      for (size_t i = 0; i < n; ++i) dir[i] += ss[k][i] * (alpha[k] - beta);
    }
    double slope = Dot(dir, g);
    if (slope >= 0) {  // not a descent direction: restart from the gradient
      ss.clear(), ys.clear(), rhos.clear();
      for (size_t i = 0; i < n; ++i) dir[i] = -g[i];
      slope = Dot(dir, g);
    }
    if (slope == 0) break;
    double step = ss.empty() ? 1.0 / std::sqrt(-slope) : 1.0, f2 = f;
    for (int tries = 0; tries < 50; ++tries, step *= 0.5) {
      for (size_t i = 0; i < n; ++i) w2[i] = w[i] + step * dir[i];
      f2 = Loss(p, l2, w2, g2);
      if (f2 <= f + 1e-4 * step * slope) break;
    }
    if (!(f2 < f)) break;
    std::vector<double> sv(n), yv(n);
    for (size_t i = 0; i < n; ++i) sv[i] = w2[i] - w[i], yv[i] = g2[i] - g[i];
    const double sy = Dot(sv, yv);
    if (sy > 1e-12) {
      ss.push_back(std::move(sv)), ys.push_back(std::move(yv)), rhos.push_back(1.0 / sy);
      if (ss.size() > 10) ss.pop_front(), ys.pop_front(), rhos.pop_front();
    }
    const bool done = f - f2 <= 1e-10 * std::max(1.0, std::fabs(f2));
    w.swap(w2), g.swap(g2), f = f2;
    if (done) break;
  }
  return w;
}

}  // namespace

std::unordered_map<uint64_t, double> TrainSpanLogistic(
    const std::vector<SpanDecision>& ds, const std::vector<std::vector<bool>>& right,
    const std::vector<bool>& use, const std::unordered_map<uint64_t, uint32_t>& count,
    uint32_t min_count, double l2) {
  // Dense indices in hash order, so that the result does not hang on the
  // order of a hash table.
  std::vector<uint64_t> keys;
  for (const auto& [h, n] : count)
    if (n >= min_count) keys.push_back(h);
  std::sort(keys.begin(), keys.end());
  auto index = [&](uint64_t h) -> int64_t {
    auto it = std::lower_bound(keys.begin(), keys.end(), h);
    return it != keys.end() && *it == h ? it - keys.begin() : -1;
  };
  Problem p;
  p.features = keys.size();
  p.cand_begin.push_back(0);
  p.feat_begin.push_back(0);
  for (size_t d = 0; d < ds.size(); ++d) {
    if (!use[d] || std::find(right[d].begin(), right[d].end(), true) == right[d].end()) continue;
    for (size_t c = 0; c < ds[d].features.size(); ++c) {
      const SpanFeatures& f = ds[d].features[c];
      for (uint32_t i = 0; i < f.n; ++i)
        if (int64_t j = index(f.h[i]); j >= 0) p.feat.push_back(static_cast<uint32_t>(j));
      p.feat_begin.push_back(static_cast<uint32_t>(p.feat.size()));
      p.right.push_back(right[d][c] ? 1 : 0);
    }
    p.cand_begin.push_back(static_cast<uint32_t>(p.right.size()));
  }
  std::vector<double> w = Minimise(p, l2);
  std::unordered_map<uint64_t, double> out;
  for (size_t i = 0; i < keys.size(); ++i)
    if (w[i] != 0) out[keys[i]] = w[i];
  return out;
}

}  // namespace chorus::quotes
