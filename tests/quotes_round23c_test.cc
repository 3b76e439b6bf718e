// Unit tests of round 23c (docs/ACCURACY.md, "Round 23c"): the words on a
// sign, a hat or a message after "read", "reads" or "reading" are a quotation
// with "read" its cue ("One message read “…”", "the sign — which read “…”"),
// also when they are short and capitalised like a title; a prepositional
// phrase after "as X put it" before the quotation is in the cue ("as The New
// Yorker put it in a lengthy expose, “…”"); a finite "used the phrase" (term,
// word, words) before a quotation is its cue ("Trump has used the phrase
// “…”"); a sourceless frame whose content lies inside another content, both
// holding a quotation, is dropped ("calling it a "paperwork error" that was
// reported in a "hit piece"").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound23c, ReadBeforeAQuotationIsItsCue) {
  auto q = Find(
      "Six planes filled the skies with messages. One message read “anybodybuttrump.us,” a "
      "website linked to a group in Texas.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "read");
  EXPECT_EQ(q[0].source, "One message");
  EXPECT_EQ(q[0].content, "“anybodybuttrump.us,”");
}

TEST(QuotesRound23c, ATitleLikeQuotationOnASignIsQuoted) {
  auto q =
      Find("He held up the sign — which read “Hispanics 4 Trump” — and waved it around the hall.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "read");
  EXPECT_EQ(q[0].content, "“Hispanics 4 Trump”");
  q = Find(
      "The former mayor wore a Donald Trump campaign hat reading, “Make Mexico Great Again "
      "Also” on Wednesday night.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "reading");
  EXPECT_EQ(q[0].content, "“Make Mexico Great Again Also”");
}

TEST(QuotesRound23c, APhraseAfterPutItIsInTheCue) {
  auto q = Find(
      "Fame has not insulated him from being seen, as The New Yorker put it in a lengthy "
      "expose, “the operator.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "put it in a lengthy expose");
  EXPECT_EQ(q[0].source, "The New Yorker");
  EXPECT_EQ(q[0].content, "“the operator.”");
  // Without the phrase, as before.
  q = Find("As Vulture put it, “Hello, it’s the Biebs.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "put it");
  EXPECT_EQ(q[0].source, "Vulture");
}

TEST(QuotesRound23c, UsedThePhraseIsTheCue) {
  auto q = Find("Mr. Trump has used the phrase “Islamic terrorism” often in his campaign.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "has used the phrase");
  EXPECT_EQ(q[0].source, "Mr. Trump");
  EXPECT_EQ(q[0].content, "“Islamic terrorism”");
  q = Find("When Trump used the words, “I’m not quite there yet,” he was echoing Ryan.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "used the words");
  EXPECT_EQ(q[0].source, "Trump");
}

TEST(QuotesRound23c, ASourcelessFrameInsideAnotherQuotedContentIsDropped) {
  auto q = Find(
      "Cruz dismissed the issue of the loans, calling it a \"paperwork error\" that was reported "
      "in a \"hit piece\" by The New York Times.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].cue, "calling");
  EXPECT_EQ(q[1].content,
            "it a \"paperwork error\" that was reported in a \"hit piece\" by The New York Times");
  q = Find(
      "Tad Devine said Republicans are engaged in misguided \"mischief\" that shows their "
      "\"disconnect with what is going on with voters.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  // A frame with a source of its own inside stays.
  q = Find(
      "Tad Devine said Republicans are engaged in misguided \"mischief,\" and he added, "
      "\"It shows their disconnect.\"");
  EXPECT_EQ(q.size(), 2u);
}

}  // namespace
}  // namespace chorus
