// chorus/segment.h — paragraphs, sentences and tokens of an article text.
//
// Segment(text) returns byte spans (see chorus/article.h); convert them with
// utf8::CodepointIndex before reporting. Guarantees:
//  - paragraphs are disjoint, in order, trimmed of white space, non-empty. A
//    line break ends a paragraph, except where the line is hard-wrapped (it does
//    not end in sentence punctuation and the next line starts in lower case);
//  - every sentence lies inside one paragraph; sentences are disjoint, in order,
//    trimmed, and together cover every non-space character of their paragraph;
//  - every token lies inside one sentence.
// Sentence boundaries know news English: titles (Mr. Dr. Sen. Gov. ...), months
// (Sept.), initialisms (U.S., a.m.), initials (John F. Kennedy), decimals,
// ellipses, closing quotes after the stop ('."'), and paragraphs that open a
// quotation without closing it. Linear time; pure function; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "chorus/article.h"

namespace chorus {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  ByteSpan span;
  TokenKind kind;
};

struct Segmentation {
  std::vector<ByteSpan> paragraphs;
  std::vector<ByteSpan> sentences;
  std::vector<Token> tokens;  // filled only when asked for
};

struct SegmentOptions {
  bool tokens = true;
};

// Segments `text` (valid UTF-8) into `out`, reusing its buffers.
void Segment(std::string_view text, Segmentation& out, const SegmentOptions& opts = {});

inline Segmentation Segment(std::string_view text, const SegmentOptions& opts = {}) {
  Segmentation s;
  Segment(text, s, opts);
  return s;
}

}  // namespace chorus
