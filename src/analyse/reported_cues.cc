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
// sought to ..."). "been", "made", "took", "support", "want" fell short.
constexpr auto kReported = Sorted(std::array<std::string_view, 31>{
    "aimed",      "allow",    "appointed", "ask",  "authorized", "blame",     "demands",
    "expect",     "explain",  "express",   "fear", "fears",      "filed",     "found",
    "knows",      "lists",    "looked",    "note", "promote",    "published", "recognize",
    "recognized", "required", "see",       "seek", "shown",      "signed",    "sought",
    "vow",        "warn",     "worry"});

}  // namespace

bool IsReportedCue(std::string_view lower) {
  return In(kReported, lower);
}

std::vector<std::string_view> ReportedCueWords() {
  return {kReported.begin(), kReported.end()};
}

}  // namespace chorus::quotes
