// Turning an article into a syndicated near-copy, as another outlet would
// print it.
//
// EditCopy applies light edits to a text whose paragraphs are separated by
// blank lines: ~2-5% of the words replaced, deleted or preceded by an inserted
// word (only all-lowercase words, so names and quotation marks survive);
// paragraphs re-wrapped (two joined, or one split after a sentence); white
// space changed (extra blank lines, two spaces after sentences, trailing
// spaces, single line breaks); boilerplate added (a "By STAFF REPORTS" first
// line and/or a copyright last line). Deterministic given the Rng.
#pragma once

#include <string>
#include <string_view>

#include "rng.h"

namespace chorus::gen {

// Writes the edited copy of `text` into `out` (replacing its contents).
void EditCopy(std::string_view text, Rng& rng, std::string& out);

}  // namespace chorus::gen
