// Word lists for attribution; see cue_lexicon.h.
#include "analyse/cue_lexicon.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "analyse/cue_context.h"
#include "analyse/cue_model.h"
#include "analyse/reported_cues.h"
#include "analyse/word_list.h"

namespace chorus::quotes {

namespace {

constexpr auto kSpeech = Sorted(std::array<std::string_view, 150>{
    "said",      "says",       "say",        "told",         "tells",        "tell",
    "wrote",     "writes",     "write",      "added",        "adds",         "explained",
    "explains",  "continued",  "continues",  "recounted",    "recounts",     "shared",
    "shares",    "tweeted",    "tweets",     "asked",        "asks",         "noted",
    "notes",     "replied",    "replies",    "responded",    "responds",     "stated",
    "states",    "declared",   "declares",   "concluded",    "concludes",    "argued",
    "argues",    "warned",     "warns",      "insisted",     "insists",      "promised",
    "promises",  "suggested",  "suggests",   "admitted",     "admits",       "recalled",
    "recalls",   "claimed",    "claims",     "remarked",     "remarks",      "shouted",
    "vowed",     "vows",       "announced",  "announces",    "acknowledged", "acknowledges",
    "assured",   "joked",      "jokes",      "yelled",       "predicted",    "predicts",
    "posted",    "posts",      "answered",   "lamented",     "laments",      "thought",
    "believes",  "believe",    "believed",   "thinks",       "think",        "reported",
    "reports",   "asserted",   "asserts",    "interjected",  "conceded",     "concedes",
    "boasted",   "boasts",     "emphasized", "emphasizes",   "stressed",     "stresses",
    "pledged",   "pledges",    "countered",  "counters",     "quipped",      "complained",
    "complains", "contended",  "contends",   "maintained",   "maintains",    "alleged",
    "alleges",   "testified",  "confirmed",  "confirms",     "denied",       "denies",
    "observed",  "mused",      "cautioned",  "cautions",     "insisted",     "chanted",
    "wondered",  "wonders",    "recalled",   "urged",        "urges",        "exclaimed",
    "retorted",  "proclaimed", "proclaims",  "acknowledged", "indicated",    "indicates",
    "estimated", "estimates",  "revealed",   "reveals",      "disclosed",    "agreed",
    "agrees",    "texted",     "emailed",    "messaged",     "captioned",    "whispered",
    "screamed",  "sang",       "began",      "begins",       "opened",       "ended",
    "closed",    "revealed",   "hinted",     "reveal"});

constexpr auto kParticiple = Sorted(std::array<std::string_view, 24>{
    "saying",    "writing",    "adding",     "telling",    "sharing",   "explaining",
    "noting",    "asking",     "arguing",    "declaring",  "stating",   "insisting",
    "warning",   "tweeting",   "posting",    "captioning", "replying",  "responding",
    "recalling", "concluding", "continuing", "claiming",   "remarking", "joking"});

constexpr auto kFrame = Sorted(std::array<std::string_view, 60>{
    "called",    "calls",      "call",    "calling",       "described", "describes", "describing",
    "deemed",    "referred",   "refers",  "referring",     "slammed",   "labeled",   "labelled",
    "dubbed",    "branded",    "praised", "criticized",    "blasted",   "mocked",    "accused",
    "accuses",   "accusing",   "thanked", "wants",         "wanted",    "supports",  "opposes",
    "named",     "touted",     "hailed",  "characterized", "pointed",   "vowing",    "pledging",
    "promising", "urging",     "lauded",  "decried",       "denounced", "condemned", "attacked",
    "cited",     "citing",     "quoted",  "quoting",       "likened",   "compared",  "blamed",
    "considers", "considered", "sees",    "saw",           "views",     "viewed",    "welcomed",
    "warned",    "chanting",   "yelling", "shouting"});

constexpr auto kTakesObject = Sorted(std::array<std::string_view, 10>{
    "told", "tells", "tell", "telling", "asked", "asks", "asking", "assured", "urged", "warned"});

constexpr auto kSubjectPronouns = Sorted(
    std::array<std::string_view, 9>{"he", "she", "they", "it", "i", "we", "you", "who", "which"});

constexpr auto kAuxiliaries = Sorted(
    std::array<std::string_view, 16>{"has", "have", "had", "is", "are", "was", "were", "will",
                                     "would", "could", "did", "does", "do", "may", "might", "be"});

constexpr auto kCueAdverbs = Sorted(std::array<std::string_view, 28>{
    "also",       "later",    "then",         "previously", "recently",   "once",         "again",
    "reportedly", "publicly", "privately",    "repeatedly", "quickly",    "flatly",       "still",
    "even",       "never",    "often",        "long",       "simply",     "later",        "earlier",
    "first",      "further",  "specifically", "bluntly",    "frequently", "subsequently", "just"});

constexpr auto kClauseWords = Sorted(std::array<std::string_view, 26>{
    "that",    "because", "but",  "when",  "while",   "although", "though", "if", "since",
    "after",   "before",  "as",   "where", "whether", "unless",   "until",  "so", "yet",
    "whereas", "once",    "than", "and",   "or",      "nor",      "what",   "how"});

constexpr auto kDeterminers = Sorted(std::array<std::string_view, 22>{
    "the",   "a",    "an",   "his",     "her",     "their", "its", "our",
    "my",    "your", "this", "that",    "these",   "those", "one", "two",
    "three", "some", "many", "several", "another", "every"});

constexpr auto kInvertedEnd = Sorted(std::array<std::string_view, 22>{
    "in",     "on",  "at",   "during",  "when",   "while",   "after",
    "before", "to",  "from", "about",   "as",     "outside", "inside",
    "with",   "via", "into", "through", "before", "earlier", "later"});

constexpr auto kTimeWords = Sorted(std::array<std::string_view, 12>{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "recently", "earlier"});

constexpr auto kWeekdays = Sorted(std::array<std::string_view, 7>{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});

constexpr auto kMonths = Sorted(
    std::array<std::string_view, 12>{"january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"});

// The abbreviations of US states that are one word before their dot (AP
// style), lower-cased: "Chalmette, La.", "Somerton, Ariz.".
constexpr auto kStateAbbreviations = Sorted(std::array<std::string_view, 31>{
    "ala", "ariz", "ark", "calif", "colo", "conn", "del",  "fla",  "ga", "ill",  "ind",
    "kan", "ky",   "la",  "md",    "mass", "mich", "minn", "miss", "mo", "mont", "neb",
    "nev", "okla", "ore", "pa",    "tenn", "va",   "vt",   "wis",  "wyo"});

// The face or the voice after "with" closing a cue: "said with a laugh".
constexpr auto kMannerNouns = Sorted(
    std::array<std::string_view, 12>{"chuckle", "disbelief", "grin", "laugh", "laughter", "nod",
                                     "roll", "shrug", "sigh", "smile", "smirk", "wink"});

constexpr auto kAdverbialStarters = Sorted(std::array<std::string_view, 51>{
    "amid",    "even",   "outside", "among",  "under",   "throughout", "although",  "though",
    "because", "if",     "until",   "later",  "in",      "after",      "sure",      "as",
    "when",    "while",  "on",      "at",     "earlier", "now",        "meanwhile", "however",
    "still",   "then",   "also",    "during", "before",  "since",      "last",      "following",
    "despite", "with",   "without", "by",     "for",     "from",       "speaking",  "asked",
    "like",    "unlike", "instead", "indeed", "finally", "first",      "yet",       "but",
    "and",     "so",     "today"});

constexpr auto kPrepositions =
    Sorted(std::array<std::string_view, 14>{"to", "about", "for", "with", "on", "at", "in", "by",
                                            "from", "of", "into", "up", "out", "over"});

}  // namespace

bool IsAdverbialStarter(std::string_view w) {
  return In(kAdverbialStarters, w);
}
bool IsPreposition(std::string_view w) {
  return In(kPrepositions, w);
}

bool IsAdjunctPreposition(std::string_view w) {
  static constexpr auto kAdjunct =
      Sorted(std::array<std::string_view, 11>{"during", "per", "after", "before", "since", "under",
                                              "via", "through", "throughout", "following", "amid"});
  return In(kAdjunct, w);
}

namespace {

CueKind CueOfUncached(std::string_view w) {
  if (In(kSpeech, w)) return CueKind::kSpeech;
  if (In(kParticiple, w)) return CueKind::kParticiple;
  if (In(kFrame, w)) return CueKind::kFrame;
  if (LearnedCue(w)) return w.ends_with("ing") ? CueKind::kParticiple : CueKind::kLearned;
  if (IsReportedCue(w)) return CueKind::kReported;
  return CueKind::kNone;
}

// Every cue word with its kind, built once: one lookup a token.
const FlatWordMap<CueKind>& CueTable() {
  static const auto* table = [] {
    const std::vector<std::string> learned = LearnedCueWords();
    const std::vector<std::string_view> reported = ReportedCueWords();
    const std::vector<std::string> rare = RareLearnedCueWords();
    const std::vector<std::string> candidates =
        kCandidateCues ? CandidateCueWords() : std::vector<std::string>{};
    auto* t = new FlatWordMap<CueKind>(kSpeech.size() + kParticiple.size() + kFrame.size() +
                                       learned.size() + reported.size() + rare.size() +
                                       candidates.size());
    for (std::string_view w : kSpeech) t->Insert(w, CueOfUncached(w));
    for (std::string_view w : kParticiple) t->Insert(w, CueOfUncached(w));
    for (std::string_view w : kFrame) t->Insert(w, CueOfUncached(w));
    for (std::string_view w : learned) t->Insert(w, CueOfUncached(w));
    for (std::string_view w : reported)
      if (t->Find(w) == nullptr) t->Insert(w, CueOfUncached(w));
    for (std::string_view w : rare)
      if (t->Find(w) == nullptr) t->Insert(w, CueKind::kRareReported);
    const std::vector<std::string> kept = KeptCandidateWords();
    const std::unordered_set<std::string_view> kept_set(kept.begin(), kept.end());
    for (std::string_view w : candidates)
      if (t->Find(w) == nullptr)
        t->Insert(w, kept_set.contains(w) ? CueKind::kCandidate : CueKind::kCandidateUnlisted);
    return t;
  }();
  return *table;
}

}  // namespace

CueKind CueOfAny(std::string_view w) {
  if (w.size() < 3) return CueKind::kNone;
  const CueKind* k = CueTable().Find(w);
  return k == nullptr ? CueKind::kNone : *k;
}
CueKind CueOf(std::string_view w) {
  CueKind k = CueOfAny(w);
  return k == CueKind::kCandidate || k == CueKind::kCandidateUnlisted ? CueKind::kNone : k;
}
bool IsClosedClass(std::string_view w) {
  static const auto* table = [] {
    auto* t = new FlatWordMap<bool>(kSubjectPronouns.size() + kAuxiliaries.size() +
                                    kCueAdverbs.size() + kClauseWords.size() + kDeterminers.size() +
                                    kPrepositions.size() + kTimeWords.size() + kInvertedEnd.size());
    auto add = [&](const auto& list) {
      for (std::string_view x : list) t->Insert(x, true);
    };
    add(kSubjectPronouns);
    add(kAuxiliaries);
    add(kCueAdverbs);
    add(kClauseWords);
    add(kDeterminers);
    add(kPrepositions);
    add(kTimeWords);
    add(kInvertedEnd);
    return t;
  }();
  return table->Find(w) != nullptr;
}
bool TakesObject(std::string_view w) {
  return In(kTakesObject, w);
}
bool IsSubjectPronoun(std::string_view w) {
  return In(kSubjectPronouns, w);
}
bool IsAuxiliary(std::string_view w) {
  return In(kAuxiliaries, w);
}
bool IsCueAdverb(std::string_view w) {
  return In(kCueAdverbs, w);
}
bool IsClauseWord(std::string_view w) {
  return In(kClauseWords, w);
}
bool IsDeterminer(std::string_view w) {
  return In(kDeterminers, w);
}
bool EndsInvertedSource(std::string_view w) {
  return In(kInvertedEnd, w);
}
bool IsWeekday(std::string_view w) {
  return In(kWeekdays, w);
}
bool IsStateAbbreviation(std::string_view w) {
  return In(kStateAbbreviations, w);
}
bool IsMonth(std::string_view w) {
  return In(kMonths, w);
}
bool IsTimeWord(std::string_view w) {
  return In(kTimeWords, w);
}
bool IsMannerNoun(std::string_view w) {
  return In(kMannerNouns, w);
}

}  // namespace chorus::quotes
