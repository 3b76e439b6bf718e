// Unit tests of round 18 (docs/ACCURACY.md, "Round 18"): a quotation whose
// post cue is followed by "according to X" keeps the inner source and cue in
// its content ("“…,” Walker said, according to an Associated Press account.").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound18, AnOuterAccordingToKeepsTheInnerSourceAndCueInTheContent) {
  auto q = Find(
      "“Delegates are and should be able to vote the way they see fit,” Walker said, according "
      "to an Associated Press account.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "according to");
  EXPECT_EQ(q[0].source, "an Associated Press account");
  EXPECT_EQ(q[0].content,
            "“Delegates are and should be able to vote the way they see fit,” Walker said");
  q = Find(
      "“I know the Kennedy family. I want to run for Congress,” Dena Minning replied at the "
      "time, according to Farley’s account.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content,
            "“I know the Kennedy family. I want to run for Congress,” Dena Minning replied at the "
            "time");
}

}  // namespace
}  // namespace chorus
