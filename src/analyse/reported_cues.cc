// Cue words of reported speech only; see reported_cues.h.
#include "analyse/reported_cues.h"

#include <array>

#include "analyse/word_list.h"

namespace chorus::quotes {

namespace {

// Chosen on PolNeAR train (docs/ACCURACY.md, round 6): every word PolNeAR
// train puts in a cue at least 4 times and in at least 8% of its occurrences
// was tried as a cue of reported speech; these are the ones whose new
// attributions named the gold source exactly in at least half of them (3 or
// more times) with at least 40% of their content characters inside gold
// content ("The audit found that ...", "Democrats fear that ...", "Clinton
// sought to ..."). A second tier took those exact in at least 40% of 5 or
// more ("want" 21 of 50, "know", "hope", "decided", "spoke", "feel" ...):
// over the third that all-source F1 needs (docs/ACCURACY.md). "been",
// "made", "took", "support" (18 of 80) fell short.
constexpr auto kReported = Sorted(std::array<std::string_view, 44>{
    "advocate", "agree",   "aimed",   "allow",   "appointed", "ask",       "authorized", "blame",
    "decided",  "demands", "expect",  "explain", "exposed",   "express",   "fear",       "fears",
    "feel",     "filed",   "found",   "hired",   "hope",      "knew",      "know",       "knows",
    "lists",    "looked",  "note",    "promote", "published", "recognize", "recognized", "required",
    "see",      "seek",    "shown",   "signed",  "sought",    "spoke",     "talks",      "vow",
    "want",     "warn",    "watched", "worry"});

// Listed cues whose reported attributions on PolNeAR train (10 or more)
// named the gold source exactly in less than a third of them: "the United
// States", "the event began with", "pledged $1 million". Their reported
// attributions keep their content and lose their source (all-source F1
// gains from a predicted source only when it is exact more than F1 / 2 of
// the time).
constexpr auto kUnsourced = Sorted(std::array<std::string_view, 15>{
    "began", "believed", "call", "closed", "continues", "embraced", "ended", "maintained", "opened",
    "pledged", "remarks", "shares", "states", "urging", "views"});

}  // namespace

bool IsUnsourcedReportedCue(std::string_view lower) {
  return In(kUnsourced, lower);
}

bool IsReportedCue(std::string_view lower) {
  return In(kReported, lower);
}

std::vector<std::string_view> ReportedCueWords() {
  return {kReported.begin(), kReported.end()};
}

}  // namespace chorus::quotes
