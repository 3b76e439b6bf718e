// Unit tests of round 25 (docs/ACCURACY.md, "Round 25"): direct sources chorus
// left empty. A participle right after "before" or "after" takes the main
// clause's subject, also the source of a quotation's post cue ("“…,” Blige
// sings to Clinton before asking her, “…”" -> "Blige"). A date's year
// closes a fronted phrase ("On July 6, 2015, Sanders made …"). A cue
// ending in "the following" and a noun before a block quote's colon takes
// the phrase ("issued the following statement:"). A cue before a finite verb
// heads a relative clause with no pronoun; its source starts after the noun
// ("meddling the California congressman said is designed to “…”"). A
// participle opening its sentence takes the main clause's subject ("After
// saying …, she was …"). A relative "which" right after a noun is the
// source of the cue after it ("the Chicago Police Department which reported
// “…”"). "X rated N as “…”" is a cue. Two names joined by "and" after a
// quotation are one source; so is "Trump said." alone after a quotation
// closed by a full stop. An unlisted participle opening its sentence, with
// a quotation in its clause, is a cue ("Bemoaning the “phony system,” Trump
// accused …"). "Stated Stone: ¶ “…”" takes the name after its cue.
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Q;
using testing::WithCue;

TEST(QuotesRound25, AParticipleAfterBeforeTakesTheMainClausesSubject) {
  auto q = Find(
      "“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, "
      "“I just want to know, where do we go from here?”");
  EXPECT_EQ(WithCue(q, "asking").source, "Blige");
  // ... and one after "by", past a fronted phrase with no comma.
  q = Find(
      "On September 27 they published the results of their check by announcing that Trump’s "
      "statement was “true.”");
  EXPECT_EQ(WithCue(q, "announcing").source, "they");
}

TEST(QuotesRound25, ADatesYearClosesAFrontedPhrase) {
  auto q = Find(
      "On July 6, 2015, Sanders made the following comment:\n\n“For young people who have "
      "graduated high school, the unemployment rate is 33 percent.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Sanders");
}

TEST(QuotesRound25, TheFollowingStatementIsInTheCue) {
  auto q = Find(
      "On July 6, 2015, Sanders made the following comment:\n\n“For young people who have "
      "graduated high school, the unemployment rate is 33 percent.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "made the following comment");
  q = Find(
      "Republican presidential nominee Donald Trump issued the following statement:\n\n“Our "
      "prayers are with all those affected by the horrible attacks in Munich.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "issued the following statement");
}

TEST(QuotesRound25, ARelativeClauseWithNoPronounStartsItsSourceAfterTheNoun) {
  auto q = Find(
      "Schiff urged the administration to retaliate against Russia for interference in the "
      "election -- meddling the California congressman said is designed to \"sow discord\" in "
      "American politics.");
  EXPECT_EQ(WithCue(q, "said").source, "the California congressman");
  q = Find("She wants the emails made public — even the ones State now says are “top secret.”");
  EXPECT_EQ(WithCue(q, "now says").source, "State");
  // Not inside a phrase joined by "and".
  q = Find(
      "Australia, which the Organization for Economic Cooperation and Development says had “the "
      "highest wage floors” in 2015, is next.");
  EXPECT_EQ(WithCue(q, "says").source, "the Organization for Economic Cooperation and Development");
}

TEST(QuotesRound25, AFrontedParticipleTakesTheMainClausesSubject) {
  auto q = Find(
      "After saying her right foot was “so swollen I could barely get my shoe on,” she was "
      "“whisked … off to Bethesda Naval Hospital” for tests.");
  EXPECT_EQ(WithCue(q, "saying").source, "she");
  q = Find(
      "Acknowledging that Trump “says a lot of stupid stuff,” though, Allen did suggest that "
      "the real estate mogul’s wealth gives him an advantage.");
  EXPECT_EQ(WithCue(q, "Acknowledging").source, "Allen");
}

TEST(QuotesRound25, ARelativeWhichAfterANounIsTheSource) {
  auto q = Find(
      "To solve this quandary, they turned to the Chicago Police Department which reported "
      "“2,521 shooting incidents” in the city.");
  EXPECT_EQ(WithCue(q, "reported").source, "which");
}

TEST(QuotesRound25, ARatingIsACue) {
  auto q = Find(
      "PolitiFact rated 32% of Republican claims as “false” or “pants on fire,” compared to 11% "
      "of Democratic claims.");
  EXPECT_EQ(WithCue(q, "rated").source, "PolitiFact");
}

TEST(QuotesRound25, TwoNamesJoinedByAndAreOneSourceAfterAQuotation) {
  auto q = Find(
      "“Clinton may be indicted before the convention,” Edward-Isaac Dovere and Gabriel "
      "Debenedetti wrote.");
  EXPECT_EQ(WithCue(q, "wrote").source, "Edward-Isaac Dovere and Gabriel Debenedetti");
  q = Find(
      "“North Korea is run by a lunatic,” the Florida senator and Republican presidential "
      "candidate said in a statement.");
  EXPECT_EQ(WithCue(q, "said in a statement").source,
            "the Florida senator and Republican presidential candidate");
}

TEST(QuotesRound25, ANameAndACueAloneAfterAFullStopTakeTheQuotation) {
  auto q = Find(
      "“Russia, if you’re listening, I hope you’re able to find the 30,000 emails that are "
      "missing.” Trump said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].cue, "said");
}

TEST(QuotesRound25, AnUnlistedFrontedParticipleIsTheCue) {
  auto q = Find(
      "Bemoaning the “phony system,” Trump accused Holt of being a Democrat and said the "
      "questions were unfair.");
  EXPECT_EQ(WithCue(q, "Bemoaning").source, "Trump");
  // Not a gerund subject.
  q = Find("Fundraising was “stagnant for about a month or six weeks” as donors waited, he said.");
  EXPECT_EQ(WithCue(q, "Fundraising").source, "");
}

TEST(QuotesRound25, AnInvertedCueOpeningABlockQuotesSentenceTakesTheNameAfterIt) {
  auto q = Find(
      "Stated Stone:\n\n“I think that the stakes are so high, and Donald Trump has made it "
      "pretty clear.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Stone");
}

}  // namespace
}  // namespace chorus
