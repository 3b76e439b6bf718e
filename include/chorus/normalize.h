// chorus/normalize.h — the normalised view of a text, for matching.
//
// Normalize(text) produces a string in which, in this order: Unicode NFKC is
// applied and the text is case-folded (utf8proc); curly and straight quotation
// marks, apostrophes and the dash family are unified (every double mark -> '"',
// every single mark/apostrophe -> '\'', every dash/hyphen/minus -> '-'); and
// every run of white space becomes one ' '. Nothing else is removed.
//
// Alongside it comes an offset map: every byte of `text()` knows the code-point
// range of the original text that produced it, so a span found in the view maps
// back exactly (`ToOriginal`). Normalisation works on "clusters" — a starter and
// the combining marks after it — so composition never crosses a mapped boundary.
// Input must be valid UTF-8 (see utf8::Repair). Not thread-safe to mutate; const
// use from several threads is safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"

namespace chorus {

class NormalizedText {
 public:
  NormalizedText() = default;
  explicit NormalizedText(std::string_view original) { Assign(original); }

  // Recomputes the view for `original`, reusing buffers (no allocation in the
  // steady state).
  void Assign(std::string_view original);

  const std::string& text() const { return text_; }

  // Maps the byte range [begin, end) of text() to code points of the original.
  // begin < end <= text().size(); offsets inside a multi-byte character widen
  // to the whole character.
  Span ToOriginal(size_t begin, size_t end) const;
  Span ToOriginal(ByteSpan b) const { return ToOriginal(b.begin, b.end); }

  // Original code-point range of the single byte `i` of text().
  Span SourceOf(size_t i) const { return {src_begin_[i], src_end_[i]}; }

 private:
  std::string text_;
  std::vector<uint32_t> src_begin_;  // per byte of text_
  std::vector<uint32_t> src_end_;    // per byte of text_
};

// Convenience: the normalised string alone.
std::string Normalize(std::string_view original);

}  // namespace chorus
