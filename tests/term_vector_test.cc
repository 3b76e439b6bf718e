// TermVector (src/group/term_vector.h), the clustering's flat hash table:
// lookups agree with a std::map across growth and wrap-around, the prefetch
// hints change nothing, and Restore accepts only what slots() gives.
#include "group/term_vector.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <vector>

namespace chorus {
namespace {

TEST(TermVector, LookupsAgreeWithAMapThroughGrowth) {
  TermVector v;
  std::map<uint32_t, float> want;
  std::mt19937 rng(7);
  // Dense ids (as interned terms are) and scattered ones, 20,000 inserts.
  for (int i = 0; i < 20000; ++i) {
    uint32_t t = i % 3 == 0 ? static_cast<uint32_t>(rng() % 5000000) : static_cast<uint32_t>(i);
    float w = static_cast<float>(i % 7) + 0.5f;
    bool inserted;
    float& slot = v.at(t, inserted);
    EXPECT_EQ(inserted, want.count(t) == 0) << t;
    slot += w;
    want[t] += w;
  }
  ASSERT_EQ(v.size(), want.size());
  for (const auto& [t, w] : want) {
    v.prefetch(t);
    v.prefetch_slot(t);
    const float* found = v.find(t);
    ASSERT_NE(found, nullptr) << t;
    EXPECT_EQ(*found, w) << t;
  }
  // Absent terms, including ones that share a present term's home slot.
  for (uint32_t t = 5000000; t < 5020000; ++t) {
    if (want.count(t)) continue;
    v.prefetch_slot(t);
    EXPECT_EQ(v.find(t), nullptr) << t;
    EXPECT_FALSE(v.contains(t));
  }
}

TEST(TermVector, EmptyAndClearedTablesFindNothing) {
  TermVector v;
  v.prefetch(3);
  v.prefetch_slot(3);
  EXPECT_EQ(v.find(3), nullptr);
  v[3] = 1.5f;
  EXPECT_EQ(*v.find(3), 1.5f);
  v.clear();
  EXPECT_TRUE(v.empty());
  v.prefetch_slot(3);
  EXPECT_EQ(v.find(3), nullptr);
}

TEST(TermVector, AFullProbeRunWrapsAroundTheTable) {
  // 12 terms in a 16-slot table (the most before it grows): probe runs
  // cross the end of the slots and the tag groups' copy of the first ones.
  TermVector v;
  for (uint32_t t = 0; t < 12; ++t) v[t * 16] = static_cast<float>(t);
  ASSERT_EQ(v.slots().size(), 16u);
  for (uint32_t t = 0; t < 12; ++t) {
    ASSERT_NE(v.find(t * 16), nullptr) << t;
    EXPECT_EQ(*v.find(t * 16), static_cast<float>(t));
  }
  for (uint32_t t = 1; t < 200; t += 16) EXPECT_EQ(v.find(t), nullptr) << t;
}

TEST(TermVector, IterationOrderDependsOnTheInsertionsAlone) {
  auto build = [] {
    TermVector v;
    for (uint32_t t = 0; t < 3000; ++t) v[(t * 7919u) % 100003u] += 1.0f;
    std::vector<uint32_t> order;
    v.ForEach([&](uint32_t t, float) { order.push_back(t); });
    return order;
  };
  EXPECT_EQ(build(), build());
}

TEST(TermVector, RestoreTakesBackWhatSlotsGaveAndRefusesTheRest) {
  TermVector v;
  for (uint32_t t = 0; t < 100; ++t) v[t * 3] = static_cast<float>(t);
  TermVector back;
  ASSERT_TRUE(back.Restore(v.slots()));
  EXPECT_EQ(back.size(), v.size());
  for (uint32_t t = 0; t < 100; ++t) EXPECT_EQ(*back.find(t * 3), static_cast<float>(t));

  std::vector<TermVector::Slot> odd(v.slots().begin(), v.slots().end() - 1);  // not 2^k
  EXPECT_FALSE(back.Restore(odd));
  EXPECT_TRUE(back.empty());
  std::vector<TermVector::Slot> twice = v.slots();
  size_t first = 0;
  while (twice[first].term == ~0u) ++first;
  size_t second = first + 1;
  while (twice[second].term == ~0u) ++second;
  twice[second].term = twice[first].term;  // a term twice
  EXPECT_FALSE(back.Restore(twice));
  EXPECT_TRUE(back.empty());
  EXPECT_TRUE(back.Restore({}));
}

}  // namespace
}  // namespace chorus
