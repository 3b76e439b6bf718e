// Round 7: the features of a candidate cue's reported attribution and the
// cue context model's decision; see cue_context.h and attribution_finder.h.
#include <string_view>

#include "analyse/attribution_finder.h"
#include "analyse/cue_context.h"
#include "analyse/span_model.h"

namespace chorus::quotes {

namespace {

// A small count as a feature piece: 0 … 5, then 6+ (up to 10) and 11+.
std::string_view Bucket(uint32_t n) {
  static constexpr std::string_view kSmall[] = {"0", "1", "2", "3", "4", "5"};
  if (n < 6) return kSmall[n];
  return n <= 10 ? "6+" : "11+";
}

// The constant pieces of feature names, hashed once.
struct Tags {
  SpanPiece b{"b"}, k{"k"}, w{"w"}, s3{"s3"}, p1{"p1"}, p1w{"p1w"}, p2{"p2"}, n1{"n1"}, n1w{"n1w"},
      n2{"n2"}, wn1{"wn1"}, kn1{"kn1"}, kp1{"kp1"}, cap{"cap"}, pos{"pos"}, sf{"sf"}, sh{"sh"},
      shw{"shw"}, sl{"sl"}, ksf{"ksf"}, sg{"sg"}, wsf{"wsf"}, ksg{"ksg"}, inv{"inv"},
      sopen{"sopen"}, smoved{"smoved"}, cf{"cf"}, kcf{"kcf"}, wcf{"wcf"}, cbefore{"cbefore"},
      cgap{"cgap"}, cl{"cl"}, sfw{"sfw"}, pb{"pb"}, q{"q"}, out{"<s>"};
};

const Tags& Tag() {
  static const Tags tags;
  return tags;
}

}  // namespace

// The kind of cue a reported attribution has, as a feature piece.
std::string_view Finder::CueKindName(uint32_t t) const {
  const Tok& k = v_.toks[t];
  if (IsAccordingTo(t)) return "acc";
  switch (Cue(t)) {
    case CueKind::kSpeech:
      return "speech";
    case CueKind::kParticiple:
      return "part";
    case CueKind::kFrame:
      return "frame";
    case CueKind::kNone:
      return k.candidate ? "cand" : k.rare ? "rare" : k.reported ? "rep" : "none";
    default:
      return "learned";
  }
}

void Finder::CueLocalFeatures(uint32_t t, const SpanPiece& w, const SpanPiece& kind,
                              SpanFeatures& F) const {
  const auto& T = v_.toks;
  const Tags& g = Tag();
  const uint32_t s = T[t].sent;
  const uint32_t lo = v_.sent_first[s], hi = v_.sent_end[s];
  auto W = [&](uint32_t k) { return k >= lo && k < hi ? SpanPiece(BoundaryWord(k, s)) : g.out; };
  auto C = [&](uint32_t k) { return k >= lo && k < hi ? SpanPiece(BoundaryClass(k, s)) : g.out; };
  const std::string_view low = T[t].low;
  const SpanPiece s3(low.substr(low.size() >= 3 ? low.size() - 3 : 0)), p1 = C(t - 1),
                                                                        n1 = C(t + 1);
  F.Add(g.b);
  F.Add(g.k, kind);
  F.Add(g.w, w);
  F.Add(g.s3, s3);
  F.Add(g.p1, p1);
  F.Add(g.p1w, W(t - 1));
  F.Add(g.n1, n1);
  F.Add(g.n1w, W(t + 1));
  F.Add(g.wn1, w, n1);
  F.Add(g.kn1, kind, n1);
  F.Add(g.kp1, kind, p1);
  if (T[t].cap) F.Add(g.cap);
  F.Add(g.pos, Bucket(t - lo));
}

void Finder::CueContextFeatures(const Found& f, SpanFeatures& F) const {
  const auto& T = v_.toks;
  const Tags& g = Tag();
  const uint32_t t = f.cue_tok, s = T[t].sent;
  const uint32_t lo = v_.sent_first[s], hi = v_.sent_end[s];
  auto W = [&](uint32_t k) { return k >= lo && k < hi ? SpanPiece(BoundaryWord(k, s)) : g.out; };
  auto C = [&](uint32_t k) { return k >= lo && k < hi ? SpanPiece(BoundaryClass(k, s)) : g.out; };
  const SpanPiece w(T[t].low), kind(CueKindName(t));
  CueLocalFeatures(t, w, kind, F);
  // The source: the rules' first word and head (class and word), its length
  // and how far it ends before the cue (or that it follows the cue); the
  // span model's end when it moved it.
  if (f.src_first != kNone && f.src_end != kNone && f.src_first < f.src_end) {
    const uint32_t a = f.src_first, e = f.src_end;
    const SpanPiece sf = C(a);
    F.Add(g.sf, sf);
    F.Add(g.sfw, W(a));
    F.Add(g.pb, C(a - 1));
    F.Add(g.sh, C(e - 1));
    F.Add(g.shw, W(e - 1));
    F.Add(g.sl, Bucket(e - a));
    F.Add(g.ksf, kind, sf);
    if (e <= t) {
      const SpanPiece gap(Bucket(t - e));
      F.Add(g.sg, gap);
      F.Add(g.wsf, w, sf);
      F.Add(g.ksg, kind, gap);
    } else {
      F.Add(g.inv, kind);
    }
    if (a == lo) F.Add(g.sopen);
    if (!f.a.source.empty() && f.a.source.back().end != T[e - 1].span.end) F.Add(g.smoved);
  }
  // The content: how it opens, how long it is, whether it comes first.
  if (!f.a.content.empty()) {
    const uint32_t cb = v_.TokenAt(f.a.content.front().begin);
    const uint32_t ce = v_.TokenAt(f.a.content.back().end);
    if (cb < T.size()) {
      const SpanPiece cf = C(cb);
      F.Add(g.cf, cf);
      F.Add(g.kcf, kind, cf);
      F.Add(g.wcf, w, cf);
      if (cb < t) F.Add(g.cbefore, kind);
      if (cb > t) F.Add(g.cgap, Bucket(cb - t - 1));
    }
    F.Add(g.cl, Bucket(ce > cb ? (ce - cb + 3) / 4 : 0));
  }
  // A quotation near the cue (a window: linear time in long sentences).
  bool quoted = false;
  for (uint32_t k = t > lo + 10 ? t - 10 : lo; k < hi && k < t + 10 && !quoted; ++k)
    quoted = T[k].quote >= 0;
  if (quoted) F.Add(g.q);
}

// Content holding a double quotation mark, even one no quotation pairs,
// counts as direct to the scorer: the model leaves such attributions alone.
bool Finder::HoldsQuoteMark(const Found& f) const {
  const auto& T = v_.toks;
  for (const ByteSpan& c : f.a.content)
    for (uint32_t k = v_.TokenAt(c.begin); k < T.size() && T[k].span.end <= c.end; ++k)
      if (T[k].quote >= 0 || (IsPunct(k) && v_.IsQuoteMark(k))) return true;
  return false;
}

bool Finder::AdmitCandidate(const Found& f) const {
  const auto& T = v_.toks;
  // "show" stays a cue only after a plural (Cue; round 5: 29 of 199 elsewhere).
  if (T[f.cue_tok].low == "show" || HoldsQuoteMark(f)) return false;
  // A relative clause with a listed cue opening the content is that cue's
  // to report, even when the rules found it no source: "released a memo that
  // said …" (round 5).
  const uint32_t cb = v_.TokenAt(f.a.content.front().begin);
  for (uint32_t k = cb + 1; k < T.size() && k < cb + 6 && T[k].span.end <= f.a.content.back().end;
       ++k)
    if (T[k].cue != CueKind::kNone && (Is(k - 1, "that") || Is(k - 1, "which") || Is(k - 1, "who")))
      return false;
  if (cue_record_ != nullptr) return true;  // training: all, recorded at the end
  SpanFeatures F;
  CueContextFeatures(f, F);
  return CueContextProbability(CueContextModel(), F) >= kAdmitThreshold;
}

bool Finder::KeepReportedSource(const Found& f) const {
  if ((cue_record_ == nullptr && kClearThreshold <= 0) || HoldsQuoteMark(f)) return true;
  SpanFeatures F;
  F.names = cue_names_;
  CueContextFeatures(f, F);
  if (cue_record_ != nullptr) {
    const bool candidate = CueKindName(f.cue_tok) == "cand";
    cue_record_->push_back(CueContextRecord{f.a.cue.front(), F, candidate, false,
                                            candidate ? std::string(v_.toks[f.cue_tok].low) : ""});
    return true;
  }
  return CueContextProbability(CueContextModel(), F) >= kClearThreshold;
}

bool Finder::KeepDirectSource(const Found& f) const {
  // Every direct source is judged (round 9). Round 8 kept a pronoun or a
  // short name right next to its cue without the model to save half its
  // calls; judging them too is +2% instructions for `chorus quotes` and
  // cross-validated direct source F1 .8573 -> .8591 on train.
  SpanFeatures F;
  F.names = cue_names_;
  CueContextFeatures(f, F);
  DirectFeatures(F);
  if (cue_record_ != nullptr) {
    cue_record_->push_back(CueContextRecord{f.a.cue.front(), F, false, true, {}});
    return true;
  }
  return CueContextProbability(CueContextModel(), F) >= kDirectClearThreshold;
}

bool Finder::PlainInvertedName(const Found& f) const {
  // Round 20: "“…,” said 9/11 widow Terry Strada.": a speech cue right after
  // a closing mark, then a name of two or more capitalised words (after at
  // most three lower-case ones) closing the sentence, no comma. The model
  // cleared such sources on dev; on PolNeAR train it clears none of this form.
  const auto& T = v_.toks;
  const uint32_t c = f.cue_tok;
  if (f.a.source.size() != 1 || c < 2 || c >= T.size() || Cue(c) != CueKind::kSpeech) return false;
  const bool after_mark =
      (v_.IsQuoteMark(c - 1) && Is(c - 2, ",")) || (Is(c - 1, ",") && v_.IsQuoteMark(c - 2));
  const uint32_t b = v_.TokenAt(f.a.source[0].begin), e = v_.TokenAt(f.a.source[0].end);
  if (!after_mark || b != c + 1 || e < b + 2 || e >= T.size() || !Is(e, ".") ||
      (e + 1 < T.size() && T[e + 1].sent == T[e].sent))
    return false;
  uint32_t lower = 0;
  for (uint32_t k = b; k < e; ++k) {
    if (T[k].quote >= 0) return false;
    if (IsPunct(k)) {
      if (!Is(k, ".") && !Is(k, "/") && !Is(k, "-")) return false;
    } else if (!T[k].cap && ++lower > 3) {
      return false;
    }
  }
  return T[e - 1].cap && T[e - 2].cap && T[e - 1].kind == TokenKind::kWord &&
         T[e - 2].kind == TokenKind::kWord;
}

bool Finder::PassiveSubject(const Found& f) const {
  // Round 24: "Blumenthal was asked, “…”", "the show was officially named
  // “…”", "the book is described on Amazon as a “…”": the subject of a
  // passive asking or naming verb is not its source. PolNeAR train: 23 direct
  // gold cues are such a passive; 18 have no source, 5 the agent after "by",
  // none the subject (those with one are verbs that go on, "is quoted as
  // saying", "is reported to have called", or adjectives, "was shocked").
  const auto& T = v_.toks;
  const uint32_t c = f.cue_tok;
  if (!f.a.direct || c == kNone || c >= T.size() || f.src_first == kNone || f.src_first >= c)
    return false;
  const std::string_view w = T[c].low;
  if (!(w == "asked" || w == "called" || w == "named" || w == "described" || w == "titled" ||
        w == "dubbed" || w == "labeled" || w == "labelled" || w == "shown" || w == "designated" ||
        w == "declared" || w == "considered" || w == "seen" || w == "known"))
    return false;
  const uint32_t lo = v_.sent_first[T[c].sent];
  uint32_t a = c;
  while (a > lo && T[a - 1].quote < 0 && Adverb(a - 1)) --a;
  if (a == lo || T[a - 1].quote >= 0 || !(IsPassiveAux(T[a - 1].low) || Is(a - 1, "being")))
    return false;
  return !(c + 1 < T.size() && (Is(c + 1, "to") || Is(c + 1, "by")));
}

std::vector<Attribution> CueContextRun(std::string_view text, const Segmentation& seg,
                                       std::vector<CueContextRecord>& records,
                                       std::map<uint64_t, std::string>& names) {
  Finder finder(text, seg, &records, &names);
  return finder.Run();
}

}  // namespace chorus::quotes
