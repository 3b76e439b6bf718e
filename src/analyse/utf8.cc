// UTF-8 decoding and offset conversion; see chorus/utf8.h.
#include "chorus/utf8.h"

#include <simdjson.h>

namespace chorus::utf8 {

namespace {
inline bool IsCont(unsigned char c) {
  return (c & 0xC0) == 0x80;
}
}  // namespace

char32_t Decode(std::string_view s, size_t i, size_t& len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) {
    len = 1;
    return c;
  }
  // Lead byte ranges and the allowed range of the second byte (Unicode Table 3-7).
  size_t need;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    len = 1;
    return kReplacement;
  }
  size_t k = 1;
  for (; k <= need; ++k) {
    if (i + k >= n) break;
    unsigned char b = p[i + k];
    if (k == 1 ? (b < lo || b > hi) : !IsCont(b)) break;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (k <= need) {  // truncated or ill-formed: the maximal subpart is k bytes
    len = k;
    return kReplacement;
  }
  len = need + 1;
  return cp;
}

void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValid(std::string_view s) {
  // simdjson's validator picks a SIMD kernel at run time; the loop below is
  // the same check, kept for clarity and as the reference in tests.
  return simdjson::validate_utf8(s.data(), s.size());
}

bool IsValidScalar(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    if (Decode(s, i, len) == kReplacement && !(len == 3 && s.compare(i, 3, "\xEF\xBF\xBD") == 0)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::string Repair(std::string_view s, size_t& replaced) {
  replaced = 0;
  if (IsValid(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t cp = Decode(s, i, len);
    if (cp == kReplacement && !(len == 3 && s.compare(i, 3, "\xEF\xBF\xBD") == 0)) ++replaced;
    Append(out, cp);
    i += len;
  }
  return out;
}

size_t CountCodepoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
    } else {
      size_t len;
      Decode(s, i, len);
      i += len;
    }
    ++n;
  }
  return n;
}

CodepointIndex::CodepointIndex(std::string_view text) : text_(text) {
  for (unsigned char c : text) {
    if (c >= 0x80) {
      ascii_ = false;
      break;
    }
  }
  if (ascii_) return;
  checkpoints_.reserve(text.size() / kStride + 2);
  uint32_t cps = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(cps);
    if (!IsCont(static_cast<unsigned char>(text[i]))) ++cps;
  }
  if (text.size() % kStride == 0) checkpoints_.push_back(cps);
}

uint32_t CodepointIndex::ToCodepoint(size_t byte) const {
  if (ascii_) return static_cast<uint32_t>(byte);
  size_t k = byte / kStride;
  uint32_t cps = checkpoints_[k];
  for (size_t i = k * kStride; i < byte; ++i) {
    if (!IsCont(static_cast<unsigned char>(text_[i]))) ++cps;
  }
  return cps;
}

size_t CodepointIndex::ToByte(uint32_t cp) const {
  if (ascii_) return cp;
  // Binary search the checkpoints, then walk.
  size_t lo = 0, hi = checkpoints_.size();
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (checkpoints_[mid] <= cp)
      lo = mid;
    else
      hi = mid;
  }
  size_t i = lo * kStride;
  uint32_t cps = checkpoints_[lo];
  // Step back if the checkpoint fell inside a character counted already.
  while (i < text_.size() && IsCont(static_cast<unsigned char>(text_[i]))) ++i;
  while (i < text_.size() && cps < cp) {
    ++i;
    while (i < text_.size() && IsCont(static_cast<unsigned char>(text_[i]))) ++i;
    ++cps;
  }
  return i;
}

}  // namespace chorus::utf8
