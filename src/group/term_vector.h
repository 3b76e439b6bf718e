// TermVector: a sparse vector of term weights (term id -> float), stored as a
// flat open-addressing table (linear probing, power-of-two capacity, fixed
// multiplicative hash, no deletion).
//
// Why not absl::flat_hash_map or std::unordered_map: the clustering sums
// floats while iterating story vectors, so iteration order must be a function
// of the insertions alone for output to be byte-identical from run to run.
// absl salts each table's layout with its heap address (iteration order changes
// between runs by design); std::unordered_map is deterministic but allocates a
// node per term, and its lookups were the top of the clustering profile.
//
// Each slot also has a one-byte tag (0: empty, else 7 bits of the term's hash
// that Home does not use), kept in an array of its own: a lookup reads tags
// and only reads a slot whose tag matches. Most lookups are of absent terms
// (4 in 5 when an article is compared with its candidate stories), and the
// tags of a table take an eighth of the cache lines its slots do. The slots,
// their order and so the sums taken over them are those of the table without.
#pragma once

#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <utility>
#include <vector>

namespace chorus {

class TermVector {
 public:
  struct Slot {
    uint32_t term;
    float weight;
  };

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // The weight of `term`, or nullptr when it is absent.
  const float* find(uint32_t term) const {
    if (size_ == 0) return nullptr;
    const uint64_t h = Hash(term);
    const uint8_t tag = Tag(h);
#if defined(__SSE2__)
    // Linear probing a group of 16 tags at a time: the slots whose tags
    // match before the first empty one are those the probe would meet.
    const __m128i want = _mm_set1_epi8(static_cast<char>(tag));
    for (size_t i = Home(h);; i = (i + kGroup) & mask_) {
      const __m128i g = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&tags_[i]));
      const auto empty =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(g, _mm_setzero_si128())));
      auto match = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(g, want)));
      if (empty) match &= (empty & (0u - empty)) - 1;
      for (; match; match &= match - 1) {
        const size_t p = (i + static_cast<size_t>(__builtin_ctz(match))) & mask_;
        if (slots_[p].term == term) return &slots_[p].weight;
      }
      if (empty) return nullptr;
    }
#else
    for (size_t i = Home(h);; i = (i + 1) & mask_) {
      const uint8_t c = tags_[i];
      if (c == tag && slots_[i].term == term) return &slots_[i].weight;
      if (c == 0) return nullptr;
    }
#endif
  }
  bool contains(uint32_t term) const {
    return find(term) != nullptr;
  }
  // Asks the cache for the tag where a lookup of `term` starts (a hint:
  // lookups into tables out of cache are the clustering's main stall).
  void prefetch(uint32_t term) const {
    if (size_ != 0) __builtin_prefetch(&tags_[Home(Hash(term))]);
  }
  // The second stage of that hint, once the tags are in cache: asks for the
  // slot of the first tag that matches `term` in its home group, the one a
  // lookup would read next (nothing when no tag matches: absent terms cost
  // no slot).
  void prefetch_slot(uint32_t term) const {
    if (size_ == 0) return;
    const uint64_t h = Hash(term);
    const size_t i = Home(h);
#if defined(__SSE2__)
    const __m128i g = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&tags_[i]));
    const auto match = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(g, _mm_set1_epi8(static_cast<char>(Tag(h))))));
    if (match) __builtin_prefetch(&slots_[(i + static_cast<size_t>(__builtin_ctz(match))) & mask_]);
#else
    __builtin_prefetch(&slots_[i]);
#endif
  }

  // The weight slot of `term`, inserted as 0 when absent; `inserted` tells.
  float& at(uint32_t term, bool& inserted) {
    // (mask_ + 1 is the capacity, and 1 for an empty table, which grows
    // all the same: no division of the vector's byte size per insertion.)
    if ((size_ + 1) * 4 > (mask_ + 1) * 3) Grow();
    const uint64_t h = Hash(term);
    const uint8_t tag = Tag(h);
    for (size_t i = Home(h);; i = (i + 1) & mask_) {
      const uint8_t c = tags_[i];
      if (c == tag && slots_[i].term == term) {
        inserted = false;
        return slots_[i].weight;
      }
      if (c == 0) {
        slots_[i].term = term;
        SetTag(i, tag);
        ++size_;
        inserted = true;
        return slots_[i].weight;
      }
    }
  }
  float& operator[](uint32_t term) {
    bool inserted;
    return at(term, inserted);
  }

  void clear() {
    std::vector<Slot>().swap(slots_);
    std::vector<uint8_t>().swap(tags_);
    size_ = 0;
    mask_ = 0;
  }

  // The table as it is (for saving state: iteration order depends on it).
  const std::vector<Slot>& slots() const {
    return slots_;
  }
  // Restores a table slots() returned; false (and left empty) when `slots`
  // cannot be one: a size that is not 0 or a power of two, or a term twice.
  bool Restore(std::vector<Slot> slots) {
    clear();
    if (slots.empty()) return true;
    if ((slots.size() & (slots.size() - 1)) != 0) return false;
    size_t used = 0;
    for (const Slot& s : slots) used += s.term != kEmpty;
    if (used * 4 > slots.size() * 3) return false;  // Grow keeps it below
    slots_ = std::move(slots);
    mask_ = slots_.size() - 1;
    size_ = used;
    tags_.assign(slots_.size() + kGroup - 1, 0);
    for (size_t i = 0; i < slots_.size(); ++i)
      if (slots_[i].term != kEmpty) SetTag(i, Tag(Hash(slots_[i].term)));
    for (const Slot& s : slots_) {
      if (s.term != kEmpty && find(s.term) != &s.weight) {  // unreachable: not a table
        clear();
        return false;
      }
    }
    return true;
  }

  // Calls f(term, weight) for every entry, in slot order.
  template <typename F>
  void ForEach(F&& f) const {
    for (const Slot& s : slots_)
      if (s.term != kEmpty) f(s.term, s.weight);
  }

 private:
  static constexpr uint32_t kEmpty = ~0u;  // term ids never reach it
  static uint64_t Hash(uint32_t term) {
    return term * 0x9E3779B97F4A7C15ull;
  }
  // The slot a lookup starts at: bits 32 and up of the hash (tables stay
  // far below 2^25 slots, so bits 57 and up are the tag's alone).
  size_t Home(uint64_t h) const {
    return static_cast<size_t>(h >> 32) & mask_;
  }
  static uint8_t Tag(uint64_t h) {
    return static_cast<uint8_t>((h >> 57) | 0x80);
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{kEmpty, 0.0f});
    tags_.assign(slots_.size() + kGroup - 1, 0);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.term != kEmpty) Place(s);
  }
  // Puts `s` where at() would insert its term: the first empty slot from its
  // home. For Grow, whose terms are distinct and whose table has room, so
  // the term compares and the room check of at() can be skipped.
  void Place(const Slot& s) {
    const uint64_t h = Hash(s.term);
    size_t i = Home(h);
    while (tags_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = s;
    SetTag(i, Tag(h));
    ++size_;
  }

  std::vector<Slot> slots_;
  // Per slot: 0 (empty) or the Tag of its term; then the first kGroup - 1
  // again, so that a group starting at any slot is one unaligned load.
  static constexpr size_t kGroup = 16;
  void SetTag(size_t i, uint8_t tag) {
    tags_[i] = tag;
    if (i < kGroup - 1) tags_[slots_.size() + i] = tag;
  }
  std::vector<uint8_t> tags_;
  size_t size_ = 0;
  size_t mask_ = 0;
};

}  // namespace chorus
