// Unit tests of round 19 (docs/ACCURACY.md, "Round 19"): an -ed adjective
// between a determiner and a name belongs to the source before any cue, not
// only to FallbackSource's ("A flabbergasted Noah quipped, “…”").
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

}  // namespace
}  // namespace chorus
