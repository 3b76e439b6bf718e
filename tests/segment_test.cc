#include "chorus/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chorus {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  Segmentation s = Segment(text);
  std::vector<std::string> out;
  for (ByteSpan b : s.sentences) out.emplace_back(text.substr(b.begin, b.size()));
  return out;
}

std::vector<std::string> Paragraphs(std::string_view text) {
  Segmentation s = Segment(text);
  std::vector<std::string> out;
  for (ByteSpan b : s.paragraphs) out.emplace_back(text.substr(b.begin, b.size()));
  return out;
}

std::vector<std::string> Tokens(std::string_view text) {
  Segmentation s = Segment(text);
  std::vector<std::string> out;
  for (const Token& t : s.tokens) out.emplace_back(text.substr(t.span.begin, t.span.size()));
  return out;
}

using V = std::vector<std::string>;

TEST(Sentences, TitlesNeverEndASentence) {
  EXPECT_EQ(Sentences("Mr. Smith met Mrs. Jones and Dr. Who. Sen. Warren and Gov. Newsom spoke."),
            (V{"Mr. Smith met Mrs. Jones and Dr. Who.", "Sen. Warren and Gov. Newsom spoke."}));
  EXPECT_EQ(Sentences("Rep. Ocasio-Cortez, Gen. Milley and Lt. Col. Vindman testified."),
            (V{"Rep. Ocasio-Cortez, Gen. Milley and Lt. Col. Vindman testified."}));
}

TEST(Sentences, MonthsBeforeNumbers) {
  EXPECT_EQ(Sentences("The vote is on Sept. 5 in Ohio. It will be close."),
            (V{"The vote is on Sept. 5 in Ohio.", "It will be close."}));
  EXPECT_EQ(Sentences("He left on Jan. 20, 2017. Then he returned."),
            (V{"He left on Jan. 20, 2017.", "Then he returned."}));
}

TEST(Sentences, Initialisms) {
  EXPECT_EQ(Sentences("The U.S. Senate voted at 10 a.m. Tuesday. It passed."),
            (V{"The U.S. Senate voted at 10 a.m. Tuesday.", "It passed."}));
  // An initialism at the end of a sentence, before a word that opens one.
  EXPECT_EQ(Sentences("She moved to the U.S. The move was hard."),
            (V{"She moved to the U.S.", "The move was hard."}));
  EXPECT_EQ(Sentences("Shares of Apple Inc. rose. Acme Corp. Chief Executive Jane Roe said so."),
            (V{"Shares of Apple Inc. rose.", "Acme Corp. Chief Executive Jane Roe said so."}));
}

TEST(Sentences, InitialsInNames) {
  EXPECT_EQ(Sentences("John F. Kennedy was shot. J. R. R. Tolkien wrote books."),
            (V{"John F. Kennedy was shot.", "J. R. R. Tolkien wrote books."}));
}

TEST(Sentences, DecimalsAndNumbers) {
  EXPECT_EQ(Sentences("Growth was 3.5 percent. Prices rose 0.2%. Version 2.0 shipped."),
            (V{"Growth was 3.5 percent.", "Prices rose 0.2%.", "Version 2.0 shipped."}));
}

TEST(Sentences, Ellipses) {
  EXPECT_EQ(Sentences("He paused... and then went on. She said \xE2\x80\xA6 nothing."),
            (V{"He paused... and then went on.", "She said \xE2\x80\xA6 nothing."}));
  EXPECT_EQ(Sentences("I waited... Nobody came."), (V{"I waited...", "Nobody came."}));
}

TEST(Sentences, QuotesClosingAfterTheStop) {
  EXPECT_EQ(Sentences("He said, \"We won.\" Then he left."),
            (V{"He said, \"We won.\"", "Then he left."}));
  EXPECT_EQ(Sentences("\xE2\x80\x9CIt is over.\xE2\x80\x9D The crowd cheered."),
            (V{"\xE2\x80\x9CIt is over.\xE2\x80\x9D", "The crowd cheered."}));
  // A quote that ends in ! or ? followed by its attribution is one sentence.
  EXPECT_EQ(Sentences("\"Why now?\" she asked. \"Go!\" he shouted."),
            (V{"\"Why now?\" she asked.", "\"Go!\" he shouted."}));
  EXPECT_EQ(Sentences("(It rained.) We stayed."), (V{"(It rained.)", "We stayed."}));
}

TEST(Sentences, QuoteOpenedInOneParagraphAndContinuedInTheNext) {
  std::string text =
      "\xE2\x80\x9CWe will rebuild. It will take years.\n\n"
      "\xE2\x80\x9C"
      "But we will do it,\xE2\x80\x9D the mayor said.";
  EXPECT_EQ(Paragraphs(text), (V{"\xE2\x80\x9CWe will rebuild. It will take years.",
                                 "\xE2\x80\x9C"
                                 "But we will do it,\xE2\x80\x9D the mayor said."}));
  EXPECT_EQ(Sentences(text), (V{"\xE2\x80\x9CWe will rebuild.", "It will take years.",
                                "\xE2\x80\x9C"
                                "But we will do it,\xE2\x80\x9D the mayor said."}));
}

