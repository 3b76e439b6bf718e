// Unit tests of round 24 (docs/ACCURACY.md, "Round 24"): the subject of a
// scene clause ("when", "where", "as", "in which") right before a participle
// cue is the participle's source ("He tweeted when Clinton ended the debate,
// remarking, “…”" -> "Clinton").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Q;

// The attribution with the given cue (an empty one when there is none).
Q WithCue(const std::vector<Q>& qs, const std::string& cue) {
  for (const Q& q : qs)
    if (q.cue == cue) return q;
  return {};
}

TEST(QuotesRound24, ASceneClauseSubjectIsTheParticiplesSource) {
  auto q = Find(
      "He tweeted when Clinton ended a Democratic debate last December with a reference to "
      "the film, remarking, “Thank you, and may The Force be with you.”");
  EXPECT_EQ(WithCue(q, "remarking").source, "Clinton");
  // A clause of time after "after" stays with the main clause.
  q = Find(
      "Bradley apologized for the columns after they came out, saying “they were old and "
      "did not reflect my views.”");
  EXPECT_EQ(WithCue(q, "saying").source, "Bradley");
}

}  // namespace
}  // namespace chorus
