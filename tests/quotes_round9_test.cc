// Unit tests of round 9 (docs/ACCURACY.md, "Round 9"): a quotation signed by
// a dash and a name at the end of the paragraph it opens, and a closing curly
// mark typed where a quotation opens a paragraph.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyse/quote_marks.h"
#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound9, ADashAndANameClosingTheParagraphSignTheQuotation) {
  auto q = Find(
      "Readers wrote in.\n\n"
      "\xE2\x80\x9CWe will never give up on this town.\xE2\x80\x9D \xE2\x80\x95 Sonya Herridge\n"
      "\xE2\x80\x9CHe is ignorant of our culture.\xE2\x80\x9D\xE2\x80\x95 Edwin G. Monroy.\n"
      "\xE2\x80\x9CIt is a disgrace.\xE2\x80\x9D \xE2\x80\x94 Carla Sanchez, Phoenix.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].content, "\xE2\x80\x9CWe will never give up on this town.\xE2\x80\x9D");
  EXPECT_EQ(q[0].cue, "\xE2\x80\x95");
  EXPECT_EQ(q[0].source, "Sonya Herridge");
  EXPECT_EQ(q[0].speaker, "Sonya Herridge");
  EXPECT_TRUE(q[0].direct);
  EXPECT_EQ(q[1].source, "Edwin G. Monroy");
  EXPECT_EQ(q[2].cue, "\xE2\x80\x94");
  EXPECT_EQ(q[2].source, "Carla Sanchez");
}

TEST(QuotesRound9, ASignatureNeedsTheQuotationToOpenItsParagraph) {
  // A byline after a sentence that ends in a quotation (PolNeAR train's one
  // such line) signs the article, not the quotation.
  for (const auto& a : Find("Rajoy insisted that his party was \"still the No. 1 force in "
                            "Spain.\"--Kim Hjelmgaard."))
    EXPECT_NE(a.source, "Kim Hjelmgaard");
}

TEST(QuotesRound9, ADashBeforeWordsThatAreNoNameSignsNothing) {
  auto q = Find(
      "Intro.\n\n\xE2\x80\x9CWe will never give up on this town.\xE2\x80\x9D "
      "\xE2\x80\x94 And the crowd cheered for a long time.");
  for (const auto& a : q) EXPECT_EQ(a.source, "") << a.content;
}

TEST(QuotesRound9, AClosingMarkOpeningAParagraphOpensAQuotation) {
  auto q = Find(
      "Readers wrote in.\n\n"
      "\xE2\x80\x9DMr. Trump embodies the lasting legacy of racism.\xE2\x80\x9D "
      "\xE2\x80\x95 Sonya Herridge");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content,
            "\xE2\x80\x9DMr. Trump embodies the lasting legacy of racism.\xE2\x80\x9D");
  EXPECT_EQ(q[0].source, "Sonya Herridge");
}

TEST(QuotesRound9, AClosingMarkAndAnEllipsisOpeningAParagraphOpenAQuotation) {
  std::string text =
      "The president was in Ohio.\n\n\xE2\x80\x9D \xE2\x80\xA6 what I learned from these families "
      "is that words matter,\xE2\x80\x9D he said.";
  auto q = Find(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "he");
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].content.substr(0, 3), "\xE2\x80\x9D");
}

TEST(QuotesRound9, ReportedContentAfterAQuotedTitleStartsAtThat) {
  auto q = Find(
      "Sanders told MSNBC's \"Morning Joe\" that nobody would question her "
      "intelligence.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "told");
  EXPECT_EQ(q[0].source, "Sanders");
  EXPECT_EQ(q[0].content, "that nobody would question her intelligence");
}

TEST(QuotesRound9, PoliceIsAGroupSource) {
  auto q = Find("The officer was not wearing a recording device, police said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "police");
  EXPECT_EQ(q[0].content, "The officer was not wearing a recording device");
}

TEST(QuotesRound9, AClauseAfterAnInvertedCueIsNoSource) {
  // "…, said Trump's statement didn't clarify …": not "…, said the official."
  auto q = Find(
      "Conservative economist Aparna Mathur, who studies tax policy, said Ivanka "
      "Trump's statement didn't clarify the matter.");
  for (const auto& a : q) EXPECT_NE(a.source, "Ivanka Trump's statement didn't clarify the matter");
}

TEST(QuotesRound9, ReportedContentEndsBeforeAndPronounCue) {
  auto q = Find(
      "But Fowler said the politics would be more intense \xE2\x80\x94 and he noted that "
      "any change would occur later.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Fowler");
  EXPECT_EQ(q[0].content, "the politics would be more intense");
}

TEST(QuotesRound9, AQuotationBeforeACueOfAThatClauseIsNotItsContent) {
  auto q = Find(
      "City Attorney Brad Holm said in the letter that the advertisement "
      "\xE2\x80\x9Cunmistakably and wrongfully\xE2\x80\x9D suggests that Phoenix "
      "supports the campaign.");
  for (const auto& a : q) EXPECT_NE(a.cue, "suggests") << a.content;
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].source, "City Attorney Brad Holm");
}

