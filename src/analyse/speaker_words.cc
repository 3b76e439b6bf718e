// Word lists of speaker resolution; see speaker_words.h.
#include "analyse/speaker_words.h"

#include <array>

#include "analyse/word_list.h"

namespace chorus::quotes {

namespace {

// Capitalised words that are titles or roles, not names: dropped from the
// front of a name ("Sen. Ted Cruz", "Chairman Reince Priebus").
constexpr auto kTitleWords = Sorted(std::array<std::string_view, 64>{"mr",
                                                                     "mrs",
                                                                     "ms",
                                                                     "miss",
                                                                     "dr",
                                                                     "sen",
                                                                     "senator",
                                                                     "gov",
                                                                     "governor",
                                                                     "rep",
                                                                     "representative",
                                                                     "president",
                                                                     "vice",
                                                                     "secretary",
                                                                     "chairman",
                                                                     "chairwoman",
                                                                     "chair",
                                                                     "ceo",
                                                                     "director",
                                                                     "spokesman",
                                                                     "spokeswoman",
                                                                     "attorney",
                                                                     "general",
                                                                     "judge",
                                                                     "justice",
                                                                     "mayor",
                                                                     "leader",
                                                                     "speaker",
                                                                     "minister",
                                                                     "prime",
                                                                     "former",
                                                                     "republican",
                                                                     "democratic",
                                                                     "democrat",
                                                                     "gop",
                                                                     "candidate",
                                                                     "nominee",
                                                                     "sir",
                                                                     "lord",
                                                                     "lady",
                                                                     "prof",
                                                                     "professor",
                                                                     "rev",
                                                                     "pope",
                                                                     "king",
                                                                     "queen",
                                                                     "prince",
                                                                     "princess",
                                                                     "gen",
                                                                     "col",
                                                                     "lt",
                                                                     "sgt",
                                                                     "capt",
                                                                     "adm",
                                                                     "commissioner",
                                                                     "chief",
                                                                     "executive",
                                                                     "host",
                                                                     "anchor",
                                                                     "model",
                                                                     "actor",
                                                                     "actress",
                                                                     "star",
                                                                     "officer"});

constexpr auto kNotNames = Sorted(std::array<std::string_view, 36>{
    "the",       "a",        "an",       "as",       "but",    "and",     "in",        "on",
    "at",        "after",    "before",   "when",     "while",  "then",    "now",       "later",
    "january",   "february", "march",    "april",    "may",    "june",    "july",      "august",
    "september", "october",  "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday",    "saturday", "sunday",   "read"});

}  // namespace

bool IsTitleWord(std::string_view lower) {
  return In(kTitleWords, lower);
}

bool IsNotName(std::string_view lower) {
  return In(kNotNames, lower);
}

char PronounGender(std::string_view w) {
  switch (w.size()) {
    case 2:
      return w == "he" ? 'm' : 0;
    case 3:
      return w == "his" || w == "him" ? 'm' : w == "she" || w == "her" ? 'f' : 0;
    case 4:
      return w == "hers" ? 'f' : 0;
    case 7:
      return w == "himself" ? 'm' : w == "herself" ? 'f' : 0;
    default:
      return 0;
  }
}

}  // namespace chorus::quotes
