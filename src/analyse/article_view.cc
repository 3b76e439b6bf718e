// ArticleView; see article_view.h.
#include "analyse/article_view.h"

#include <algorithm>

#include "analyse/cue_context.h"
#include "analyse/text_chars.h"
#include "util/byte_scan.h"

namespace chorus::quotes {

namespace {

// One lookup: a cue of reported speech only is kept apart from `cue`, which
// every quotation rule reads. Unlisted candidates are tried only with
// `all_candidates` (training the cue context model).
void SetCue(Tok& t, bool all_candidates) {
  CueKind k = CueOfAny(t.low);
  if (k == CueKind::kCandidateUnlisted && all_candidates) k = CueKind::kCandidate;
  if (k == CueKind::kReported || k == CueKind::kRareReported || k == CueKind::kCandidate) {
    t.reported = true;
    t.rare = k == CueKind::kRareReported;
    t.candidate = k == CueKind::kCandidate;
    if (t.candidate && !kCandidateCues) t.reported = t.candidate = false;
  } else if (k != CueKind::kCandidateUnlisted)
    t.cue = k;
}

}  // namespace

ArticleView::ArticleView(std::string_view t, const Segmentation& s, bool all_candidates)
    : text(t), seg(s) {
  toks.reserve(seg.tokens.size());
  tok_begin.reserve(seg.tokens.size());
  // Lower-cased forms: the whole text lower-cased at once (16 bytes a step),
  // each token a view at its own offsets — except tokens holding ’
  // ("Trump’s"), which the word lists want as ': those get a rewritten copy
  // after the text. `lowered` is sized up front and never reallocated, so the
  // views stay valid.
  std::vector<uint32_t> apostrophes;  // byte offsets of every ’
  for (size_t i = text.find("\xE2\x80\x99"); i != std::string_view::npos;
       i = text.find("\xE2\x80\x99", i + 3))
    apostrophes.push_back(static_cast<uint32_t>(i));
  size_t extra = 0;
  {
    size_t a = 0;
    for (const Token& tk : seg.tokens) {
      while (a < apostrophes.size() && apostrophes[a] < tk.span.begin) ++a;
      if (a < apostrophes.size() && apostrophes[a] < tk.span.end) extra += tk.span.size();
    }
  }
  lowered.resize(text.size() + extra);
  util::LowerAscii(text.data(), lowered.data(), text.size());
  size_t used = text.size();
  size_t next_apostrophe = 0;
  size_t si = 0;
  size_t pi = 0;
  sent_first.assign(seg.sentences.size(), 0);
  sent_end.assign(seg.sentences.size(), 0);
  sent_para.assign(seg.sentences.size(), 0);
  for (size_t k = 0; k < seg.sentences.size(); ++k) {
    while (pi + 1 < seg.paragraphs.size() && seg.paragraphs[pi].end <= seg.sentences[k].begin) ++pi;
    sent_para[k] = static_cast<uint32_t>(pi);
  }
  for (const Token& tk : seg.tokens) {
    while (si + 1 < seg.sentences.size() && seg.sentences[si].end <= tk.span.begin) {
      sent_end[si] = static_cast<uint32_t>(toks.size());
      ++si;
      sent_first[si] = static_cast<uint32_t>(toks.size());
    }
    // A capitalised word inside a sentence is a name ("United States"), not a cue.
    const bool after_punct =
        toks.empty() || toks.size() == sent_first[si] || toks.back().kind == TokenKind::kPunct;
    // Built in place: a Tok assembled on the stack and copied in costs a
    // store-forwarding stall per token (narrow stores read back wide).
    Tok& t = toks.emplace_back();
    tok_begin.push_back(tk.span.begin);
    t.span = tk.span;
    t.kind = tk.kind;
    while (next_apostrophe < apostrophes.size() && apostrophes[next_apostrophe] < tk.span.begin)
      ++next_apostrophe;
    if (next_apostrophe < apostrophes.size() && apostrophes[next_apostrophe] < tk.span.end) {
      const char* src = lowered.data() + tk.span.begin;
      const size_t n = tk.span.size();
      char* dst = lowered.data() + used;
      size_t o = 0;
      for (size_t k = 0; k < n; ++k) {
        if (src[k] == '\xE2' && k + 2 < n && src[k + 1] == '\x80' && src[k + 2] == '\x99') {
          dst[o++] = '\'';
          k += 2;
          continue;
        }
        dst[o++] = src[k];
      }
      t.low = std::string_view(dst, o);
      used += o;
    } else {
      t.low = std::string_view(lowered).substr(tk.span.begin, tk.span.size());
    }
    t.cap = text::IsUpperOrCaseless(text, tk.span.begin) && t.kind == TokenKind::kWord;
    if (t.kind != TokenKind::kPunct && (!t.cap || after_punct)) SetCue(t, all_candidates);
    t.sent = static_cast<uint32_t>(si);
    t.para = seg.sentences.empty() ? 0 : sent_para[si];
  }
  if (!seg.sentences.empty()) {
    sent_end[si] = static_cast<uint32_t>(toks.size());
    for (size_t k = si + 1; k < seg.sentences.size(); ++k)
      sent_first[k] = sent_end[k] = static_cast<uint32_t>(toks.size());
  }
  // A headline in title case ("Trump Says His Plan Will Not Let People Die")
  // keeps the cues among its capitalised words (PolNeAR train: 18 of 20
  // capitalised "Says" inside a sentence are cues). Title case: every word
  // of four letters or more capitalised, at least four of them.
  for (size_t k = 0; k < sent_first.size(); ++k) {
    uint32_t words = 0;
    bool title = true;
    for (uint32_t x = sent_first[k]; x < sent_end[k] && title; ++x) {
      const Tok& w = toks[x];
      if (w.kind != TokenKind::kWord || w.low.size() < 4) continue;
      title = w.cap;
      ++words;
    }
    if (!title || words < 4) continue;
    for (uint32_t x = sent_first[k] + 1; x < sent_end[k]; ++x)
      if (toks[x].cap && toks[x].cue == CueKind::kNone) SetCue(toks[x], all_candidates);
  }
  // (Asked for once per quotation by Finder::PreCue: a run-on sentence of
  // thousands of quotations must not mean a scan of it for each.)
  sent_comma.resize(sent_first.size());
  for (size_t k = 0; k < sent_first.size(); ++k) {
    uint32_t x = sent_first[k] + 1;
    while (x < sent_end[k] && toks[x].low != ",") ++x;
    sent_comma[k] = x;
  }

  quotations = FindQuotations(text, seg.paragraphs);
  quote_first.resize(quotations.size());
  quote_end.resize(quotations.size());
  for (size_t q = 0; q < quotations.size(); ++q) {
    const Quotation& qt = quotations[q];
    quote_first[q] = TokenAt(qt.first().begin);
    uint32_t e = quote_first[q];
    for (const ByteSpan& part : qt.parts) {
      for (uint32_t k = TokenAt(part.begin); k < toks.size() && toks[k].span.end <= part.end; ++k) {
        toks[k].quote = static_cast<int32_t>(q);
        e = k + 1;
      }
    }
    quote_end[q] = e;
  }
}

bool ArticleView::IsQuoteMark(uint32_t t) const {
  return toks[t].kind == TokenKind::kPunct && DoubleMarkLen(text, toks[t].span.begin) > 0;
}

uint32_t ArticleView::TokenAt(size_t b) const {
  // Over the token starts alone: 4 bytes a token, where a search over the
  // Toks themselves touches a cache line for each step.
  auto it = std::lower_bound(tok_begin.begin(), tok_begin.end(), b,
                             [](uint32_t t, size_t x) { return t < x; });
  return static_cast<uint32_t>(it - tok_begin.begin());
}

}  // namespace chorus::quotes
