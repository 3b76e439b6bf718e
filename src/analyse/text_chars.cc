// Character classes; see text_chars.h.
#include "analyse/text_chars.h"

#include <utf8proc.h>

#include "chorus/utf8.h"

namespace chorus::text {

namespace {
inline unsigned char At(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]);
}

inline utf8proc_category_t Category(std::string_view s, size_t i, size_t& len) {
  char32_t cp = utf8::Decode(s, i, len);
  return static_cast<utf8proc_category_t>(utf8proc_category(static_cast<utf8proc_int32_t>(cp)));
}

inline bool Match(std::string_view s, size_t i, std::string_view m) {
  return s.size() - i >= m.size() && s.compare(i, m.size(), m) == 0;
}
}  // namespace

size_t SpaceLenSlow(std::string_view s, size_t i) {
  unsigned char c = At(s, i);
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = At(s, i + 1);
    return (d == 0xA0 || d == 0x85) ? 2 : 0;
  }
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char d = At(s, i + 1), e = At(s, i + 2);
    if (d == 0x80 && ((e >= 0x80 && e <= 0x8A) || e == 0xA8 || e == 0xA9 || e == 0xAF)) return 3;
    if (d == 0x81 && e == 0x9F) return 3;
  }
  if (c == 0xE3 && Match(s, i, "\xE3\x80\x80")) return 3;
  if (c == 0xE1 && Match(s, i, "\xE1\x9A\x80")) return 3;
  return 0;
}

bool IsWordCharSlow(std::string_view s, size_t i, size_t& len) {
  switch (Category(s, i, len)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool IsUpperOrCaseless(std::string_view s, size_t i) {
  unsigned char c = At(s, i);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t len;
  auto cat = Category(s, i, len);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO;
}

bool IsOtherSymbol(std::string_view s, size_t i) {
  if (At(s, i) < 0x80) return false;
  size_t len;
  return Category(s, i, len) == UTF8PROC_CATEGORY_SO;
}

bool IsSymbolRunPart(std::string_view s, size_t i) {
  if (At(s, i) < 0x80) return false;
  size_t len;
  auto cat = Category(s, i, len);
  return cat == UTF8PROC_CATEGORY_SO || cat == UTF8PROC_CATEGORY_SK ||
         cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_CF;
}

bool IsLower(std::string_view s, size_t i) {
  unsigned char c = At(s, i);
  if (c < 0x80) return c >= 'a' && c <= 'z';
  size_t len;
  return Category(s, i, len) == UTF8PROC_CATEGORY_LL;
}

size_t OpenerLen(std::string_view s, size_t i) {
  unsigned char c = At(s, i);
  if (c < 0x80) return (c == '"' || c == '\'' || c == '(' || c == '[') ? 1 : 0;
  // “ ‘ „ ‚ «
  if (Match(s, i, "\xE2\x80\x9C") || Match(s, i, "\xE2\x80\x98") || Match(s, i, "\xE2\x80\x9E") ||
      Match(s, i, "\xE2\x80\x9A"))
    return 3;
  if (Match(s, i, "\xC2\xAB")) return 2;
  return 0;
}

size_t CloserLen(std::string_view s, size_t i) {
  unsigned char c = At(s, i);
  if (c < 0x80) return (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*') ? 1 : 0;
  // ” ’ »
  if (Match(s, i, "\xE2\x80\x9D") || Match(s, i, "\xE2\x80\x99")) return 3;
  if (Match(s, i, "\xC2\xBB")) return 2;
  return 0;
}

size_t CharLen(std::string_view s, size_t i) {
  if (At(s, i) < 0x80) return 1;
  size_t len;
  utf8::Decode(s, i, len);
  return len;
}

size_t PrevChar(std::string_view s, size_t i) {
  size_t j = i - 1;
  while (j > 0 && (At(s, j) & 0xC0) == 0x80 && i - j < 4) --j;
  return j;
}

}  // namespace chorus::text
