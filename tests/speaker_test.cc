// Canonical speakers (session 21): pronouns by salience, first names' gender,
// places and organisations that are no person, titles inside a name, and
// descriptions that name a person. Each case failed before (see the comments).
#include <gtest/gtest.h>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(Speakers, APronounContinuesTheSubjectNotTheLastNameMentioned) {
  // Was "Barack Obama": the most recent man named.
  auto q = Find(
      "Josh Earnest spoke on Monday about Barack Obama and his plans. \u201cWe are "
      "ready,\u201d he said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "he");
  EXPECT_EQ(q[0].speaker, "Josh Earnest");
}

TEST(Speakers, APlaceIsNoPerson) {
  // Was "New Hampshire".
  auto q = Find("Ted Cruz campaigned in New Hampshire. \u201cWe will win,\u201d he said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Ted Cruz");
}

TEST(Speakers, AFirstNameTellsTheGender) {
  // Was "John Legend" for the second: no pronoun had told his gender.
  auto q = Find(
      "Chrissy Teigen wrote that she and John Legend had lost the baby. The couple "
      "thanked fans. \u201cWe love you,\u201d she wrote.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].source, "she");
  EXPECT_EQ(q[1].speaker, "Chrissy Teigen");
}

TEST(Speakers, ATitleInsideTheNameEndsWhatComesBefore) {
  // Was "Virginia Gov Terry McAuliffe".
  auto q = Find("Virginia Gov. Terry McAuliffe said the vote was close.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Terry McAuliffe");
}

TEST(Speakers, ADescriptionOfAPersonIsTheSalientPerson) {
  // Was null: Cruz, named once, was no "main person".
  auto q = Find("Ted Cruz spoke in Iowa. Later, the senator said the race was open.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "the senator");
  EXPECT_EQ(q[0].speaker, "Ted Cruz");
}

TEST(Speakers, ADescriptionOfAThingIsNoPerson) {
  // Was "Ted Cruz": the article's main person.
  auto q = Find("Ted Cruz spoke in Iowa. Ted Cruz left. The statement said the race was open.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "The statement");
  EXPECT_EQ(q[0].speaker, "");
}

TEST(Speakers, ASurnameWithATitleOrAVerbOfSayingIsAPerson) {
  // Was null: "Obama" was never given in full, so no person a "he" could reach.
  auto q = Find("President Obama spoke in Ohio about jobs. \u201cWe did it,\u201d he said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Obama");
}

TEST(Speakers, APersonNounByItsSuffix) {
  // Was null for the second: "socialist" is in no list, but ends in -ist.
  auto q = Find(
      "Sanders said he would stay in the race. Later, the socialist said the fight was not "
      "over.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].source, "the socialist");
  EXPECT_EQ(q[1].speaker, "Sanders");
}

TEST(Speakers, AWordInCapitalsMakesNoPerson) {
  // Was "Fox News RT", the last sentence's subject.
  auto q = Find(
      "Ted Cruz spoke on Monday. Fox News RT asked him about it. \u201cWe will win,\u201d he "
      "said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Ted Cruz");
  // Roman numerals are no capitals; a surname that is a month still is one.
  q = Find(
      "Theresa May spoke in London. \u201cWe will leave,\u201d she said. Vann R. Newkirk II "
      "wrote that it was over.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Theresa May");
  EXPECT_EQ(q[1].speaker, "Vann R. Newkirk II");
}

TEST(Speakers, AnOutletInCapitalsBeforeANameIsDropped) {
  // Was "CNN Gloria Borger".
  auto q = Find("\u201cIt is close,\u201d CNN\u2019s Gloria Borger said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Gloria Borger");
}

TEST(Speakers, OrganisationsStayAsNamed) {
  // Were "News" and "National Committee": the leading capitals and title were
  // dropped as from a person's name.
  auto q = Find("\u201cIt is close,\u201d NBC News said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "NBC News");
  q = Find("\u201cIt is close,\u201d the Republican National Committee said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "the Republican National Committee");
}

TEST(Speakers, ADescriptionsNounGivesItsGender) {
  // Was "Hillary Clinton", the more salient person.
  auto q = Find(
      "Hillary Clinton met Donald Trump in Ohio. Later, the businessman said the race was "
      "over.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "the businessman");
  EXPECT_EQ(q[0].speaker, "Donald Trump");
}

TEST(Speakers, AnAppositiveNameBeatsADescription) {
  // Was "Brad Holm": the description, resolved by salience, came first.
  auto q = Find(
      "Brad Holm spoke first. \u201cWe won,\u201d said the state\u2019s campaign chairman, "
      "Phil Lovas.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Phil Lovas");
}

TEST(Speakers, InitialsKeepTheirFullStopASentenceEndIsNoInitial) {
  auto q = Find("\u201cWe will win,\u201d said Donald J. Trump.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Donald J. Trump");
  // (Was "Jane Doe." for a while: a short surname before the sentence's end.)
  q = Find("\u201cWe will open the park,\u201d said Mayor Jane Doe.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Jane Doe");
}

}  // namespace
}  // namespace chorus
