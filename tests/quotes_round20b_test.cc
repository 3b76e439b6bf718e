// Unit tests of round 20b (docs/ACCURACY.md, "Round 20b"): a cue that
// introduces its quotation with a colon or a comma after a subordinating word
// keeps it from the cue before ("“…,” Trump said before adding: “…”").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound20b, ACueAfterASubordinatorKeepsItsQuotation) {
  auto q = Find(
      "“We will win this state,” Trump said before adding: “Nobody has seen anything like "
      "it.”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].content, "“We will win this state,”");
  EXPECT_EQ(q[1].cue, "adding");
  EXPECT_EQ(q[1].source, "Trump");
  EXPECT_EQ(q[1].content, "“Nobody has seen anything like it.”");
  q = Find(
      "“There is a young man having some problems,” Cruz said as the protester yelled: “You "
      "lost!”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].content, "“There is a young man having some problems,”");
  EXPECT_EQ(q[1].cue, "yelled");
  EXPECT_EQ(q[1].source, "the protester");
  EXPECT_EQ(q[1].content, "“You lost!”");
}

}  // namespace
}  // namespace chorus
