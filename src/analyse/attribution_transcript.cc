// A label and a colon as source and cue: transcript turns (round 9:
// "WALLACE: Let's start …", "\"PENCE: Well, …", one attribution a turn) and
// headlines (round 11: "Rubio: I Still Believe …"); see attribution_finder.h
// (Finder::TranscriptTurns, Finder::HeadlineColon).
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

// Rubrics that open headlines with a colon and name no source ("The Latest:",
// "Breaking:", "Editor's Note:"; PolNeAR train), by their first word.
bool Rubric(std::string_view w) {
  for (std::string_view x :
       {"the",       "breaking",   "update",     "updated",      "exclusive", "watch",    "look",
        "wow",       "revealed",   "bombshell",  "busted",       "byline",    "boom",     "just",
        "editor's",  "paid",       "correction", "contributing", "q",         "delegate", "fix",
        "big",       "video",      "photos",     "live",         "opinion",   "analysis", "review",
        "editorial", "transcript", "read",       "listen",       "new"})
    if (w == x) return true;
  return false;
}

}  // namespace

void Finder::HeadlineColon(std::vector<Found>& found, const std::vector<bool>& in_turn) const {
  const auto& T = v_.toks;
  if (T.empty() || v_.seg.paragraphs.empty() || in_turn[0] || T[0].para != 0) return;
  // The label: capitalised words, with a dot after an abbreviation ("Dr.")
  // and a possessive ("Tuesday's Morning Email"); one to four words.
  uint32_t c = 0, words = 0, upper = 0, letters = 0;
  while (c < T.size() && T[c].para == 0 && words <= 4) {
    if (T[c].kind == TokenKind::kWord && T[c].cap) {
      ++words;
      for (char ch : v_.Str(c)) {
        letters += (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        upper += ch >= 'A' && ch <= 'Z';
      }
    } else if (!(c > 0 && Is(c, ".") && T[c - 1].kind == TokenKind::kWord)) {
      break;
    }
    ++c;
  }
  if (words == 0 || words > 4 || c >= T.size() || !Is(c, ":") || Rubric(T[0].low)) return;
  // A label in capitals is a rubric ("BOOM:", "FIX IS IN:"), but for an
  // initialism of two letters ("AP:").
  if (upper == letters && letters > 2) return;
  uint32_t end = c + 1, content_words = 0;
  for (; end < T.size() && T[end].para == 0; ++end) {
    if (T[end].quote >= 0) return;  // a quotation: ColonCue's
    content_words += T[end].IsWord();
  }
  if (content_words < 3) return;
  Found f;
  f.cue_tok = c;
  f.a.cue = {Bytes(c, c + 1)};
  f.src_first = 0;
  f.src_end = c;
  f.a.source = {Bytes(0, c)};
  f.rule_source = true;
  f.turn = true;
  f.para = 0;
  f.a.content = {{T[c + 1].span.begin, v_.seg.paragraphs[0].end}};
  found.push_back(std::move(f));
}

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
