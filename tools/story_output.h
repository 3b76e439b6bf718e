// The JSON and text the story-level commands print, shared by the file-based
// commands and the store (which keeps each story's lines ready to print).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"
#include "chorus/digest.h"
#include "chorus/json_writer.h"
#include "chorus/quotebook.h"
#include "chorus/quotes.h"
#include "chorus/segment.h"
#include "chorus/store.h"

namespace chorus::cli {

// A `chorus read` line for one article segmented as `seg` (writer cleared first).
void WriteArticleJson(const Article& a, const Segmentation& seg, bool tokens, JsonWriter& w);

// The words of an attribution's content spans, joined by spaces.
std::string ContentText(std::string_view text, const Attribution& a);

// A `chorus quotes` line for one article (writer cleared first).
void WriteQuotesJson(const Article& a, const std::vector<Attribution>& attrs, JsonWriter& w);

// A `chorus digest` line for story `story` (arts: its articles, in order);
// quote ids are q<next_quote>, q<next_quote+1>... and next_quote advances.
void WriteDigestJson(JsonWriter& w, const std::string& story, const StoryDigest& d,
                     const std::vector<const Article*>& arts, size_t& next_quote);
// `chorus digest --markdown` for one story.
std::string DigestMarkdown(const std::string& story, const StoryDigest& d,
                           const std::vector<const Article*>& arts);

// A `chorus quotebook` line for canonical quote `q` of story `story`.
void WriteQuoteJson(JsonWriter& w, const std::string& quote_id, const std::string& story,
                    const CanonicalQuote& q, const std::vector<const Article*>& arts);
// `chorus quotebook --pretty` for one quote (ends with a newline).
std::string QuotePretty(const CanonicalQuote& q, const std::vector<const Article*>& arts);

}  // namespace chorus::cli
