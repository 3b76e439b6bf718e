// Fixed word lists: sorted at compile time, searched by bisection (a handful
// of compares, no hashing, no allocation). Used by the attribution rules for
// every list of cue words, pronouns, titles and the like.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace chorus::quotes {

template <size_t N>
constexpr std::array<std::string_view, N> Sorted(std::array<std::string_view, N> a) {
  std::sort(a.begin(), a.end());
  return a;
}

// `sorted` must come from Sorted().
template <size_t N>
bool In(const std::array<std::string_view, N>& sorted, std::string_view w) {
  return std::binary_search(sorted.begin(), sorted.end(), w);
}

}  // namespace chorus::quotes
