// Word lists of speaker resolution (internal; see speaker_resolver.h): the
// titles and function words dropped from the front of a capitalised run
// before it is taken for a name, and the gender of third-person pronouns.
#pragma once

#include <string_view>

namespace chorus::quotes {

// "sen", "chairman", "president" ...: a title or role, not a name (lower-cased).
bool IsTitleWord(std::string_view lower);
// "the", "after", "monday" ...: capitalised at a sentence start, never a name.
bool IsNotName(std::string_view lower);
// "new", "north", "fort" ...: begins a place, not a person's name.
bool IsPlaceFirstWord(std::string_view lower);
// "tower", "news", "university", "american" ...: ends no person's name.
bool IsNotPersonLastWord(std::string_view lower);
// 'm' for a common man's first name ("john"), 'f' for a woman's ("hillary"), else 0.
char FirstNameGender(std::string_view lower);
// "author", "senator", "36-year-old" ...: a noun that names a person.
bool IsPersonNoun(std::string_view lower);
// For a person noun: 'm' for a man's ("businessman", "father"), 'f' for a
// woman's ("spokeswoman", "actress"), else 0.
char PersonNounGender(std::string_view lower);
// 'm' for he, his, him, himself; 'f' for she, her, hers, herself; else 0.
char PronounGender(std::string_view lower);

}  // namespace chorus::quotes
