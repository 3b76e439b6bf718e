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

void Finder::CueContextFeatures(const Found& f, SpanFeatures& F) const {
  const auto& T = v_.toks;
  const uint32_t t = f.cue_tok, s = T[t].sent;
  const uint32_t lo = v_.sent_first[s], hi = v_.sent_end[s];
  auto W = [&](uint32_t k) -> std::string_view {
    return k >= lo && k < hi ? BoundaryWord(k, s) : std::string_view("<s>");
  };
  auto C = [&](uint32_t k) -> std::string_view {
    return k >= lo && k < hi ? BoundaryClass(k, s) : std::string_view("<s>");
  };
  const std::string_view w = T[t].low;
  const std::string_view s3 = w.substr(w.size() >= 3 ? w.size() - 3 : 0);
  const std::string_view kind = CueKindName(t);
  F.Add("b");
  F.Add("k", kind);
  F.Add("w", w);
  F.Add("s3", s3);
  F.Add("p1", C(t - 1));
  F.Add("p1w", W(t - 1));
  F.Add("p2", C(t - 2));
  F.Add("n1", C(t + 1));
  F.Add("n1w", W(t + 1));
  F.Add("n2", C(t + 2));
  F.Add("wn1", w, C(t + 1));
  F.Add("kn1", kind, C(t + 1));
  F.Add("kp1", kind, C(t - 1));
  if (T[t].cap) F.Add("cap");
  F.Add("pos", Bucket(t - lo));
  // The source: the rules' first word and head (class and word), its length
  // and how far it ends before the cue (or that it follows the cue); the
  // span model's end when it moved it.
  if (f.src_first != kNone && f.src_end != kNone && f.src_first < f.src_end) {
    const uint32_t a = f.src_first, e = f.src_end;
    F.Add("sf", C(a));
    F.Add("sh", C(e - 1));
    F.Add("shw", W(e - 1));
    F.Add("sl", Bucket(e - a));
    F.Add("ksf", kind, C(a));
    if (e <= t) {
      F.Add("sg", Bucket(t - e));
      F.Add("wsf", w, C(a));
      F.Add("ksg", kind, Bucket(t - e));
    } else {
      F.Add("inv", kind);
    }
    if (a == lo) F.Add("sopen");
    if (!f.a.source.empty() && f.a.source.back().end != T[e - 1].span.end) F.Add("smoved");
  }
  // The content: how it opens, how long it is, whether it comes first.
  if (!f.a.content.empty()) {
    const uint32_t cb = v_.TokenAt(f.a.content.front().begin);
    const uint32_t ce = v_.TokenAt(f.a.content.back().end);
    if (cb < T.size()) {
      F.Add("cf", C(cb));
      F.Add("kcf", kind, C(cb));
      F.Add("wcf", w, C(cb));
      if (cb < t) F.Add("cbefore", kind);
      if (cb > t) F.Add("cgap", Bucket(cb - t - 1));
    }
    F.Add("cl", Bucket(ce > cb ? (ce - cb + 3) / 4 : 0));
  }
  // A quotation near the cue (a window: linear time in long sentences).
  bool quoted = false;
  for (uint32_t k = t > lo + 10 ? t - 10 : lo; k < hi && k < t + 10 && !quoted; ++k)
    quoted = T[k].quote >= 0;
  if (quoted) F.Add("q");
}

// Content holding a double quotation mark, even one no quotation pairs,
// counts as direct to the scorer: the model leaves such attributions alone.
bool Finder::HoldsQuoteMark(const Found& f) const {
  for (const ByteSpan& c : f.a.content) {
    const std::string_view x = v_.text.substr(c.begin, c.size());
    if (x.find('"') != std::string_view::npos) return true;
    for (std::string_view m :
         {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x9F", "\xC2\xAB", "\xC2\xBB"})
      if (x.find(m) != std::string_view::npos) return true;
  }
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
    cue_record_->push_back(CueContextRecord{f.a.cue.front(), F, CueKindName(f.cue_tok) == "cand"});
    return true;
  }
  return CueContextProbability(CueContextModel(), F) >= kClearThreshold;
}

std::vector<Attribution> CueContextRun(std::string_view text, const Segmentation& seg,
                                       std::vector<CueContextRecord>& records,
                                       std::map<uint64_t, std::string>& names) {
  Finder finder(text, seg, &records, &names);
  return finder.Run();
}

}  // namespace chorus::quotes
