// Word lists of speaker resolution; see speaker_words.h.
#include "analyse/speaker_words.h"

#include <array>

#include "analyse/word_list.h"

namespace chorus::quotes {

namespace {

// Capitalised words that are titles or roles, not names: dropped from the
// front of a name ("Sen. Ted Cruz", "Chairman Reince Priebus"), and with
// what comes before them inside one ("Virginia Gov. Terry McAuliffe").
constexpr auto kTitleWords = Sorted(std::array<std::string_view, 101>{"actor",
                                                                      "actress",
                                                                      "adm",
                                                                      "admiral",
                                                                      "adviser",
                                                                      "advisor",
                                                                      "aide",
                                                                      "ambassador",
                                                                      "analyst",
                                                                      "anchor",
                                                                      "assistant",
                                                                      "associate",
                                                                      "attorney",
                                                                      "billionaire",
                                                                      "bishop",
                                                                      "businessman",
                                                                      "businesswoman",
                                                                      "candidate",
                                                                      "capt",
                                                                      "cardinal",
                                                                      "ceo",
                                                                      "chair",
                                                                      "chairman",
                                                                      "chairwoman",
                                                                      "chancellor",
                                                                      "chief",
                                                                      "col",
                                                                      "columnist",
                                                                      "commander",
                                                                      "commissioner",
                                                                      "congressman",
                                                                      "congresswoman",
                                                                      "correspondent",
                                                                      "councilman",
                                                                      "councilwoman",
                                                                      "democrat",
                                                                      "democratic",
                                                                      "deputy",
                                                                      "director",
                                                                      "dr",
                                                                      "economist",
                                                                      "editor",
                                                                      "executive",
                                                                      "former",
                                                                      "gen",
                                                                      "general",
                                                                      "gop",
                                                                      "gov",
                                                                      "governor",
                                                                      "host",
                                                                      "judge",
                                                                      "justice",
                                                                      "king",
                                                                      "lady",
                                                                      "leader",
                                                                      "lieutenant",
                                                                      "lord",
                                                                      "lt",
                                                                      "mayor",
                                                                      "minister",
                                                                      "miss",
                                                                      "model",
                                                                      "mogul",
                                                                      "mr",
                                                                      "mrs",
                                                                      "ms",
                                                                      "nominee",
                                                                      "officer",
                                                                      "pastor",
                                                                      "pollster",
                                                                      "pope",
                                                                      "president",
                                                                      "prime",
                                                                      "prince",
                                                                      "princess",
                                                                      "prof",
                                                                      "professor",
                                                                      "queen",
                                                                      "rabbi",
                                                                      "rep",
                                                                      "representative",
                                                                      "republican",
                                                                      "rev",
                                                                      "reverend",
                                                                      "secretary",
                                                                      "sen",
                                                                      "senator",
                                                                      "sgt",
                                                                      "sheriff",
                                                                      "sir",
                                                                      "speaker",
                                                                      "spokesman",
                                                                      "spokesperson",
                                                                      "spokeswoman",
                                                                      "star",
                                                                      "state",
                                                                      "strategist",
                                                                      "superintendent",
                                                                      "treasurer",
                                                                      "tycoon",
                                                                      "vice"});

constexpr auto kNotNames = Sorted(std::array<std::string_view, 166>{
    "a",         "about",    "across",    "after",     "against",   "all",       "also",
    "although",  "amid",     "among",     "an",        "and",       "another",   "april",
    "are",       "around",   "as",        "asked",     "at",        "august",    "because",
    "before",    "behind",   "beyond",    "both",      "but",       "by",        "could",
    "dear",      "december", "despite",   "did",       "do",        "does",      "during",
    "each",      "even",     "every",     "february",  "few",       "following", "for",
    "friday",    "from",     "given",     "had",       "has",       "have",      "he",
    "her",       "here",     "hey",       "his",       "how",       "however",   "i",
    "if",        "in",       "including", "indeed",    "inside",    "instead",   "into",
    "is",        "it",       "its",       "january",   "july",      "june",      "just",
    "last",      "later",    "less",      "like",      "many",      "march",     "may",
    "meanwhile", "might",    "monday",    "more",      "most",      "must",      "my",
    "near",      "next",     "no",        "nor",       "not",       "november",  "now",
    "october",   "of",       "oh",        "ok",        "okay",      "on",        "once",
    "one",       "only",     "or",        "other",     "our",       "outside",   "over",
    "per",       "read",     "regarding", "saturday",  "september", "several",   "she",
    "should",    "since",    "so",        "some",      "speaking",  "still",     "such",
    "sunday",    "that",     "the",       "their",     "then",      "there",     "these",
    "they",      "this",     "those",     "though",    "three",     "through",   "throughout",
    "thursday",  "to",       "today",     "tomorrow",  "tonight",   "toward",    "towards",
    "tuesday",   "two",      "under",     "unless",    "unlike",    "until",     "upon",
    "via",       "was",      "we",        "wednesday", "were",      "what",      "when",
    "where",     "whether",  "while",     "why",       "with",      "within",    "without",
    "would",     "yes",      "yesterday", "yet",       "you"});

// The first word of a place, never of a person ("New Hampshire", "North
// Korea", "Fort Pierce").
constexpr auto kPlaceFirst = Sorted(std::array<std::string_view, 34>{
    "cape",     "central",  "costa", "east",   "eastern", "el",    "fort",   "great", "greater",
    "hong",     "lake",     "las",   "latin",  "los",     "lower", "middle", "mount", "new",
    "north",    "northern", "port",  "puerto", "rhode",   "san",   "santa",  "saudi", "south",
    "southern", "sri",      "st",    "united", "upper",   "west",  "western"});

// The last word of an organisation, a place, a work or a group, never of a
// person ("Trump Tower", "Fox News", "Green Bay", "Mexican American").
constexpr auto kNotPersonLast =
    Sorted(std::array<std::string_view, 195>{"act",          "administration",
                                             "affairs",      "africa",
                                             "african",      "africans",
                                             "agency",       "airport",
                                             "alliance",     "amendment",
                                             "america",      "american",
                                             "americans",    "angeles",
                                             "antonio",      "apr",
                                             "arabia",       "arena",
                                             "army",         "asian",
                                             "assembly",     "association",
                                             "aug",          "authority",
                                             "avenue",       "bank",
                                             "base",         "bay",
                                             "beach",        "bill",
                                             "board",        "bureau",
                                             "campaign",     "capital",
                                             "care",         "carolina",
                                             "caucus",       "center",
                                             "centre",       "channel",
                                             "chinese",      "christian",
                                             "christians",   "church",
                                             "city",         "club",
                                             "coalition",    "college",
                                             "commission",   "committee",
                                             "company",      "conference",
                                             "congress",     "convention",
                                             "corp",         "corps",
                                             "council",      "county",
                                             "court",        "dakota",
                                             "day",          "dec",
                                             "democrats",    "department",
                                             "diego",        "district",
                                             "emirates",     "empire",
                                             "energy",       "europe",
                                             "european",     "feb",
                                             "federation",   "force",
                                             "forum",        "foundation",
                                             "francisco",    "fund",
                                             "gardens",      "group",
                                             "guard",        "hall",
                                             "hampshire",    "hispanic",
                                             "hispanics",    "holdings",
                                             "hospital",     "hotel",
                                             "house",        "inc",
                                             "industries",   "initiative",
                                             "institute",    "intelligence",
                                             "island",       "islands",
                                             "jan",          "jersey",
                                             "jewish",       "jose",
                                             "journal",      "jul",
                                             "jun",          "kingdom",
                                             "kong",         "korea",
                                             "lanka",        "latino",
                                             "latinos",      "law",
                                             "league",       "leone",
                                             "library",      "louis",
                                             "magazine",     "mall",
                                             "mar",          "media",
                                             "mexican",      "mexicans",
                                             "ministry",     "minors",
                                             "month",        "movement",
                                             "museum",       "muslim",
                                             "muslims",      "navy",
                                             "network",      "news",
                                             "nov",          "oct",
                                             "office",       "organisation",
                                             "organization", "orleans",
                                             "park",         "partners",
                                             "partnership",  "party",
                                             "plan",         "police",
                                             "post",         "press",
                                             "prison",       "probe",
                                             "program",      "project",
                                             "province",     "radio",
                                             "region",       "report",
                                             "republic",     "republicans",
                                             "research",     "review",
                                             "rica",         "rico",
                                             "river",        "road",
                                             "russian",      "salvador",
                                             "school",       "security",
                                             "senate",       "sep",
                                             "sept",         "service",
                                             "services",     "society",
                                             "square",       "stadium",
                                             "states",       "station",
                                             "street",       "studies",
                                             "summit",       "systems",
                                             "team",         "technologies",
                                             "television",   "times",
                                             "tower",        "towers",
                                             "trust",        "tv",
                                             "union",        "university",
                                             "valley",       "vegas",
                                             "virginia",     "week",
                                             "year",         "york",
                                             "zealand"});

// Common first names whose bearers are nearly all men, or nearly all women
// (US usage; names shared by both left out). No Debian package carries such a
// list; a name's gender decides between candidates for "he" and "she" that no
// pronoun has told apart ("she and John Legend had lost their baby").
constexpr auto kMaleFirst = Sorted(std::array<std::string_view, 196>{
    "aaron",    "adam",    "alan",     "albert",   "alex",     "alexander", "andrew",   "angelo",
    "anthony",  "arnold",  "arthur",   "barack",   "barry",    "ben",       "benjamin", "bernard",
    "bernie",   "bill",    "billy",    "bob",      "bobby",    "brad",      "bradley",  "brandon",
    "brett",    "brian",   "bruce",    "bryan",    "carl",     "carlos",    "chad",     "charles",
    "charlie",  "chuck",   "clarence", "clark",    "craig",    "dan",       "daniel",   "danny",
    "darrell",  "dave",    "david",    "dennis",   "dick",     "don",       "donald",   "doug",
    "douglas",  "duncan",  "dwight",   "earl",     "ed",       "eddie",     "edward",   "elijah",
    "elliot",   "eric",    "ernest",   "eugene",   "frank",    "franklin",  "fred",     "frederick",
    "gary",     "gene",    "geoffrey", "george",   "gerald",   "glenn",     "gordon",   "greg",
    "gregory",  "hank",    "harold",   "harry",    "harvey",   "henry",     "herbert",  "howard",
    "hugh",     "ian",     "isaac",    "jack",     "jacob",    "jake",      "james",    "jared",
    "jason",    "jeb",     "jeff",     "jeffrey",  "jeremy",   "jerry",     "jesus",    "jim",
    "jimmy",    "joe",     "joel",     "john",     "johnny",   "jon",       "jonathan", "jose",
    "joseph",   "josh",    "joshua",   "juan",     "justin",   "keith",     "ken",      "kenneth",
    "kevin",    "kurt",    "larry",    "lawrence", "leon",     "leonard",   "lewis",    "louis",
    "luis",     "luke",    "marco",    "mark",     "martin",   "matt",      "matthew",  "michael",
    "mike",     "mitch",   "mitt",     "mohammed", "muhammad", "nathan",    "neil",     "newt",
    "nicholas", "nick",    "noah",     "norman",   "oliver",   "omar",      "oscar",    "patrick",
    "paul",     "peter",   "phil",     "philip",   "ralph",    "randy",     "raymond",  "reggie",
    "reince",   "richard", "rick",     "rob",      "robert",   "rod",       "roger",    "roland",
    "ron",      "ronald",  "rudy",     "russell",  "ryan",     "sam",       "samuel",   "scott",
    "sean",     "sergei",  "seth",     "stephen",  "steve",    "steven",    "stuart",   "ted",
    "thomas",   "tim",     "timothy",  "todd",     "tom",      "tommy",     "tony",     "travis",
    "trey",     "tyler",   "victor",   "vincent",  "vladimir", "walter",    "warren",   "wayne",
    "william",  "willie",  "xi",       "zachary"});
constexpr auto kFemaleFirst = Sorted(std::array<std::string_view, 134>{
    "abigail",   "alice",     "alicia",    "alison",   "allison",   "amanda",    "amy",
    "andrea",    "angela",    "ann",       "anna",     "anne",      "annie",     "barbara",
    "betty",     "beverly",   "bonnie",    "brenda",   "carly",     "carol",     "caroline",
    "catherine", "cathy",     "charlotte", "cheryl",   "chrissy",   "christina", "christine",
    "cindy",     "claire",    "cynthia",   "debbie",   "deborah",   "debra",     "denise",
    "diana",     "diane",     "donna",     "doris",    "dorothy",   "elaine",    "eleanor",
    "elena",     "elizabeth", "ellen",     "emily",    "emma",      "erin",      "evelyn",
    "frances",   "gloria",    "hannah",    "heather",  "heidi",     "helen",     "hillary",
    "irene",     "jane",      "janet",     "janice",   "jennifer",  "jessica",   "jill",
    "joan",      "joanne",    "joyce",     "judith",   "judy",      "julia",     "julie",
    "karen",     "katherine", "kathleen",  "kathryn",  "kathy",     "katie",     "kay",
    "kellyanne", "kimberly",  "kirsten",   "laura",    "lauren",    "linda",     "lisa",
    "lois",      "loretta",   "lori",      "louise",   "lucy",      "madeleine", "maria",
    "marie",     "marilyn",   "martha",    "mary",     "megan",     "melania",   "melanie",
    "melissa",   "michele",   "michelle",  "monica",   "nancy",     "natalie",   "nicole",
    "nikki",     "olivia",    "pamela",    "patricia", "paula",     "peggy",     "rachel",
    "rebecca",   "rita",      "rose",      "ruth",     "sandra",    "sara",      "sarah",
    "sharon",    "sheila",    "shirley",   "sophie",   "stephanie", "susan",     "suzanne",
    "tammy",     "teresa",    "theresa",   "tiffany",  "tina",      "valerie",   "victoria",
    "wendy"});

// Nouns that name a person ("the supermodel", "the cookbook author", "the
// senator"): a description with one of them as its head may be the
// article's main person; "the statement", "the ruling" may not.
constexpr auto kPersonNouns = Sorted(std::array<std::string_view, 131>{
    "activist",       "actor",      "actress",      "adviser",     "advisor",
    "aide",           "ambassador", "analyst",      "anchor",      "artist",
    "athlete",        "attorney",   "author",       "billionaire", "bishop",
    "blogger",        "boy",        "brother",      "businessman", "businesswoman",
    "candidate",      "celebrity",  "ceo",          "chairman",    "chairwoman",
    "challenger",     "chancellor", "chef",         "chief",       "coach",
    "columnist",      "comedian",   "commentator",  "congressman", "congresswoman",
    "conservative",   "contender",  "daughter",     "delegate",    "democrat",
    "designer",       "detective",  "developer",    "diplomat",    "director",
    "doctor",         "economist",  "entrepreneur", "executive",   "father",
    "filmmaker",      "founder",    "front-runner", "frontrunner", "general",
    "girl",           "governor",   "hopeful",      "host",        "husband",
    "imam",           "incumbent",  "investor",     "journalist",  "judge",
    "justice",        "king",       "lawmaker",     "lawyer",      "leader",
    "liberal",        "magnate",    "man",          "mayor",       "minister",
    "model",          "mogul",      "mother",       "musician",    "nominee",
    "novelist",       "officer",    "owner",        "pastor",      "personality",
    "player",         "poet",       "politician",   "pollster",    "pope",
    "preacher",       "premier",    "president",    "priest",      "prince",
    "princess",       "producer",   "professor",    "prosecutor",  "pundit",
    "quarterback",    "queen",      "rabbi",        "rapper",      "reporter",
    "representative", "republican", "researcher",   "scientist",   "secretary",
    "senator",        "sheriff",    "singer",       "sister",      "son",
    "speaker",        "spokesman",  "spokesperson", "spokeswoman", "star",
    "strategist",     "supermodel", "suspect",      "teen",        "teenager",
    "tycoon",         "veteran",    "victim",       "wife",        "woman",
    "writer"});

}  // namespace

bool IsTitleWord(std::string_view lower) {
  return In(kTitleWords, lower);
}

bool IsNotName(std::string_view lower) {
  return In(kNotNames, lower);
}

char FirstNameGender(std::string_view lower) {
  return In(kMaleFirst, lower) ? 'm' : In(kFemaleFirst, lower) ? 'f' : 0;
}

bool IsPersonNoun(std::string_view lower) {
  // "the 36-year-old", "the socialist", "the comedian", "the neurosurgeon".
  return In(kPersonNouns, lower) || lower.ends_with("-old") ||
         (lower.size() > 4 &&
          (lower.ends_with("ist") || lower.ends_with("ian") || lower.ends_with("eon")));
}

char PersonNounGender(std::string_view lower) {
  static constexpr auto kFemale = Sorted(std::array<std::string_view, 14>{
      "actress", "aunt", "daughter", "girl", "grandmother", "lady", "mother", "niece", "princess",
      "queen", "sister", "widow", "wife", "mom"});
  static constexpr auto kMale = Sorted(std::array<std::string_view, 13>{
      "actor", "boy", "brother", "dad", "father", "grandfather", "husband", "king", "nephew",
      "prince", "son", "uncle", "widower"});
  if (lower.ends_with("woman") || In(kFemale, lower)) return 'f';
  if (lower.ends_with("man") || In(kMale, lower)) return 'm';
  return 0;
}

bool IsPlaceFirstWord(std::string_view lower) {
  return In(kPlaceFirst, lower);
}

bool IsNotPersonLastWord(std::string_view lower) {
  return In(kNotPersonLast, lower);
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
