// Unit tests of round 16 (docs/ACCURACY.md, "Round 16"): a participle cue after
// an inverted cue whose quotation closes with the comma inside its mark takes
// the source after that cue ("“…,” said Skelly, explaining …"); "as X put(s)
// it," before a quotation makes X the source and "put it" the cue; a cue inside
// a fronted subordinate clause ("Although …, X said, “…”") is no outer frame,
// and frames no quotation past the clause's comma ("When Trump suggested that
// …, Rubio fired back forcefully: “…”"); a sentence-final "according to X"
// right after a quotation closed by a comma inside its mark is the outer frame;
// an inverted cue after a fronted adverbial takes the source after it ("In
// other words, explained X: "…""); a participle after a comma and an adverb
// takes the source of the cue before it ("…, Trump told reporters, before
// insisting …").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound16, AParticipleAfterAnInvertedCueTakesItsSource) {
  auto q = Find(
      "“Vito is outstanding with data,” said Skelly, explaining he worked more closely with "
      "Chrabaszcz: “He’s a real good data manipulator.”");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].source, "Skelly");
  EXPECT_EQ(q[1].cue, "explaining");
  EXPECT_EQ(q[1].source, "Skelly");
  EXPECT_EQ(q[1].content, "“He’s a real good data manipulator.”");
}

TEST(QuotesRound16, AsSomeonePutsItIsACueBeforeAQuotation) {
  auto q = Find(
      "As The Post's Dana Milbank puts it, \"Senate Republicans are unmoved, and liberal "
      "activists are uninspired.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "The Post's Dana Milbank");
  EXPECT_EQ(q[0].cue, "puts it");
  EXPECT_TRUE(q[0].direct);
  // A lead between the comma and the quotation is content.
  q = Find(
      "As Ruth Marcus puts it, Obama is trying to make Republicans \"an offer they can't afford "
      "to refuse.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Ruth Marcus");
  EXPECT_EQ(q[0].cue, "puts it");
  EXPECT_EQ(q[0].content,
            "Obama is trying to make Republicans \"an offer they can't afford to refuse.\"");
}

TEST(QuotesRound16, ACueInAFrontedSubordinateClauseFramesNothingPastItsComma) {
  auto q = Find(
      "Although the Scott administration has maintained that state testing is required by law, "
      "Lopez-Cantera said about the movement, “I support parents making the best decisions for "
      "their kids’ education.”");
  ASSERT_FALSE(q.empty());
  const auto& a = q.back();
  EXPECT_EQ(a.source, "Lopez-Cantera");
  EXPECT_EQ(a.cue, "said");
  EXPECT_EQ(a.content, "“I support parents making the best decisions for their kids’ education.”");
}

TEST(QuotesRound16, ACueInAFrontedSubordinateClauseFramesNoQuotationPastItsComma) {
  auto q = Find(
      "When Trump suggested that Cuba would sue the U.S. for reneging on the deal, Rubio fired "
      "back forcefully: “If they sue us in a court in Miami, they’re going to lose.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Rubio");
  EXPECT_EQ(q[0].cue, "fired back forcefully");
  EXPECT_TRUE(q[0].direct);
}

TEST(QuotesRound16, AccordingToRightAfterAClosingMarkIsTheOuterFrame) {
  auto q =
      Find("She later compared the conversation to a “root canal,” according to Axelrod’s memoir.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "according to");
  EXPECT_EQ(q[0].source, "Axelrod’s memoir");
  EXPECT_TRUE(q[0].direct);
}

TEST(QuotesRound16, AnInvertedCueAfterAFrontedAdverbialTakesTheSourceAfterIt) {
  auto q = Find(
      "In other words, explained CBS moderator Nancy Cordes: \"What does that have to do with "
      "taking big donations?\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "explained");
  EXPECT_EQ(q[0].source, "CBS moderator Nancy Cordes");
  q = Find("But, said Solovey, \"I don't want to drum up conflict.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Solovey");
  // A source before the cue keeps it.
  q = Find(
      "David Axelrod, a strategist, said of Sanders: \"The question is, will he do the same?\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "David Axelrod, a strategist");
}

TEST(QuotesRound16, AParticipleAfterACommaAndAnAdverbTakesTheSourceOfTheCueBefore) {
  auto q = Find(
      "“There’s great danger with the illegals,” Trump told reporters, before insisting he had a "
      "“great relationship” with Latinos.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].cue, "insisting");
  EXPECT_EQ(q[1].source, "Trump");
  q = Find(
      "\"We're not joining in the characterization of her comments,\" Devine said, instead seeking "
      "to focus on the \"big substantive differences\" between the two.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].cue, "seeking");
  EXPECT_EQ(q[1].source, "Devine");
}

}  // namespace
}  // namespace chorus
