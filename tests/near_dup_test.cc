// Near-duplicate detection: shingling invariances, the index's contract, a
// property over thousands of generated pairs (every pair with Jaccard >= 0.8 is
// found, none below 0.5 is), and planted copies in PolNeAR texts.
#include "chorus/near_dup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "chorus/normalize.h"
#include "chorus/reader.h"
#include "group/minhash.h"
#include "test_util.h"

namespace chorus {
namespace {

// ---------------------------------------------------------------------------
// Deterministic generators.

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {  // splitmix64
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1p-53; }
  bool Chance(double p) { return Unit() < p; }

 private:
  uint64_t s_;
};

// 5000 pseudo-words ("kelomar", "tu", ...), the same on every run.
const std::vector<std::string>& Vocabulary() {
  static const std::vector<std::string> vocab = [] {
    Rng rng(7);
    const std::string cons = "bcdfghjklmnprstvwz", vow = "aeiou";
    std::vector<std::string> v;
    for (int i = 0; i < 5000; ++i) {
      std::string w;
      for (size_t s = 0, n = 1 + rng.Below(4); s < n; ++s) {
        w += cons[rng.Below(cons.size())];
        w += vow[rng.Below(vow.size())];
      }
      v.push_back(w);
    }
    return v;
  }();
  return vocab;
}

std::string RandomWord(Rng& rng) {
  return Vocabulary()[rng.Below(Vocabulary().size())];
}

// A text as words, each with the white space that follows it.
struct Token {
  std::string word, sep;
};
using Tokens = std::vector<Token>;

Tokens Tokenize(std::string_view text) {
  Tokens out;
  auto space = [&](size_t i) { return std::isspace(static_cast<unsigned char>(text[i])) != 0; };
  size_t i = 0, w, s;
  while (i < text.size() && space(i)) ++i;
  while (i < text.size()) {
    for (w = i; i < text.size() && !space(i);) ++i;
    for (s = i; i < text.size() && space(i);) ++i;
    out.push_back({std::string(text.substr(w, s - w)), std::string(text.substr(s, i - s))});
  }
  return out;
}

std::string Join(const Tokens& t) {
  std::string out;
  for (const Token& k : t) out += k.word + (k.sep.empty() ? " " : k.sep);
  return out;
}

// A synthetic article of `n` words: sentences, capitals, a paragraph break now and then.
Tokens SyntheticArticle(Rng& rng, size_t n) {
  Tokens t;
  bool start = true;
  for (size_t i = 0; i < n; ++i) {
    std::string w = RandomWord(rng);
    if (start) w[0] = static_cast<char>(std::toupper(w[0]));
    start = rng.Chance(0.07);
    if (start) w += '.';
    t.push_back({w, start && rng.Chance(0.3) ? "\n\n" : " "});
  }
  return t;
}

// Replaces, deletes or inserts runs of 1..max_run words until about
// `rate` * size words are touched (copy-editing).
Tokens EditWords(Tokens t, double rate, size_t max_run, Rng& rng) {
  auto budget = static_cast<size_t>(std::lround(rate * static_cast<double>(t.size())));
  while (budget > 0 && !t.empty()) {
    size_t run = std::min({1 + rng.Below(max_run), budget, t.size()});
    size_t at = rng.Below(t.size() - run + 1);
    switch (rng.Below(3)) {
      case 0:
        for (size_t k = 0; k < run; ++k) t[at + k].word = RandomWord(rng);
        break;
      case 1:
        t.erase(t.begin() + static_cast<ptrdiff_t>(at),
                t.begin() + static_cast<ptrdiff_t>(at + run));
        break;
      default:
        for (size_t k = 0; k < run; ++k)
          t.insert(t.begin() + static_cast<ptrdiff_t>(at), Token{RandomWord(rng), " "});
    }
    budget -= run;
  }
  return t;
}

// Changes white space only: joins and splits paragraphs, doubles spaces, tabs, CRLF.
Tokens Rewrap(Tokens t, Rng& rng) {
  static const char* const kSeps[] = {" ", "  ", "\n", "\n\n", "\t", "\r\n", " \n  "};
  for (Token& k : t) {
    if (rng.Chance(0.05)) k.sep = kSeps[rng.Below(std::size(kSeps))];
  }
  return t;
}

const char* const kBoilerplate[] = {
    "Copyright 2016 The Associated Press. All rights reserved.",
    "Click here to subscribe to our newsletter.",
    "(Reporting by Jane Doe; Editing by John Smith)",
    "Follow us on Twitter and Facebook for the latest news and updates.",
    "Sign up for our daily briefing and never miss a story.",
};

// Curly quotes and apostrophes -> straight ones, em dashes -> "--".
std::string Straighten(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const std::string_view c = s.substr(i, 3);
    if (c == "\u201C" || c == "\u201D") {
      out += '"';
    } else if (c == "\u2018" || c == "\u2019") {
      out += '\'';
    } else if (c == "\u2014") {
      out += "--";
    } else {
      out += s[i];
      continue;
    }
    i += 2;
  }
  return out;
}

