// Unit tests of round 15 (docs/ACCURACY.md, "Round 15"): a source may close
// with an aside between spaced dashes before its cue ("Jason Sims — a teacher
// from Mount Pleasant — says …"); a quoted fragment right after its cue runs
// to the end of its clause when the clause goes on past it ("said "the fear is
// as high as it's ever been" in the establishment."), and so does reported
// content whose frame's clause ends before the quotation does ("…, noting her
// “limited availability” for private functions."); a parenthetical source and
// cue before a quoted fragment leave the sentence on both sides of them in the
// content ("The costs, he added, were “based on …”"); a frame goes on past a
// quoted fragment closed by a comma before "because" or "where"; an unlisted
// verb after a quotation may go on with "and" ("“…,” Trump barked and …").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound15, AnAsideBetweenSpacedDashesIsPartOfTheSource) {
  auto q = Find(
      "Jason Sims — a teacher from Mount Pleasant — says he made a last-minute decision to vote "
      "for Marco Rubio.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "says");
  // (The span model ends it before the closing dash: the same text to the
  // scorer, which trims punctuation.)
  EXPECT_EQ(q[0].source, "Jason Sims — a teacher from Mount Pleasant");
  EXPECT_EQ(q[0].content, "he made a last-minute decision to vote for Marco Rubio");
  // Double hyphens, before a quoted fragment.
  q = Find(
      "A former Republican presidential candidate -- John McCain, who lost the 2008 election to "
      "Obama -- said the president \"offered no changes to his strategy.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source,
            "A former Republican presidential candidate -- John McCain, who lost the 2008 "
            "election to Obama");
}

TEST(QuotesRound15, DashesOfDifferentKindsMakeNoAside) {
  // An en dash does not close an aside opened by an em dash.
  auto q = Find("The vote — held on Tuesday – said nothing about the plan.");
  for (const auto& a : q) EXPECT_EQ(a.source.find("The vote"), std::string::npos);
}

TEST(QuotesRound15, AFragmentAfterItsCueRunsToTheEndOfItsClause) {
  auto q = Find(
      "Scott Reed, who managed Bob Dole's 1996 campaign, said \"the fear is as high as it's ever "
      "been\" in the establishment.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].content, "\"the fear is as high as it's ever been\" in the establishment");
  EXPECT_TRUE(q[0].direct);
  q = Find("Tyler said \"we have three weeks to go\" until the Iowa caucuses.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Tyler");
  EXPECT_EQ(q[0].content, "\"we have three weeks to go\" until the Iowa caucuses");
}

TEST(QuotesRound15, AFragmentClosingItsSentenceOrBeforeAPostCueStaysAlone) {
  // The quotation closes the sentence.
  auto q = Find("Reed said \"the fear is as high as it's ever been.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "\"the fear is as high as it's ever been.\"");
  // A comma inside the closing mark: what follows is no part of it.
  q = Find("Reed said \"the fear is high,\" and then he left the room.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].content, "\"the fear is high,\"");
}

TEST(QuotesRound15, AFrameEndingBeforeItsQuotationRunsToTheQuotationsClauseEnd) {
  auto q = Find(
      "The Journal reported in October that her firm advertised her availability for paid "
      "speaking gigs, noting her “limited availability” for private functions.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "reported");
  EXPECT_EQ(q[0].content,
            "that her firm advertised her availability for paid speaking gigs, noting her "
            "“limited availability” for private functions");
  // A quotation closed by a comma still ends the content.
  q = Find(
      "The Journal reported in October that her firm advertised her availability for paid "
      "speaking gigs, noting her “limited availability,” which surprised some.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content,
            "that her firm advertised her availability for paid speaking gigs, noting her "
            "“limited availability,”");
}

TEST(QuotesRound15, AParentheticalCueBeforeAFragmentKeepsTheLeadInTheContent) {
  auto q = Find("The costs, he added, were “based on a prototype detention facility.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "added");
  EXPECT_EQ(q[0].source, "he");
  EXPECT_EQ(q[0].content, "The costs | were “based on a prototype detention facility.”");
  // An adverbial lead stays out.
  q = Find(
      "In 2008, Trump said, the foundation's donation made his father a “presenting "
      "sponsor.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "the foundation's donation made his father a “presenting sponsor.”");
}

TEST(QuotesRound15, AFrameGoesOnPastAFragmentClosedByACommaBeforeBecause) {
  auto q = Find(
      "Her lawyer wrote in a court file that such a request was “futile,” because the FBI now "
      "possesses the records.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "wrote");
  EXPECT_EQ(q[0].content,
            "that such a request was “futile,” because the FBI now possesses the records");
  // Before other words the comma still ends it.
  q = Find(
      "Her lawyer wrote in a court file that such a request was “futile,” which surprised the "
      "judge.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "that such a request was “futile,”");
}

TEST(QuotesRound15, AnUnlistedVerbAfterAQuotationMayGoOnWithAnd) {
  auto q = Find("“Go back to Univision,” Trump barked and a security guard escorted Ramos out.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].content, "“Go back to Univision,”");
  EXPECT_EQ(q[0].cue, "barked");
  EXPECT_EQ(q[0].source, "Trump");
}

}  // namespace
}  // namespace chorus
