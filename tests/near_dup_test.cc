// Near-duplicate detection: shingling invariances and the index's contract.
// The property over generated pairs and the planted PolNeAR copies are in
// near_dup_corpus_test.cc.
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
#include "near_dup_gen.h"
#include "test_util.h"

namespace chorus {
namespace {

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
      "a", "B", "7", " ", "\n", "-", "'", "\u2019", "\u00E9", "\u0301", "\uFB01", "\u00A0",
      "\u2014", "\u201C", "Word", "x", "\t", ".", "\U0001F600", "\uFF21",
      // the marks BuildView turns into spaces itself, and two of their neighbours it must not
      "\u2026", "\u00AB", "\u00BB", "\u2018", "\u201D", "\u2013", "\u2010", "\u2016", "\u2017"};
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

}  // namespace
}  // namespace chorus