std::string AddBoilerplate(const std::string& text, Rng& rng) {
  const size_t n = std::size(kBoilerplate);
  if (rng.Chance(0.5)) return std::string(kBoilerplate[rng.Below(n)]) + "\n\n" + text;
  return text + "\n\n" + kBoilerplate[rng.Below(n)];
}

// ---------------------------------------------------------------------------
// Shingling and sketches.

constexpr const char* kArticle =
    "WASHINGTON \u2014 The Senate voted on Tuesday to approve a sweeping overhaul of the "
    "nation\u2019s flood insurance program, sending the measure to the president after "
    "months of negotiations between coastal and inland lawmakers.\n\n"
    "\u201CThis is a good day for homeowners,\u201D said Senator Maria Alvarez, who "
    "led the talks. \u201CWe kept premiums in check and paid down the debt.\u201D\n\n"
    "The bill extends the program for five years, caps annual premium increases at 15 percent "
    "and requires new flood maps for more than 3,000 counties. Critics said the caps would "
    "leave taxpayers exposed when the next major hurricane strikes the Gulf Coast.\n\n"
    "The House passed its version last month by a vote of 312 to 104. Officials at the "
    "Federal Emergency Management Agency said the changes would take effect in October, "
    "giving insurers time to update their rates and notify policyholders across the country.";

bool Found(const std::string& a, const std::string& b, NearDupOptions opt = {}) {
  NearDuplicateIndex index(opt);
  EXPECT_FALSE(index.Add(0, a).has_value());
  auto r = index.Add(1, b);
  return r.has_value() && *r == 0;
}

double J(const std::string& a, const std::string& b) {
  return Jaccard(Sketch(a), Sketch(b));
}

