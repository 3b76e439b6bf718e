// Unit tests of round 24 (docs/ACCURACY.md, "Round 24"): the subject of a
// scene clause ("when", "where", "as", "in which") right before a participle
// cue is the participle's source ("He tweeted when Clinton ended the debate,
// remarking, “…”" -> "Clinton"); the subject of a passive asking or naming
// cue is no source ("Blumenthal was asked, “…”"); a dateline with a state or
// a date after the city ("BUENA PARK, Calif. -") is no subject.
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Q;
using testing::WithCue;

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

TEST(QuotesRound24, APassiveAskingOrNamingCueHasNoSubjectSource) {
  auto q = Find(
      "Blumenthal was asked, “If you had known she had a personal server, would you have told "
      "her it’s not a good idea?”");
  EXPECT_EQ(WithCue(q, "was asked").source, "");
  q = Find("By July 2013, the show was officially named “The Pete Santilli Show,” with a co-host.");
  EXPECT_EQ(WithCue(q, "was officially named").source, "");
  // Not a verb that goes on ("is quoted as saying").
  q = Find("Braynard is quoted as saying, “We want to utilize this as soon as we can.”");
  EXPECT_EQ(WithCue(q, "saying").source, "Braynard");
}

TEST(QuotesRound24, ADatelineWithAStateIsNoSubject) {
  auto q = Find(
      "BUENA PARK, Calif. - Rallying hundreds of service workers who are struggling to get by, "
      "Hillary Clinton tried here last week to empathize with their frustrations and promised "
      "to deliver change.");
  EXPECT_EQ(WithCue(q, "promised").source, "Hillary Clinton");
}

}  // namespace
}  // namespace chorus
