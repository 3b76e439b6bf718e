// Unit tests of round 14 (docs/ACCURACY.md, "Round 14"): a manner phrase of
// the face or voice after a cue ("said with a laugh") is part of the cue;
// "read" before its subject after a quotation ("“…,” read the email.") is a
// cue; an inverted source may hold a relative clause with an auxiliary ("said
// an official who was not authorized to speak"); a past-tense verb before a
// name after a quotation is a cue ("“…?” reacted Trump."); a quotation after
// "“…,” he said, adding that …." continues the "adding" attribution; a
// participle frames a cue inside its clause ("telling reporters that he thinks
// “…”"), and so does a parenthetical cue ("Six months ago, the senator said, the
// media considered him a “fringe candidate”"); a sentence-initial "According to
// X," is the outermost frame of a quoted fragment; "released a statement
// saying" is one cue; a pronoun's contraction inside a sentence is a source
// ("And he's said …"), and an -ing cue after "be" before a quotation is the
// verb of its clause ("X's doctor is calling the candidate “…”"); "In a poll
// …, …" is the poll's; a short quoted sentence continues the attribution of
// its paragraph; a cue coordinated with a verb before it keeps its quotation
// ("said … but added, “…”"); an opening "According to" takes its source up to
// the comma, and a closing ", according to X." frames a quotation after its cue.
#include <gtest/gtest.h>

#include <string>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound14, AMannerPhraseWithWithClosingTheClauseIsPartOfTheCue) {
  auto q = Find("\"I wasn't expecting to see him standing here,\" Paradis said with a laugh.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said with a laugh");
  EXPECT_EQ(q[0].source, "Paradis");
  q = Find("\"We're like Ebony and Ivory,\" he explained with a smile. \"We always were.\"");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].cue, "explained with a smile");
  EXPECT_EQ(q[0].source, "he");
  // One word before the noun, and a comma before "with".
  q = Find("\"Look at all these people,\" Paradis said with an eye roll.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said with an eye roll");
  q = Find("\"It can happen at any age,\" Kelly said, with an awkward smile.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said, with an awkward smile");
  // An unlisted verb after the quotation takes it too.
  q = Find("\"They are all here for the free stuff,\" Bennett shot back with a grin.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "shot back with a grin");
  EXPECT_EQ(q[0].source, "Bennett");
}

