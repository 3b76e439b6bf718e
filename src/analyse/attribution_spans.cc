// Where cues and sources end: the candidates around each rule span and their
// features, scored by the learned span model (span_model.h); see
// attribution_finder.h.
#include <array>

#include "analyse/attribution_finder.h"
#include "analyse/span_model.h"

namespace chorus::quotes {

namespace {

const SpanPiece& Bucket(uint32_t d) {
  static const SpanPiece kNames[] = {"0", "1", "2", "3", "4", "5-6", "5-6", "7+"};
  return kNames[std::min(d, 7u)];
}

// The constant pieces of feature names, hashed once.
struct Tags {
  SpanPiece H{"H"}, pos{"pos"}, dir{"dir"}, inv{"inv"}, F{"F"}, FH{"FH"}, F2{"F2"}, FC{"FC"},
      d{"d"}, L{"L"}, N{"N"}, LN{"LN"}, NC{"NC"}, LC{"LC"}, LNC{"LNC"}, HN{"HN"}, len{"len"},
      FD{"FD"}, FCD{"FCD"}, comma{"comma"}, R{"R"}, post{"post"}, pre{"pre"}, one{"1"}, zero{"0"};
};
const Tags& Tag() {
  static const Tags tags;
  return tags;
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
  std::string_view w = T[t].low;
  // Closed classes stand for themselves; other words by their shape.
  if (IsClosedClass(w)) return w;
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
  // (An abbreviation's dot does not stop it: "including Sen. Lindsey Graham".)
  auto abbreviation_dot = [&](uint32_t k) {
    return Is(k, ".") && k > 0 && T[k - 1].cap && T[k - 1].span.size() <= 4 && k + 1 < T.size() &&
           T[k + 1].cap && T[k - 1].span.end == T[k].span.begin;
  };
  for (uint32_t k = e; k < lim; ++k) {
    if (T[k].quote >= 0 || (IsPunct(k) && !(Is(k, ",") || Is(k, "'") || Is(k, "-") ||
                                            v_.Str(k) == "\xE2\x80\x99" || abbreviation_dot(k)))) {
      lim = k;
      break;
    }
    // (Round 20: nor over "in 2001", which TrimSource cut from the source:
    // "An arbitration panel in 2001 found".)
    if (source && Is(k, "in") && k + 1 < lim && IsYear(k + 1)) {
      lim = k;
      break;
    }
  }
  const std::string_view role = source ? "s" : "c";
  const uint32_t head_tok = f.cue_tok != kNone ? f.cue_tok : b;
  const SpanPiece head = BoundaryWord(head_tok, T[head_tok].sent);
  const bool post = !f.a.content.empty() && f.a.content.front().begin < span.begin;
  const bool inverted = source && !f.a.cue.empty() && f.a.cue.front().begin < span.begin;

  // The boundary word and class of every token a candidate looks at (b - 1
  // to lim + 1), computed once: each is asked for by several features of
  // several candidates.
  const uint32_t first = b > 0 ? b - 1 : 0;
  // (Per thread, not per call: only [first, lim + 2) is written and read, and
  // building 128 empty pieces a call cost 0.6% of BM_Analysis.)
  static thread_local std::array<SpanPiece, 64> word_at, class_at;
  const bool cached = lim + 2 - first <= word_at.size();
  if (cached)
    for (uint32_t t = first; t < lim + 2; ++t) {
      word_at[t - first] = BoundaryWord(t, sent);
      class_at[t - first] = BoundaryClass(t, sent);
    }
  auto W = [&](uint32_t t) {
    return cached && t >= first && t < lim + 2 ? word_at[t - first]
                                               : SpanPiece(BoundaryWord(t, sent));
  };
  auto C = [&](uint32_t t) {
    return cached && t >= first && t < lim + 2 ? class_at[t - first]
                                               : SpanPiece(BoundaryClass(t, sent));
  };

  // The kinds of move, prefixed by the role: ck (keep), cx (cut), ce (extend).
  // Features that do not depend on where a candidate ends are the same for
  // every candidate of one kind: they are hashed (and scored) once a kind.
  enum Kind : uint32_t { kKeep, kCut, kExtend };
  const Tags& tag = Tag();
  const char kind_bufs[3][2] = {{role[0], 'k'}, {role[0], 'x'}, {role[0], 'e'}};
  const SpanPiece kind_piece[3] = {std::string_view(kind_bufs[0], 2),
                                   std::string_view(kind_bufs[1], 2),
                                   std::string_view(kind_bufs[2], 2)};
  SpanFeatures shared[3];
  for (uint32_t kind = kKeep; kind <= kExtend; ++kind) {
    SpanFeatures& F = shared[kind];
    F.names = names_;
    const SpanPiece& k = kind_piece[kind];
    F.Add(k);
    F.Add(k, tag.H, head);
    F.Add(k, tag.pos, post ? tag.post : tag.pre);
    F.Add(k, tag.dir, f.a.direct ? tag.one : tag.zero);
    if (inverted) F.Add(k, tag.inv);
    if (kind == kExtend) {  // what every extension adds (x > stripped)
      F.Add(k, tag.F, W(stripped));
      F.Add(k, tag.FH, head, W(stripped));
      F.Add(k, tag.F2, W(stripped), W(stripped + 1));
      F.Add(k, tag.FC, C(stripped), C(stripped + 1));
    }
  }

  struct Cand {
    uint32_t end;
    Kind kind;
    SpanFeatures f;
  };
  std::array<Cand, 40> cands;
  uint32_t n = 0;
  auto add = [&](uint32_t x) {
    if (n == cands.size()) return;
    Cand& c = cands[n++];
    c.end = x;
    c.kind = x == e ? kKeep : x < stripped ? kCut : kExtend;
    c.f.n = 0;
    c.f.names = names_;
    SpanFeatures& F = c.f;
    const SpanPiece& k = kind_piece[c.kind];
    uint32_t dist = x == e ? 0 : x < stripped ? stripped - x : x - stripped;
    F.Add(k, tag.d, Bucket(dist));
    F.Add(k, tag.L, W(x - 1));
    F.Add(k, tag.N, W(x));
    F.Add(k, tag.LN, W(x - 1), W(x));
    F.Add(k, tag.NC, C(x));
    F.Add(k, tag.LC, C(x - 1));
    F.Add(k, tag.LNC, C(x - 1), C(x));
    F.Add(k, tag.HN, head, W(x));
    F.Add(k, tag.len, Bucket(x - b));
    if (x > stripped) {  // what the extension adds (the rule's own end, too, past punctuation)
      if (c.kind != kExtend) {
        F.Add(k, tag.F, W(stripped));
        F.Add(k, tag.FH, head, W(stripped));
        F.Add(k, tag.F2, W(stripped), W(stripped + 1));
        F.Add(k, tag.FC, C(stripped), C(stripped + 1));
      }
      F.Add(k, tag.FD, W(stripped), Bucket(dist));
      F.Add(k, tag.FCD, C(stripped), Bucket(dist));
      bool comma = false;
      for (uint32_t y = stripped; y < x; ++y) comma = comma || Is(y, ",");
      if (comma) F.Add(k, tag.comma);
    } else if (c.kind == kCut) {  // what the cut leaves out
      F.Add(k, tag.F, W(x));
      F.Add(k, tag.F2, W(x), W(x + 1));
      F.Add(k, tag.FC, C(x), C(x + 1));
      F.Add(k, tag.R, Bucket(stripped - x));
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
    d.direct = f.a.direct;
    d.content = f.a.content;
    for (uint32_t i = 0; i < n; ++i) {
      d.candidates.push_back(i == 0 ? span : Bytes(b, cands[i].end));
      SpanFeatures all = shared[cands[i].kind];
      for (uint32_t j = 0; j < cands[i].f.n && all.n < SpanFeatures::kMaxFeatures; ++j)
        all.h[all.n++] = cands[i].f.h[j];
      d.features.push_back(all);
    }
    record_->push_back(std::move(d));
    return;
  }
  const SpanModel& model = SpanModel::Embedded();
  // Weights are floats summed in a double: exact in any order, so splitting
  // the sum changes no score.
  const double shared_score[3] = {model.Score(shared[kKeep]), model.Score(shared[kCut]),
                                  model.Score(shared[kExtend])};
  uint32_t best = 0;
  double top = shared_score[cands[0].kind] + model.Score(cands[0].f);
  for (uint32_t i = 1; i < n; ++i) {
    double s = shared_score[cands[i].kind] + model.Score(cands[i].f);
    if (s > top) top = s, best = i;
  }
  if (best != 0) spans[0] = Bytes(b, cands[best].end);
}

}  // namespace chorus::quotes
