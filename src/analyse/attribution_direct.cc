// Round 6b and 6c rules for direct quotations (docs/ACCURACY.md, "Round 6b",
// "Round 6c"): who said a quotation when the cue next to it is not the whole
// story; see attribution_finder.h. Later rounds' frames of the same kind:
// "as X put it" (16, 20), a name after a fronted phrase, a poll frame (20).
#include "analyse/attribution_finder.h"

namespace chorus::quotes {

void Finder::OuterAccordingTo(Found& f, uint32_t from) const {
  const auto& T = v_.toks;
  if (f.cue_tok == kNone || IsAccordingTo(f.cue_tok)) return;
  uint32_t s = T[f.cue_tok].sent;
  uint32_t limit = v_.sent_end[s];
  // Within the clause of the cue: a few tokens of adjunct ("said at a press
  // conference, according to the Las Vegas Sun."), no quotation, no new cue.
  // (From the end of the quotation for a cue before it: "X said: “…,”
  // according to a letter.")
  if (from == kNone) from = f.cue_tok;
  if (T[from].sent != s) return;
  for (uint32_t k = from + 1; k + 2 < limit && k < from + 24; ++k) {
    if (T[k].quote >= 0) return;
    // (Round 16: or right after a quotation closed by a comma inside its
    // mark: "compared the conversation to a “root canal,” according to
    // Axelrod’s memoir.")
    const bool inside = k == from + 1 && from != f.cue_tok && from >= 1 && Is(from - 1, ",") &&
                        v_.IsQuoteMark(from) && IsAccordingTo(k);
    // The token before "according to": its comma, or the closing mark.
    const uint32_t before = inside ? from : k;
    if ((inside || Is(k, ",")) && IsAccordingTo(before + 1)) {
      auto src = SourceAfter(before + 3, limit);
      if (src.first == kNone) return;
      Found g = f;
      g.a.source.clear();
      g.src_first = g.src_end = kNone;
      SetSource(g, src);
      if (g.a.source.empty()) return;
      g.cue_tok = before + 1;
      g.a.cue = {CueSpan(before + 1, true)};
      f = std::move(g);
      return;
    }
    if (IsPunct(k) && !Is(k, ",") && !Is(k, "'") && !Is(k, "\xE2\x80\x99") && !Is(k, "-")) return;
    if (k > from + 1 && Cue(k) == CueKind::kSpeech) return;
  }
}

std::pair<uint32_t, uint32_t> Finder::AbsoluteSubject(uint32_t t) const {
  const auto& T = v_.toks;
  uint32_t lo = v_.sent_first[T[t].sent];
  if (t <= lo + 1 || IsPunct(t - 1) || T[t - 1].quote >= 0 || !T[t].low.ends_with("ing"))
    return {kNone, kNone};
  auto src = SourceBefore(t);
  if (src.first == kNone || src.first <= lo || src.second != t) return {kNone, kNone};
  // The back scan runs over "with" ("…, with Sen. John McCain calling").
  for (uint32_t k = t - 1; k > src.first; --k)
    if (Is(k - 1, "with")) {
      src.first = k;
      break;
    }
  uint32_t b = src.first - 1;
  std::string_view w = v_.Str(b);
  bool opens = Is(b, "with") || Is(b, ",") || Is(b, "and") || w == "-" || w == "--" ||
               w == "\xE2\x80\x93" || w == "\xE2\x80\x94";
  if (!opens || T[b].quote >= 0 || !SourceShape(src.first, src.second)) return {kNone, kNone};
  return src;
}

void Finder::DropLeadingAdverbial(Found& f) const {
  const auto& T = v_.toks;
  if (f.a.source.size() != 1) return;
  // (The rules' first token when it is the source's, else a search.)
  uint32_t b = f.src_first != kNone && f.src_first < T.size() &&
                       T[f.src_first].span.begin == f.a.source[0].begin
                   ? f.src_first
                   : v_.TokenAt(f.a.source[0].begin);
  if (b >= T.size()) return;
  const Tok& w = T[b];
  if (!w.cap || b != v_.sent_first[w.sent] || !IsAdverbialStarter(w.low)) return;
  uint32_t e = v_.TokenAt(f.a.source[0].end);
  if (b >= e || e > T.size()) return;
  std::string_view l = w.low;
  // "From: …" headers are annotated as the source (3 of 3 on train).
  if (l == "from" && e == b + 1) return;
  // "At least half of voters", "Last year's FBI statistics", "Outside experts".
  if (l == "last" || l == "outside" || (l == "at" && e > b + 1 && Is(b + 1, "least"))) return;
  bool conjunction = l == "and" || l == "but" || l == "when" || l == "while" || l == "now" ||
                     l == "then" || l == "yet" || l == "although" || l == "though" ||
                     l == "despite" || l == "even" || l == "if" || l == "because" || l == "so" ||
                     l == "still" || l == "also";
  // (Round 20: a fronted phrase with no comma before a name keeps the name:
  // "In a Bloomberg interview Trump declared “…”".)
  if (!conjunction) {
    const uint32_t r = NameAfterFrontedPhrase(b, e);
    if (r != kNone) {
      f.src_first = r;
      f.a.source = {Bytes(r, e)};
      return;
    }
  }
  ++b;
  while (conjunction && b < e && IsPunct(b)) ++b;  // "But, …"
  if (!conjunction || b >= e || !SourceShape(b, e)) {
    f.a.source.clear();
    f.src_first = f.src_end = kNone;
    return;
  }
  f.src_first = b;
  f.a.source = {Bytes(b, e)};
}

uint32_t Finder::NameAfterFrontedPhrase(uint32_t b, uint32_t e) const {
  // "In a Bloomberg interview Trump declared “…”", "During the debate Clinton
  // said": a preposition opens the sentence, a lower-case noun closes its
  // phrase and a name follows with no comma. Not after a preposition or a
  // determiner ("In talks with Trump", "At the White House"), nor a day or a
  // month ("On Tuesday Trump": left as before).
  const auto& T = v_.toks;
  if (!IsPreposition(T[b].low) || e < b + 4 || e - b > 16) return kNone;
  uint32_t r = e;
  while (r > b + 2 && T[r - 1].cap && T[r - 1].kind == TokenKind::kWord) --r;
  if (r == e || IsDeterminer(T[r].low)) return kNone;
  for (uint32_t k = r; k < e; ++k)
    if (IsWeekday(T[k].low) || IsMonth(T[k].low)) return kNone;
  const Tok& n = T[r - 1];
  if (n.kind != TokenKind::kWord || n.cap || IsPreposition(n.low) || IsDeterminer(n.low) ||
      IsClauseWord(n.low) || Aux(r - 1) || n.cue != CueKind::kNone || Adverb(r - 1))
    return kNone;
  for (uint32_t k = b + 1; k < r; ++k)
    if (IsPunct(k) || T[k].quote >= 0) return kNone;
  return r;
}

void Finder::DropRelativeWithCue(Found& f, const std::vector<uint32_t>& cues) const {
  if (f.a.source.size() != 1 || f.cue_tok == kNone) return;
  // (Most sources hold no relative clause: a byte search first.)
  const ByteSpan s = f.a.source[0];
  if (v_.text.substr(s.begin, s.size()).find(" wh") == std::string_view::npos) return;
  const uint32_t b = v_.TokenAt(s.begin), e = v_.TokenAt(s.end);
  // Round 20: a relative clause whose verb says or thinks a clause of its
  // own (said, says, acknowledged, predicted, believe(s|d), thinks, thought;
  // not "who writes about …", "who observed voting"), in any source ("said Army Capt. Christian
  // Pardo, who said he would not vote for either", "Borges, who predicted about one-third …"), even
  // when no attribution was found for it: PolNeAR train ends 5 of 5 such sources before ", who"
  // (not "who added that …", "who called on …": kept whole).
  for (uint32_t k = b + 1; k + 3 < e; ++k) {
    if (!Is(k, ",") || !Is(k + 1, "who")) continue;
    const std::string_view v = v_.toks[k + 2].low;
    if (v != "said" && v != "says" && v != "acknowledged" && v != "predicted" && v != "believes" &&
        v != "believed" && v != "thinks" && v != "thought")
      continue;
    const Tok& n = v_.toks[k + 3];
    if (n.kind != TokenKind::kWord || Is(k + 3, "that") || Is(k + 3, "on") || Is(k + 3, "for") ||
        Is(k + 3, "to") || Is(k + 3, "of") || Is(k + 3, "in"))
      break;
    f.src_end = k;
    f.a.source = {Bytes(b, k)};
    return;
  }
  // Not a source after a quotation's cue: there PolNeAR keeps the clause
  // ("“…,” said X, who endorsed Rubio on Tuesday"; train direct source
  // .8634 -> .8620 with it cut).
  if (e > f.cue_tok && f.a.direct) return;
  for (uint32_t k = b + 1; k + 1 < e; ++k) {
    if (!Is(k, ",") || !(Is(k + 1, "who") || Is(k + 1, "which"))) continue;
    auto it = std::upper_bound(cues.begin(), cues.end(), k + 1);
    if (it == cues.end() || *it >= e) return;
    f.src_end = k;
    f.a.source = {Bytes(b, k)};
    return;
  }
}

std::pair<uint32_t, uint32_t> Finder::VerbSubjectBefore(uint32_t lo, uint32_t from,
                                                        bool main) const {
  const auto& T = v_.toks;
  for (uint32_t c = from; c > lo && from - c < 40;) {
    --c;
    const Tok& w = T[c];
    if (w.quote >= 0 || w.cap || IsPunct(c)) continue;
    CueKind ck = Cue(c);
    // An -ed word is a verb after its subject or an auxiliary ("Ryan lamented",
    // "he looked", "was joined"), not after a determiner ("the disheartened").
    // The text's first token has no subject before it.
    bool ed = false;
    if (c > 0 && w.kind == TokenKind::kWord && w.low.size() > 4 && w.low.ends_with("ed")) {
      const Tok& p = T[c - 1];
      ed = p.quote < 0 && ((p.cap && p.kind == TokenKind::kWord) || IsSubjectPronoun(p.low) ||
                           Aux(c - 1) || Adverb(c - 1) || (main && Is(c - 1, ",")));
    }
    // Round 23: for a coordinated verb, any word right after a subject
    // pronoun (not "it") is the first clause's verb, unless the pronoun is in
    // a complement ("said that he will … and insisted", "said he did not …
    // but agreed"): "Wilkerson started the rant when he brought up the
    // Oklahoma City bombing and later said, “…”" (gold "he"), "They are not
    // overly sanguine …, but do believe …". PolNeAR train, before retraining:
    // 8 attributions changed, 5 to gold's source (1 direct), 1 from gold's.
    const bool after_pronoun =
        !main && c > lo && w.kind == TokenKind::kWord && (!IsClosedClass(w.low) || Aux(c)) &&
        T[c - 1].quote < 0 && IsSubjectPronoun(T[c - 1].low) && !Is(c - 1, "it") &&
        !(c - 1 > lo && (Is(c - 2, "that") || Adverb(c - 2) || Cue(c - 2) != CueKind::kNone));
    // A framing verb after a noun modifies it: "a class called “Perception”".
    if (ck != CueKind::kSpeech && ck != CueKind::kLearned && !(ck == CueKind::kFrame && !main) &&
        !ed && !after_pronoun)
      continue;
    auto src = SourceBefore(c);
    // A relative clause inside the first one: "a prosecutor who reports to ...".
    if (src.first == kNone ||
        (src.second == src.first + 1 && (Is(src.first, "who") || Is(src.first, "which"))))
      continue;
    // Not a possessive ("decried Trump's repeated calls"); for the main clause,
    // not the subject of a subordinate or reported one ("said Reid quieted").
    std::string_view last = T[src.second - 1].low;
    if (last.ends_with("'s") || last.ends_with("\xE2\x80\x99s")) continue;
    if (main && src.first > lo &&
        (IsSubordinator(T[src.first - 1].low) || Cue(src.first - 1) == CueKind::kSpeech ||
         Cue(src.first - 1) == CueKind::kLearned) &&
        !SceneClause(src.first - 1, lo))
      continue;
    if (SourceShape(src.first, src.second)) return src;
  }
  return {kNone, kNone};
}

std::pair<uint32_t, uint32_t> Finder::CoordinatedSubject(uint32_t s, uint32_t t) const {
  const auto& T = v_.toks;
  uint32_t lo = v_.sent_first[s];
  uint32_t k = t;
  while (k > lo && T[k - 1].quote < 0 && (Aux(k - 1) || Adverb(k - 1) || NowAlready(k - 1))) --k;
  // k - 1 is the coordinator; the first clause runs back from it (through
  // quoted fragments: "lamented the “disheartened” state ... and criticized").
  if (k > lo) {
    auto src = VerbSubjectBefore(lo, k - 1, false);
    if (src.first != kNone) return src;
  }
  return SubjectOf(s, t);
}

// Round 24: a clause of the scene the participle describes ("He tweeted when
// Clinton ended the debate …, remarking, “…”", "as he accepted the nomination,
// delivering …"): its subject is the participle's, not the main clause's.
// PolNeAR train: of 12 participle cues after a "when", "where", "as" or "in
// which" clause with a subject of its own, gold gives 10 that subject (2 the
// main clause's; "after" clauses 1 of 3, left out). `k` is the word before
// the subject.
bool Finder::SceneClause(uint32_t k, uint32_t lo) const {
  return Is(k, "when") || Is(k, "where") || Is(k, "as") ||
         (Is(k, "which") && k > lo && Is(k - 1, "in"));
}

std::pair<uint32_t, uint32_t> Finder::MainClauseSubject(uint32_t t) const {
  uint32_t lo = v_.sent_first[v_.toks[t].sent];
  if (t <= lo + 1 || !Is(t - 1, ",")) return {kNone, kNone};
  return VerbSubjectBefore(lo, t - 1, true);
}

bool Finder::AsPutIt(uint32_t q, Found& f) const {
  // "As Vulture put it, “Hello, it’s the Biebs.”", "As The Post's Ruth Marcus
  // puts it, Obama is trying to make Republicans "an offer …"": the words
  // between "as" and "put it" the source, "put it" the cue, the rest of the
  // clause the content. PolNeAR train: 7 "as X put(s) it" before a comma or a
  // colon and a quotation in the same sentence, all 7 annotated so; the rule
  // finds 6 (round 16).
  const auto& T = v_.toks;
  const uint32_t first = v_.quote_first[q];
  if (first >= T.size()) return false;
  if (AsPutItAfter(q, f)) return true;
  const uint32_t s = T[first].sent, lo = v_.sent_first[s];
  uint32_t it = kNone, cue_end = kNone;
  for (uint32_t k = first; k > lo + 2 && first - k < 30; --k) {
    if (T[k - 1].quote >= 0) return false;
    if (!(Is(k - 1, ",") || Is(k - 1, ":"))) continue;
    if (Is(k - 2, "it") && (Is(k - 3, "put") || Is(k - 3, "puts"))) {
      it = k - 2;
      cue_end = k - 1;
      break;
    }
    // Round 23c: "as The New Yorker put it in a lengthy expose, “the
    // operator.”": a prepositional phrase of at most 6 words after "put it"
    // belongs to the cue (PolNeAR dev: 1, annotated so; train has none).
    for (uint32_t x = k - 1; x > lo + 3 && k - 1 - x <= 6 && T[x - 1].IsWord(); --x) {
      if (Is(x - 2, "it") && (Is(x - 3, "put") || Is(x - 3, "puts")) &&
          (Is(x - 1, "in") || Is(x - 1, "on") || Is(x - 1, "at") || Is(x - 1, "during"))) {
        it = x - 2;
        cue_end = k - 1;
        break;
      }
    }
    if (it != kNone) break;
  }
  if (it == kNone) return false;
  const uint32_t put = it - 1;
  uint32_t as = kNone;
  for (uint32_t k = put; k > lo && put - k < 12; --k) {
    if (Is(k - 1, "as")) {
      as = k - 1;
      break;
    }
    if (IsPunct(k - 1) && !Is(k - 1, "'") && !Is(k - 1, "\xE2\x80\x99")) return false;
  }
  if (as == kNone || as + 1 >= put) return false;
  Found g = f;
  if (!PutItFrame(g, as, put)) return false;
  g.a.cue = {Bytes(put, cue_end)};
  const uint32_t c = cue_end + 1;
  if (c == first) {
    AddQuote(g, q);
  } else {
    for (uint32_t k = c; k < first; ++k)
      if (Cue(k) != CueKind::kNone) return false;
    uint32_t e = std::max(ClauseEnd(c, ContentEnd(s)), v_.quote_end[q]);
    g.a.content = {Bytes(c, e)};
    g.a.direct = true;
  }
  f = std::move(g);
  return true;
}

bool Finder::PutItFrame(Found& g, uint32_t as, uint32_t put) const {
  SetSource(g, {as + 1, put});
  if (g.a.source.empty()) return false;
  g.cue_tok = put;
  g.a.cue = {Bytes(put, put + 2)};  // "put it"
  g.rule_source = true;
  return true;
}

bool Finder::AsPutItAfter(uint32_t q, Found& f) const {
  // Round 20: "… a “lawful source of investment income,” as a Homeland
  // Security memo put it.": after a quotation closed by a comma, "as", at most
  // 12 words, "put(s) it" closing the sentence. The words the source, "put
  // it" the cue, the quotation the content.
  const auto& T = v_.toks;
  const uint32_t qe = v_.quote_end[q];
  if (qe < 2 || qe >= T.size()) return false;
  uint32_t as = qe;
  if (Is(as, ",") && !Is(qe - 2, ","))
    ++as;
  else if (!Is(qe - 2, ","))
    return false;
  if (as >= T.size() || !Is(as, "as") || T[as].sent != T[qe - 1].sent) return false;
  const uint32_t limit = v_.sent_end[T[as].sent];
  uint32_t put = kNone;
  for (uint32_t k = as + 2; k + 1 < limit && k < as + 14; ++k) {
    if (T[k].quote >= 0 || (IsPunct(k) && !Is(k, "'") && !Is(k, "\xE2\x80\x99"))) return false;
    if ((Is(k, "put") || Is(k, "puts")) && Is(k + 1, "it")) {
      put = k;
      break;
    }
  }
  if (put == kNone) return false;
  const uint32_t it = put + 1;
  if (!(it + 1 == limit || (Is(it + 1, ".") && it + 2 >= limit))) return false;
  Found g = f;
  if (!PutItFrame(g, as, put)) return false;
  AddQuote(g, q);
  f = std::move(g);
  return true;
}

uint32_t Finder::PollFrameEnd(uint32_t s) const {
  const auto& T = v_.toks;
  const uint32_t t = v_.sent_first[s], hi = v_.sent_end[s];
  if (t >= T.size() || !Is(t, "in") || !T[t].cap || t + 2 >= hi || !IsDeterminer(T[t + 1].low))
    return kNone;
  uint32_t e = t + 1;
  bool poll = false;
  while (e < hi && e < t + 16 && !Is(e, ",") && T[e].quote < 0) {
    poll = poll || Is(e, "poll") || Is(e, "survey");
    ++e;
  }
  // (", conducted in May,": a participle after the comma stays in it.)
  if (poll && e + 2 < hi && Is(e, ",") && T[e + 1].low.ends_with("ed") && !T[e + 1].cap) {
    uint32_t x = e + 1;
    while (x < hi && x < e + 8 && !Is(x, ",") && T[x].quote < 0) ++x;
    if (x < hi && Is(x, ",")) e = x;
  }
  return poll && e < hi && Is(e, ",") ? e : kNone;
}

void Finder::PollFrame(uint32_t q, Found& f) const {
  // PolNeAR train annotates the frame as cue and source, the rest of the
  // sentence as content, also when a quotation stands in it (2 such direct
  // attributions, both given to the inner "said" with no source before).
  const auto& T = v_.toks;
  const uint32_t qf = v_.quote_first[q];
  if (f.cue_tok == kNone || f.cue_tok >= qf) return;
  const uint32_t s = T[qf].sent, lo = v_.sent_first[s];
  if (T[f.cue_tok].sent != s) return;
  const uint32_t e = PollFrameEnd(s);
  if (e == kNone || e >= f.cue_tok) return;
  SetPollFrame(f, lo, e, std::max(ContentEnd(s), v_.quote_end[q]));
  f.a.direct = true;
}

void Finder::SetPollFrame(Found& f, uint32_t in, uint32_t comma, uint32_t end) const {
  f.cue_tok = in;
  f.a.cue = {Bytes(in, in + 1)};
  f.src_first = in + 1;
  f.src_end = comma;
  f.a.source = {Bytes(in + 1, comma)};
  f.rule_source = true;
  f.a.content = {Bytes(comma + 1, end)};
}

bool Finder::ReadCue(uint32_t q, Found& f) const {
  // Round 23c: the words on a sign, a hat or a message: "One message read
  // “anybodybuttrump.us,”", "He held up the sign — which read “Hispanics 4
  // Trump”", "a Donald Trump campaign hat reading, “Make Mexico Great Again
  // Also”". "read" right before the quotation (after an optional comma), when
  // no cue before it in the sentence took it, is the cue; the noun phrase
  // before it (or the relative "which") the source.
  const auto& T = v_.toks;
  const uint32_t first = v_.quote_first[q];
  if (first < 2 || first >= T.size()) return false;
  uint32_t k = first - 1;
  if (Is(k, ",")) --k;
  if (T[k].quote >= 0 || !(Is(k, "read") || Is(k, "reads") || Is(k, "reading"))) return false;
  const uint32_t lo = v_.sent_first[T[first].sent];
  if (k <= lo || T[k].sent != T[first].sent) return false;
  Found r;
  r.para = f.para;
  r.cue_tok = k;
  r.a.cue = {Bytes(k, k + 1)};
  if (Is(k - 1, "which")) {
    r.src_first = k - 1;
    r.src_end = k;
    r.a.source = {Bytes(k - 1, k)};
  } else if (Is(k, "reading")) {
    // The participle's noun phrase, back to its determiner ("a Donald Trump
    // campaign hat reading"), not the clause's subject.
    uint32_t b = k;
    while (b > lo && k - b < 6 && T[b - 1].IsWord() && T[b - 1].quote < 0 &&
           !IsDeterminer(T[b - 1].low))
      --b;
    if (b > lo && IsDeterminer(T[b - 1].low)) SetSource(r, {b - 1, k});
  } else {
    SetSource(r, SourceBefore(k));
  }
  if (r.a.source.empty()) return false;
  AddQuote(r, q);
  f = std::move(r);
  return true;
}

bool Finder::UsedTermCue(uint32_t q, Found& f) const {
  // Round 23c: "Trump has used the phrase “Islamic terrorism” often", "the
  // senator, his aides and his fundraising emails have all used the term
  // “kitchen sink”", "When Trump used the words, “I’m not quite there yet,”":
  // a finite "used" or "uses" with "the phrase", "the term", "the word(s)"
  // right before the quotation (after an optional comma), when no cue before
  // it in the sentence took it, is the cue (with its auxiliaries), its
  // subject the source. PolNeAR train: 2 such quotations, both annotated so
  // (dev 1); "for not using the term", "refrain from using the phrase" go
  // to the outer cue and stay with it.
  const auto& T = v_.toks;
  const uint32_t first = v_.quote_first[q];
  if (first < 4 || first >= T.size()) return false;
  uint32_t n = first - 1;
  if (Is(n, ",")) --n;
  if (T[n].quote >= 0 || !(Is(n, "phrase") || Is(n, "term") || Is(n, "word") || Is(n, "words")) ||
      !Is(n - 1, "the") || !(Is(n - 2, "used") || Is(n - 2, "uses")))
    return false;
  const uint32_t k = n - 2, lo = v_.sent_first[T[first].sent];
  if (k <= lo || T[k].sent != T[first].sent) return false;
  Found r;
  r.para = f.para;
  SetSource(r, SourceBefore(k));
  if (r.a.source.empty()) return false;
  r.cue_tok = k;
  r.a.cue = {ByteSpan{CueSpan(k).begin, T[n].span.end}};
  AddQuote(r, q);
  f = std::move(r);
  return true;
}

bool Finder::RatedCue(uint32_t q, Found& f) const {
  // Round 25: a fact-checker's rating: "PolitiFact rated 32% of Republican
  // claims as “false” or “pants on fire,” compared to …", "Politifact …
  // rated both aspects of it “True.”": "rated" or "rates" with a subject
  // before it and an object of one to ten words before the quotation is the
  // cue, the subject the source, the rest of the sentence the content. PolNeAR
  // train: 1 such frame, annotated so (dev 2 of 2); the 2 "rated" right
  // before a quotation with no object ("the vast majority of them rated
  // “confidential”") are no cue in gold and are left alone.
  const auto& T = v_.toks;
  const uint32_t first = v_.quote_first[q];
  if (first < 3 || first >= T.size()) return false;
  const uint32_t s = T[first].sent, lo = v_.sent_first[s];
  uint32_t k = first;
  for (; k > lo && first - k < 12; --k)
    if (T[k - 1].quote >= 0 || Is(k - 1, "rated") || Is(k - 1, "rates")) break;
  if (k <= lo + 1 || k + 1 >= first || T[k - 1].quote >= 0 ||
      !(Is(k - 1, "rated") || Is(k - 1, "rates")))
    return false;
  const uint32_t r = k - 1;
  for (uint32_t x = k; x < first; ++x)
    if ((Cue(x) == CueKind::kSpeech && !PluralNounAfterDeterminer(x)) || Is(x, ",") || Is(x, ";") ||
        Is(x, ":") || Is(x, ".") || IsDash(x))
      return false;
  Found g;
  g.para = f.para;
  SetSource(g, SourceBefore(r));
  // ("… examined the charge and rated both aspects of it “True.”")
  if (g.a.source.empty() && Coordinated(r)) SetSource(g, CoordinatedSubject(s, r));
  if (g.a.source.empty() || !T[g.src_first].cap) return false;
  g.cue_tok = r;
  g.a.cue = {CueSpan(r)};
  g.a.content = {Bytes(k, ContentEnd(s))};
  AddQuote(g, q);
  f = std::move(g);
  return true;
}

bool Finder::FrontedIngCue(uint32_t q, Found& f) const {
  // Round 25: an unlisted participle opening its sentence, with a quotation
  // in its clause, before the main clause's subject: "Bemoaning the “phony
  // system,” Trump accused Holt of being a Democrat", "Citing “obligations in
  // Tennessee,” the former vice president's spokeswoman …", "Remarking upon
  // Clinton's “genuine empathy,” Starr said, …". The participle (and a
  // preposition after it) is the cue, the main clause's subject the source,
  // the participle's clause up to the quotation's end the content. PolNeAR
  // train: of the 10 quotations in such a clause at a paragraph's start, 6
  // are the participle's in gold (Holding, Conceding, Remarking upon, Citing
  // twice, Bemoaning; dev 1 of 1); the others follow "Speaking" (3, before a
  // show's title), left out, or a gerund subject ("Closing the department
  // would “[send] …”"), refused. Train's 6 keep the cue PostCue or PreCue
  // found for them ("Citing “…,” the … spokeswoman said"), so only dev moves.
  const auto& T = v_.toks;
  const uint32_t first = v_.quote_first[q];
  if (first >= T.size()) return false;
  const uint32_t s = T[first].sent, lo = v_.sent_first[s];
  const std::string_view w = T[lo].low;
  if (lo + 1 >= first || !T[lo].cap || T[lo].kind != TokenKind::kWord || w.size() < 6 ||
      !w.ends_with("ing") || w == "speaking" || w == "according" || IsAdverbialStarter(w) ||
      w.ends_with("thing") || Aux(lo + 1) || IsPassiveAux(T[lo + 1].low))
    return false;  // (nor a gerund subject: "Fundraising was “stagnant …”")
  for (uint32_t k = lo + 1; k < first; ++k)
    if (T[k].quote >= 0 || Cue(k) != CueKind::kNone || IsPunct(k)) return false;
  const auto src = FrontedParticipleSubject(lo);
  if (src.first == kNone || src.first < v_.quote_end[q]) return false;
  Found g;
  g.para = f.para;
  SetSource(g, src);
  if (g.a.source.empty()) return false;
  uint32_t ce = lo + 1;
  if (IsPreposition(T[ce].low) && ce + 1 < first) ++ce;  // "Remarking upon", "Responding to"
  g.cue_tok = lo;
  g.a.cue = {Bytes(lo, ce)};
  g.a.content = {Bytes(ce, v_.quote_end[q])};
  AddQuote(g, q);
  f = std::move(g);
  return true;
}

bool Finder::HoldsQuoteMark(const Attribution& a) const {
  for (const ByteSpan& c : a.content)
    for (uint32_t t = v_.TokenAt(c.begin); t < v_.toks.size() && v_.toks[t].span.end <= c.end; ++t)
      if (v_.IsQuoteMark(t)) return true;
  return false;
}

void Finder::DropNestedUnsourced(std::vector<Attribution>& out) const {
  // Round 23c: an attribution with no source whose content, holding a
  // quotation, lies wholly inside the content of another that holds one too
  // is a frame inside that one's quotation or frame ("calling it a
  // "paperwork error" that was reported in a "hit piece" by The New York
  // Times", "… "mischief" that shows their "disconnect …""): PolNeAR gives
  // the fragment to the outer attribution (train 2 of 2 such, dev 3 of 3,
  // none paired with a gold attribution). `out` is sorted by content start;
  // the furthest end so far of the ones holding a quotation answers each.
  uint32_t reach = 0;
  bool any = false;
  std::vector<bool> drop(out.size(), false);
  for (size_t i = 0; i < out.size(); ++i) {
    const Attribution& a = out[i];
    if (a.content.empty()) continue;
    const bool quoted = HoldsQuoteMark(a);
    if (!quoted) continue;
    const uint32_t e = a.content.back().end;
    if (any && a.source.empty() && reach >= e) drop[i] = true;
    if (!drop[i]) reach = std::max(reach, e), any = true;
  }
  size_t k = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (drop[i]) continue;
    if (k != i) out[k] = std::move(out[i]);
    ++k;
  }
  out.resize(k);
}

}  // namespace chorus::quotes
