// Cue and source ends learned from PolNeAR train; see span_model.h.
#include "analyse/span_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace chorus::quotes {

namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

}  // namespace

uint64_t SpanFeatures::CombineWords(uint64_t h, std::string_view s) {
  while (true) {
    size_t sp = s.find(' ');
    h = Combine(h, Fnv(kFnvOffset, s.substr(0, sp)));
    if (sp == std::string_view::npos) return h;
    s.remove_prefix(sp + 1);
  }
}

SpanPiece::SpanPiece(std::string_view text) : s(text) {
  // Fnv and the test for a space in one pass (a piece is a word or two: a
  // call to find() cost as much as the hash).
  uint64_t x = kFnvOffset;
  bool space = false;
  for (unsigned char c : text) {
    x ^= c;
    x *= kFnvPrime;
    space |= c == ' ';
  }
  h = x;
  spaced = space;
}

uint64_t SpanFeatureHash(std::string_view name) {
  return SpanFeatures::CombineWords(SpanFeatures::kSeed, name);
}

void SpanFeatures::Name(uint64_t x, const SpanPiece& a, const SpanPiece& b, const SpanPiece& c,
                        const SpanPiece& d) {
  if (names->contains(x)) return;
  std::string name(a.s);
  for (const SpanPiece* p : {&b, &c, &d})
    if (!p->s.empty()) (name += ' ') += p->s;
  names->emplace(x, std::move(name));
}

SpanModel::SpanModel(std::string_view m) {
  size_t lines = static_cast<size_t>(std::count(m.begin(), m.end(), '\n')) + 1;
  size_t cap = 16;
  while (cap < 2 * lines) cap *= 2;
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  std::vector<uint64_t> keys(cap, 0);  // each slot's full hash, while loading
  while (!m.empty()) {
    size_t nl = m.find('\n');
    std::string_view line = m.substr(0, nl);
    m = nl == std::string_view::npos ? std::string_view{} : m.substr(nl + 1);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string num(line.substr(0, tab));
    Put(SpanFeatureHash(line.substr(tab + 1)), std::strtof(num.c_str(), nullptr), keys);
  }
}

namespace {
uint64_t SlotOf(uint64_t h) {
  return h ^ (h >> 29);  // FNV's low bits alone mix poorly
}
uint32_t TagOf(uint64_t h) {
  return static_cast<uint32_t>(h >> 32);
}
}  // namespace

void SpanModel::Put(uint64_t key, float w, std::vector<uint64_t>& keys) {
  if (w == 0) return;
  const uint32_t tag = TagOf(key);
  for (uint64_t i = SlotOf(key) & mask_;; i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    if (s.w == 0 && s.tag == 0) {
      s = Slot{tag, w};
      keys[i] = key;
      ++size_;
      return;
    }
    if (s.tag == tag) {
      // A feature listed twice: the last line wins, as before.
      if (keys[i] != key) throw ModelError("two features of the model share a 32-bit tag");
      s.w = w;
      return;
    }
  }
}

double SpanModel::Score(const SpanFeatures& f) const {
  // Every home slot is fetched first: the features' cache misses then overlap
  // instead of each waiting behind the branch on the one before.
  for (uint32_t i = 0; i < f.n; ++i) __builtin_prefetch(&slots_[SlotOf(f.h[i]) & mask_]);
  double s = 0;
  for (uint32_t i = 0; i < f.n; ++i) {
    const uint64_t key = f.h[i];
    const uint32_t tag = TagOf(key);
    for (uint64_t j = SlotOf(key) & mask_;; j = (j + 1) & mask_) {
      const Slot& slot = slots_[j];
      if (slot.tag == tag && slot.w != 0) {
        s += slot.w;
        break;
      }
      if (slot.w == 0 && slot.tag == 0) break;
    }
  }
  return s;
}

const SpanModel& SpanModel::Embedded() {
  // CHORUS_SPAN_MODEL=FILE replaces the compiled-in weights (for trying a
  // model before compiling it in).
  static const SpanModel model(ModelText("CHORUS_SPAN_MODEL", EmbeddedSpanModel()));
  return model;
}

