// The extent of a source before its cue that ends with a comma: an
// appositive chain back to its head ("Hugh Hill, a doctor, said"); moved out
// of attribution_sources.cc in round 27c (which keeps that file under 600
// lines). See attribution_finder.h.
#include "analyse/attribution_finder.h"

namespace chorus::quotes {

std::pair<uint32_t, uint32_t> Finder::Appositive(uint32_t lo, uint32_t end) const {
  // "Hugh Hill, a doctor, said" / "Small, who attended the rally, said":
  // segments separated by commas back to a head that is a name or a noun
  // phrase opening the clause.
  const auto& T = v_.toks;
  uint32_t k = end - 1;  // the comma before the verb
  // A head that is a noun phrase ("the foreign minister of France, a member
  // of the council, said") gives way to a name one segment further left
  // ("Jean-Marc Ayrault, the foreign minister of France, ...").
  std::pair<uint32_t, uint32_t> phrase{kNone, kNone};
  for (int segments = 0; segments < 3; ++segments) {
    // Find the comma that opens this segment.
    // An appositive may hold a quoted title ("the co-author of “Going Viral,”")
    // and run long ("a top operative who played a major role in … and is now
    // running …"): PolNeAR train annotates the whole chain.
    uint32_t c = k;
    auto sep = [&](uint32_t x) { return Is(x, ",") && T[x].quote < 0; };
    uint32_t most = segments == 0 ? 40 : 20;  // the one right before the cue may run long
    while (c > lo && !sep(c - 1) && !Is(c - 1, ";") && !Is(c - 1, ":") && k - c < most) --c;
    if (c <= lo || !sep(c - 1)) return phrase;
    // The head: the words before that comma, back to the clause start.
    uint32_t h = c - 1;
    uint32_t b = h;
    // A party tag before the comma: "Rep. Elijah Cummings (D-Md.), chair of ...".
    if (b > lo + 2 && Is(b - 1, ")")) {
      uint32_t x = b - 1;
      while (x > lo && !Is(x, "(") && b - x < 6) --x;
      if (Is(x, "(") && x > lo && T[x - 1].cap) b = x;
    }
    // ("The Central and East European Coalition"; round 27: "Zeliff and
    // 24-year-old Tom Giancola, a fellow …, explained", a name and a word of
    // no closed class. Train: 97 gold sources hold "Name and <lower-case>".)
    auto name_and = [&](uint32_t x) {
      if (!Is(x, "and") || x <= lo || !T[x - 1].cap || IsPunct(x - 1)) return false;
      if (T[x + 1].cap) return true;
      const Tok& n = T[x + 1];
      return n.kind != TokenKind::kPunct && n.quote < 0 && !IsClosedClass(n.low) &&
             n.cue == CueKind::kNone && !Adverb(x + 1);
    };
    while (b > lo && T[b - 1].quote < 0 && !IsPunct(b - 1) && h - b < 8 &&
           (!IsClauseWord(T[b - 1].low) || name_and(b - 1)) && T[b - 1].cue == CueKind::kNone)
      --b;
    while (b > lo && Is(b - 1, ".") && b - 1 > lo && T[b - 2].cap) {  // "Sen. Ron Johnson"
      b -= 2;
      while (b > lo && T[b - 1].cap && !IsPunct(b - 1)) --b;
    }
    // Round 23: "Even China, Pyongyang's only ally …, said": "even" before
    // the head is no part of it (PolNeAR train leaves a leading "even" out of
    // 29 sources and keeps it in 8, among them "Even Rendell, a stalwart
    // Clinton supporter," and "Even Lindsey Graham, who has endorsed Cruz").
    const bool at_start = b == lo || IsPunct(b - 1) || IsClauseWord(T[b - 1].low);
    // Round 27: a pronoun before an interjection, "he, once again, pledged",
    // "who, on a press call Friday, criticized": the pronoun alone (train 4 of 4).
    if (segments == 0 && b + 1 == h && at_start && IsSubjectPronoun(T[b].low) && !Is(b, "it") &&
        !Is(b, "which"))
      return {b, b + 1};
    if (b + 1 < h && at_start && Is(b, "even") && T[b + 1].cap && T[b + 1].kind == TokenKind::kWord)
      return {b + 1, end};
    if (b < h && T[b].cap && !IsAdverbialStarter(T[b].low)) {
      bool at_clause_start = b == lo || IsPunct(b - 1) || IsClauseWord(T[b - 1].low);
      if (at_clause_start) return {b, end};
    }
    if (phrase.first != kNone) return phrase;
    if (b < h && IsDeterminer(T[b].low) && (b == lo || IsPunct(b - 1))) {
      phrase = {b, end};
      if (b == lo || !sep(b - 1)) return phrase;
    }
    k = c - 1;  // try one more segment to the left
  }
  return phrase;
}

// See attribution_finder.h (round 11).
bool Finder::AppositiveSubject(uint32_t lo, uint32_t t) const {
  const auto src = SourceBefore(t);
  if (src.first == kNone || src.first > lo + 1 || !v_.toks[src.first].cap) return false;
  bool comma = false, relative = false;
  for (uint32_t k = src.first; k < src.second; ++k) {
    // "…, will work, said X" is a clause; "X, a Republican who has
    // refused to …, said" an appositive with a relative clause.
    if ((Aux(k) || IsPassiveAux(v_.toks[k].low)) && !relative) return false;
    if (Is(k, ",")) comma = true, relative = false;
    if (Is(k, "who") || Is(k, "which")) relative = true;
  }
  return comma;
}

}  // namespace chorus::quotes