// The reference definition of the words: maximal runs of ASCII letters/digits
// and non-ASCII bytes in Normalize(text), hashed one by one.
std::vector<uint64_t> ReferenceWordHashes(std::string_view text) {
  const std::string v = Normalize(text);
  std::vector<uint64_t> out;
  auto is_word = [](unsigned char c) { return c >= 0x80 || std::isalnum(c); };
  for (size_t i = 0; i < v.size();) {
    if (!is_word(static_cast<unsigned char>(v[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < v.size() && is_word(static_cast<unsigned char>(v[j]))) ++j;
    out.push_back(group::HashWord(std::string_view(v).substr(i, j - i)));
    i = j;
  }
  return out;
}

TEST(NearDupSketch, FastWordsEqualTheWordsOfTheNormalisedView) {
  std::vector<std::string> texts = {
      "",
      "a",
      "Hello, WORLD!",
      " \u0301abc e\u0301 \u0301\u0301x",  // combining marks after spaces, in words
      "A\u00A0B\u2003C",                   // NBSP, em space inside a chunk
      "\uFB01nance \uFF21\uFF22 Stra\u00DFe \u0130stanbul",
      "don\u2019t a\u2014b `quoted' x\vy\fz\r\nw\tv",
      "ABCDEFGHIJKLMNOP abcdefghijklmnopq ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
      std::string(63, ' ') + "wordacrossblocks" + std::string(50, 'x'),
      std::string(64, 'y'),
      std::string(128, 'Z'),
      "caf\u00E9" + std::string(60, '-') + "\u201CFin\u201D"};
  Rng rng(23);
  const std::vector<std::string> pieces = {
      "a",      "B",      "7",      " ",      "\n",   "-", "'",  "\u2019", "\u00E9",     "\u0301",
      "\uFB01", "\u00A0", "\u2014", "\u201C", "Word", "x", "\t", ".",      "\U0001F600", "\uFF21"};
  for (int i = 0; i < 300; ++i) {
    std::string t;
    for (size_t k = 0, n = rng.Below(200); k < n; ++k) t += pieces[rng.Below(std::size(pieces))];
    texts.push_back(t);
  }
  const std::string path = testing::SharedPath("data/polnear/train.jsonl");
  if (testing::Exists(path)) {
    Diagnostics diag(nullptr);
    ReadInputs({path}, {}, diag, [&](Article&& a) { texts.push_back(std::move(a.text)); });
  }
  group::Sketcher sketcher;
  for (const std::string& t : texts) {
    EXPECT_EQ(sketcher.WordHashes(t), ReferenceWordHashes(t)) << t;
  }
}

TEST(NearDupSketch, ShinglesAreFiveWordWindows) {
  DocSketch s = Sketch("a b c d e f");
  EXPECT_EQ(s.shingles.size(), 2u);
  EXPECT_TRUE(std::is_sorted(s.shingles.begin(), s.shingles.end()));
  EXPECT_DOUBLE_EQ(J("a b c d e f", "a b c d e g"), 1.0 / 3);  // {abcde, bcdef} vs {abcde, bcdeg}
  EXPECT_DOUBLE_EQ(J("a b c d e a b c d e", "a b c d e"), 1.0 / 5);  // repeats count once
  EXPECT_EQ(Sketch("x y x y x y x y x y x y").shingles.size(), 2u);
}

TEST(NearDupSketch, NormalisedViewIgnoresCaseQuotesDashesAndWhiteSpace) {
  EXPECT_EQ(J("The \u201CQuick\u201D brown fox don\u2019t jump \u2014 over",
              "the \"quick\"\n\nbrown   FOX don't jump - over"),
            1.0);
  EXPECT_EQ(J("\uFB01nance  minister \uFF21\uFF22 said today", "finance minister ab said today"),
            1.0);  // ligature, fullwidth letters
  EXPECT_EQ(J("Caf\u00E9 owners said on Monday", "Cafe\u0301 owners said on Monday"), 1.0);
  EXPECT_LT(J("one two three four five", "one two three four six"), 0.5);
}

TEST(NearDupSketch, TinyAndEmptyTexts) {
  EXPECT_EQ(Sketch("Breaking news").shingles.size(), 1u);  // whole text, one shingle
  EXPECT_EQ(J("Breaking news", "Breaking news today"), 0.0);
  EXPECT_TRUE(Sketch("").empty());
  EXPECT_TRUE(Sketch(" \n\t \u2014 !!! ... ").empty());  // no words
  EXPECT_EQ(J("", ""), 0.0);
  EXPECT_EQ(EstimatedJaccard(Sketch(""), Sketch("")), 0.0);
}

TEST(NearDupSketch, EstimateTracksExactJaccard) {
  Rng rng(3);
  for (int i = 0; i < 50; ++i) {
    Tokens base = SyntheticArticle(rng, 400 + rng.Below(800));
    DocSketch a = Sketch(Join(base)), b = Sketch(Join(EditWords(base, rng.Unit() * 0.3, 3, rng)));
    EXPECT_NEAR(EstimatedJaccard(a, b), Jaccard(a, b), 0.22);  // 5 standard deviations
  }
}

// ---------------------------------------------------------------------------
// What counts as a near-duplicate.

TEST(NearDup, CopyWithOtherBoilerplateIsFound) {
  // A header and a footer line, ~10% of the text.
  std::string copy = std::string("By The Associated Press | Published 9:41 a.m.\n\n") + kArticle +
                     "\n\nCopyright 2016 The Associated Press. All rights reserved.";
  EXPECT_GE(J(kArticle, copy), 0.7);
  EXPECT_TRUE(Found(kArticle, copy));
}

TEST(NearDup, ExactRewrappedStraightenedAndEditedCopiesAreFound) {
  std::string rewrapped = kArticle;
  for (size_t i = 0; i < rewrapped.size(); i += 37) {
    if (rewrapped[i] == ' ') rewrapped[i] = '\n';
  }
  std::string straight = Straighten(kArticle);
  ASSERT_EQ(straight.find('\xE2'), std::string::npos);
  std::string edited = kArticle;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");
  edited.replace(edited.find("sweeping"), 8, "broad");
  edited.erase(edited.find(" major"), 6);
  for (const std::string& copy : {std::string(kArticle), rewrapped, straight, edited}) {
    EXPECT_TRUE(Found(kArticle, copy)) << copy;
  }
  EXPECT_EQ(J(kArticle, rewrapped), 1.0);
  EXPECT_EQ(J(kArticle, straight), 1.0);
}

TEST(NearDup, UnrelatedAndQuoteSharingArticlesAreNotFlagged) {
  const std::string quote =
      "\u201CThis is a good day for homeowners,\u201D said Senator Maria Alvarez, who "
      "led the talks. \u201CWe kept premiums in check and paid down the debt.\u201D";
  Rng rng(11);
  const std::string other =
      Join(SyntheticArticle(rng, 150)) + "\n\n" + quote + "\n\n" + Join(SyntheticArticle(rng, 120));
  EXPECT_LT(J(kArticle, other), 0.5);
  EXPECT_GT(J(kArticle, other), 0.0);  // they do share shingles
  EXPECT_FALSE(Found(kArticle, other));
  EXPECT_FALSE(Found(kArticle, Join(SyntheticArticle(rng, 160))));
}

TEST(NearDup, ThresholdIsAnOption) {
  Rng rng(5);
  Tokens base = SyntheticArticle(rng, 600);
  std::string a = Join(base), b = Join(EditWords(base, 0.03, 2, rng));
  double j = J(a, b);
  ASSERT_GT(j, 0.7);
  ASSERT_LT(j, 0.95);
  EXPECT_TRUE(Found(a, b));
  EXPECT_FALSE(Found(a, b, {.threshold = 0.95}));
  EXPECT_THROW(NearDuplicateIndex({.threshold = 0}), std::invalid_argument);
}

// ---------------------------------------------------------------------------
// The index.

TEST(NearDupIndex, ChainAndRepeatsPointToTheEarliest) {
  Rng rng(13);
  Tokens a = SyntheticArticle(rng, 500);
  Tokens b = EditWords(a, 0.01, 2, rng);  // B copies A
  Tokens c = EditWords(b, 0.01, 2, rng);  // C copies B
  NearDuplicateIndex index;
  EXPECT_EQ(index.Add(10, Join(a)), std::nullopt);
  EXPECT_EQ(index.Add(11, Join(SyntheticArticle(rng, 300))), std::nullopt);
  EXPECT_EQ(index.Add(12, Join(b)), 10u);
  EXPECT_EQ(index.Add(14, Join(c)), 10u);
  EXPECT_EQ(index.Add(15, Join(c)), 10u);  // exact copy of C, still A
  EXPECT_EQ(index.size(), 5u);
}

TEST(NearDupIndex, EmptyAndTinyDocumentsAndIndexOrder) {
  NearDuplicateIndex index;
  EXPECT_EQ(index.Add(0, ""), std::nullopt);
  EXPECT_EQ(index.Add(1, ""), std::nullopt);  // empty never matches empty
  EXPECT_EQ(index.Add(2, "!!! --- ..."), std::nullopt);
  EXPECT_EQ(index.Add(3, "Breaking news"), std::nullopt);
  EXPECT_EQ(index.Add(4, "BREAKING NEWS."), 3u);
  EXPECT_EQ(index.Add(5, "Breaking news today"), std::nullopt);
  EXPECT_EQ(index.size(), 6u);
  EXPECT_THROW(index.Add(5, "Breaking news"), std::invalid_argument);  // indices must increase
  EXPECT_THROW(index.Add(2, ""), std::invalid_argument);
  EXPECT_EQ(index.Add(6, "Breaking news"), 3u);
}

TEST(NearDupIndex, ManyIdenticalCopiesPointToTheFirst) {
  NearDuplicateIndex index({.max_bucket = 4});  // buckets stay small; the first stays in
  for (uint32_t i = 0; i < 300; ++i) {
    ASSERT_EQ(index.Add(i, kArticle), i == 0 ? std::nullopt : std::optional<uint32_t>(0));
  }
}

TEST(NearDupIndex, PrecomputedSketchesFromThreadsGiveTheSameAnswers) {
  Rng rng(17);
  std::vector<std::string> texts;
  for (int i = 0; i < 200; ++i) {
    texts.push_back(i % 3 == 2
                        ? Join(EditWords(Tokenize(texts[rng.Below(texts.size())]), 0.02, 2, rng))
                        : Join(SyntheticArticle(rng, 50 + rng.Below(500))));
  }
  std::vector<DocSketch> sketches(texts.size());
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < texts.size(); i += 4) Sketch(texts[i], sketches[i]);
    });
  }
  for (std::thread& t : threads) t.join();
  NearDuplicateIndex from_text, from_sketch;
  int found = 0;
  for (uint32_t i = 0; i < texts.size(); ++i) {
    auto r = from_text.Add(i, texts[i]);
    EXPECT_EQ(r, from_sketch.Add(i, std::move(sketches[i]))) << i;
    found += r.has_value();
  }
  EXPECT_GE(found, 60);
}

