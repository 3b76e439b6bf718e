// The online near-duplicate index; see chorus/near_dup.h.
//
// Candidates come from LSH banding over the 128 MinHash values: 32 bands of 4
// rows; two documents become candidates when all 4 values of at least one band
// agree. With per-value agreement probability s (= their Jaccard), that happens
// with probability 1 - (1 - s^4)^32 — the S-curve:
//
//     J     0.2    0.3    0.4    0.5    0.6    0.7       0.8        0.9
//     P     0.050  0.229  0.564  0.873  0.988  0.99985   1 - 5e-8   1 - 1e-20
//
// 16 x 8 would miss 5% of J = 0.8 pairs and 25 x 5 1% of J = 0.7 pairs, so
// 32 x 4 it is: its cost — more candidates in 0.3..0.6, which news rarely has
// (unrelated articles share almost no 5-word shingles) — is paid by the exact
// check, a branch-free merge of two sorted arrays after a size filter (J <=
// min/max). Candidates are confirmed in ascending order, so the first to pass
// is the earliest duplicate.
//
// The band table is an open-addressing multimap from a 32-bit fingerprint of a
// band key to the slots (insertion ranks) of the documents that have it, one
// 8-byte cell each, kept at most half full. A false fingerprint match only adds
// a candidate that the exact check rejects.
#include "chorus/near_dup.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "chorus/state_io.h"
#include "group/minhash.h"

namespace chorus {

namespace {

class BandTable {
 public:
  // Calls fn(slot) for every slot stored under `fp`, then stores `slot` under
  // it unless `cap` slots are already stored there. Call Reserve first.
  template <typename Fn>
  void FindAndInsert(uint32_t fp, uint32_t slot, size_t cap, Fn&& fn) {
    size_t i = Home(fp);
    size_t found = 0;
    for (uint64_t cell; (cell = cells_[i]) != 0; i = (i + 1) & mask_) {
      if (static_cast<uint32_t>(cell >> 32) == fp) {
        fn(static_cast<uint32_t>(cell) - 1);
        ++found;
      }
    }
    if (found >= cap) return;
    cells_[i] = (uint64_t{fp} << 32) | (uint64_t{slot} + 1);
    ++used_;
  }

  // Calls fn(slot) for every slot stored under `fp`.
  template <typename Fn>
  void Find(uint32_t fp, Fn&& fn) const {
    if (cells_.empty()) return;
    for (size_t i = Home(fp); cells_[i] != 0; i = (i + 1) & mask_)
      if (static_cast<uint32_t>(cells_[i] >> 32) == fp) fn(static_cast<uint32_t>(cells_[i]) - 1);
  }

  // Asks the cache for the cell where a lookup of `fp` starts.
  void Prefetch(uint32_t fp) const {
    if (!cells_.empty()) __builtin_prefetch(&cells_[Home(fp)]);
  }

  // Makes room for `more` insertions at load <= 1/2.
  void Reserve(size_t more) {
    if ((used_ + more) * 2 <= cells_.size()) return;
    size_t cap = std::max<size_t>(cells_.size(), 1024);
    while ((used_ + more) * 2 > cap) cap *= 2;
    std::vector<uint64_t> old(cap, 0);
    old.swap(cells_);
    mask_ = cap - 1;
    shift_ = 64 - static_cast<int>(std::countr_zero(cap));
    for (uint64_t cell : old) {
      if (cell == 0) continue;
      size_t i = Home(static_cast<uint32_t>(cell >> 32));
      while (cells_[i] != 0) i = (i + 1) & mask_;
      cells_[i] = cell;
    }
  }

  size_t bytes() const { return cells_.capacity() * sizeof(uint64_t); }