std::string ModelText(const char* env, std::string_view embedded) {
  const char* path = std::getenv(env);
  if (path == nullptr || *path == '\0') return std::string(embedded);
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double SpanModelTrainer::Score(const SpanFeatures& f) const {
  double s = 0;
  for (uint32_t i = 0; i < f.n; ++i) {
    auto it = w_.find(f.h[i]);
    if (it != w_.end()) s += it->second.w;
  }
  return s;
}

void SpanModelTrainer::Add(const SpanFeatures& f, double by) {
  for (uint32_t i = 0; i < f.n; ++i) {
    W& x = w_[f.h[i]];
    x.total += static_cast<double>(step_ - x.stamp) * x.w;
    x.stamp = step_;
    x.w += by;
  }
}

bool SpanModelTrainer::Update(const SpanDecision& d, const std::vector<bool>& right) {
  size_t best = 0, best_right = d.candidates.size();
  double top = -1e300, top_right = -1e300;
  for (size_t i = 0; i < d.candidates.size(); ++i) {
    double s = Score(d.features[i]);
    if (s > top) top = s, best = i;  // ties: the earlier candidate, as at run time
    if (right[i] && s > top_right) top_right = s, best_right = i;
  }
  ++step_;
  if (best_right == d.candidates.size() || right[best]) return true;
  Add(d.features[best_right], 1.0);
  Add(d.features[best], -1.0);
  return false;
}

void SpanModelTrainer::AddAveraged(std::unordered_map<uint64_t, double>& sum, double scale) const {
  for (const auto& [h, x] : w_) {
    double total = x.total + static_cast<double>(step_ - x.stamp) * x.w;
    sum[h] += scale * total / static_cast<double>(step_);
  }
}

std::string SpanModelTrainer::Serialize(const std::unordered_map<uint64_t, double>& weights,
                                        const std::map<uint64_t, std::string>& names,
                                        double min_weight) {
  std::vector<std::pair<std::string, double>> rows;
  for (const auto& [h, avg] : weights) {
    auto it = names.find(h);
    if (std::fabs(avg) < min_weight || it == names.end()) continue;
    rows.emplace_back(it->second, avg);
  }
  std::sort(rows.begin(), rows.end());
  std::string out;
  char buf[32];
  for (const auto& [name, w] : rows) {
    std::snprintf(buf, sizeof buf, "%.4f\t", w);
    out += buf;
    out += name;
    out += '\n';
  }
  return out;
}

}  // namespace chorus::quotes

namespace chorus::quotes {

std::string_view TrimSpanText(std::string_view s) {
  static constexpr std::string_view kMulti[] = {
      "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB",
      "\xC2\xBB",     "\xE2\x80\x9E", "\xE2\x80\x9F", "\xE2\x80\x93", "\xE2\x80\x94"};
  static constexpr std::string_view kAscii = " \t\r\n.,;:!?'\"()[]-";
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (kAscii.find(s.front()) != std::string_view::npos) {
      s.remove_prefix(1), changed = true;
      continue;
    }
    if (!s.empty() && kAscii.find(s.back()) != std::string_view::npos) {
      s.remove_suffix(1), changed = true;
      continue;
    }
    for (std::string_view m : kMulti) {
      if (s.starts_with(m)) {
        s.remove_prefix(m.size()), changed = true;
        break;
      }
      if (s.ends_with(m)) {
        s.remove_suffix(m.size()), changed = true;
        break;
      }
    }
  }
  return s;
}

namespace {

size_t Overlap(const std::vector<ByteSpan>& a, const std::vector<ByteSpan>& b) {
  size_t n = 0;
  for (const ByteSpan& x : a)
    for (const ByteSpan& y : b) {
      uint32_t lo = std::max(x.begin, y.begin), hi = std::min(x.end, y.end);
      if (hi > lo) n += hi - lo;
    }
  return n;
}

}  // namespace

std::string JoinedSpanText(std::string_view text, std::vector<ByteSpan> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; });
  std::string s;
  for (const ByteSpan& sp : spans) {
    if (!s.empty()) s += ' ';
    s += text.substr(sp.begin, sp.size());
  }
  return std::string(TrimSpanText(s));
}

std::vector<size_t> PairByContent(const std::vector<const std::vector<ByteSpan>*>& preds,
                                  const std::vector<GoldSpans>& gold) {
  struct Pair {
    size_t ov, p, g;
  };
  std::vector<Pair> pairs;
  for (size_t p = 0; p < preds.size(); ++p)
    for (size_t g = 0; g < gold.size(); ++g)
      if (size_t ov = Overlap(*preds[p], gold[g].content)) pairs.push_back({ov, p, g});
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return a.ov != b.ov ? a.ov > b.ov : a.p != b.p ? a.p > b.p : a.g > b.g;
  });
  std::vector<size_t> gold_of(preds.size(), gold.size());
  std::vector<bool> gold_used(gold.size(), false);
  for (const Pair& x : pairs) {
    if (gold_of[x.p] != gold.size() || gold_used[x.g]) continue;
    gold_of[x.p] = x.g;
    gold_used[x.g] = true;
  }
  return gold_of;
}

