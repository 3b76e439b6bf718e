// Unit tests of round 23 (docs/ACCURACY.md, "Round 23"): a verb coordinated
// with an earlier one of the same subject over "now" or "already" ("Massie
// used to support Rand Paul, but now said “…”") takes that subject as its
// source; a year between a relative pronoun and its verb ("who in 2010 said")
// is left out of the source; a subject pronoun opening the first of two
// coordinated clauses is the second verb's source ("when he brought up … and
// later said"); a source ending in a town takes its state ("in Chalmette,
// La."); a leading "A month later," is no subject; "…, going on to say"
// takes the source of the verb before the comma; "Even China, …, said" has the
// source "China, …"; a party tag after a name is the source's ("Sen. Jack
// Reed (D-R.I.)").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound23, ACoordinatedVerbAfterNowTakesTheSubject) {
  auto q = Find(
      "House Republican Thomas Massie used to support fellow Kentuckian Rand Paul, but now said "
      "Trump had “the opportunity and the obligation to bring us together.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "now said");
  EXPECT_EQ(q[0].source, "House Republican Thomas Massie");
}

TEST(QuotesRound23, AYearAfterARelativePronounIsNotTheSource) {
  auto q = Find(
      "Obama had a relationship with McConnell, now the Senate majority leader, who in 2010 said "
      "the GOP's most important goal was to make Obama a \"one-term president.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "who");
}

TEST(QuotesRound23, APronounOpeningTheFirstClauseIsTheCoordinatedVerbsSubject) {
  auto q = Find(
      "Retired Army Col. Lawrence Wilkerson started the rant when he brought up the Oklahoma City "
      "bombing and later said, “It’s not just Muslims shooting people.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "later said");
  EXPECT_EQ(q[0].source, "he");
}

TEST(QuotesRound23, ASourceEndingInATownTakesItsState) {
  // (Round 27c: the train sentence went on ", who had never heard Perez speak
  // before", which SourceAfter now keeps after "Ariz.,"; gold ends before it
  // there, the one such source of 15 in train.)
  auto q = Find(
      "“He’s motivational and strong against racial profiling,” said Jose Yepez, a city council "
      "member in Somerton, Ariz., after the rally.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Jose Yepez, a city council member in Somerton, Ariz");
}

TEST(QuotesRound23, ALeadingTimeEndingInLaterIsNoSubject) {
  auto q = Find(
      "A month later, he paid an impromptu visit to the border in Laredo, Texas and explained why "
      "“the Hispanics” were going to “love” him.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "explained");
  EXPECT_EQ(q[0].source, "he");
}

TEST(QuotesRound23, GoingOnToSayTakesTheSourceBeforeTheComma) {
  auto q = Find(
      "\"That is insane,\" Sanders said, going on to say that the country has spent \"hundreds of "
      "years fighting against racism.\"");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q.back().cue, "going on to say");
  EXPECT_EQ(q.back().source, "Sanders");
}

TEST(QuotesRound23, EvenBeforeANameWithAnAppositiveIsNoPartOfTheSource) {
  auto q = Find(
      "Even China, Pyongyang's only ally and its economic lifeline to the outside world, said it "
      "was \"resolutely opposed\" to the test.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source,
            "China, Pyongyang's only ally and its economic lifeline to the outside world");
}

TEST(QuotesRound23, APartyTagAfterANameIsTheSources) {
  auto q = Find(
      "Sen. Jack Reed (D-R.I.), said after a lunch on Tuesday that he hadn’t gotten a chance to "
      "read the plan, but called it a “starting point for our deliberations.”");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q.back().cue, "called");
  EXPECT_EQ(q.back().source, "Sen. Jack Reed (D-R.I.)");
}

}  // namespace
}  // namespace chorus
