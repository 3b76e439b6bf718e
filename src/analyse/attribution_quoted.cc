// The quotation patterns with a cue after the quotation (PostCue: “…,” she
// said. / “…,” said Reyes.) or before it in the same sentence (PreCue: She
// said, “…” / He added: “…”); see attribution_finder.h.
#include <algorithm>

#include "analyse/attribution_finder.h"

namespace chorus::quotes {
namespace {

// Bad input: a run-on sentence of frames with no full stop ("He said “x” and
// … He said “y” and …", 1 MB of it) would give every quotation a content to
// the sentence's end `end`, printing the sentence once per quotation
// (quadratic output; memory enough to abort) after scanning it once per
// quotation for the clause's end. A content around quotation q stops before
// the kMaxSpanned-th quotation after it. On PolNeAR train and dev no content
// comes near the bound: their output is byte-identical.
uint32_t BoundRunOn(const ArticleView& v, uint32_t q, uint32_t end) {
  constexpr uint32_t kMaxSpanned = 8;
  if (q + kMaxSpanned < v.quote_first.size()) return std::min(end, v.quote_first[q + kMaxSpanned]);
  return end;
}

}  // namespace

bool Finder::PostCue(uint32_t q, Found& f) const {
  const auto& T = v_.toks;
  uint32_t k = v_.quote_end[q];
  if (k >= T.size() || T[k].para != v_.quotations[q].paragraphs.back()) return false;
  // Punctuation between the quotation and its cue: “…,” / “…” —
  while (k < T.size() && IsPunct(k) && !v_.IsQuoteMark(k) && !Is(k, ".") && !Is(k, "?") &&
         !Is(k, "!"))
    ++k;
  if (k >= T.size() || T[k].quote >= 0) return false;
  // A quotation that closes its sentence (“… mind.” She ended …) takes no cue
  // from the next one.
  // But a question or exclamation does not end the sentence of its cue:
  // “All the way!” Dawson shouted.
  if (T[k].sent != T[v_.quote_end[q] - 1].sent) {
    uint32_t qe = v_.quote_end[q];
    uint32_t x = qe - 1;  // back over the closing marks: ?’”
    while (x > v_.quote_first[q] && IsPunct(x) &&
           (v_.IsQuoteMark(x) || Is(x, "'") || v_.Str(x) == "\xE2\x80\x99"))
      --x;
    bool ends_q = x + 1 < qe && (Is(x, "?") || Is(x, "!")) && v_.IsQuoteMark(qe - 1);
    // Round 25: nor a full stop when the next sentence is only a name and a
    // speech cue: "“… the 30,000 emails that are missing.” Trump said.",
    // "“… a lot of different people…” Clinton said." (PolNeAR train: 2 of 2
    // such sentences give the quotation before to their cue).
    if (!ends_q && x + 1 < qe && v_.IsQuoteMark(qe - 1) &&
        (Is(x, ".") || v_.Str(x) == "\xE2\x80\xA6" || v_.Str(x).ends_with("\xE2\x80\xA6"))) {
      const uint32_t se = v_.sent_end[T[k].sent];
      uint32_t c = k;
      while (c < se && c < k + 3 && T[c].cap && T[c].kind == TokenKind::kWord &&
             Cue(c) == CueKind::kNone)
        ++c;
      ends_q = c > k && c + 2 == se && Cue(c) == CueKind::kSpeech && Is(c + 1, ".");
    }
    if (!ends_q || k != qe || v_.sent_first[T[k].sent] != k) return false;
  }
  // Round 20b: a cue that introduces a quotation of its own after a colon
  // ("“…,” Trump said: “…”"), or after a comma in the next sentence ("“…?”
  // He answered, “…”", "“…?” Mills then writes back, “…”"), is not this
  // one's (PolNeAR train: 3 of 3; “…,” he said, “…” is one quotation).
  {
    // (The separator right after the only cue word, or its particle: not
    // "Cruz said as the heckler yelled: “…”", whose cue is another's.)
    const bool next_sent = T[k].sent != T[v_.quote_end[q] - 1].sent;
    uint32_t cues = 0;
    for (uint32_t x = k; x + 1 < v_.sent_end[T[k].sent] && x < k + 8; ++x) {
      if (T[x].quote >= 0) break;
      const bool after_cue =
          x > k && (Cue(x - 1) != CueKind::kNone || (x > k + 1 && Cue(x - 2) != CueKind::kNone &&
                                                     (Is(x - 1, "back") || Is(x - 1, "out"))));
      if (cues == 1 && after_cue && (Is(x, ":") || (next_sent && Is(x, ","))) &&
          T[x + 1].quote >= 0)
        return false;
      cues += Cue(x) != CueKind::kNone;
    }
  }
  uint32_t s = T[k].sent;
  // The quotation closes on a comma, "?" or "!" before its mark (“…,” / “…?”):
  // the patterns below with an unlisted verb or with "read" need it.
  const uint32_t qe = v_.quote_end[q];
  const bool closes_clause = qe >= 2 && (Is(qe - 2, ",") || Is(qe - 2, "?") || Is(qe - 2, "!"));
  // The quotation must end its sentence part: the cue is in the same sentence
  // as the closing mark, or opens the next one right after it.
  uint32_t limit = v_.sent_end[s];
  if (Cue(k) == CueKind::kSpeech) {  // “…,” said Reyes.
    // (“…” suggests that …: the quotation is inside the clause the cue
    // reports on, not its content.)
    if (k + 1 < limit && Is(k + 1, "that")) return false;
    f.cue_tok = k;
    f.a.cue = {CueSpan(k)};
    SetSource(f, SourceAfter(k + 1, limit));
    return true;
  }
  // “…,” read the email. / “…,” reads a Wednesday editorial in …: "read"
  // before its subject, a noun phrase opened by a determiner or "one", after a
  // quotation closed by a comma, "?" or "!" (PolNeAR train: 4 of 4).
  if (closes_clause && IsPostCueOnly(k) && k + 1 < limit &&
      (IsDeterminer(T[k + 1].low) || Is(k + 1, "one"))) {
    f.cue_tok = k;
    f.a.cue = {CueSpan(k)};
    SetSource(f, SourceAfter(k + 1, limit));
    if (!f.a.source.empty()) return true;
    f = Found{};
  }
  // “…,” beamed Donald Hartley of Madison. / “…?” reacted Trump.: a past-tense
  // verb no list holds, before a name (PolNeAR train: 6 of 6; not "compared
  // to", "directed by"), when no cue follows in the clause ("“…,” retired Air
  // Force general Lloyd Newton said": an adjective).
  auto cue_follows = [&] {
    for (uint32_t c = k + 1; c < limit && c < k + 32 && T[c].quote < 0; ++c)
      if (Cue(c) == CueKind::kSpeech || Cue(c) == CueKind::kLearned) return true;
    return false;
  };
  if (closes_clause && k + 1 < limit && T[k].kind == TokenKind::kWord && !T[k].cap &&
      Cue(k) != CueKind::kSpeech && T[k].low.size() >= 5 && T[k].low.ends_with("ed") &&
      T[k + 1].cap && T[k + 1].kind == TokenKind::kWord && T[k + 1].quote < 0 && !cue_follows()) {
    f.cue_tok = k;
    f.a.cue = {Bytes(k, k + 1)};
    SetSource(f, SourceAfter(k + 1, limit));
    if (!f.a.source.empty()) return true;
    f = Found{};
  }
  // “…,” Reyes said. / “…,” the authority's chief engineer, Tomas Reyes, said.
  // "Senate Majority Leader Mitch McConnell, R-Ky., said", "Rep. Earl
  // Blumenauer (D-Ore.) said": a state abbreviation's dot and brackets.
  auto abbrev_dot = [&](uint32_t c) {
    std::string_view w = v_.Str(c - 1);  // "Ky", "R-Ky", "D-Wash"
    return c > k && c + 1 < limit && T[c - 1].cap &&
           (w.size() <= 4 || (w.size() <= 8 && w.find('-') != std::string_view::npos)) &&
           (Is(c + 1, ",") || Is(c + 1, ")"));
  };
  bool appositive = false;  // past "Name," ("Douglas Holtz-Eakin, an economist and ...")
  // (Up to 32 tokens: "Scott Pruitt, the Republican attorney general of
  // Oklahoma, one of the states suing the EPA, said" is 20.)
  for (uint32_t c = k; c < limit && c < k + 32; ++c) {
    if (T[c].quote >= 0) break;
    if (IsPunct(c) && !(Is(c, ",") || Is(c, ".") || Is(c, "'") || Is(c, "\xE2\x80\x99") ||
                        Is(c, "-") || (c > k && (Is(c, "(") || Is(c, ")")))))
      break;
    if (Is(c, ".") && !(c + 1 < limit && T[c + 1].cap) && !abbrev_dot(c)) break;
    if (Is(c, ",") && !(c > k && (T[k].cap || IsDeterminer(T[k].low)))) break;
    appositive = appositive || (Is(c, ",") && T[c - 1].cap);
    // "and" ends the clause, but not inside an appositive: "…, an economist
    // and tax expert, told me" (train: 8 of 65 appositives after a quotation).
    // Round 25: nor between two names or titles, the second capitalised:
    // "“…,” Edward-Isaac Dovere and Gabriel Debenedetti wrote.", "the Florida
    // senator and Republican presidential candidate said in a statement"
    // (PolNeAR train: 5 of 5 such post-cue sources hold both; chorus missed 3).
    const bool joins_names = Is(c, "and") && c > k && c + 1 < limit && T[c - 1].IsWord() &&
                             T[c + 1].cap && T[c + 1].kind == TokenKind::kWord &&
                             !IsSubjectPronoun(T[c + 1].low) && Cue(c + 1) == CueKind::kNone;
    if (IsClauseWord(T[c].low) && !joins_names &&
        !(appositive && Is(c, "and") && c + 1 < limit && !IsSubjectPronoun(T[c + 1].low) &&
          Cue(c + 1) == CueKind::kNone && !IsPunct(c + 1)))
      break;
    CueKind ck = Cue(c);
    if (ck == CueKind::kSpeech || ck == CueKind::kLearned || IsAccordingTo(c) || IsPostCueOnly(c)) {
      if (c == k) break;
      f.cue_tok = c;
      f.a.cue = {CueSpan(c, true)};
      // Source: from k to the cue, less auxiliaries and adverbs; after a
      // leading adverbial ("Perhaps, he said") only the last segment.
      uint32_t e = c;
      while (e > k && (Aux(e - 1) || Adverb(e - 1))) --e;
      uint32_t b = k;
      if (e > k && !Is(e - 1, ","))
        for (uint32_t x = k; x < e; ++x)
          if (Is(x, ",")) b = x + 1;
      if (e > b) SetSource(f, {b, e});
      if (f.a.source.empty()) {
        f = Found{};
        return false;
      }
      return true;
    }
  }
  // “…,” Oliver barked. / “…,” Trump shot back. / “…,” he surmised: a name
  // or a pronoun and a past-tense verb no list holds, closing the clause.
  if (!closes_clause) return false;
  uint32_t v = k;
  if (Is(k, "he") || Is(k, "she") || Is(k, "they")) {
    v = k + 1;
  } else {
    while (v < limit && v < k + 3 && T[v].cap && T[v].kind == TokenKind::kWord) ++v;
  }
  // ... or an irregular one with its particle: "shot back", "cut in".
  bool irregular = v + 1 < limit && (Is(v, "shot") || Is(v, "cut") || Is(v, "went")) &&
                   (Is(v + 1, "back") || Is(v + 1, "in") || Is(v + 1, "on"));
  // ... or in the present tense: "“…,” Bozell answers." ("points out").
  std::string_view vw = v < limit ? T[v].low : T[k].low;
  bool present = vw.size() >= 5 && vw.ends_with("s") && !vw.ends_with("ss") &&
                 !vw.ends_with("us") && !vw.ends_with("is");
  if (v == k || v >= limit || T[v].cap || T[v].kind != TokenKind::kWord ||
      !((T[v].low.ends_with("ed") && T[v].low.size() >= 5) || irregular || present) ||
      T[v].cue != CueKind::kNone)
    return false;
  uint32_t e = v + 1;
  if (e < limit && (Is(e, "back") || Is(e, "off") || Is(e, "up") || Is(e, "out") ||
                    (irregular && (Is(e, "in") || Is(e, "on")))))
    ++e;
  if (e < limit && Adverb(e) && !T[e].cap) ++e;
  // A time closing the clause stays out of the cue: "Toomey fumed on Tuesday."
  uint32_t x = e;
  if (x + 1 < limit && Is(x, "on") && IsTimeWord(T[x + 1].low)) ++x;
  if (x < limit && IsTimeWord(T[x].low)) ++x;
  // The clause closes, or goes on with a preposition or "while": "“…,” she
  // yells while moving along the street", "“…,” Blige sings to Clinton".
  // ("“…,” Bennett shot back with a laugh.": a manner phrase closes it too.)
  // (Round 15: and "and" opening the next clause: "“…,” Trump barked and a
  // security guard escorted Ramos out." — train 1 of 1, "on" was worse.)
  const uint32_t me = MannerWith(e, s);
  const bool closes = me > e || (x < limit && T[x].quote < 0 &&
                                 (Is(x, ".") || Is(x, ",") || Is(x, "while") || Is(x, "as") ||
                                  Is(x, "to") || Is(x, "at") || Is(x, "and")));
  if (!closes) return false;
  f.cue_tok = v;
  f.a.cue = {Bytes(v, me)};
  SetSource(f, {k, v});
  if (f.a.source.empty()) {
    f = Found{};
    return false;
  }
  return true;
}

bool Finder::PreCue(uint32_t q, Found& f) const {
  const auto& T = v_.toks;
  uint32_t first = v_.quote_first[q];
  if (first >= T.size()) return false;
  uint32_t s = T[first].sent;
  uint32_t lo = v_.sent_first[s];
  // The last cue before the quotation in its sentence.
  uint32_t cue = kNone;
  for (uint32_t k = first; k > lo; --k) {
    if (T[k - 1].quote >= 0) break;
    if (Cue(k - 1) != CueKind::kNone || (k >= 2 && IsAccordingTo(k - 2))) {
      cue = (k >= 2 && IsAccordingTo(k - 2)) ? k - 2 : k - 1;
      break;
    }
  }
  // A quotation inside a nested frame belongs to the outermost cue of the
  // sentence that has a subject: "Abbott told the President that if he wants
  // our guns, “come and take it.”" (PolNeAR train convention).
  // A cue coordinated with a verb before it keeps the quotation ("said it was
  // too early … but added, “…”"), with the outermost frame's source ("She
  // noted that Sanders … and called the president “weak”").
  const bool coordinated = cue != kNone && cue > lo && (Is(cue - 1, "and") || Is(cue - 1, "but"));
  std::pair<uint32_t, uint32_t> outer_src{kNone, kNone};
  // The comma closing a fronted subordinate clause ("When …, ", "After …, ").
  uint32_t sub_comma = kNone;
  if (cue != kNone && IsFrontedSubordinator(T[lo].low) && v_.sent_comma[s] < first)
    sub_comma = v_.sent_comma[s];
  // ... and a cue inside it frames no quotation past the comma ("When Trump
  // suggested that …, Rubio fired back forcefully: “…”").
  // (Round 22: not the comma that introduces the quotation after its cue:
  // "When Clinton noted that … ― as was true for … ― Trump boasted, “…”".)
  if (sub_comma != kNone && sub_comma == cue + 1 && sub_comma + 1 == first) sub_comma = kNone;
  if (sub_comma != kNone && cue < sub_comma) return false;
  // Round 18: a participle right after a comma that opens a clause ("that",
  // a subject pronoun) keeps the quotation after it from an outer cue
  // ("Trump argued that a database would …, saying it’s “all about
  // management.”": PolNeAR train gives 6 of 6 such quotations to the
  // participle, with the outer cue's subject; the outer frame ends before
  // its comma). Not one with an object ("…, noting her “limited
  // availability” for private functions" stays in the outer frame).
  bool comma_participle = cue != kNone && cue > lo + 1 && cue + 1 < first && Is(cue - 1, ",") &&
                          Cue(cue) == CueKind::kParticiple && T[cue].low.ends_with("ing");
  if (comma_participle) {
    const std::string_view n = T[cue + 1].low;
    const size_t apo = n.find('\'');
    comma_participle = n == "that" || IsSubjectPronoun(n) ||
                       (apo != std::string_view::npos && IsSubjectPronoun(n.substr(0, apo)));
  }
  const bool introduces =
      cue != kNone && cue + 2 == first && (Is(cue + 1, ":") || Is(cue + 1, ","));
  std::pair<uint32_t, uint32_t> sub_src{kNone, kNone};
  if (cue != kNone && !IsAccordingTo(cue) && !comma_participle) {
    for (uint32_t k = cue; k > lo; --k) {
      uint32_t c = k - 1;
      if (T[c].quote >= 0) break;
      CueKind ck = Cue(c);
      if (ck != CueKind::kSpeech && ck != CueKind::kLearned && ck != CueKind::kParticiple) continue;
      if (c > lo && Is(c - 1, "to")) continue;
      // The inner cue is in the outer one's clause: "said that ... wants",
      // "said she thinks “…”", "urged Sanders to join her in ... what some call
      // the “…”" (no punctuation between them).
      bool clause = false, punct = false, apart = false, sub = false;
      for (uint32_t x = c + 1; x < cue; ++x) {
        clause = clause || Is(x, "that");
        punct = punct || IsPunct(x);
        sub = sub || Is(x, "before") || Is(x, "after") || Is(x, "as") || Is(x, "while") ||
              Is(x, "when") || Is(x, "then");
        apart = apart || Is(x, "and") || Is(x, "when") || Is(x, "after") || Is(x, "before") ||
                Is(x, "while") || Is(x, "although") || Is(x, "though");
      }
      // ... or the outer one is a parenthetical: "Six months ago, the senator
      // said, the media considered him a “fringe candidate”".
      bool parenthetical = ck == CueKind::kSpeech && Cue(cue) != CueKind::kParticiple &&
                           c + 1 < cue && Is(c + 1, ",");
      if (parenthetical) {
        auto src = SourceBefore(c);
        parenthetical = src.first != kNone && src.first > lo && Is(src.first - 1, ",");
      }
      if (!clause && punct && !parenthetical) continue;
      // A cue inside a fronted subordinate clause frames nothing past its
      // comma: "Although the administration has maintained that testing is
      // required, Lopez-Cantera said about the movement, “…”", "After Trump
      // argued that …, Rubio said only …" (round 16).
      if (sub_comma != kNone && c < sub_comma && sub_comma < cue) continue;
      // Round 22: a learned cue does not take it from an inner speech cue or
      // participle ("he appeared at a 2014 Senate hearing … for saying that
      // green coffee extract was a “magic weight loss cure …”", "responded to
      // a Gold Star mother … by saying"). PolNeAR train: of the 19 attributions
      // this changes, 9 now have gold's cue exactly (dev 4 of 7).
      if (ck == CueKind::kLearned &&
          (Cue(cue) == CueKind::kSpeech || Cue(cue) == CueKind::kParticiple))
        continue;
      // A participle frames the cue after it unless a conjunction stands
      // between them ("pointing to bottles and telling viewers that …",
      // "was talking about … when he told").
      if (ck == CueKind::kParticiple && apart) continue;
      // Round 20b: an inner cue that introduces the quotation with a colon or
      // a comma, after a subordinating word, keeps it ("“…,” Trump said
      // before adding: “…”", "Cruz said as the heckler yelled: “…”").
      // (A participle there shares the outer cue's subject: "Trump said
      // before adding".)
      if (introduces && sub) {
        if (sub_src.first == kNone && Cue(cue) == CueKind::kParticiple &&
            ck != CueKind::kParticiple)
          sub_src = SourceBefore(c);
        continue;
      }
      auto src = ck == CueKind::kParticiple ? ParticipleSubject(s, c) : SourceBefore(c);
      // "Adelson met with Trump and declared … that he found …".
      if (src.first == kNone && Coordinated(c)) src = SubjectOf(s, c);
      if (src.first != kNone && SourceShape(src.first, src.second)) {
        if (coordinated)
          outer_src = src;
        else
          cue = c;
      }
    }
  }
  // "According to GMA News, Salceda said the “ugliness …”": a sentence-initial
  // "According to X," is the outermost frame (PolNeAR train: 18 of 19 such
  // quotations).
  // (Only when the source runs to the comma: not "According to their friends
  // and advisers, …", whose source the rules cannot find.)
  // (The comma is looked for within the source only: the sentence may hold
  // thousands of quotations, each after the same "According to".)
  if (cue != kNone && cue > lo + 2 && IsAccordingTo(lo)) {
    auto src = SourceAfter(lo + 2, first);
    if (src.first == lo + 2) {
      const uint32_t stop = std::min(cue, src.second + 1);
      uint32_t comma = lo + 2;
      while (comma < stop && !Is(comma, ",")) ++comma;
      if (comma < stop) cue = lo;
    }
  }
  if (cue == kNone) {
    // "… then leaned in and boomed: “…”": a verb right before the colon.
    if (first >= lo + 3 && Is(first - 1, ":") && !IsPunct(first - 2) && !T[first - 2].cap &&
        T[first - 2].quote < 0 && T[first - 2].low.size() > 3 && T[first - 2].low.ends_with("ed"))
      cue = first - 2;
    else
      return false;
  }
  f.cue_tok = cue;
  f.a.cue = {CueSpan(cue)};
  bool participle = Cue(cue) == CueKind::kParticiple ||
                    (Cue(cue) == CueKind::kFrame && T[cue].low.ends_with("ing")) ||
                    (cue > lo && Is(cue - 1, "to"));  // "went on to reveal"
  // "And he's predicting that …", "Trump is now claiming …": after a form of
  // "be" (or a pronoun's "'s", "'re") an -ing cue is the verb of its own
  // clause, its subject right before it (as for reported speech).
  if (participle && T[cue].low.ends_with("ing")) {
    uint32_t a = cue;
    while (a > lo && (Adverb(a - 1) || Negation(a - 1))) --a;
    const std::string_view w = a > lo ? T[a - 1].low : std::string_view();
    const bool be =
        a > lo && T[a - 1].quote < 0 &&
        ((IsPassiveAux(w) && w != "be") || ((w.ends_with("'s") || w.ends_with("'re")) &&
                                            IsSubjectPronoun(w.substr(0, w.rfind('\'')))));
    if (be) participle = false;
  }
  if (IsAccordingTo(cue)) {
    auto src = SourceAfter(cue + 2, first);
    // "According to X, the move reeks of “fear”": the source ends at the comma.
    if (cue == lo && src.first != kNone)
      for (uint32_t k = src.first; k < src.second; ++k)
        if (Is(k, ",")) {
          src.second = k;
          break;
        }
    // ... and runs to it ("According to a 2013 study by economists Peter
    // Schott and Justin Pierce, …", "According to some on Twitter, …").
    if (cue == lo && src.first == cue + 2) src.second = std::max(src.second, OpeningComma(cue));
    SetSource(f, src);
  } else {
    if (cue != lo) SetSource(f, participle ? ParticipleSubject(s, cue) : SourceBefore(cue));
    if (f.a.source.empty() && sub_src.first != kNone && SourceShape(sub_src.first, sub_src.second))
      SetSource(f, sub_src);
    // "Said Dorothy Poynter, who grew up with Ali, “…”": the source follows.
    // (Round 16: so it does after a fronted adverbial with no source before
    // the cue: "In other words, explained CBS moderator Nancy Cordes: "…"",
    // "But, said Solovey, "…"".)
    const bool inverted =
        cue == lo ||
        (f.a.source.empty() && Is(cue - 1, ",") && Cue(cue) == CueKind::kSpeech && !T[cue].cap &&
         first >= cue + 3 && (Is(first - 1, ",") || Is(first - 1, ":")));
    if (inverted) {
      auto src = SourceAfter(cue + 1, first);
      if (src.first != kNone) {
        uint32_t e = first;
        while (e > src.second && IsPunct(e - 1)) --e;
        SetSource(f, {src.first, e});
      }
    } else if (f.a.source.empty() && Coordinated(cue))
      SetSource(f, outer_src.first != kNone ? outer_src : CoordinatedSubject(s, cue));
    else if (f.a.source.empty() && Cue(cue) == CueKind::kNone)
      SetSource(f, SubjectOf(s, cue));
  }
  // Only punctuation between cue and quotation: a direct quote.
  uint32_t c = ContentStart(cue, first);
  // A source between the cue and the quotation ("Said Dorothy Poynter, “…”",
  // "according to officials, “…”") is not content: it starts after it.
  if (f.src_end != kNone && f.src_end > c) c = std::min(f.src_end, first);
  while (c < first && Is(c, ",")) ++c;
  bool only_punct = true;
  for (uint32_t k = c; k < first; ++k)
    if (!IsPunct(k)) only_punct = false;
  // "telling his colleagues, “…”" / "told reporters: “…”": the object before a
  // comma or colon is not content.
  // Round 22: not when the content starts at "that" ("said via email that,
  // “Of course …” against …", "said that in the current political climate,
  // “…”"): the clause is content, not an object (PolNeAR train: of the 25
  // contents this changes, 16 now start and end as gold's do); nor before a
  // colon when it starts at a personal subject pronoun ("said she has the
  // essential quality for the job: “…”", "said he responded: “…”": train 3
  // of 3, dev 1 of 1 as gold's; not after a participle, "explaining he …:").
  const bool clause = Is(c, "that") ||
                      (Is(first - 1, ":") && !T[cue].low.ends_with("ing") &&
                       (Is(c, "he") || Is(c, "she") || Is(c, "they") || Is(c, "i") || Is(c, "we")));
  bool object = first > c + 1 && ((Is(first - 1, ",") && first - c <= 8) || Is(first - 1, ":")) &&
                v_.quotations[q].first().begin == T[first].span.begin && !clause;
  if (only_punct || object) {
    AddQuote(f, q);
    // A quoted fragment right after its cue that the clause goes on past is
    // content up to the clause's end: "said "the fear is as high as it's ever
    // been" in the establishment.", "labeled "top secret" by the State
    // Department." (not after a comma inside the closing mark, which mostly
    // comes before a post cue: "“…,” he said").
    const uint32_t qe = v_.quote_end[q];
    if (!object && c == first && v_.quotations[q].parts.size() == 1 && qe < T.size() &&
        T[qe].sent == s && qe >= 2 && !IsPunct(qe - 2) && !T[qe].cap && T[qe].quote < 0 &&
        T[qe].kind == TokenKind::kWord && Cue(qe) == CueKind::kNone) {
      const uint32_t e = ClauseEnd(first, BoundRunOn(v_, q, ContentEnd(s)));
      if (e > qe) f.a.content = {{f.a.content.front().begin, T[e - 1].span.end}};
    }
    // Round 18: "These and other sources of authority, the lawyers said, “all
    // command the same conclusion”": a quotation that opens in lower case
    // goes on with the lead before a parenthetical source and cue, which is
    // content too (not a lone adverbial word: "Still, Mr. Devine
    // acknowledged, ''we're going to …''"; PolNeAR train: 19 of the 26
    // contents this changes start where gold's do). Before a quotation
    // opening in capitals the lead is mostly a scene ("In an AP interview
    // Monday,").
    if (!object && c == first && ParentheticalLead(f, lo, cue, c, /*adverbial_out=*/false)) {
      uint32_t w = first;
      while (w < v_.quote_end[q] && IsPunct(w)) ++w;
      const bool lone_adverbial = f.src_first == lo + 2 && IsAdverbialStarter(T[lo].low);
      if (w < v_.quote_end[q] && !T[w].cap && T[w].kind == TokenKind::kWord && !lone_adverbial)
        f.a.content.insert(f.a.content.begin(), Bytes(lo, f.src_first - 1));
    }
    return true;
  }
  // A reported frame around a quoted fragment: the content runs from after the
  // cue to the end of the sentence (or of the quotation, when it runs on).
  // When the frame's clause ends before the quotation does ("… endorsed the
  // deal, although she has “serious concerns” about a handful of
  // provisions", "…, noting her “limited availability” for private
  // functions"), the content runs on to the end of the quotation's own clause,
  // not only to its closing mark.
  const uint32_t end = BoundRunOn(v_, q, ContentEnd(s));
  uint32_t e = ClauseEnd(c, end);
  if (e < v_.quote_end[q]) {
    const uint32_t qend = v_.quote_end[q];
    e = qend >= 2 && qend < end ? std::max(qend, ClauseEnd(qend - 2, end)) : qend;
  }
  // A quoted fragment closing with punctuation ends the content: deemed him
  // "well qualified," which is ...
  uint32_t qe = v_.quote_end[q];
  // Round 22: a list of quoted fragments ends with its last ("that Trump is
  // a “loser,” a “liar” and a “whiner.”", "the senator a "nasty guy," an
  // "anchor baby," …": PolNeAR train runs on over the list 8 times of 8;
  // "he “loves China,” and “people from China love me,” he also …" ends there).
  const bool closes = qe >= 2 && IsPunct(qe - 2) && !v_.IsQuoteMark(qe - 2);
  for (int n = 0; closes && n < 8 && qe < e; ++n) {
    uint32_t next = qe;
    while (
        next < e && next < qe + 2 && T[next].quote < 0 &&
        (Is(next, "a") || Is(next, "an") || Is(next, "the") || Is(next, "and") || Is(next, "or")))
      ++next;
    if (next >= e || T[next].quote < 0 || T[next].span.begin == T[next - 1].span.end) break;
    qe = v_.quote_end[static_cast<uint32_t>(T[next].quote)];
  }
  // (Not before "because" or "where", which go on with the frame: "wrote that
  // such a request was "futile," because …": PolNeAR train 6 of 6.)
  if (qe < e && qe >= 2 && IsPunct(qe - 2) && !v_.IsQuoteMark(qe - 2) && !Is(qe, "because") &&
      !Is(qe, "where"))
    e = qe;
  if (v_.quotations[q].parts.size() > 1) {
    AddQuote(f, q);
    f.a.content.front().begin = T[c].span.begin;
  } else {
    f.a.content = {Bytes(c, e)};
    // "Cost estimates, he added, were “based on a prototype …”": a
    // parenthetical source and cue; the content is the sentence on both sides
    // of them, as for reported speech (PolNeAR train: 25 of 31 such frames
    // around a quotation; the 6 others open with an adverbial, "In 2008,",
    // "Six months ago,", "But,", which stays out).
    if (ParentheticalLead(f, lo, cue, c, /*adverbial_out=*/true))
      f.a.content.insert(f.a.content.begin(), Bytes(lo, f.src_first - 1));
  }
  f.a.direct = true;
  return true;
}

bool Finder::TrailingCue(const Found& prev, uint32_t q, Found& f) const {
  const auto& T = v_.toks;
  const uint32_t qf = v_.quote_first[q];
  if (prev.cue_tok == kNone || prev.a.content.empty() || qf == 0 || qf >= T.size()) return false;
  const uint32_t s = T[prev.cue_tok].sent;
  // q opens the sentence right after the cue's, in its paragraph, and prev's
  // content comes before its cue (“…,” she said).
  if (T[qf - 1].sent != s || v_.sent_first[T[qf].sent] != qf || T[qf - 1].para != T[qf].para ||
      prev.a.content.back().end > T[prev.cue_tok].span.begin)
    return false;
  uint32_t end = qf;  // the sentence's end, less its closing punctuation
  while (end > prev.cue_tok && IsPunct(end - 1)) --end;
  // (Scanned once per quotation, over the rest of one sentence.)
  for (uint32_t k = prev.cue_tok + 1; k + 2 < end; ++k) {
    // (A comma inside a quoted title's closing mark: "wrote the authors of
    // the “Growth and Opportunity Project,” giving …".)
    if (!Is(k, ",") && !(v_.IsQuoteMark(k) && Is(k - 1, ","))) continue;
    uint32_t a = k + 1, b = kNone;  // the cue [a, b)
    if (Is(a, "then") && T[a + 1].kind == TokenKind::kWord && !T[a + 1].cap &&
        (T[a + 1].low.ends_with("ed") || Cue(a + 1) != CueKind::kNone)) {
      a = a + 1, b = a + 1;  // "then referred to": the cue without "then"
      if (b < end && Is(b, "to")) ++b;
    } else if (Is(a, "going") && a + 4 < end && Is(a + 1, "on") && Is(a + 2, "to")) {
      b = a + 4;  // "going on to contrast"
    } else if (Is(a, "explaining")) {
      b = a + 1;
    } else if (Is(a, "giving") && a + 4 < end && Is(a + 2, "example") && Is(a + 3, "of")) {
      b = a + 4;  // "giving the example of"
    }
    if (b == kNone) continue;
    if (b >= end) return false;
    for (uint32_t x = b; x < end; ++x)
      if (T[x].quote >= 0) return false;
    f.cue_tok = a;
    f.a.cue = {Bytes(a, b)};
    f.a.source = prev.a.source;
    f.src_first = prev.src_first, f.src_end = prev.src_end;
    f.a.content = {Bytes(b, end)};
    AddQuote(f, q);
    return true;
  }
  return false;
}

bool Finder::ParentheticalLead(const Found& f, uint32_t lo, uint32_t cue, uint32_t c,
                               bool adverbial_out) const {
  const auto& T = v_.toks;
  const uint32_t sb = f.src_first;
  if (f.a.cue.empty()) return false;
  const uint32_t ce = v_.TokenAt(f.a.cue.front().end);
  if (!(sb != kNone && sb > lo + 1 && f.src_end <= cue && Is(sb - 1, ",") && ce < c &&
        Is(ce, ",") && !IsAccordingTo(cue)))
    return false;
  for (uint32_t k = lo; k + 1 < sb; ++k)
    if (T[k].quote >= 0 || Cue(k) != CueKind::kNone) return false;
  if (!adverbial_out) return true;
  const std::string_view w0 = T[lo].low;
  const bool adverbial = (IsAdverbialStarter(w0) && w0 != "if" && w0 != "although" &&
                          w0 != "though" && w0 != "because" && w0 != "while" && w0 != "when") ||
                         Is(sb - 2, "ago") || Is(sb - 2, "and") || Is(sb - 2, "but") ||
                         Is(sb - 2, "or");
  return !adverbial;
}

}  // namespace chorus::quotes
