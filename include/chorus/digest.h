// chorus/digest.h — one short, sourced account of a story.
//
// DigestStory takes the articles of one story (with their attributions) and
// returns:
//  - summary: 3-6 sentences copied verbatim from the articles (extractive),
//    chosen to cover what most articles report (a greedy coverage objective
//    over stemmed content words weighted by how many articles use them, names
//    more, with position, quote-awareness and a preference for the version
//    most articles print), no two saying the same thing, ordered as events
//    unfold (earliest supporting publication date, then place in the article);
//    sentences that cannot stand alone (ending in ':', bare quotations or ones
//    starting inside a quotation, captions and credit lines, boilerplate,
//    fragments, sentences run together) are never chosen;
//  - for each summary sentence its provenance: the article and span it was
//    taken from, and every other article that states it — one of its sentences
//    holds at least `support_overlap` of the sentence's words (counted with
//    multiplicity, case-folded, inside a window a little longer than the
//    sentence);
//  - unique: per article, at most `max_unique` passages (1-3 consecutive
//    sentences of a paragraph, up to 80 words) that no other article supports
//    and the summary does not hold, most informative first (words no other
//    article uses; a new quotation of a known speaker counts more);
//  - people named (speakers of the attributions and full names mentioned in
//    several outlets), with how many outlets name each; outlets; first and last
//    publication date; the story's canonical quotes (BuildQuotebook).
// Spans are code points into the article's text as given; a sentence's `text`
// is exactly that span's text. Pure function; thread-safe. Time is roughly
// linear in the story's words (support uses an inverted index over stems):
// about 20 ms of CPU for a 100-article story (docs/BENCHMARKS.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "chorus/article.h"
#include "chorus/quotebook.h"
#include "chorus/quotes.h"

namespace chorus {

// One article of the story. Both pointers must outlive the call.
struct DigestArticle {
  const Article* article = nullptr;
  // FindAttributions(article->text, ...); may be null (no quote-awareness,
  // no speakers, no quotebook).
  const std::vector<Attribution>* attributions = nullptr;
};

enum class SummaryMethod {
  kCoverage,  // the default: weighted coverage of content words (see above)
  kLexRank,   // baseline: LexRank centrality (cosine TF-IDF graph, threshold 0.1)
  kLead,      // baseline: the first eligible sentences of the earliest article
};

struct DigestOptions {
  SummaryMethod method = SummaryMethod::kCoverage;
  size_t min_sentences = 3;
  size_t max_sentences = 6;
  size_t max_unique = 3;  // unique passages kept per article
  double support_overlap = 0.5;
  size_t max_people = 12;
};

struct DigestSentence {
  size_t article = 0;           // index into the input articles
  Span span;                    // code points into that article's text
  std::string text;             // exactly the span's text
  std::string speaker;          // when the sentence is inside an attributed quotation
  std::vector<size_t> support;  // other articles stating it (summary only)
};

struct PersonCount {
  std::string name;
  size_t outlets = 0;  // distinct outlets naming the person
};

struct DigestQuote {
  CanonicalQuote quote;
  std::vector<std::string> outlets;  // distinct outlets printing it
};

struct StoryDigest {
  std::string headline;
  std::vector<std::string> outlets;  // distinct, in input order (source, or id when unknown)
  std::string first_seen;            // earliest `published`; empty when none is known
  std::string last_seen;
  std::vector<DigestSentence> summary;
  std::vector<DigestSentence> unique;  // passages; by article in input order, best first
  std::vector<PersonCount> people;     // most outlets first
  std::vector<DigestQuote> quotes;     // most outlets first
};

StoryDigest DigestStory(const std::vector<DigestArticle>& articles, const DigestOptions& opts = {});

// Word overlap of `sentence` with `passage`: the share of the sentence's words
// (\w+ runs, case-folded, with multiplicity) that the passage holds. Exposed
// for tests and tools; DigestStory applies it within a sliding window.
double WordOverlap(std::string_view sentence, std::string_view passage);

}  // namespace chorus
