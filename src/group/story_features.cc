// Clustering features of one article; see chorus/stories.h.
#define XXH_INLINE_ALL  // term keys are short: inline XXH3 skips the call and its length dispatch
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "analyse/quote_marks.h"
#include "analyse/text_chars.h"
#include "chorus/normalize.h"
#include "chorus/quotes.h"
#include "chorus/state_io.h"
#include "chorus/stories.h"
#include "util/byte_scan.h"

namespace chorus {

// Terms are keyed by their 64-bit xxHash: no strings are kept, and a
// collision between two distinct terms (odds ~1e-9 at a million terms) only
// merges two features. The table is flat (open addressing, linear probing,
// load <= 1/2): interning is on the sequential path of the pipeline, and
// std::unordered_map's node per term made it the top of the profile.
struct TermDictionary::Impl {
  struct Cell {
    uint64_t key;
    uint32_t id;  // kFree when the cell is empty
  };
  static constexpr uint32_t kFree = ~0u;
  std::vector<Cell> cells;
  size_t size = 0;

  size_t Home(uint64_t key) const {
    return static_cast<size_t>(key * 0x9E3779B97F4A7C15ull >> shift);
  }
  int shift = 64;

  void Grow() {
    std::vector<Cell> old(std::max<size_t>(1024, cells.size() * 2), Cell{0, kFree});
    old.swap(cells);
    shift = 64 - std::countr_zero(cells.size());
    const size_t mask = cells.size() - 1;
    for (const Cell& c : old) {
      if (c.id == kFree) continue;
      size_t i = Home(c.key);
      while (cells[i].id != kFree) i = (i + 1) & mask;
      cells[i] = c;
    }
  }

  uint32_t Intern(uint64_t key) {
    if ((size + 1) * 2 > cells.size()) Grow();
    const size_t mask = cells.size() - 1;
    for (size_t i = Home(key);; i = (i + 1) & mask) {
      Cell& c = cells[i];
      if (c.id == kFree) {
        c = Cell{key, static_cast<uint32_t>(size++)};
        return c.id;
      }
      if (c.key == key) return c.id;
    }
  }
};

TermDictionary::TermDictionary() : impl_(new Impl) {}
TermDictionary::~TermDictionary() {
  delete impl_;
}
size_t TermDictionary::size() const {
  return impl_->size;
}

uint64_t TermDictionary::Key(std::string_view term) {
  return XXH3_64bits(term.data(), term.size());
}

uint32_t TermDictionary::Intern(uint64_t key) {
  return impl_->Intern(key);
}

void TermDictionary::Prefetch(uint64_t key) const {
  if (!impl_->cells.empty()) __builtin_prefetch(&impl_->cells[impl_->Home(key)]);
}

uint32_t TermDictionary::Intern(std::string_view term) {
  return Intern(Key(term));
}

// The table is saved as its (key, id) pairs in id order and rebuilt by
// interning them in that order: the same ids, whatever the layout.
void TermDictionary::Save(StateWriter& w) const {
  std::vector<uint64_t> keys(impl_->size);
  for (const Impl::Cell& c : impl_->cells)
    if (c.id != Impl::kFree) keys[c.id] = c.key;
  w.Put<uint32_t>(0x4d524554);  // "TERM"
  w.PutVector(keys);
}

void TermDictionary::Load(StateReader& r) {
  StateReader::Check(r.Get<uint32_t>("dictionary tag") == 0x4d524554, "dictionary tag");
  std::vector<uint64_t> keys;
  r.GetVector(keys, "dictionary", Impl::kFree);
  auto fresh = std::make_unique<Impl>();
  for (uint64_t k : keys) StateReader::Check(fresh->Intern(k) + 1 == fresh->size, "dictionary");
  delete impl_;
  impl_ = fresh.release();
}

namespace {

// Function words and web furniture: never features.
constexpr std::array<std::string_view, 200> kStopwords = {
    "the",     "and",     "for",     "that",          "with",      "was",       "are",
    "but",     "not",     "you",     "this",          "have",      "from",      "they",
    "his",     "her",     "she",     "him",           "has",       "had",       "were",
    "been",    "their",   "will",    "would",         "what",      "when",      "who",
    "which",   "there",   "about",   "after",         "into",      "than",      "then",
    "them",    "its",     "our",     "out",           "can",       "could",     "all",
    "one",     "also",    "more",    "most",          "some",      "any",       "just",
    "over",    "said",    "says",    "say",           "like",      "new",       "how",
    "other",   "only",    "very",    "while",         "where",     "why",       "did",
    "does",    "being",   "because", "before",        "these",     "those",     "such",
    "here",    "your",    "yours",   "may",           "might",     "must",      "shall",
    "should",  "upon",    "off",     "each",          "both",      "few",       "many",
    "much",    "own",     "same",    "too",           "via",       "per",       "get",
    "got",     "make",    "made",    "way",           "ways",      "well",      "even",
    "still",   "now",     "yet",     "since",         "during",    "through",   "against",
    "between", "under",   "again",   "further",       "once",      "first",     "last",
    "year",    "years",   "time",    "day",           "days",      "week",      "read",
    "min",     "share",   "shares",  "advertisement", "photo",     "photos",    "image",
    "images",  "getty",   "credit",  "click",         "sign",      "subscribe", "newsletter",
    "email",   "follow",  "twitter", "facebook",      "instagram", "video",     "watch",
    "story",   "stories", "news",    "updated",       "published", "according", "told",
    "per",     "two",     "three",   "including",     "around",    "another",   "told",
    "know",    "going",   "want",    "back",          "take",      "come",      "see",
    "look"};

// Stop words by their term key (the hash every word gets anyway), in an
// open-addressed table of 512 keys (load < 1/2): about one probe a word, no
// string compares. Zero marks an empty slot (no word hashes to zero here:
// checked when the table is built).
class StopwordKeys {
 public:
  StopwordKeys() {
    for (std::string_view w : kStopwords) {
      const uint64_t key = TermDictionary::Key(w);
      if (key == 0) std::abort();
      size_t i = Home(key);
      while (slots_[i] != 0 && slots_[i] != key) i = (i + 1) & (kSlots - 1);
      slots_[i] = key;
    }
  }
  bool Contains(uint64_t key) const {
    for (size_t i = Home(key);; i = (i + 1) & (kSlots - 1)) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }

