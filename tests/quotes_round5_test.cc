// Unit tests of the round-5 attribution rules (docs/ACCURACY.md, PolNeAR
// train conventions), each on a small made-up text.
#include <gtest/gtest.h>

#include "chorus/quotes.h"
#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound5, ADashAndANameSignAQuotationParagraph) {
  auto q = Find(
      "The debate went on.\n\n\"Taxes are too high for the middle class.\"\n\n- Jane "
      "Doe.\n\nShe is wrong.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "\"Taxes are too high for the middle class.\"");
  EXPECT_EQ(q[0].cue, "-");
  EXPECT_EQ(q[0].source, "Jane Doe");
  q = Find("\"We will never give up on this town.\"\n\n-Michelle Marks, Philadelphia.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Michelle Marks");
  // Not a name: a dash opening a sentence of its own.
  q = Find("\"We will never give up on this town.\"\n\n- Reduce taxes on small firms.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "");
}

TEST(QuotesRound5, ContentStartsAtThatAfterAPrepositionalAdjunct) {
  auto q = Find("Smith said in a written statement in March that the claims had no substance.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Smith");
  EXPECT_EQ(q[0].content, "that the claims had no substance");
  q = Find("Smith said in her opening remarks that the plan should pass.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "that the plan should pass");
}

TEST(QuotesRound5, AnUnlistedVerbAfterAQuotationMayBePresentOrTakeATime) {
  auto q = Find("\u201cWe are nowhere near done with this,\u201d Bozell grumbles.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "grumbles");
  EXPECT_EQ(q[0].source, "Bozell");
  q = Find("\u201cThat would have been a sign of good faith,\u201d Toomey fumed on Tuesday.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "fumed");
  EXPECT_EQ(q[0].source, "Toomey");
}

TEST(QuotesRound5, ACoordinatedOuterCueTakesTheNestedQuotation) {
  auto q = Find(
      "Adelson met with Trump in December and declared in an interview that he thinks Trump is "
      "\u201cvery charming.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "declared");
  EXPECT_EQ(q[0].source, "Adelson");
}

TEST(QuotesRound5, AParticipleSkipsAnInfinitiveCueForItsSource) {
  auto q =
      Find("Senator Jane Smith wanted to say little, adding that the account was always private.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "adding");
  EXPECT_EQ(q.back().source, "Senator Jane Smith");
}

TEST(QuotesRound5, LearnedBaseFormVerbsAreCues) {
  auto q = Find("Critics argue that the plan would raise taxes on the middle class.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "argue");
  EXPECT_EQ(q[0].source, "Critics");
  EXPECT_EQ(q[0].content, "that the plan would raise taxes on the middle class");
  q = Find("Recent polls suggest the race is tightening in Ohio and Florida.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "suggest");
  EXPECT_EQ(q[0].source, "Recent polls");
}

TEST(QuotesRound5, ShowAfterAPluralIsACue) {
  auto q = Find("Federal records show the committee raised more money than any before it.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "show");
  EXPECT_EQ(q[0].source, "Federal records");
  EXPECT_EQ(q[0].content, "the committee raised more money than any before it");
  EXPECT_TRUE(Find("Mr. Hannity's show has all the trappings of a real newscast.").empty());
  EXPECT_TRUE(Find("They will show the film to everyone in town next week.").empty());
}

TEST(QuotesRound5, AParentheticalCueTakesTheSentenceOnBothSides) {
  auto q = Find("This campaign, he says, is different from the others in the state.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "says");
  EXPECT_EQ(q[0].source, "he");
  EXPECT_EQ(q[0].content, "This campaign | is different from the others in the state");
  EXPECT_FALSE(q[0].direct);
}

TEST(QuotesRound5, AnEdAdjectiveOrParticipleStaysInTheSource) {
  auto q = Find("Still, 52 percent of registered voters say they would consider voting for him.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "say");
  EXPECT_EQ(q[0].source, "52 percent of registered voters");
  q = Find("People briefed on the move said that it reflected a crisis point.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "People briefed on the move");
  // A verb still ends it: no source, so no attribution.
  EXPECT_TRUE(Find("Robby Mook released a memo that said the race was close.").empty());
}

TEST(QuotesRound5, AHeadlineInTitleCaseKeepsItsCue) {
  auto q = Find("Trump Says His Health Plan Will Not Allow People To Die On The Street");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "Says");
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].content, "His Health Plan Will Not Allow People To Die On The Street");
  // Not title case: a capitalised word inside a sentence is still a name.
  EXPECT_TRUE(Find("The meeting with Mark Says went well for everyone there.").empty());
}

TEST(QuotesRound5, AFrameVerbInIngAfterACommaTakesTheSubjectBeforeIt) {
  auto q = Find(
      "\u201cThe key to the success was the market timing,\u201d Mr. Hedge said, referring to "
      "the two resorts.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].cue, "referring to");
  EXPECT_EQ(q[1].source, "Mr. Hedge");
  EXPECT_EQ(q[1].content, "the two resorts");
}

TEST(QuotesRound5, ACapitalisedWillAfterAnInvertedCueIsAName) {
  auto q = Find("\u201cIt is a pretty expensive business model,\u201d said Will Doyle.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Will Doyle");
}

}  // namespace
}  // namespace chorus
