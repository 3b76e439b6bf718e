// Direct quotations: pairing quotation marks within and across paragraphs (internal).
//
// FindQuotations scans each paragraph for double quotation marks (" “ ” „ ‟ « »,
// and '' — two apostrophes, as some newspapers' text has them)
// and pairs them: curly marks by their glyph, straight ones by what flanks them
// (an opener follows space or an opening bracket, a closer precedes space or
// punctuation). A quotation that is still open at the end of its paragraph
// continues into the next paragraph when that one opens with a mark (the news
// convention for multi-paragraph quotes); otherwise it ends with its paragraph.
// Single marks (‘ ’ ') are apostrophes or nested quotes and never open a
// top-level quotation. Marks inside an embedded tweet's tag (from "<tweet" to
// the next ">": its attributes) are not counted (round 18). Linear in the
// text; every span lies inside a paragraph.
#pragma once

#include <string_view>
#include <vector>

#include "chorus/article.h"

namespace chorus::quotes {

struct Quotation {
  // One span per paragraph the quotation covers, marks included.
  std::vector<ByteSpan> parts;
  // Index of the paragraph of each part.
  std::vector<uint32_t> paragraphs;
  bool closed = true;  // false when it ran to the end of a paragraph unclosed
  ByteSpan first() const { return parts.front(); }
  ByteSpan last() const { return parts.back(); }
};

std::vector<Quotation> FindQuotations(std::string_view text,
                                      const std::vector<ByteSpan>& paragraphs);

// The parts of FindQuotations(text, paragraphs), in order, into `out` (its
// buffer reused): what FindQuotationParts (chorus/quotes.h) hands out.
void FindQuotationParts(std::string_view text, const std::vector<ByteSpan>& paragraphs,
                        std::vector<ByteSpan>& out);

// Length of the double quotation mark at text[i], or 0.
size_t DoubleMarkLen(std::string_view text, size_t i);

}  // namespace chorus::quotes
