// chorus/near_dup.h — near-duplicate articles (wire copies, light edits, other boilerplate).
//
// A document is the set of its 5-word shingles: words are maximal runs of
// letters/digits (ASCII alnum, or any non-ASCII byte) in the normalised view of
// the text (chorus/normalize.h: NFKC, case-folded, quotes and dashes unified,
// white space collapsed), so case, curly quotes, dashes and re-wrapping do not
// matter. A text of 1-4 words is one shingle (all of it); a text without words
// has no shingles and never matches anything. Two documents are near-duplicates
// iff the Jaccard similarity of their shingle sets is >= NearDupOptions::threshold
// (default 0.7: every pair with J >= 0.8 is found, none with J < 0.5 is). The
// measure is strict: each edited word breaks up to 5 shingles, so a copy with
// 2% of its words edited (one at a time) is at J ~0.8, with 5% at ~0.6-0.7.
//
// NearDuplicateIndex is online: Add(doc, text) compares the document with every
// document added before it (or the latest NearDupOptions::max_history of them) — through a
// 128-value MinHash sketch and LSH banding (32 bands x 4 rows) to find candidates, then the exact
// Jaccard of the shingle sets to confirm them — and returns the earliest confirmed one. Memory per
// document: 512 B sketch + 0.5-1 KB LSH + 8 B per distinct shingle (7.2 KiB in
// all per PolNeAR article of 4.4 KB); NearDupOptions::max_sets bounds the sets
// and max_history everything.
// Sketch() is a pure function and thread-safe (sketch on many threads, Add on
// one); an index is not thread-safe to mutate, const use from many threads is.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace chorus {

class StateWriter;
class StateReader;

inline constexpr int kShingleWords = 5;  // words per shingle
inline constexpr int kSketchSize = 128;  // MinHash values per document
inline constexpr int kLshBands = 32;     // LSH bands ...
inline constexpr int kLshRows = 4;       // ... of this many values each
static_assert(kLshBands * kLshRows == kSketchSize);

// What a document is compared by. Plain value; movable.
struct DocSketch {
  // One-permutation MinHash with optimal densification (32-bit values): value i
  // of two sketches is equal with probability = the Jaccard of their sets.
  std::array<uint32_t, kSketchSize> minhash{};
  // The shingle set: sorted, distinct 64-bit hashes (XXH3) of the shingles.
  std::vector<uint64_t> shingles;

  bool empty() const { return shingles.empty(); }
};

// Sketches `text` (valid UTF-8). Thread-safe; uses per-thread scratch buffers,
// so the only allocation in the steady state is the returned shingle set.
DocSketch Sketch(std::string_view text);
// The same into `out`, reusing its buffer.
void Sketch(std::string_view text, DocSketch& out);

// Exact Jaccard similarity of the two shingle sets, |A n B| / |A u B|; 0 when
// either is empty.
double Jaccard(const DocSketch& a, const DocSketch& b);
// The MinHash estimate of it: the fraction of equal sketch values (standard
// deviation sqrt(J(1-J)/128), e.g. 0.04 at J = 0.7); 0 when either is empty.
double EstimatedJaccard(const DocSketch& a, const DocSketch& b);

struct NearDupOptions {
  // A pair is a near-duplicate iff its Jaccard is >= this (0 < threshold <= 1).
  // LSH finds a pair at J = 0.6 with probability 0.988, at 0.7 with 0.99985,
  // at 0.8 with 1 - 5e-8; pairs below 0.5 may become candidates but never pass
  // the exact check. 0.6 because light edits (3-5% of words) already bring a
  // copy's 5-shingle Jaccard down to ~0.7 (planted PolNeAR copies: 99.3% found
  // at 0.6, 97.7% at 0.7, no false pair at either).
  double threshold = 0.6;
  // Shingle sets are kept for the most recent `max_sets` documents only; a
  // candidate whose set was dropped is confirmed on the sketch estimate instead
  // (at threshold 0.7 a J = 0.8 pair then passes with probability 0.997, a
  // J = 0.5 pair with 2.5e-6).
  size_t max_sets = std::numeric_limits<size_t>::max();
  // How far back copies are looked for: the index keeps two generations of
  // `max_history` documents (sketches, sets, LSH entries: 1-1.6 KiB each) and
  // forgets the older one when the newer is full, so a document is compared
  // with at least the latest max_history documents before it and at most
  // twice as many, and memory stays bounded however long the stream (>= 1).
  size_t max_history = std::numeric_limits<size_t>::max();
  // At most this many documents (>= 1) are kept per LSH bucket, the earliest
  // ones, so thousands of identical copies cannot make lookups quadratic.
  size_t max_bucket = 64;
};

class NearDuplicateIndex {
 public:
  // Throws std::invalid_argument when an option is out of range.
  explicit NearDuplicateIndex(NearDupOptions options = {});
  NearDuplicateIndex(const NearDuplicateIndex&) = delete;
  NearDuplicateIndex& operator=(const NearDuplicateIndex&) = delete;
  // Movable; a moved-from index may only be assigned to or destroyed.
  NearDuplicateIndex(NearDuplicateIndex&&) noexcept;
  NearDuplicateIndex& operator=(NearDuplicateIndex&&) noexcept;
  ~NearDuplicateIndex();

  // Adds document `doc` (the caller's index; each call's must be greater than
  // the last one's, else std::invalid_argument) and returns the smallest doc
  // index among documents already added that it near-duplicates (confirmed), or
  // nullopt. Add in publication order and the result is the earliest version; a
  // copy of a copy points to the original as long as it is still a
  // near-duplicate of it (else to the nearer copy: callers who want whole
  // groups keep root[doc] = root[result]). The document is indexed either way,
  // unless it has no words.
  std::optional<uint32_t> Add(uint32_t doc, std::string_view text);
  // The same from a sketch made by Sketch() (e.g. on another thread).
  std::optional<uint32_t> Add(uint32_t doc, DocSketch&& sketch);

  // Saves and restores the index (chorus/state_io.h) — documents, sketches,
  // and the shingle sets unless !with_sets; the band tables are rebuilt — so
  // that an index with the same options that Loads it goes on as this one
  // would. A state saved without sets needs `source`: the shingle set of a
  // document, exactly as Sketch made it (e.g. Sketch of its stored text),
  // asked for when the document is a candidate to confirm (and then kept).
  // Load throws StateError when the input is malformed or was saved with
  // other options, and then leaves this index unchanged.
  using SetSource = std::function<std::vector<uint64_t>(uint32_t doc)>;
  void Save(StateWriter& w, bool with_sets = true) const;
  void Load(StateReader& r, SetSource source = nullptr);

  // Documents added, including those without words.
  size_t size() const;
  // Bytes held for the documents: sketches, shingle sets, LSH table (buffer
  // capacities; not the scratch of Add(text), which the largest text sizes).
  size_t memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chorus
