// CueModel — cue words learned from annotated attributions (internal).
//
// Training (`chorus train-quotes`, see README.md) counts, over the words of
// PolNeAR train, how often each lower-cased word lies inside a gold cue span
// and how often it occurs at all. The counts are written as text, one word a
// line ("word<TAB>in_cue<TAB>total", sorted by word), versioned as
// models/cue_lexicon.tsv and compiled into the binary at build time, so
// `chorus quotes` needs no file at run time.
// At run time a word is a learned cue when it was inside a cue at least
// kMinCue times and in at least kMinRatio of its occurrences.
// Closed-class words (auxiliaries, determiners, pronouns, prepositions, clause
// words) are never counted: they belong to cues only around a verb.
// LearnedCue is thread-safe (the table is built once, on first use).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"
#include "chorus/segment.h"

namespace chorus::quotes {

inline constexpr uint32_t kMinCue = 3;
inline constexpr double kMinRatio = 0.35;

class CueModelTrainer {
 public:
  // Counts the words of one article; `cues` are the gold cue spans (bytes).
  void Add(std::string_view text, const Segmentation& seg, const std::vector<ByteSpan>& cues);
  // The model text: words seen inside a cue at least `min_cue` times.
  std::string Serialize(uint32_t min_cue) const;

 private:
  struct Count {
    uint32_t cue = 0, total = 0;
  };
  std::map<std::string, Count, std::less<>> counts_;
};

// True when `lower` is a learned cue word under the embedded model.
bool LearnedCue(std::string_view lower);
// All learned cue words (any order).
std::vector<std::string> LearnedCueWords();
// Rare learned cues, of reported speech only (reported_cues.h): words of four
// letters or more inside a cue kMinRareCue to kMinCue times on train and in
// at least kMinRareRatio of their occurrences, of any shape, not learned cues.
inline constexpr uint32_t kMinRareCue = 2;
inline constexpr double kMinRareRatio = 0.25;
std::vector<std::string> RareLearnedCueWords();
// Candidate cues of reported speech (round 7), which the cue context model
// (cue_context.h) admits or not one by one: words of letters, three or more,
// of no closed class, inside a cue at least kMinCandidateCue times on train
// and in at least kMinCandidateRatio of their occurrences, that are neither
// learned nor rare cues. (Listed words keep their own kind: CueOfAny.)
inline constexpr uint32_t kMinCandidateCue = 3;
inline constexpr double kMinCandidateRatio = 0.15;
std::vector<std::string> CandidateCueWords();

// The embedded model text (generated from models/cue_lexicon.tsv).
std::string_view EmbeddedCueModel();

}  // namespace chorus::quotes
