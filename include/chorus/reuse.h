// chorus/reuse.h — passages two articles share (text reuse).
//
// AlignPassages finds the passages of at least `min_words` words that two
// texts share, tolerant of small edits: seeds are 5-word shingles of the
// normalised text found in both; seeds that follow each other in both texts
// (gaps of at most `max_gap` words, shifts of at most `max_shift`) chain into
// one passage, as passim does with its n-gram seeds. Spans are code points into
// each text. Linear in the texts plus the number of seed matches.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "chorus/article.h"

namespace chorus {

struct ReusedPassage {
  Span a;              // in the first text
  Span b;              // in the second text
  uint32_t words = 0;  // words of the passage in the first text
};

struct ReuseOptions {
  uint32_t min_words = 12;
  uint32_t max_gap = 6;
  uint32_t max_shift = 4;
};

// Words of a text's normalised view, with their code-point spans; reusable.
struct WordIndex {
  std::vector<uint64_t> hashes;
  std::vector<Span> spans;
};
WordIndex IndexWords(std::string_view text);

std::vector<ReusedPassage> AlignPassages(const WordIndex& a, const WordIndex& b,
                                         const ReuseOptions& opts = {});

class JsonWriter;
// Writes the passages articles `a` and `b` share as `chorus reuse` prints a
// line: {"a", "b", "a_spans", "b_spans", "words"}.
void WriteReusedPair(JsonWriter& w, std::string_view a, std::string_view b,
                     const std::vector<ReusedPassage>& passages);

}  // namespace chorus
