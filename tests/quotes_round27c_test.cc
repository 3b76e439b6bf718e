// Unit tests of round 27c (docs/ACCURACY.md, "Round 27c"): the extent of
// direct sources. An abbreviation's period before a comma ("Daytona Beach,
// Fla., who …", "Jr., a senior official") does not end a source after its cue;
// an appositive between two parts of a quotation is the source's; a
// sentence's subject does not end at the "on" of "on Friday".
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Q;
using testing::WithCue;

TEST(QuotesRound27c, AnAbbreviationBeforeACommaDoesNotEndTheSource) {
  auto q = Find(
      "\"Our ideas of success are different,\" says Diana Ruocco, 21, a student from Daytona "
      "Beach, Fla., who was among those surveyed. \"But I think the dream has changed.\"");
  EXPECT_EQ(WithCue(q, "says").source,
            "Diana Ruocco, 21, a student from Daytona Beach, Fla., who was among those surveyed");
  q = Find(
      "\"We decided if they get extra screening,\" said C. Stewart Verdery Jr., a senior homeland "
      "security official during George W. Bush's administration.");
  EXPECT_EQ(WithCue(q, "said").source,
            "C. Stewart Verdery Jr., a senior homeland security official during George W. Bush's "
            "administration");
}

TEST(QuotesRound27c, NotBeforeAnotherPhrase) {
  // Gold ends at the name when no relative or appositive follows the period.
  auto q = Find(
      "\"It was a mistake,\" said Tom Burke, who is coming from Grand Rapids, Mich., to organize "
      "an anti-Trump rally.");
  EXPECT_EQ(WithCue(q, "said").source, "Tom Burke");
}

TEST(QuotesRound27c, AnAppositiveBeforeTheQuotationsNextPartIsTheSources) {
  auto q = Find(
      "\"The risk,\" said Edward Leamer, an economist who is the director of the UCLA Anderson "
      "Forecast, \"is that we're going to be attracting workers and repelling jobs.\"");
  EXPECT_EQ(WithCue(q, "said").source,
            "Edward Leamer, an economist who is the director of the UCLA Anderson Forecast");
}

TEST(QuotesRound27c, ASourceBeforeItsCueStartsAfterASpacedDash) {
  auto q = Find(
      "In the letter - addressed to the U.S. attorney for the District of Columbia, Channing D. "
      "Phillips - the Utah Republican asks for an investigation to determine whether \"Secretary "
      "Clinton or her employees violated statutes.\"");
  EXPECT_EQ(WithCue(q, "asks for").source, "the Utah Republican");
  q = Find(
      "In May 2013 - four months after Clinton left office - the State Department told CREW that "
      "\"no records responsive to your request were located.\"");
  EXPECT_EQ(WithCue(q, "told").source, "the State Department");
}

TEST(QuotesRound27c, ASentenceSubjectDoesNotEndInsideATime) {
  // The subject of a coordinated verb, read from the sentence start, stopped
  // after six words at "on" of "on Friday".
  auto q = Find(
      "The United Nations Security Council on Friday made a strong condemnation of the test and "
      "pledged to impose further sanctions as a deterrence to what it called \"a clear threat to "
      "international peace and security.\"");
  EXPECT_EQ(WithCue(q, "pledged").source, "The United Nations Security Council");
}

}  // namespace
}  // namespace chorus