TEST(NearDupIndex, DroppedSetsFallBackToTheSketch) {
  Rng rng(19);
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i) texts.push_back(Join(SyntheticArticle(rng, 800)));
  NearDuplicateIndex all, window({.max_sets = 4});
  for (uint32_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(all.Add(i, texts[i]), std::nullopt);
    EXPECT_EQ(window.Add(i, texts[i]), std::nullopt);
  }
  EXPECT_LT(window.memory_bytes() * 2, all.memory_bytes());
  // Doc 0's set is gone from `window`; an exact copy still matches on its sketch.
  EXPECT_EQ(window.Add(100, texts[0]), 0u);
  EXPECT_EQ(window.Add(101, Join(SyntheticArticle(rng, 800))), std::nullopt);
  EXPECT_EQ(all.Add(100, texts[0]), 0u);
}

TEST(NearDupIndex, HistoryKeepsTwoGenerations) {
  Rng rng(23);
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i) texts.push_back(Join(SyntheticArticle(rng, 800)));
  NearDuplicateIndex all, recent({.max_history = 8});
  for (uint32_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(all.Add(i, texts[i]), std::nullopt);
    EXPECT_EQ(recent.Add(i, texts[i]), std::nullopt);
  }
  EXPECT_LT(recent.memory_bytes() * 2, all.memory_bytes());
  // 40 added: slots 24-31 and 32-39 are held (two generations of 8); the
  // 41st starts a third generation, and 24-31 are forgotten.
  EXPECT_EQ(recent.Add(100, texts[39]), 39u);
  EXPECT_EQ(recent.Add(101, texts[32]), 32u);
  EXPECT_EQ(recent.Add(102, texts[30]), std::nullopt);
  EXPECT_EQ(all.Add(102, texts[30]), 30u);
  EXPECT_EQ(recent.Add(103, texts[5]), std::nullopt);
  EXPECT_THROW(NearDuplicateIndex({.max_history = 0}), std::invalid_argument);
}

