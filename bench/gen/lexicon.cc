// chorus-gen's word lists; see lexicon.h.
#include "lexicon.h"

#include <array>

namespace chorus::gen {

namespace {

constexpr FirstName kFirstNames[] = {
    {"Dana", true},     {"Marcus", false},  {"Elena", true},     {"Tomas", false},
    {"Priya", true},    {"Owen", false},    {"Rosa", true},      {"Gideon", false},
    {"Lena", true},     {"Felix", false},   {"Amara", true},     {"Victor", false},
    {"Ingrid", true},   {"Desmond", false}, {"Nadia", true},     {"Caleb", false},
    {"Helena", true},   {"Rafael", false},  {"Maeve", true},     {"Julian", false},
    {"Sofia", true},    {"Anton", false},   {"Clara", true},     {"Henrik", false},
    {"Yasmin", true},   {"Malcolm", false}, {"Greta", true},     {"Emeka", false},
    {"Lucia", true},    {"Stefan", false},  {"Imogen", true},    {"Darius", false},
    {"Farah", true},    {"Leon", false},    {"Beatrix", true},   {"Nikhil", false},
    {"Odette", true},   {"Silas", false},   {"Keiko", true},     {"Bruno", false},
    {"Talia", true},    {"Ezra", false},    {"Miriam", true},    {"Callum", false},
    {"Noor", true},     {"Hugo", false},    {"Vera", true},      {"Kwame", false},
    {"Astrid", true},   {"Mateo", false},   {"Celeste", true},   {"Rowan", false},
    {"Paloma", true},   {"Ibrahim", false}, {"Harriet", true},   {"Lars", false},
    {"Esther", true},   {"Dmitri", false},  {"Josephine", true}, {"Wendell", false},
    {"Mireille", true}, {"Tobias", false},  {"Adaeze", true},    {"Quentin", false},
};

constexpr std::string_view kSurnameHeads[] = {
    "Whit", "Ash",  "Bran", "Cal",  "Dun",  "Ell",   "Fair", "Gar", "Hal",  "Kin",  "Lang", "Mar",
    "Nor",  "Oak",  "Pem",  "Rad",  "Sel",  "Thorn", "Wal",  "Yar", "Bren", "Cor",  "Dal",  "Fen",
    "Hart", "Lock", "Mil",  "Pres", "Ros",  "Stan",  "Tal",  "Wex", "Ald",  "Bel",  "Cres", "Dray",
    "Hol",  "Kel",  "Mor",  "Quen", "Sher", "Vance", "Grim", "Hux", "Lind", "Okon", "Pell", "Rud",
};

constexpr std::string_view kSurnameTails[] = {
    "field", "ington", "well", "ford",  "by",  "ton",   "more", "wick",  "ley",  "stone",
    "ridge", "man",    "son",  "worth", "ham", "croft", "dale", "er",    "sby",  "ard",
    "ett",   "ow",     "ins",  "away",  "ell", "ock",   "wood", "hurst", "mont", "ovic",
};

constexpr std::string_view kPlaceHeads[] = {
    "Cal", "Bram", "Kes",  "Thorn", "Ash", "Wil", "Marl",  "Dun",  "Pen",  "Rother", "Lin",  "Gal",
    "Hal", "Mere", "Stan", "Brid",  "Car", "Elm", "Fern",  "Glen", "Har",  "Ives",   "Kirk", "Lyn",
    "Nor", "Ost",  "Red",  "Sal",   "Tre", "Wex", "Amber", "Cold", "Holl", "Mill",   "Oak",  "Rye",
};

constexpr std::string_view kPlaceTails[] = {
    "der",   "ley",     "wick", "bury",  "haven", "mouth", "port", "minster", "borough", "ton",
    "field", "chester", "ford", "stead", "ridge", "well",  "mere", "cliff",   "vale",    "brook",
};

constexpr std::string_view kPlacePatterns[] = {
    "{X}",         "{X}",      "{X}",       "Port {X}",   "{X} Falls",   "East {X}",
    "{X} Springs", "Lake {X}", "North {X}", "{X} Harbor", "{X} Heights", "West {X}",
};

constexpr std::string_view kRoles[] = {
    "the city's transport director",
    "a spokesperson for the {L} council",
    "the county's emergency management chief",
    "a professor of public policy at {L} University",
    "the state's attorney general",
    "a senior adviser to the governor",
    "the head of the {L} Residents Association",
    "the police chief in {L}",
    "an economist at the {L} Institute",
    "the chief executive of {L} Holdings",
    "a lawyer representing the families",
    "the mayor of {L}",
    "a union representative",
    "the district's school superintendent",
    "a spokesperson for the health department",
    "the harbor master in {L}",
    "a member of the {L} planning board",
    "the fire chief",
    "a local business owner",
    "the regional director of the environment agency",
    "a former city council member",
    "the hospital's chief medical officer",
};

constexpr std::string_view kOutletHeads[] = {
    "Harbor",  "Coastal",   "Valley",      "Lakeside", "Northshore", "Calder",    "Pine Ridge",
    "Granite", "Riverside", "Summit",      "Prairie",  "Bayview",    "Ironwood",  "Westfield",
    "Meadow",  "Redstone",  "Silver Lake", "Cedar",    "Highland",   "Tidewater",
};

constexpr std::string_view kOutletTails[] = {
    "Tribune",   "Gazette",  "Herald", "Daily",   "Courier",  "Post",     "Ledger",
    "Chronicle", "Observer", "Times",  "Journal", "Sentinel", "Examiner", "Dispatch",
};

constexpr std::string_view kWires[] = {
    "Coastal Wire", "Associated Dispatch", "Continental News Service",
    "Metro Wire",   "Harbor News Agency",
};

constexpr std::string_view kLeads[] = {
    "{P} said on {W} that the situation in {L} was being reviewed.",
    "Officials in {L} were responding on {W} to the latest developments, {P} said.",
    "{P} confirmed the developments in {L} on {W}.",
    "The events in {L} prompted a response on {W} from {P}.",
    "Residents of {L} were told on {W} to expect further updates, according to {P}.",
    "{P} spoke on {W} about what had happened in {L}.",
};

constexpr std::string_view kMentions[] = {
    "{P} did not respond to a request for comment.",
    "{P} said the review would continue.",
    "{P} was expected to speak to reporters later in the week.",
    "{P} declined to comment on the details.",
    "{P} has been closely involved since the start.",
    "{P} said more information would be released soon.",
};

constexpr std::string_view kHeaders[] = {
    "By STAFF REPORTS",
    "From {WIRE} reports",
    "By {WIRE} staff",
    "({WIRE})",
};

constexpr std::string_view kFooters[] = {
    "Copyright 2026 {WIRE}. All rights reserved.",
    "This story was first published by {WIRE}.",
    "(Reporting by {WIRE} staff; editing by the news desk.)",
    "Copyright 2026 {WIRE}. This material may not be published, broadcast or redistributed.",
};

constexpr std::string_view kFillers[] = {
    "also", "now",   "still",    "reportedly", "then",    "further", "recently",
    "very", "later", "official", "local",      "already", "only",    "early",
};

constexpr std::string_view kStopwords[] = {
    "the", "a",    "an",   "of",   "to",  "and", "in",   "on",    "for", "with", "at",
    "by",  "from", "that", "this", "is",  "was", "as",   "or",    "but", "its",  "their",
    "his", "her",  "be",   "are",  "has", "had", "have", "which", "who", "not",  "it",
};

constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};

}  // namespace

