// The people a story names; see people.h.
#include "digest/people.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "analyse/text_chars.h"

namespace chorus::digest {

namespace {

// Capitalised words that open place, event or product names, titles, months
// and days: never the first word of a person's name here.
constexpr std::array<std::string_view, 64> kNotFirstName = {
    "Las",       "Los",       "San",       "Santa",     "New",      "North",      "South",
    "East",      "West",      "United",    "White",     "Little",   "Federal",    "Supreme",
    "Wall",      "Blue",      "Virgin",    "Hurricane", "Port",     "Air",        "Mount",
    "Lake",      "Rancho",    "Palos",     "Vision",    "Open",     "Australian", "Prime",
    "President", "Senator",   "Sen",       "Gov",       "Governor", "Judge",      "Dr",
    "Mr",        "Mrs",       "Ms",        "Prince",    "Princess", "King",       "Queen",
    "Sheriff",   "Chief",     "Secretary", "Minister",  "Pope",     "Saint",      "St",
    "January",   "February",  "March",     "April",     "May",      "June",       "July",
    "August",    "September", "October",   "November",  "December", "Getty",      "Photo",
    "The",
};
// Titles and roles that may precede a speaker's name.
constexpr std::array<std::string_view, 24> kTitles = {
    "Deputy",   "Engineer",  "Officer", "Detective", "Sgt",       "Lt",       "Capt",  "Captain",
    "Dr",       "Mr",        "Mrs",     "Ms",        "Sen",       "Senator",  "Rep",   "Gov",
    "Governor", "President", "Judge",   "Sheriff",   "Secretary", "Minister", "Coach", "Professor",
};
// Last words of organisations, places and products.
constexpr std::array<std::string_view, 50> kNotSurname = {
    "Secretary", "Brothers",    "Sheriff",    "Laboratory", "Tournament", "Championship",
    "Cup",       "Open",        "Airport",    "Hospital",   "Park",       "Bridge",
    "Station",   "Foundation",  "Pipeline",   "Inc",        "Corp",       "Company",
    "Group",     "Association", "Department", "Agency",     "Service",    "Court",
    "House",     "Office",      "Center",     "Institute",  "University", "Administration",
    "Council",   "Committee",   "Bureau",     "Origin",     "Galactic",   "Pro",
    "Network",   "News",        "Times",      "Post",       "Images",     "Monday",
    "Tuesday",   "Wednesday",   "Thursday",   "Friday",     "Saturday",   "Sunday",
    "Street",    "Club",
};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Words of a name: capitalised, letters (and inner hyphens/apostrophes), not all caps.
bool IsNameWord(std::string_view w) {
  if (w.size() < 2 || !text::IsUpperOrCaseless(w, 0)) return false;
  bool lower = false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (w[i] == '-' && i + 1 < w.size() && text::IsLower(w, i + 1))
      return false;  // "Georgia-based"
    lower = lower || text::IsLower(w, i);
  }
  return lower;
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool LooksLikePerson(std::string_view name) {
  std::vector<std::string_view> parts = SplitSpaces(name);
  if (parts.size() < 2 || parts.size() > 4) return false;
  for (std::string_view p : parts)
    if (!IsNameWord(p)) return false;
  return !In(kNotFirstName, parts.front()) && !In(kNotSurname, parts.back());
}

// Capitalised words of a text with their byte offsets.
struct Word {
  std::string_view text;
  size_t begin;
};
std::vector<Word> Words(std::string_view s) {
  std::vector<Word> out;
  size_t i = 0, len = 1;
  while (i < s.size()) {
    if (!text::IsWordChar(s, i, len)) {
      i += len;
      continue;
    }
    size_t b = i;
    while (i < s.size() && text::IsWordChar(s, i, len)) i += len;
    out.push_back({s.substr(b, i - b), b});
  }
  return out;
}

// "Deputy Carlos Gonzalez" -> "Carlos Gonzalez".
std::string WithoutTitles(std::string_view name) {
  std::vector<std::string_view> parts = SplitSpaces(name);
  size_t k = 0;
  while (k + 2 < parts.size() && In(kTitles, parts[k])) ++k;
  std::string out;
  for (size_t i = k; i < parts.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += parts[i];
  }
  return out;
}

bool HasWord(std::string_view text, std::string_view w) {
  size_t at = 0, len = 1;
  while ((at = text.find(w, at)) != std::string_view::npos) {
    size_t end = at + w.size();
    bool left = at == 0 || !text::IsWordChar(text, text::PrevChar(text, at), len);
    bool right = end >= text.size() || !text::IsWordChar(text, end, len);
    if (left && right) return true;
    at = end;
  }
  return false;
}

}  // namespace

std::vector<PersonCount> FindPeople(const std::vector<DigestArticle>& articles,
                                    const std::vector<std::string>& outlet, const StoryText& st,
                                    size_t max_people) {
  // Name words are written capitalised inside sentences more often than in
  // lower case (StoryText::name); others are common words ("Former",
  // "Besides", "Treasury", "Tournament") even when they open a capitalised run.
  std::vector<std::vector<Word>> words(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) words[i] = Words(articles[i].article->text);
  auto common = [&](std::string_view name) {
    for (std::string_view part : SplitSpaces(name)) {
      for (const std::string& folded : FoldedWords(part)) {
        std::optional<uint32_t> id = st.words.Find(folded);
        if (!id || !st.name[st.words.Concept(*id)]) return true;
      }
    }
    return false;
  };
  std::set<std::string> names;
  for (const DigestArticle& a : articles)
    if (a.attributions)
      for (const Attribution& at : *a.attributions)
        if (std::string n = WithoutTitles(at.speaker); LooksLikePerson(n) && !common(n))
          names.insert(n);
  // Two-word names printed by several outlets and also called by the surname alone.
  std::map<std::string, std::set<std::string>> pair_outlets;
  std::unordered_map<std::string, size_t> alone;  // surname used without its first name
  for (size_t i = 0; i < articles.size(); ++i) {
    std::string_view text = articles[i].article->text;
    const std::vector<Word>& ws = words[i];
    for (size_t k = 0; k < ws.size(); ++k) {
      if (!IsNameWord(ws[k].text)) continue;
      bool after_name = k > 0 && IsNameWord(ws[k - 1].text) &&
                        ws[k - 1].begin + ws[k - 1].text.size() + 1 == ws[k].begin;
      if (!after_name) ++alone[std::string(ws[k].text)];
      if (k + 1 >= ws.size() || !IsNameWord(ws[k + 1].text)) continue;
      if (ws[k].begin + ws[k].text.size() + 1 != ws[k + 1].begin ||
          text[ws[k].begin + ws[k].text.size()] != ' ')
        continue;
      bool longer =
          (after_name) || (k + 2 < ws.size() && IsNameWord(ws[k + 2].text) &&
                           ws[k + 1].begin + ws[k + 1].text.size() + 1 == ws[k + 2].begin);
      if (longer) continue;
      std::string name = std::string(ws[k].text) + " " + std::string(ws[k + 1].text);
      if (LooksLikePerson(name) && !common(name)) pair_outlets[name].insert(outlet[i]);
    }
  }
  for (const auto& [name, outs] : pair_outlets) {
    std::string_view surname = SplitSpaces(name).back();
    auto it = alone.find(std::string(surname));
    if (outs.size() >= 2 && it != alone.end() && it->second > 0) names.insert(name);
  }
  std::map<std::string, size_t> surname_count;
  for (const std::string& n : names) ++surname_count[std::string(SplitSpaces(n).back())];
  std::vector<PersonCount> out;
  for (const std::string& n : names) {
    std::string_view surname = SplitSpaces(n).back();
    const bool unique_surname = surname_count[std::string(surname)] == 1;
    std::set<std::string> outs;
    for (size_t i = 0; i < articles.size(); ++i) {
      std::string_view text = articles[i].article->text;
      if (HasWord(text, n) || (unique_surname && HasWord(text, surname))) outs.insert(outlet[i]);
    }
    if (!outs.empty()) out.push_back({n, outs.size()});
  }
  std::stable_sort(out.begin(), out.end(), [](const PersonCount& a, const PersonCount& b) {
    return a.outlets > b.outlets;
  });
  if (out.size() > max_people) out.resize(max_people);
  return out;
}

}  // namespace chorus::digest
