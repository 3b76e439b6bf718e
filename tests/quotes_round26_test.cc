// Unit tests of round 26 (docs/ACCURACY.md, "Round 26"): direct sources. The
// object of a causative verb (prompted, forced, caused, …) is the source of
// the verbs after it ("That prompted Rubio to make a joke about yoga and call
// Trump “very flexible,”" -> "Rubio"), not the clause's subject.
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;
using testing::Q;
using testing::WithCue;

TEST(QuotesRound26, TheObjectOfACausativeVerbIsTheSource) {
  auto q = Find(
      "At one point, Cruz coached Trump to \"breathe, breathe, breathe.\" That prompted Rubio to "
      "make a joke about yoga and call Trump \"very flexible,\" a nod to the front-runner's "
      "shifting positions.");
  EXPECT_EQ(WithCue(q, "call").source, "Rubio");
}

}  // namespace
}  // namespace chorus
