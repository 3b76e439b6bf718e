// Block quotes after a colon, signed quotations, reported speech and where its
// content ends before a quotation; see attribution_finder.h (where content
// starts: attribution_content.cc).
#include <algorithm>
#include <functional>
#include <queue>

#include "analyse/attribution_finder.h"

namespace chorus::quotes {

bool Finder::BlockCue(uint32_t q, Found& f) const {
  const auto& T = v_.toks;
  uint32_t first = v_.quote_first[q];
  if (first >= T.size() || first == 0) return false;
  const Quotation& qt = v_.quotations[q];
  uint32_t para = qt.paragraphs.front();
  if (qt.first().begin != v_.seg.paragraphs[para].begin) return false;
  // The previous paragraph must end in a colon.
  uint32_t last = first - 1;
  if (v_.Str(last).find_first_not_of(':') != std::string_view::npos || T[last].para + 1 != para)
    return false;
  uint32_t s = T[last].sent;
  uint32_t lo = v_.sent_first[s];
  // Round 25: "Trump issued the following statement:", "Sanders made the
  // following comment:", "The Clinton Foundation describes itself in the
  // following way:": the cue runs from the verb to the colon. PolNeAR train:
  // 4 of 4 gold cues ending in "the following" (and a noun) before a colon
  // take the verb and the phrase (3 direct; dev 1 of 1).
  uint32_t following = kNone;
  for (uint32_t k = last; k > lo + 1 && k + 3 > last; --k)
    if (Is(k - 1, "following") && Is(k - 2, "the") && T[k - 1].quote < 0) following = k - 2;
  for (uint32_t k = last; k > lo; --k) {
    uint32_t c = k - 1;
    if (T[c].quote >= 0) break;
    if (Cue(c) == CueKind::kNone) continue;
    f.cue_tok = c;
    f.a.cue = {CueSpan(c)};
    if (following != kNone && c < following && following < c + 4)
      f.a.cue.front().end = T[last - 1].span.end;
    SetSource(f, Cue(c) == CueKind::kParticiple ? ParticipleSubject(s, c) : SourceBefore(c));
    if (f.a.source.empty()) SetSource(f, SubjectOf(s, c));
    // Round 25: an inverted cue opening the sentence, "Stated Stone: ¶ “…”",
    // as "Said Ellis: “…”" in one paragraph (PolNeAR train: 4 of 4 such
    // sentence-initial cues before a name and a colon or comma have the name
    // as source; chorus missed this block quote's).
    if (f.a.source.empty() && c == lo && c + 1 < last && T[c + 1].cap)
      SetSource(f, SourceAfter(c + 1, last));
    AddQuote(f, q);
    return true;
  }
  // No cue word: the colon is the cue ("The New York Times reports:" has one).
  f.a.cue = {Bytes(last, last + 1)};
  SetSource(f, SubjectOf(s, last));
  // ... or the verb after the subject and "the following …" ("made the
  // following comment:"; its verb right after the subject, at most 3 words
  // before "the following").
  if (following != kNone && !f.a.source.empty() && f.src_end < following &&
      following < f.src_end + 4 && T[f.src_end].kind == TokenKind::kWord && !T[f.src_end].cap)
    f.a.cue = {Bytes(f.src_end, last)};
  AddQuote(f, q);
  return true;
}

bool Finder::DashCue(uint32_t q, Found& f) const {
  // A quotation signed by a dash and a name: the dash is the cue, the name
  // the source. Two layouts:
  // - the quotation is its whole paragraph and the signature opens the next
  //   one: "“…” ¶ - Bernie Sanders." (PolNeAR train: 7 of 9 such paragraphs
  //   after a quotation);
  // - the quotation opens its paragraph and the signature closes it:
  //   "“…” ― Sonya Herridge" (reader round-ups, epigraphs; PolNeAR dev
  //   annotates 24 such, train has none: written from the form, not fitted).
  const auto& T = v_.toks;
  const Quotation& qt = v_.quotations[q];
  uint32_t para = qt.paragraphs.back();
  uint32_t k = v_.quote_end[q];
  if (WholeParagraph(q)) {
    while (k < T.size() && T[k].para == para && IsPunct(k)) ++k;
    if (k >= T.size() || T[k].para != para + 1) return false;
    ++para;
  } else if (qt.first().begin != v_.seg.paragraphs[qt.paragraphs.front()].begin || k >= T.size() ||
             T[k].para != para) {
    return false;
  }
  if (!IsSignatureDash(k)) return false;
  uint32_t b = k + 1, e = b;
  // A name: up to four words, initials among them ("Edwin G. Monroy").
  uint32_t words = 0;
  while (e < T.size() && T[e].para == para && T[e].quote < 0) {
    if (T[e].cap && T[e].kind == TokenKind::kWord && words < 4)
      ++words;
    else if (!(e > b && Is(e, ".") && v_.Str(e - 1).size() == 1 && T[e - 1].cap))
      break;
    ++e;
  }
  if (e == b || IsDeterminer(T[b].low)) return false;
  // The name closes the paragraph or a comma follows it ("-Michelle Marks,
  // Philadelphia.").
  if (e < T.size() && T[e].para == para &&
      !(Is(e, ",") || (Is(e, ".") && (e + 1 == T.size() || T[e + 1].para != para))))
    return false;
  f.cue_tok = k;
  f.a.cue = {Bytes(k, k + 1)};
  SetSource(f, {b, e});
  if (f.a.source.empty()) {
    f = Found{};
    return false;
  }
  f.rule_source = true;  // (the span model would run on into ", Philadelphia")
  AddQuote(f, q);
  return true;
}

bool Finder::ColonCue(uint32_t q, Found& f) const {
  // PolNeAR train annotates the colon as the cue and the name as the source:
  // "Pollsters agree - Carl Bialik: “…”", "Rep. Trey Gowdy (R-S.C.):“…”".
  const auto& T = v_.toks;
  uint32_t first = v_.quote_first[q];
  if (first < 2 || first >= T.size() || !Is(first - 1, ":") || T[first - 1].quote >= 0)
    return false;
  uint32_t colon = first - 1;
  uint32_t lo = v_.sent_first[T[colon].sent];
  uint32_t e = colon, b = colon;
  if (b > lo + 1 && Is(b - 1, ")")) {  // a party and state: (R-S.C.)
    uint32_t k = b - 1;
    while (k > lo && !Is(k, "(") && b - k < 8) --k;
    if (!Is(k, "(")) return false;
    b = e = k;
  }
  while (b > lo) {
    uint32_t k = b - 1;
    if (T[k].quote >= 0) break;
    if (T[k].cap && T[k].kind == TokenKind::kWord && T[k].cue == CueKind::kNone) {
      b = k;
    } else if (Is(k, ".") && k > lo && T[k - 1].cap && T[k - 1].span.size() <= 4) {
      b = k;  // "Jeffrey M. Jones", "Rep."
    } else if (Is(k, "and") && k > lo && T[k - 1].cap && b < e) {
      b = k;  // "Frank Newport and Jim Harter"
    } else {
      break;
    }
  }
  if (b >= e || e - b > 8 || !T[b].cap || IsCueAdverb(T[b].low) || IsAdverbialStarter(T[b].low))
    return false;
  // The name opens its sentence or follows a heading's dash or "More from".
  bool opens = b == lo || Is(b - 1, "from") ||
               (IsPunct(b - 1) && (Is(b - 1, "-") || v_.Str(b - 1) == "\xE2\x80\x93" ||
                                   v_.Str(b - 1) == "\xE2\x80\x94"));
  if (!opens) return false;
  // A heading in capitals ("UPDATE:") is not a name.
  bool lower = false;
  for (uint32_t k = b; k < e; ++k)
    for (char c : v_.Str(k)) lower = lower || (c >= 'a' && c <= 'z');
  if (!lower) return false;
  f.cue_tok = kNone;
  f.a.cue = {Bytes(colon, colon + 1)};
  f.src_first = b;
  f.src_end = e;
  f.a.source = {Bytes(b, e)};
  AddQuote(f, q);
  return true;
}

bool Finder::ClauseColonCue(uint32_t q, Found& f) const {
  // PolNeAR train: 28 of 41 such quotations are attributed to the subject
  // (the others are bylines, "Related:"), the cue running from the verb to
  // the colon ("worded it even more carefully", "had one message").
  const auto& T = v_.toks;
  uint32_t first = v_.quote_first[q];
  if (first < 3 || first >= T.size() || !Is(first - 1, ":") || T[first - 1].quote >= 0)
    return false;
  uint32_t colon = first - 1;
  uint32_t s = T[colon].sent;
  uint32_t lo = v_.sent_first[s];
  if (colon > lo + 40) return false;  // a clause, not a run of them (and linear time)
  for (uint32_t k = lo; k < colon; ++k)
    if (T[k].quote >= 0) return false;
  auto src = SubjectOf(s, colon);
  if (src.first == kNone || src.second + 1 >= colon || IsClauseWord(T[src.first].low) ||
      IsAdverbialStarter(T[src.first].low))
    return false;
  uint32_t v = src.second;  // the verb: a lower-case word right after the subject
  if (IsPunct(v) || T[v].cap || T[v].kind != TokenKind::kWord || IsClauseWord(T[v].low) ||
      IsPreposition(T[v].low))
    return false;
  SetSource(f, src);
  if (f.a.source.empty()) return false;
  f.cue_tok = v;
  f.a.cue = {Bytes(v, colon)};
  AddQuote(f, q);
  return true;
}

void Finder::ClipBeforeDirect(Found& f, const std::vector<ByteSpan>& dspans,
                              const std::vector<uint32_t>& max_end,
                              const std::vector<ByteSpan>& dcues,
                              const std::vector<ByteSpan>& dsrcs) const {
  const ByteSpan c{f.a.content.front().begin, f.a.content.back().end};
  auto by_begin = [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; };
  auto d = std::lower_bound(dspans.begin(), dspans.end(), ByteSpan{c.begin, c.begin}, by_begin);
  size_t n = static_cast<size_t>(d - dspans.begin());  // spans starting before the content
  if (n > 0 && max_end[n - 1] > c.begin) return;       // one reaches into its start
  uint32_t cut = d != dspans.end() ? d->begin : c.end;
  if (cut >= c.end) return;
  // Content holding the cue of a quotation is its frame ("praised those who
  // left but said “…”"): not clipped.
  auto cu = std::lower_bound(dcues.begin(), dcues.end(), ByteSpan{c.begin, c.begin}, by_begin);
  if (cu != dcues.end() && cu->begin < cut) {
    // (Round 22: unless that quotation's source, capitalised, follows a
    // U+2015 dash: "When Clinton noted that … ― Trump boasted, “…”".)
    auto sr = std::lower_bound(dsrcs.begin(), dsrcs.end(), ByteSpan{c.begin + 1, 0}, by_begin);
    const uint32_t st = sr == dsrcs.end() ? 0 : v_.TokenAt(sr->begin);
    if (st == 0 || st >= v_.toks.size() || sr->begin >= cu->begin || !v_.toks[st].cap ||
        v_.Str(st - 1) != "\xE2\x80\x95")
      return;
    cut = sr->begin;
  }
  uint32_t b = v_.TokenAt(c.begin), e = v_.TokenAt(cut);
  while (e > b && IsPunct(e - 1)) --e;
  if (e < b + 3 || e > v_.toks.size()) return;
  for (uint32_t k = b; k < e; ++k)
    if (v_.toks[k].quote >= 0) return;  // a quotation left in it (a title): no clip
  // Only the part the cut falls in is cut: content in two parts around a
  // parenthetical cue ("This campaign, he says, is different") keeps its
  // first part, and never runs over its own source and cue (fuzz_quotes).
  const uint32_t end_byte = Bytes(b, e).end;
  std::vector<ByteSpan> parts;
  for (const ByteSpan& p : f.a.content) {
    if (p.begin >= end_byte) break;
    parts.push_back({p.begin, std::min(p.end, end_byte)});
  }
  f.a.content = std::move(parts);
  f.a.direct = false;
  // The span model trains on what the rules kept before this clip: its
  // decisions stay the same when the clipped ones keep the rules' ends.
  f.rule_source = true;
}

static constexpr bool kManyPerSentence = true;

uint32_t Finder::ClauseEnd(uint32_t c, uint32_t end) const {
  const auto& T = v_.toks;
  bool quoted = false;  // a quotation seen in the content so far
  for (uint32_t k = c + 2; k + 1 < end; ++k) {
    quoted = quoted || T[k - 1].quote >= 0;
    if (T[k].quote >= 0 || T[k + 1].quote >= 0) continue;
    // After a quoted fragment, a dash opens an aside: ... a “national security
    // election” — an issue Democrats have struggled with (PolNeAR train).
    if (quoted && IsPunct(k) && IsDash(k)) return k;
    const Tok& n = T[k + 1];
    // A semicolon ends the clause ("…; they only learned on Friday …"), and
    // so does ", as" opening an adverbial clause ("…, as Pyongyang fired …").
    // (", with …", ", especially …": tried in round 9, no better on train.)
    if (Is(k, ";")) return k;
    // "Podesta, who said the project was vetted, said he …": a cue right
    // after a comma is the main clause's, ending the relative clause's content.
    if (Is(k, ",") && n.cue == CueKind::kSpeech && !n.cap) return k;
    // "While Comey said there was evidence …, he said no prosecutor …": a
    // pronoun and a cue after a comma open the main clause.
    if (Is(k, ",") && IsSubjectPronoun(n.low) && !Is(k + 1, "who") && !Is(k + 1, "which") &&
        k + 2 < end && T[k + 2].quote < 0 && T[k + 2].cue == CueKind::kSpeech)
      return k;
    if (Is(k, ",") && (n.cue == CueKind::kParticiple || IsClauseEnder(n.low) || Is(k + 1, "as")))
      return k;
    // ", engaging in …", ", implicitly putting …": a participle adjunct
    // (not the -ing words PolNeAR train keeps inside content more often than
    // it ends content before them: "including" 132 to 14, "referring" 20 to 1).
    if (Is(k, ",") && !n.cap && n.kind == TokenKind::kWord) {
      const uint32_t p = Adverb(k + 1) && k + 2 < end ? k + 2 : k + 1;
      if (T[p].low.size() > 5 && T[p].low.ends_with("ing") && !IsContentIng(T[p].low)) return k;
    }
    // "... and added ...", "... — and he noted ...": a clause of its own.
    if (Is(k, "and") &&
        (n.cue != CueKind::kNone || (IsSubjectPronoun(n.low) && k + 2 < end && T[k + 2].quote < 0 &&
                                     T[k + 2].cue != CueKind::kNone))) {
      uint32_t e = k;
      while (e > c && (Is(e - 1, ",") || SpacedDash(e - 1))) --e;
      return e;
    }
  }
  return end;
}

void Finder::Reported(uint32_t s, std::vector<Found>& out, std::vector<bool>& used) const {
  const auto& T = v_.toks;
  uint32_t lo = v_.sent_first[s], hi = v_.sent_end[s];
  // A cue inside the content of one found in this sentence is nested ("X
  // said Y wants ..."): left to the outer attribution, but for a speech or
  // learned cue ("X said Y told him ...", "X said a poll found ..."), which
  // PolNeAR annotates as an attribution of its own (round 11). Contents wait
  // in `pending` (by start) until the scan reaches them; `covered` is the
  // furthest end of those reached. Linear in the sentence.
  std::priority_queue<std::pair<uint32_t, uint32_t>, std::vector<std::pair<uint32_t, uint32_t>>,
                      std::greater<>>
      pending;
  uint32_t covered = 0;
  // Nested attributions made in this sentence: at most kMaxNested. Each one's
  // content runs to the end of the outer one's, so a chain of them ("he said
  // he said he said …", 1 MB of it) would print the sentence once per cue:
  // quadratic output, and memory enough to abort. On PolNeAR train chorus's
  // cues lie inside at most 3 other contents (gold's inside none), so the
  // bound changes no output there.
  constexpr uint32_t kMaxNested = 8;
  uint32_t nested_made = 0;
  // The later passes visit only the reported-only cues the first one met.
  std::vector<uint32_t>& weak_toks = weak_toks_;
  weak_toks.clear();
  // Cues of reported speech only (reported_cues.h) come in a second pass, the
  // rare learned ones (cue_model.h) in a third and the candidates of the cue
  // context model (cue_context.h) in a fourth; each pass yields to the ones
  // before: no content of its overlaps one found before.
  const size_t first = out.size();
  std::vector<ByteSpan>& strong = strong_;  // (reused: no allocation a sentence)
  std::vector<uint32_t>& reach = reach_;
  unsigned passes = 1;  // the passes some token of this sentence runs in (bit per pass)
  for (int pass = 0; pass < 4; ++pass) {
    if (pass >= 1) {
      if (weak_toks.empty()) break;
      if (!(passes & (1u << pass))) continue;
      covered = 0;
      while (!pending.empty()) pending.pop();
      strong.clear();
      for (size_t i = first; i < out.size(); ++i)
        for (const ByteSpan& c : out[i].a.content) {
          pending.push({c.begin, c.end});
          strong.push_back(c);
        }
      std::sort(strong.begin(), strong.end(),
                [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; });
      reach.resize(strong.size());
      for (size_t i = 0; i < strong.size(); ++i)
        reach[i] = std::max(strong[i].end, i ? reach[i - 1] : 0u);
    }
    for (size_t i = 0;; ++i) {
      const uint32_t t = pass == 0              ? lo + static_cast<uint32_t>(i)
                         : i < weak_toks.size() ? weak_toks[i]
                                                : hi;
      if (t >= hi) break;
      while (!pending.empty() && pending.top().first <= T[t].span.begin) {
        covered = std::max(covered, pending.top().second);
        pending.pop();
      }
      const bool nested = T[t].span.end <= covered;
      // (Not a noun: "the claims had no substance".)
      if (used[t] || T[t].quote >= 0 ||
          (nested &&
           (nested_made >= kMaxNested ||
            !(pass == 0 && (T[t].cue == CueKind::kSpeech || T[t].cue == CueKind::kLearned) &&
              t > lo && !IsDeterminer(T[t - 1].low)))))
        continue;
      // "Asked whether ..., 75 percent said yes": the question up to the comma,
      // with no source (PolNeAR train: 34 of 40).
      if (Is(t, "asked") && (t == lo || (t == lo + 1 && Is(lo, "when")))) {
        uint32_t c = t + 1, e = c;
        while (e < hi && !(Is(e, ",") && T[e].quote < 0)) ++e;
        if (e < hi && e > c + 1) {
          Found f;
          f.cue_tok = t;
          f.para = T[t].para;
          f.a.cue = {Bytes(lo, t + 1)};
          // (Round 27: "Asked by Stephanopoulos to respond …": the asker.)
          if (uint32_t q = c; Is(c, "by")) {
            SetSource(f, AskedByAgent(c, e, q));
            if (!f.a.source.empty()) {
              f.rule_source = true;
              c = q;
            }
          }
          f.a.content = {Bytes(c, e)};
          for (uint32_t k = c; k < e; ++k) f.a.direct = f.a.direct || T[k].quote >= 0;
          used[t] = true;
          pending.push({f.a.content.front().begin, f.a.content.front().end});
          out.push_back(std::move(f));
          continue;
        }
      }
      // "In a CNN/ORC poll released Monday, 31% of Republicans said …": a
      // sentence-initial "In" and a poll or survey up to the comma are the
      // cue and the source, the rest of the sentence the content (PolNeAR
      // train: 13 of 16 such sentences; "In a statement, X said" is X's).
      if (pass == 0 && t == lo) {
        const uint32_t e = PollFrameEnd(s);
        const uint32_t end = ContentEnd(s);
        if (e != kNone && e + 1 < end) {
          Found f;
          f.para = T[t].para;
          SetPollFrame(f, t, e, end);
          for (uint32_t k = e + 1; k < end; ++k) f.a.direct = f.a.direct || T[k].quote >= 0;
          used[t] = true;
          pending.push({f.a.content.front().begin, f.a.content.front().end});
          out.push_back(std::move(f));
          continue;
        }
      }
      bool according = IsAccordingTo(t);
      CueKind ck = according ? CueKind::kSpeech : Cue(t);
      const bool weak = ck == CueKind::kNone && T[t].reported && !AfterPossessive(t);
      const int own = !weak ? 0 : T[t].candidate ? 3 : T[t].rare ? 2 : 1;
      if (pass == 0 && weak) {
        weak_toks.push_back(t);
        passes |= 1u << own;
      }
      if (own != pass) continue;
      if (weak) ck = T[t].low.ends_with("ing") ? CueKind::kParticiple : CueKind::kLearned;
      if (ck == CueKind::kNone) continue;  // frames report too: "referred to the plan as ..."
      // A frame verb's -ing form after a comma attaches to the clause's subject
      // like a participle: "“…,” Manchin said, referring to the Senate."
      // ("Trump is claiming that …": after a form of "be", an -ing cue is the
      // verb of its own clause, its subject before it.)
      uint32_t a = t;
      while (a > lo && (Adverb(a - 1) || Negation(a - 1))) --a;
      const bool progressive =
          a > lo && IsPassiveAux(T[a - 1].low) && !Is(a - 1, "be") && T[t].low.ends_with("ing");
      const bool participle =
          !progressive &&
          (ck == CueKind::kParticiple ||
           (ck == CueKind::kFrame && T[t].low.ends_with("ing") && t > lo && Is(t - 1, ",")));
      if (participle && !(t > lo && (Is(t - 1, ",") || Is(t - 1, "by") || Is(t - 1, "after"))))
        continue;
      // "Having said that, …": a discourse phrase, not a report.
      if (Is(t, "said") && t > lo && Is(t - 1, "having") && t + 2 < hi && Is(t + 1, "that") &&
          Is(t + 2, ","))
        continue;
      // "decided to write" is not a report; "went on to say" is.
      if (t > lo && Is(t - 1, "to") && GoesOnTo(t) == kNone) continue;
      Found f;
      f.cue_tok = t;
      f.para = T[t].para;
      f.a.cue = {CueSpan(t)};
      uint32_t end = ContentEnd(s);
      // A candidate's content runs at most 80 tokens (the model rejects most
      // of them: each must cost little in a run-on sentence).
      if (T[t].candidate) end = std::min(end, t + 80);
      if (according) {
        // "According to X, ..." or "..., according to X."
        auto src = SourceAfter(t + 2, hi);
        if (src.first == kNone) continue;
        // Any noun phrase can follow "according to": "city officials", "a report".
        f.src_first = src.first;
        f.src_end = src.second;
        f.a.source = {Bytes(src.first, src.second)};
        // (An opening word or two before it are no content: "But, according
        // to the poll, …", "In addition, according to the department, …".)
        const bool opens =
            t == lo ||
            (t > lo && Is(t - 1, ",") &&
             (t - 1 == lo || (t - 1 <= lo + 2 && T[lo].cap && IsAdverbialStarter(T[lo].low))));
        if (opens) {
          // "According to Facebook, Trump generated ...": the source ends at the comma.
          for (uint32_t k = src.first; k < src.second; ++k)
            if (Is(k, ",")) {
              src.second = k;
              break;
            }
          // ... and runs to it ("According to a study by A and B, …").
          if (src.first == t + 2) src.second = std::max(src.second, OpeningComma(t));
          f.src_end = src.second;
          f.a.source = {Bytes(src.first, src.second)};
          uint32_t c = src.second;
          while (c < end && (Is(c, ",") || IsPunct(c))) ++c;
          if (end > c) f.a.content = {Bytes(c, end)};
        } else if (t > lo && Is(t - 1, ",")) {
          if (t - 1 > lo) f.a.content = {Bytes(lo, t - 1)};
        } else if (t > lo + 2 && (src.second >= end || Is(src.second, ","))) {
          f.a.content = {Bytes(lo, t)};  // "... leads in Iowa according to the poll."
        }
      } else if (t > lo && Is(t - 1, ",") && ck == CueKind::kSpeech &&
                 SourceAfter(t + 1, hi).first != kNone && SourceAfter(t + 1, hi).second >= end &&
                 !AppositiveSubject(lo, t)) {
        // "..., said the official."
        SetSource(f, SourceAfter(t + 1, hi));
        if (t - 1 > lo) f.a.content = {Bytes(lo, t - 1)};
      } else {
        auto src = participle             ? ParticipleSubject(s, t)
                   : GoesOnTo(t) != kNone ? SourceBefore(GoesOnTo(t))
                                          : SourceBefore(t);
        // "He called the actions lawful, and said ...": the sentence's subject.
        if (src.first == kNone && Coordinated(t)) src = SubjectOf(s, t);
        // Round 8: a listed cue's source the scan back missed ("A teary-eyed
        // Bush says", "Kasich (who has 25 delegates) said"); the rules' end is
        // kept, so the span model trains as before.
        if (src.first == kNone && pass == 0 && !participle && GoesOnTo(t) == kNone) {
          src = FallbackSource(t);
          f.rule_source = src.first != kNone;
        }
        if (src.first == kNone) continue;
        SetSource(f, src);
        uint32_t b = src.first;
        // "..., Reyes said." / "..., Reyes said Monday." : content before the source.
        uint32_t after = t + 1;
        // "..., a Cairo airport official told The New York Times.": the
        // object of "told" (a name, a pronoun, "reporters"; up to eight words).
        if (Is(t, "told") || Is(t, "tells"))
          while (after < end && after < t + 9 && T[after].quote < 0 &&
                 ((T[after].cap && T[after].kind == TokenKind::kWord) || Is(after, ".") ||
                  Is(after, "reporters") || Is(after, "me") || Is(after, "him") ||
                  Is(after, "her") || Is(after, "us") || Is(after, "them") || Is(after, "the")))
            ++after;
        while (after < end &&
               (IsTimeWord(T[after].low) || Is(after, "on") || Is(after, "in") || Is(after, "a") ||
                Is(after, "statement") || Is(after, "an") || Is(after, "interview")))
          ++after;
        // "..., top black lawmakers said Friday after the event.", "...,
        // Hollande said Tuesday in a speech.": a short prepositional phrase
        // of time or place closing the sentence.
        uint32_t p = t + 1;
        while (p < end && IsTimeWord(T[p].low)) ++p;
        if (b > lo && Is(b - 1, ",") && after < end && p < end && end - p <= 8 &&
            (Is(p, "after") || Is(p, "before") || Is(p, "during") || Is(p, "at") ||
             Is(p, "following") || Is(p, "in") || Is(p, "on"))) {
          uint32_t k = p + 1;
          while (k < end && T[k].quote < 0 && !Is(k, "that") && !Is(k, ",") &&
                 T[k].cue == CueKind::kNone && !T[k].reported)
            ++k;
          if (k == end) after = end;
        }
        // ("…, political analysts say; in 2012, …": a semicolon closes it too.)
        if (b > lo && Is(b - 1, ",") && (after >= end || Is(after, ";"))) {
          if (b - 1 > lo) f.a.content = {Bytes(lo, b - 1)};
        } else if (b > lo + 1 && Is(b - 1, ",") && after + 1 < end && Is(after, ",") &&
                   T[after + 1].quote < 0) {
          // "This campaign, he says, is different.": a parenthetical cue; the
          // content is the sentence on both sides of it (PolNeAR train: 158 of
          // 180 such cues before text).
          uint32_t e = ClauseEnd(after + 1, end);
          f.a.content = {Bytes(lo, b - 1)};
          if (e > after + 1) f.a.content.push_back(Bytes(after + 1, e));
        } else {
          uint32_t c = ContentStart(t, end);
          uint32_t e = ClauseEnd(c, end);
          // Not "to reporters" but "to comment" (declined to comment, is
          // expected to win): a to-infinitive is content.
          bool infinitive = c < e && Is(c, "to") && c + 1 < e && !T[c + 1].cap && !IsPunct(c + 1) &&
                            !IsDeterminer(T[c + 1].low) && T[c + 1].kind == TokenKind::kWord;
          // ("about 20 people have …": a preposition before a number opens content.)
          const bool quantity = c + 1 < e &&
                                (Is(c, "about") || Is(c, "around") || Is(c, "roughly")) &&
                                T[c + 1].kind == TokenKind::kNumber;
          // ("55 percent said so", "… said yes", "26 percent said the same":
          // a short answer is content.)
          const bool answer = (e == c + 1 && (Is(c, "so") || Is(c, "yes") || Is(c, "no"))) ||
                              (e == c + 2 && Is(c, "the") && Is(c + 1, "same"));
          if (e > c && (e - c >= 3 || infinitive || answer) &&
              (!IsPreposition(T[c].low) || infinitive || quantity))
            f.a.content = {Bytes(c, e)};
        }
      }
      if (f.a.content.empty() || f.a.source.empty()) continue;
      // "Clinton seemed irritated", "Trump is expected to win": PolNeAR gives
      // these no source; the subject is part of the content.
      if (IsRaisingVerb(T[t].low) && f.src_end != kNone && f.src_end <= t &&
          f.a.content.front().begin > f.a.source.front().end) {
        f.a.content.insert(f.a.content.begin(), f.a.source.front());
        f.a.source.clear();
      } else if (t > lo && IsPassiveAux(T[t - 1].low) &&
                 (T[t].low.ends_with("ed") || Is(t, "told"))) {
        f.a.source.clear();  // "Trump was asked what ...": the asker is not named
      }
      for (uint32_t k = v_.TokenAt(f.a.content.front().begin);
           k < T.size() && T[k].span.end <= f.a.content.back().end && !f.a.direct; ++k)
        if (T[k].quote >= 0) f.a.direct = true;
      if (weak) {
        // Reported content only, and none that the first pass found. Round
        // 23b: but a listed word (not a rare or candidate one) before "that"
        // keeps a clause holding a quotation ("In 2014, Pew found that “about
        // twice as many Democrats …”", "They generally agree that those
        // making more … should pay “a lot more”"): PolNeAR train makes the
        // word the cue of 4 of the 6 such clauses outside quotations (the
        // others "updated to note that", a noun "hope that"; dev 1 of 5,
        // "report … found that", the one chorus takes).
        if (f.a.direct && (T[t].rare || T[t].candidate || !Is(t + 1, "that"))) continue;
        const ByteSpan c{f.a.content.front().begin, f.a.content.back().end};
        auto it = std::lower_bound(
            strong.begin(), strong.end(), ByteSpan{c.end, c.end},
            [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; });
        size_t n = static_cast<size_t>(it - strong.begin());  // spans starting before c.end
        if (n > 0 && reach[n - 1] > c.begin) continue;
        f.weak = true;
        // The rare ones come last and keep the rules' source end: the span
        // model neither trains on them nor sees its other decisions change.
        f.rule_source = f.rule_source || T[t].rare || T[t].candidate;
        if (T[t].candidate && !AdmitCandidate(f)) continue;
      }
      used[t] = true;
      nested_made += nested;
      for (const ByteSpan& c : f.a.content) pending.push({c.begin, c.end});
      out.push_back(std::move(f));
      if (!kManyPerSentence) return;
    }
  }
}

}  // namespace chorus::quotes
