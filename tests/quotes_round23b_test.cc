// Unit tests of round 23b (docs/ACCURACY.md, "Round 23b"), of
// Finder::CueEnds: "to" after a form of "point" joins the cue ("pointed to").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound23b, ToAfterPointJoinsTheCue) {
  auto q = Find(
      "The news service pointed to the State Department’s own review board finding that the "
      "number of guards was inadequate “despite repeated requests” from the ambassador.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "pointed to");
  EXPECT_EQ(q[0].source, "The news service");
  q = Find(
      "Donald Trump has repeatedly pointed to the case as the epitome of the “rigged system.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "has repeatedly pointed to");
}

}  // namespace
}  // namespace chorus
