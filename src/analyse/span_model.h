// SpanModel — where a cue or a source ends, learned from annotated
// attributions (internal).
//
// The rules of the attribution finder propose a cue span and a source span;
// the model then chooses where each ends among candidates around the rule's
// end: the rule's own end ("keep"), shorter ends inside the span ("cut":
// "Doyle, whose home state …" → "Doyle") and longer ones up to 10 tokens to
// the right in the same sentence ("extend": "said" → "said in an interview").
// Each candidate is described by hashed features (words at the boundary, the
// cue verb, distance, punctuation crossed; see attribution_spans.cc); a
// linear model scores them and the best wins, ties going to "keep".
//
// Training (`chorus train-quotes --spans`, README.md) runs the rules over
// PolNeAR train, pairs each prediction with a gold attribution by content
// overlap (as the scorer does) and fits the weights so that the candidate
// whose text equals the gold span ranks first (decisions with no such
// candidate are skipped). Since session 6 the fit minimises an L2-regularised
// softmax loss over each decision's candidates (l2 = 1, features seen in at
// least 3 decisions) by L-BFGS (libLBFGS) from zero: the loss is convex, so the result
// is its one optimum, independent of any order, and moves little when a few
// decisions come or go (5-fold CV on train: dropping 2% of the training
// articles flips 2.6 of 1,251 held-out decisions on average, against 8.6 for
// the mean of 8 averaged perceptrons used before, at the same accuracy;
// docs/ACCURACY.md, "Span model training (session 6)"). `--perceptron` still
// trains the old way; `--cv-report` prints those figures. The weights are
// written as text, one feature a line
// ("weight<TAB>feature", sorted by feature), versioned as
// models/span_model.tsv and compiled in like the cue lexicon (the environment
// variable CHORUS_SPAN_MODEL=FILE replaces it, for trying a model).
// Scoring allocates nothing; the table is built once, on first use, and is
// then read-only (thread-safe).
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/article.h"
#include "chorus/segment.h"

namespace chorus::quotes {

// One piece of a feature's name (a word of it) with its hash, which callers
// that use the same piece many times compute once. A piece holding spaces
// stands for several (its hash is not used).
struct SpanPiece {
  SpanPiece() = default;
  SpanPiece(std::string_view s);  // NOLINT(google-explicit-constructor): a word is a piece
  SpanPiece(const char* s) : SpanPiece(std::string_view(s)) {}  // NOLINT
  std::string_view s;
  uint64_t h = 0;
  bool spaced = false;
};

// The features of one candidate: hashes, at most kMaxFeatures of them, and
// (while training) their names.
struct SpanFeatures {
  static constexpr uint32_t kMaxFeatures = 32;
  uint64_t h[kMaxFeatures];
  uint32_t n = 0;
  std::map<uint64_t, std::string>* names = nullptr;  // set by the trainer only

  // Adds the feature "a b c d" (the non-empty pieces joined by a space).
  // Inline: it runs for every feature of every candidate end.
  void Add(const SpanPiece& a, const SpanPiece& b = {}, const SpanPiece& c = {},
           const SpanPiece& d = {}) {
    if (n == kMaxFeatures) return;
    uint64_t x = Combine(kSeed, a);
    if (!b.s.empty()) x = Combine(x, b);
    if (!c.s.empty()) x = Combine(x, c);
    if (!d.s.empty()) x = Combine(x, d);
    h[n++] = x;
    if (names != nullptr) Name(x, a, b, c, d);
  }

  static constexpr uint64_t kSeed = 1469598103934665603ull;  // FNV-1a's offset basis
  // Mixes one piece's hash into a feature's.
  static uint64_t Combine(uint64_t h, uint64_t piece) {
    h = (h ^ piece) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
  }
  static uint64_t Combine(uint64_t h, const SpanPiece& p) {
    return p.spaced ? CombineWords(h, p.s) : Combine(h, p.h);
  }
  // Mixes every word of `s` (split at spaces) in turn.
  static uint64_t CombineWords(uint64_t h, std::string_view s);

 private:
  void Name(uint64_t x, const SpanPiece& a, const SpanPiece& b, const SpanPiece& c,
            const SpanPiece& d);
};

// Hash of a feature name, as SpanFeatures::Add computes it from its pieces:
// each word (split at spaces) hashed alone (FNV-1a) and the word hashes
// combined in order, so that a piece's hash can be reused across features.
uint64_t SpanFeatureHash(std::string_view name);

// The weights compiled into the binary (models/span_model.tsv).
// A model file the compact table cannot hold exactly (see SpanModel).
struct ModelError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class SpanModel {
 public:
  explicit SpanModel(std::string_view text);  // "weight<TAB>feature" lines
  double Score(const SpanFeatures& f) const;
  static const SpanModel& Embedded();
  size_t size() const { return size_; }

