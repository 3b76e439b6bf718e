// chorus-gen's built-in word lists and the invented names made from them.
//
// Everything a generated article says that does not come from the sentence
// pool is here: first names (with gender, for "she said"), surname and place
// syllables, roles, outlets and wire services, lead and mention templates,
// boilerplate, and the filler words used to edit near-copies. Names are
// built from list indices, so a story stores a few small integers per person.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace chorus::gen {

struct FirstName {
  std::string_view name;
  bool female;
};

// The word lists. Templates use {P} (a person: full name and role on first
// mention, surname afterwards), {L} (a place), {W} (a weekday).
struct Lexicon {
  static std::span<const FirstName> FirstNames();
  static std::span<const std::string_view> SurnameHeads();
  static std::span<const std::string_view> SurnameTails();
  static std::span<const std::string_view> PlaceHeads();
  static std::span<const std::string_view> PlaceTails();
  static std::span<const std::string_view> PlacePatterns();  // "Port {X}", "{X} Falls"
  static std::span<const std::string_view> Roles();          // may contain {L}
  static std::span<const std::string_view> OutletHeads();
  static std::span<const std::string_view> OutletTails();
  static std::span<const std::string_view> Wires();
  static std::span<const std::string_view> Leads();      // {P} {L} {W}
  static std::span<const std::string_view> Mentions();   // {P}
  static std::span<const std::string_view> Headers();    // copy boilerplate; {WIRE}
  static std::span<const std::string_view> Footers();    // copy boilerplate; {WIRE}
  static std::span<const std::string_view> Fillers();    // words inserted into copies
  static std::span<const std::string_view> Stopwords();  // titles do not end on these
  static std::span<const std::string_view> Weekdays();   // Monday first
};

// An invented person: indices into the lists.
struct Person {
  uint16_t first = 0;
  uint8_t head = 0, tail = 0;  // surname syllables
  uint8_t role = 0;
  uint8_t role_place = 0;  // which of the story's places the role names
  bool female() const { return Lexicon::FirstNames()[first].female; }
};

// An invented place: a pattern around a two-syllable name.
struct Place {
  uint8_t pattern = 0, head = 0, tail = 0;
};

void AppendSurname(const Person& p, std::string& out);
void AppendFullName(const Person& p, std::string& out);
void AppendPlace(const Place& p, std::string& out);
// Outlet `i` of `count`: a name ("Harbor Tribune") and a domain
// ("harbortribune.example"); distinct for distinct i.
void OutletName(uint32_t i, std::string& name, std::string& domain);

}  // namespace chorus::gen
