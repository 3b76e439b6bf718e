// Cue words of reported speech only (internal): words PolNeAR train puts in
// a cue too rarely for them to be cues everywhere (`want`, `support`, `hope`,
// noun cues like `claim`), kept where their reported attributions on train
// name the right source often enough (see docs/ACCURACY.md, round 6). They
// never attach a quotation: only Finder::Reported reads them.
#pragma once

#include <string_view>
#include <vector>

namespace chorus::quotes {

bool IsReportedCue(std::string_view lower);
std::vector<std::string_view> ReportedCueWords();
// Listed cues (cue_lexicon.h) whose reported speech is given no source.
bool IsUnsourcedReportedCue(std::string_view lower);

}  // namespace chorus::quotes
