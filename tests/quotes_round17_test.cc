// Unit tests of round 17 (docs/ACCURACY.md, "Round 17"): a participle whose
// clause opens with a conjunction or "then" takes that clause's subject ("And
// then Trump went fully on the attack, saying “…”"), also past the clause's
// first comma when a pronoun follows the conjunction ("Then he cut into Bush,
// calling him … and accusing him of “…”"); "said" or "called" right after a
// relative "that" takes "that" as its source ("water bottles that said “…”").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound17, AParticipleAfterAnOpeningConjunctionTakesTheClauseSubject) {
  auto q = Find(
      "And then Trump went fully on the attack, saying “Is President Obama going to finally "
      "mention the words radical Islamic terrorism?”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "saying");
  EXPECT_EQ(q[0].source, "Trump");
  q = Find("Then he cut into Bush, calling him a “stiff” who could not win.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "calling");
  EXPECT_EQ(q[0].source, "he");
}

TEST(QuotesRound17, AParticipleAfterAnOpeningConjunctionAndAPronounTakesThePronoun) {
  auto q = Find(
      "Then he cut into Bush, calling him a “stiff” and accusing him of “low energy” politics.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].cue, "accusing");
  EXPECT_EQ(q[1].source, "he");
}

TEST(QuotesRound17, SaidAfterARelativeThatTakesThatAsItsSource) {
  auto q = Find("They passed out water bottles that said “The party welcomes you to the Games.”");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "that");
}

}  // namespace
}  // namespace chorus
