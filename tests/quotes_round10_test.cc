// Unit tests of round 10 (docs/ACCURACY.md, "Round 10"): a pronoun's
// contraction goes to the cue, an appositive after a quotation may hold
// "and", an adverb between a determiner and a noun is an adjective, and a
// negated cue ("did not say") keeps its negation and its source.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound10, APronounsContractionGoesToTheCue) {
  auto q = Find(
      "He\xE2\x80\x99s claiming that voting fraud is \xE2\x80\x9C"
      "a big problem.\xE2\x80\x9D");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "He");
  EXPECT_EQ(q[0].cue, "\xE2\x80\x99s claiming");
  q = Find("If, as I've suggested, the developers are right, we lose.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "I");
  EXPECT_EQ(q[0].cue, "'ve suggested");
}

TEST(QuotesRound10, ANameWithAnApostropheIsNotSplit) {
  // Only a pronoun's contraction is split off: "O'Donnell said" keeps its name.
  auto q = Find("O'Donnell said that the deal was dead.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "O'Donnell");
  EXPECT_EQ(q[0].cue, "said");
}

TEST(QuotesRound10, AnAppositiveAfterAQuotationMayHoldAnd) {
  auto q = Find(
      "\xE2\x80\x9CI think all candidates should do so,\xE2\x80\x9D Douglas Holtz-Eakin, "
      "an economist and tax expert, told me this week.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Douglas Holtz-Eakin, an economist and tax expert");
  EXPECT_EQ(q[0].cue, "told");
  // But "and" before a pronoun still ends the clause: no source "Lee, and he".
  for (const auto& a : Find("\xE2\x80\x9CWe agree,\xE2\x80\x9D Ann Lee, and he said so."))
    EXPECT_EQ(a.source.find(" and "), std::string::npos) << a.source;
}

TEST(QuotesRound10, AnAdverbAfterADeterminerIsAnAdjective) {
  auto q = Find("The first lady said it was a mistake.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "The first lady");
  EXPECT_EQ(q[0].cue, "said");
  // An adverb before the cue still ends the source: "Trump also said".
  q = Find("Trump also said it was a mistake.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Trump");
}

TEST(QuotesRound10, ANegatedCueKeepsItsNegationAndItsSource) {
  for (auto [text, cue] :
       {std::pair{"Trump did not say whether the deal was dead.", "did not say"},
        std::pair{"Trump didn't say whether the deal was dead.", "didn't say"},
        std::pair{"Trump hasn't said whether the deal was dead.", "hasn't said"}}) {
    auto q = Find(text);
    ASSERT_EQ(q.size(), 1u) << text;
    EXPECT_EQ(q[0].source, "Trump") << text;
    EXPECT_EQ(q[0].cue, cue) << text;
    EXPECT_EQ(q[0].content, "whether the deal was dead") << text;
  }
}

TEST(QuotesRound10, TwoAppositivesKeepTheNameBeforeThem) {
  auto q = Find(
      "John Ayrault, the foreign minister of France, a member of the council, said North "
      "Korea was \"reckless.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source.rfind("John Ayrault, the foreign minister of France", 0), 0u)
      << q[0].source;
  EXPECT_EQ(q[0].speaker, "John Ayrault");
  // With no name before it, the noun phrase still heads the source.
  q = Find("The minister, a member of the council, said North Korea was \"reckless.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "The minister, a member of the council");
}

}  // namespace
}  // namespace chorus
