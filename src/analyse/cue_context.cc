// The contextual cue model of round 7; see cue_context.h.
#include "analyse/cue_context.h"

#include <algorithm>
#include <cmath>

namespace chorus::quotes {

const SpanModel& CueContextModel() {
  static const SpanModel model(ModelText("CHORUS_CUE_CONTEXT_MODEL", EmbeddedCueContextModel()));
  return model;
}

std::vector<std::string> KeptCandidateWords() {
  const std::string text = ModelText("CHORUS_CANDIDATE_CUES", EmbeddedCandidateCues());
  std::vector<std::string> words;
  std::string_view m = text;
  while (!m.empty()) {
    const size_t nl = m.find('\n');
    const std::string_view line = m.substr(0, nl);
    m = nl == std::string_view::npos ? std::string_view{} : m.substr(nl + 1);
    const size_t tab = line.find('\t');
    if (tab != 0 && !line.empty()) words.emplace_back(line.substr(0, tab));
  }
  return words;
}

std::string CueContextTrainingSet::KeptCandidates(const SpanModel& m) const {
  std::map<std::string, std::pair<uint32_t, uint32_t>> counts;  // admitted, right
  for (size_t i = 0; i < size(); ++i) {
    if (!candidate_[i] || CueContextProbability(m, features_[i]) < kAdmitThreshold) continue;
    auto& [admitted, right] = counts[words_[i]];
    ++admitted;
    right += labels_[i];
  }
  std::string out;
  for (const auto& [word, n] : counts) {
    if (n.second < kMinKeptCandidate) continue;
    out += word + '\t' + std::to_string(n.first) + '\t' + std::to_string(n.second) + '\n';
  }
  return out;
}

double CueContextProbability(const SpanModel& m, const SpanFeatures& f) {
  return 1.0 / (1.0 + std::exp(-m.Score(f)));
}

void DirectFeatures(SpanFeatures& f) {
  static const SpanPiece dir("dir");
  for (uint32_t k = 0; k < f.n; ++k) {
    const uint64_t h = SpanFeatures::Combine(f.h[k], dir);
    if (f.names != nullptr) {
      auto it = f.names->find(f.h[k]);
      if (it != f.names->end()) (*f.names)[h] = it->second + " dir";
    }
    f.h[k] = h;
  }
}

bool HoldsQuoteChar(std::string_view text, const std::vector<ByteSpan>& spans) {
  for (const ByteSpan& b : spans) {
    const std::string_view s = text.substr(b.begin, b.size());
    if (s.find('"') != std::string_view::npos) return true;
    for (std::string_view m :
         {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9E", "\xE2\x80\x9F"})
      if (s.find(m) != std::string_view::npos) return true;
  }
  return false;
}

void CueContextTrainingSet::Add(std::string_view text, const Segmentation& seg,
                                const std::vector<GoldSpans>& gold) {
  std::vector<CueContextRecord> records;
  std::vector<Attribution> out = CueContextRun(text, seg, records, names_);
  // Pair the output with gold attributions as the scorer does.
  std::vector<const std::vector<ByteSpan>*> contents;
  for (const Attribution& a : out) contents.push_back(&a.content);
  const std::vector<size_t> gold_of = PairByContent(contents, gold);
  auto exact = [&](size_t p) {
    const size_t g = gold_of[p];
    return g != gold.size() && !gold[g].source.empty() &&
           JoinedSpanText(text, out[p].source) == JoinedSpanText(text, gold[g].source);
  };
  for (const GoldSpans& g : gold) {
    gold_sources_ += !g.source.empty();
    gold_direct_sources_ += !g.source.empty() && HoldsQuoteChar(text, g.content);
  }
  std::vector<bool> candidate(out.size(), false);
  for (const CueContextRecord& r : records) {
    // The attribution recorded (its source is final).
    size_t p = 0;
    while (p < out.size() &&
           !(out[p].direct == r.direct && out[p].cue.size() == 1 && out[p].cue[0] == r.cue))
      ++p;
    if (p == out.size() || out[p].source.empty()) continue;
    candidate[p] = true;
    candidate_.push_back(r.candidate);
    words_.push_back(r.word);
    direct_.push_back(r.direct);
    quoted_.push_back(HoldsQuoteChar(text, out[p].content));
    features_.push_back(r.features);
    labels_.push_back(exact(p));
    article_.push_back(static_cast<uint32_t>(articles_));
  }
  for (size_t p = 0; p < out.size(); ++p) {
    if (candidate[p] || out[p].source.empty()) continue;
    ++base_sources_;
    base_exact_ += exact(p);
    if (HoldsQuoteChar(text, out[p].content)) {
      ++base_direct_sources_;
      base_direct_exact_ += exact(p);
    }
  }
  ++articles_;
}

std::unordered_map<uint64_t, double> CueContextTrainingSet::Weights(
    double l2, uint32_t min_count, const std::vector<bool>& use_article) const {
  // A binary logistic loss is a softmax over two candidates: "admit" with the
  // features, "reject" with none (score 0), so P(admit) = 1 / (1 + e^-w.f).
  std::vector<SpanDecision> ds;
  std::vector<std::vector<bool>> right;
  std::vector<bool> use;
  std::unordered_map<uint64_t, uint32_t> count;
  ds.reserve(size());
  for (size_t i = 0; i < size(); ++i) {
    if (!use_article.empty() && !use_article[article_[i]]) continue;
    SpanDecision d;
    d.features = {features_[i], SpanFeatures{}};
    ds.push_back(std::move(d));
    right.push_back({labels_[i], !labels_[i]});
    use.push_back(true);
    const SpanFeatures& f = features_[i];
    for (uint32_t k = 0; k < f.n; ++k)
      if (std::find(f.h, f.h + k, f.h[k]) == f.h + k) ++count[f.h[k]];
  }
  return TrainSpanLogistic(ds, right, use, count, min_count, l2);
}

}  // namespace chorus::quotes
