// Unit tests of round 21 (docs/ACCURACY.md, "Round 21"), of Finder::CueEnds,
// which runs after both models: the rest of "issued a statement saying" when
// the verb is the cue; the verb and "by" of "continued by saying"; a particle
// or an adverb of repetition right after the verb ("chanted back", "has said
// repeatedly", "saying only that"); "now", "already" or "always" right before
// the cue; "on Twitter" after "wrote" or "posted".
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound21, AStatementSayingAfterTheVerbJoinsTheCue) {
  auto q = Find(
      "On Saturday, Trump issued a statement saying that Scalia was “a remarkable person and a "
      "brilliant Supreme Court Justice.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "issued a statement saying");
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].content,
            "that Scalia was “a remarkable person and a brilliant Supreme Court Justice.”");
  // A particle after the participle comes too.
  q = Find("Hours later, she issued a statement calling on the United States “to act.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "issued a statement calling on");
  EXPECT_EQ(q[0].source, "she");
}

TEST(QuotesRound21, AVerbBeforeByAndAParticipleJoinsTheCue) {
  auto q = Find("Husted continued by saying, “We will appeal this decision.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "continued by saying");
  EXPECT_EQ(q[0].source, "Husted");
  EXPECT_EQ(q[0].content, "“We will appeal this decision.”");
  // With the participle as the cue, the verb joins it on the left.
  q = Find("When the judge returned, he began by saying, “I don’t think that it’s necessary.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "began by saying");
  // Not with an object between the verb and "by".
  q = Find("Bolton distanced himself from the movement by saying he would be “willing to serve.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue.find("by saying"), std::string::npos);
}

TEST(QuotesRound21, AParticleOrAnAdverbOfRepetitionAfterTheVerbJoinsTheCue) {
  auto q = Find("“Mexico!” the audience screamed back.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "screamed back");
  EXPECT_EQ(q[0].source, "the audience");
  q = Find("McConnell has said repeatedly “the next president” should choose the nominee.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "has said repeatedly");
  EXPECT_EQ(q[0].source, "McConnell");
  EXPECT_EQ(q[0].content, "“the next president” should choose the nominee");
  q = Find("Gowdy declined to give details, saying only that the interviews “gained momentum.”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].cue, "saying only");
  EXPECT_EQ(q[1].source, "Gowdy");
  EXPECT_EQ(q[1].content, "that the interviews “gained momentum.”");
  q = Find("The actress has sounded off against the “lack of diversity” on the show.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "has sounded off against");
  EXPECT_EQ(q[0].source, "The actress");
  // "only" opening the content stays in it.
  q = Find("Trump said only “a few” of them would stay.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
}

TEST(QuotesRound21, NowOrAlreadyBeforeTheVerbJoinsTheCue) {
  auto q = Find("Kaine now says that Clinton “will be a great president.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "now says");
  EXPECT_EQ(q[0].source, "Kaine");
  q = Find("The lawyer is already talking about “a fierce urgency” to get things done.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "is already talking about");
  EXPECT_EQ(q[0].source, "The lawyer");
}

TEST(QuotesRound21, OnTwitterAfterWroteJoinsTheCue) {
  auto q = Find("“The despicable attacks draw us closer,” the spokesman wrote on Twitter.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "wrote on Twitter");
  EXPECT_EQ(q[0].source, "the spokesman");
  // Not after "said" (PolNeAR is split there).
  q = Find("“The despicable attacks draw us closer,” the spokesman said on Twitter.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
}

}  // namespace
}  // namespace chorus
