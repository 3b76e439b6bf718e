// Unit tests of round 20 (docs/ACCURACY.md, "Round 20"): a fronted
// prepositional phrase with no comma before the name that is the source ("In
// a Bloomberg interview Trump declared “…”").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound20, ANameAfterAFrontedPhraseWithNoCommaIsTheSource) {
  auto q = Find("In a Bloomberg interview Trump declared “I think NATO may be obsolete.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "declared");
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].content, "“I think NATO may be obsolete.”");
  // Not a day or a month: "On Tuesday Trump" is left as before (no source).
  q = Find("On Tuesday Trump declared “I think NATO may be obsolete.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "declared");
  EXPECT_EQ(q[0].source, "");
}

}  // namespace
}  // namespace chorus
