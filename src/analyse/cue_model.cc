// Cue words learned from PolNeAR train; see cue_model.h.
#include "analyse/cue_model.h"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "analyse/cue_lexicon.h"

namespace chorus::quotes {

namespace {

std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool ClosedClass(std::string_view w) {
  return IsAuxiliary(w) || IsDeterminer(w) || IsSubjectPronoun(w) || IsPreposition(w) ||
         IsClauseWord(w) || IsCueAdverb(w) || IsTimeWord(w) || w == "not" || w == "according";
}

// Base forms, which show no verb suffix, after a plural subject ("Critics
// argue that", "Polls suggest"): those PolNeAR train annotates as cues in at
// least 35% of their occurrences (like the other learned words) and whose new
// attributions on train get their source right more than half the time
// ("oppose", "prefer", "declare", "mention", "praise", "explain", "warn" do
// not; "express" gets its cue wrong more often than right).
bool IrregularOrBaseVerb(std::string_view w) {
  for (std::string_view v : {"argue", "suggest", "insist", "acknowledge", "discuss", "indicate",
                             "announce", "wonder", "predict", "criticize", "emphasize"})
    if (w == v) return true;
  return false;
}

// Cue heads are verbs: past and -ing forms, third person -s. Adverbs
// ("jokingly"), nouns ("assertion") and adjectives ("eager") are left out.
bool VerbShaped(std::string_view w) {
  if (w.size() < 4 || w.ends_with("ly")) return false;
  if (IrregularOrBaseVerb(w)) return true;
  if (w.ends_with("ed") || w.ends_with("ing")) return true;
  return w.ends_with("s") && !w.ends_with("ss") && !w.ends_with("ions") && !w.ends_with("nts");
}

bool Letters(std::string_view w) {
  for (char c : w)
    if (c < 'a' || c > 'z') return false;
  return true;
}

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Table {
  std::unordered_set<std::string, Hash, std::equal_to<>> cues;
  std::vector<std::string> rare, candidates;
  Table() {
    std::string_view m = EmbeddedCueModel();
    while (!m.empty()) {
      size_t nl = m.find('\n');
      std::string_view line = m.substr(0, nl);
      m = nl == std::string_view::npos ? std::string_view{} : m.substr(nl + 1);
      size_t t1 = line.find('\t');
      size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
      if (t2 == std::string_view::npos) continue;
      uint32_t cue = 0, total = 0;
      std::from_chars(line.data() + t1 + 1, line.data() + t2, cue);
      std::from_chars(line.data() + t2 + 1, line.data() + line.size(), total);
      std::string_view w = line.substr(0, t1);
      if (cue >= kMinCue && total > 0 && cue >= kMinRatio * total && VerbShaped(w)) cues.emplace(w);
      if (cue >= kMinRareCue && cue <= kMinCue && w.size() >= 4 && cue >= kMinRareRatio * total &&
          !cues.contains(w) && Letters(w))
        rare.emplace_back(w);
      else if (cue >= kMinCandidateCue && cue >= kMinCandidateRatio * total && w.size() >= 3 &&
               !cues.contains(w) && Letters(w) && !ClosedClass(w))
        candidates.emplace_back(w);
    }
  }
};

}  // namespace

void CueModelTrainer::Add(std::string_view text, const Segmentation& seg,
                          const std::vector<ByteSpan>& cues) {
  std::vector<ByteSpan> sorted = cues;
  std::sort(sorted.begin(), sorted.end(),
            [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; });
  size_t c = 0;
  for (const Token& t : seg.tokens) {
    if (t.kind != TokenKind::kWord) continue;
    std::string w = Lower(text.substr(t.span.begin, t.span.size()));
    if (ClosedClass(w)) continue;
    while (c < sorted.size() && sorted[c].end <= t.span.begin) ++c;
    bool in_cue = false;
    for (size_t k = c; k < sorted.size() && sorted[k].begin < t.span.end; ++k)
      if (sorted[k].begin <= t.span.begin && t.span.end <= sorted[k].end) in_cue = true;
    Count& n = counts_[w];
    ++n.total;
    n.cue += in_cue;
  }
}

std::string CueModelTrainer::Serialize(uint32_t min_cue) const {
  std::string out;
  for (const auto& [w, n] : counts_) {
    if (n.cue < min_cue) continue;
    out += w;
    out += '\t';
    out += std::to_string(n.cue);
    out += '\t';
    out += std::to_string(n.total);
    out += '\n';
  }
  return out;
}

static const Table& TheTable() {
  static const Table table;
  return table;
}

std::vector<std::string> LearnedCueWords() {
  return {TheTable().cues.begin(), TheTable().cues.end()};
}

std::vector<std::string> RareLearnedCueWords() {
  return TheTable().rare;
}

std::vector<std::string> CandidateCueWords() {
  return TheTable().candidates;
}

bool LearnedCue(std::string_view lower) {
  const Table& table = TheTable();
  return table.cues.contains(lower);
}

}  // namespace chorus::quotes
