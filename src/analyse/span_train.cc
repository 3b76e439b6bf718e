// The span model's regularised softmax ranking loss, minimised by libLBFGS;
// see span_model.h.
#include <lbfgs.h>

#include <algorithm>
#include <cmath>
#include <new>

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

// Minimises Loss with libLBFGS (Debian's liblbfgs-dev, the solver CRFsuite
// uses): 10 correction pairs, More-Thuente line search, until the loss falls
// by less than 1e-10 (relative) over one step or 1000 steps. Deterministic:
// the same problem gives the same weights.
struct Fit {
  const Problem* p;
  double l2;
  std::vector<double> w, g;
};

lbfgsfloatval_t Evaluate(void* instance, const lbfgsfloatval_t* x, lbfgsfloatval_t* g, int n,
                         lbfgsfloatval_t /*step*/) {
  auto* fit = static_cast<Fit*>(instance);
  const auto size = static_cast<size_t>(n);
  fit->w.assign(x, x + size);
  const double loss = Loss(*fit->p, fit->l2, fit->w, fit->g);
  std::copy(fit->g.begin(), fit->g.end(), g);
  return loss;
}

std::vector<double> Minimise(const Problem& p, double l2) {
  const size_t n = p.features;
  if (n == 0) return {};
  Fit fit{&p, l2, std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  lbfgsfloatval_t* x = lbfgs_malloc(static_cast<int>(n));
  if (x == nullptr) throw std::bad_alloc();
  std::fill(x, x + n, 0.0);
  lbfgs_parameter_t param;
  lbfgs_parameter_init(&param);
  param.m = 10;
  param.epsilon = 1e-8;  // the gradient test: left to the loss test below
  param.past = 1;
  param.delta = 1e-10;
  param.max_iterations = 1000;
  lbfgsfloatval_t fx = 0;
  // A line search that cannot improve any more (rounding) ends the fit at the
  // best point found, which is what libLBFGS leaves in `x`.
  lbfgs(static_cast<int>(n), x, &fx, Evaluate, nullptr, &fit, &param);
  std::vector<double> w(x, x + n);
  lbfgs_free(x);
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
