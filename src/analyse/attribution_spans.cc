// Where cues and sources end: the candidates around each rule span and their
// features, scored by the learned span model (span_model.h); see
// attribution_finder.h.
#include <array>

#include "analyse/attribution_finder.h"
#include "analyse/span_model.h"

namespace chorus::quotes {

namespace {

std::string_view Bucket(uint32_t d) {
  static constexpr std::string_view kNames[] = {"0", "1", "2", "3", "4", "5-6", "5-6", "7+"};
  return kNames[std::min(d, 7u)];
}

}  // namespace

std::string_view Finder::BoundaryWord(uint32_t t, uint32_t sent) const {
  const auto& T = v_.toks;
  if (t >= T.size() || T[t].sent != sent) return "</s>";
  if (T[t].quote >= 0) return "<q>";
  if (T[t].kind == TokenKind::kNumber) return "<num>";
  return T[t].low;
}

std::string_view Finder::BoundaryClass(uint32_t t, uint32_t sent) const {
  const auto& T = v_.toks;
  if (t >= T.size() || T[t].sent != sent) return "</s>";
  if (T[t].quote >= 0) return "<q>";
  if (IsPunct(t)) return v_.Str(t).size() <= 3 ? v_.Str(t) : "<p>";
  if (T[t].kind == TokenKind::kNumber) return "<num>";
  const std::string& w = T[t].low;
  // Closed classes stand for themselves; other words by their shape.
  if (IsSubjectPronoun(w) || IsAuxiliary(w) || IsCueAdverb(w) || IsClauseWord(w) ||
      IsDeterminer(w) || IsPreposition(w) || IsTimeWord(w) || EndsInvertedSource(w))
    return w;
  if (T[t].cue != CueKind::kNone) return "<cue>";
  if (T[t].cap) return "<Cap>";
  if (w.size() > 4 && w.ends_with("ing")) return "<ing>";
  if (w.size() > 3 && w.ends_with("ed")) return "<ed>";
  if (w.size() > 3 && w.ends_with("ly")) return "<ly>";
  if (w.size() > 3 && w.ends_with("s")) return "<s>";
  return "<w>";
}

void Finder::ChooseEnd(Found& f, bool source) const {
  std::vector<ByteSpan>& spans = source ? f.a.source : f.a.cue;
  if (spans.size() != 1 || spans[0].size() == 0) return;
  const auto& T = v_.toks;
  const ByteSpan span = spans[0];
  uint32_t b = v_.TokenAt(span.begin), e = v_.TokenAt(span.end);
  if (b >= e || e > T.size()) return;
  uint32_t sent = T[e - 1].sent;
  // The end without trailing punctuation: the same text to the scorer.
  uint32_t stripped = e;
  while (stripped > b + 1 && IsPunct(stripped - 1)) --stripped;
  // How far an end may move right: within the sentence, before any quotation,
  // the attribution's other spans and punctuation other than commas,
  // apostrophes and hyphens; at most 10 tokens.
  uint32_t lim = std::min<uint32_t>(v_.sent_end[sent], e + 10);
  auto before_other = [&](const std::vector<ByteSpan>& other) {
    for (const ByteSpan& o : other)
      if (o.begin >= span.end) lim = std::min(lim, v_.TokenAt(o.begin));
  };
  before_other(f.a.content);
  before_other(source ? f.a.cue : f.a.source);
  for (uint32_t k = e; k < lim; ++k) {
    if (T[k].quote >= 0 ||
        (IsPunct(k) && !(Is(k, ",") || Is(k, "'") || Is(k, "-") || v_.Str(k) == "\xE2\x80\x99"))) {
      lim = k;
      break;
    }
  }
  const std::string_view role = source ? "s" : "c";
  const uint32_t head_tok = f.cue_tok != kNone ? f.cue_tok : b;
  const std::string_view head = BoundaryWord(head_tok, T[head_tok].sent);
  const bool post = !f.a.content.empty() && f.a.content.front().begin < span.begin;
  const bool inverted = source && !f.a.cue.empty() && f.a.cue.front().begin < span.begin;

  struct Cand {
    uint32_t end;
    SpanFeatures f;
  };
  std::array<Cand, 40> cands;
  uint32_t n = 0;
  auto add = [&](uint32_t x) {
    if (n == cands.size()) return;
    Cand& c = cands[n++];
    c.end = x;
    c.f = SpanFeatures{};
    c.f.names = names_;
    SpanFeatures& F = c.f;
    // The kind of move, prefixed by the role: ck (keep), cx (cut), ce (extend).
    char kind_buf[2] = {role[0], x == e ? 'k' : x < stripped ? 'x' : 'e'};
    std::string_view k(kind_buf, 2);
    uint32_t dist = x == e ? 0 : x < stripped ? stripped - x : x - stripped;
    F.Add(k);
    F.Add(k, "d", Bucket(dist));
    F.Add(k, "L", BoundaryWord(x - 1, sent));
    F.Add(k, "N", BoundaryWord(x, sent));
    F.Add(k, "LN", BoundaryWord(x - 1, sent), BoundaryWord(x, sent));
    F.Add(k, "NC", BoundaryClass(x, sent));
    F.Add(k, "LC", BoundaryClass(x - 1, sent));
    F.Add(k, "LNC", BoundaryClass(x - 1, sent), BoundaryClass(x, sent));
    F.Add(k, "H", head);
    F.Add(k, "HN", head, BoundaryWord(x, sent));
    F.Add(k, "pos", post ? "post" : "pre");
    F.Add(k, "dir", f.a.direct ? "1" : "0");
    F.Add(k, "len", Bucket(x - b));
    if (inverted) F.Add(k, "inv");
    if (x > stripped) {  // what the extension adds
      F.Add(k, "F", BoundaryWord(stripped, sent));
      F.Add(k, "FH", head, BoundaryWord(stripped, sent));
      F.Add(k, "F2", BoundaryWord(stripped, sent), BoundaryWord(stripped + 1, sent));
      F.Add(k, "FD", BoundaryWord(stripped, sent), Bucket(dist));
      F.Add(k, "FC", BoundaryClass(stripped, sent), BoundaryClass(stripped + 1, sent));
      F.Add(k, "FCD", BoundaryClass(stripped, sent), Bucket(dist));
      bool comma = false;
      for (uint32_t y = stripped; y < x; ++y) comma = comma || Is(y, ",");
      if (comma) F.Add(k, "comma");
    } else if (x < stripped) {  // what the cut leaves out
      F.Add(k, "F", BoundaryWord(x, sent));
      F.Add(k, "F2", BoundaryWord(x, sent), BoundaryWord(x + 1, sent));
      F.Add(k, "FC", BoundaryClass(x, sent), BoundaryClass(x + 1, sent));
      F.Add(k, "R", Bucket(stripped - x));
    }
  };
  add(e);
  for (uint32_t x = b + 1; x < stripped; ++x)
    if (!IsPunct(x - 1)) add(x);
  for (uint32_t x = stripped + 1; x <= lim; ++x)
    if (x > e && !IsPunct(x - 1)) add(x);
  if (n == 1) return;
  if (record_ != nullptr) {
    SpanDecision d;
    d.source = source;
    d.content = f.a.content;
    for (uint32_t i = 0; i < n; ++i) {
      d.candidates.push_back(i == 0 ? span : Bytes(b, cands[i].end));
      d.features.push_back(cands[i].f);
    }
    record_->push_back(std::move(d));
    return;
  }
  const SpanModel& model = SpanModel::Embedded();
  uint32_t best = 0;
  double top = model.Score(cands[0].f);
  for (uint32_t i = 1; i < n; ++i) {
    double s = model.Score(cands[i].f);
    if (s > top) top = s, best = i;
  }
  if (best != 0) spans[0] = Bytes(b, cands[best].end);
}

}  // namespace chorus::quotes