TEST(QuotesRound14, AWithPhraseThatIsNoMannerStaysOutOfTheCue) {
  auto q = Find("\"We will win this state,\" Trump said with supporters at his side.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  // The manner phrase must close the clause.
  q = Find("\"We will win this state,\" Trump said with a smile that fooled nobody.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
}

TEST(QuotesRound14, ReadBeforeItsSubjectAfterAQuotationIsACue) {
  auto q = Find(
      "\"Our political revolution has already forced a change,\" read the email. \"And with "
      "every vote we grow stronger.\"");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].cue, "read");
  EXPECT_EQ(q[0].source, "the email");
  EXPECT_TRUE(q[0].direct);
  q = Find("\"America is great! Trump is disgusting,\" read one.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "read");
  EXPECT_EQ(q[0].source, "one");
  // Not before a name: "read Mr. Smith's book" has no determiner.
  q = Find("\"It was a long night,\" read Smith later.");
  for (const auto& x : q) EXPECT_NE(x.cue, "read");
}

TEST(QuotesRound14, AnInvertedSourceMayHoldARelativeClauseWithAnAuxiliary) {
  auto q = Find(
      "\"It is going to be challenging,\" said a longtime GOP data expert who has worked for "
      "one of the rivals.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "a longtime GOP data expert who has worked for one of the rivals");
  q = Find("\"We have seen it before,\" said a Mexican official who was not allowed to comment.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "a Mexican official who was not allowed to comment");
  // Without the relative pronoun, an auxiliary still makes a clause, not a source.
  q = Find("\"He is done,\" said the patrol should be paid more.");
  for (const auto& x : q) EXPECT_NE(x.source, "the patrol should be paid more");
}

TEST(QuotesRound14, APastTenseVerbBeforeANameAfterAQuotationIsACue) {
  auto q = Find("\"What sport is he talking about?\" reacted Trump.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "reacted");
  EXPECT_EQ(q[0].source, "Trump");
  q = Find("\"This is fantastic!\" beamed Donald Hartley.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "beamed");
  EXPECT_EQ(q[0].source, "Donald Hartley");
  // An adjective before the source of a later cue stays out of it.
  q = Find("\"She has the experience,\" retired Air Force general Lloyd Newton said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "retired Air Force general Lloyd Newton");
}

TEST(QuotesRound14, AQuotationAfterAddingThatContinuesTheAddingAttribution) {
  const std::string text =
      "\"I'm sure he is going to have some delegates out there,\" he said, adding that he has "
      "not spoken to the district backers yet. \"We're going to do something, but the campaign "
      "is not organized.\"";
  auto q = Find(text);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].content, "\"I'm sure he is going to have some delegates out there,\"");
  EXPECT_EQ(q[1].cue, "adding");
  EXPECT_EQ(q[1].source, "he");
  EXPECT_EQ(q[1].content,
            "that he has not spoken to the district backers yet | \"We're going to do "
            "something, but the campaign is not organized.\"");
}

TEST(QuotesRound14, AParticipleFramesACueInsideItsClause) {
  // "telling reporters … that he thinks “…”": the participle is the cue, its
  // source the main clause's subject.
  auto q = Find(
      "Trump has hailed the vote as a win, telling reporters on Friday that he thinks the "
      "decision is \u201ca great thing.\u201d");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "telling");
  EXPECT_EQ(q.back().source, "Trump");
  q = Find(
      "Clinton acknowledged his success, saying she applauded him for \"challenging us to get "
      "money out of politics.\"");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "saying");
  EXPECT_EQ(q.back().source, "Clinton");
  // Not across a conjunction: the second participle is a frame of its own.
  q = Find(
      "Santilli spoke for an hour, pointing to the bottles and telling viewers that the syrup "
      "is \"destroying America.\"");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "telling");
}

TEST(QuotesRound14, AParentheticalCueFramesTheVerbsAfterIt) {
  auto q = Find(
      "Six months ago, the senator said, the media considered him a \"fringe candidate,\" and "
      "now they do not.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "the senator");
  // Not a participle after the parenthetical: "…, Spicer said, adding, “…”".
  q = Find(
      "The two men will meet on Thursday, Spicer said, adding, \"They need to sit down and have "
      "a good talk.\"");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "adding");
  EXPECT_EQ(q.back().source, "Spicer");
}

TEST(QuotesRound14, ASentenceInitialAccordingToIsTheOutermostFrame) {
  auto q = Find(
      "According to GMA News, Salceda said the \"ugliness of utterances\" by Trump last week "
      "was a problem.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "According to");
  EXPECT_EQ(q[0].source, "GMA News");
  EXPECT_EQ(q[0].content,
            "Salceda said the \"ugliness of utterances\" by Trump last week was a problem");
  EXPECT_TRUE(q[0].direct);
  // Two quoted fragments in the frame make one attribution.
  q = Find(
      "According to White House pool reports, Obama said \u201cthere is love\u201d in Orlando "
      "after the massacre, which he called \u201can evil, hateful act.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "According to");
  EXPECT_EQ(q[0].source, "White House pool reports");
  EXPECT_EQ(q[0].content,
            "Obama said \u201cthere is love\u201d in Orlando after the massacre, which he called "
            "\u201can evil, hateful act.\u201d");
}

TEST(QuotesRound14, AVerbAndAStatementBeforeAParticipleArePartOfItsCue) {
  auto q = Find(
      "The town released a statement Wednesday saying the comments \u201care based on his "
      "opinion.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "released a statement Wednesday saying");
  EXPECT_EQ(q[0].source, "The town");
  q = Find(
      "His campaign sent out a text message to supporters saying \"we were just getting "
      "started.\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "sent out a text message to supporters saying");
  EXPECT_EQ(q[0].source, "His campaign");
  // Not without the verb: "in a statement, saying".
  q = Find("She responded on Friday in a statement, saying the report was \"deeply flawed.\"");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "saying");
}

TEST(QuotesRound14, APronounsContractionInsideASentenceIsASource) {
  auto q = Find("And he's said that the race is \"rigged\" again.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "he");
  EXPECT_EQ(q[0].cue, "'s said");
  q = Find("And he\u2019s predicting that the competition will become \"so fierce\" soon.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "he");
  EXPECT_EQ(q[0].cue, "\u2019s predicting");
}

TEST(QuotesRound14, AnIngCueAfterBeIsTheVerbOfItsClauseBeforeAQuotation) {
  auto q = Find(
      "Libertarian presidential candidate Gary Johnson\u2019s doctor is calling the candidate "
      "\u201cextremely physically fit.\u201d");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "is calling");
  EXPECT_EQ(q[0].source, "Libertarian presidential candidate Gary Johnson\u2019s doctor");
}

TEST(QuotesRound14, ASentenceInitialInAPollIsTheSourceOfTheSentence) {
  auto q = Find(
      "In the latest Washington Post-ABC News poll, conducted in May, Clinton led Trump 47 "
      "percent to 39 percent among voters.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].cue, "In");
  EXPECT_EQ(q[0].source, "the latest Washington Post-ABC News poll, conducted in May");
  EXPECT_EQ(q[0].content, "Clinton led Trump 47 percent to 39 percent among voters");
  // Not another document: "In a statement, X said …" is X's.
  q = Find("In a statement, Peabody said the company was highly successful.");
  for (const auto& x : q) EXPECT_NE(x.cue, "In");
}

TEST(QuotesRound14, AShortQuotedSentenceContinuesTheAttributionOfItsParagraph) {
  auto q = Find(
      "\u201cIt\u2019s taxing on campaign resources,\u201d O\u2019Donnell said. "
      "\u201cBig time.\u201d For instance, the campaign moved its staff.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].source, "O\u2019Donnell");
  EXPECT_EQ(q[0].content,
            "\u201cIt\u2019s taxing on campaign resources,\u201d | \u201cBig time.\u201d");
  // Not a short quotation inside a sentence of its own ("a “big” deal").
  q = Find(
      "\u201cIt\u2019s taxing on campaign resources,\u201d O\u2019Donnell said. It is a "
      "\u201cbig\u201d deal.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].content, "\u201cIt\u2019s taxing on campaign resources,\u201d");
}

TEST(QuotesRound14, ACoordinatedCueKeepsItsQuotationWithTheOuterSource) {
  auto q = Find(
      "Suu Kyi said it was too early to congratulate winners but added, \"I think you all "
      "have an idea of the results.\"");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "added");
  EXPECT_EQ(q.back().source, "Suu Kyi");
  EXPECT_EQ(q.back().content, "\"I think you all have an idea of the results.\"");
  q = Find(
      "She noted that Sanders has criticized the president and called him \"weak\" and "
      "\"disappointing.\"");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "called");
  EXPECT_EQ(q.back().source, "She");
}

TEST(QuotesRound14, AnOpeningAccordingToTakesItsSourceUpToTheComma) {
  auto q = Find(
      "According to a 2013 study by economists Peter Schott and Justin Pierce, the Great "
      "Recession is partly to blame for lost jobs.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "According to");
  EXPECT_EQ(q[0].source, "a 2013 study by economists Peter Schott and Justin Pierce");
  EXPECT_EQ(q[0].content, "the Great Recession is partly to blame for lost jobs");
  q = Find(
      "According to the book and the movie, the security contractors assembled their weapons.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "the book and the movie");
  EXPECT_EQ(q[0].content, "the security contractors assembled their weapons");
}

TEST(QuotesRound14, AClosingAccordingToFramesAQuotationAfterItsCue) {
  auto q = Find(
      "On Monday, Trump said he was \"happy to see\" that Khan was voted in, according to The "
      "New York Times.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].cue, "according to");
  EXPECT_EQ(q[0].source, "The New York Times");
  EXPECT_TRUE(q[0].direct);
}

}  // namespace
}  // namespace chorus
