// Unit tests of FindAttributions: each pattern of direct and reported speech,
// source spans, speaker resolution, and hostile input.
#include "chorus/quotes.h"

#include <gtest/gtest.h>

#include <chrono>

#include "quotes_test_util.h"
#include "test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Join;
using testing::Q;

TEST(Quotes, QuoteThenCue) {
  auto q = Find("\"The deck is stronger than ever,\" Reyes said. Tomas Reyes is the engineer.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "\"The deck is stronger than ever,\"");
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Reyes");
  EXPECT_EQ(q[0].speaker, "Tomas Reyes");  // surname -> full name in the article
  EXPECT_TRUE(q[0].direct);
}

TEST(Quotes, QuoteThenInvertedCueWithAppositive) {
  auto q = Find("\u201cWe will rebuild,\u201d said Elena Marsh, the mayor of Port Calder.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Elena Marsh, the mayor of Port Calder");
  EXPECT_EQ(q[0].speaker, "Elena Marsh");
}

TEST(Quotes, CueThenQuoteAndSplitQuote) {
  auto q = Find(
      "The mayor spoke first. Elena Marsh said: \u201cNobody gave up.\u201d\n\n"
      "\u201cIt was hard,\u201d she said, \u201cbut we are here.\u201d");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].content, "\u201cNobody gave up.\u201d");
  EXPECT_EQ(q[0].source, "Elena Marsh");
  EXPECT_EQ(q[1].content,
            "\u201cIt was hard,\u201d | \u201c"
            "but we are here.\u201d");
  EXPECT_EQ(q[1].cue, "said");
  EXPECT_EQ(q[1].speaker, "Elena Marsh");  // she -> the last woman named
}

TEST(Quotes, BlockQuoteAfterWritingColonAcrossParagraphs) {
  auto q = Find(
      "Chrissy Teigen posted an essay. Later in the essay, Teigen recounted the day, "
      "writing:\n\n\u201cIt was time to say goodbye.\n\n\u201cI cried a little at "
      "first.\u201d\n\nThe post ended there.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content,
            "\u201cIt was time to say goodbye. | \u201cI cried a little at first.\u201d");
  EXPECT_EQ(q[0].cue, "writing");
  EXPECT_EQ(q[0].source, "Teigen");
  EXPECT_EQ(q[0].speaker, "Chrissy Teigen");
}

TEST(Quotes, PartialQuoteInsideAReportedFrame) {
  auto q = Find(
      "Chrissy Teigen said she planted a tree \u2014 \u201cthe one we got with his "
      "room in mind.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content,
            "she planted a tree \u2014 \u201cthe one we got with his room in mind.\u201d");
  EXPECT_TRUE(q[0].direct);
  EXPECT_EQ(q[0].speaker, "Chrissy Teigen");
}

TEST(Quotes, ContinuedQuoteJoinsTheAttribution) {
  auto q =
      Find("\u201cWe survived,\u201d said Priya Nandakumar. \u201cAsk me again in a month.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content,
            "\u201cWe survived,\u201d | \u201c"
            "Ask me again in a month.\u201d");
}

