// Unit tests of round 20b (docs/ACCURACY.md, "Round 20b"): a cue that
// introduces its quotation with a colon or a comma after a subordinating word
// keeps it from the cue before ("“…,” Trump said before adding: “…”"); a
// clause after a post cue that opens with ", then V", ", going on to V",
// ", explaining" or ", giving the example of" is the frame of the quotation
// opening the next sentence ("“…,” she told a cheering crowd, then referred to
// Trump's slogan. “…”"); a cue after a question that introduces a quotation
// of its own is not the question's ("“…?” He answered, “…”"), nor a cue
// before a colon and a quotation ("“…,” Trump said: “…”"); after "told"
// and a long object the content starts at "that"; a link list's titles and
// excerpts ("“…,” by Times' Ben Sisario: “…”") and dated slogans ("“No to
// Schengen” (2005)") are nobody's quotations; "issued a statement saying"
// is one cue when "issued" is the cue word.
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

TEST(QuotesRound20b, AClauseAfterAPostCueFramesTheNextQuotation) {
  auto q = Find(
      "“We have work to do,” she told a cheering crowd, then referred to her rival’s slogan. "
      "“But that work is not to make America great again.”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "told");
  EXPECT_EQ(q[0].content, "“We have work to do,”");
  EXPECT_EQ(q[1].cue, "referred to");
  EXPECT_EQ(q[1].source, "she");
  EXPECT_EQ(q[1].content,
            "her rival’s slogan | “But that work is not to make America great again.”");
  q = Find(
      "“This is what I know,” Sanders said, going on to contrast her plans with his. “So look at "
      "the issues.”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].content, "“This is what I know,”");
  EXPECT_EQ(q[1].cue, "going on to contrast");
  EXPECT_EQ(q[1].source, "Sanders");
  EXPECT_EQ(q[1].content, "her plans with his | “So look at the issues.”");
  // Other participles leave the next quotation with the cue.
  q = Find(
      "“This is what I know,” Sanders said, referring to the debate. “So look at the issues.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "“This is what I know,” | “So look at the issues.”");
}

TEST(QuotesRound20b, AnAnswersCueIsNotTheQuestions) {
  auto q = Find(
      "Blumenthal was asked, “Would you have told her it’s not a good idea?” He answered, “I have "
      "no idea.”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "was asked");
  EXPECT_EQ(q[0].content, "“Would you have told her it’s not a good idea?”");
  EXPECT_EQ(q[1].cue, "answered");
  EXPECT_EQ(q[1].source, "He");
  EXPECT_EQ(q[1].content, "“I have no idea.”");
  // A cue with no quotation after it stays the question's: “…?” Dawson asked.
  q = Find("“Where is the money going?” Dawson asked. “Nobody knows.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "asked");
  EXPECT_EQ(q[0].content, "“Where is the money going?” | “Nobody knows.”");
}

TEST(QuotesRound20b, ACueBeforeAColonIntroducesTheNextQuotation) {
  auto q = Find(
      "After Scalia said that such students might do better at “less advanced schools,” Trump "
      "said: “I don’t like what he said.”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Scalia");
  EXPECT_EQ(q[0].content, "that such students might do better at “less advanced schools,”");
  EXPECT_EQ(q[1].cue, "said");
  EXPECT_EQ(q[1].source, "Trump");
  EXPECT_EQ(q[1].content, "“I don’t like what he said.”");
  // A comma in the same sentence is a split quotation: “…,” he said, “…”.
  q = Find("“We will win,” he said, “and we will win big.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "“We will win,” | “and we will win big.”");
}

TEST(QuotesRound20b, ALongObjectOfToldStaysOutOfTheContent) {
  auto q = Find(
      "Clinton told a crowded banquet hall at a hotel in downtown Baltimore that the plan was "
      "“a disgrace.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "told");
  EXPECT_EQ(q[0].source, "Clinton");
  EXPECT_EQ(q[0].content, "that the plan was “a disgrace.”");
  q = Find("Trump was telling supporters in Columbus, Ohio, that the system is “rigged.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "that the system is “rigged.”");
}

TEST(QuotesRound20b, ALinkListsTitlesAndExcerptsAreNoQuotations) {
  auto q = Find(
      "FAREWELL—\"The Living Room to close at the end of December,\" by Times' Ben Sisario: \"The "
      "Living Room, a nightclub that gave an early start to many singers, will close.\" "
      "http://nyti.ms/1U0Xvbm.\n\nNOW OPEN—\"Pop-up art show strives to confront gentrification,\" "
      "by DNAinfo's Eddie Small: \"Curators of a pop-up art show are determined to confront "
      "fears.\" http://dnain.fo/1NJeFcM.");
  EXPECT_EQ(q.size(), 0u);
  // A quotation with no byline is still someone's.
  q = Find("NOW OPEN—\"Curators of a pop-up art show are determined to confront fears.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "\"Curators of a pop-up art show are determined to confront fears.\"");
}

TEST(QuotesRound20b, ADatedSloganIsNoQuotation) {
  auto q = Find(
      "The party's posters set the tone.\n\n“Lose safety? Lose work? No to Schengen” (2005) — "
      "“Free pass for all? No to open borders.” (2007).");
  EXPECT_EQ(q.size(), 0u);
}

TEST(QuotesRound20b, AStatementVerbsCueRunsToItsParticiple) {
  auto q = Find(
      "The group issued a statement saying that the senator was “a remarkable public servant.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "issued a statement saying");
  EXPECT_EQ(q[0].source, "The group");
  EXPECT_EQ(q[0].content, "that the senator was “a remarkable public servant.”");
}

}  // namespace
}  // namespace chorus
