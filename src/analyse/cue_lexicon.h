// Word lists for attribution (internal): cue verbs, pronouns, and the small
// closed classes the source-phrase rules need. Words are compared lower-cased.
//
// The cue verbs are the ones PolNeAR train annotates most often as cues of
// speech and writing (see docs/ACCURACY.md); "according to" is handled apart.
#pragma once

#include <string_view>

namespace chorus::quotes {

enum class CueKind : uint8_t {
  kNone,
  kSpeech,        // takes a quotation or a that-clause: said, wrote, told, added ...
  kParticiple,    // -ing forms that attach a quote to the clause's subject: saying, writing
  kFrame,         // verbs that frame a quoted fragment: called, described, deemed, urged
  kLearned,       // other cue verbs learned from PolNeAR train (cue_model.h): found, shows
  kReported,      // cues of reported speech only, never of a quotation (reported_cues.h)
  kRareReported,  // the same, learned from 2 or 3 cues on train (cue_model.h)
  kCandidate,     // other words train puts in cues, admitted by the cue context model
  // A candidate word the model admitted too rarely on train to be tried
  // (KeptCandidateWords, cue_context.h): tried only when training it.
  kCandidateUnlisted,
};

// The hand-written lists first, then the learned cue words (-ing forms of
// those are participles).
// Candidate words (kCandidate) are kNone here: see CueOfAny.
CueKind CueOf(std::string_view lower);
// CueOf, and kCandidate for the words of CandidateCueWords (cue_model.h),
// whose reported speech the cue context model admits (cue_context.h), when
// KeptCandidateWords lists them (else kCandidateUnlisted).
CueKind CueOfAny(std::string_view lower);
// Verbs whose object comes before the content: told reporters that ..., asked him ...
bool TakesObject(std::string_view lower);
// he, she, they, it, I, we, you, who, which (subject pronouns)
bool IsSubjectPronoun(std::string_view lower);
// Auxiliaries kept in a cue: has said, is saying, would tell
bool IsAuxiliary(std::string_view lower);
// Adverbs that may sit between a subject and its cue: also, later, then ...
bool IsCueAdverb(std::string_view lower);
// Words that end a subject phrase when scanning back: that, because, but, when ...
bool IsClauseWord(std::string_view lower);
// Determiners and possessives that may open a noun phrase: the, a, his ...
bool IsDeterminer(std::string_view lower);
// Prepositions and time words that end a source after an inverted cue: in, on, Monday ...
bool EndsInvertedSource(std::string_view lower);
// Words that open a sentence-initial adverbial: later, in, after, sure ...
bool IsAdverbialStarter(std::string_view lower);
// Prepositions that cannot open reported content: to, about, for ...
bool IsPreposition(std::string_view lower);
// Other words that open an adjunct after a cue: during, per, after, before ...
// (round 22; not a closed class of the span model's features)
bool IsAdjunctPreposition(std::string_view lower);
// Day names and "today", "yesterday", ... (adjuncts after a cue)
bool IsTimeWord(std::string_view lower);
// The days of the week, and the months, by their full names.
bool IsWeekday(std::string_view lower);
bool IsMonth(std::string_view lower);
// US states abbreviated as one word before a dot: calif, fla, la, ... (round 23)
bool IsStateAbbreviation(std::string_view lower);
// Nouns of the face or voice in a manner phrase after a cue: laugh, smile, shrug ...
// (not a closed class of the span model's features)
bool IsMannerNoun(std::string_view lower);
// IsSubjectPronoun || IsAuxiliary || IsCueAdverb || IsClauseWord ||
// IsDeterminer || IsPreposition || IsTimeWord || EndsInvertedSource, in one
// lookup (the closed classes of the span model's features).
bool IsClosedClass(std::string_view lower);

}  // namespace chorus::quotes
