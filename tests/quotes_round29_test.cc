// Unit tests of round 29 (docs/ACCURACY.md, "Round 29"): direct quotations
// chorus missed. A quotation right after a noun of voiced words and "of"
// ("was met with chants of “Trump, Trump, Trump”") is a direct attribution of
// its own, with no cue and no source, unless another attribution holds it; so
// is one right after an opening parenthesis ("Marco Rubio (“Little Marco”)").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Q;

// The direct attributions whose content is exactly `content`.
int WithContent(const std::vector<Q>& qs, const std::string& content) {
  int n = 0;
  for (const Q& q : qs) n += q.direct && q.content == content;
  return n;
}

TEST(QuotesRound29, AQuotationAfterChantsOf) {
  auto q = Find(
      "On Monday, the visiting team was met with chants of \"Trump, Trump, Trump\" from the "
      "stands.");
  ASSERT_EQ(WithContent(q, "\"Trump, Trump, Trump\""), 1);
  for (const Q& a : q)
    if (a.content == "\"Trump, Trump, Trump\"") {
      EXPECT_EQ(a.cue, "");
      EXPECT_EQ(a.source, "");
    }
  auto r = Find("There were near-constant calls of \"Feel the Bern\" as he passed by.");
  EXPECT_EQ(WithContent(r, "\"Feel the Bern\""), 1);
  auto s = Find("It was the cries of \"Go home!\" that stayed with the writer.");
  EXPECT_EQ(WithContent(s, "\"Go home!\""), 1);
}

TEST(QuotesRound29, AChantInsideAnotherAttributionStaysThere) {
  auto q = Find(
      "The governor was greeted with chants of \"Bobby!\" at a labor conference last week, "
      "according to the union's president.");
  int holding = 0;
  for (const Q& a : q) holding += a.content.find("Bobby") != std::string::npos;
  EXPECT_EQ(holding, 1);
  EXPECT_EQ(WithContent(q, "\"Bobby!\""), 0);
}

TEST(QuotesRound29, AQuotationAfterAnOpeningParenthesis) {
  auto q = Find(
      "He spent the evening taking shots at Marco Rubio (\"Little Marco\") and talking about "
      "his own wins.");
  EXPECT_EQ(WithContent(q, "\"Little Marco\""), 1);
  auto r = Find(
      "In his speech, an optimistic spiel on how free markets (\"Uber everything\") can fix the "
      "country, he tells one joke.");
  EXPECT_EQ(WithContent(r, "\"Uber everything\""), 1);
}

}  // namespace
}  // namespace chorus
