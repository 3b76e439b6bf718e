// ArticleView — the tokens of one article with what attribution needs to know
// about each: lower-cased form, capitalisation, sentence, paragraph and the
// quotation covering it (internal, shared by the attribution finder and the
// speaker resolver).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyse/cue_lexicon.h"
#include "analyse/quote_marks.h"
#include "chorus/segment.h"

namespace chorus::quotes {

struct Tok {
  ByteSpan span;
  // Lower-cased (ASCII letters only; enough for the word lists), ’ as ';
  // points into ArticleView::lowered.
  std::string_view low;
  TokenKind kind;
  bool cap = false;              // starts with an upper-case letter
  CueKind cue = CueKind::kNone;  // CueOf(low) for words (kReported goes to `reported`)
  bool reported = false;         // a cue of reported speech only (reported_cues.h)
  bool rare = false;             // ... a rare one (cue_model.h)
  bool candidate = false;        // ... a candidate for the cue context model (cue_context.h)
  int32_t quote = -1;            // index into ArticleView::quotations, or -1
  uint32_t sent = 0;             // sentence index
  uint32_t para = 0;             // paragraph index
  bool IsWord() const { return kind != TokenKind::kPunct; }
};

struct ArticleView {
  // `all_candidates`: every candidate cue word is one (training the cue
  // context model), not only the kept ones (cue_context.h).
  ArticleView(std::string_view text, const Segmentation& seg, bool all_candidates = false);
  ArticleView(const ArticleView&) = delete;  // the tokens point into `lowered`
  ArticleView& operator=(const ArticleView&) = delete;

  std::string_view text;
  const Segmentation& seg;
  std::vector<Tok> toks;
  std::vector<uint32_t> tok_begin;  // toks[i].span.begin, for TokenAt
  // The text lower-cased, then a copy of each token holding ’ with ' for it;
  // sized once (the tokens' `low` point into it).
  std::string lowered;
  std::vector<uint32_t> sent_first;  // first token of each sentence
  std::vector<uint32_t> sent_end;    // one past its last token
  std::vector<uint32_t> sent_para;   // paragraph of each sentence
  std::vector<uint32_t> sent_comma;  // its first "," after its first token (or past it)
  std::vector<Quotation> quotations;
  std::vector<uint32_t> quote_first;  // first token of each quotation
  std::vector<uint32_t> quote_end;    // one past its last token

  std::string_view Str(uint32_t t) const {
    return text.substr(toks[t].span.begin, toks[t].span.size());
  }
  // True for a punctuation token that is a double quotation mark.
  bool IsQuoteMark(uint32_t t) const;
  // Index of the first token starting at or after byte `b` (toks.size() if none).
  uint32_t TokenAt(size_t b) const;
};

}  // namespace chorus::quotes
