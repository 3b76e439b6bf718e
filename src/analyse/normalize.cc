// The normalised view and its offset map; see chorus/normalize.h.
#include "chorus/normalize.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "chorus/utf8.h"

namespace chorus {

namespace {

// Unicode White_Space (plus the ASCII controls that act as it).
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Quotation marks, apostrophes and dashes unified, applied after NFKC+casefold.
inline char32_t Unify(char32_t c) {
  switch (c) {
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
    case 0x301D:
    case 0x301E:
    case 0x301F:
      return '"';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2039:
    case 0x203A:
    case 0x2032:
    case 0x0060:
    case 0x00B4:
    case 0x02BC:
      return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2E3A:
    case 0x2E3B:
    case 0xFE58:
    case 0xFE63:
      return '-';
    default:
      return c;
  }
}

inline bool IsCombining(char32_t c) {
  return utf8proc_get_property(c)->combining_class != 0;
}

constexpr auto kDecomposeOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);

}  // namespace

// ASCII classes for the fast path: 0 plain, 1 white space, 2 upper case, 3 backtick.
constexpr std::array<uint8_t, 128> kAsciiClass = [] {
  std::array<uint8_t, 128> t{};
  for (int c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[static_cast<size_t>(c)] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = 2;
  t['`'] = 3;
  return t;
}();

void NormalizedText::Assign(std::string_view in) {
  // Buffers are written by index and trimmed at the end; Reserve grows them.
  size_t o = 0;
  auto reserve = [this](size_t need) {
    if (need <= text_.size()) return;
    size_t cap = std::max(need + 64, text_.size() * 2);
    text_.resize(cap);
    src_begin_.resize(cap);
    src_end_.resize(cap);
  };
  reserve(in.size() + 64);

  auto emit = [&](char c, uint32_t b, uint32_t e) {
    if (c == ' ' && o > 0 && text_[o - 1] == ' ') {
      src_end_[o - 1] = e;  // keep white space collapsed
      return;
    }
    reserve(o + 1);
    text_[o] = c;
    src_begin_[o] = b;
    src_end_[o] = e;
    ++o;
  };

  // A cluster's code points, decomposed then recomposed. NFKC+casefold of one
  // code point yields at most 18 code points; clusters are capped (see below).
  constexpr size_t kMaxCluster = 32;
  constexpr size_t kBuf = kMaxCluster * 18;
  std::array<utf8proc_int32_t, kBuf> buf;
  std::string enc;

  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t i = 0;
  uint32_t cp = 0;  // code-point offset of byte i in the original
  while (i < n) {
    // Fast path: a run of ASCII characters, each not followed by a combining
    // mark (so the run stops one short of a non-ASCII byte).
    size_t j = i;
    while (j < n && p[j] < 0x80) ++j;
    size_t fast_end = (j < n && j > i) ? j - 1 : j;
    if (fast_end > i) {
      reserve(o + (fast_end - i));
      char* t = text_.data();
      uint32_t* sb = src_begin_.data();
      uint32_t* se = src_end_.data();
      for (; i < fast_end; ++i, ++cp) {
        unsigned char c = p[i];
        switch (kAsciiClass[c]) {
          case 0:
            break;
          case 1:
            if (o > 0 && t[o - 1] == ' ') {
              se[o - 1] = cp + 1;
              continue;
            }
            c = ' ';
            break;
          case 2:
            c = static_cast<unsigned char>(c + 32);
            break;
          default:
            c = '\'';
            break;
        }
        t[o] = static_cast<char>(c);
        sb[o] = cp;
        se[o] = cp + 1;
        ++o;
      }
      continue;
    }
    // Slow path: one cluster = a code point and the combining marks after it.
    size_t len;
    char32_t first = utf8::Decode(in, i, len);
    if (IsSpace(first)) {
      emit(' ', cp, cp + 1);
      i += len;
      ++cp;
      continue;
    }
    uint32_t cluster_begin = cp;
    size_t used = 0;
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    char32_t cur = first;
    size_t count = 0;
    for (;;) {
      auto r = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cur), buf.data() + used,
                                       static_cast<utf8proc_ssize_t>(kBuf - used),
                                       kDecomposeOptions, &boundclass);
      if (r > 0) used += static_cast<size_t>(r);
      i += len;
      ++cp;
      ++count;
      if (i >= n || p[i] < 0x80 || count == kMaxCluster) break;
      size_t next_len;
      char32_t next = utf8::Decode(in, i, next_len);
      if (!IsCombining(next)) break;
      cur = next;
      len = next_len;
    }
    auto m = utf8proc_normalize_utf32(buf.data(), static_cast<utf8proc_ssize_t>(used),
                                      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE));
    // A cluster whose output starts with a space (U+00A8 -> " \u0308") that
    // collapses into the space before it joins that space's unit, so the unit
    // still maps to exactly the original range that normalises to it.
    uint32_t unit_begin = cluster_begin;
    for (utf8proc_ssize_t k = 0; k < m; ++k) {
      char32_t c = Unify(static_cast<char32_t>(buf[static_cast<size_t>(k)]));
      if (IsSpace(c)) {
        if (o > 0 && text_[o - 1] == ' ') unit_begin = std::min(unit_begin, src_begin_[o - 1]);
        emit(' ', unit_begin, cp);
        continue;
      }
      enc.clear();
      utf8::Append(enc, c);
      for (char b : enc) emit(b, unit_begin, cp);
    }
  }
  text_.resize(o);
  src_begin_.resize(o);
  src_end_.resize(o);
}

Span NormalizedText::ToOriginal(size_t begin, size_t end) const {
  if (begin >= end || end > text_.size()) {
    if (begin < src_begin_.size()) return {src_begin_[begin], src_begin_[begin]};
    uint32_t last = src_end_.empty() ? 0 : src_end_.back();
    return {last, last};
  }
  return {src_begin_[begin], src_end_[end - 1]};
}

std::string Normalize(std::string_view original) {
  NormalizedText n(original);
  return n.text();
}

}  // namespace chorus
