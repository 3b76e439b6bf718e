// chorus/utf8.h — UTF-8 decoding, repair, and byte <-> code-point offsets.
//
// Decoding follows the Unicode "maximal subpart" rule (as ICU and WHATWG do):
// each maximal ill-formed subsequence becomes one U+FFFD. `Repair` leaves valid
// input untouched and reports how many replacements it made. `CodepointIndex`
// answers byte -> code-point offset queries in O(1) amortised for ASCII text and
// O(kStride) otherwise, using a checkpoint every kStride bytes.
// We decode by hand (rather than through utf8proc) because the hot loops need an
// inlinable, allocation-free decoder with a pure-ASCII fast path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"

namespace chorus::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at s[i]; sets `len` to the bytes consumed (>= 1).
// Returns kReplacement for an ill-formed subsequence (len = its maximal subpart).
char32_t Decode(std::string_view s, size_t i, size_t& len);

// Appends the UTF-8 encoding of `cp` to `out`.
void Append(std::string& out, char32_t cp);

// True if `s` is well-formed UTF-8 (SIMD; IsValidScalar is the plain loop).
bool IsValid(std::string_view s);
bool IsValidScalar(std::string_view s);

// Returns `s` with every ill-formed subsequence replaced by U+FFFD; `replaced`
// receives how many replacements were made (0 means `s` was returned as is).
std::string Repair(std::string_view s, size_t& replaced);

// Number of code points in `s` (ill-formed subsequences count as one each).
size_t CountCodepoints(std::string_view s);

// Byte-offset -> code-point-offset lookups over one valid UTF-8 string.
// The string must outlive the index.
class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view text);
  // Code-point offset of byte offset `byte` (must be a code-point boundary or
  // text.size()).
  uint32_t ToCodepoint(size_t byte) const;
  Span ToSpan(ByteSpan b) const { return {ToCodepoint(b.begin), ToCodepoint(b.end)}; }
  // Byte offset of code-point offset `cp` (cp <= number of code points).
  size_t ToByte(uint32_t cp) const;
  bool ascii() const { return ascii_; }

 private:
  static constexpr size_t kStride = 64;
  std::string_view text_;
  bool ascii_ = true;
  std::vector<uint32_t> checkpoints_;  // code points before byte k*kStride
};

}  // namespace chorus::utf8
