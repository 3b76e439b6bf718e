// chorus/quotebook.h — one quotation, every occurrence, across a story.
//
// BuildQuotebook links the direct quotations of a story's articles that share
// a run of at least `min_shared_words` normalised words (so curly and straight
// marks, trimmed ends, a quotation split around "she wrote", or one with an
// ellipsis still meet), and makes each linked group one CanonicalQuote: its
// fullest text, its speaker (the most frequent known speaker among the
// occurrences — so a speaker found in one article fills in another's unknown),
// and every occurrence with the article, its content spans and the ranges of
// the canonical text it covers. Spans are code points: content spans into the
// article's text, `covers` into `CanonicalQuote::text`. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/article.h"
#include "chorus/quotes.h"

namespace chorus {

// One article's direct quotations, as the quotebook needs them.
struct QuotedArticle {
  std::string id;
  std::string text;                       // the article text
  std::vector<Attribution> attributions;  // from FindAttributions (byte spans)
};

struct QuoteOccurrence {
  size_t article = 0;         // index into the input articles
  std::vector<Span> content;  // code points into that article's text
  std::vector<Span> covers;   // code points into CanonicalQuote::text
  std::string speaker;        // as resolved in that article (may be empty)
};

struct CanonicalQuote {
  std::string text;                          // the fullest occurrence's words, as printed there
  std::string speaker;                       // empty when no occurrence knows it
  std::vector<QuoteOccurrence> occurrences;  // in input order
};

struct QuotebookOptions {
  size_t min_shared_words = 6;
  size_t min_quote_words = 4;  // shorter quotations (scare quotes) are left out
};

std::vector<CanonicalQuote> BuildQuotebook(const std::vector<QuotedArticle>& articles,
                                           const QuotebookOptions& opts = {});

}  // namespace chorus