TEST(Sentences, LowercaseAfterStopIsNotABoundary) {
  EXPECT_EQ(Sentences("Visit example.com today. Or e.g. tomorrow."),
            (V{"Visit example.com today.", "Or e.g. tomorrow."}));
}

TEST(Sentences, CoverEveryNonSpaceCharacterOfTheParagraph) {
  std::string text = "  One. Two!  Three?\tFour \"five.\"  ";
  Segmentation s = Segment(text);
  std::string joined;
  for (ByteSpan b : s.sentences) joined += text.substr(b.begin, b.size());
  std::string nonspace;
  for (char c : text)
    if (c != ' ' && c != '\t') nonspace += c;
  std::string joined_nonspace;
  for (char c : joined)
    if (c != ' ' && c != '\t') joined_nonspace += c;
  EXPECT_EQ(joined_nonspace, nonspace);
  EXPECT_EQ(s.sentences.size(), 4u);
}

TEST(Paragraphs, BlankLinesLineBreaksAndHardWraps) {
  EXPECT_EQ(Paragraphs("First para.\n\n\nSecond para.\r\n\r\nThird."),
            (V{"First para.", "Second para.", "Third."}));
  // A single line break ends a paragraph ...
  EXPECT_EQ(Paragraphs("Headline Here\nBy Jane Roe\nThe story starts."),
            (V{"Headline Here", "By Jane Roe", "The story starts."}));
  // ... unless the line is hard-wrapped mid-sentence.
  EXPECT_EQ(Paragraphs("The council voted on\nthe budget late.\nNext item."),
            (V{"The council voted on\nthe budget late.", "Next item."}));
  EXPECT_EQ(Paragraphs("   \n\n  "), V{});
  EXPECT_EQ(Paragraphs(""), V{});
}

TEST(Paragraphs, SentencesNeverCrossParagraphs) {
  EXPECT_EQ(Sentences("She wrote:\n\nIt was over"), (V{"She wrote:", "It was over"}));
}

TEST(Tokens, WordsNumbersAndPunctuation) {
  EXPECT_EQ(Tokens("The 36-year-old didn\xE2\x80\x99t pay $3,000.50 in the U.S. at 10:30."),
            (V{"The", "36-year-old", "didn\xE2\x80\x99t", "pay", "$", "3,000.50", "in", "the",
               "U.S.", "at", "10:30", "."}));
  EXPECT_EQ(Tokens("\xE2\x80\x9CNo,\xE2\x80\x9D she said..."),
            (V{"\xE2\x80\x9C", "No", ",", "\xE2\x80\x9D", "she", "said", "..."}));
  EXPECT_EQ(Tokens("Caf\xC3\xA9 \xC3\x9C"
                   "ber AT&T"),
            (V{"Caf\xC3\xA9",
               "\xC3\x9C"
               "ber",
               "AT&T"}));
}

TEST(Tokens, KindsAreSet) {
  Segmentation s = Segment("Vote 42 now!");
  ASSERT_EQ(s.tokens.size(), 4u);
  EXPECT_EQ(s.tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(s.tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(s.tokens[3].kind, TokenKind::kPunct);
}

TEST(Segment, SurvivesPathologicalInput) {
  for (std::string text :
       {std::string(100000, '.'), std::string(100000, '"'), std::string(100000, '\n'),
        std::string("\xE2\x80\xA6", 3) + "A", std::string("Mr."), std::string("."),
        std::string("a\n\xE2\x80\xA8"
                    "b")}) {
    Segmentation s = Segment(text);
    for (ByteSpan b : s.sentences) {
      ASSERT_LE(b.begin, b.end);
      ASSERT_LE(b.end, text.size());
    }
  }
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {
TEST(Sentences, EmojiAfterTheFullStopEndTheSentenceTheyFollow) {
  EXPECT_EQ(
      Sentences("Plans for the festival. \xF0\x9F\x98\x80 \xE2\x80\x9CWe will open,\xE2\x80\x9D "
                "she said."),
      (std::vector<std::string>{"Plans for the festival. \xF0\x9F\x98\x80",
                                "\xE2\x80\x9CWe will open,\xE2\x80\x9D she said."}));
  // A thumbs-up with a skin tone and a variation selector is one run.
  EXPECT_EQ(Sentences("Done. \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xEF\xB8\x8F Next one."),
            (std::vector<std::string>{"Done. \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xEF\xB8\x8F",
                                      "Next one."}));
}
}  // namespace
}  // namespace chorus