TEST(Quotes, ReportedSpeech) {
  auto q = Find("Kevin Sullivan says he instructed staff Monday to check the files.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "he instructed staff Monday to check the files");
  EXPECT_EQ(q[0].cue, "says");
  EXPECT_EQ(q[0].source, "Kevin Sullivan");
  EXPECT_FALSE(q[0].direct);

  q = Find("The repairs cost $48 million, the Calder Transit Authority said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "The repairs cost $48 million");
  EXPECT_EQ(q[0].source, "the Calder Transit Authority");
  EXPECT_EQ(q[0].speaker, "the Calder Transit Authority");  // an organisation, as named

  q = Find("According to city officials, the owner will pay part of the bill.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "According to");
  EXPECT_EQ(q[0].source, "city officials");
  EXPECT_EQ(q[0].content, "the owner will pay part of the bill");

  q = Find("Reyes told reporters that the inspectors signed off on Friday.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "that the inspectors signed off on Friday");
}

TEST(Quotes, SpeakerIsNullRatherThanAGuess) {
  auto q = Find("\u201cIt is over,\u201d a source said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "a source");
  EXPECT_EQ(q[0].speaker, "");
  q = Find("\u201cIt is over,\u201d I said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "");
}

TEST(Quotes, PronounSkipsNamesInsideQuotations) {
  auto q = Find("Jane Roe spoke at noon. \u201cI never met John Smith,\u201d she said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Jane Roe");
}

TEST(Quotes, TitlesInQuotesAreNotQuotations) {
  auto q = Find("She appeared on \u201cMeet the Press\u201d on Sunday.");
  EXPECT_TRUE(q.empty());
}

TEST(Quotes, UnclosedQuoteEndsAtItsParagraph) {
  auto q = Find("\u201cThis never closes, she said.\n\nA new paragraph starts here.");
  for (const Q& x : q) EXPECT_EQ(x.content.find("new paragraph"), std::string::npos);
}

// Found by fuzz/fuzz_quotes: a reported frame ran over a later quotation that
// then joined the same attribution, giving it overlapping content parts.
TEST(Quotes, ContentPartsNeverOverlap) {
  std::string text = "He thanked the \u201ccrews\u201d \u201cwho had worked through the night";
  Segmentation seg = Segment(text);
  auto attrs = FindAttributions(text, seg);
  ASSERT_EQ(attrs.size(), 1u);
  for (size_t i = 1; i < attrs[0].content.size(); ++i)
    EXPECT_LE(attrs[0].content[i - 1].end, attrs[0].content[i].begin);
  EXPECT_EQ(Join(text, attrs[0].content),
            "the \u201ccrews\u201d \u201cwho had worked through the night");
}

// Found by fuzz/fuzz_quotes: "according to X, “…”" took the source into the
// content (and "according to C\"" made content and source overlap).
TEST(Quotes, SourceAfterAccordingToIsNotContent) {
  auto q =
      Find("The bridge is safe, according to Mayor Ann Lee, \u201cand ready for traffic.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "\u201cand ready for traffic.\u201d");
  EXPECT_EQ(q[0].cue, "according to");
  EXPECT_EQ(q[0].source, "Mayor Ann Lee");
  EXPECT_TRUE(q[0].direct);
  for (std::string text : {"It was, according to C\"",
                           "\x04"
                           "according to C\""}) {
    Segmentation seg = Segment(text);
    for (const Attribution& a : FindAttributions(text, seg))
      for (const ByteSpan& c : a.content)
        for (const ByteSpan& s : a.source) EXPECT_TRUE(c.end <= s.begin || s.end <= c.begin);
  }
}

// Found by fuzz_quotes under ASan (minimised to "y\nsay"): a cue verb ending the
// text left no token after it, and the to-infinitive test read the token past
// the end before checking there was one. Caught by `make test-asan`.
TEST(Quotes, ACueAtTheVeryEndReadsNoTokenPastTheEnd) {
  for (std::string text : {"y\nsay", "He said", "Officials told", "The mayor said to"}) {
    Segmentation seg = Segment(text);
    for (const Attribution& a : FindAttributions(text, seg))
      for (const ByteSpan& c : a.content) EXPECT_LE(c.end, text.size()) << text;
  }
}

// Found by fuzz_quotes in CI under ASan: a coordinated cue ("and then said")
// looks back for the first clause's verb, and an -ed word that is the text's
// very first token made it read the token before token 0.
TEST(Quotes, AnEdVerbOpeningTheTextHasNoTokenBeforeIt) {
  for (std::string text : {"walked in and then said, \u201chello there.\u201d",
                           "pleaded and said: \u201cI am here.\u201d", "ended and said \"no\""}) {
    Segmentation seg = Segment(text);
    for (const Attribution& a : FindAttributions(text, seg)) {
      EXPECT_TRUE(a.source.empty()) << text;  // nothing before the verb to be its subject
      for (const ByteSpan& c : a.content) EXPECT_LE(c.end, text.size()) << text;
    }
  }
}

// Found by fuzz_quotes (minimised to `t,a(say,0""said`): reported content in
// two parts around a parenthetical cue ("t, a (say, 0") that ran into a
// quotation was clipped as one span from its start, over its own source and cue.
TEST(Quotes, ClippedContentAroundAParentheticalCueKeepsItsParts) {
  for (std::string text : {"t,a(say,0\"\"said",
                           "The bridge, she said, is safe and sound \"and ready for traffic,\" the "
                           "mayor said."}) {
    Segmentation seg = Segment(text);
    for (const Attribution& a : FindAttributions(text, seg))
      for (const ByteSpan& c : a.content)
        for (const ByteSpan& s : a.source)
          EXPECT_TRUE(c.end <= s.begin || s.end <= c.begin) << text;
  }
}

// Found with scripts/hostile_inputs.py: speaker resolution compared every new
// name with every name before it (1 MB of distinct names took 52 s).
TEST(Quotes, ManyDistinctNamesStayLinear) {
  std::string text;
  for (int i = 0; i < 40000; ++i)
    text += "Xa" + std::to_string(i) + " Yb" + std::to_string(i) + " arrived. ";
  text += "Ann Lee arrived. \"It is fine,\" she said. \"We agree,\" Lee said.";
  const auto start = std::chrono::steady_clock::now();
  auto q = Find(text);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 2.0 * testing::kTimeScale);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Ann Lee");
  EXPECT_EQ(q[1].speaker, "Ann Lee");
}

// Found with scripts/hostile_inputs.py (said_chain): each "said" of a run-on
// "he said he said …" nested in the one before, its content running to the
// sentence's end, so the output grew with the square of the text (1 MB
// aborted with bad_alloc). Nested attributions are now at most 8 a sentence.
// The attributions of `text`, and the bytes of content they print in all.
std::pair<size_t, size_t> CountAndPrinted(const std::string& text) {
  Segmentation seg = Segment(text);
  const std::vector<Attribution> found = FindAttributions(text, seg);
  size_t printed = 0;
  for (const Attribution& a : found)
    for (const ByteSpan& c : a.content) printed += c.size();
  return {found.size(), printed};
}

TEST(Quotes, ASaidChainNestsABoundedNumberOfAttributions) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "he said ";
  const auto [found, printed] = CountAndPrinted(text);
  ASSERT_GT(found, 0u);
  EXPECT_LE(found, 9u);  // the outer one and at most 8 nested
  EXPECT_LE(printed, 9 * text.size());
  // Three levels, as real text nests them, stay whole.
  auto q = Find("Smith said Jones said the mayor said the bridge would reopen.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[2].content, "the bridge would reopen");
}

TEST(Quotes, ARunOnSentenceOfQuotedFragmentsPrintsEachPartABoundedNumberOfTimes) {
  // No full stop: every fragment's frame would run to the sentence's end.
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "He said \u201cno\u201d as \u201cyes\u201d ";
  const auto [found, printed] = CountAndPrinted(text);
  ASSERT_GE(found, 5000u);
  EXPECT_LE(printed, 9 * text.size());
  // A frame running over a few later quotations, as real text has them, stays whole.
  auto q = Find("He said \u201cno\u201d as \u201cyes\u201d and \u201cmaybe\u201d all day.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "\u201cno\u201d as \u201cyes\u201d and \u201cmaybe\u201d all day");
}

TEST(Quotes, HostileInputIsLinearAndSafe) {
  std::vector<std::string> inputs = {
      std::string(10000, '"'),
      std::string(20000, '\xE2') /* invalid alone, but Segment must cope */,
      [] {
        std::string s;
        for (int i = 0; i < 10000; ++i) s += "\xE2\x80\x9C";
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "\"a\" said he, ";
        return s;
      }(),
      "\u201d\u201d\u201c\u201c said",
      ""};
  for (const std::string& text : inputs) {
    auto start = std::chrono::steady_clock::now();
    Segmentation seg = Segment(text);
    auto attrs = FindAttributions(text, seg);
    for (const Attribution& a : attrs) {
      for (const auto* v : {&a.content, &a.cue, &a.source})
        for (const ByteSpan& b : *v) {
          ASSERT_LE(b.begin, b.end);
          ASSERT_LE(b.end, text.size());
        }
      // Content never overlaps its own source.
      for (const ByteSpan& c : a.content)
        for (const ByteSpan& s : a.source) ASSERT_TRUE(c.end <= s.begin || s.end <= c.begin);
    }
    (void)start;
  }
}

}  // namespace
}  // namespace chorus
