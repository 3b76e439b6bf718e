// Round 28: "Merkel heralded the deal with Turkey as a “breakthrough.”",
// "Cruz coached Trump to “breathe”": a verb, its object and "as" (with "a",
// "an" or "the") or "to" right before a quotation no other rule took; the verb
// (with a particle, "played down") the cue, its subject the source, the object
// and the quotation the content. PolNeAR train: gold puts 111 of the 121
// quotations right after "as" (a, an, the) in a direct content, and 103 of the
// 114 right after "to"; the verb and object test keeps "such as", "led to",
// "managed to" and "upgraded to" out.
#include "analyse/attribution_finder.h"

namespace chorus::quotes {

namespace {
// Particles kept with the verb in the cue: "played down", "summed up",
// "referred to".
bool IsParticle(std::string_view w) {
  return w == "up" || w == "down" || w == "off" || w == "out" || w == "to";
}
// Object pronouns that open the object of "V … as".
bool IsObjectPronoun(std::string_view w) {
  for (std::string_view p : {"him", "her", "them", "it", "me", "us", "you", "himself", "herself",
                             "themselves", "itself", "this", "that", "these", "those"})
    if (w == p) return true;
  return false;
}
}  // namespace

bool Finder::AsFrameVerb(uint32_t c, uint32_t lo) const {
  const Tok& k = v_.toks[c];
  if (k.kind != TokenKind::kWord || k.cap || k.quote >= 0 || k.low.size() <= 3 ||
      k.low.find('\'') != std::string_view::npos || IsClosedClass(k.low))
    return false;
  const std::string_view w = k.low;
  return w.ends_with("ed") || w.ends_with("ing") || (w.ends_with("s") && !w.ends_with("ss")) ||
         (c > lo && Is(c - 1, "to"));
}

bool Finder::AsFrameCue(uint32_t q, Found& f) const {
  const auto& T = v_.toks;
  const uint32_t first = v_.quote_first[q];
  if (first < 4 || first >= T.size() || v_.quotations[q].parts.size() != 1) return false;
  const uint32_t s = T[first].sent, lo = v_.sent_first[s];
  uint32_t as = first - 1;
  const bool to = Is(as, "to");
  if (!to && (Is(as, "a") || Is(as, "an") || Is(as, "the"))) --as;
  if (as <= lo + 2 || !(to || Is(as, "as")) || T[as].quote >= 0 || T[as].sent != s) return false;
  // ("words such as “ambassador”": no object of a verb.)
  if (Is(as - 1, "such")) return false;
  // Back from "as" over the object (no punctuation, no quotation) to the verb.
  uint32_t v = kNone, o = kNone;
  for (uint32_t c = as - 1; c > lo && as - c <= 9; --c) {
    if (T[c].quote >= 0 || IsPunct(c)) return false;
    if (!AsFrameVerb(c, lo)) continue;
    uint32_t n = c + 1;
    if (IsParticle(T[n].low) && n + 1 < as) ++n;
    const Tok& x = T[n];
    if (n < as &&
        (IsDeterminer(x.low) || IsObjectPronoun(x.low) || x.cap || x.kind == TokenKind::kNumber)) {
      v = c;
      o = n;
      break;
    }
  }
  if (v == kNone) return false;
  // The cue starts at the auxiliaries and adverbs before the verb, and at
  // "has been" before an -ing verb ("has been steadily pounding"), which is
  // then the verb of its own clause, its subject right before it.
  uint32_t b = v;
  while (b > lo && T[b - 1].quote < 0 && BeforeVerb(b - 1)) --b;
  if (b > lo + 1 && Is(b - 1, "been") && Aux(b - 2))
    for (b -= 2; b > lo && T[b - 1].quote < 0 && BeforeVerb(b - 1);) --b;
  const bool participle = (T[v].low.ends_with("ing") && (b == v || !Aux(b))) || Is(v - 1, "to");
  Found g;
  g.para = f.para;
  SetSource(g, participle ? ParticipleSubject(s, v) : SourceBefore(b));
  // ("Harry Reid, in particular, has been steadily pounding")
  if (g.a.source.empty() && T[v].low.ends_with("ing")) SetSource(g, ParticipleSubject(s, v));
  if (g.a.source.empty() && Coordinated(v)) SetSource(g, CoordinatedSubject(s, v));
  if (g.a.source.empty()) return false;
  g.cue_tok = v;
  g.a.cue = {Bytes(b, o)};
  g.a.content = {ByteSpan{T[o].span.begin, v_.quotations[q].parts.front().end}};
  AddQuote(g, q);
  f = std::move(g);
  return true;
}

}  // namespace chorus::quotes
