// Near-duplicate properties at scale: thousands of generated pairs over the
// whole Jaccard range, and copies planted in PolNeAR train (skipped without
// ../shared).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "chorus/near_dup.h"
#include "chorus/normalize.h"
#include "chorus/reader.h"
#include "group/minhash.h"
#include "near_dup_gen.h"
#include "test_util.h"

namespace chorus {
namespace {

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
