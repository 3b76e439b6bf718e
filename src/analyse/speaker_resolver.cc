// Canonical speakers; see speaker_resolver.h.
#include "analyse/speaker_resolver.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <unordered_map>

#include "analyse/cue_lexicon.h"
#include "analyse/word_list.h"

namespace chorus::quotes {

namespace {

// Capitalised words that are titles or roles, not names: dropped from the
// front of a name ("Sen. Ted Cruz", "Chairman Reince Priebus").
constexpr auto kTitleWords = Sorted(std::array<std::string_view, 64>{"mr",
                                                                     "mrs",
                                                                     "ms",
                                                                     "miss",
                                                                     "dr",
                                                                     "sen",
                                                                     "senator",
                                                                     "gov",
                                                                     "governor",
                                                                     "rep",
                                                                     "representative",
                                                                     "president",
                                                                     "vice",
                                                                     "secretary",
                                                                     "chairman",
                                                                     "chairwoman",
                                                                     "chair",
                                                                     "ceo",
                                                                     "director",
                                                                     "spokesman",
                                                                     "spokeswoman",
                                                                     "attorney",
                                                                     "general",
                                                                     "judge",
                                                                     "justice",
                                                                     "mayor",
                                                                     "leader",
                                                                     "speaker",
                                                                     "minister",
                                                                     "prime",
                                                                     "former",
                                                                     "republican",
                                                                     "democratic",
                                                                     "democrat",
                                                                     "gop",
                                                                     "candidate",
                                                                     "nominee",
                                                                     "sir",
                                                                     "lord",
                                                                     "lady",
                                                                     "prof",
                                                                     "professor",
                                                                     "rev",
                                                                     "pope",
                                                                     "king",
                                                                     "queen",
                                                                     "prince",
                                                                     "princess",
                                                                     "gen",
                                                                     "col",
                                                                     "lt",
                                                                     "sgt",
                                                                     "capt",
                                                                     "adm",
                                                                     "commissioner",
                                                                     "chief",
                                                                     "executive",
                                                                     "host",
                                                                     "anchor",
                                                                     "model",
                                                                     "actor",
                                                                     "actress",
                                                                     "star",
                                                                     "officer"});

constexpr auto kNotNames = Sorted(std::array<std::string_view, 36>{
    "the",       "a",        "an",       "as",       "but",    "and",     "in",        "on",
    "at",        "after",    "before",   "when",     "while",  "then",    "now",       "later",
    "january",   "february", "march",    "april",    "may",    "june",    "july",      "august",
    "september", "october",  "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday",    "saturday", "sunday",   "read"});

bool IsTitleWord(std::string_view w) {
  return In(kTitleWords, w);
}
bool IsNotName(std::string_view w) {
  return In(kNotNames, w);
}

enum Gender : uint8_t { kUnknown = 0, kMale = 1, kFemale = 2 };

struct Person {
  std::vector<std::string> words;  // lower-cased name words, e.g. {"chrissy", "teigen"}
  std::string display;             // "Chrissy Teigen"
  int male = 0, female = 0;        // pronouns seen after its mentions
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

class Resolver {
 public:
  explicit Resolver(const ArticleView& v) : v_(v) {
    CollectNames();
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
  size_t Register(const std::vector<uint32_t>& toks);
  // The person a single name word refers to (surname or first name), or npos.
  size_t FindByWord(std::string_view w, uint32_t before) const;
  size_t MostRecent(uint32_t before, Gender g) const;
  size_t FindMainPerson() const;
  void AddMention(uint32_t tok, size_t person);

  // Mentions looked back over by MostRecent, at most (keeps resolution linear).
  static constexpr size_t kMaxLookBack = 1000;

  const ArticleView& v_;
  std::vector<Person> people_;
  std::vector<Mention> mentions_;  // in text order
  // Indexes that keep every lookup independent of the number of names:
  // person by its words joined with '\x1f'; mentions (in text order) of the
  // people whose name has a word; the first person registered with a word.
  // Looked up by string_view: no copy of the word to find it.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
  };
  template <class V>
  using ByWord = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  ByWord<size_t> person_by_name_;
  ByWord<std::vector<Mention>> mentions_by_word_;
  ByWord<size_t> first_person_by_word_;
  size_t main_person_ = std::string::npos;
  mutable std::vector<uint32_t> name_;  // scratch for NameTokens
  std::string key_;                     // scratch for Register
};

void Resolver::NameTokens(uint32_t b, uint32_t e, std::vector<uint32_t>& out) const {
  const auto& T = v_.toks;
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

size_t Resolver::Register(const std::vector<uint32_t>& toks) {
  key_.clear();
  for (uint32_t k : toks) {
    key_ += StripPossessive(v_.toks[k].low);
    key_ += '\x1f';
  }
  if (auto it = person_by_name_.find(std::string_view(key_)); it != person_by_name_.end())
    return it->second;
  person_by_name_.emplace(key_, people_.size());
  Person p;
  for (uint32_t k : toks) {
    p.words.emplace_back(StripPossessive(v_.toks[k].low));
    if (!p.display.empty()) p.display += ' ';
    p.display += StripPossessive(v_.Str(k));
  }
  for (const std::string& w : p.words) first_person_by_word_.emplace(w, people_.size());
  people_.push_back(std::move(p));
  return people_.size() - 1;
}

void Resolver::AddMention(uint32_t tok, size_t person) {
  people_[person].mentions++;
  mentions_.push_back({tok, person});
  if (people_[person].words.size() < 2) return;
  for (const std::string& w : people_[person].words) {
    auto it = mentions_by_word_.find(std::string_view(w));
    if (it == mentions_by_word_.end()) it = mentions_by_word_.emplace(w, 0).first;
    std::vector<Mention>& list = it->second;
    if (list.empty() || list.back().tok != tok) list.push_back({tok, person});
  }
}

// 'm' for he, his, him, himself; 'f' for she, her, hers, herself; else 0.
char PronounGender(std::string_view w) {
  switch (w.size()) {
    case 2:
      return w == "he" ? 'm' : 0;
    case 3:
      return w == "his" || w == "him" ? 'm' : w == "she" || w == "her" ? 'f' : 0;
    case 4:
      return w == "hers" ? 'f' : 0;
    case 7:
      return w == "himself" ? 'm' : w == "herself" ? 'f' : 0;
    default:
      return 0;
  }
}

void Resolver::CollectNames() {
  const auto& T = v_.toks;
  uint32_t n = static_cast<uint32_t>(T.size());
  std::vector<uint32_t> name;
  for (uint32_t k = 0; k < n;) {
    if (T[k].quote >= 0 || !T[k].cap || T[k].kind != TokenKind::kWord) {
      ++k;
      continue;
    }
    // A run of capitalised words, with initials ("John F. Kennedy").
    uint32_t e = k;
    while (e < n && T[e].quote < 0 && T[e].sent == T[k].sent &&
           ((T[e].cap && T[e].kind == TokenKind::kWord) ||
            (v_.Str(e) == "." && e > k && T[e - 1].span.size() <= 3 && e + 1 < n && T[e + 1].cap)))
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
  if (auto it = mentions_by_word_.find(w); it != mentions_by_word_.end()) {
    const std::vector<Mention>& list = it->second;
    auto after = std::lower_bound(list.begin(), list.end(), before,
                                  [](const Mention& m, uint32_t t) { return m.tok < t; });
    if (after != list.begin()) return std::prev(after)->person;
  }
  auto it = first_person_by_word_.find(w);
  return it == first_person_by_word_.end() ? std::string::npos : it->second;
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
  const auto& T = v_.toks;
  if (a.source.empty()) return {};
  uint32_t b = v_.TokenAt(a.source[0].begin);
  uint32_t e = b;
  while (e < T.size() && T[e].span.end <= a.source[0].end) ++e;
  if (b >= e) return {};
  // Comma-separated parts: "Hugh Hill, a doctor," is Hugh Hill; "the
  // authority's chief engineer, Tomas Reyes," is Tomas Reyes.
  for (uint32_t k = b; k <= e; ++k) {
    if (k < e && v_.Str(k) != ",") continue;
    if (k > b) {
      std::string r = ResolvePart(a, b, k);
      if (!r.empty()) return r;
    }
    b = k + 1;
  }
  return {};
}

std::string Resolver::ResolvePart(const Attribution& a, uint32_t b, uint32_t head_end) const {
  const auto& T = v_.toks;
  (void)a;
  std::string_view first = T[b].low;
  if (head_end == b + 1 && (first == "he" || first == "she")) {
    size_t p = MostRecent(b, first == "he" ? kMale : kFemale);
    return p == std::string::npos ? std::string() : people_[p].display;
  }
  if (head_end == b + 1 && (first == "who" || first == "which") && b >= 2 && v_.Str(b - 1) == ",") {
    size_t p = MostRecent(b, kUnknown);
    return p == std::string::npos ? std::string() : people_[p].display;
  }
  if (IsSubjectPronoun(first) && head_end == b + 1) return {};  // I, we, they, it, you
  // The last run of capitalised words in the head names the speaker.
  uint32_t re = head_end;
  while (re > b && !(T[re - 1].cap && T[re - 1].kind == TokenKind::kWord)) --re;
  uint32_t rb = re;
  while (rb > b && ((T[rb - 1].cap && T[rb - 1].kind == TokenKind::kWord) ||
                    (v_.Str(rb - 1) == "." && rb - 1 > b)))
    --rb;
  bool ends_lower = head_end > b && !T[head_end - 1].cap;
  bool definite = IsDeterminer(first);
  if (re > rb && !ends_lower) {
    std::vector<uint32_t>& name = name_;
    NameTokens(rb, re, name);
    if (definite && first != "his" && first != "her" && first != "their") {
      // An organisation as named: "the White House".
      std::string s(v_.text.substr(T[b].span.begin, T[head_end - 1].span.end - T[b].span.begin));
      return s;
    }
    if (name.size() >= 2) {
      std::string s;
      for (uint32_t x : name) {
        if (!s.empty()) s += ' ';
        s += StripPossessive(v_.Str(x));
      }
      // Prefer a fuller known name ending with it ("Teigen" -> "Chrissy Teigen").
      return s;
    }
    if (name.size() == 1) {
      size_t p = FindByWord(StripPossessive(T[name[0]].low), b);
      if (p != std::string::npos) return people_[p].display;
      return std::string(StripPossessive(v_.Str(name[0])));
    }
  }
  // A description ("the 36-year-old", "the Lip Sync Battle host"): the main
  // person of the article, when it is also the last person mentioned.
  if (definite && first == "the") {
    size_t main = main_person_;
    if (main != std::string::npos && MostRecent(b, kUnknown) == main) return people_[main].display;
  }
  return {};
}

}  // namespace

void ResolveSpeakers(const ArticleView& view, std::vector<Attribution>& attributions) {
  Resolver r(view);
  for (Attribution& a : attributions) a.speaker = r.Resolve(a);
}

}  // namespace chorus::quotes
