// Unit tests of round 20 (docs/ACCURACY.md, "Round 20"): a fronted
// prepositional phrase with no comma before the name that is the source ("In
// a Bloomberg interview Trump declared “…”"); "as X put it" after the
// quotation, closing the sentence; a plain inverted name closing the sentence
// keeps its source whatever the cue context model says; a quotation after a
// sentence-initial "In a … poll," frame is the poll's; a source ends before
// ", who said …" with a clause of its own; a day between subject and verb
// ("on Tuesday", "later Thursday") is skipped.
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

TEST(QuotesRound20, AsXPutItAfterTheQuotation) {
  auto q = Find(
      "The main test is a \"lawful source of investment income,\" as a Homeland Security memo "
      "put it.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "put it");
  EXPECT_EQ(q[0].source, "a Homeland Security memo");
  EXPECT_EQ(q[0].content, "\"lawful source of investment income,\"");
  // Not when the sentence goes on after "put it".
  q = Find("It was \"a lawful source,\" as the memo put it to the agency.");
  for (const auto& a : q) EXPECT_NE(a.cue, "put it");
}

TEST(QuotesRound20, APlainInvertedNameClosingTheSentenceStays) {
  // The cue context model clears this source; the rule keeps it.
  auto q = Find(
      "“The president’s rationales to veto JASTA don’t hold weight. They are 100 percent "
      "wrong,” said 9/11 widow Terry Strada.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "9/11 widow Terry Strada");
}

TEST(QuotesRound20, AQuotationAfterAPollFrameIsThePolls) {
  auto q = Find(
      "In a September Washington Post-ABC News poll, 75 percent of Republicans said “most people "
      "in politics” can’t be trusted.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "In");
  EXPECT_EQ(q[0].source, "a September Washington Post-ABC News poll");
  EXPECT_EQ(q[0].content,
            "75 percent of Republicans said “most people in politics” can’t be trusted");
  // Not a statement: "In a statement, X said “…”" stays X's.
  q = Find("In a statement, Smith said “the poll was wrong.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Smith");
}

TEST(QuotesRound20, ASourceEndsBeforeWhoSaidAndAClause) {
  auto q = Find(
      "“They just don’t understand the military,” said Army Capt. Christian Pardo, who said he "
      "would not vote for either candidate.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Army Capt. Christian Pardo");
  // "who writes about …" is no clause of its own: kept whole.
  q = Find(
      "“The score is not the one they use,” said John Smith, who writes about the credit "
      "industry.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].source, "John Smith, who writes about the credit industry");
}

TEST(QuotesRound20, ADayBetweenSubjectAndVerbIsSkipped) {
  auto q = Find(
      "Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called the "
      "remark “the textbook definition of a racist comment.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "called");
  EXPECT_EQ(q[0].source, "Speaker Paul D. Ryan, the nation's highest-ranking Republican");
  q = Find("Priebus later Thursday told Fox News: “Both men are meeting up next week.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "told");
  EXPECT_EQ(q[0].source, "Priebus");
  EXPECT_EQ(q[0].content, "“Both men are meeting up next week.”");
}

}  // namespace
}  // namespace chorus
