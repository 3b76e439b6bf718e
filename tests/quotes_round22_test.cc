// Unit tests of round 22 (docs/ACCURACY.md, "Round 22"): a content that
// starts at "that" before a comma or colon and a quotation is a clause, not an
// object of the cue ("said via email that, “…” against …"), nor one that
// starts at a subject pronoun before a colon ("said he responded: “…”"); the
// relative "what" before a naming cue is content ("what aide Kevin Phillips
// called “…”"); a list of quoted fragments after one closing with a comma runs
// on to the last ("a “loser,” a “liar” and a “whiner.”"); a parenthetical
// between commas after the cue is no content ("said, without evidence, that"),
// nor an adjunct opening with "during", "before" … ("said during a rally
// that"); a frame after a post cue that opens with a conjunction or a
// preposition is the attribution's second part ("“…,” he said, but “…”"), and
// one that opens with the post cue's source is nobody's; a learned cue leaves a
// quotation to an inner speech cue ("appeared … for saying that “…”"); a name
// in UTF-8 read twice as Latin-1 ("FranÃ\x83Â§ois") is one word; a fronted
// "When" clause with no comma of its own leaves the quotation to the main
// clause's cue, and its reported content ends before that clause's source.
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound22, ThatBeforeACommaStartsTheContent) {
  auto q = Find(
      "Spokeswoman Jane Doe said via email that, “Of course he is going to defend himself” "
      "against what the campaign sees as an attack.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Spokeswoman Jane Doe");
  EXPECT_EQ(q[0].content,
            "that, “Of course he is going to defend himself” against what the campaign sees as "
            "an attack");
  q = Find("Mr. Smith said that in the current climate, “Nobody wants a celebrity.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "that in the current climate, “Nobody wants a celebrity.”");
  // An object before the comma stays out.
  q = Find("Mr. Smith told reporters, “Nobody wants a celebrity.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "“Nobody wants a celebrity.”");
}

TEST(QuotesRound22, ASubjectPronounBeforeAColonStartsTheContent) {
  auto q = Find("Mr. Trump said he responded: “When you have incoming, you have to fire back.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].content, "he responded: “When you have incoming, you have to fire back.”");
  // An object before the colon stays out.
  q = Find("Mr. Trump told reporters: “When you have incoming, you have to fire back.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "“When you have incoming, you have to fire back.”");
}

TEST(QuotesRound22, WhatBeforeANamingCueIsContent) {
  auto q =
      Find("The strategy led to what aide Kevin Phillips called “the beginning of a new era.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "called");
  EXPECT_EQ(q[0].source, "aide Kevin Phillips");
  EXPECT_EQ(q[0].content, "what | “the beginning of a new era.”");
  // Not before another cue.
  q = Find("Nobody knew what Mr. Smith said “about the new era.”");
  for (const auto& a : q) EXPECT_EQ(a.content.find("what"), std::string::npos);
}

TEST(QuotesRound22, AListOfQuotedFragmentsRunsToItsLast) {
  auto q = Find("Mr. Bush tweeted that his rival is a “loser,” a “liar” and a “whiner.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "tweeted");
  EXPECT_EQ(q[0].content, "that his rival is a “loser,” a “liar” and a “whiner.”");
  // ... and stops there when the last closes with a comma.
  q = Find(
      "He says he “loves China,” and “people from China love me,” he also accuses it of stealing "
      "jobs.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].content, "he “loves China,” and “people from China love me,”");
}

TEST(QuotesRound22, AParentheticalAfterTheCueIsNoContent) {
  auto q = Find("She also said, without evidence, that “they are recruiting more people.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "also said");
  EXPECT_EQ(q[0].content, "that “they are recruiting more people.”");
  q = Find("The senator added, though, that the bill would pass.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "that the bill would pass");
}

TEST(QuotesRound22, AnAdjunctAfterTheCueIsNoContent) {
  auto q = Find(
      "Mr. Trump said during a Friday evening rally in Michigan that the deal was “the gold "
      "standard” of trade deals.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].content, "that the deal was “the gold standard” of trade deals");
}

TEST(QuotesRound22, AFrameAfterAPostCueIsItsSecondPart) {
  auto q = Find(
      "“You know, I love Larry,” he said, but “when it comes to energy, Larry has a history.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "he");
  EXPECT_EQ(q[0].content,
            "“You know, I love Larry,” | but “when it comes to energy, Larry has a history.”");
  q = Find("“We ask questions,” said Jorge Ramos, whose new book features “rebellious” people.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "“We ask questions,”");
}

TEST(QuotesRound22, ALearnedCueLeavesTheQuotationToAnInnerSpeechCue) {
  auto q = Find(
      "Oz appeared at a 2014 Senate hearing for his role in promoting weight-loss aids and for "
      "saying that green coffee extract was a “magic weight loss cure for every body type.”");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q.back().cue, "saying");
  EXPECT_EQ(q.back().content,
            "that green coffee extract was a “magic weight loss cure for every body type.”");
}

TEST(QuotesRound22, ADoublyEncodedNameIsOneWord) {
  // "François" encoded in UTF-8 twice: Ã, U+0083, Â, §.
  const std::string name =
      "Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7"
      "ois";
  auto q = Find("“Europe must be able to defend itself,” French President " + name +
                " Hollande said Friday as he entered the talks.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "French President " + name + " Hollande");
  EXPECT_EQ(q[0].content, "“Europe must be able to defend itself,”");
}

TEST(QuotesRound22, AFrontedClauseWithNoCommaLeavesTheQuotationToTheMainCue) {
  auto q = Find(
      "When Clinton noted that he had paid no federal income taxes \u2015 as was true for years "
      "\u2015 Trump boasted, \u201CThat makes me smart.\u201D");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "noted");
  EXPECT_EQ(q[0].content, "that he had paid no federal income taxes \u2015 as was true for years");
  EXPECT_EQ(q[1].cue, "boasted");
  EXPECT_EQ(q[1].source, "Trump");
  EXPECT_EQ(q[1].content, "\u201CThat makes me smart.\u201D");
}

}  // namespace
}  // namespace chorus
