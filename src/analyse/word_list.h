// Fixed word lists: sorted at compile time, searched by bisection (a handful
// of compares, no hashing, no allocation). Used by the attribution rules for
// every list of cue words, pronouns, titles and the like.
//
// Most words looked up are in no list, so each list also carries a 1024-bit
// filter of the (first byte, length) pairs of its words, built at compile
// time: a word whose pair is absent is rejected with one bit test, without a
// string compare. A WordList iterates like the sorted array it holds.
//
// FlatWordMap is the run-time counterpart for a union of lists looked up per
// token (the cue words with their kinds, the closed-class words): one
// open-addressing table at most a quarter full, an inline hash, one or two
// compares a word.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::quotes {

// A set of (first byte, length) pairs, lengths from 15 on counted as 15: 1024
// bits. A word whose pair is absent is in none of the words added.
struct WordFilter {
  std::array<uint64_t, 16> bits{};

  static constexpr size_t Bit(std::string_view w) {
    return (static_cast<size_t>(static_cast<unsigned char>(w[0]) & 63) << 4) +
           std::min<size_t>(w.size(), 15);
  }
  constexpr void Add(std::string_view w) {
    if (w.empty()) return;  // never matched: MayHold rejects empty words
    const size_t b = Bit(w);
    bits[b >> 6] |= uint64_t{1} << (b & 63);
  }
  constexpr bool MayHold(std::string_view w) const {
    if (w.empty()) return false;
    const size_t b = Bit(w);
    return (bits[b >> 6] >> (b & 63)) & 1;
  }
};

template <size_t N>
struct WordList {
  std::array<std::string_view, N> words;  // sorted
  WordFilter filter;
  // words[by_first[c], by_first[c + 1]) are the words whose first byte is c.
  std::array<uint16_t, 257> by_first{};

  constexpr bool MayHold(std::string_view w) const { return filter.MayHold(w); }
  constexpr auto begin() const { return words.begin(); }
  constexpr auto end() const { return words.end(); }
  constexpr size_t size() const { return N; }
};

template <size_t N>
constexpr WordList<N> Sorted(std::array<std::string_view, N> a) {
  static_assert(N < 65536);
  std::sort(a.begin(), a.end());
  WordList<N> list{a, {}, {}};
  for (std::string_view w : a) list.filter.Add(w);
  size_t k = 0;
  for (size_t c = 0; c < 256; ++c) {
    list.by_first[c] = static_cast<uint16_t>(k);
    while (k < N && !a[k].empty() && static_cast<unsigned char>(a[k][0]) == c) ++k;
    while (k < N && a[k].empty()) ++k;  // (no list holds an empty word)
  }
  list.by_first[256] = static_cast<uint16_t>(N);
  return list;
}

// `list` must come from Sorted(). The filter, then the few words that share
// `w`'s first byte, compared length first and byte by byte inline: list
// lookups run for most tokens, and a binary search paid a memcmp call a step.
template <size_t N>
bool In(const WordList<N>& list, std::string_view w) {
  if (!list.MayHold(w)) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  for (size_t k = list.by_first[c]; k < list.by_first[c + 1u]; ++k) {
    const std::string_view x = list.words[k];
    if (x.size() != w.size()) continue;
    size_t i = 1;
    while (i < w.size() && x[i] == w[i]) ++i;
    if (i == w.size()) return true;
  }
  return false;
}

// A hash of a short word, inline: its first and last (up to) eight bytes and
// its length, multiplied together. std::hash<std::string_view> is an
// out-of-line call costing more than the rest of a lookup.
inline uint64_t WordHash(std::string_view w) {
  const size_t n = w.size();
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    std::memcpy(&a, w.data(), 8);
    std::memcpy(&b, w.data() + n - 8, 8);
  } else if (n >= 4) {
    uint32_t x, y;
    std::memcpy(&x, w.data(), 4);
    std::memcpy(&y, w.data() + n - 4, 4);
    a = x;
    b = y;
  } else if (n > 0) {
    a = static_cast<unsigned char>(w[0]) |
        static_cast<uint64_t>(static_cast<unsigned char>(w[n / 2])) << 8 |
        static_cast<uint64_t>(static_cast<unsigned char>(w[n - 1])) << 16;
  }
  uint64_t h = (a ^ (b * 0xC2B2AE3D27D4EB4Full) ^ n) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 31);
}

template <typename V>
class FlatWordMap {
 public:
  // `capacity`: at least the number of words that will be inserted.
  explicit FlatWordMap(size_t capacity) {
    size_t cap = 16;
    while (cap < 4 * capacity) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
  }
  // Adds `w` with `v`; a word already there keeps its first value. Empty
  // words and words past the capacity are ignored.
  void Insert(std::string_view w, V v) {
    if (w.empty() || 4 * size_ >= slots_.size()) return;
    size_t i = WordHash(w) & mask_;
    for (; !slots_[i].word.empty(); i = (i + 1) & mask_)
      if (slots_[i].word == w) return;
    slots_[i] = {words_.emplace_back(w), v};
    filter_.Add(w);
    const uint64_t h = WordHash(w);
    bloom_[BloomBit(h, 48)] |= BloomMask(h, 48);
    bloom_[BloomBit(h, 32)] |= BloomMask(h, 32);
    ++size_;
  }
  const V* Find(std::string_view w) const {
    // Most words looked up are in no list: the (first byte, length) filter
    // rejects them before hashing.
    if (!filter_.MayHold(w)) return nullptr;
    // Then a Bloom filter of 64K bits (8 KB, in L1), two bits a word: it
    // rejects nearly all the rest without a cache miss on the table.
    const uint64_t h = WordHash(w);
    if ((bloom_[BloomBit(h, 48)] & BloomMask(h, 48)) == 0 ||
        (bloom_[BloomBit(h, 32)] & BloomMask(h, 32)) == 0)
      return nullptr;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.word.empty()) return nullptr;
      if (s.word == w) return &s.value;
    }
  }

 private:
  struct Slot {
    std::string_view word;  // into words_
    V value{};
  };
  // Bits [shift, shift + 16) of the hash pick one bit of the Bloom filter.
  static size_t BloomBit(uint64_t h, int shift) { return (h >> shift & 0xFFFF) >> 6; }
  static uint64_t BloomMask(uint64_t h, int shift) { return uint64_t{1} << (h >> shift & 63); }
  std::array<uint64_t, 1024> bloom_{};
  std::deque<std::string> words_;  // stable addresses for the slots' views
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  WordFilter filter_;
};

}  // namespace chorus::quotes
