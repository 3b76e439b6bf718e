// The plan of a generated corpus: its stories and one small descriptor per
// article, in output order.
//
// MakePlan decides everything but the texts: how many articles each story
// has (geometric around the mean), each story's topic (fact sentences,
// people, places, quotations, days), each article's day and outlet, which
// articles are near-copies and of what, and the output order (by day, then a
// seeded tiebreak that keeps a copy after its original). Texts are generated
// later, one article at a time, from (seed, story, index): the plan is all
// that is held in memory (~150 bytes a story, ~32 an article).
#pragma once

#include <cstdint>
#include <vector>

#include "lexicon.h"
#include "sentence_pool.h"

namespace chorus::gen {

inline constexpr uint32_t kNone = UINT32_MAX;
inline constexpr int kMaxFacts = 15, kMaxPeople = 4, kMaxPlaces = 2, kMaxQuotes = 3;

struct Quote {
  uint32_t sentence = 0;  // index into the pool (a quotable sentence)
  uint8_t speaker = 0;    // index into Story::people
};

struct Story {
  uint32_t first_article = 0;  // descriptor index of its article 0
  uint16_t size = 0;           // number of articles
  uint16_t start_day = 0;      // days after the base date
  uint8_t duration = 1;        // days
  uint8_t nfacts = 0, npeople = 0, nplaces = 0, nquotes = 0;
  uint32_t facts[kMaxFacts] = {};
  Person people[kMaxPeople];
  Place places[kMaxPlaces];
  Quote quotes[kMaxQuotes];
};

struct ArticleDesc {
  uint64_t order = 0;  // tiebreak within a day
  uint32_t story = 0;
  uint32_t original = kNone;  // descriptor this article is a near-copy of
  uint32_t rank = 0;          // position in the output, from 0
  uint16_t index = 0;         // within its story
  uint16_t day = 0;           // days after the base date
  uint16_t outlet = 0;
};

struct PlanOptions {
  uint64_t seed = 1;
  uint32_t articles = 1000;
  double copies_fraction = 0.1;
  uint32_t outlets = 40;
  uint32_t days = 180;
  double story_size_mean = 6;
};

struct Plan {
  std::vector<Story> stories;
  std::vector<ArticleDesc> articles;  // story by story
  std::vector<uint32_t> order;        // descriptor indices in output order
  uint32_t copies = 0;
};

// Plans the corpus. The pool must not be empty.
Plan MakePlan(const PlanOptions& opts, const SentencePool& pool);

// "YYYY-MM-DD" of `day` days after the base date, 2026-01-01.
void AppendDate(uint32_t day, std::string& out);
// 0 = Monday.
inline int Weekday(uint32_t day) {
  return static_cast<int>((day + 3) % 7);
}  // 2026-01-01: Thu

}  // namespace chorus::gen
