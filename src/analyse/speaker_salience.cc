// Resolving sources to speakers: pronouns by salience, names, descriptions;
// see speaker_resolver.h and speaker_resolver_impl.h.
#include <algorithm>
#include <cmath>
#include <string>

#include "analyse/cue_lexicon.h"
#include "analyse/speaker_resolver_impl.h"
#include "analyse/speaker_words.h"

namespace chorus::quotes::speakers {

size_t Resolver::PersonAt(uint32_t tok) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), tok,
                             [](const Mention& m, uint32_t t) { return m.tok < t; });
  return it != mentions_.end() && it->tok == tok ? it->person : std::string::npos;
}

// Salience in the manner of Lappin and Leass (1994): each mention of a person
// in the sentences before the pronoun (and before it in its own) adds a weight
// that halves with every sentence back; a mention is worth more when it is
// the first person its sentence names (most often the subject, whom a later
// "he" continues) and when the person spoke there (a source chorus has
// resolved). A person whose gender disagrees (from pronouns, a title or a
// first name) is no candidate; one whose gender is unknown counts in full.
// News continues its subject and its last speaker; the old rule, the most recent person of the
// right gender, took "Peabody Energy" for the "he" that continues "Mr. Obama dismissed the
// criticism as the voice of Mr. Tribe's client, Peabody Energy".
size_t Resolver::Salient(uint32_t b, Gender g) const {
  // (On train's labelled pronouns, eval/speakers: a subject weight of 150
  // against 80, and no discount for a person of unknown gender against
  // half, each 0.02-0.04 more right; 2 or 5 sentences back against 3, and a
  // speaker's weight of 30 or 120 against 60, no better.)
  constexpr uint32_t kSentencesBack = 3;
  constexpr double kMention = 100, kSubject = 150, kSpoke = 60;
  constexpr size_t kSalienceReach = 64;
  const uint32_t sent = v_->toks[b].sent;
  scores_.clear();
  auto add = [&](size_t person, uint32_t at, double w) {
    const Gender pg = people_[person].gender();
    if (g != kUnknown && pg != kUnknown && pg != g) return;
    w = std::ldexp(w, -static_cast<int>(sent - at));
    for (auto& [q, score] : scores_)
      if (q == person) {
        score += w;
        return;
      }
    scores_.emplace_back(person, w);
  };
  const size_t end =
      static_cast<size_t>(std::lower_bound(mentions_.begin(), mentions_.end(), b,
                                           [](const Mention& m, uint32_t t) { return m.tok < t; }) -
                          mentions_.begin());
  // (At most kSalienceReach mentions and sources back: the candidates are
  // summed by a linear search, so both stay small whatever the text.)
  for (size_t m = end, seen = 0; m-- > 0 && seen < kSalienceReach; ++seen) {
    if (sent - mentions_[m].sent > kSentencesBack) break;
    add(mentions_[m].person, mentions_[m].sent, kMention + (mentions_[m].subject ? kSubject : 0));
  }
  for (size_t m = spoken_.size(), seen = 0; m-- > 0 && seen < kSalienceReach; ++seen) {
    const Spoken& x = spoken_[m];
    if (x.tok >= b) continue;
    if (sent - x.sent > kSentencesBack) break;
    add(x.person, x.sent, kSpoke + (x.pronoun ? kMention + kSubject : 0));
  }
  // The highest score; on a tie, one whose pronouns agree, then the one
  // found first (the most recent). None within reach: the most recent
  // person further back whose pronouns agree or are unknown.
  size_t best = std::string::npos;
  double best_score = 0;
  bool best_agrees = false;
  for (const auto& [person, score] : scores_) {
    const bool agrees = g != kUnknown && people_[person].gender() == g;
    if (score > best_score || (score == best_score && agrees && !best_agrees)) {
      best = person;
      best_score = score;
      best_agrees = agrees;
    }
  }
  return best != std::string::npos ? best : MostRecent(b, g);
}

Resolved Resolver::Resolve(const Attribution& a) {
  const auto& T = v_->toks;
  if (a.source.empty()) return {};
  uint32_t b = v_->TokenAt(a.source[0].begin);
  uint32_t e = b;
  while (e < T.size() && T[e].span.end <= a.source[0].end) ++e;
  if (b >= e) return {};
  // Comma-separated parts: "Hugh Hill, a doctor," is Hugh Hill; "the
  // authority's chief engineer, Tomas Reyes," is Tomas Reyes.
  // A part that only describes ("The state's campaign chairman, Phil
  // Lovas") yields to a later part that names.
  const uint32_t first = b;
  Resolved found;
  bool described = false;
  for (uint32_t k = b; k <= e && (found.name.empty() || described); ++k) {
    if (k < e && v_->Str(k) != ",") continue;
    if (k > b) {
      bool by_description = false;
      Resolved r = ResolvePart(b, k, by_description);
      if (!r.name.empty() && (found.name.empty() || !by_description)) {
        found = std::move(r);
        described = by_description;
      }
    }
    b = k + 1;
  }
  if (found.person != std::string::npos) {
    const bool pronoun = PronounGender(T[first].low) != 0 &&
                         (first + 1 == e || (first + 1 < e && v_->Str(first + 1) == ","));
    if (spoken_.empty() || spoken_.back().tok < first)
      spoken_.push_back({first, T[first].sent, found.person, pronoun});
  }
  return found;
}

Resolved Resolver::ResolvePart(uint32_t b, uint32_t head_end, bool& by_description) const {
  const auto& T = v_->toks;
  auto person = [&](size_t p) {
    return p == std::string::npos ? Resolved{} : Resolved{Display(p), p};
  };
  std::string_view first = T[b].low;
  if (head_end == b + 1 && (first == "he" || first == "she"))
    return person(Salient(b, first == "he" ? kMale : kFemale));
  if (head_end == b + 1 && (first == "who" || first == "which") && b >= 2 && v_->Str(b - 1) == ",")
    return person(MostRecent(b, kUnknown));
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
    // An organisation as named: "the White House", "NBC News"; but "the Rev.
    // Al Sharpton" is a person, titled.
    const bool titled = b + 1 < head_end && IsTitleWord(T[b + 1].low);
    const bool organisation = IsNotPersonLastWord(StripPossessive(T[re - 1].low));
    if ((definite && !titled && first != "his" && first != "her" && first != "their") ||
        (organisation && !IsPossessive(re - 1))) {
      const uint32_t from = definite ? b : rb;
      return {std::string(
          v_->text.substr(T[from].span.begin, T[head_end - 1].span.end - T[from].span.begin))};
    }
    if (name.size() >= 2) {
      return {NameString(name.data(), name.size()), PersonAt(name.front())};
    }
    if (name.size() == 1) {
      size_t p = FindByWord(StripPossessive(T[name[0]].low), b);
      if (p != std::string::npos) return person(p);
      return {std::string(StripPossessive(v_->Str(name[0])))};
    }
  }
  // A description of a person ("the 36-year-old", "the Lip Sync Battle
  // host"): the main person of the article, when it is also the last person
  // mentioned; else the most salient person, as for a pronoun.
  if (definite && first == "the" && IsPersonNoun(T[head_end - 1].low)) {
    by_description = true;
    size_t main = main_person_;
    if (main != std::string::npos && MostRecent(b, kUnknown) == main) return person(main);
    // "the businessman", "the actress": the noun's gender, when it has one.
    const char g = PersonNounGender(T[head_end - 1].low);
    return person(Salient(b, g == 'm' ? kMale : g == 'f' ? kFemale : kUnknown));
  }
  return {};
}

}  // namespace chorus::quotes::speakers
