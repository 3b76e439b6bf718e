// Shingling and MinHash sketches; see group/minhash.h and chorus/near_dup.h.
//
// Why one-permutation hashing (OPH) rather than 128 hash functions: classic
// MinHash evaluates 128 functions per shingle (~128 multiply-min steps, ~20
// per byte of text), which alone would cap the sketch at well under 100 MB/s
// without SIMD. OPH hashes each shingle once: the top 7 bits of its (already
// XXH3-mixed) 64-bit hash pick one of 128 bins, the next 32 bits are its value,
// and each bin keeps its minimum — one step per shingle. Bins that stay empty
// (documents with fewer than a few hundred shingles) are filled by "optimal
// densification" (Shrivastava, ICML 2017): empty bin i copies the value of the
// first non-empty bin j = h(i, 1), h(i, 2), ... for a fixed hash h. Every
// value then collides between two documents with probability exactly their
// Jaccard, with a variance close to that of 128 independent permutations.
#include "group/minhash.h"

#define XXH_INLINE_ALL  // lets the compiler specialise the fixed 40-byte shingle hash
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chorus::group {

namespace {

// Used by the scalar fallback only (no SSE2).
[[maybe_unused]] constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = true;
  for (int c = 0x80; c < 0x100; ++c) t[static_cast<size_t>(c)] = true;
  return t;
}();

// ASCII white space as NormalizedText sees it.
constexpr std::array<bool, 256> kAsciiSpace = [] {
  std::array<bool, 256> t{};
  for (int c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[static_cast<size_t>(c)] = true;
  return t;
}();

constexpr uint32_t kEmpty = 0xFFFFFFFFu;

// splitmix64's finaliser: a fixed, well-mixing hash of one 64-bit value.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// A word of up to 16 bytes is hashed as a 16-byte block padded with zeros
// (words hold no zero byte, so the block identifies the word): XXH3 of a fixed
// length compiles to straight-line code, where the length classes of XXH3 on
// the word itself (1-3, 4-8, 9-16 bytes) cost a mispredicted branch per word.
// Longer words are hashed as they are.
static_assert(std::endian::native == std::endian::little, "kKeep assumes it");
constexpr auto kKeep = [] {  // kKeep[len]: masks keeping the first len bytes of 16
  std::array<std::array<uint64_t, 2>, 17> t{};
  for (size_t len = 0; len <= 16; ++len) {
    for (size_t b = 0; b < len; ++b) t[len][b / 8] |= uint64_t{0xFF} << (8 * (b % 8));
  }
  return t;
}();

inline uint64_t HashWordAt(const unsigned char* s, size_t len, const unsigned char* end) {
  if (len > 16) return XXH3_64bits(s, len);
  uint64_t block[2] = {0, 0};
  if (end - s >= 16) {
    std::memcpy(block, s, 16);
    block[0] &= kKeep[len][0];
    block[1] &= kKeep[len][1];
  } else {
    std::memcpy(block, s, len);
  }
  return XXH3_64bits(block, sizeof block);
}

// Bit k of the result is set iff byte k of the 64 at p is a word byte.
inline uint64_t WordMask64(const unsigned char* p) {
#if defined(__SSE2__)
  const __m128i letter_shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i digit_shift = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i letters = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i digits = _mm_set1_epi8(static_cast<char>(-128 + 10));
  const __m128i case_bit = _mm_set1_epi8(0x20);
  uint64_t m = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Unsigned range checks as signed compares after shifting the range to -128.
    const __m128i letter =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), letter_shift), letters);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, digit_shift), digits);
    const __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), v);  // v: bytes >= 0x80
    m |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(word))) << (16 * k);
  }
  return m;
#else
  uint64_t m = 0;
  for (int k = 0; k < 64; ++k) m |= static_cast<uint64_t>(kWordByte[p[k]]) << k;
  return m;
#endif
}

}  // namespace

void HashWords(std::string_view normalized, std::vector<uint64_t>& out) {
  out.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(normalized.data());
  const size_t n = normalized.size();
  const auto* end = p + n;
  // 64 bytes at a time: a mask of word bytes, whose edges are the word starts
  // and ends — no branch per byte.
  size_t word_start = 0;
  uint64_t in_word = 0;  // 1 when the byte before the block is a word byte
  for (size_t base = 0; base < n; base += 64) {
    uint64_t m;
    if (n - base >= 64) {
      m = WordMask64(p + base);
    } else {
      unsigned char tail[64] = {};
      std::memcpy(tail, p + base, n - base);
      m = WordMask64(tail);
    }
    const uint64_t shifted = (m << 1) | in_word;
    const uint64_t starts = m & ~shifted;
    for (uint64_t edges = starts | (~m & shifted); edges != 0; edges &= edges - 1) {
      const int k = std::countr_zero(edges);
      if ((starts >> k) & 1) {
        word_start = base + static_cast<size_t>(k);
      } else {
        const size_t e = base + static_cast<size_t>(k);
        out.push_back(HashWordAt(p + word_start, e - word_start, end));
      }
    }
    in_word = m >> 63;
  }
  if (in_word) out.push_back(HashWordAt(p + word_start, n - word_start, end));
}