 private:
  static constexpr size_t kSlots = 512;
  static size_t Home(uint64_t key) { return static_cast<size_t>(key >> 55); }
  std::array<uint64_t, kSlots> slots_{};
};

const StopwordKeys kStopwordKeys;  // built at start-up: no guard check a word

bool IsStopwordKey(uint64_t key) {
  return kStopwordKeys.Contains(key);
}

// `w` (already lower-cased) without a trailing possessive ('s, ’s, ', ’)
// when a letter or more is left before it.
std::string_view WithoutPossessive(std::string_view s) {
  const size_t n = s.size();
  size_t cut = 0;
  if (n >= 2 && s[n - 1] == 's' && s[n - 2] == '\'') {
    cut = 2;
  } else if (n >= 4 && s[n - 1] == 's' && s.substr(n - 4, 3) == "\xE2\x80\x99") {
    cut = 4;
  } else if (n > 0 && s[n - 1] == '\'') {
    cut = 1;
  } else if (n >= 3 && s.substr(n - 3) == "\xE2\x80\x99") {
    cut = 3;
  }
  return cut != 0 && n > cut + 1 ? s.substr(0, n - cut) : s;
}

constexpr size_t kMaxWords = 500;  // the lead carries the event; long tails add noise
constexpr float kTitleWeight = 2.0f;
constexpr float kNameWeight = 1.5f;
constexpr float kQuoteWeight = 0.5f;
// ExtractStoryTerms sums weights in any order: exact only for multiples of 0.5.
constexpr bool HalfMultiple(float w) {
  return static_cast<float>(static_cast<int>(w * 2)) == w * 2;
}
static_assert(HalfMultiple(kTitleWeight) && HalfMultiple(kNameWeight) &&
              HalfMultiple(kTitleWeight * kNameWeight) && HalfMultiple(kQuoteWeight));

// Term key -> raw weight, one entry per occurrence; summed per key by
// ExtractStoryTerms.
using TermCounts = std::vector<std::pair<uint64_t, float>>;

void AddTerms(std::string_view text, const Segmentation& seg, float weight, TermCounts& tf) {
  size_t words = 0;
  // The whole text lower-cased at once (16 bytes a step); each word is a view.
  thread_local std::string lowered;
  lowered.resize(text.size());
  util::LowerAscii(text.data(), lowered.data(), text.size());
  // The name being read: "n:", then its words with a space between each. It
  // is written in place (never past 2 + the text + a space a word), without
  // std::string's appends, whose checks were 1% of `chorus stories`.
  thread_local std::string name;
  if (name.size() < 2 * text.size() + 2) name.resize(2 * text.size() + 2);
  char* const name_buf = name.data();
  name_buf[0] = 'n';
  name_buf[1] = ':';
  size_t name_size = 2;
  int name_len = 0;
  auto flush_name = [&]() {
    if (name_len >= 2)
      tf.emplace_back(TermDictionary::Key(std::string_view(name_buf, name_size)),
                      weight * kNameWeight);
    name_size = 2;
    name_len = 0;
  };
  // The first sentence that begins at or after the current word: a word
  // opens a sentence when that one begins where it does (every token lies
  // inside one sentence). Looked up for words only, not for every token.
  // (The sizes and views are taken once: the stores to `tf` could alias the
  // vectors' own, so the compiler reloaded them for every token, dividing by
  // the token's 12 bytes.)
  const std::span<const ByteSpan> sentences(seg.sentences);
  const std::span<const Token> tokens(seg.tokens);
  const std::string_view low_text(lowered);
  size_t next_sentence = 0;
  for (size_t k = 0; k < tokens.size() && words < kMaxWords; ++k) {
    const Token& t = tokens[k];
    if (t.kind != TokenKind::kWord) {
      if (t.kind == TokenKind::kPunct) flush_name();
      continue;
    }
    ++words;
    const auto c0 = static_cast<unsigned char>(text[t.span.begin]);
    const bool cap = c0 < 0x80 ? static_cast<unsigned char>(c0 - 'A') < 26
                               : text::IsUpperOrCaseless(text, t.span.begin);
    // (A token lies inside the text: no substr and its range check.)
    const std::string_view low =
        WithoutPossessive(std::string_view(low_text.data() + t.span.begin, t.span.size()));
    while (next_sentence < sentences.size() && sentences[next_sentence].begin < t.span.begin)
      ++next_sentence;
    const bool sentence_start =
        next_sentence < sentences.size() && sentences[next_sentence].begin == t.span.begin;
    const uint64_t key = TermDictionary::Key(low);
    const bool stop = IsStopwordKey(key);
    if (cap && !(sentence_start && stop)) {
      if (name_len > 0) name_buf[name_size++] = ' ';
      std::memcpy(name_buf + name_size, low.data(), low.size());
      name_size += low.size();
      ++name_len;
    } else {
      flush_name();
    }
    if (low.size() < 3 || stop) continue;
    tf.emplace_back(key, weight);
  }
  flush_name();
}

// Quotations shared across outlets are strong evidence of one story: each
// quotation of 8 words or more adds its 4-word shingles (normalised, so curly
// and straight marks agree) as features — a fixed quarter of them.
// A byte of a word of a quotation: ASCII letters and digits, every byte of a
// non-ASCII character, and (inside a word) the apostrophe. (std::isalnum in
// the "C" locale, without the call.) A table for each: the chain of range
// tests per byte was a third of AddQuoteShingles.
constexpr std::array<bool, 256> QuoteWordBytes(bool inside) {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || c >= 0x80 || (inside && c == '\'');
  return t;
}
constexpr std::array<bool, 256> kQuoteWordStart = QuoteWordBytes(false);
constexpr std::array<bool, 256> kQuoteWordInside = QuoteWordBytes(true);

// The words of NormalizedText(raw) without its offset map, for the usual
// quotation: ASCII (normalising is lower-casing and ` as ') with curly marks
// and en or em dashes (“ ” as ", ‘ ’ as ', – — as -, as NormalizedText maps
// them). Splitting at non-word bytes, the white space NormalizedText
// collapses makes no difference. False (and `out` unspecified) for any other
// non-ASCII character.
bool AsciiNormalized(std::string_view raw, std::string& out) {
  out.resize(raw.size());
  util::LowerAscii(raw.data(), out.data(), raw.size());
  size_t o = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      out[o++] = c == '`' ? '\'' : static_cast<char>(c);
      continue;
    }
    if (c != 0xE2 || i + 2 >= out.size() || static_cast<unsigned char>(out[i + 1]) != 0x80)
      return false;
    switch (static_cast<unsigned char>(out[i + 2])) {
      case 0x9C:  // “
      case 0x9D:  // ”
        out[o++] = '"';
        break;
      case 0x98:  // ‘
      case 0x99:  // ’
        out[o++] = '\'';
        break;
      case 0x93:  // –
      case 0x94:  // —
        out[o++] = '-';
        break;
      default:
        return false;
    }
    i += 2;
  }
  out.resize(o);
  return true;
}

