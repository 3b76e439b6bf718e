// Unit tests of round 8 (docs/ACCURACY.md, "Round 8"): `chorus train-quotes`
// refuses --spans with --cues and names every default output file.
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace chorus
