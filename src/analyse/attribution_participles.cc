// Subjects of participles (the source of a participle cue: the cue's before
// it, an absolute phrase's, the main clause's) and of a relative clause with
// no pronoun; see attribution_finder.h. Moved out of attribution_sources.cc
// in round 25 (which kept that file under 600 lines).
#include "analyse/attribution_finder.h"

namespace chorus::quotes {

namespace {
// A finite auxiliary or form of "be", right after a cue: the cue's clause is a
// relative one with no pronoun ("the congressman said is designed").
bool IsFiniteAux(std::string_view w) {
  for (std::string_view a : {"is", "are", "was", "were", "will", "would", "has", "have", "had",
                             "can", "could", "should", "may", "might", "must"})
    if (w == a) return true;
  return false;
}
}  // namespace

std::pair<uint32_t, uint32_t> Finder::ParticipleSubject(uint32_t s, uint32_t t) const {
  // "“…,” he said on MSNBC, adding that ...": the source of the cue before.
  const auto& T = v_.toks;
  uint32_t lo = v_.sent_first[s];
  if (auto abs = AbsoluteSubject(t); abs.first != kNone) return abs;
  // Round 23: "“…,” Sanders said, going on to say that …": the participle is
  // "going" (PolNeAR train and dev: 4 "…, going on to <verb>" cues, all with
  // the source of the verb before the comma).
  if (const uint32_t g = GoesOnTo(t); g != kNone && Is(g, "going")) t = g;
  // (Round 16: and past an adverb after the comma: "“…,” Trump told
  // reporters, before insisting …", "Devine said, instead seeking …".
  // PolNeAR train: 23 gold cues are a participle after ", before|instead|
  // also|then|while|even", all with a source; chorus found 4 of the cues, with
  // no source. This fills 2 of those sources and finds one more cue with its
  // source ("…,” Cruz replied, before adding …"); the other 33 such
  // participles are no gold cue and stay unattributed.)
  const uint32_t t0 = t;
  if (t > lo + 1 && Is(t - 2, ",") &&
      (Is(t - 1, "before") || Is(t - 1, "instead") || Is(t - 1, "also") || Is(t - 1, "then") ||
       Is(t - 1, "while") || Is(t - 1, "even")))
    --t;
  if (t > lo && Is(t - 1, ",")) {
    for (uint32_t k = t - 1; k > lo && t - k < 10; --k) {
      uint32_t c = k - 1;
      if (T[c].quote >= 0) break;
      if (T[c].cue != CueKind::kSpeech && T[c].cue != CueKind::kLearned) continue;
      if (c > lo && Is(c - 1, "to")) continue;  // "appeared to oppose …, saying"
      // After a determiner a cue word is an adjective: "spoke about the
      // proposed border wall, saying".
      if (c > lo && IsDeterminer(T[c - 1].low)) continue;
      auto src = SourceBefore(c);
      // "“…,” said Graham, adding ...": the source follows the cue.
      // (And with the comma inside the mark: "“…,” said Skelly, explaining …".)
      if (src.first == kNone && c >= lo + 2 &&
          ((Is(c - 1, ",") && T[c - 2].quote >= 0) || T[c - 1].quote >= 0))
        src = SourceAfter(c + 1, t - 1);
      if (src.first != kNone && src.second < t) return src;
      break;
    }
  }
  t = t0;
  if (auto main = MainClauseSubject(t); main.first != kNone) return main;
  // Round 25: "“…,” Blige sings to Clinton before asking her, “…”": a
  // participle right after "before" or "after" (no comma) is the main
  // clause's; when that clause is a quotation's post cue, the participle
  // takes its source. PolNeAR train: 4 of 5 participle cues right after
  // "before"/"after" have the main clause's subject as source (the fifth,
  // "His comments came after being asked", none); dev 1 of 1.
  if (t > lo + 1 && (Is(t - 1, "before") || Is(t - 1, "after")) && !Is(t - 2, ",") &&
      T[t - 1].quote < 0) {
    // (Only there: VerbSubjectBefore from "before" changed 2 reported train
    // attributions, 1 to gold's, and its retrained models lowered train.)
    for (uint32_t k = t - 1; k > lo && t - k < 12; --k) {
      if (T[k - 1].quote < 0) continue;
      Found probe;
      if (PostCue(static_cast<uint32_t>(T[k - 1].quote), probe) && probe.cue_tok != kNone &&
          probe.cue_tok < t - 1 && probe.src_first != kNone && probe.src_end <= t - 1)
        return {probe.src_first, probe.src_end};
      break;
    }
  }
  // ... and a participle right after "by" ("On September 27 they published
  // the results of their check by announcing that …": the subject of the
  // verb before it), when the sentence's subject is not found (a fronted
  // phrase with no comma, which SubjectOf returns and DropLeadingAdverbial
  // drops). PolNeAR train: 17 of 18 gold cues that are a participle after
  // "by" have the main clause's subject as source.
  const auto subj = SubjectOf(s, t);
  if (subj.first == kNone || !IsPreposition(T[subj.first].low)) return subj;
  if (t > lo + 1 && (Is(t - 1, "by") || Is(t - 1, "before") || Is(t - 1, "after")) &&
      !Is(t - 2, ",") && T[t - 1].quote < 0)
    if (auto main = VerbSubjectBefore(lo, t - 1, true); main.first != kNone) return main;
  return subj;
}

// Round 25: a participle opening its sentence (after "And", "But" and a
// preposition: "After saying", "And in explaining") frames the main clause,
// whose subject is its source, after the comma or the quotation closing the
// participle's clause: "After saying her right foot was “so swollen I could
// barely get my shoe on,” she was “whisked …”", "Conceding that there would
// be a trade agreement “down the line” he warned: “…”", "Acknowledging that
// Trump “says a lot of stupid stuff,” though, Allen did suggest …". PolNeAR
// train: of 21 gold cues that are such a participle with a quotation after
// it in the sentence, 19 have the main clause's subject as source (the other
// two, "Ending “welfare as we know it.”", "Harking back to the “Great
// Game,” …", none); dev 1 of 1. Not a relative pronoun after a comma ("…
// for the state primary, which is scheduled …, the commission recognized").
// Run sets it when the rules found no source (in ParticipleSubject it
// changed which cue PreCue takes for later quotations, and their contents).
std::pair<uint32_t, uint32_t> Finder::FrontedParticipleSubject(uint32_t t) const {
  const auto& T = v_.toks;
  const uint32_t s = T[t].sent, lo = v_.sent_first[s], end = v_.sent_end[s];
  if (!T[t].low.ends_with("ing") || T[t].quote >= 0) return {kNone, kNone};
  uint32_t k = lo;
  if (k < t && (Is(k, "and") || Is(k, "but"))) ++k;
  if (k < t && (Is(k, "after") || Is(k, "before") || Is(k, "while") || Is(k, "in") || Is(k, "by") ||
                Is(k, "upon") || Is(k, "on") || Is(k, "when")))
    ++k;
  if (k != t) return {kNone, kNone};
  // The clause ends at a comma or a quotation's end before a subject.
  for (uint32_t p = t + 2; p < end && p < t + 50; ++p) {
    if (T[p].quote >= 0) continue;
    const bool after_comma = Is(p - 1, ",") && T[p - 1].quote < 0;
    const bool after_quote = T[p - 1].quote >= 0;
    if (!after_comma && !after_quote) continue;
    uint32_t b = p;
    if (b + 1 < end && (Is(b, "though") || Is(b, "however")) && Is(b + 1, ",")) b += 2;
    if (b >= end || T[b].quote >= 0 || IsPunct(b)) continue;
    if (!(T[b].cap || IsSubjectPronoun(T[b].low) || IsDeterminer(T[b].low)) ||
        IsClauseWord(T[b].low) || Is(b, "that") || Is(b, "which") || Is(b, "who"))
      continue;
    // The main verb: the first auxiliary, cue or -ed word after it.
    for (uint32_t v = b + 1; v < end && v < b + 12; ++v) {
      if (T[v].quote >= 0 || IsPunct(v)) break;
      const Tok& w = T[v];
      const bool verb = !w.cap && w.kind == TokenKind::kWord &&
                        (Aux(v) || IsPassiveAux(w.low) || Cue(v) != CueKind::kNone ||
                         (w.low.size() > 4 && w.low.ends_with("ed")));
      if (!verb) continue;
      auto src = SourceBefore(v);
      if (src.first == b && SourceShape(src.first, src.second)) return src;
      break;
    }
    break;
  }
  return {kNone, kNone};
}

uint32_t Finder::ObjectRelativeStart(uint32_t t, std::pair<uint32_t, uint32_t> src) const {
  // Round 25: a cue followed by a finite verb heads a relative clause with no
  // pronoun, its object the noun before the subject: "meddling the
  // California congressman said is designed to “…”", "the ones State now
  // says are “top secret”", "a probe the law enforcement agency said was
  // ongoing". The source starts after that noun: of the direct and reported
  // cues before a finite verb, PolNeAR train starts the source there in the 2
  // direct ones (dev 1 of 1). Only with a quotation in the clause (within
  // 10 tokens): for every such cue, 6 train sources changed (5 reported), all
  // to gold's, but the retrained models lowered dev all content (.82486 ->
  // .82477: a reported attribution the cue context model no longer admits).
  const auto& T = v_.toks;
  const uint32_t s = T[t].sent;
  auto quoted_clause = [&] {  // (a quotation in the clause)
    for (uint32_t k = t + 2; k < T.size() && k < t + 12 && T[k].sent == s; ++k)
      if (T[k].quote >= 0) return true;
    return false;
  };
  if (src.second > src.first + 1 && t + 1 < T.size() && T[t + 1].quote < 0 && T[t + 1].sent == s &&
      IsFiniteAux(T[t + 1].low) && quoted_clause()) {
    for (uint32_t p = src.second - 1; p > src.first; --p) {
      const Tok& h = T[p - 1];
      if (h.cap || h.kind != TokenKind::kWord || IsDeterminer(h.low) || IsPreposition(h.low) ||
          IsClauseWord(h.low) || IsQuantifier(h.low) || Adverb(p - 1) || h.low.ends_with("ed"))
        continue;
      // (A name after an -ing word is one phrase: "leading Democrats".)
      if ((Is(p, "the") || Is(p, "a") || Is(p, "an")) ||
          (T[p].cap && T[p].kind == TokenKind::kWord &&
           (!h.low.ends_with("ing") || h.low.ends_with("thing")))) {
        return p;
      }
    }
  }
  return src.first;
}

}  // namespace chorus::quotes
