// DigestStory on a small hand-made story: provenance, support, what each
// outlet adds, the sentences a summary must not use, people and dates.
#include "chorus/digest.h"

#include <gtest/gtest.h>

#include "chorus/segment.h"
#include "test_util.h"

namespace chorus {
namespace {

struct Story {
  std::vector<Article> articles;
  std::vector<std::vector<Attribution>> attributions;

  void Add(std::string id, std::string source, std::string published, std::string text) {
    Article a;
    a.id = std::move(id);
    a.source = std::move(source);
    a.published = std::move(published);
    a.title = "Bridge over the Calder reopens";
    a.text = std::move(text);
    attributions.push_back(FindAttributions(a.text, Segment(a.text)));
    articles.push_back(std::move(a));
  }
  StoryDigest Digest(const DigestOptions& opts = {}) const {
    std::vector<DigestArticle> in;
    for (size_t i = 0; i < articles.size(); ++i) in.push_back({&articles[i], &attributions[i]});
    return DigestStory(in, opts);
  }
};

Story Bridge() {
  Story s;
  s.Add("a", "gazette.example", "2026-03-02",
        "The Calder Bridge reopened to traffic on Monday after eighteen months of repairs costing "
        "\u20ac40 million. Engineer Zo\u00eb Marchetti said the new deck would last a century. "
        "She continued:\n\n\u201cWe replaced every cable.\u201d\n\nCommuters lined the approach "
        "road before dawn to be among the first to cross the river.");
  s.Add("b", "daily.example", "2026-03-01",
        "The Calder Bridge reopened to traffic on Monday after eighteen months of repairs. "
        "Zo\u00eb Marchetti, the engineer in charge, said the new deck would last a century. "
        "A local bakery handed out free croissants to the drivers waiting at the toll gate.");
  s.Add("c", "daily.example", "2026-03-03",
        "Officials confirmed the Calder Bridge reopened to traffic on Monday after eighteen months "
        "of repairs. Marchetti said the new deck would last a century, barring floods. The city "
        "council will vote next week on a toll for heavy lorries crossing the bridge.");
  return s;
}

std::string Cp(const Article& a, Span s) {
  return testing::CpSubstr(a.text, s.begin, s.end);
}

TEST(Digest, SummaryIsCopiedExactlyAndCreditsEveryArticleThatSaysIt) {
  Story s = Bridge();
  StoryDigest d = s.Digest();
  ASSERT_GE(d.summary.size(), 1u);
  bool reopened = false;
  for (const DigestSentence& x : d.summary) {
    EXPECT_EQ(Cp(s.articles[x.article], x.span), x.text);  // code points, with ë and €
    for (size_t o : x.support) {
      EXPECT_NE(o, x.article);
      EXPECT_GE(WordOverlap(x.text, s.articles[o].text), 0.5);
    }
    if (x.text.find("reopened to traffic") != std::string::npos) {
      reopened = true;
      EXPECT_EQ(x.support.size(), 2u) << x.text;  // all three articles say it
    }
  }
  EXPECT_TRUE(reopened);
}

TEST(Digest, NeverUsesSentencesThatCannotStandAlone) {
  StoryDigest d = Bridge().Digest();
  for (const DigestSentence& x : d.summary) {
    EXPECT_EQ(x.text.find("She continued"), std::string::npos);
    EXPECT_EQ(x.text.find("We replaced every cable"), std::string::npos);  // bare quotation
  }
}

TEST(Digest, UniqueHoldsWhatOnlyOneOutletSays) {
  Story s = Bridge();
  StoryDigest d = s.Digest();
  std::string a, b;
  for (const DigestSentence& x : d.unique) {
    EXPECT_EQ(Cp(s.articles[x.article], x.span), x.text);
    EXPECT_EQ(x.text.find("reopened to traffic"), std::string::npos) << x.text;  // shared
    if (x.article == 0) a += x.text;
    if (x.article == 1) b += x.text;
  }
  EXPECT_NE(a.find("Commuters lined the approach road"), std::string::npos) << a;
  EXPECT_NE(b.find("croissants"), std::string::npos) << b;
  // The summary needs a third sentence: what only c says, credited to no one else.
  for (const DigestSentence& x : d.summary) {
    if (x.text.find("toll for heavy lorries") != std::string::npos) {
      EXPECT_TRUE(x.support.empty());
    }
  }
}

TEST(Digest, PeopleOutletsAndDates) {
  StoryDigest d = Bridge().Digest();
  EXPECT_EQ(d.first_seen, "2026-03-01");
  EXPECT_EQ(d.last_seen, "2026-03-03");
  EXPECT_EQ(d.outlets, (std::vector<std::string>{"gazette.example", "daily.example"}));
  EXPECT_EQ(d.headline, "Bridge over the Calder reopens");
  bool found = false;
  for (const PersonCount& p : d.people)
    if (p.name == "Zo\u00eb Marchetti") {
      found = true;
      EXPECT_EQ(p.outlets, 2u);  // both outlets name her (c by surname alone)
    }
  EXPECT_TRUE(found);
}

TEST(Digest, UntitledArticlesTakeAHeadlineFromAFirstLine) {
  Story s = Bridge();
  for (Article& a : s.articles) a.title.clear();
  s.articles[2].text = "Calder Bridge reopens to lorries next week\n" + s.articles[2].text;
  s.attributions[2] = FindAttributions(s.articles[2].text, Segment(s.articles[2].text));
  EXPECT_EQ(s.Digest().headline, "Calder Bridge reopens to lorries next week");
}

TEST(Digest, LexRankBaselineKeepsTheContract) {
  Story s = Bridge();
  DigestOptions opts;
  opts.method = SummaryMethod::kLexRank;
  StoryDigest d = s.Digest(opts);
  ASSERT_GE(d.summary.size(), 1u);
  for (const DigestSentence& x : d.summary) EXPECT_EQ(Cp(s.articles[x.article], x.span), x.text);
}

TEST(Digest, WordOverlapCountsWordsWithMultiplicity) {
  EXPECT_DOUBLE_EQ(WordOverlap("the the cat", "the cat sat"), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(WordOverlap("Zo\u00eb\u2019s deck", "ZO\u00cb'S DECK"), 1.0);
  EXPECT_DOUBLE_EQ(WordOverlap("", "anything"), 0.0);
}

TEST(Digest, EmptyStory) {
  StoryDigest d = DigestStory({});
  EXPECT_TRUE(d.summary.empty());
  EXPECT_TRUE(d.outlets.empty());
}

}  // namespace
}  // namespace chorus
