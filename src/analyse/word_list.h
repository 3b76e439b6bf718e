// Fixed word lists: sorted at compile time, searched by bisection (a handful
// of compares, no hashing, no allocation). Used by the attribution rules for
// every list of cue words, pronouns, titles and the like.
//
// Most words looked up are in no list, so each list also carries a 1024-bit
// filter of the (first byte, length) pairs of its words, built at compile
// time: a word whose pair is absent is rejected with one bit test, without a
// string compare. A WordList iterates like the sorted array it holds.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

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

  constexpr bool MayHold(std::string_view w) const { return filter.MayHold(w); }
  constexpr auto begin() const { return words.begin(); }
  constexpr auto end() const { return words.end(); }
  constexpr size_t size() const { return N; }
};

template <size_t N>
constexpr WordList<N> Sorted(std::array<std::string_view, N> a) {
  std::sort(a.begin(), a.end());
  WordList<N> list{a, {}};
  for (std::string_view w : a) list.filter.Add(w);
  return list;
}

// `list` must come from Sorted().
template <size_t N>
bool In(const WordList<N>& list, std::string_view w) {
  return list.MayHold(w) && std::binary_search(list.words.begin(), list.words.end(), w);
}

}  // namespace chorus::quotes
