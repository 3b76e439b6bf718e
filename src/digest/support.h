// Which articles state a sentence (internal).
//
// A sentence u is supported by a sentence t when some window of t's words, a
// little longer than u (|u| + 1 + max(3, |u|/4) - max(1, |u|/4) words), holds
// at least `threshold` of u's words, counted with multiplicity. The window
// keeps a long sentence of t from "supporting" u with words scattered across
// it; its length is chosen so that any window it accepts also lies inside one
// of the windows that the shared scorer (eval/digest_eval.py) slides over the
// article text. SupportIndex finds candidates through an inverted index over
// concepts (stems of content words), keeps those that could reach the
// threshold, then checks them exactly; a sentence printed word for word in two
// articles is found by hash at once. Not thread-safe (scratch space); one
// index per story.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "digest/story_text.h"

namespace chorus::digest {

double WindowOverlap(const Unit& u, const Unit& t);

class SupportIndex {
 public:
  explicit SupportIndex(const StoryText& st);
  // The other articles (ascending) holding a sentence that supports unit `u`.
  std::vector<size_t> Supporters(uint32_t u, double threshold) const;
  // True when some other article supports unit `u`.
  bool Supported(uint32_t u, double threshold) const;

 private:
  // Sentences of other articles that may support u (a cheap upper bound).
  void Candidates(uint32_t u, double threshold, std::vector<uint32_t>& out) const;

  const StoryText& st_;
  std::vector<std::vector<uint32_t>> postings_;  // concept -> units
  mutable std::vector<uint32_t> shared_;         // per unit: scratch counts of a query
  struct Copies {
    uint32_t first;  // a unit with these exact words
    uint32_t other;  // one in another article, or UINT32_MAX
  };
  std::unordered_map<uint64_t, Copies> copies_;  // XXH3 of the word ids -> units
};

}  // namespace chorus::digest