uint64_t HashWord(std::string_view word) {
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  return HashWordAt(p, word.size(), p + word.size());
}

void HashShingles(std::span<const uint64_t> words, std::vector<uint64_t>& out) {
  out.clear();
  constexpr size_t k = kShingleWords;
  if (words.empty()) return;
  if (words.size() < k) {
    out.push_back(XXH3_64bits(words.data(), words.size() * sizeof(uint64_t)));
    return;
  }
  // The word hashes are contiguous, so each window is one 40-byte XXH3 call.
  const size_t n = words.size() - k + 1;
  out.resize(n);
  for (size_t i = 0; i < n; ++i) out[i] = XXH3_64bits(words.data() + i, k * sizeof(uint64_t));
}

void OnePermutationMinHash(std::span<const uint64_t> hashes, MinHashValues& out) {
  static_assert(kSketchSize == 128, "bin = top 7 bits of the hash");
  out.fill(kEmpty);
  for (uint64_t h : hashes) {
    const size_t bin = h >> 57;
    uint32_t v = static_cast<uint32_t>(h >> 25);
    v -= (v == kEmpty);  // kEmpty marks an empty bin
    out[bin] = std::min(out[bin], v);
  }
  // Optimal densification: the same probe sequence for bin i in every document.
  uint64_t empty[2] = {0, 0};
  for (size_t i = 0; i < kSketchSize; ++i) {
    if (out[i] == kEmpty) empty[i >> 6] |= uint64_t{1} << (i & 63);
  }
  if ((empty[0] | empty[1]) == 0) return;
  auto is_empty = [&](size_t j) { return (empty[j >> 6] >> (j & 63)) & 1; };
  for (size_t i = 0; i < kSketchSize; ++i) {
    if (!is_empty(i)) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      const size_t j = Mix64((uint64_t{i} << 32) | attempt) >> 57;
      if (!is_empty(j)) {
        out[i] = out[j];
        break;
      }
    }
  }
}

size_t IntersectionSize(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  size_t i = 0, j = 0, n = 0;
  const size_t na = a.size(), nb = b.size();
  while (i < na && j < nb) {  // branch-free merge
    const uint64_t x = a[i], y = b[j];
    n += (x == y);
    i += (x <= y);
    j += (y <= x);
  }
  return n;
}

size_t IntersectionSizeIfAtLeast(std::span<const uint64_t> a, std::span<const uint64_t> b,
                                 size_t need) {
  size_t i = 0, j = 0, n = 0;
  const size_t na = a.size(), nb = b.size();
  while (i < na && j < nb) {
    // At most min(left in a, left in b) more: checked every 32 steps, so the
    // merge itself stays branch-free.
    if (n + std::min(na - i, nb - j) < need) return n;
    for (int k = 0; k < 32 && i < na && j < nb; ++k) {
      const uint64_t x = a[i], y = b[j];
      n += (x == y);
      i += (x <= y);
      j += (y <= x);
    }
  }
  return n;
}

int EqualValues(const MinHashValues& a, const MinHashValues& b) {
  int n = 0;
  for (size_t i = 0; i < kSketchSize; ++i) n += (a[i] == b[i]);
  return n;
}

uint64_t BandKey(const MinHashValues& m, int band) {
  return XXH3_64bits_withSeed(m.data() + static_cast<size_t>(band) * kLshRows,
                              kLshRows * sizeof(uint32_t), static_cast<uint64_t>(band));
}

namespace {

// The length of the UTF-8 character at p (n bytes left) when it is one that
// NormalizedText turns into ASCII that is no word byte (Unify's quotation
// marks and dashes U+2010-2015 and U+2018-201F, U+2026 "…" -> "...", U+00A0
// -> " ", U+00AB/BB -> '"'), else 0.
size_t SeparatorMarkAt(const unsigned char* p, size_t n) {
  if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80) {
    const unsigned char c = p[2];
    return (c >= 0x90 && c <= 0x95) || (c >= 0x98 && c <= 0x9F) || c == 0xA6 ? 3 : 0;
  }
  if (n >= 2 && p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB)) return 2;
  return 0;
}

}  // namespace