void AddQuoteShingles(std::string_view text, const std::vector<ByteSpan>& quotation_parts,
                      TermCounts& tf, std::vector<uint64_t>& keys) {
  thread_local std::string joined, sh;
  thread_local std::vector<size_t> starts;
  thread_local NormalizedText normalized;
  thread_local std::string ascii;
  for (const ByteSpan& part : quotation_parts) {
    // The words of the normalised quotation: AsciiNormalized for the usual
    // quotation, NormalizedText (with an offset map this does not need) for
    // the rest.
    const std::string_view raw = text.substr(part.begin, part.size());
    std::string_view norm;
    if (AsciiNormalized(raw, ascii)) {
      norm = ascii;
    } else {
      normalized.Assign(raw);
      norm = normalized.text();
    }
    // The words, each followed by one space, in one buffer (at most twice
    // the quotation): a shingle "q:w1 w2 w3 w4 " is then "q:" and one slice
    // of it, copied after the "q:" at the head of `sh`. Plain stores and
    // memcpy, without std::string's checks per append.
    if (joined.size() < 2 * norm.size()) joined.resize(2 * norm.size());
    char* const out = joined.data();
    size_t o = 0;
    starts.clear();
    const auto at = [&](size_t k) { return static_cast<unsigned char>(norm[k]); };
    size_t i = 0;
    while (i < norm.size()) {
      while (i < norm.size() && !kQuoteWordStart[at(i)]) ++i;
      size_t b = i;
      while (i < norm.size() && kQuoteWordInside[at(i)]) ++i;
      if (i > b) {
        starts.push_back(o);
        std::memcpy(out + o, norm.data() + b, i - b);
        o += i - b;
        out[o++] = ' ';
      }
    }
    const size_t n_words = starts.size();
    if (n_words < 8) continue;
    starts.push_back(o);
    if (sh.size() < o + 2) sh.resize(o + 2);
    sh[0] = 'q';
    sh[1] = ':';
    for (size_t k = 0; k + 4 <= n_words; ++k) {
      const size_t len = starts[k + 4] - starts[k];
      std::memcpy(sh.data() + 2, out + starts[k], len);
      // A fixed 1-in-4 sample of the shingles (by hash, so every article
      // samples the same ones): enough to tell a shared long quotation.
      const uint64_t key = TermDictionary::Key(std::string_view(sh.data(), len + 2));
      if (key % 4 != 0) continue;
      tf.emplace_back(key, kQuoteWeight);
      keys.push_back(key);
    }
  }
}

