// group/minhash.h — shingling and MinHash sketches (internal; the contract is
// chorus/near_dup.h).
//
// Sketcher turns a text into a DocSketch: normalise (ASCII lower-cased in place,
// other chunks through NormalizedText — the same words), hash each word once
// (XXH3), hash each window of kShingleWords word hashes into a shingle hash
// (XXH3 over the 40 contiguous bytes), one-permutation MinHash over the shingle
// hashes, then sort and de-duplicate them into the exact set. Buffers are
// reused, so nothing is allocated per word or shingle. A Sketcher is not
// thread-safe; use one per thread. The free functions are pure.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "chorus/near_dup.h"
#include "chorus/normalize.h"

namespace chorus::group {

using MinHashValues = std::array<uint32_t, kSketchSize>;

class Sketcher {
 public:
  // Fills `out` for `text` (valid UTF-8), reusing out.shingles' buffer.
  void Run(std::string_view text, DocSketch& out);

  // The hash of every word of the normalised view of `text`, in order — the
  // same as HashWords(Normalize(text)), faster. Valid until the next call.
  const std::vector<uint64_t>& WordHashes(std::string_view text);

 private:
  // The text in normalised form, apart from white space, into view_.
  void BuildView(std::string_view text);
  void SortUnique(std::vector<uint64_t>& v);

  NormalizedText norm_;             // for chunks with non-ASCII bytes
  std::string view_;                // the text in normalised form (for words)
  std::vector<uint64_t> words_;     // one hash per word
  std::vector<uint64_t> shingles_;  // one hash per shingle, in text order
  std::vector<uint64_t> sorted_;    // SortUnique's scratch
  std::vector<uint32_t> counts_;    // SortUnique's buckets
};

// The hash of every word of `normalized` into `out` (cleared first), as
// HashWord would give it. Words are maximal runs of ASCII letters/digits and
// non-ASCII bytes.
void HashWords(std::string_view normalized, std::vector<uint64_t>& out);

// The hash of one word (XXH3 of the word zero-padded to 16 bytes when shorter).
uint64_t HashWord(std::string_view word);

// The shingle hashes of a document with these word hashes (cleared first): one
// per window of kShingleWords words, or one for the whole text when it has
// fewer words (none when it has none).
void HashShingles(std::span<const uint64_t> words, std::vector<uint64_t>& out);

// One-permutation MinHash of a set given by its (well-mixed) 64-bit hashes, in
// any order, repeats allowed; `hashes` must not be empty.
void OnePermutationMinHash(std::span<const uint64_t> hashes, MinHashValues& out);

// |A n B| for sorted, distinct arrays.
size_t IntersectionSize(std::span<const uint64_t> a, std::span<const uint64_t> b);

// IntersectionSize(a, b) when that is at least `need`; otherwise some number
// below `need`: the merge stops once the elements left could not make it up.
size_t IntersectionSizeIfAtLeast(std::span<const uint64_t> a, std::span<const uint64_t> b,
                                 size_t need);

// Number of positions where the two sketches agree.
int EqualValues(const MinHashValues& a, const MinHashValues& b);

// The LSH key of band `band` (values [band*kLshRows, (band+1)*kLshRows)).
uint64_t BandKey(const MinHashValues& m, int band);

}  // namespace chorus::group