// The view differs from NormalizedText(text).text() only in white space (not
// collapsed) and non-word ASCII (backticks; the marks of SeparatorMarkAt are
// spaces), so it has the same words. ASCII
// text only needs lower-casing; every chunk between ASCII white space that holds
// a non-ASCII byte goes through NormalizedText. That is exact: normalisation
// works per cluster (a starter and the combining marks after it), and a cluster
// never spans ASCII white space (NormalizedText emits white space on its own).
void Sketcher::BuildView(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  view_.resize(n);  // grows below only where NFKC expands
  size_t o = 0;
  auto lower = [&](size_t from, size_t to) {  // branch-free, so it vectorises
    if (o + (to - from) > view_.size()) view_.resize(o + (to - from));
    char* v = view_.data() + o;
    for (size_t k = from; k < to; ++k) {
      const unsigned char c = p[k];
      v[k - from] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
    }
    o += to - from;
  };
  size_t i = 0;
  while (i < n) {
    const size_t start = i;
    for (uint64_t w; i + 8 <= n && (std::memcpy(&w, p + i, 8), (w & 0x8080808080808080ull) == 0);) {
      i += 8;
    }
    while (i < n && p[i] < 0x80) ++i;
    if (i == n) {
      lower(start, n);
      break;
    }
    size_t chunk = i;  // back to the start of the chunk holding byte i
    while (chunk > start && !kAsciiSpace[p[chunk - 1]]) --chunk;
    lower(start, chunk);
    while (i < n && !kAsciiSpace[p[i]]) ++i;
    // A chunk whose only non-ASCII characters are marks that normalise to
    // non-word ASCII (curly quotes, dashes, "…", no-break space: most of
    // news text's) has the same words lower-cased with each mark a space:
    // no need for NormalizedText's per-cluster work. Written as it is read;
    // any other character takes the chunk back to NormalizedText.
    const size_t chunk_out = o;
    size_t k = chunk, run = chunk;  // run: the first byte not yet written
    while (k < i) {
      if (p[k] < 0x80) {
        ++k;
        continue;
      }
      const size_t len = SeparatorMarkAt(p + k, i - k);
      if (len == 0) break;
      lower(run, k);
      if (o == view_.size()) view_.resize(o + 1);
      view_[o++] = ' ';
      k += len;
      run = k;
    }
    if (k == i) {
      lower(run, i);
      continue;
    }
    o = chunk_out;
    norm_.Assign(text.substr(chunk, i - chunk));
    const std::string& t = norm_.text();
    if (o + t.size() > view_.size()) view_.resize(o + t.size());
    std::copy(t.begin(), t.end(), view_.begin() + static_cast<ptrdiff_t>(o));
    o += t.size();
  }
  view_.resize(o);
}

// Sorts and de-duplicates `v` (well-mixed hashes): a counting sort on the top
// bits into one or two values a bucket, then an insertion sort that only moves
// values within their bucket — linear time, ~3x faster than std::sort here.
void Sketcher::SortUnique(std::vector<uint64_t>& v) {
  const size_t n = v.size();
  if (n < 32 || n > (size_t{1} << 20)) {
    std::sort(v.begin(), v.end());
  } else {
    // Between n / 2 and n buckets: fewer to clear and sum than between n and
    // 2n, for an insertion sort of about two values a bucket.
    const int bits = std::bit_width(n) - 1;
    const int shift = 64 - bits;
    counts_.assign((size_t{1} << bits) + 1, 0);
    for (uint64_t x : v) ++counts_[(x >> shift) + 1];
    for (size_t b = 1; b < counts_.size(); ++b) counts_[b] += counts_[b - 1];
    sorted_.resize(n);
    for (uint64_t x : v) sorted_[counts_[x >> shift]++] = x;
    for (size_t k = 1; k < n; ++k) {
      const uint64_t x = sorted_[k];
      size_t j = k;
      for (; j > 0 && sorted_[j - 1] > x; --j) sorted_[j] = sorted_[j - 1];
      sorted_[j] = x;
    }
    v.swap(sorted_);
  }
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

const std::vector<uint64_t>& Sketcher::WordHashes(std::string_view text) {
  BuildView(text);
  HashWords(view_, words_);
  return words_;
}

void Sketcher::Run(std::string_view text, DocSketch& out) {
  HashShingles(WordHashes(text), shingles_);
  out.shingles.clear();
  if (shingles_.empty()) {
    out.minhash.fill(0);
    return;
  }
  OnePermutationMinHash(shingles_, out.minhash);
  SortUnique(shingles_);
  out.shingles.assign(shingles_.begin(), shingles_.end());
}

}  // namespace chorus::group

namespace chorus {

DocSketch Sketch(std::string_view text) {
  DocSketch s;
  Sketch(text, s);
  return s;
}

void Sketch(std::string_view text, DocSketch& out) {
  thread_local group::Sketcher sketcher;
  sketcher.Run(text, out);
}

double Jaccard(const DocSketch& a, const DocSketch& b) {
  if (a.empty() || b.empty()) return 0;
  const size_t inter = group::IntersectionSize(a.shingles, b.shingles);
  return static_cast<double>(inter) /
         static_cast<double>(a.shingles.size() + b.shingles.size() - inter);
}

double EstimatedJaccard(const DocSketch& a, const DocSketch& b) {
  if (a.empty() || b.empty()) return 0;
  return group::EqualValues(a.minhash, b.minhash) / static_cast<double>(kSketchSize);
}

}  // namespace chorus