TEST(QuotesRound9, ReportedContentEndsBeforeAParticipleAdjunct) {
  auto q = Find(
      "The union called Clinton a champion for its members, citing her work after "
      "the attacks.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].content, "Clinton a champion for its members");
  q = Find(
      "Trump has repeatedly wondered whether the moderators will be fair to him, "
      "implicitly lowering expectations.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].content, "whether the moderators will be fair to him");
  // ", including …" stays (PolNeAR train: inside the content 132 times, after it 14).
  q = Find("Smith said the plan would hurt many families, including those in rural areas.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "the plan would hurt many families, including those in rural areas");
}

TEST(QuotesRound9, ReportedContentEndsAtASemicolonAndAtCommaAs) {
  auto q = Find("The officials said the request came late; they only learned of it on Friday.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].content, "the request came late");
  q = Find(
      "The leaders condemned the nuclear test, as Pyongyang fired three missiles into the sea.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].content, "the nuclear test");
}

TEST(QuotesRound9, ADoubleMarkQuotationNestedInAnotherStaysInside) {
  // "“… what he calls “hell” than live …”": the inner pair is nested (the
  // next two marks after the second opener are closers).
  std::string text =
      "\xE2\x80\x9CI\xE2\x80\x99"
      "d rather live in what he calls \xE2\x80\x9Chell\xE2\x80\x9D "
      "than live in a world where he is president,\xE2\x80\x9D said Adriana Rodarte.";
  auto q = Find(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, text.substr(0, text.find(" said")));
  EXPECT_EQ(q[0].source, "Adriana Rodarte");
}

TEST(QuotesRound9, QuotationsSideBySideAreNotNested) {
  std::string text =
      "He called it \xE2\x80\x9Cunfair\xE2\x80\x9D and \xE2\x80\x9C"
      "dishonest\xE2\x80\x9D.";
  std::vector<ByteSpan> paras = {{0, static_cast<uint32_t>(text.size())}};
  auto qs = quotes::FindQuotations(text, paras);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(text.substr(qs[1].first().begin, qs[1].first().size()),
            "\xE2\x80\x9C"
            "dishonest\xE2\x80\x9D");
  // An opener inside an open quotation followed by one closer only is not
  // nested: the first quotation was left open (a typo), as before.
  text = "\xE2\x80\x9CWe lost, he said. \xE2\x80\x9CWe will win next time.\xE2\x80\x9D";
  paras = {{0, static_cast<uint32_t>(text.size())}};
  qs = quotes::FindQuotations(text, paras);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_FALSE(qs[0].closed);
}

TEST(QuotesRound9, TranscriptTurnsAreAttributedToTheirLabels) {
  auto q = Find(
      "Partial transcript as follows:\n\n"
      "JAKE TAPPER: Donald Trump released a video on Friday. Take a listen.\n\n"
      "FALLIN: Well, I think the whole nation needs to work together.\n\n"
      "TAPPER: Do you think he has campaigned as a racial healer?\n\n"
      "FALLIN: I think he is trying to campaign as one.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].source, "JAKE TAPPER");
  EXPECT_EQ(q[0].cue, ":");
  EXPECT_EQ(q[0].content, "Donald Trump released a video on Friday. Take a listen.");
  EXPECT_EQ(q[1].source, "FALLIN");
  // The turn is the attribution: no reported speech inside it ("I think …").
  EXPECT_EQ(q[1].content, "Well, I think the whole nation needs to work together.");
  EXPECT_EQ(q[2].source, "TAPPER");
  EXPECT_EQ(q[3].content, "I think he is trying to campaign as one.");
}

TEST(QuotesRound9, QuotedTranscriptTurnsTakeTheirContinuations) {
  auto q = Find(
      "\"WALLACE: Let's start with breaking news.\n\n"
      "\"PENCE: Well, look, this is serious business.\n\n"
      "\"But the truth is that the choice matters.\n\n"
      "\"(CROSSTALK.)\n\n"
      "\"WALLACE: If I may, sir, will she be there?\n\n"
      "\"PENCE: She will not be attending the debate.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[1].source, "PENCE");
  EXPECT_EQ(q[1].content,
            "Well, look, this is serious business. | But the truth is that the choice matters.");
  EXPECT_EQ(q[2].content, "If I may, sir, will she be there?");
}

TEST(QuotesRound9, LabelsThatAreNoTranscriptAreLeftAlone) {
  // Headline labels stand alone; two speakers who never speak twice are no
  // transcript either.
  for (const char* text :
       {"UPDATE: The website removed the listing.\n\nThe gun sold for $250,000.",
        "BOOM: Trump fires back.\n\nCORRECTION: An earlier version misspelled a name.\n\n"
        "BYLINE: Amber Phillips."})
    for (const auto& a : Find(text)) EXPECT_NE(a.cue, ":") << text;
}

}  // namespace
}  // namespace chorus
