// Unit tests of round 27 (docs/ACCURACY.md, "Round 27"): direct sources. The
// asker after "Asked by" or "When asked by" is the source of the question
// ("Asked by Thrush if Clinton “gets” race, Sharpton avoided …" -> "Thrush"),
// and the reported question starts after the asker. "since" after an
// auxiliary stands between a subject and its cue ("Clinton has since
// apologized for what happened: “…”"). A name joined by "and" to a phrase
// that opens in lower case or with a number is one head before an appositive
// ("Zeliff and 24-year-old Tom Giancola, a fellow …, explained"). The
// subject of a verb before a "that" clause owns a quotation in it that no cue
// claims ("The Sanders campaign projects that “…” would raise …"). A
// pronoun before a comma-bounded interjection is the whole source ("he, once
// again, pledged a “political revolution”").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Q;
using testing::WithCue;

TEST(QuotesRound27, TheAskerAfterAskedByIsTheSourceOfAQuotedQuestion) {
  auto q = Find(
      "Sharpton spoke to Politico.\n\nAsked by Thrush if Clinton \"gets\" race, Sharpton avoided "
      "a declarative answer.");
  EXPECT_EQ(WithCue(q, "Asked").source, "Thrush");
}

TEST(QuotesRound27, TheAskerAfterWhenAskedByIsTheSourceOfAReportedQuestion) {
  auto q = Find(
      "Rubio spoke on the radio.\n\nWhen asked by Ingraham on Thursday about increasing the "
      "number of foreign workers in the United States, Rubio said the border came first.");
  const Q a = WithCue(q, "When asked");
  EXPECT_EQ(a.source, "Ingraham");
  EXPECT_EQ(a.content, "about increasing the number of foreign workers in the United States");
}

TEST(QuotesRound27, SinceAfterAnAuxiliaryStandsBetweenSubjectAndCue) {
  auto q = Find(
      "The inquiry goes on.\n\nClinton has since apologized for what happened: \"Yes, I should "
      "have used two email addresses. I'm sorry about it.\"");
  const Q a = WithCue(q, "apologized for");
  EXPECT_TRUE(a.direct);
  EXPECT_EQ(a.source, "Clinton");
}

TEST(QuotesRound27, ANameAndALowerCaseNounPhraseAreOneHeadBeforeAnAppositive) {
  auto q = Find(
      "The office bustled with volunteers.\n\nZeliff and 24-year-old Tom Giancola, a fellow "
      "Sanders veteran, explained how canvassers would rank the voters they met, from \"Oh, I'm "
      "definitely voting for Eric\" to \"They're probably voting for Trump.\"");
  EXPECT_EQ(WithCue(q, "explained").source,
            "Zeliff and 24-year-old Tom Giancola, a fellow Sanders veteran");
}

TEST(QuotesRound27, TheSubjectOfAVerbBeforeAThatClauseOwnsAQuotationNoCueClaims) {
  auto q = Find(
      "Economists disagree.\n\nThe Sanders campaign projects that \"imposing a tax of a fraction "
      "of a percent\" on financial transactions would raise $75 billion a year.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "The Sanders campaign");
  // A pronoun "that" opens no clause.
  q = Find(
      "Graham spoke.\n\nGraham contrasted that with Clinton, who wants to bring \"people "
      "together to accomplish the goal.\"");
  for (const Q& a : q) EXPECT_NE(a.source, "Graham") << a.content;
}

TEST(QuotesRound27, APronounBeforeAnInterjectionIsTheWholeSource) {
  auto q = Find(
      "Sanders won Vermont.\n\nHe thanked his supporters, and he, once again, pledged a "
      "\"political revolution\" in the fall.");
  EXPECT_EQ(WithCue(q, "pledged").source, "he");
  q = Find(
      "The rhetoric was milder than that of her campaign's leadership, who, on a press call "
      "Friday, criticized Sanders for \"misrepresenting what had occurred.\"");
  EXPECT_EQ(WithCue(q, "criticized").source, "who");
}

}  // namespace
}  // namespace chorus
