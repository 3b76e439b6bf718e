// Unit tests of round 19 (docs/ACCURACY.md, "Round 19"): an -ed adjective
// between a determiner and a name belongs to the source before any cue, not
// only to FallbackSource's ("A flabbergasted Noah quipped, “…”"); a personal
// pronoun joined by "and" opens the source ("She and her aides have vowed").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound19, AnEdAdjectiveBeforeANameStaysInTheSource) {
  auto q = Find("A flabbergasted Noah quipped, “It’s like a lawyer with the dumbest client ever.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "quipped");
  EXPECT_EQ(q[0].source, "A flabbergasted Noah");
  EXPECT_EQ(q[0].content, "“It’s like a lawyer with the dumbest client ever.”");
  q = Find("The ruling came as a divided Supreme Court said it “cannot agree” on the case.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "a divided Supreme Court");
}

TEST(QuotesRound19, APronounJoinedByAndOpensTheSource) {
  auto q = Find("She and her aides have vowed to “win back the public’s trust.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "have vowed");
  EXPECT_EQ(q[0].source, "She and her aides");
  q = Find("When he returned, he and Brafman had basically said “the same thing” to the judge.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "he and Brafman");
  // Not "it": "… said it and officials agreed" keeps no "it" in a source.
  q = Find("The report called it and the officials agreed that it was “a failure.”");
  for (const auto& a : q) EXPECT_EQ(a.source.find("it and"), std::string::npos);
}

}  // namespace
}  // namespace chorus