// Sorts the (key, weight) pairs by key. The keys are hashes, spread evenly
// over 64 bits: one counting pass on their top bits (about one key a bucket)
// puts each where it belongs but for the few in its bucket, which are then
// sorted in place (std::sort past a handful, against crafted keys). The same
// order as std::sort but for equal keys, whose weights are summed exactly in
// any order (see HalfMultiple). std::sort was 3% of `chorus stories`.
void SortByKey(TermCounts& v) {
  const size_t n = v.size();
  auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (n < 64) {
    std::sort(v.begin(), v.end(), by_key);
    return;
  }
  const int bits = std::bit_width(n) - 1;
  const int shift = 64 - bits;
  thread_local std::vector<uint32_t> end;
  end.assign((size_t{1} << bits) + 1, 0);
  for (const auto& e : v) ++end[(e.first >> shift) + 1];
  for (size_t b = 1; b < end.size(); ++b) end[b] += end[b - 1];
  thread_local TermCounts out;
  out.resize(n);
  for (const auto& e : v) out[end[e.first >> shift]++] = e;  // end[b]: now bucket b's end
  for (size_t b = 0, begin = 0; b + 1 < end.size(); begin = end[b++]) {
    auto first = out.begin() + static_cast<long>(begin), last = out.begin() + end[b];
    if (last - first > 16) {
      std::sort(first, last, by_key);
      continue;
    }
    for (auto i = first + (first != last); i < last; ++i) {
      const auto x = *i;
      auto j = i;
      for (; j > first && x.first < (j - 1)->first; --j) *j = *(j - 1);
      *j = x;
    }
  }
  v.swap(out);
}

// Sorts integers whose top 32 bits are distinct ids below `limit` by those
// ids: least significant byte first, as many passes as the ids have bytes
// (stable, and the ids are distinct: the order std::sort gives).
void SortByHighWord(std::vector<uint64_t>& v, size_t limit) {
  const size_t n = v.size();
  const int passes = (std::bit_width(limit) + 7) / 8;
  if (n < 64 || passes > 4) {
    std::sort(v.begin(), v.end());
    return;
  }
  uint32_t count[4][256] = {};
  for (uint64_t x : v)
    for (int p = 0; p < passes; ++p) ++count[p][(x >> (32 + 8 * p)) & 255];
  thread_local std::vector<uint64_t> tmp;
  tmp.resize(n);
  for (int p = 0; p < passes; ++p) {
    uint32_t at = 0;
    for (uint32_t& c : count[p]) at += std::exchange(c, at);
    for (uint64_t x : v) tmp[count[p][(x >> (32 + 8 * p)) & 255]++] = x;
    v.swap(tmp);
  }
}

}  // namespace