void SpanTrainingSet::Add(std::string_view text, const Segmentation& seg,
                          const std::vector<GoldSpans>& gold) {
  std::vector<SpanDecision> ds = SpanDecisions(text, seg, names_);
  // Pair predicted attributions (distinct contents) with gold ones one to
  // one, greedily by content overlap, as the scorer does.
  std::vector<const std::vector<ByteSpan>*> preds;
  std::vector<size_t> attr_of(ds.size());
  for (size_t i = 0; i < ds.size(); ++i) {
    size_t k = 0;
    while (k < preds.size() && *preds[k] != ds[i].content) ++k;
    if (k == preds.size()) preds.push_back(&ds[i].content);
    attr_of[i] = k;
  }
  const std::vector<size_t> gold_of = PairByContent(preds, gold);
  auto joined = [&](std::vector<ByteSpan> spans) { return JoinedSpanText(text, std::move(spans)); };
  for (size_t i = 0; i < ds.size(); ++i) {
    size_t g = gold_of[attr_of[i]];
    if (g == gold.size()) continue;
    const std::vector<ByteSpan>& want = ds[i].source ? gold[g].source : gold[g].cue;
    if (want.empty()) continue;
    std::string target = joined(want);
    std::vector<bool> right(ds[i].candidates.size());
    bool any = false;
    for (size_t c = 0; c < right.size(); ++c) {
      right[c] = joined({ds[i].candidates[c]}) == target;
      any = any || right[c];
    }
    learnable_ += any;
    decisions_.push_back(std::move(ds[i]));
    right_.push_back(std::move(right));
    article_.push_back(static_cast<uint32_t>(articles_));
  }
  ++articles_;
}

std::vector<uint32_t> SpanTrainingSet::Choose(const SpanModel& m) const {
  std::vector<uint32_t> out;
  out.reserve(decisions_.size());
  for (const SpanDecision& d : decisions_) {
    uint32_t best = 0;
    double top = m.Score(d.features[0]);
    for (uint32_t i = 1; i < d.features.size(); ++i)
      if (double s = m.Score(d.features[i]); s > top) top = s, best = i;
    out.push_back(best);
  }
  return out;
}

std::unordered_map<uint64_t, double> SpanTrainingSet::Weights(
    const SpanTrainOptions& o, const std::vector<bool>& use_article) const {
  std::vector<bool> use(decisions_.size(), true);
  if (!use_article.empty())
    for (size_t i = 0; i < use.size(); ++i) use[i] = use_article[article_[i]];
  // Rare features (a name seen once) are left out: they only fit train.
  std::unordered_map<uint64_t, uint32_t> count;
  for (size_t d = 0; d < decisions_.size(); ++d) {
    if (!use[d]) continue;
    std::vector<uint64_t> seen;
    for (const SpanFeatures& f : decisions_[d].features) seen.insert(seen.end(), f.h, f.h + f.n);
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (uint64_t h : seen) ++count[h];
  }
  if (o.logistic) return TrainSpanLogistic(decisions_, right_, use, count, o.min_count, o.l2);
  const uint32_t min_count = o.min_count;
  std::vector<SpanDecision> kept = decisions_;
  for (SpanDecision& d : kept)
    for (SpanFeatures& f : d.features) {
      uint32_t n = 0;
      for (uint32_t i = 0; i < f.n; ++i)
        if (count[f.h[i]] >= min_count) f.h[n++] = f.h[i];
      f.n = n;
    }
  // The mean of kSeeds perceptrons, each over its own fixed pseudo-random
  // order: one order's model moves with any change in the decisions (a rule
  // that adds a few reshuffles all of them; dev direct source moved by up to
  // 0.009 from retraining alone), the mean far less.
  constexpr int kSeeds = 8;
  std::unordered_map<uint64_t, double> sum;
  for (int seed = 0; seed < kSeeds; ++seed) {
    SpanModelTrainer trainer;
    std::vector<size_t> order;
    for (size_t i = 0; i < decisions_.size(); ++i)
      if (use[i]) order.push_back(i);
    uint64_t state = 42 + static_cast<uint64_t>(seed);
    for (int e = 0; e < o.epochs; ++e) {
      for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates with a fixed LCG
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        std::swap(order[i - 1], order[(state >> 33) % i]);
      }
      for (size_t i : order) trainer.Update(kept[i], right_[i]);
    }
    trainer.AddAveraged(sum, 1.0 / kSeeds);
  }
  return sum;
}

}  // namespace chorus::quotes
