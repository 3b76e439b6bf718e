// Character classes shared by the analysis stage (internal).
//
// All functions take a UTF-8 string and a byte offset at a code-point boundary.
// ASCII is answered inline; other code points go through utf8proc's tables.
#pragma once

#include <cstddef>
#include <string_view>

namespace chorus::text {

// White space at s[i] (ASCII controls, NBSP, the U+2000 block, ideographic...):
// returns its length in bytes, or 0 when s[i] is not white space.
size_t SpaceLenSlow(std::string_view s, size_t i);
inline size_t SpaceLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
  return SpaceLenSlow(s, i);
}

// Letter, digit or combining mark at s[i]; `len` receives the code point's length.
bool IsWordCharSlow(std::string_view s, size_t i, size_t& len);
inline bool IsWordChar(std::string_view s, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
  }
  return IsWordCharSlow(s, i, len);
}

// Upper- or title-case letter, or a letter of a caseless script, at s[i].
bool IsUpperOrCaseless(std::string_view s, size_t i);

// Lower-case letter at s[i].
bool IsLower(std::string_view s, size_t i);
// A pictograph or other symbol (category So: emoji, dingbats) at byte i.
bool IsOtherSymbol(std::string_view s, size_t i);
// Part of a run of emoji: a symbol (So, Sk: skin tones), a combining mark
// (variation selectors) or a format character (zero-width joiner).
bool IsSymbolRunPart(std::string_view s, size_t i);

// Opening quotation mark or bracket at s[i] (" ' ( [ “ ‘ « „ ‚); returns its length or 0.
size_t OpenerLen(std::string_view s, size_t i);

// Closing quotation mark or bracket at s[i] (" ' ) ] ” ’ » *); returns its length or 0.
size_t CloserLen(std::string_view s, size_t i);

// Length of the code point at s[i] (1 for ill-formed bytes).
size_t CharLen(std::string_view s, size_t i);

// Start of the code point that ends right before byte i (i > 0).
size_t PrevChar(std::string_view s, size_t i);

}  // namespace chorus::text