 private:
  size_t Home(uint32_t fp) const {
    return static_cast<size_t>((uint64_t{fp} * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  std::vector<uint64_t> cells_;  // (fingerprint << 32) | (slot + 1); 0 = free
  size_t used_ = 0;
  size_t mask_ = 0;
  int shift_ = 64;
};

}  // namespace

struct NearDuplicateIndex::Impl {
  NearDupOptions opt;
  group::Sketcher sketcher;  // for Add(text)
  // Slots are insertion ranks. The documents held are slots [base, next):
  // per slot (at slot - base) the caller's index, the sketch and the set.
  size_t base = 0;
  std::vector<uint32_t> docs;
  std::vector<group::MinHashValues> minhash;
  std::vector<std::vector<uint64_t>> sets;  // empty once dropped
  size_t first_set = 0;                     // slots below this have no set
  size_t set_bytes = 0;
  // Two generations of the band table: table[0] holds the slots from
  // gen_start on, table[1] the generation before (slots [base, gen_start)).
  BandTable table[2];
  size_t gen_start = 0;
  std::vector<uint32_t> candidates;
  SetSource source;  // the sets Load did not restore
  size_t added = 0;
  uint32_t last_doc = 0;

  size_t next_slot() const { return base + docs.size(); }
  static constexpr size_t kMaxSlots = ~uint32_t{0} - 1;  // slots are stored + 1 in 32 bits

  bool Confirm(uint32_t slot, const DocSketch& s) {
    const size_t at = slot - base;
    if (slot < first_set) {  // set dropped: the sketch estimate
      return group::EqualValues(minhash[at], s.minhash) / static_cast<double>(kSketchSize) >=
             opt.threshold;
    }
    std::vector<uint64_t>& set = sets[at];
    if (set.empty()) {  // not loaded with the state (no document held has an empty set)
      set = source(docs[at]);
      set_bytes += set.capacity() * sizeof(uint64_t);
      if (set.empty()) throw std::runtime_error("near-copy index: the set source gave no set");
    }
    const size_t na = set.size(), nb = s.shingles.size();
    if (static_cast<double>(std::min(na, nb)) / static_cast<double>(std::max(na, nb)) <
        opt.threshold) {
      return false;  // J <= min/max
    }
    auto enough = [&](size_t inter) {
      return static_cast<double>(inter) / static_cast<double>(na + nb - inter) >= opt.threshold;
    };
    // The least intersection that is enough (J grows with it). Most
    // candidates from the band tables are no copies (about 7 in 8 on
    // generated 10k): their merge stops once `need` is out of reach, with
    // the same answer.
    const size_t most = std::min(na, nb);
    size_t need = static_cast<size_t>(
        std::ceil(opt.threshold * static_cast<double>(na + nb) / (1 + opt.threshold)));
    need = std::min(need, most + 1);
    while (need > 0 && enough(need - 1)) --need;
    while (need <= most && !enough(need)) ++need;
    return enough(group::IntersectionSizeIfAtLeast(set, s.shingles, need));
  }

  void DropSets() {
    while (next_slot() - first_set > opt.max_sets) {
      std::vector<uint64_t>& set = sets[first_set++ - base];
      set_bytes -= set.capacity() * sizeof(uint64_t);
      std::vector<uint64_t>().swap(set);
    }
  }

  // When the current generation holds max_history slots: forgets the one
  // before it (its table, sketches and sets) and starts a new one.
  void Rotate() {
    const size_t slot = next_slot();
    if (slot - gen_start < opt.max_history) return;
    const size_t drop = gen_start - base;
    for (size_t i = 0; i < drop; ++i) set_bytes -= sets[i].capacity() * sizeof(uint64_t);
    docs.erase(docs.begin(), docs.begin() + static_cast<long>(drop));
    minhash.erase(minhash.begin(), minhash.begin() + static_cast<long>(drop));
    sets.erase(sets.begin(), sets.begin() + static_cast<long>(drop));
    base = gen_start;
    first_set = std::max(first_set, base);
    table[1] = std::move(table[0]);
    table[0] = BandTable();
    gen_start = slot;
  }
};

NearDuplicateIndex::NearDuplicateIndex(NearDupOptions options) : impl_(std::make_unique<Impl>()) {
  if (!(options.threshold > 0 && options.threshold <= 1)) {
    throw std::invalid_argument("NearDupOptions::threshold must be in (0, 1]");
  }
  if (options.max_history == 0) {
    throw std::invalid_argument("NearDupOptions::max_history must be >= 1");
  }
  if (options.max_bucket == 0) {
    throw std::invalid_argument("NearDupOptions::max_bucket must be >= 1");
  }
  impl_->opt = options;
}

NearDuplicateIndex::NearDuplicateIndex(NearDuplicateIndex&&) noexcept = default;
NearDuplicateIndex& NearDuplicateIndex::operator=(NearDuplicateIndex&&) noexcept = default;
NearDuplicateIndex::~NearDuplicateIndex() = default;

std::optional<uint32_t> NearDuplicateIndex::Add(uint32_t doc, std::string_view text) {
  DocSketch s;
  impl_->sketcher.Run(text, s);
  return Add(doc, std::move(s));
}

std::optional<uint32_t> NearDuplicateIndex::Add(uint32_t doc, DocSketch&& s) {
  Impl& m = *impl_;
  if (m.added > 0 && doc <= m.last_doc) {
    throw std::invalid_argument("NearDuplicateIndex::Add: doc indices must increase");
  }
  m.last_doc = doc;
  ++m.added;
  if (s.empty()) return std::nullopt;

  m.Rotate();
  const auto slot = static_cast<uint32_t>(m.next_slot());
  m.candidates.clear();
  m.table[0].Reserve(kLshBands);
  // The tables are far larger than the caches: every band's cells are asked
  // for first, then looked up (the candidates are sorted below, so the order
  // they are found in does not matter).
  std::array<uint32_t, kLshBands> fps;
  for (int b = 0; b < kLshBands; ++b) {
    fps[b] = static_cast<uint32_t>(group::BandKey(s.minhash, b));
    m.table[1].Prefetch(fps[b]);
    m.table[0].Prefetch(fps[b]);
  }
  for (int b = 0; b < kLshBands; ++b) {
    const uint32_t fp = fps[b];
    m.table[1].Find(fp, [&](uint32_t c) { m.candidates.push_back(c); });
    m.table[0].FindAndInsert(fp, slot, m.opt.max_bucket,
                             [&](uint32_t c) { m.candidates.push_back(c); });
  }
  std::sort(m.candidates.begin(), m.candidates.end());
  m.candidates.erase(std::unique(m.candidates.begin(), m.candidates.end()), m.candidates.end());

  std::optional<uint32_t> result;
  for (uint32_t c : m.candidates) {
    if (c != slot && m.Confirm(c, s)) {
      result = m.docs[c - m.base];
      break;
    }
  }

  m.docs.push_back(doc);
  m.minhash.push_back(s.minhash);
  if (s.shingles.capacity() > s.shingles.size() + s.shingles.size() / 4) {
    s.shingles.shrink_to_fit();
  }
  m.set_bytes += s.shingles.capacity() * sizeof(uint64_t);
  m.sets.push_back(std::move(s.shingles));
  m.DropSets();
  return result;
}

namespace {
constexpr uint32_t kIndexTag = 0x5044524e;  // "NRDP"
}  // namespace

void NearDuplicateIndex::Save(StateWriter& w, bool with_sets) const {
  const Impl& m = *impl_;
  w.Put<uint32_t>(kIndexTag);
  w.Put<double>(m.opt.threshold);
  w.Put<uint64_t>(m.opt.max_sets);
  w.Put<uint64_t>(m.opt.max_history);
  w.Put<uint64_t>(m.opt.max_bucket);
  w.Put<uint64_t>(m.base);
  w.PutVector(m.docs);
  for (const group::MinHashValues& v : m.minhash)
    for (uint32_t x : v) w.Put<uint32_t>(x);
  w.Put<uint64_t>(m.first_set);
  w.Put<uint8_t>(with_sets);
  if (with_sets)
    for (size_t slot = std::max(m.first_set, m.base); slot < m.next_slot(); ++slot)
      w.PutVector(m.sets[slot - m.base]);
  w.Put<uint64_t>(m.gen_start);
  w.Put<uint64_t>(m.added);
  w.Put<uint32_t>(m.last_doc);
}

void NearDuplicateIndex::Load(StateReader& r, SetSource source) {
  auto m = std::make_unique<Impl>();
  m->opt = impl_->opt;
  StateReader::Check(r.Get<uint32_t>("near-copy index tag") == kIndexTag, "near-copy index tag");
  bool same = r.Get<double>("options") == m->opt.threshold;
  same &= r.Get<uint64_t>("options") == m->opt.max_sets;
  same &= r.Get<uint64_t>("options") == m->opt.max_history;
  same &= r.Get<uint64_t>("options") == m->opt.max_bucket;
  StateReader::Check(same, "near-copy options (saved with others)");
  m->base = r.Get<uint64_t>("first slot");
  r.GetVector(m->docs, "documents");
  StateReader::Check(r.left() / sizeof(group::MinHashValues) >= m->docs.size(), "sketches");
  m->minhash.resize(m->docs.size());
  for (group::MinHashValues& v : m->minhash)
    for (uint32_t& x : v) x = r.Get<uint32_t>("sketch");
  m->first_set = r.Get<uint64_t>("first set");
  StateReader::Check(
      m->base <= m->first_set && m->first_set <= m->next_slot() && m->next_slot() < Impl::kMaxSlots,
      "slots");
  m->sets.resize(m->docs.size());
  if (r.Get<uint8_t>("with sets")) {
    for (size_t slot = std::max(m->first_set, m->base); slot < m->next_slot(); ++slot) {
      std::vector<uint64_t>& set = m->sets[slot - m->base];
      r.GetVector(set, "shingle set");
      StateReader::Check(!set.empty() && std::is_sorted(set.begin(), set.end()), "shingle set");
      m->set_bytes += set.capacity() * sizeof(uint64_t);
    }
  } else {
    StateReader::Check(source != nullptr || m->first_set == m->next_slot(),
                       "near-copy state saved without sets (a set source is needed)");
  }
  m->gen_start = r.Get<uint64_t>("generation start");
  m->added = r.Get<uint64_t>("documents added");
  m->last_doc = r.Get<uint32_t>("last document");
  StateReader::Check(m->base <= m->gen_start && m->gen_start <= m->next_slot(), "generations");
  StateReader::Check(
      m->added >= m->docs.size() && (m->docs.empty() || m->docs.back() <= m->last_doc),
      "documents added");
  for (size_t i = 1; i < m->docs.size(); ++i)
    StateReader::Check(m->docs[i - 1] < m->docs[i], "document order");
  // The band tables are rebuilt as Add built them — the same insertions in
  // the same order from an empty table — so they come out cell for cell.
  auto rebuild = [&](BandTable& table, size_t from, size_t to) {
    for (size_t slot = from; slot < to; ++slot) {
      table.Reserve(kLshBands);
      for (int b = 0; b < kLshBands; ++b)
        table.FindAndInsert(static_cast<uint32_t>(group::BandKey(m->minhash[slot - m->base], b)),
                            static_cast<uint32_t>(slot), m->opt.max_bucket, [](uint32_t) {});
    }
  };
  rebuild(m->table[1], m->base, m->gen_start);
  rebuild(m->table[0], m->gen_start, m->next_slot());
  m->source = std::move(source);
  impl_ = std::move(m);
}

size_t NearDuplicateIndex::size() const {
  return impl_->added;
}

size_t NearDuplicateIndex::memory_bytes() const {
  const Impl& m = *impl_;
  return sizeof(Impl) + m.docs.capacity() * sizeof(uint32_t) +
         m.minhash.capacity() * sizeof(group::MinHashValues) +
         m.sets.capacity() * sizeof(std::vector<uint64_t>) + m.set_bytes + m.table[0].bytes() +
         m.table[1].bytes() + m.candidates.capacity() * sizeof(uint32_t);
}

}  // namespace chorus
