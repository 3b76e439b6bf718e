// Unit tests of round 23b (docs/ACCURACY.md, "Round 23b"), of
// Finder::CueEnds: "to" after a form of "point" joins the cue ("pointed to");
// "of" after a verb of stating or writing stays out of it ("wrote of"); a
// verb's own preposition joins it ("focuses on", "remarked upon"); "to" and
// the verb after "continue" join it ("continued to portray"); a verb whose
// object is a document opens the cue of the verb after its relative "that"
// ("released a marketing video that said"), its subject the source; a
// listed reported cue before "that" takes a clause holding a quotation ("a
// report found that … “spent as intended”"); "claims" after "his" or
// "Republican" is no cue ("his claims were “sarcasm”").
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

TEST(QuotesRound23b, OfAfterAVerbOfStatingStaysOutOfTheCue) {
  auto q = Find("“This would be why he is the title sponsor,” Eric Trump wrote of the 2010 gift.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "wrote");
  EXPECT_EQ(q[0].source, "Eric Trump");
  q = Find(
      "Indeed, he had publicly stated of politicians, “When they are in need of money, the "
      "money you give them is remembered.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "had publicly stated");
  // A verb that takes "of" keeps it.
  q = Find("The senator warned of “a catastrophe in the making” on the border.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "warned of");
}

TEST(QuotesRound23b, AVerbsOwnPrepositionJoinsTheCue) {
  auto q = Find(
      "To make its point, the Daily News focuses on how many people the gunmen killed with "
      "“assault weapons” in a matter of minutes.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "focuses on");
  EXPECT_EQ(q[0].source, "the Daily News");
  q = Find(
      "At the same time, Obama remarked upon the fact that there is still “more work to do” on "
      "the economy.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "remarked upon");
}

TEST(QuotesRound23b, ToAndTheVerbAfterContinueJoinTheCue) {
  auto q = Find(
      "On the same day, Trump continued to portray “illegal” immigrants as violent criminals.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "continued to portray");
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].content, "“illegal” immigrants as violent criminals");
}

TEST(QuotesRound23b, AVerbOfADocumentBeforeThatOpensTheCue) {
  auto q = Find(
      "In selling the courses, Trump released a marketing video that said, “We are going to "
      "have professors who are terrific.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "released a marketing video that said");
  EXPECT_EQ(q[0].source, "Trump");
  q = Find(
      "He released a letter from his doctor Friday afternoon that says he has “extraordinarily "
      "good health” for a man of his age.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "released a letter from his doctor Friday afternoon that says");
  EXPECT_EQ(q[0].source, "He");
  // Not after a noun that is no document: "that" is the source.
  q = Find("They passed out water bottles that said, “The river is on fire.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "that");
}

TEST(QuotesRound23b, AListedReportedCueBeforeThatTakesAQuotation) {
  auto q = Find(
      "A Government Accountability Office report released last year found that the agency could "
      "not be sure that money was “spent as intended.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "found");
  EXPECT_EQ(q[0].source, "A Government Accountability Office report released last year");
  EXPECT_EQ(q[0].content, "that the agency could not be sure that money was “spent as intended.”");
}

TEST(QuotesRound23b, APluralNounOfSayingAfterADeterminerIsNoCue) {
  auto q = Find("Trump did post on Twitter Friday that his claims were “sarcasm” after all.");
  for (const auto& a : q) EXPECT_NE(a.cue, "claims");
  q = Find(
      "PolitiFact rated 32% of Republican claims as “false” or “pants on fire,” compared to 11% "
      "of Democratic claims.");
  for (const auto& a : q) EXPECT_NE(a.cue, "claims");
  // A verb after a name stays the cue.
  q = Find("The ad claims “Jeb is the conservative we need.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "claims");
}

}  // namespace
}  // namespace chorus
