// Unit tests of round 11 (docs/ACCURACY.md, "Round 11"): a headline of the
// form "Source: claim" is an attribution, the label its source and the colon
// its cue; rubrics ("The Latest:", "BREAKING:") are not sources. A relative
// clause with a cue of its own ends the content before the main clause's cue
// and is cut from the main clause's source.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "quotes_test_util.h"

namespace chorus {
namespace {

using testing::Find;

TEST(QuotesRound11, AHeadlineLabelIsTheSourceOfWhatFollowsItsColon) {
  auto q = Find(
      "Marco Rubio: I\xE2\x80\x99m Not Interested In Being Vice President.\n\n"
      "The senator spoke in Miami.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Marco Rubio");
  EXPECT_EQ(q[0].cue, ":");
  EXPECT_EQ(q[0].content, "I\xE2\x80\x99m Not Interested In Being Vice President.");
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].speaker, "Marco Rubio");
  // An organisation, a title before a name, an abbreviation with its dot.
  for (std::string label : {"Poll", "AP", "McCain Challenger Kelli Ward", "Dr. Ben Carson"}) {
    const std::string text = label + ": Trump and Clinton hold narrow leads.\n\nMore below.";
    q = Find(text);
    ASSERT_EQ(q.size(), 1u) << text;
    EXPECT_EQ(q[0].source, label);
    EXPECT_EQ(q[0].content, "Trump and Clinton hold narrow leads.");
  }
}

TEST(QuotesRound11, RubricsAndLongLabelsAreNoSources) {
  // (Other rules may still find a cue inside: "Emails Reveal …".)
  for (const char* text : {
           "The Latest: Sanders wins Minnesota Democratic caucuses.",
           "Breaking: Latest Primary Has Big Impact On Clinton Campaign.",
           "BUSTED: Emails Reveal Hillary Aid Caught Conspiring.",  // a label in capitals
           "FIX IS IN: PBS Moderators Ignore Clinton Scandals.",
           "Editor's Note: The following is part 3 of 3.",
           "Big Win For Bernie: AFL-CIO Holds Off On Presidential Endorsement.",  // "For"
           "Trump Campaign Chairman Paul Manafort: Leaving the campaign now.",    // five words
           "Sanders: 46.",  // too short a claim
       })
    for (const auto& a : Find(text)) EXPECT_NE(a.cue, ":") << text;
}

TEST(QuotesRound11, OnlyTheFirstParagraphIsAHeadline) {
  // A label later in the article is a list or a caption, not a headline.
  auto q = Find("Delegates so far.\n\nIowa: Tim Albrecht, Brad Anderson and Rob Barron.");
  EXPECT_TRUE(q.empty());
}

TEST(QuotesRound11, AQuotedHeadlineIsLeftToTheQuotationRules) {
  // With a double-marked quotation the colon rule for quotations finds it
  // (ColonCue); the headline rule adds no second attribution.
  auto q = Find("Reid: \xE2\x80\x9CNever, ever, ever underestimate Trump.\xE2\x80\x9D");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Reid");
  EXPECT_TRUE(q[0].direct);
}

