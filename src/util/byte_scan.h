// Byte scans for the text passes: the position of the next byte that is one
// of a few given values, 16 bytes at a time with SSE2 (part of every x86-64
// CPU) and a plain loop elsewhere. memchr finds one value; the segmenter and
// the quotation finder each look for three or four, so they would need one
// memchr per value and a min — this is one pass.
//
// Contract: ScanFor<a, b, c, d>(p, from, to) returns the least i in [from, to)
// with p[i] one of the values, or `to` when there is none. It reads only
// bytes in [from, to). LowerAscii(src, dst, n) writes the n bytes of src to
// dst with A-Z lower-cased and every other byte as it is (dst may be src).
// SkipAsciiAlnum(p, from, to) returns the least i in [from, to) with p[i] not
// an ASCII letter or digit, or `to`; it reads only bytes in [from, to).
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chorus::util {

template <unsigned char A, unsigned char B, unsigned char C, unsigned char D = A>
inline size_t ScanFor(const char* p, size_t from, size_t to) {
  size_t i = from;
#if defined(__SSE2__)
  const __m128i a = _mm_set1_epi8(static_cast<char>(A));
  const __m128i b = _mm_set1_epi8(static_cast<char>(B));
  const __m128i c = _mm_set1_epi8(static_cast<char>(C));
  const __m128i d = _mm_set1_epi8(static_cast<char>(D));
  for (; i + 16 <= to; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, a), _mm_cmpeq_epi8(v, b)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, c), _mm_cmpeq_epi8(v, d)));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < to; ++i) {
    const auto x = static_cast<unsigned char>(p[i]);
    if (x == A || x == B || x == C || x == D) return i;
  }
  return to;
}

inline void LowerAscii(const char* src, char* dst, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  // c - 'A' < 26 (unsigned) as a signed compare: shift the range to start at -128.
  const __m128i shift = _mm_set1_epi8(static_cast<char>(0x80 - 'A'));
  const __m128i limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i bit = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(v, shift), limit);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i),
                     _mm_or_si128(v, _mm_and_si128(upper, bit)));
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(src[i]);
    dst[i] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
  }
}

inline size_t SkipAsciiAlnum(const char* p, size_t from, size_t to) {
  size_t i = from;
#if defined(__SSE2__)
  // c in [a-z] after OR 0x20, or c in [0-9]: unsigned range checks as signed
  // compares after shifting each range to start at -128.
  const __m128i letter_shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i letters = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i digit_shift = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i digits = _mm_set1_epi8(static_cast<char>(-128 + 10));
  const __m128i case_bit = _mm_set1_epi8(0x20);
  for (; i + 16 <= to; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i letter =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), letter_shift), letters);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, digit_shift), digits);
    const unsigned mask =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit))) ^ 0xFFFFu;
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < to; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (!(static_cast<unsigned char>((c | 0x20) - 'a') < 26 ||
          static_cast<unsigned char>(c - '0') < 10))
      return i;
  }
  return to;
}

}  // namespace chorus::util
