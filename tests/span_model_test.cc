// The learned span model (src/analyse/span_model.h): features, scoring, the
// perceptron, the logistic fit (its order independence and steadiness),
// training from gold attributions, and the compiled-in model on
// sources PolNeAR annotates without their relative clause.
#include "analyse/span_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <string>

#include "analyse/cue_context.h"
#include "chorus/segment.h"
#include "quotes_test_util.h"
#include "test_util.h"

namespace chorus::quotes {
namespace {

TEST(SpanModel, AFeatureHashesAsItsName) {
  SpanFeatures f;
  f.Add("sk", "L", "trump");
  f.Add("sx");
  f.Add("se", "FC", "<Cap>", "of");
  ASSERT_EQ(f.n, 3u);
  EXPECT_EQ(f.h[0], SpanFeatureHash("sk L trump"));
  EXPECT_EQ(f.h[1], SpanFeatureHash("sx"));
  EXPECT_EQ(f.h[2], SpanFeatureHash("se FC <Cap> of"));
  EXPECT_NE(f.h[0], SpanFeatureHash("sk L trum"));
}

TEST(SpanModel, ScoresTheWeightsOfItsLines) {
  SpanModel m("1.5\tsk L trump\n-2\tsx\nnot a line\n");
  EXPECT_EQ(m.size(), 2u);
  SpanFeatures f;
  f.Add("sk", "L", "trump");
  f.Add("sx");
  f.Add("unknown");
  EXPECT_DOUBLE_EQ(m.Score(f), -0.5);
}

TEST(SpanModel, ALaterLineForTheSameFeatureWins) {
  SpanModel m("1\tsx\n2.5\tsx\n");
  EXPECT_EQ(m.size(), 1u);
  SpanFeatures f;
  f.Add("sx");
  EXPECT_DOUBLE_EQ(m.Score(f), 2.5);
}

// The table keeps a 32-bit tag per feature: every feature of the versioned
// models must come back with exactly its own weight.
void ExpectEveryLineScoresItsWeight(std::string_view text) {
  SpanModel m(text);
  std::map<std::string, float> weights;  // the last line of a feature wins
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    b = e + 1;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    weights[std::string(line.substr(tab + 1))] =
        std::strtof(std::string(line.substr(0, tab)).c_str(), nullptr);
  }
  size_t nonzero = 0;
  for (const auto& [name, w] : weights) {
    SpanFeatures f;
    f.h[0] = SpanFeatureHash(name);
    f.n = 1;
    ASSERT_EQ(m.Score(f), static_cast<double>(w)) << name;
    nonzero += w != 0;
  }
  EXPECT_EQ(m.size(), nonzero);
  EXPECT_GT(nonzero, 1000u);
}

TEST(SpanModel, TheVersionedModelsScoreEveryFeatureExactly) {
  ExpectEveryLineScoresItsWeight(EmbeddedSpanModel());
  ExpectEveryLineScoresItsWeight(EmbeddedCueContextModel());
}

TEST(SpanModel, TrimsLikeTheScorer) {
  EXPECT_EQ(TrimSpanText("  \xE2\x80\x9C"
                         "Bennett,\xE2\x80\x9D "),
            "Bennett");
  EXPECT_EQ(TrimSpanText("(D-Wash.)"), "D-Wash");
  EXPECT_EQ(TrimSpanText("\xE2\x80\x94 said \xE2\x80\x94"), "said");
  EXPECT_EQ(TrimSpanText(".,;"), "");
}

// A toy decision: two candidates, keep the rule's end or cut it before the
// word `next`.
SpanDecision ToyDecision(std::map<uint64_t, std::string>& names, std::string_view next) {
  SpanDecision d;
  d.source = true;
  d.candidates = {{0, 10}, {0, 4}};
  d.features.resize(2);
  for (SpanFeatures& f : d.features) f.names = &names;
  d.features[0].Add("sk");
  d.features[1].Add("sx");
  d.features[1].Add("sx", "F2", ",", next);
  return d;
}

TEST(SpanModel, ThePerceptronLearnsWhichCandidateIsRight) {
  // Cutting is right exactly when a relative pronoun follows the cut.
  std::map<uint64_t, std::string> names;
  auto decision = [&](std::string_view next) { return ToyDecision(names, next); };
  SpanModelTrainer trainer;
  for (int epoch = 0; epoch < 5; ++epoch) {
    trainer.Update(decision("who"), {false, true});
    trainer.Update(decision("the"), {true, false});
    trainer.Update(decision("a"), {true, false});
  }
  SpanModel m(trainer.Serialize(names, 1e-6));
  SpanDecision who = decision("who"), the = decision("the");
  EXPECT_GT(m.Score(who.features[1]), m.Score(who.features[0]));
  EXPECT_LT(m.Score(the.features[1]), m.Score(the.features[0]));
}

// Toy decisions: keep the rule's end or cut it; cutting is right exactly when
// a relative pronoun follows the cut.
std::vector<SpanDecision> ToyDecisions(std::map<uint64_t, std::string>& names,
                                       std::vector<std::vector<bool>>& right) {
  std::vector<SpanDecision> ds;
  const char* next[] = {"who", "the", "a", "whose", "his", "who", "an", "which", "the", "her"};
  for (int round = 0; round < 3; ++round)
    for (const char* w : next) {
      const bool cut = w[0] == 'w';
      ds.push_back(ToyDecision(names, w));
      right.push_back({!cut, cut});
    }
  return ds;
}

std::unordered_map<uint64_t, double> Logistic(const std::vector<SpanDecision>& ds,
                                              const std::vector<std::vector<bool>>& right) {
  std::unordered_map<uint64_t, uint32_t> count;
  for (const SpanDecision& d : ds)
    for (const SpanFeatures& f : d.features)
      for (uint32_t i = 0; i < f.n; ++i) ++count[f.h[i]];
  return TrainSpanLogistic(ds, right, std::vector<bool>(ds.size(), true), count, 1, 1.0);
}

double Score(const std::unordered_map<uint64_t, double>& w, const SpanFeatures& f) {
  double s = 0;
  for (uint32_t i = 0; i < f.n; ++i)
    if (auto it = w.find(f.h[i]); it != w.end()) s += it->second;
  return s;
}

TEST(SpanModel, TheLogisticFitRanksTheRightCandidateFirst) {
  std::map<uint64_t, std::string> names;
  std::vector<std::vector<bool>> right;
  std::vector<SpanDecision> ds = ToyDecisions(names, right);
  std::unordered_map<uint64_t, double> w = Logistic(ds, right);
  for (size_t d = 0; d < ds.size(); ++d)
    EXPECT_EQ(Score(w, ds[d].features[1]) > Score(w, ds[d].features[0]), right[d][1]) << d;
}

TEST(SpanModel, TheLogisticFitIgnoresOrderAndMovesLittleWithADuplicate) {
  std::map<uint64_t, std::string> names;
  std::vector<std::vector<bool>> right;
  std::vector<SpanDecision> ds = ToyDecisions(names, right);
  std::unordered_map<uint64_t, double> w = Logistic(ds, right);
  // The same decisions in reverse order: the same weights (the perceptron's
  // depend on the order).
  std::vector<SpanDecision> rev(ds.rbegin(), ds.rend());
  std::vector<std::vector<bool>> rev_right(right.rbegin(), right.rend());
  std::unordered_map<uint64_t, double> w_rev = Logistic(rev, rev_right);
  ASSERT_EQ(w_rev.size(), w.size());
  for (const auto& [h, x] : w) EXPECT_NEAR(w_rev[h], x, 1e-6) << names[h];
  // One decision more (a copy of the first): every weight moves by a small
  // part of its size, and no decision changes.
  ds.push_back(ds[0]);
  right.push_back(right[0]);
  std::unordered_map<uint64_t, double> w_dup = Logistic(ds, right);
  for (const auto& [h, x] : w) {
    EXPECT_NEAR(w_dup[h], x, 0.1 * std::fabs(x) + 0.01) << names[h];
  }
  for (size_t d = 0; d < ds.size(); ++d)
    EXPECT_EQ(Score(w_dup, ds[d].features[1]) > Score(w_dup, ds[d].features[0]), right[d][1]);
}

TEST(SpanModel, TrainingPairsPredictionsWithGoldAndFindsTheRightEnd) {
  const std::string text =
      "\xE2\x80\x9CWe need him,\xE2\x80\x9D said Bennett, who has grown friendly with Trump.";
  Segmentation seg = Segment(text);
  auto at = [&](std::string_view w) {
    uint32_t b = static_cast<uint32_t>(text.find(w));
    return ByteSpan{b, b + static_cast<uint32_t>(w.size())};
  };
  GoldSpans gold;
  gold.content = {at("\xE2\x80\x9CWe need him,\xE2\x80\x9D")};
  gold.cue = {at("said")};
  gold.source = {at("Bennett")};
  SpanTrainingSet set;
  set.Add(text, seg, {gold});
  ASSERT_EQ(set.decisions(), 1u);  // the source's end (cue ends stay with the rules)
  EXPECT_EQ(set.learnable(), 1u);
  SpanTrainOptions o;
  o.logistic = false;
  o.epochs = 3;
  o.min_weight = 1e-6;
  o.min_count = 1;
  std::string model = set.Train(o);
  EXPECT_NE(model.find("\tsx"), std::string::npos) << model;
  EXPECT_NE(model.find("\tsk"), std::string::npos) << model;
}

TEST(SpanModel, TheCompiledInModelLeavesARelativeClauseOutOfAnInvertedSource) {
  // PolNeAR train: "said Bennett, who has grown friendly with Trump" has the
  // source "Bennett"; the rules took the whole appositive.
  auto qs = chorus::testing::Find(
      "\xE2\x80\x9CIt's a time for him to say we're at war,\xE2\x80\x9D said Bennett, who has "
      "grown friendly with Trump. \xE2\x80\x9CWe need him.\xE2\x80\x9D");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].source, "Bennett");
  EXPECT_EQ(qs[0].cue, "said");
  // ... and keeps a short one-word source as it is.
  qs = chorus::testing::Find("\xE2\x80\x9CWe need him,\xE2\x80\x9D Trump said on Monday.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].source, "Trump");
}

TEST(SpanModel, VersionedModelIsWhatTrainQuotesWrites) {
  using namespace chorus::testing;
  std::string train = SharedPath("data/polnear/train.jsonl");
  if (!Exists(train)) GTEST_SKIP() << "../shared/data/polnear/train.jsonl not found; skipping";
  std::string out = TempDir() + "/span_model.tsv";
  RunResult r = RunChorus("train-quotes --spans '" + train + "' -o '" + out + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(ReadFile(out), ReadFile(std::string(CHORUS_SOURCE_DIR) + "/models/span_model.tsv"));
}

}  // namespace
}  // namespace chorus::quotes