// ---------------------------------------------------------------------------
// Property: thousands of generated pairs over the whole Jaccard range, in one
// index. Every pair with J >= 0.8 is found; none with J < 0.5 is; whatever is
// reported has J >= the threshold with the new document.
TEST(NearDupProperty, PairsAbove08AreFoundPairsBelow05AreNot) {
  Rng rng(2024);
  NearDuplicateIndex index;
  std::vector<DocSketch> kept;
  int high = 0, high_small = 0, low = 0, mid = 0, mid_found = 0;
  for (uint32_t p = 0; p < 2500; ++p) {
    const size_t n = rng.Chance(0.25) ? 5 + rng.Below(40) : 40 + rng.Below(1500);
    Tokens base = SyntheticArticle(rng, n);
    const double rate = 0.3 * rng.Unit() * rng.Unit();  // mostly light edits
    Tokens copy = Rewrap(EditWords(base, rate, 1 + rng.Below(4), rng), rng);
    DocSketch a = Sketch(Join(base)), b = Sketch(Join(copy));
    const double j = Jaccard(a, b);
    kept.push_back(a);
    kept.push_back(b);
    ASSERT_EQ(index.Add(2 * p, std::move(a)), std::nullopt);
    auto r = index.Add(2 * p + 1, std::move(b));
    if (r) {
      EXPECT_GE(Jaccard(kept[*r], kept[2 * p + 1]), NearDupOptions{}.threshold) << "pair " << p;
    }
    if (j >= 0.8) {
      ++high;
      high_small += n < 45;
      EXPECT_EQ(r, 2 * p) << "pair " << p << " J=" << j << " words=" << n;
    } else if (j < 0.5) {
      ++low;
      EXPECT_NE(r, 2 * p) << "pair " << p << " J=" << j;
    } else {
      ++mid;
      mid_found += r.has_value();
    }
  }
  EXPECT_GE(high, 800);
  EXPECT_GE(high_small, 100);
  EXPECT_GE(low, 400);
  std::cout << "pairs: " << high << " with J >= 0.8 (" << high_small
            << " of them under 45 words; all found), " << low << " with J < 0.5 (none found), "
            << mid << " between (" << mid_found << " found)\n";
}

