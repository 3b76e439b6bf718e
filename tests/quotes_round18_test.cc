// Unit tests of round 18 (docs/ACCURACY.md, "Round 18"): a quotation whose
// post cue is followed by "according to X" keeps the inner source and cue in
// its content ("“…,” Walker said, according to an Associated Press account.");
// a quotation opening in lower case after a parenthetical source and cue
// keeps the lead before them ("An economic downturn, he said, “could be …”");
// a participle right after a comma keeps the quotation after it from an outer
// cue ("Trump argued that …, saying it’s “all about management.”"); the marks
// inside an embedded tweet's tag are no quotation marks.
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

TEST(QuotesRound18, ALowerCaseQuotationAfterAParentheticalCueKeepsTheLead) {
  auto q =
      Find("An economic downturn, he said, “could be a good time to borrow and pay off debt.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "he");
  EXPECT_EQ(q[0].content,
            "An economic downturn | “could be a good time to borrow and pay off debt.”");
  // A quotation opening in capitals after a scene-setting lead: the lead stays out.
  q = Find("In an interview on Monday, Sanders said, “Democracy is messy and always has been.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "“Democracy is messy and always has been.”");
}

TEST(QuotesRound18, AParticipleAfterACommaKeepsTheQuotationFromAnOuterCue) {
  auto q = Find(
      "Trump argued that a database would keep people from coming into the country illegally, "
      "saying it’s “all about management.”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "argued");
  EXPECT_EQ(q[0].content,
            "that a database would keep people from coming into the country illegally");
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[1].cue, "saying");
  EXPECT_EQ(q[1].source, "Trump");
  EXPECT_EQ(q[1].content, "it’s “all about management.”");
  EXPECT_TRUE(q[1].direct);
}

TEST(QuotesRound18, MarksInsideATweetTagAreNoQuotationMarks) {
  auto q = Find(
      "The stands were empty.\n\n<tweet tweet-author=\"@ByronYork\" "
      "tweet-date=\"March 9, 2016\n\">Rubio stadium event in Hialeah. Stands empty; crowd in "
      "one end zone.<tweet/>.\n\nStill, one has to feel bad for the staff.");
  EXPECT_TRUE(q.empty());
  // A quotation after the tag is still one.
  q = Find(
      "<tweet tweet-author=\"@tedcruz\">I love Sarah.<tweet/>\n\n“We will win this state "
      "by a large margin,” Cruz said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Cruz");
}

}  // namespace
}  // namespace chorus
