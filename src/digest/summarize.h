// Choosing the summary sentences of a story (internal).
//
// CoverageSummary: greedy maximisation of the weighted coverage of the story's
// concepts — content words, each worth the share of articles using it (words
// of a single article are not concepts), names (words mostly written
// capitalised inside sentences) four times as much — over sentences that can
// stand alone. A sentence's gain (the weight of the concepts it adds) is scaled by
// its opening quality, a lead bonus (earlier in its article is better), a
// bonus for quotations whose cue names the speaker, and divided by its
// length to the power 0.3, so long sentences do not win by size alone. A candidate
// that repeats a chosen sentence (word overlap >= 0.5 either way) is skipped.
// Each round, the ten best candidates are re-ranked by how many articles
// state them (SupportIndex): score x (1 + 2 x supporters / articles), so the
// version most outlets print wins over a paraphrase of it.
// Stops at max_sentences, or after min_sentences once the best gain falls
// below 15% of the first one.
//
// LexRankSummary (baseline, Erkan & Radev 2004): cosine similarity of TF-IDF
// vectors between standalone sentences, edges above 0.1, PageRank with damping
// 0.85; the `k` most central sentences, skipping repeats as above.
#pragma once

#include <cstdint>
#include <vector>

#include "chorus/digest.h"
#include "digest/story_text.h"
#include "digest/support.h"

namespace chorus::digest {

std::vector<uint32_t> CoverageSummary(const StoryText& st, const SupportIndex& support,
                                      const DigestOptions& opts);

std::vector<uint32_t> LexRankSummary(const StoryText& st, size_t k);

}  // namespace chorus::digest
