// Story features: a long quotation gives the same quotation shingles whatever
// marks, case, backticks or Unicode form an outlet prints it with.
#include <gtest/gtest.h>

#include <string>

#include "chorus/segment.h"
#include "chorus/stories.h"

namespace chorus {
namespace {

std::vector<uint64_t> QuoteTerms(const std::string& text) {
  Article a;
  a.id = "a";
  a.text = text;
  Segmentation seg;
  Segment(a.text, seg);
  return ExtractStoryTerms(a, seg).quote_terms;
}

TEST(StoryFeatures, ALongQuotationGivesTheSameShinglesInEveryPrinting) {
  const auto straight = QuoteTerms(
      "The senator spoke on Monday. He said \"We will not back down from this fight, not now "
      "and not ever, and we don`t apologise,\" to cheers.");
  const auto curly = QuoteTerms(
      "In a statement, she wrote: \xE2\x80\x9CWe will NOT back down from this fight, not now and "
      "not ever, and we don't apologise.\xE2\x80\x9D");
  ASSERT_FALSE(straight.empty());
  EXPECT_EQ(straight, curly);

  // Non-ASCII text goes through Unicode normalisation: a precomposed and a
  // decomposed "café" are one word.
  const auto composed = QuoteTerms(
      "He said \"The caf\xC3\xA9 on the corner will stay open for every one of the neighbours "
      "who need it\" on Friday.");
  const auto decomposed = QuoteTerms(
      "He said \"The CAFE\xCC\x81 on the corner will stay open for every one of the neighbours "
      "who need it\" on Friday.");
  ASSERT_FALSE(composed.empty());
  EXPECT_EQ(composed, decomposed);
  EXPECT_NE(composed, straight);
}

TEST(StoryFeatures, CurlyApostrophesAndDashesReadAsTheirAsciiForms) {
  // The quick path for ASCII with curly marks and dashes must give the words
  // Unicode normalisation gives; the ellipsis (normalised to "...") takes the
  // slow path for the same words.
  const auto ascii = QuoteTerms(
      "She wrote: \"We don't know - and we won't know - what the board decided on the night\".");
  const auto curly = QuoteTerms(
      "She wrote: \xE2\x80\x9CWe don\xE2\x80\x99t know \xE2\x80\x94 and we won\xE2\x80\x99t "
      "know \xE2\x80\x93 what the board decided on the night\xE2\x80\x9D.");
  const auto slow = QuoteTerms(
      "She wrote: \xE2\x80\x9CWe don\xE2\x80\x99t know \xE2\x80\x94 and we won\xE2\x80\x99t "
      "know \xE2\x80\x93 what the board decided on the night\xE2\x80\xA6\xE2\x80\x9D.");
  ASSERT_FALSE(ascii.empty());
  EXPECT_EQ(ascii, curly);
  EXPECT_EQ(ascii, slow);
}

TEST(StoryFeatures, AShortQuotationGivesNoShingles) {
  EXPECT_TRUE(QuoteTerms("He said \"not now, not ever\" on Monday.").empty());
}

}  // namespace
}  // namespace chorus
