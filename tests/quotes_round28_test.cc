// Unit tests of round 28 (docs/ACCURACY.md, "Round 28"): direct quotations
// chorus missed. A verb, its object and "as" right before a quotation ("Merkel
// heralded the deal as a “breakthrough.”") make an attribution: the verb the
// cue, its subject the source. Nothing is attributed inside the text of an
// embedded tweet.
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Q;
using testing::WithCue;

TEST(QuotesRound28, AVerbItsObjectAndAsBeforeAQuotation) {
  auto q = Find(
      "The chancellor heralded the new agreement with the neighbours as a \"breakthrough.\" The "
      "deal takes effect on Monday.");
  Q h = WithCue(q, "heralded");
  EXPECT_EQ(h.source, "The chancellor");
  EXPECT_TRUE(h.direct);
  EXPECT_NE(h.content.find("breakthrough"), std::string::npos);
}

TEST(QuotesRound28, AnAdverbAndAParticleStayInTheCue) {
  auto q = Find(
      "Last year, the senator played down the governor's comments as \"just part of the "
      "campaign.\"");
  EXPECT_EQ(WithCue(q, "played down").source, "the senator");
  auto r = Find("Trump further summed up his rival as \"terrible\" at a rally in Ohio.");
  EXPECT_EQ(WithCue(r, "further summed up").source, "Trump");
}

TEST(QuotesRound28, HasBeenBeforeAnIngVerb) {
  auto q = Find(
      "Senator Harry Reid, in particular, has been steadily pounding the mogul as a \"con "
      "artist\" for weeks.");
  EXPECT_EQ(WithCue(q, "has been steadily pounding").source, "Senator Harry Reid");
}

TEST(QuotesRound28, NoVerbBeforeSuchAs) {
  auto q = Find(
      "Officials searched their records for terms containing words such as \"ambassador\" and "
      "\"attack.\"");
  EXPECT_EQ(WithCue(q, "searched").source, "");
}

TEST(QuotesRound28, AVerbItsObjectAndToBeforeAQuotation) {
  auto q =
      Find("At one point, Cruz coached Trump to \"breathe, breathe, breathe.\" The crowd laughed.");
  Q c = WithCue(q, "coached");
  EXPECT_EQ(c.source, "Cruz");
  EXPECT_TRUE(c.direct);
  // No object: "managed to" frames nothing.
  auto r = Find("The bureau somehow managed to \"lose\" the file.");
  EXPECT_EQ(WithCue(r, "managed").source, "");
}

TEST(QuotesRound28, NothingInsideAnEmbeddedTweet) {
  const std::string tweet =
      "The senator answered online.\n\n<tweet id=\"1\" author=\"@senator\">Sanders said that "
      "for young people \"the real unemployment rate is 51 percent.\" His numbers check "
      "out<tweet/>.\n\n\"We will keep going,\" the senator said.";
  auto q = Find(tweet);
  EXPECT_EQ(WithCue(q, "said that").source, "");
  EXPECT_EQ(WithCue(q, "said").source, "the senator");
  for (const Q& a : q) EXPECT_EQ(a.content.find("unemployment"), std::string::npos) << a.content;
}

}  // namespace
}  // namespace chorus
