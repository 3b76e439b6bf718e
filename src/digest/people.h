// The people a story names (internal).
//
// Candidates are the canonical speakers of the attributions that look like a
// person's full name (two to four capitalised words, not an organisation such
// as "the White House" or "Colonial Pipeline"), and two-word capitalised
// names that at least two outlets print and that some article also calls by
// the last word alone ("Ben Affleck" ... "Affleck said"), leaving out places,
// titles, months and days, and words the story mostly writes in lower case.
// An outlet names a person when one of its articles
// has the full name, or the surname when no other candidate shares it.
#pragma once

#include <string>
#include <vector>

#include "chorus/digest.h"
#include "digest/story_text.h"

namespace chorus::digest {

// `outlet[i]` is the outlet of article i; `st` is BuildStoryText(articles)
// (its `name` flags tell names from common words). Most outlets first.
std::vector<PersonCount> FindPeople(const std::vector<DigestArticle>& articles,
                                    const std::vector<std::string>& outlet, const StoryText& st,
                                    size_t max_people);

}  // namespace chorus::digest