TEST(QuotesRound11, ARelativeClauseWithACueIsAnAttributionOfItsOwn) {
  auto q = Find(
      "Podesta, who said the project was vetted by his firm's counsel, said he was unaware "
      "of any such disagreements.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].source, "who");
  EXPECT_EQ(q[0].content, "the project was vetted by his firm's counsel");
  EXPECT_EQ(q[1].source, "Podesta");
  EXPECT_EQ(q[1].cue, "said");
  EXPECT_EQ(q[1].content, "he was unaware of any such disagreements");
  // Without a cue inside, the relative clause is left to the span model.
  q = Find("Podesta, who runs the firm, said he was unaware of any such disagreements.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_NE(q[0].source.find("Podesta"), std::string::npos);
}

TEST(QuotesRound11, APronounAndACueAfterACommaOpenTheMainClause) {
  auto q = Find(
      "While Comey said there was clear evidence that Clinton was careless, he said no "
      "prosecutor would bring a case.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].source, "Comey");
  EXPECT_EQ(q[0].content, "there was clear evidence that Clinton was careless");
  EXPECT_EQ(q[1].source, "he");
  EXPECT_EQ(q[1].content, "no prosecutor would bring a case");
  // A relative pronoun does not: "who said" inside content is nested in it.
  q = Find("Trump said the plan came from Kasich, who said it would work, and he liked it.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_NE(q[0].content.find("who said"), std::string::npos) << q[0].content;
}

TEST(QuotesRound11, AnOpeningWordBeforeAccordingToIsNoContent) {
  auto q = Find("But, according to the poll, 46 percent of Republican voters remain undecided.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "the poll");
  EXPECT_EQ(q[0].content, "46 percent of Republican voters remain undecided");
  q = Find("In addition, according to the department, nine million workers will be protected.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "nine million workers will be protected");
}

TEST(QuotesRound11, TheObjectOfToldAfterTheSourceLeavesTheContentBefore) {
  auto q =
      Find("Shoukair was kind and responsible, a Cairo airport official told The New York Times.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "a Cairo airport official");
  EXPECT_EQ(q[0].cue, "told");
  EXPECT_EQ(q[0].content, "Shoukair was kind and responsible");
  // Not an infinitive's object: the content follows it.
  q = Find("During the service, the pastor asked the congregation to stand for a minute.");
  for (const auto& a : q) EXPECT_EQ(a.content.find("During"), std::string::npos) << a.content;
}

TEST(QuotesRound11, ANameAndAnAppositiveBeforeTheCueAreItsSubject) {
  // Not content before an inverted source "the plan works".
  auto q = Find("Hugh Hill, a doctor, said the plan works.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Hugh Hill, a doctor");
  EXPECT_EQ(q[0].content, "the plan works");
  q = Find("But Megan Hester, a senior associate, said parents still want neighborhood schools.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Megan Hester, a senior associate");
  // A clause before the cue still makes it inverted.
  q = Find("The plan, which is new, will work, said the official.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "the official");
  EXPECT_EQ(q[0].content, "The plan, which is new, will work");
}

TEST(QuotesRound11, AnotherIsADeterminer) {
  auto q = Find("The van was late, another source said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "another source");
  EXPECT_EQ(q[0].content, "The van was late");
}

TEST(QuotesRound11, AClosingPhraseOfTimeLeavesTheContentBeforeTheSource) {
  auto q = Find("The plan is an insult, top black lawmakers said Friday after the event.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "top black lawmakers");
  EXPECT_EQ(q[0].content, "The plan is an insult");
  q = Find("Trump's excesses are sickening, Hollande said Tuesday in a speech.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Hollande");
  EXPECT_EQ(q[0].content, "Trump's excesses are sickening");
}

TEST(QuotesRound11, AboutAndANumberOpenContent) {
  auto q = Find("McAuliffe has said about 20 people have indicated an interest in the seat.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "McAuliffe");
  EXPECT_EQ(q[0].content, "about 20 people have indicated an interest in the seat");
  // Other prepositions still open no content ("in 2011 …" is an adjunct).
  for (const auto& a : Find("The program began in 2011 when Clinton was secretary of state."))
    EXPECT_EQ(a.content.find("in 2011"), std::string::npos) << a.content;
}

TEST(QuotesRound11, AnInvertedSourceMayEndInANameAfterItsDescription) {
  auto q = Find(
      "The plant is under intense pressure from imports, said the company's chief executive, "
      "John J. Ferriola.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "the company's chief executive, John J. Ferriola");
  EXPECT_EQ(q[0].content, "The plant is under intense pressure from imports");
}

TEST(QuotesRound11, AnAppositiveWithARelativeClauseIsStillTheSubject) {
  auto q = Find(
      "Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said the "
      "Khan family deserved better.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "said");
  EXPECT_EQ(q.back().content, "the Khan family deserved better");
  EXPECT_EQ(q.back().source.rfind("Gov. John Kasich of Ohio, a Republican", 0), 0u)
      << q.back().source;
}

TEST(QuotesRound11, PollSourcesAndShortAnswers) {
  auto q = Find("More than six in 10 said they were not looking forward to it.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "More than six in 10");
  q = Find("Last month, 26 percent said the same.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "26 percent");
  EXPECT_EQ(q[0].content, "the same");
  q = Find("Asked about the plan, 72 percent of Democrats said yes.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().content, "yes");
}

TEST(QuotesRound11, ASpeechCueInsideReportedContentIsAnAttributionToo) {
  auto q = Find("Aides said that Mr. Trump said he would win Florida.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].source, "Aides");
  EXPECT_EQ(q[0].content, "that Mr. Trump said he would win Florida");
  EXPECT_EQ(q[1].source, "Mr. Trump");
  EXPECT_EQ(q[1].cue, "said");
  EXPECT_EQ(q[1].content, "he would win Florida");
  // (The cue context model judges a nested source like any other: here it
  // clears "Guccifer", and the attribution keeps its cue and content.)
  q = Find("Aides said Guccifer told reporters he had downloaded things from the server.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].cue, "told");
  EXPECT_EQ(q[1].content, "he had downloaded things from the server");
  // A cue word used as a noun is not one: "the claims had no substance".
  q = Find("Smith said that the claims had no substance.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Smith");
}

TEST(QuotesRound11, AMonthOrAYearClosingASourceIsNotPartOfIt) {
  auto q = Find("Federal prosecutors in April said the bank had lied.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Federal prosecutors");
  q = Find("An arbitration panel in 2001 found that the firm had lied.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "An arbitration panel");
}

TEST(QuotesRound11, ASlashAndAnAndBetweenCapitalsStayInsideAName) {
  auto q = Find("The Reuters/Ipsos poll found that Trump was ahead.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "The Reuters/Ipsos poll");
  q = Find(
      "The Central and East European Coalition, which represents more than 20 million "
      "Americans, said the plan was bad.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source.rfind("The Central and East European Coalition", 0), 0u) << q[0].source;
  // A spaced slash is no joiner: "either / or".
  for (const auto& a : Find("Voters / Trump fans said the plan was bad."))
    EXPECT_EQ(a.source.find('/'), std::string::npos) << a.source;
}

TEST(QuotesRound11, SourceAfterASlashOrATimeOfDay) {
  auto q = Find("Trump leads, according to a New York Times/CBS News survey.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "a New York Times/CBS News survey");
  q = Find("RNC spokesman Sean Spicer on Thursday evening said the party was united.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "RNC spokesman Sean Spicer");
}

TEST(QuotesRound11, AParticipleOpeningTheSentenceIsNoSubject) {
  auto q = Find(
      "Rallying hundreds of workers, Hillary Clinton tried to empathize with them and "
      "promised that change would come.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().cue, "promised");
  EXPECT_EQ(q.back().source, "Hillary Clinton");
}

TEST(QuotesRound11, AnIngCueAfterAFormOfBeIsTheVerbOfItsClause) {
  auto q = Find("Trump is claiming that the election is rigged.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].cue, "is claiming");
  EXPECT_EQ(q[0].content, "that the election is rigged");
  q = Find(
      "Donald Trump is once again warning voters that a Clinton victory would bring scandal back.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Donald Trump");
  // After a comma it is still a participle of the clause before.
  q = Find("Trump spoke in Ohio, claiming that the election is rigged.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Trump");
  EXPECT_EQ(q[0].cue, "claiming");
}

TEST(QuotesRound11, AnAdjectiveMayStandBeforeAnAdverbUsedAsOne) {
  auto q = Find("The former first lady said it was a mistake to use email.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "The former first lady");
}

TEST(QuotesRound11, ACueWordAfterAPossessiveIsANoun) {
  auto q = Find(
      "Minyon Moore, a senior adviser to the Clinton campaign, called Mr. Obama's remarks on "
      "Saturday \"a true wake-up call\" to his supporters.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "called");
  EXPECT_EQ(q[0].source, "Minyon Moore, a senior adviser to the Clinton campaign");
  // A pronoun's contraction is no possessive: "he's said".
  q = Find("Trump said he's said before that the plan would fail.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].source, "Trump");
}

TEST(QuotesRound11, AnAbbreviationsDotDoesNotEndASource) {
  auto q = Find(
      "Several Republicans, including Sen. Lindsey Graham, said the nominee should apologize.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_NE(q[0].source.find("Several Republicans"), std::string::npos);
  EXPECT_FALSE(q[0].source.ends_with("Sen")) << q[0].source;  // not cut inside the name
}

TEST(QuotesRound11, AListOfNamesOpeningTheSentenceIsOneSource) {
  auto q = Find("Trump, Cruz and Rubio said the deal was bad.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Trump, Cruz and Rubio");
  // Not an opening adverbial before the names: "In Iowa, Cruz and Rubio said".
  q = Find("In Iowa, Cruz and Rubio said the deal was bad.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Cruz and Rubio");
}

TEST(QuotesRound11, HavingSaidThatIsNoReport) {
  for (const auto& a : Find("Having said that, the plan has its critics in the party."))
    EXPECT_NE(a.cue, "said") << a.source;
}

TEST(QuotesRound11, APostQuotationSourceKeepsItsRelativeClause) {
  auto q = Find(
      "\xE2\x80\x9CThere is no doubt that Trump is the favorite,\xE2\x80\x9D said Peter King, "
      "who endorsed Mr. Rubio on Tuesday.");
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].source, "Peter King, who endorsed Mr. Rubio on Tuesday");
}

}  // namespace
}  // namespace chorus