// ---------------------------------------------------------------------------
// Planted copies in real news text: the first 600 PolNeAR train articles and a
// copy of 300 of them (3-5% of the words edited in runs of 1-3, re-wrapped,
// half with quotes straightened, a boilerplate line added), shuffled so that
// each copy comes after its original. Every edited word breaks up to 5
// shingles, so the copies land at J ~0.6-0.9 (median 0.8; short articles
// lower). At the default threshold (0.6) every copy with J >= 0.6 must be
// found, and 99% of all copies must be.

struct PlantedCorpus {
  std::vector<std::string> ids, texts;  // in the order they are added
  std::vector<int> original;            // position of the original, or -1
  std::vector<DocSketch> sketches;
};

std::string PlantCopy(const std::string& text, Rng& rng) {
  Tokens t = Rewrap(EditWords(Tokenize(text), 0.03 + 0.02 * rng.Unit(), 3, rng), rng);
  return AddBoilerplate(rng.Chance(0.5) ? Straighten(Join(t)) : Join(t), rng);
}

// Empty when ../shared is absent.
const PlantedCorpus& Planted() {
  static const PlantedCorpus corpus = [] {
    PlantedCorpus c;
    const std::string path = testing::SharedPath("data/polnear/train.jsonl");
    if (!testing::Exists(path)) return c;
    std::vector<std::string> ids, texts;
    Diagnostics diag(nullptr);
    ReadInputs({path}, {}, diag, [&](Article&& a) {
      if (texts.size() == 600) return;
      ids.push_back(std::move(a.id));
      texts.push_back(std::move(a.text));
    });
    // Docs: the originals, then the copies; copy_of[d] is the original of d or -1.
    Rng rng(1);
    std::vector<int> copy_of(texts.size(), -1);
    std::vector<size_t> pick(texts.size());
    std::iota(pick.begin(), pick.end(), 0);
    for (size_t i = 0; i < 300; ++i) {
      std::swap(pick[i], pick[i + rng.Below(pick.size() - i)]);
      ids.push_back(ids[pick[i]] + "#copy");
      texts.push_back(PlantCopy(texts[pick[i]], rng));
      copy_of.push_back(static_cast<int>(pick[i]));
    }
    // Shuffle, then swap every copy that comes first with its original.
    std::vector<size_t> order(texts.size()), pos(texts.size());
    std::iota(order.begin(), order.end(), 0);
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Below(i)]);
    for (size_t i = 0; i < order.size(); ++i) pos[order[i]] = i;
    for (size_t d = 0; d < texts.size(); ++d) {
      const auto o = static_cast<size_t>(copy_of[d]);
      if (copy_of[d] >= 0 && pos[d] < pos[o]) {
        std::swap(order[pos[d]], order[pos[o]]);
        std::swap(pos[d], pos[o]);
      }
    }
    for (size_t d : order) {
      const auto o = static_cast<size_t>(copy_of[d]);
      c.ids.push_back(ids[d]);
      c.texts.push_back(texts[d]);
      c.original.push_back(copy_of[d] < 0 ? -1 : static_cast<int>(pos[o]));
      c.sketches.push_back(Sketch(texts[d]));
    }
    return c;
  }();
  return corpus;
}

