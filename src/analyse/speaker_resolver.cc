// Canonical speakers; see speaker_resolver.h.
#include "analyse/speaker_resolver.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

#include "analyse/cue_lexicon.h"
#include "analyse/speaker_resolver_impl.h"
#include "analyse/speaker_words.h"
#include "analyse/word_list.h"

namespace chorus::quotes::speakers {

void Resolver::NameTokens(uint32_t b, uint32_t e, std::vector<uint32_t>& out) const {
  const auto& T = v_->toks;
  out.clear();
  for (uint32_t k = b; k < e; ++k) {
    if (T[k].kind != TokenKind::kWord || !T[k].cap) continue;
    out.push_back(k);
  }
  // Drop leading titles, function words and outlets in capitals ("The",
  // "Sen", "Chairman", "CNN's Gloria Borger").
  size_t start = 0;
  while (start < out.size() &&
         (IsTitleWord(StripPossessive(T[out[start]].low)) || IsNotName(T[out[start]].low) ||
          (start + 1 < out.size() && InCapitals(out[start]))))
    ++start;
  // A title inside the run ends what comes before it: "Virginia Gov. Terry
  // McAuliffe", "FBI Director James Comey".
  for (size_t k = out.size(); k-- > start + 1;)
    if (k + 1 < out.size() && IsTitleWord(StripPossessive(T[out[k]].low))) {
      start = k + 1;
      break;
    }
  out.erase(out.begin(), out.begin() + static_cast<long>(start));
}

bool Resolver::InCapitals(uint32_t k) const {
  const std::string_view w = StripPossessive(v_->Str(k));
  const bool capitals = w.size() >= 2 && std::none_of(w.begin(), w.end(),
                                                      [](char c) { return c >= 'a' && c <= 'z'; });
  const bool numeral =  // "Vann R. Newkirk II"
      std::all_of(w.begin(), w.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
  return capitals && !numeral;
}

bool Resolver::NotPerson(const std::vector<uint32_t>& name) const {
  const auto& T = v_->toks;
  // A word in capitals is an acronym or a shouted headline ("POLITICO Off
  // Message", "FULL TEXT", "Trump RT"); a name ending in a day or a month
  // is a place and a date ("Florida Friday").
  for (uint32_t k : name)
    if (InCapitals(k)) return true;
  const std::string_view last = StripPossessive(T[name.back()].low);
  return IsPlaceFirstWord(T[name.front()].low) || IsNotPersonLastWord(last) ||
         (IsNotName(last) && last != "may");  // (Theresa May)
}

void Resolver::FindHeadlines() {
  // A sentence of four words or more, 80% of them capitalised, is a headline
  // or a label ("ESPN Fires Schilling Over Post"): its runs are no names.
  // (70% took "Hillary Clinton met Donald Trump in Ohio" for one; 80% against
  // 70% on train's labelled pronouns: .877 -> .889, and 90% .885.)
  const auto& T = v_->toks;
  headline_.assign(v_->sent_first.size(), 0);
  for (size_t st = 0; st < v_->sent_first.size(); ++st) {
    int words = 0, caps = 0;
    for (uint32_t k = v_->sent_first[st]; k < v_->sent_end[st]; ++k) {
      if (T[k].kind != TokenKind::kWord || T[k].quote >= 0) continue;
      ++words;
      caps += T[k].cap;
    }
    headline_[st] = words >= 4 && caps * 10 >= words * 8;
  }
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
  lone_person_by_word_.push_back(kNone);
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
    if (n == 1)  // a surname alone: found only when no fuller name has it
      lone_person_by_word_[ids[k]] = index;
    else if (first_person_by_word_[ids[k]] == kNone)
      first_person_by_word_[ids[k]] = index;
  people_.push_back(p);
  return index;
}

std::string Resolver::Display(size_t person) const {
  const Person& p = people_[person];
  return NameString(name_toks_.data() + p.first, p.n);
}

std::string Resolver::NameString(const uint32_t* toks, size_t n) const {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (!s.empty()) s += ' ';
    const std::string_view w = StripPossessive(v_->Str(toks[i]));
    s += w;
    // An initial or a suffix keeps its full stop ("Donald J. Trump", "Jr."),
    // not a surname that ends a sentence ("said Mayor Jane Doe.").
    const size_t end = v_->toks[toks[i]].span.end;
    const std::string_view low = v_->toks[toks[i]].low;
    const bool abbreviation = w.size() == 1 || low == "jr" || low == "sr";
    if (abbreviation && w.size() == v_->toks[toks[i]].span.size() && end < v_->text.size() &&
        v_->text[end] == '.')
      s += '.';
  }
  return s;
}

bool Resolver::OpensClause(uint32_t k) const {
  // Back to the sentence's start or a comma, over capitalised words and
  // titles only ("On Monday, Trump", "White House spokesman Josh Earnest").
  const auto& T = v_->toks;
  const uint32_t first = v_->sent_first[T[k].sent];
  for (uint32_t t = k, steps = 0; t > first && steps < 30; --t, ++steps) {
    const Tok& x = T[t - 1];
    if (x.kind == TokenKind::kPunct) {
      if (v_->Str(t - 1) == ",") return true;
      continue;
    }
    if (!x.cap && !IsTitleWord(x.low)) return false;
  }
  return true;
}

void Resolver::AddMention(uint32_t tok, size_t person, bool opens_clause) {
  Person& p = people_[person];
  p.mentions++;
  const uint32_t sent = v_->toks[tok].sent;
  const bool first_in_sentence = mentions_.empty() || mentions_.back().sent != sent;
  mentions_.push_back({tok, person, sent, first_in_sentence && opens_clause});
  if (p.n < 2) return;
  for (uint32_t k = p.first; k < p.first + p.n; ++k) {
    const uint32_t w = name_words_[k];
    if (last_tok_by_word_[w] == tok) continue;  // a name with the same word twice
    last_tok_by_word_[w] = tok;
    last_person_by_word_[w] = static_cast<uint32_t>(person);
    by_word_.push_back({w, {tok, person, 0, false}});
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
    bool after_article = (k > 0 && (T[k - 1].low == "the" || T[k - 1].low == "a")) ||
                         T[k].low == "the" || T[k].low == "a" || T[k].low == "an";
    if (after_article || headline_[T[k].sent] || (!name.empty() && NotPerson(name))) name.clear();
    size_t person = std::string::npos;
    if (name.size() >= 2 && name.size() <= 4) {
      person = Register(name);
    } else if (name.size() == 1) {
      person = FindByWord(StripPossessive(T[name[0]].low), name[0]);
      // A surname the article never gives in full is a person of its own
      // once a title comes before it or a verb of saying after it ("President
      // Obama", "Kasich said"): a later "he" can then reach it.
      bool titled = false;
      for (uint32_t t = k; t < name[0]; ++t) titled |= IsTitleWord(T[t].low);
      if (person == std::string::npos &&
          (titled || (e < n && T[e].cue == CueKind::kSpeech && T[e].low != "according")))
        person = Register(name);
    }
    if (person != std::string::npos) {
      // A first name tells the gender (once a person), as does a title ("Mr. Obama").
      if (name.size() >= 2 && people_[person].mentions == 0) {
        const char g = FirstNameGender(T[name.front()].low);
        if (g == 'm') people_[person].male += 2;
        if (g == 'f') people_[person].female += 2;
      }
      for (uint32_t t = k; t < name.front(); ++t) {
        if (T[t].low == "mr") people_[person].male += 2;
        if (T[t].low == "mrs" || T[t].low == "ms") people_[person].female += 2;
      }
      AddMention(name.front(), person, OpensClause(k));
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
  uint32_t p = first_person_by_word_[id];
  if (p == kNone) p = lone_person_by_word_[id];
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

}  // namespace chorus::quotes::speakers

namespace chorus::quotes {

void ResolveSpeakers(const ArticleView& view, std::vector<Attribution>& attributions) {
  thread_local speakers::Resolver r;
  thread_local std::vector<uint32_t> order;
  r.Reset(view);
  // In the order of the sources in the text (then as given).
  order.resize(attributions.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto at = [&](uint32_t i) {
    return attributions[i].source.empty() ? ~size_t{0} : attributions[i].source[0].begin;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t x, uint32_t y) { return at(x) < at(y); });
  for (uint32_t i : order) attributions[i].speaker = r.Resolve(attributions[i]).name;
}

}  // namespace chorus::quotes
