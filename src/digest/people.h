// The people a story names (internal).
//
// Candidates are the canonical speakers of the attributions that look like a
// person's full name (two to four capitalised words, not an organisation such
// as "the White House" or "Colonial Pipeline"), and two-word capitalised
// names that at least two outlets print and that some article also calls by
// the last word alone ("Ben Affleck" ... "Affleck said"), leaving out places,
// titles, months and days. An outlet names a person when one of its articles
// has the full name, or the surname when no other candidate shares it.
#pragma once

#include <string>
#include <vector>

#include "chorus/digest.h"

namespace chorus::digest {

// `outlet[i]` is the outlet of article i. Most outlets first, then by name.
std::vector<PersonCount> FindPeople(const std::vector<DigestArticle>& articles,
                                    const std::vector<std::string>& outlet, size_t max_people);

}  // namespace chorus::digest
