// Unit tests of round 16 (docs/ACCURACY.md, "Round 16"): a participle cue after
// an inverted cue whose quotation closes with the comma inside its mark takes
// the source after that cue ("“…,” said Skelly, explaining …").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound16, AParticipleAfterAnInvertedCueTakesItsSource) {
  auto q = Find(
      "“Vito is outstanding with data,” said Skelly, explaining he worked more closely with "
      "Chrabaszcz: “He’s a real good data manipulator.”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].source, "Skelly");
  EXPECT_EQ(q[1].cue, "explaining");
  EXPECT_EQ(q[1].source, "Skelly");
  EXPECT_EQ(q[1].content, "“He’s a real good data manipulator.”");
}

}  // namespace
}  // namespace chorus
