// Unit tests of round 8 (docs/ACCURACY.md, "Round 8"): `chorus train-quotes`
// refuses --spans with --cues and names every default output file.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "chorus/quotes.h"
#include "chorus/segment.h"
#include "quotes_test_util.h"
#include "test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound8, TrainQuotesRefusesSpansWithCues) {
  using namespace chorus::testing;
  std::string dir = TempDir();
  std::string in = dir + "/train.jsonl", out = dir + "/model.tsv";
  WriteFile(in, "");
  RunResult r = RunChorus("train-quotes --spans --cues '" + in + "' -o '" + out + "'");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("excludes"), std::string::npos) << r.err;
  EXPECT_FALSE(Exists(out));
}

TEST(QuotesRound8, TrainQuotesHelpNamesTheCueContextDefault) {
  using namespace chorus::testing;
  RunResult r = RunChorus("train-quotes --help");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("models/cue_context.tsv"), std::string::npos) << r.out;
}

// A listed cue of reported speech whose scan back found no source takes a
// wider one (FallbackSource): past brackets, an -ed adjective before a name,
// "since" after an auxiliary, stopping at a spaced dash (PolNeAR train: 8 of
// the 9 such sources kept are exact).
std::string SourceOf(std::string_view text, std::string_view cue) {
  for (const testing::Q& q : Find(text))
    if (q.cue == cue) return q.source;
  return "<none>";
}

TEST(QuotesRound8, AnAdjectiveBeforeANameStaysInTheSource) {
  EXPECT_EQ(SourceOf("A teary-eyed Bush says he is proud of the campaign he ran to unify the "
                     "country.",
                     "says"),
            "A teary-eyed Bush");
  EXPECT_EQ(
      SourceOf("A tired Clinton told reporters that she would campaign in Ohio next week.", "told"),
      "A tired Clinton");
}

TEST(QuotesRound8, ASourceRunsPastItsBrackets) {
  EXPECT_EQ(SourceOf("Kasich (who has 25 delegates to date) said it is possible for him to "
                     "secure the nomination.",
                     "said"),
            "Kasich (who has 25 delegates to date)");
}

TEST(QuotesRound8, ASpacedDashEndsTheWiderSource) {
  EXPECT_EQ(SourceOf("Fiorina was a microscopic planner - a former speechwriter said she "
                     "demanded detailed analyses.",
                     "said"),
            "a former speechwriter");
}

TEST(QuotesRound8, SinceAfterAnAuxiliaryIsPassed) {
  EXPECT_EQ(SourceOf("Mrs. Clinton has since said she would support an increase in the minimum "
                     "wage.",
                     "said"),
            "Mrs. Clinton");
}

TEST(QuotesRound8, TheWiderSourceIsForReportedSpeechOnly) {
  // A participle keeps its own subject rule; a verb phrase is still no source.
  EXPECT_EQ(
      SourceOf("The bill was passed quickly said nothing about the vote count in Ohio.", "said"),
      "<none>");
}

}  // namespace
}  // namespace chorus