 private:
  // Open addressing, linear probing, a power-of-two table at most half full:
  // Score runs for every feature of every candidate end, and a probe into one
  // flat array costs far less than a node-based map's lookup. A feature's
  // hash picks its home slot by its low bits and is told apart there by its
  // high 32 bits (the tag): 8-byte slots keep the table at 256 KB for the
  // span model, where the probes' cache misses are most of Score's time. Two
  // features of a model whose tags meet on one probe run are refused when the
  // model is loaded (ModelError), so a loaded model is always exactly its
  // file. A feature absent from the model matches a stored one only when its
  // 32-bit tag equals that of a slot it probes (odds ~1e-9 a lookup). A slot
  // with weight 0 and tag 0 is empty (a weight of 0 is no weight, so such
  // features are not stored).
  struct Slot {
    uint32_t tag = 0;
    float w = 0;
  };
  void Put(uint64_t key, float w, std::vector<uint64_t>& keys);
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

// One boundary the finder chose, as the trainer sees it.
struct SpanDecision {
  bool source = false;               // a source end, else a cue end
  bool direct = false;               // of an attribution chorus reads as a quotation
  std::vector<ByteSpan> content;     // of the attribution
  std::vector<ByteSpan> candidates;  // [0] is the rule's span
  std::vector<SpanFeatures> features;
};

// FindAttributions without the model, recording every decision it would take.
std::vector<SpanDecision> SpanDecisions(std::string_view text, const Segmentation& seg,
                                        std::map<uint64_t, std::string>& names);

// An averaged perceptron over SpanDecisions.
class SpanModelTrainer {
 public:
  // One update: `gold` is the index of a right candidate (several may be
  // right: `right[i]`); returns true when the model already ranked one first.
  bool Update(const SpanDecision& d, const std::vector<bool>& right);
  // Adds the averaged weights, times `scale`, to `sum`.
  void AddAveraged(std::unordered_map<uint64_t, double>& sum, double scale) const;
  // The averaged weights, |w| ≥ min_weight, as model text.
  std::string Serialize(const std::map<uint64_t, std::string>& names, double min_weight) const {
    std::unordered_map<uint64_t, double> w;
    AddAveraged(w, 1.0);
    return Serialize(w, names, min_weight);
  }
  // Weights with |w| ≥ min_weight, as model text.
  static std::string Serialize(const std::unordered_map<uint64_t, double>& weights,
                               const std::map<uint64_t, std::string>& names, double min_weight);

 private:
  struct W {
    double w = 0, total = 0;
    uint64_t stamp = 0;
  };
  double Score(const SpanFeatures& f) const;
  void Add(const SpanFeatures& f, double by);
  std::unordered_map<uint64_t, W> w_;
  uint64_t step_ = 1;
};

// Gold attributions of one article (byte spans), for training.
struct GoldSpans {
  std::vector<ByteSpan> content, cue, source;
};

// How SpanTrainingSet::Train fits the weights.
struct SpanTrainOptions {
  bool logistic = true;      // else the mean of 8 averaged perceptrons (rounds 4-6c)
  int epochs = 10;           // perceptron passes
  double l2 = 1.0;           // logistic: the weight of |w|^2 / 2 in the loss
  uint32_t min_count = 3;    // features seen in fewer decisions are left out
  double min_weight = 1e-4;  // smaller weights are not written
};

// The decisions of the training articles, with which candidates are right: a
// candidate is right when its text equals the gold span's after trimming white
// space, punctuation and quotation marks at the ends (the scorer's test).
class SpanTrainingSet {
 public:
  void Add(std::string_view text, const Segmentation& seg, const std::vector<GoldSpans>& gold);
  // The model text.
  std::string Train(const SpanTrainOptions& o) const { return Serialize(Weights(o), o.min_weight); }
  // The weights learned from the decisions of the articles `a` with
  // use_article[a] (all when empty), over the features seen in at least
  // o.min_count of those decisions.
  std::unordered_map<uint64_t, double> Weights(const SpanTrainOptions& o,
                                               const std::vector<bool>& use_article = {}) const;
  std::string Serialize(const std::unordered_map<uint64_t, double>& w, double min_weight) const {
    return SpanModelTrainer::Serialize(w, names_, min_weight);
  }
  // The candidate `m` ranks first in each decision (ties: the earlier, as at
  // run time).
  std::vector<uint32_t> Choose(const SpanModel& m) const;
  size_t decisions() const { return decisions_.size(); }
  size_t learnable() const { return learnable_; }  // with a right candidate
  size_t articles() const { return articles_; }
  uint32_t article(size_t d) const { return article_[d]; }  // of decision d
  const std::vector<bool>& right(size_t d) const { return right_[d]; }
  const SpanDecision& decision(size_t d) const { return decisions_[d]; }

 private:
  std::vector<SpanDecision> decisions_;
  std::vector<std::vector<bool>> right_;
  std::vector<uint32_t> article_;
  std::map<uint64_t, std::string> names_;
  size_t learnable_ = 0, articles_ = 0;
};

// The L2-regularised softmax ranking loss over the candidates of the
// decisions with use[d] and a right candidate, minimised by libLBFGS from zero
// (deterministic; the loss is convex, so the optimum is unique and moves
// little when a few decisions come or go). `count` is the number of used
// decisions each feature is seen in; features under `min_count` get no weight.
std::unordered_map<uint64_t, double> TrainSpanLogistic(
    const std::vector<SpanDecision>& ds, const std::vector<std::vector<bool>>& right,
    const std::vector<bool>& use, const std::unordered_map<uint64_t, uint32_t>& count,
    uint32_t min_count, double l2);

// `text[s]` without white space, punctuation and quotation marks at its ends.
std::string_view TrimSpanText(std::string_view s);

// The spans' text in text order, joined by spaces and trimmed as TrimSpanText
// does: what the scorer compares for an exact match.
std::string JoinedSpanText(std::string_view text, std::vector<ByteSpan> spans);

// Pairs predicted contents with gold attributions one to one, greedily by
// the largest content overlap, as the scorer does: for each prediction, the
// index of its gold attribution, or gold.size() when it has none.
std::vector<size_t> PairByContent(const std::vector<const std::vector<ByteSpan>*>& predicted,
                                  const std::vector<GoldSpans>& gold);

// The embedded model text (generated from models/span_model.tsv).
std::string_view EmbeddedSpanModel();

// The text of the model file named by the environment variable `env` when it
// is set and not empty (for trying a model before compiling it in), else
// `embedded`.
std::string ModelText(const char* env, std::string_view embedded);

}  // namespace chorus::quotes