std::span<const FirstName> Lexicon::FirstNames() {
  return kFirstNames;
}
std::span<const std::string_view> Lexicon::SurnameHeads() {
  return kSurnameHeads;
}
std::span<const std::string_view> Lexicon::SurnameTails() {
  return kSurnameTails;
}
std::span<const std::string_view> Lexicon::PlaceHeads() {
  return kPlaceHeads;
}
std::span<const std::string_view> Lexicon::PlaceTails() {
  return kPlaceTails;
}
std::span<const std::string_view> Lexicon::PlacePatterns() {
  return kPlacePatterns;
}
std::span<const std::string_view> Lexicon::Roles() {
  return kRoles;
}
std::span<const std::string_view> Lexicon::OutletHeads() {
  return kOutletHeads;
}
std::span<const std::string_view> Lexicon::OutletTails() {
  return kOutletTails;
}
std::span<const std::string_view> Lexicon::Wires() {
  return kWires;
}
std::span<const std::string_view> Lexicon::Leads() {
  return kLeads;
}
std::span<const std::string_view> Lexicon::Mentions() {
  return kMentions;
}
std::span<const std::string_view> Lexicon::Headers() {
  return kHeaders;
}
std::span<const std::string_view> Lexicon::Footers() {
  return kFooters;
}
std::span<const std::string_view> Lexicon::Fillers() {
  return kFillers;
}
std::span<const std::string_view> Lexicon::Stopwords() {
  return kStopwords;
}
std::span<const std::string_view> Lexicon::Weekdays() {
  return kWeekdays;
}

void AppendSurname(const Person& p, std::string& out) {
  out += kSurnameHeads[p.head];
  out += kSurnameTails[p.tail];
}

void AppendFullName(const Person& p, std::string& out) {
  out += kFirstNames[p.first].name;
  out += ' ';
  AppendSurname(p, out);
}

void AppendPlace(const Place& p, std::string& out) {
  std::string_view pattern = kPlacePatterns[p.pattern];
  size_t x = pattern.find("{X}");
  out += pattern.substr(0, x);
  out += kPlaceHeads[p.head];
  out += kPlaceTails[p.tail];
  out += pattern.substr(x + 3);
}

void OutletName(uint32_t i, std::string& name, std::string& domain) {
  constexpr uint32_t kHeads = std::size(kOutletHeads), kTails = std::size(kOutletTails);
  constexpr uint32_t kPairs = kHeads * kTails;
  // Head a = i mod 20 and tail (5a + 101b) mod 14 for b = i / 20: distinct for
  // i < 280 (gcd(101, 14) = 1), and the first outlets vary both words.
  uint32_t a = i % kHeads, b = i % kPairs / kHeads;
  name.assign(kOutletHeads[a]);
  name += ' ';
  name += kOutletTails[(5 * a + 101 * b) % kTails];
  if (i >= kPairs) {
    name += ' ';
    name += std::to_string(i / kPairs + 1);
  }
  domain.clear();
  for (char c : name) {
    if (c >= 'A' && c <= 'Z')
      domain += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      domain += c;
  }
  domain += ".example";
}

}  // namespace chorus::gen
