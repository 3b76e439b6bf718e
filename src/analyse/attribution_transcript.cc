// Round 9: transcript turns ("WALLACE: Let's start …", "\"PENCE: Well, …"),
// one attribution a turn; see attribution_finder.h (Finder::TranscriptTurns).
#include <algorithm>
#include <string_view>
#include <vector>

#include "analyse/attribution_finder.h"

namespace chorus::quotes {

namespace {

// A speaker label's word: two letters or more, no lower-case letter
// ("WALLACE", "O'REILLY").
bool LabelWord(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

}  // namespace

std::vector<bool> Finder::TranscriptTurns(std::vector<Found>& found) const {
  const auto& T = v_.toks;
  const auto& paras = v_.seg.paragraphs;
  struct Turn {
    uint32_t para, label, colon;
  };
  std::vector<Turn> turns;
  std::vector<uint32_t> para_first(paras.size(), kNone);  // first token of each paragraph
  // (A paragraph starts a sentence.)
  for (uint32_t k : v_.sent_first)
    if (k < T.size() && para_first[T[k].para] == kNone) para_first[T[k].para] = k;
  for (uint32_t p = 0; p < paras.size(); ++p) {
    uint32_t k = para_first[p];
    if (k == kNone) continue;
    if (v_.IsQuoteMark(k)) ++k;
    uint32_t c = k;
    while (c < T.size() && c < k + 3 && T[c].para == p && T[c].kind == TokenKind::kWord &&
           LabelWord(v_.Str(c)))
      ++c;
    // The label, its colon, and words after it.
    if (c == k || c + 1 >= T.size() || !Is(c, ":") || T[c + 1].para != p) continue;
    turns.push_back({p, k, c});
  }
  std::vector<bool> in_turn(paras.size(), false);
  // A transcript: three turns or more, two speakers or more, one of them
  // speaking twice (PolNeAR train: headline labels, "UPDATE:", "BYLINE:",
  // "EXCLUSIVE:", stand alone).
  if (turns.size() < 3) return in_turn;
  // A speaker is named by the label's last word ("JAKE TAPPER", then "TAPPER").
  std::vector<std::string_view> speakers;
  for (const Turn& t : turns) speakers.push_back(v_.Str(t.colon - 1));
  std::sort(speakers.begin(), speakers.end());
  const bool two = speakers.front() != speakers.back();
  const bool again = std::adjacent_find(speakers.begin(), speakers.end()) != speakers.end();
  if (!two || !again) return in_turn;
  for (size_t i = 0; i < turns.size(); ++i) {
    const Turn& t = turns[i];
    Found f;
    f.cue_tok = t.colon;
    f.a.cue = {Bytes(t.colon, t.colon + 1)};
    f.src_first = t.label;
    f.src_end = t.colon;
    f.a.source = {Bytes(t.label, t.colon)};
    f.rule_source = true;
    f.turn = true;
    f.para = t.para;
    f.a.direct = true;
    f.a.content = {{T[t.colon + 1].span.begin, paras[t.para].end}};
    in_turn[t.para] = true;
    // Paragraphs that open with a quotation mark and no label continue a
    // turn that opened with one ("\"PENCE: … ¶ \"But the truth is …"); a
    // bracketed direction ("\"(CROSSTALK.)") does not.
    const uint32_t next = i + 1 < turns.size() ? turns[i + 1].para : paras.size();
    if (v_.IsQuoteMark(para_first[t.para])) {
      for (uint32_t p = t.para + 1; p < next; ++p) {
        uint32_t k = para_first[p];
        if (k == kNone || !v_.IsQuoteMark(k) || k + 1 >= T.size() || T[k + 1].para != p ||
            Is(k + 1, "("))
          break;
        f.a.content.push_back({T[k + 1].span.begin, paras[p].end});
        in_turn[p] = true;
        f.para = p;
      }
    }
    found.push_back(std::move(f));
  }
  return in_turn;
}

}  // namespace chorus::quotes
