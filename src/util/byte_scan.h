// Byte scans for the text passes: the position of the next byte that is one
// of a few given values, 16 bytes at a time with SSE2 (part of every x86-64
// CPU) and a plain loop elsewhere. memchr finds one value; the segmenter and
// the quotation finder each look for three or four, so they would need one
// memchr per value and a min — this is one pass.
//
// Contract: ScanFor<a, b, c, d>(p, from, to) returns the least i in [from, to)
// with p[i] one of the values, or `to` when there is none. It reads only
// bytes in [from, to).
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

}  // namespace chorus::util
