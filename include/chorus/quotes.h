// chorus/quotes.h — who said what: attributions in one article.
//
// FindAttributions returns every attribution chorus finds in an article:
// direct quotations (inline, block, multi-paragraph, partial, split around
// their cue) and reported speech ("X said (that) ...", "according to X, ...").
// Each has content spans, at most one cue span ("said", "has said", "according
// to") and at most one source span (the mention as written: "she", "Teigen",
// "Hugh Hill, a doctor,"), plus the canonical speaker: the full name the source
// mention refers to in this article ("Chrissy Teigen"), an organisation as
// named ("the White House"), or empty when no name can be found — chorus does
// not guess. A quotation (four words or more) no pattern attributes comes
// with content only. Spans are byte offsets (convert with utf8::CodepointIndex).
// Linear in the text apart from speaker resolution, which looks back over the
// names seen so far (bounded). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"
#include "chorus/segment.h"

namespace chorus {

struct Attribution {
  std::vector<ByteSpan> content;  // in text order; quotation marks included
  std::vector<ByteSpan> cue;      // empty when there is no cue word
  std::vector<ByteSpan> source;   // empty when the source is not in the text
  std::string speaker;            // canonical name; empty when unknown
  bool direct = false;            // content holds a quotation
};

// `seg` must be Segment(text) with tokens. With `quotation_parts`, also hands
// out the direct quotations it found (see FindQuotationParts), so that a later
// stage (story features) need not look for them again.
std::vector<Attribution> FindAttributions(std::string_view text, const Segmentation& seg,
                                          std::vector<ByteSpan>* quotation_parts = nullptr);

// The direct quotations of the text, attributed or not: one span per paragraph
// each covers (marks included), in text order. Byte offsets; linear.
std::vector<ByteSpan> FindQuotationParts(std::string_view text, const Segmentation& seg);

}  // namespace chorus
