// Canonical speakers; see speaker_resolver.h.
#include "analyse/speaker_resolver.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "analyse/cue_lexicon.h"
#include "analyse/speaker_words.h"
#include "analyse/word_list.h"

namespace chorus::quotes {

namespace {

enum Gender : uint8_t { kUnknown = 0, kMale = 1, kFemale = 2 };

struct Person {
  uint32_t first = 0, n = 0;  // its name words: name_words_[first, first + n)
  int male = 0, female = 0;   // pronouns seen after its mentions
  int mentions = 0;
  Gender gender() const {
    if (male > female) return kMale;
    if (female > male) return kFemale;
    return kUnknown;
  }
};

struct Mention {
  uint32_t tok;   // first token of the mention
  size_t person;  // index into people
};

// A mention filed under one word of the person's name.
struct WordMention {
  uint32_t word;  // word id
  Mention m;
};

constexpr uint32_t kNone = ~0u;

class Resolver {
 public:
  // Resolves the speakers of `v`. One Resolver serves article after article
  // on a thread: its tables keep their capacity, so nothing is allocated per
  // article once they have grown.
  void Reset(const ArticleView& v) {
    v_ = &v;
    words_.clear();
    for (auto* x : {&name_words_, &name_toks_, &first_person_by_word_}) x->clear();
    people_.clear();
    mentions_.clear();
    by_word_.clear();
    // Tables grown by a long article are let go, not zeroed for every later one.
    for (auto* slots : {&word_slots_, &person_slots_}) {
      if (slots->size() > 4096)
        std::vector<uint32_t>().swap(*slots);
      else
        slots->assign(slots->size(), 0);
    }
    last_tok_by_word_.clear();
    last_person_by_word_.clear();
    collecting_ = true;
    CollectNames();
    IndexMentions();
    main_person_ = FindMainPerson();
  }

  std::string Resolve(const Attribution& a) const;
  // One comma-separated part [b, head_end) of a source.
  std::string ResolvePart(const Attribution& a, uint32_t b, uint32_t head_end) const;

 private:
  static std::string_view StripPossessive(std::string_view s) {
    for (std::string_view suf : {"'s", "\xE2\x80\x99s"})
      if (s.size() > suf.size() && s.ends_with(suf)) s.remove_suffix(suf.size());
    return s;
  }
  // The name words of a capitalised run [b, e), titles, function words and
  // initials' full stops dropped, into `out` (cleared first).
  void NameTokens(uint32_t b, uint32_t e, std::vector<uint32_t>& out) const;
  void CollectNames();
  // Files every mention under each word of its person's name, in text order.
  void IndexMentions();
  size_t Register(const std::vector<uint32_t>& toks);
  // The person a single name word refers to (surname or first name), or npos.
  size_t FindByWord(std::string_view w, uint32_t before) const;
  size_t MostRecent(uint32_t before, Gender g) const;
  size_t FindMainPerson() const;
  void AddMention(uint32_t tok, size_t person);
  std::string Display(size_t person) const;  // "Chrissy Teigen"
  // The id of word `w` (lower-cased, possessive stripped); a new id when
  // `add`, else kNone for a word never seen.
  uint32_t WordId(std::string_view w, bool add);
  uint32_t FindWord(std::string_view w) const;

  // Mentions looked back over by MostRecent, at most (keeps resolution linear).
  static constexpr size_t kMaxLookBack = 1000;

