// Unit tests of round 13 (docs/ACCURACY.md, "Round 13"): "states" is a cue
// only as a verb, and a noun "states" does not stop a quoted fragment's
// sentence from being its content; a participle's subject is not looked for
// before a cue word used as an adjective ("the proposed wall").
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound13, TheNounStatesIsNoCue) {
  for (const std::string text :
       {"Five states have passed the deadline to change the names on their ballots.",
        "The battleground states could be decisive in a close election.",
        "The other states that Mr. Obama won in 2008 voted for him again."}) {
    EXPECT_TRUE(Find(text).empty()) << text;
  }
  // The verb after a pronoun or a determiner and a noun.
  auto q = Find("It states that courts should not issue an opinion on the matter.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "states");
  EXPECT_EQ(q[0].content, "that courts should not issue an opinion on the matter");
  q = Find("The document states that the leave is available after one year of employment.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "states");
  q = Find("The campaign\xE2\x80\x99s website states that the leave is available after a year.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "states");
}

TEST(QuotesRound13, AQuotedFragmentsSentenceWithTheNounStatesIsItsContent) {
  const std::string text =
      "The March states account for more than half of the delegates and \"better reflect the "
      "true diversity of the nation,\" Mook wrote.";
  auto q = Find(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "wrote");
  EXPECT_EQ(q[0].source, "Mook");
  EXPECT_EQ(q[0].content, text.substr(0, text.find(" Mook")));
  EXPECT_TRUE(q[0].direct);
}

TEST(QuotesRound13, ACueWordAfterADeterminerDoesNotTakeAParticiplesSource) {
  // (The escapes end their literal: "\x9Ca" would be one escape.)
  auto q = Find(
      "He also spoke about the proposed border wall, saying it will be \xE2\x80\x9C"
      "as big as it needs to be.\xE2\x80\x9D");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].cue, "saying");
  EXPECT_EQ(q[1].source, "He");
  EXPECT_EQ(q[1].content,
            "it will be \xE2\x80\x9C"
            "as big as it needs to be.\xE2\x80\x9D");
}

TEST(QuotesRound13, ALongAppositiveBeforeAPostCueIsTheSource) {
  auto q = Find(
      "\"It is an invasion of the state regulatory domain,\" Scott Pruitt, the Republican "
      "attorney general of Oklahoma, one of the states suing the EPA, said at an event.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source,
            "Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing "
            "the EPA");
  EXPECT_EQ(q[0].speaker, "Scott Pruitt");
}

TEST(QuotesRound13, AnUnlistedVerbAfterAQuotationMayGoOnWithAPreposition) {
  auto q = Find("\"Did you shoot him? He better not be dead,\" she yells while moving closer.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "yells");
  EXPECT_EQ(q[0].source, "she");
  q = Find("\"Promise mama you will keep your hands in sight,\" Blige sings to Clinton.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "sings");
  EXPECT_EQ(q[0].source, "Blige");
  // Not a verb whose clause goes on with an object: "stands firm".
  q = Find("\"We will win this state,\" Smith stands firm.");
  ASSERT_EQ(q.size(), 1u);  // (a quotation of its own: no cue, no source)
  EXPECT_EQ(q[0].cue, "");
  EXPECT_EQ(q[0].source, "");
}

}  // namespace
}  // namespace chorus
