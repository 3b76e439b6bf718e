// Unit tests of round 21 (docs/ACCURACY.md, "Round 21"), of Finder::CueEnds,
// which runs after both models: the rest of "issued a statement saying" when
// the verb is the cue.
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound21, AStatementSayingAfterTheVerbJoinsTheCue) {
  auto q = Find(
      "On Saturday, Trump issued a statement saying that Scalia was “a remarkable person and a "
      "brilliant Supreme Court Justice.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "issued a statement saying");
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].content,
            "that Scalia was “a remarkable person and a brilliant Supreme Court Justice.”");
  // A particle after the participle comes too.
  q = Find("Hours later, she issued a statement calling on the United States “to act.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "issued a statement calling on");
  EXPECT_EQ(q[0].source, "she");
}

}  // namespace
}  // namespace chorus
