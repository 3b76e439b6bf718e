// Deterministic random numbers for chorus-gen.
//
// std::mt19937_64 is specified bit for bit by the C++ standard, but the
// std:: distributions are not, so every draw here is written by hand (modulo
// of the 64-bit output, integer thresholds): the same seed gives the same
// corpus with every compiler and standard library. SubSeed derives the seed of
// an independent stream (a story, an article) from the run's seed, so any
// article can be regenerated on its own.
#pragma once

#include <cstdint>
#include <random>
#include <utility>

namespace chorus::gen {

// SplitMix64's finaliser: a bijective mix of 64 bits.
inline uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The seed of the stream named by (kind, a, b) under the run's seed.
inline uint64_t SubSeed(uint64_t seed, uint64_t kind, uint64_t a = 0, uint64_t b = 0) {
  return Mix(Mix(Mix(seed ^ Mix(kind)) ^ a) ^ (b * 0xd1342543de82ef95ULL));
}

// Stream kinds for SubSeed.
enum SeedKind : uint64_t { kPlanSeed = 1, kStorySeed = 2, kArticleSeed = 3, kCopySeed = 4 };

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  uint64_t Next() { return engine_(); }
  // Uniform in [0, n); n > 0 (modulo bias is negligible for small n).
  uint64_t Below(uint64_t n) { return engine_() % n; }
  // Uniform in [lo, hi]; lo <= hi.
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // True with probability num/den.
  bool Chance(uint64_t num, uint64_t den) { return Below(den) < num; }
  // True with probability p / 2^32.
  bool Chance32(uint64_t p) { return (engine_() >> 32) < p; }
  // Shuffles the first `take` positions of [first, first+n) (a partial
  // Fisher-Yates): they become a uniform random ordered sample.
  template <class T>
  void PartialShuffle(T* first, size_t n, size_t take) {
    for (size_t i = 0; i < take && i + 1 < n; ++i) std::swap(first[i], first[i + Below(n - i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace chorus::gen
