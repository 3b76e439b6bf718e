// Where a cue's content starts after it (past "that", a parenthetical, an
// adjunct or an object) and where a sentence's content ends; see
// attribution_finder.h. Moved out of attribution_reported.cc in round 22.
// Also the quotations no one is quoted in: titles and link lists (IsTitle,
// NobodysQuotation).
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

// Quotations no one is quoted in (see attribution_finder.h); moved from
// attribution.cc.
bool Finder::NobodysQuotation(uint32_t q) const {
  const auto& T = v_.toks;
  // A title, then "by" and a possessive name: "by Times' Ben Sisario",
  // "by the New York Post's Amy Spencer" (up to 8 tokens).
  auto byline_at = [&](uint32_t b) {
    if (b + 2 >= T.size() || !Is(b, "by") || T[b].quote >= 0) return false;
    for (uint32_t k = b + 1; k < T.size() && k < b + 9 && T[k].sent == T[b].sent; ++k) {
      const std::string_view w = v_.Str(k);
      if (T[k].quote >= 0 || (IsPunct(k) && !Is(k, "'") && w != "\xE2\x80\x99")) return false;
      const bool apostrophe = k > b + 1 && T[k - 1].cap && (Is(k, "'") || w == "\xE2\x80\x99");
      const bool possessive = T[k].cap && (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s"));
      if (apostrophe || possessive) return k + 1 < T.size() && T[k + 1].cap;
    }
    return false;
  };
  const uint32_t qf = v_.quote_first[q], qe = v_.quote_end[q];
  // A dated slogan or title: “No to Schengen” (2005), “…” (St. Gallen
  // election poster 2003) (PolNeAR train: 8, all in one article, none in a
  // gold attribution).
  if (qe < T.size() && Is(qe, "(")) {
    for (uint32_t k = qe + 1; k < T.size() && k < qe + 10 && T[k].quote < 0; ++k) {
      if (Is(k, ")")) {
        if (IsYear(k - 1)) return true;
        break;
      }
    }
  }
  // The title: “…,” by X's Y.
  if (qe >= 2 && Is(qe - 2, ",") && qe < T.size() && byline_at(qe)) return true;
  // The excerpt after it: “…,” by X's Y: “…”.
  if (qf < 2 || !Is(qf - 1, ":")) return false;
  for (uint32_t b = qf - 1; b > 0 && b + 10 > qf; --b)
    if (T[b - 1].quote >= 0) return byline_at(b);
  return false;
}

bool Finder::IsTitle(uint32_t q) const {
  const auto& T = v_.toks;
  if (v_.quotations[q].parts.size() != 1) return false;
  uint32_t words = 0, caps = 0;
  for (uint32_t k = v_.quote_first[q]; k < v_.quote_end[q]; ++k) {
    if (IsPunct(k)) {
      std::string_view p = v_.Str(k);
      // A title may close the sentence: on NBC's "Meet the Press."
      if (p == "." && k + 2 == v_.quote_end[q] && v_.IsQuoteMark(k + 1)) continue;
      if (p == "." || p == "!" || p == "?") return false;
      continue;
    }
    ++words;
    if (T[k].cap || T[k].kind == TokenKind::kNumber) {
      ++caps;
    } else if (!(T[k].low == "of" || T[k].low == "the" || T[k].low == "and" || T[k].low == "a" ||
                 T[k].low == "in" || T[k].low == "on" || T[k].low == "to" || T[k].low == "for" ||
                 T[k].low == "an" || T[k].low == "at" || T[k].low == "with")) {
      return false;
    }
  }
  return words > 0 && words <= 6 && caps > 0;
}

// Round 27: a quotation no cue claims, inside a "that" clause right after a
// verb of its sentence's subject ("The Sanders campaign projects that
// “imposing a tax …” would raise …", "His campaign protested that Clinton
// aides were being “disingenuous” …", "He anticipated that …"): the subject
// is its source. The verb is a lower-case word ending in "-ed" or "-s" (not a
// form of "be", "have" or "do"), its subject the phrase before it from the
// sentence's start. PolNeAR train: the rule sets 4 sources, all gold's; of the
// other such frames gold gives the possessive after "X's answer was that"
// (2, excluded with "was"), and "contrasted that with" is a pronoun.
std::pair<uint32_t, uint32_t> Finder::ThatClauseSubject(uint32_t q) const {
  const auto& T = v_.toks;
  const uint32_t first = v_.quote_first[q], s = T[first].sent, lo = v_.sent_first[s];
  for (uint32_t th = lo + 2; th < first && th < lo + 40; ++th) {
    if (T[th].quote >= 0 || Is(th, ",") || Is(th, ":") || Is(th, ";")) return {kNone, kNone};
    if (!Is(th, "that")) continue;
    // (A pronoun "that", "Graham contrasted that with Clinton", is no clause.)
    if (th + 1 < first && IsPreposition(T[th + 1].low)) return {kNone, kNone};
    const uint32_t v = th - 1;
    const Tok& w = T[v];
    const std::string_view l = w.low;
    if (w.cap || w.kind != TokenKind::kWord || l.size() < 4 || Aux(v) || Adverb(v) ||
        !(l.ends_with("ed") || l.ends_with("s")) || l.ends_with("ss") || l == "does" ||
        l == "this" || l == "thus" || IsClosedClass(l) || w.cue != CueKind::kNone)
      return {kNone, kNone};
    auto src = SourceBefore(v);
    if (src.first != lo || !SourceShape(src.first, src.second)) return {kNone, kNone};
    return src;
  }
  return {kNone, kNone};
}

}  // namespace chorus::quotes
