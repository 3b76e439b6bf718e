// Unit tests of the round-6b attribution rules for direct quotations
// (docs/ACCURACY.md, PolNeAR train conventions), each on a small made-up text.
#include <gtest/gtest.h>

#include "chorus/quotes.h"
#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesDirect6, AccordingToAfterAPostCueIsTheSource) {
  auto q = Find(
      "\u201cI ask you not to protest on the floor,\u201d Sanders said, according to CNN. "
      "\u201cIt is of utmost importance.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "according to");
  EXPECT_EQ(q[0].source, "CNN");
  q = Find(
      "\u201cWe are going to win this state,\u201d O'Malley said at a press conference, according "
      "to the Las Vegas Sun.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "according to");
  EXPECT_EQ(q[0].source, "the Las Vegas Sun");
  // Without it, the post cue stays.
  q = Find("\u201cWe are going to win this state,\u201d O'Malley said at a press conference.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "O'Malley");
}

TEST(QuotesDirect6, ALongAppositiveBeforeTheCueStaysInTheSource) {
  auto q = Find(
      "Rich Heffley, a top Tallahassee GOP operative who played a major role in John McCain's "
      "big Florida win in 2008 and is now running Bush's early-vote efforts in the state, said "
      "the absentee program is a \u201ccritical part of our strategy.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source.rfind("Rich Heffley, a top Tallahassee GOP operative", 0), 0u);
  // A quoted title inside the appositive does not end it.
  q = Find(
      "Hemsley, the co-author of \"Going Viral,\" about the rapid spread of information, said "
      "the days of \"a somewhat unifying story\" are gone.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source.rfind("Hemsley, the co-author of", 0), 0u);
}

TEST(QuotesDirect6, AnAbsoluteParticipleTakesTheNounPhraseBeforeIt) {
  auto q = Find(
      "Republicans were irritated about the lack of detail, with Sen. John McCain calling it a "
      "\u201cChinese menu.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "calling");
  EXPECT_EQ(q[0].source, "Sen. John McCain");
  q = Find(
      "Both men issued a statement \u2013 Ryan saying he was \u201cvery encouraged\u201d and "
      "Trump calling it a \u201cgreat meeting.\u201d");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].source, "Ryan");
  EXPECT_EQ(q[1].source, "Trump");
  // Not after a verb: the participle's object is not its subject.
  q = Find("Trump released a statement saying the talks were \u201cvery productive.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Trump");
}

TEST(QuotesDirect6, ALeadingAdverbialIsNotASource) {
  // A lone adverbial word is no source...
  auto q = Find("But said \u201cwe will never give up on this town.\u201d");
  for (const auto& a : q) EXPECT_NE(a.source, "But");
  // ... and a conjunction before a name is dropped.
  q = Find("Now Bloomberg says he is \u201cdistressed\u201d by the tone of the campaign.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].source, "Bloomberg");
  // "At least half of voters" stays whole.
  q = Find("At least half of voters said the economy was \u201cvery important.\u201d");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].source, "At least half of voters");
}

// Round 6c.
TEST(QuotesDirect6, ACoordinatedCueTakesTheSubjectOfTheClauseItJoins) {
  auto q = Find(
      "The anxiety about the race was underscored Wednesday when House Speaker Paul Ryan "
      "lamented the \u201cdisheartened\u201d state of the campaign and criticized the "
      "\u201cidentity politics\u201d on display.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].cue, "criticized");
  EXPECT_EQ(q[1].source, "House Speaker Paul Ryan");
  q = Find(
      "Before the speech, a group of rabbis called for a boycott, and the Anti-Defamation League "
      "strongly denounced his rhetoric and said it would \u201credirect\u201d his donations.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().source, "the Anti-Defamation League");
  // A relative clause in the first clause is passed over.
  q = Find(
      "She has proposed appointing a prosecutor who reported to the president, and called for "
      "\u201cmore enforcement officers.\u201d");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().source, "She");
  // No verb with a subject before it: the subject of the sentence.
  q = Find("Adelson met with Trump and declared \u201cwe are friends.\u201d");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().source, "Adelson");
}

TEST(QuotesDirect6, AParticipleAfterACommaTakesTheMainClauseSubject) {
  auto q = Find(
      "Hours later, Trump returned the compliment to Adelson, telling Reuters, \u201cSheldon and "
      "I have been friends for a long time.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "telling");
  EXPECT_EQ(q[0].source, "Trump");
  // Passing over a subordinate clause and a possessive.
  q = Find(
      "Later that day, Rendell praised Sanders for what he has accomplished, calling it \u201can "
      "incredible feat.\u201d");
  // (Since round 9 the reported frame before the participle is an attribution
  // of its own: its content ends at the comma, no longer overlapping the
  // quotation's.)
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "praised");
  EXPECT_EQ(q[0].content, "Sanders for what he has accomplished");
  EXPECT_EQ(q[1].cue, "calling");
  EXPECT_EQ(q[1].source, "Rendell");
  q = Find(
      "In a speech, Khan also decried Trump\u2019s repeated calls to ban all Muslims from "
      "entering the U.S., noting he has \u201csacrificed nothing.\u201d");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "noting");
  EXPECT_EQ(q.back().source, "Khan");
  // ... and the subject of a reported clause.
  q = Find(
      "One Democratic official said Reid quieted the chatter, telling his colleagues, \u201cWe "
      "have to remember that Bernie has been good to us.\u201d");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "telling");
  EXPECT_NE(q.back().source, "Reid");
}

}  // namespace
}  // namespace chorus