  const ArticleView* v_ = nullptr;
  bool collecting_ = false;  // CollectNames is running
  std::vector<Person> people_;
  std::vector<Mention> mentions_;  // in text order
  // Every lookup is independent of the number of names, and nothing is
  // allocated per word or mention: the words are views into the view's
  // lower-cased text, given ids by an open-addressed table; a person is a
  // run of word ids (and the tokens it was first written with), found by the
  // hash of that run.
  std::vector<std::string_view> words_;         // by id
  std::vector<uint32_t> word_slots_;            // id + 1, 0 for an empty slot
  std::vector<uint32_t> name_words_;            // word ids of each person's name
  std::vector<uint32_t> name_toks_;             // the tokens of its first mention
  std::vector<uint32_t> person_slots_;          // person + 1 by the hash of its words
  std::vector<uint32_t> first_person_by_word_;  // by word id: first person with it
  // While names are collected (every mention so far lies before the token
  // looked up): the last mention filed under each word.
  std::vector<uint32_t> last_tok_by_word_, last_person_by_word_;
  std::vector<WordMention> by_word_;     // filed mentions; sorted by word once collected
  std::vector<uint32_t> by_word_start_;  // by word id: its range in by_word_ (CSR)
  std::vector<WordMention> sorted_;      // scratch for IndexMentions
  std::vector<uint32_t> next_;           // scratch for IndexMentions
  size_t main_person_ = std::string::npos;
  mutable std::vector<uint32_t> name_;  // scratch for NameTokens
  std::vector<uint32_t> collect_name_;  // scratch for CollectNames
};

void Resolver::NameTokens(uint32_t b, uint32_t e, std::vector<uint32_t>& out) const {
  const auto& T = v_->toks;
  out.clear();
  for (uint32_t k = b; k < e; ++k) {
    if (T[k].kind != TokenKind::kWord || !T[k].cap) continue;
    out.push_back(k);
  }
  // Drop leading titles and function words ("The", "Sen", "Chairman").
  size_t start = 0;
  while (start < out.size() &&
         (IsTitleWord(StripPossessive(T[out[start]].low)) || IsNotName(T[out[start]].low)))
    ++start;
  out.erase(out.begin(), out.begin() + static_cast<long>(start));
}

uint32_t Resolver::FindWord(std::string_view w) const {
  if (word_slots_.empty()) return kNone;
  const size_t mask = word_slots_.size() - 1;
  for (size_t i = WordHash(w) & mask;; i = (i + 1) & mask) {
    const uint32_t id = word_slots_[i];
    if (id == 0) return kNone;
    if (words_[id - 1] == w) return id - 1;
  }
}

uint32_t Resolver::WordId(std::string_view w, bool add) {
  const uint32_t found = FindWord(w);
  if (found != kNone || !add) return found;
  if (2 * (words_.size() + 1) > word_slots_.size()) {  // grow, load <= 1/2
    std::vector<uint32_t> slots(std::max<size_t>(64, 2 * word_slots_.size()), 0);
    const size_t mask = slots.size() - 1;
    for (uint32_t id = 0; id < words_.size(); ++id) {
      size_t i = WordHash(words_[id]) & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    word_slots_.swap(slots);
  }
  const size_t mask = word_slots_.size() - 1;
  size_t i = WordHash(w) & mask;
  while (word_slots_[i] != 0) i = (i + 1) & mask;
  word_slots_[i] = static_cast<uint32_t>(words_.size()) + 1;
  words_.push_back(w);
  first_person_by_word_.push_back(kNone);
  last_tok_by_word_.push_back(kNone);
  last_person_by_word_.push_back(kNone);
  return static_cast<uint32_t>(words_.size()) - 1;
}

namespace {
uint64_t RunHash(const uint32_t* ids, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; ++i) h = (h ^ ids[i]) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}
}  // namespace

size_t Resolver::Register(const std::vector<uint32_t>& toks) {
  // The name's word ids go at the end of name_words_: kept if it is new.
  const size_t first = name_words_.size();
  for (uint32_t k : toks) name_words_.push_back(WordId(StripPossessive(v_->toks[k].low), true));
  const uint32_t* ids = name_words_.data() + first;
  const size_t n = toks.size();
  const uint64_t h = RunHash(ids, n);
  if (!person_slots_.empty()) {
    const size_t mask = person_slots_.size() - 1;
    for (size_t i = h & mask; person_slots_[i] != 0; i = (i + 1) & mask) {
      const Person& p = people_[person_slots_[i] - 1];
      if (p.n == n && std::equal(ids, ids + n, name_words_.begin() + p.first)) {
        name_words_.resize(first);
        return person_slots_[i] - 1;
      }
    }
  }
  if (2 * (people_.size() + 1) > person_slots_.size()) {  // grow, load <= 1/2
    std::vector<uint32_t> slots(std::max<size_t>(32, 2 * person_slots_.size()), 0);
    const size_t mask = slots.size() - 1;
    for (uint32_t q = 0; q < people_.size(); ++q) {
      size_t i = RunHash(name_words_.data() + people_[q].first, people_[q].n) & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      slots[i] = q + 1;
    }
    person_slots_.swap(slots);
  }
  const size_t mask = person_slots_.size() - 1;
  size_t i = h & mask;
  while (person_slots_[i] != 0) i = (i + 1) & mask;
  const uint32_t index = static_cast<uint32_t>(people_.size());
  person_slots_[i] = index + 1;
  Person p;
  p.first = static_cast<uint32_t>(first);
  p.n = static_cast<uint32_t>(n);
  name_toks_.resize(name_words_.size(), 0);
  std::copy(toks.begin(), toks.end(), name_toks_.begin() + static_cast<long>(first));
  for (size_t k = 0; k < n; ++k)
    if (first_person_by_word_[ids[k]] == kNone) first_person_by_word_[ids[k]] = index;
  people_.push_back(p);
  return index;
}

std::string Resolver::Display(size_t person) const {
  const Person& p = people_[person];
  std::string s;
  for (uint32_t k = p.first; k < p.first + p.n; ++k) {
    if (!s.empty()) s += ' ';
    s += StripPossessive(v_->Str(name_toks_[k]));
  }
  return s;
}

void Resolver::AddMention(uint32_t tok, size_t person) {
  Person& p = people_[person];
  p.mentions++;
  mentions_.push_back({tok, person});
  if (p.n < 2) return;
  for (uint32_t k = p.first; k < p.first + p.n; ++k) {
    const uint32_t w = name_words_[k];
    if (last_tok_by_word_[w] == tok) continue;  // a name with the same word twice
    last_tok_by_word_[w] = tok;
    last_person_by_word_[w] = static_cast<uint32_t>(person);
    by_word_.push_back({w, {tok, person}});
  }
}

void Resolver::IndexMentions() {
  // A counting sort by word: each word's mentions stay in text order.
  by_word_start_.assign(words_.size() + 1, 0);
  for (const WordMention& x : by_word_) ++by_word_start_[x.word + 1];
  for (size_t w = 0; w < words_.size(); ++w) by_word_start_[w + 1] += by_word_start_[w];
  std::vector<WordMention>& sorted = sorted_;
  sorted.resize(by_word_.size());
  next_.assign(by_word_start_.begin(), by_word_start_.end() - 1);
  for (const WordMention& x : by_word_) sorted[next_[x.word]++] = x;
  by_word_.swap(sorted);
  collecting_ = false;
}

void Resolver::CollectNames() {
  const auto& T = v_->toks;
  uint32_t n = static_cast<uint32_t>(T.size());
  std::vector<uint32_t>& name = collect_name_;
  for (uint32_t k = 0; k < n;) {
    if (T[k].quote >= 0 || !T[k].cap || T[k].kind != TokenKind::kWord) {
      ++k;
      continue;
    }
    // A run of capitalised words, with initials ("John F. Kennedy").
    uint32_t e = k;
    while (e < n && T[e].quote < 0 && T[e].sent == T[k].sent &&
           ((T[e].cap && T[e].kind == TokenKind::kWord) ||
            (v_->Str(e) == "." && e > k && T[e - 1].span.size() <= 3 && e + 1 < n && T[e + 1].cap)))
      ++e;
    NameTokens(k, e, name);
    // "the Blue Anchor bakery", "the White House": not people.
    bool after_article = k > 0 && (T[k - 1].low == "the" || T[k - 1].low == "a");
    if (after_article) name.clear();
    if (name.size() >= 2 && name.size() <= 4) {
      AddMention(name.front(), Register(name));
    } else if (name.size() == 1) {
      size_t p = FindByWord(StripPossessive(T[name[0]].low), name[0]);
      if (p != std::string::npos) AddMention(name[0], p);
    }
    k = e;
  }
  // Gender: the first third-person pronoun outside quotations after each
  // mention, before the next mention.
  for (size_t m = 0; m < mentions_.size(); ++m) {
    uint32_t end = m + 1 < mentions_.size() ? mentions_[m + 1].tok : n;
    end = std::min(end, mentions_[m].tok + 40);
    for (uint32_t k = mentions_[m].tok + 1; k < end && k < n; ++k) {
      if (T[k].quote >= 0) continue;
      const char g = PronounGender(T[k].low);
      if (g == 'm') {
        people_[mentions_[m].person].male++;
        break;
      }
      if (g == 'f') {
        people_[mentions_[m].person].female++;
        break;
      }
    }
  }
}

size_t Resolver::FindByWord(std::string_view w, uint32_t before) const {
  // Prefer the person most recently mentioned before `before` whose name has
  // the word; otherwise anyone in the article with it.
  const uint32_t id = FindWord(w);
  if (id == kNone) return std::string::npos;
  if (collecting_) {  // every mention so far lies before `before`
    if (last_person_by_word_[id] != kNone) return last_person_by_word_[id];
  } else {
    const auto list = by_word_.begin() + by_word_start_[id];
    const auto list_end = by_word_.begin() + by_word_start_[id + 1];
    auto after = std::lower_bound(list, list_end, before,
                                  [](const WordMention& x, uint32_t t) { return x.m.tok < t; });
    if (after != list) return std::prev(after)->m.person;
  }
  const uint32_t p = first_person_by_word_[id];
  return p == kNone ? std::string::npos : p;
}

size_t Resolver::MostRecent(uint32_t before, Gender g) const {
  // The most recent person of the right gender; failing that, the most recent
  // one whose gender is unknown.
  size_t fallback = std::string::npos;
  const size_t end =
      static_cast<size_t>(std::lower_bound(mentions_.begin(), mentions_.end(), before,
                                           [](const Mention& m, uint32_t t) { return m.tok < t; }) -
                          mentions_.begin());
  const size_t stop = end > kMaxLookBack ? end - kMaxLookBack : 0;
  for (size_t m = end; m-- > stop;) {
    const Person& p = people_[mentions_[m].person];
    if (g == kUnknown || p.gender() == g) return mentions_[m].person;
    if (p.gender() == kUnknown && fallback == std::string::npos) fallback = mentions_[m].person;
  }
  return fallback;
}

size_t Resolver::FindMainPerson() const {
  // The person who dominates the article: most mentions, and at least half of all.
  int total = 0;
  size_t best = std::string::npos;
  for (size_t i = 0; i < people_.size(); ++i) {
    total += people_[i].mentions;
    if (best == std::string::npos || people_[i].mentions > people_[best].mentions) best = i;
  }
  if (best == std::string::npos || people_[best].mentions * 2 < total || people_[best].mentions < 2)
    return std::string::npos;
  return best;
}

std::string Resolver::Resolve(const Attribution& a) const {
  const auto& T = v_->toks;
  if (a.source.empty()) return {};
  uint32_t b = v_->TokenAt(a.source[0].begin);
  uint32_t e = b;
  while (e < T.size() && T[e].span.end <= a.source[0].end) ++e;
  if (b >= e) return {};
  // Comma-separated parts: "Hugh Hill, a doctor," is Hugh Hill; "the
  // authority's chief engineer, Tomas Reyes," is Tomas Reyes.
  for (uint32_t k = b; k <= e; ++k) {
    if (k < e && v_->Str(k) != ",") continue;
    if (k > b) {
      std::string r = ResolvePart(a, b, k);
      if (!r.empty()) return r;
    }
    b = k + 1;
  }
  return {};
}

std::string Resolver::ResolvePart(const Attribution& a, uint32_t b, uint32_t head_end) const {
  const auto& T = v_->toks;
  (void)a;
  std::string_view first = T[b].low;
  if (head_end == b + 1 && (first == "he" || first == "she")) {
    size_t p = MostRecent(b, first == "he" ? kMale : kFemale);
    return p == std::string::npos ? std::string() : Display(p);
  }
  if (head_end == b + 1 && (first == "who" || first == "which") && b >= 2 &&
      v_->Str(b - 1) == ",") {
    size_t p = MostRecent(b, kUnknown);
    return p == std::string::npos ? std::string() : Display(p);
  }
  if (IsSubjectPronoun(first) && head_end == b + 1) return {};  // I, we, they, it, you
  // The last run of capitalised words in the head names the speaker.
  uint32_t re = head_end;
  while (re > b && !(T[re - 1].cap && T[re - 1].kind == TokenKind::kWord)) --re;
  uint32_t rb = re;
  while (rb > b && ((T[rb - 1].cap && T[rb - 1].kind == TokenKind::kWord) ||
                    (v_->Str(rb - 1) == "." && rb - 1 > b)))
    --rb;
  bool ends_lower = head_end > b && !T[head_end - 1].cap;
  bool definite = IsDeterminer(first);
  if (re > rb && !ends_lower) {
    std::vector<uint32_t>& name = name_;
    NameTokens(rb, re, name);
    if (definite && first != "his" && first != "her" && first != "their") {
      // An organisation as named: "the White House".
      std::string s(v_->text.substr(T[b].span.begin, T[head_end - 1].span.end - T[b].span.begin));
      return s;
    }
    if (name.size() >= 2) {
      std::string s;
      for (uint32_t x : name) {
        if (!s.empty()) s += ' ';
        s += StripPossessive(v_->Str(x));
      }
      // Prefer a fuller known name ending with it ("Teigen" -> "Chrissy Teigen").
      return s;
    }
    if (name.size() == 1) {
      size_t p = FindByWord(StripPossessive(T[name[0]].low), b);
      if (p != std::string::npos) return Display(p);
      return std::string(StripPossessive(v_->Str(name[0])));
    }
  }
  // A description ("the 36-year-old", "the Lip Sync Battle host"): the main
  // person of the article, when it is also the last person mentioned.
  if (definite && first == "the") {
    size_t main = main_person_;
    if (main != std::string::npos && MostRecent(b, kUnknown) == main) return Display(main);
  }
  return {};
}

}  // namespace

void ResolveSpeakers(const ArticleView& view, std::vector<Attribution>& attributions) {
  thread_local Resolver r;
  r.Reset(view);
  for (Attribution& a : attributions) a.speaker = r.Resolve(a);
}

}  // namespace chorus::quotes