int64_t DayNumber(std::string_view d) {
  // YYYY-MM-DD -> days since 1970-01-01 (civil calendar; H. Hinnant's algorithm).
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return -1;
  auto num = [&](size_t b, size_t n) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), day = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || day < 1 || day > 31) return -1;
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy =
      (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

StoryTerms ExtractStoryTerms(const Article& a, const Segmentation& seg,
                             const std::vector<ByteSpan>* quotation_parts) {
  thread_local TermCounts tf;
  tf.clear();
  AddTerms(a.text, seg, 1.0f, tf);
  StoryTerms out;
  thread_local std::vector<uint64_t> quote_keys;  // (copied once, sorted and distinct)
  quote_keys.clear();
  if (quotation_parts) {
    AddQuoteShingles(a.text, *quotation_parts, tf, quote_keys);
  } else {
    thread_local std::vector<ByteSpan> parts;
    quotes::FindQuotationParts(a.text, seg.paragraphs, parts);
    AddQuoteShingles(a.text, parts, tf, quote_keys);
  }
  if (!a.title.empty()) {
    thread_local Segmentation ts;
    Segment(a.title, ts);
    AddTerms(a.title, ts, kTitleWeight, tf);
  }
  // Sum each term's occurrences, then sublinear tf. Every weight is a multiple
  // of 0.5 (1, 1.5, 2, 3, 0.5), so the float sums are exact in any order and
  // an unstable sort gives the same features as occurrence order.
  SortByKey(tf);
  size_t distinct = 0;  // summed in place, then copied once
  for (size_t i = 0; i < tf.size();) {
    float w = 0;
    size_t j = i;
    for (; j < tf.size() && tf[j].first == tf[i].first; ++j) w += tf[j].second;
    tf[distinct++] = {tf[i].first, w};
    i = j;
  }
  out.terms.resize(distinct);
  for (size_t i = 0; i < distinct; ++i) out.terms[i] = {tf[i].first, 1.0f + std::log(tf[i].second)};
  std::sort(quote_keys.begin(), quote_keys.end());
  out.quote_terms.assign(quote_keys.begin(), std::unique(quote_keys.begin(), quote_keys.end()));
  out.day = DayNumber(a.published);
  return out;
}

StoryFeatures InternStoryTerms(const StoryTerms& t, TermDictionary& dict) {
  // The dictionary is far larger than the caches: each term's cell is asked
  // for kAhead terms before it is interned.
  constexpr size_t kAhead = 16;
  const std::span<const std::pair<uint64_t, float>> terms(t.terms);
  const size_t n = terms.size();
  for (size_t i = 0; i < std::min(n, kAhead); ++i) dict.Prefetch(terms[i].first);
  // Sorted by id: the ids of an article's terms are distinct, so (id, weight)
  // pairs sort as their ids do, packed into one integer each.
  thread_local std::vector<uint64_t> packed;
  packed.resize(n);
  // (Spans: the vectors' data were reloaded after each interning.)
  const std::span<uint64_t> out(packed);
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) dict.Prefetch(terms[i + kAhead].first);
    out[i] = uint64_t{dict.Intern(terms[i].first)} << 32 | std::bit_cast<uint32_t>(terms[i].second);
  }
  SortByHighWord(packed, dict.size());
  StoryFeatures f;
  f.terms.resize(n);
  for (size_t i = 0; i < n; ++i)
    f.terms[i] = {static_cast<uint32_t>(packed[i] >> 32),
                  std::bit_cast<float>(static_cast<uint32_t>(packed[i]))};
  f.quote_terms.reserve(t.quote_terms.size());
  for (uint64_t key : t.quote_terms) f.quote_terms.push_back(dict.Intern(key));
  std::sort(f.quote_terms.begin(), f.quote_terms.end());
  f.day = t.day;
  return f;
}

StoryFeatures ExtractStoryFeatures(const Article& a, const Segmentation& seg,
                                   TermDictionary& dict) {
  return InternStoryTerms(ExtractStoryTerms(a, seg), dict);
}

}  // namespace chorus
