// Unit tests of round 27b (docs/ACCURACY.md, "Round 27b"): direct cues. A cue
// verb in the infinitive opens at its "to" and at the verb or adjective that
// governs it ("refused to say", "was prompted to say", "to announce").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Q;
using testing::WithCue;

TEST(QuotesRound27b, AnInfinitiveCueHoldsItsToAndTheVerbGoverningIt) {
  auto q = Find(
      "First, she and other Democrats on the stage refused to say the words \"radical Islam,\" "
      "another moment immediately seized upon by Republicans.");
  EXPECT_EQ(WithCue(q, "refused to say").source, "she and other Democrats on the stage");
  q = Find(
      "The debate was so subdued that Mr. Trump was prompted to say, \"So far, I cannot "
      "complain about the treatment.\"");
  EXPECT_EQ(WithCue(q, "was prompted to say").content,
            "\"So far, I cannot complain about the treatment.\"");
}

TEST(QuotesRound27b, AnInfinitiveCueAfterAnObjectOpensAtItsTo) {
  auto q = Find(
      "The editor I was talking to, Tim Grieve, interrupted me in mid-sentence to announce, "
      "\"And there goes the franchise.\"");
  EXPECT_EQ(WithCue(q, "to announce").content, "\"And there goes the franchise.\"");
}

}  // namespace
}  // namespace chorus
