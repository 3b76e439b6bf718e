// Unit tests of the round-6 attribution rules (docs/ACCURACY.md, PolNeAR
// train conventions), each on a small made-up text.
#include <gtest/gtest.h>

#include "analyse/cue_lexicon.h"
#include "chorus/quotes.h"
#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound6, ReportedOnlyCuesTakeReportedSpeech) {
  auto q = Find("The audit found that the agency had lost track of the money.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "found");
  EXPECT_EQ(q[0].source, "The audit");
  EXPECT_EQ(q[0].content, "that the agency had lost track of the money");
  EXPECT_FALSE(q[0].direct);
  q = Find("Many Democrats fear that the party will lose the Senate in November.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "fear");
  EXPECT_EQ(q[0].source, "Many Democrats");
  // The words stay out of the cue lexicon that quotation rules read.
  EXPECT_EQ(quotes::CueOf("fear"), quotes::CueKind::kReported);
  EXPECT_EQ(quotes::CueOf("support"), quotes::CueKind::kNone);
}

TEST(QuotesRound6, ASecondTierOfReportedOnlyCues) {
  auto q = Find("Party leaders hope that the vote will settle the question before the summer.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "hope");
  EXPECT_EQ(q[0].source, "Party leaders");
  EXPECT_EQ(q[0].content, "that the vote will settle the question before the summer");
  EXPECT_EQ(quotes::CueOf("want"), quotes::CueKind::kReported);
}

TEST(QuotesRound6, ReportedOnlyCuesClaimNoQuotation) {
  // A quotation after one is not given to it ...
  auto q = Find("\u201cWe will win this state by ten points,\u201d the campaign found.");
  for (const auto& a : q) EXPECT_NE(a.cue, "found");
  // ... nor does it take content a listed cue already reported.
  q = Find("Officials said the audit found that the agency had lost the money.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Officials");
}

TEST(QuotesRound6, SomeListedCuesReportWithNoSource) {
  // Reported speech keeps its content and cue, not its source ...
  auto q = Find("The foundation pledged that it would give $1 million to the relief effort.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "pledged");
  EXPECT_EQ(q[0].content, "that it would give $1 million to the relief effort");
  EXPECT_EQ(q[0].source, "");
  // ... a quotation keeps both.
  q = Find("\u201cWe will give $1 million,\u201d the foundation pledged.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "pledged");
  EXPECT_EQ(q[0].source, "the foundation");
}

TEST(QuotesRound6, RareLearnedCuesReportLast) {
  // "intimated": in a cue both times it occurs on train.
  EXPECT_EQ(quotes::CueOf("intimated"), quotes::CueKind::kRareReported);
  auto q = Find("The governor intimated that the new bridge would open by the end of 2019.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "intimated");
  EXPECT_EQ(q[0].source, "The governor");
  EXPECT_EQ(q[0].content, "that the new bridge would open by the end of 2019");
  // After a reported-only cue of the second pass, it takes no nested content.
  q = Find("Party leaders hope the governor intimated that the bridge would open soon.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "hope");
}

TEST(QuotesRound6, ReportedContentEndsBeforeADirectAttribution) {
  auto q = Find(
      "Trump asserted that France had lost its identity: \u201cFrance is no longer France,\u201d "
      "he claimed.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "asserted");
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].content, "that France had lost its identity");
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[1].cue, "claimed");
  EXPECT_TRUE(q[1].direct);
  // Content holding the quotation's cue is its frame: dropped, not clipped.
  q = Find("He praised those who left but said the campaign was \"in a different ballgame.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
}

TEST(QuotesRound6, ManyReportedOnlyCuesStayLinear) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "Voters fear that ";
  text += "the end is near.";
  auto q = Find(text);
  EXPECT_LE(q.size(), 5000u);
  std::string marks(10000, '"');
  EXPECT_NO_THROW(Find(marks + " Voters fear that taxes rise. " + marks));
}

}  // namespace
}  // namespace chorus