struct PlantedResult {
  size_t copies = 0, found = 0;             // all planted copies
  size_t eligible = 0, eligible_found = 0;  // those with J >= threshold
  size_t other_pairs = 0, false_pairs = 0;
  std::vector<double> planted_j;  // sorted
};

PlantedResult RunPlanted(double threshold) {
  const PlantedCorpus& c = Planted();
  PlantedResult res;
  NearDuplicateIndex index({.threshold = threshold});
  for (uint32_t d = 0; d < c.texts.size(); ++d) {
    auto r = index.Add(d, c.texts[d]);
    const int o = c.original[d];
    const double planted_j = o < 0 ? 0 : Jaccard(c.sketches[d], c.sketches[static_cast<size_t>(o)]);
    if (o >= 0) {
      ++res.copies;
      res.planted_j.push_back(planted_j);
      res.eligible += planted_j >= threshold;
    }
    if (!r) continue;
    const double j = Jaccard(c.sketches[d], c.sketches[*r]);
    const bool hit = o >= 0 && (static_cast<uint32_t>(o) == *r || j >= 0.5);
    res.found += hit;
    res.eligible_found += hit && planted_j >= threshold;
    if (o >= 0 && static_cast<uint32_t>(o) == *r) continue;
    if (j >= 0.5) {  // a near-duplicate already in PolNeAR (or a copy of one)
      ++res.other_pairs;
      std::cout << "near-duplicates in PolNeAR: " << c.ids[*r] << " and " << c.ids[d]
                << ", J = " << j << "\n";
    } else {
      ++res.false_pairs;
      ADD_FAILURE() << "false pair: " << c.ids[*r] << " and " << c.ids[d] << ", J = " << j;
    }
  }
  std::sort(res.planted_j.begin(), res.planted_j.end());
  std::cout << "threshold " << threshold << ": " << res.found << " of " << res.copies
            << " planted copies found, " << res.eligible_found << " of the " << res.eligible
            << " with J >= " << threshold << "; " << res.other_pairs << " other pairs, "
            << res.false_pairs << " false; planted J min " << res.planted_j.front()
            << ", 1st percentile " << res.planted_j[res.copies / 100] << ", median "
            << res.planted_j[res.copies / 2] << "; index " << index.memory_bytes() / 1024
            << " KiB\n";
  return res;
}

TEST(NearDupCorpus, PlantedCopiesInPolnearAtTheDefaultThreshold) {
  if (Planted().texts.empty())
    GTEST_SKIP() << "../shared/data/polnear/train.jsonl not found; skipping";
  PlantedResult r = RunPlanted(NearDupOptions{}.threshold);
  EXPECT_EQ(r.copies, 300u);
  EXPECT_GE(r.eligible, 280u);
  EXPECT_GE(r.eligible_found * 100, r.eligible * 99);  // recall >= 99%
  EXPECT_EQ(r.false_pairs, 0u);
}

TEST(NearDupCorpus, PlantedCopiesInPolnearAtThreshold06) {
  if (Planted().texts.empty())
    GTEST_SKIP() << "../shared/data/polnear/train.jsonl not found; skipping";
  PlantedResult r = RunPlanted(0.6);
  EXPECT_GE(r.found * 100, r.copies * 99);  // recall >= 99% of every planted copy
  EXPECT_EQ(r.false_pairs, 0u);
}

}  // namespace
}  // namespace chorus
