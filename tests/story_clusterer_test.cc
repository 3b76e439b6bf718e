// Unit tests of the online story clusterer: joining, the time window, the
// windowed refinement and its memory bound, copies.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chorus/stories.h"

namespace chorus {
namespace {

// Features of an article about `event` on `day`: eight terms of its own plus
// `noise` terms shared by every article (as common words are).
StoryFeatures Event(TermDictionary& dict, int event, int64_t day, int variant = 0) {
  StoryFeatures f;
  for (int k = 0; k < 8; ++k)
    f.terms.emplace_back(dict.Intern("e" + std::to_string(event) + "_" + std::to_string(k)),
                         k < 6 ? 2.0f : 1.0f);
  f.terms.emplace_back(dict.Intern("v" + std::to_string(variant)), 1.0f);
  for (int k = 0; k < 4; ++k) f.terms.emplace_back(dict.Intern("common" + std::to_string(k)), 1.0f);
  std::sort(f.terms.begin(), f.terms.end());
  f.day = day;
  return f;
}

TEST(StoryClusterer, ArticlesOfOneEventJoinOneStory) {
  TermDictionary dict;
  StoryClusterer c;
  for (int i = 0; i < 5; ++i) c.Add(Event(dict, 1, 100, i));
  for (int i = 0; i < 5; ++i) c.Add(Event(dict, 2, 100, i));
  std::vector<uint32_t> s = c.Finish();
  ASSERT_EQ(s.size(), 10u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(s[i], 0u) << i;
  for (int i = 5; i < 10; ++i) EXPECT_EQ(s[i], 1u) << i;
}

TEST(StoryClusterer, TheSameWordsMonthsApartAreTwoStories) {
  TermDictionary dict;
  StoryClusterer c;
  for (int i = 0; i < 3; ++i) c.Add(Event(dict, 1, 100, i));
  for (int i = 0; i < 3; ++i) c.Add(Event(dict, 1, 160, i));
  std::vector<uint32_t> s = c.Finish();
  EXPECT_EQ(s[0], s[2]);
  EXPECT_EQ(s[3], s[5]);
  EXPECT_NE(s[0], s[3]);
}

TEST(StoryClusterer, RefinementOnlyKeepsTheRecentWindow) {
  // 400 days, 30 articles a day, a new event every day: with a 10-day window,
  // stories idle for 20 days are frozen and their articles released.
  TermDictionary dict;
  StoryOptions opts;
  opts.window_days = 10;
  StoryClusterer c(opts);
  size_t most_live = 0;
  for (int day = 0; day < 400; ++day)
    for (int i = 0; i < 30; ++i) {
      c.Add(Event(dict, day, day, i));
      most_live = std::max(most_live, c.live_articles());
    }
  std::vector<uint32_t> s = c.Finish();
  // Never more than the window (twice 10 days, and at least 1,000 articles
  // idle) and one refinement period (4,096 articles) held at once.
  EXPECT_LE(most_live, 2 * (1000u + 30 * 2) + 4096);
  EXPECT_LT(c.live_articles(), 2 * (1000u + 30 * 2) + 4096);
  // And the grouping is still right: one story a day.
  for (int day = 0; day < 400; ++day)
    for (int i = 0; i < 30; ++i) ASSERT_EQ(s[day * 30 + i], static_cast<uint32_t>(day));
}

TEST(StoryClusterer, ACopyAlwaysSharesItsOriginalsStory) {
  TermDictionary dict;
  StoryClusterer c;
  for (int i = 0; i < 6; ++i) c.Add(Event(dict, 1, 100, i));
  // Article 6 has another event's words but is flagged a copy of article 0;
  // three more articles of that event follow (and join, through the copy's
  // words). The refinement splits the two events and would take the copy
  // along with its event; it stays with its original.
  c.Add(Event(dict, 2, 100, 1), 0u);
  for (int i = 2; i < 5; ++i) c.Add(Event(dict, 2, 100, i));
  std::vector<uint32_t> s = c.Finish();
  EXPECT_EQ(s[6], s[0]);
  EXPECT_EQ(s[7], s[9]);
  EXPECT_NE(s[7], s[0]);
}

TEST(StoryClusterer, ALateCopyOfAFrozenStoryJoinsIt) {
  TermDictionary dict;
  StoryClusterer c;
  c.Add(Event(dict, 1, 0));
  for (int day = 1; day < 200; ++day)
    for (int i = 0; i < 30; ++i) c.Add(Event(dict, 1000 + day, day, i));
  c.Add(Event(dict, 1, 200), 0u);  // a copy of article 0, 200 days later
  std::vector<uint32_t> s = c.Finish();
  EXPECT_EQ(s.back(), s[0]);
}

TEST(StoryClusterer, WithoutRefinementTheOnlineAssignmentStands) {
  TermDictionary dict;
  StoryOptions opts;
  opts.refine = false;
  StoryClusterer c(opts);
  std::vector<uint32_t> online;
  for (int i = 0; i < 4; ++i) online.push_back(c.Add(Event(dict, i % 2, 5, i)));
  EXPECT_EQ(c.Finish(), online);
}

// An article sharing 3 of a story's 8 event words (plus 5 of its own) joins it
// when few stories are open, but not among a thousand open stories: the join
// threshold rises with the number of stories open at once.
bool ProbeJoins(int crowd, double slope) {
  TermDictionary dict;
  StoryOptions opts;
  opts.refine = false;
  opts.density_slope = slope;
  StoryClusterer c(opts);
  for (int e = 0; e < crowd; ++e) c.Add(Event(dict, 100000 + e, 100));
  for (int i = 0; i < 3; ++i) c.Add(Event(dict, 1, 100, i));
  StoryFeatures probe;
  for (int k = 0; k < 3; ++k)
    probe.terms.emplace_back(dict.Intern("e1_" + std::to_string(k)), 2.0f);
  for (int k = 0; k < 5; ++k)
    probe.terms.emplace_back(dict.Intern("own" + std::to_string(k)), 2.0f);
  std::sort(probe.terms.begin(), probe.terms.end());
  probe.day = 100;
  c.Add(probe);
  std::vector<uint32_t> s = c.Finish();
  return s.back() == s[s.size() - 2];
}

TEST(StoryClusterer, TheJoinThresholdRisesWithOpenStories) {
  EXPECT_TRUE(ProbeJoins(10, 0.1));
  EXPECT_TRUE(ProbeJoins(1000, 0.0));
  EXPECT_FALSE(ProbeJoins(1000, 0.1));
}

// An article sharing little with a story but a quotation (its shingles) joins
// it on the shared-quote bonus, unless `printed_elsewhere` unrelated articles
// (a month apart: each its own story) printed the same quotation before: then
// it is no evidence of one story.
bool JoinsOnSharedQuote(int printed_elsewhere) {
  TermDictionary dict;
  StoryOptions opts;
  opts.refine = false;
  StoryClusterer c(opts);
  auto with_quote = [&](StoryFeatures f) {
    if (printed_elsewhere < 0) return f;
    for (int k = 0; k < 4; ++k) {
      uint32_t q = dict.Intern("quote" + std::to_string(k));
      f.terms.emplace_back(q, 0.3f);
      f.quote_terms.push_back(q);
    }
    std::sort(f.terms.begin(), f.terms.end());
    std::sort(f.quote_terms.begin(), f.quote_terms.end());
    return f;
  };
  for (int e = 0; e < printed_elsewhere; ++e) c.Add(with_quote(Event(dict, 1000 + e, 30 * e)));
  const int64_t day = 30 * std::max(printed_elsewhere, 0);
  const uint32_t story = c.Add(with_quote(Event(dict, 1, day)));
  return c.Add(with_quote(Event(dict, 2, day))) == story;
}

TEST(StoryClusterer, OnlyADistinctiveSharedQuotationJoinsStories) {
  EXPECT_FALSE(JoinsOnSharedQuote(-1));  // (no quotation at all: the words alone are too few)
  EXPECT_TRUE(JoinsOnSharedQuote(0));
  EXPECT_TRUE(JoinsOnSharedQuote(1));  // two related events may quote one statement
  EXPECT_FALSE(JoinsOnSharedQuote(10));
}

}  // namespace
}  // namespace chorus
