// Where a cue's content starts after it (past "that", a parenthetical, an
// adjunct or an object) and where a sentence's content ends; see
// attribution_finder.h. Moved out of attribution_reported.cc in round 22.
#include "analyse/attribution_finder.h"

namespace chorus::quotes {

uint32_t Finder::ContentStart(uint32_t t, uint32_t end) const {
  const auto& T = v_.toks;
  uint32_t c = v_.TokenAt(CueSpan(t).end);  // after "according to", "called for" ...
  // Round 22: "said, without evidence, that …": a parenthetical between commas
  // after the cue (train: 11 of 11 such contents start at "that" in gold).
  if (c < end && Is(c, ","))
    for (uint32_t k = c + 1; k < end && k < c + 14; ++k) {
      if (T[k].quote >= 0 || (IsPunct(k) && !Is(k, ","))) break;
      if (Is(k, ",")) {
        if (k > c + 1 && k + 1 < end && Is(k + 1, "that") && T[k + 1].quote < 0) return k + 1;
        break;
      }
    }
  // "said last month that ...", "said in court files that ...": start at "that".
  // After a prepositional adjunct the "that" may come later ("said in a
  // written statement in March that", "said in her opening remarks that"):
  // the adjunct's nouns are no cues.
  // (Round 22: also after "during", "before" …: "said during a Friday evening
  // rally in Michigan that …"; train 2 of 2, dev 1 of 1 start at "that".)
  const bool adjunct = c < end && !T[c].cap && !Is(c, "to") &&
                       (IsPreposition(T[c].low) || IsAdjunctPreposition(T[c].low));
  for (uint32_t k = c; k < end && k < c + (adjunct ? 10 : 6); ++k) {
    if (Is(k, "that")) return k;
    if (IsPunct(k) || T[k].quote >= 0 || (!adjunct && T[k].cue != CueKind::kNone)) break;
    // "said he is confident that ...": a clause of its own is the content.
    if (IsSubjectPronoun(T[k].low) || Aux(k)) break;
  }
  if (TakesObject(T[t].low)) {
    // "told reporters (on Monday) that ...", "told MSNBC's \"Morning Joe\"
    // that ...": start at "that" when it is near.
    for (uint32_t k = c; k < end && k < c + 8; ++k) {
      if (Is(k, "that") && T[k].quote < 0) return k;
      if (IsPunct(k) && !Is(k, ".") && !v_.IsQuoteMark(k)) break;
    }
    // Round 20b: or farther, past commas ("telling supporters in Columbus, Ohio, that").
    for (uint32_t k = c; k < end && k < c + 20; ++k) {
      if (Is(k, "that") && T[k].quote < 0) return k;
      if (T[k].quote >= 0 || (IsPunct(k) && !Is(k, ".") && !Is(k, ",")) ||
          IsSubjectPronoun(T[k].low) || Aux(k) || T[k].cue != CueKind::kNone || Is(k, "and"))
        break;
    }
    // Otherwise skip the object: a pronoun, a name, or "reporters".
    if (c < end && (T[c].cap || T[c].low == "him" || T[c].low == "her" || T[c].low == "them" ||
                    T[c].low == "me" || T[c].low == "us" || T[c].low == "reporters")) {
      ++c;
      while (c < end && T[c].cap) ++c;
    }
  }
  while (c < end && (Is(c, ",") || Is(c, ":"))) ++c;
  return c;
}

uint32_t Finder::ContentEnd(uint32_t s) const {
  uint32_t e = v_.sent_end[s];
  uint32_t b = v_.sent_first[s];
  while (e > b && IsPunct(e - 1) && !v_.IsQuoteMark(e - 1)) --e;
  return e;
}

}  // namespace chorus::quotes
