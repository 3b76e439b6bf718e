// Finder (internal): the attribution rules of FindAttributions, shared by
// attribution.cc (cue spans, titles, Run),
// attribution_quoted.cc (quotations with a cue after or before them),
// attribution_reported.cc (block quotes after a colon, reported speech and
// where its content ends),
// attribution_content.cc (where a cue's content starts: ContentStart),
// attribution_sources.cc (source phrases around a cue),
// attribution_participles.cc (subjects of participles; round 25) and
// attribution_spans.cc (where cues and sources end: the learned span model),
// attribution_direct.cc (round 6b and 6c rules for direct quotations),
// attribution_transcript.cc (round 9: transcript turns).
#pragma once

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyse/article_view.h"
#include "analyse/cue_lexicon.h"
#include "chorus/quotes.h"

namespace chorus::quotes {
struct SpanDecision;
struct SpanFeatures;
struct SpanPiece;
struct CueContextRecord;
}  // namespace chorus::quotes

namespace chorus::quotes {

inline constexpr uint32_t kNone = ~0u;

class Finder {
 public:
  Finder(std::string_view text, const Segmentation& seg) : v_(text, seg) {}
  // For training the span model: Run records each end it would choose in
  // `record` (feature names in `names`) and keeps the rules' spans.
  Finder(std::string_view text, const Segmentation& seg, std::vector<SpanDecision>* record,
         std::map<uint64_t, std::string>* names)
      : v_(text, seg), record_(record), names_(names) {}
  // For training the cue context model (cue_context.h): Run admits every
  // candidate cue's attribution and records it in `cues`.
  Finder(std::string_view text, const Segmentation& seg, std::vector<CueContextRecord>* cues,
         std::map<uint64_t, std::string>* names)
      : v_(text, seg, /*all_candidates=*/true), cue_record_(cues), cue_names_(names) {}

  std::vector<Attribution> Run();
  const ArticleView& view() const { return v_; }

 private:
  struct Found {
    Attribution a;
    uint32_t cue_tok = kNone;  // token of the cue verb
    uint32_t src_first = kNone, src_end = kNone;
    uint32_t para = 0;
    bool rule_source = false;  // the rules' source end is kept (no span model)
    bool weak = false;         // a cue of reported speech only: claims no quotation
    bool turn = false;  // a label and a colon (TranscriptTurns, HeadlineColon): kept as found
  };

  bool IsPunct(uint32_t t) const { return v_.toks[t].kind == TokenKind::kPunct; }
  // A hyphen, "--", an en or an em dash as a token of its own.
  bool IsDash(uint32_t t) const {
    std::string_view d = v_.Str(t);
    return d == "-" || d == "--" || d == "\xE2\x80\x93" || d == "\xE2\x80\x94";
  }
  // Always inlined: called for most tokens of every sentence (round 8:
  // an out-of-line copy cost 0.4% of `chorus quotes`).
  [[gnu::always_inline]] bool Is(uint32_t t, std::string_view w) const {
    return v_.toks[t].low == w;
  }
  ByteSpan Bytes(uint32_t first, uint32_t end) const {
    return {v_.toks[first].span.begin, v_.toks[end - 1].span.end};
  }
  CueKind Cue(uint32_t t) const {
    // (Most tokens are no cue word: answered before the tests below.)
    if (v_.toks[t].cue == CueKind::kNone && v_.toks[t].low != "show") return CueKind::kNone;
    if (v_.toks[t].quote >= 0 || IsPunct(t)) return CueKind::kNone;
    // "Polls show", "FEC records show": the base form after a plural is a cue
    // (PolNeAR train: 49 of 78; after anything else 29 of 199).
    if (Is(t, "show") && t > 0 && v_.toks[t - 1].kind == TokenKind::kWord &&
        v_.toks[t - 1].low.size() > 3 && v_.toks[t - 1].low.back() == 's' &&
        !v_.toks[t - 1].low.ends_with("ss") && !v_.toks[t - 1].low.ends_with("'s") &&
        !v_.toks[t - 1].low.ends_with("\xE2\x80\x99s") && v_.toks[t - 1].quote < 0)
      return CueKind::kLearned;
    if (AfterPossessive(t)) return CueKind::kNone;
    if (Is(t, "states") && !StatesIsVerb(t)) return CueKind::kNone;
    return v_.toks[t].cue;
  }
  // "states" is a cue 5 times in its 502 occurrences on PolNeAR train, always
  // after a pronoun ("it states") or a determiner or possessive and a noun
  // ("the document states", "the campaign's website states"); elsewhere it
  // is the noun ("five states", "the March states account for ...").
  bool StatesIsVerb(uint32_t t) const;
  // "his claims were “sarcasm”", "Republican claims as “false”": claims,
  // remarks, comments or statements after a determiner, a possessive pronoun
  // or a party name, a noun (Run clears it as a cue; round 23b).
  bool PluralNounAfterDeterminer(uint32_t t) const;
  // "Mr. Obama's remarks": a cue word after a possessive is a noun (not
  // after a pronoun's contraction: "he's said"). Round 11.
  bool AfterPossessive(uint32_t t) const {
    if (t == 0 || v_.toks[t - 1].kind != TokenKind::kWord) return false;
    const std::string_view w = v_.toks[t - 1].low;
    if (w.size() <= 2 || !w.ends_with("'s")) return false;
    const std::string_view stem = w.substr(0, w.size() - 2);
    return !IsSubjectPronoun(stem) && stem != "that" && stem != "there" && stem != "what" &&
           stem != "here";
  }
  // An adverb that may stand in a cue: the listed ones ("also") and lower-case
  // -ly words ("jokingly said", "initially said").
  bool Adverb(uint32_t t) const {
    const Tok& k = v_.toks[t];
    if (IsCueAdverb(k.low)) return true;
    return !k.cap && k.kind == TokenKind::kWord && k.low.size() > 4 && k.low.ends_with("ly") &&
           k.low != "only" && k.low != "family" && k.low != "early" && k.low != "likely" &&
           k.low != "supply" && k.low != "rally" && k.low != "july" && k.low != "italy";
  }
  // Verbs that are cues only right after a quotation and its source: “…,” it read.
  bool IsPostCueOnly(uint32_t t) const {
    return v_.toks[t].quote < 0 && (Is(t, "read") || Is(t, "reads"));
  }
  // An auxiliary kept in a cue; "Will" inside a sentence is a name.
  bool Aux(uint32_t t) const {
    const Tok& k = v_.toks[t];
    return IsAuxiliary(k.low) && (!k.cap || t == v_.sent_first[k.sent]);
  }
  // "not", "n't" or a negated auxiliary ("didn't", "won't"): part of the cue
  // with the auxiliaries before the verb ("did not say": PolNeAR train has
  // about 350 negated cues, "did not" 70, "don't" 33, "didn't" 26).
  bool Negation(uint32_t t) const {
    const Tok& k = v_.toks[t];
    return !k.cap && (k.low == "not" || k.low.ends_with("n't"));
  }
  // What stands between a subject and its verb and belongs to the cue:
  // auxiliaries, adverbs and negations ("has also said", "did not say").
  // CueSpan and SourceBefore skip the same words, so the cue starts where
  // the source ends.
  bool BeforeVerb(uint32_t t) const { return Aux(t) || Adverb(t) || Negation(t); }
  bool IsAccordingTo(uint32_t t) const {
    return v_.toks[t].quote < 0 && Is(t, "according") && t + 1 < v_.toks.size() && Is(t + 1, "to");
  }

  // "went on to say": the index of "went" (or "goes", "go", "going") when
  // the verb at `t` follows "… on to", else kNone. PolNeAR train puts the
  // whole phrase in the cue (24 of 27).
  uint32_t GoesOnTo(uint32_t t) const {
    if (t < 3 || !Is(t - 1, "to") || !Is(t - 2, "on") || v_.toks[t - 3].sent != v_.toks[t].sent)
      return kNone;
    std::string_view g = v_.toks[t - 3].low;
    return g == "went" || g == "goes" || g == "go" || g == "going" ? t - 3 : kNone;
  }
  // A verb coordinated with an earlier one of the same subject: "He praised
  // them but said", "he said …, and then predicted", "has mocked …, has
  // boasted of", "but now said" (back over auxiliaries, adverbs, and "now" or
  // "already" (round 23), to "and", "but" or a comma).
  bool Coordinated(uint32_t t) const;
  bool NowAlready(uint32_t t) const { return Is(t, "now") || Is(t, "already"); }
  // An -ed word at `k` inside a noun phrase: before a lower-case word of no
  // closed class ("registered voters") or as a participle before "on"/"by"
  // ("people briefed on the talks").
  bool EdModifier(uint32_t k) const;  // (attribution_source_tails.cc)
  // A dateline ends at the dash `k`: "NEW YORK -", "WASHINGTON (Reuters) -",
  // "BUENA PARK, Calif. -" (attribution_sources.cc).
  bool IsDateline(uint32_t lo, uint32_t k) const;
  // Quotation q opens its paragraph and no word follows it there.
  bool WholeParagraph(uint32_t q) const {
    const auto& T = v_.toks;
    const Quotation& qt = v_.quotations[q];
    uint32_t qe = v_.quote_end[q], last = qt.paragraphs.back();
    return qt.first().begin == v_.seg.paragraphs[qt.paragraphs.front()].begin &&
           !(qe < T.size() && T[qe].para == last && T[qe].IsWord()) &&
           !(qe + 1 < T.size() && T[qe + 1].para == last && T[qe + 1].IsWord());
  }
  // The cue span of the verb at `t`, with the auxiliaries right before it.
  // `post`: the cue follows its quotation (“…,” Trump said Monday.).
  ByteSpan CueSpan(uint32_t t, bool post = false) const;
  // Past a cue ending before `e` in sentence `s`: the end of a manner phrase
  // with "with" closing the clause ("said with a laugh.", "said, with an
  // awkward smile"), or `e` when there is none.
  uint32_t MannerWith(uint32_t e, uint32_t s) const;
  // After "According to" at `t` opening a clause: the comma that closes its
  // noun phrase (at most 20 tokens on, no quotation between), or 0.
  uint32_t OpeningComma(uint32_t t) const {
    const auto& T = v_.toks;
    for (uint32_t k = t + 2; k < T.size() && k < t + 22 && T[k].sent == T[t].sent; ++k) {
      if (T[k].quote >= 0 || Is(k, ".") || Is(k, ";") || Is(k, ":")) return 0;
      if (Is(k, ",")) return k;
    }
    return 0;
  }
  // The verb of "released a statement (Wednesday) saying" before the -ing
  // cue at `t`, or kNone.
  uint32_t StatementVerb(uint32_t t) const;
  // The participle cue whose StatementVerb is t ("issued a statement
  // Thursday saying": "saying" for "issued"; round 20b), or kNone.
  uint32_t StatementParticiple(uint32_t t) const;
  // Round 20b: a link list's title and excerpt ("“…,” by Times' Ben Sisario:
  // “…”") or a dated slogan ("“No to Schengen” (2005)"), quotations no one is
  // quoted in.
  bool NobodysQuotation(uint32_t q) const;
  std::pair<uint32_t, uint32_t> ThatClauseSubject(uint32_t q) const;  // round 27
  // Backward from the cue at `t`: the source phrase [first, end), or first == kNone.
  std::pair<uint32_t, uint32_t> SourceBefore(uint32_t t) const;
  uint32_t ObjectRelativeStart(uint32_t t, std::pair<uint32_t, uint32_t> src) const;
  // The noun phrase ending at `end` (back to `lo`); `wide` (FallbackSource)
  // also passes brackets and -ed adjectives before a name and stops at a
  // spaced dash.
  std::pair<uint32_t, uint32_t> PhraseBefore(uint32_t lo, uint32_t end, bool wide) const;
  // Round 15: a phrase and an appositive between spaced dashes ending at
  // `end` ("Jason Sims — a teacher from Mount Pleasant — says"), or kNone.
  std::pair<uint32_t, uint32_t> DashAppositive(uint32_t lo, uint32_t end) const;
  // Round 8: the source of a listed cue of reported speech when SourceBefore
  // finds none: PhraseBefore(…, wide) back from the cue, past auxiliaries,
  // adverbs and a "since" after an auxiliary ("has since said").
  std::pair<uint32_t, uint32_t> FallbackSource(uint32_t t) const;
  bool SpacedDash(uint32_t k) const {
    std::string_view d = v_.Str(k);
    if (d == "\xE2\x80\x93" || d == "\xE2\x80\x94" || d == "--") return true;
    const auto& T = v_.toks;
    return d == "-" && k > 0 && k + 1 < T.size() && T[k - 1].span.end < T[k].span.begin &&
           T[k].span.end < T[k + 1].span.begin;
  }
  // An appositive chain ending with the comma at end - 1: "Hugh Hill, a doctor,".
  std::pair<uint32_t, uint32_t> Appositive(uint32_t lo, uint32_t end) const;
  // Forward from `t` (after an inverted cue): the source phrase.
  std::pair<uint32_t, uint32_t> SourceAfter(uint32_t t, uint32_t limit) const;
  // The source of a participle cue at `t`: that of a cue right before it
  // ("he said, adding ..."), else the subject of the sentence.
  std::pair<uint32_t, uint32_t> ParticipleSubject(uint32_t s, uint32_t t) const;
  std::pair<uint32_t, uint32_t> FrontedParticipleSubject(uint32_t t) const;
  // The subject at the start of sentence `s`, for participle cues ("..., writing:").
  std::pair<uint32_t, uint32_t> SubjectOf(uint32_t s, uint32_t before) const;
  // Where the content of a reported cue at `t` starts (after an object for "told").
  uint32_t ContentStart(uint32_t t, uint32_t end) const;
  // End of sentence `s` without its final punctuation and closing marks.
  uint32_t ContentEnd(uint32_t s) const;
  // Where reported content [c, end) stops before a trailing clause that is not
  // part of it: ", which ...", ", saying ...", " and added ..." (PolNeAR train).
  uint32_t ClauseEnd(uint32_t c, uint32_t end) const;
  // -ing words after a comma that PolNeAR train keeps inside reported
  // content at least as often as it ends the content before them.
  static bool IsContentIng(std::string_view w) {
    for (std::string_view x :
         {"including", "referring", "during",   "something", "nothing", "everything", "anything",
          "depending", "working",   "speaking", "having",    "showing", "asking",     "looking",
          "standing",  "taking",    "leaving",  "building",  "leading", "making",     "according"})
      if (w == x) return true;
    return false;
  }
  static bool IsClauseEnder(std::string_view w) {
    return w == "which" || w == "where" || w == "but" || w == "while" || w == "compared" ||
           w == "according" || w == "although" || w == "though" || w == "whereas" || w == "since" ||
           w == "too" || w == "even" || w == "up" ||
           // an appositive after the clause: ", an ambitious goal that ..."
           w == "a" || w == "an" || w == "one";
  }

  // Round 9 (attribution_transcript.cc): in a transcript, paragraphs opening
  // with a speaker label in capitals and a colon ("WALLACE: …", "\"PENCE:
  // …"), each an attribution: the label the source, the colon the cue, the
  // rest of the paragraph the content, with the unlabelled paragraphs after
  // it that open with a quotation mark when it does. Appends them to `found`
  // and returns the paragraphs they cover. A transcript has three turns or
  // more, two speakers or more, one of them speaking twice.
  std::vector<bool> TranscriptTurns(std::vector<Found>& found) const;
  // Round 11 (attribution_transcript.cc): a headline of the form "Source:
  // claim" ("Rubio: I Still Believe Trump Can't Be Trusted …", "Poll: Trump
  // and Clinton hold narrow leads …") in the article's first paragraph: the
  // label (one to four capitalised words, not a rubric such as "The Latest"
  // or "BREAKING") the source, the colon the cue, the rest of the paragraph
  // the content. Appended to `found` unless the paragraph holds a quotation
  // or a transcript turn (those have their own rules).
  void HeadlineColon(std::vector<Found>& found, const std::vector<bool>& in_turn) const;

  // Attribution patterns for quotation q; true when one matched.
  // A short quotation in title case is a name or a title ("Meet the Press").
  bool IsTitle(uint32_t q) const;
  bool PostCue(uint32_t q, Found& f) const;
  bool PreCue(uint32_t q, Found& f) const;
  // "“…,” she told the crowd, then referred to Trump's slogan. “…”" (round
  // 20b): a clause after prev's post cue that opens with ", then V", ",
  // going on to V", ", explaining" or ", giving the example of" is the cue of
  // quotation q opening the next sentence of the paragraph; f gets that cue,
  // prev's source, and the clause's rest and q as content.
  bool TrailingCue(const Found& prev, uint32_t q, Found& f) const;
  // "Cost estimates, he added, were “…”" (round 15), "Of course, Clinton said,
  // “…”" (round 18): f's source and cue (the cue at `cue`, content from `c`)
  // stand between commas after a lead from the sentence start `lo` holding no
  // quotation and no cue word; `adverbial_out`: not a lead opening with an
  // adverbial ("In 2008,", "But,") or ending in "ago" or a conjunction. The
  // lead is [lo, f.src_first - 1).
  bool ParentheticalLead(const Found& f, uint32_t lo, uint32_t cue, uint32_t c,
                         bool adverbial_out) const;
  bool BlockCue(uint32_t q, Found& f) const;
  // "Carl Bialik: “…”", "More from Jones: “…”": a name right before the colon
  // that opens the quotation (poll round-ups, transcripts).
  bool ColonCue(uint32_t q, Found& f) const;
  // "As The Post's Dana Milbank puts it, “…”" (round 16): "put it" the cue.
  bool AsPutIt(uint32_t q, Found& f) const;
  // "“…,” as a Homeland Security memo put it." (round 20): the same frame
  // after the quotation, closing its sentence.
  bool AsPutItAfter(uint32_t q, Found& f) const;
  // "One message read “…”", "a hat reading, “…”" (round 23c).
  bool ReadCue(uint32_t q, Found& f) const;
  // Round 23c: whether a content holds a double quotation mark; a sourceless
  // attribution nested in another's content, both holding one, is dropped.
  bool HoldsQuoteMark(const Attribution& a) const;
  void DropNestedUnsourced(std::vector<Attribution>& out) const;
  // Round 28: drops attributions wholly inside an embedded tweet (attribution_tweets.cc).
  void DropInsideTweets(std::vector<Attribution>& out) const;
  // "Trump has used the phrase “…”" (round 23c).
  bool UsedTermCue(uint32_t q, Found& f) const;
  bool RatedCue(uint32_t q, Found& f) const;
  // Round 28: "Merkel heralded the deal as a “breakthrough.”", "Cruz coached
  // Trump to “breathe”" (attribution_as_frame.cc); AsFrameVerb: its verb test.
  bool AsFrameCue(uint32_t q, Found& f) const;
  bool AsFrameVerb(uint32_t c, uint32_t lo) const;
  // Round 29 (attribution_chants.cc): a quotation no attribution holds right
  // after "chants of" or "(" is added alone, with no cue and no source.
  void AddChantQuotes(std::vector<Attribution>& out) const;
  bool FrontedIngCue(uint32_t q, Found& f) const;
  // Both: the words between "as" and "put" the source of `g`, "put it" its
  // cue; false when they make no source.
  bool PutItFrame(Found& g, uint32_t as, uint32_t put) const;
  // Openers of a fronted adverbial clause ("When …, ", "After …, "; round 16).
  static bool IsFrontedSubordinator(std::string_view w) {
    return w == "when" || w == "after" || w == "although" || w == "though" || w == "while" ||
           w == "because" || w == "before" || w == "since" || w == "if" || w == "once";
  }
  // "“…” ¶ - Bernie Sanders.", "“…” ― Sonya Herridge": a dash and a name
  // signing a quotation, in the paragraph after it (when the quotation is its
  // whole paragraph) or closing the paragraph the quotation opens.
  bool DashCue(uint32_t q, Found& f) const;
  // A signature's dash: IsDash or a horizontal bar (U+2015).
  bool IsSignatureDash(uint32_t k) const { return IsDash(k) || v_.Str(k) == "\xE2\x80\x95"; }
  // "Sanders delivered a snappy retort: “…”": a clause with a subject and no
  // cue word ending in the colon before the quotation; its predicate is the cue.
  bool ClauseColonCue(uint32_t q, Found& f) const;
  void Reported(uint32_t s, std::vector<Found>& out, std::vector<bool>& used) const;
  // "In a CNN/ORC poll released Monday, …" (round 14): the comma closing a
  // sentence-initial "In", a determiner and a poll or survey; kNone if the
  // sentence `s` opens with none.
  uint32_t PollFrameEnd(uint32_t s) const;
  // Round 20: a quotation whose cue follows such a frame is the poll's: "In a
  // September Washington Post-ABC News poll, 75 percent of Republicans said
  // “most people in politics” can't be trusted."
  void PollFrame(uint32_t q, Found& f) const;
  // Both passes: `in` the cue, up to `comma` the source, the words after it
  // up to `end` the content.
  void SetPollFrame(Found& f, uint32_t in, uint32_t comma, uint32_t end) const;
  // Round 7 (attribution_cue_context.cc): the features of the reported
  // attribution `f` of the cue at f.cue_tok; whether the cue context model
  // admits the one a candidate cue would create (all of them when training);
  // and, for every reported attribution found, whether its source stays (when
  // training: recorded, and kept).
  void CueContextFeatures(const Found& f, SpanFeatures& F) const;
  // The features of the cue token `t` alone (its word and neighbours): the
  // first of CueContextFeatures, scored before the rules run (a cheap filter).
  void CueLocalFeatures(uint32_t t, const SpanPiece& w, const SpanPiece& kind,
                        SpanFeatures& F) const;
  std::string_view CueKindName(uint32_t t) const;
  bool HoldsQuoteMark(const Found& f) const;
  bool AdmitCandidate(const Found& f) const;
  bool KeepReportedSource(const Found& f) const;
  // Round 8: whether a direct attribution's source stays (the same model,
  // DirectFeatures; when training: recorded, and kept).
  bool KeepDirectSource(const Found& f) const;
  // Round 20: a plain inverted name closing the sentence ("“…,” said 9/11
  // widow Terry Strada."), kept whatever the model says.
  bool PlainInvertedName(const Found& f) const;
  // A direct attribution's source before a passive asking or naming cue.
  bool PassiveSubject(const Found& f) const;
  // Round 6b (attribution_direct.cc). After a post cue, ", according to X"
  // later in the sentence makes X the source and "according to" the cue:
  // "“…,” Sanders said, according to CNN." (PolNeAR train: 14 of 15).
  // `from`: where to look from when the cue comes before the quotation (its
  // last token; round 14: "Trump said he was “happy to see” …, according to
  // The New York Times.").
  void OuterAccordingTo(Found& f, uint32_t from = kNone) const;
  // The subject of an absolute participle: "with Donald Trump tweeting “…”",
  // "– Ryan saying he was “…”", "and Trump calling it “…”" (PolNeAR train:
  // the noun phrase right before the participle, 20 of 20 after "with", a
  // comma, a dash or "and"); first == kNone when the participle has none.
  std::pair<uint32_t, uint32_t> AbsoluteSubject(uint32_t t) const;
  // Round 6c. The subject of the clause a coordinated cue at `t` joins: "Ryan
  // lamented the “…” state and criticized the “…”" -> "Ryan", back from the
  // coordinator to the nearest earlier verb (a cue or an -ed word) with a
  // source before it; else the subject of the sentence.
  std::pair<uint32_t, uint32_t> CoordinatedSubject(uint32_t s, uint32_t t) const;
  // The subject of the main clause a participle cue at `t` follows after a
  // comma: "Hours later, Trump returned the compliment, telling …" -> "Trump"
  // (the nearest earlier verb with a source, passing over relative and
  // subordinate clauses: "praised Sanders for what he has accomplished,
  // calling it …"); first == kNone when there is none.
  std::pair<uint32_t, uint32_t> MainClauseSubject(uint32_t t) const;
  // The nearest verb before `from` (back to `lo`, at most 40 tokens) with a
  // source before it; `main`: not one in a subordinate clause.
  std::pair<uint32_t, uint32_t> VerbSubjectBefore(uint32_t lo, uint32_t from, bool main) const;
  // Round 24: `k` opens a clause of the scene a participle describes ("He
  // tweeted when Clinton ended …, remarking": its subject is the participle's).
  bool SceneClause(uint32_t k, uint32_t lo) const;
  // A source opening its sentence with an adverbial word is not one as it
  // stands ("But", "In the", "With"; PolNeAR train: 7 of 126 right): a
  // conjunction is dropped ("Now Bloomberg" -> "Bloomberg"), a lone word or a
  // prepositional phrase leaves no source. Applied to the attributions found,
  // so it changes sources only, never which attributions there are.
  void DropLeadingAdverbial(Found& f) const;
  // Round 20: the name closing a source [b, e) that opens with a fronted
  // prepositional phrase and no comma ("In a Bloomberg interview Trump"):
  // the capitalised words at its end after a lower-case noun; kNone if none.
  uint32_t NameAfterFrontedPhrase(uint32_t b, uint32_t e) const;
  // Round 11: a source holding a relative clause with a cue of its own ends
  // before it: "Podesta, who said the project was vetted, said" -> "Podesta"
  // (PolNeAR train: 60 of 68 such sources stop before ", who"/", which";
  // without a cue inside, 257 keep the clause and 144 do not). `cues`: the
  // cue tokens of the attributions found, sorted. (Round 20: also ", who
  // said|says|… <clause>" with no attribution found, in any source.)
  void DropRelativeWithCue(Found& f, const std::vector<uint32_t>& cues) const;
  // Round 23: a source ending in a place after "in", "of" or "from" takes the
  // state after it ("an instrument technician in Chalmette, La.").
  void StateAfterPlace(Found& f) const;
  // ... and a party tag after a name ("Sen. Jack Reed (D-R.I.)").
  void PartyTagAfterName(Found& f) const;
  // "He’s claiming", "I've suggested": the tokenizer keeps a pronoun's
  // contraction in its word; PolNeAR gives the pronoun to the source and the
  // contraction to the cue (train: 99 of 118 such sources; 3 keep it whole).
  // Applied last, to a one-token source right before its cue.
  void SplitContraction(Found& f) const;
  // "water bottles that said “…”": the relative "that" is the source (round 17).
  void RelativeThatSource(Found& f) const;
  // Round 21 (attribution_cue_ends.cc): words PolNeAR keeps in a cue that the
  // rules leave to the content or out: the rest of "issued a statement
  // saying" and "continued by saying" when the verb is the cue, the verb and
  // "by" when the participle is, a particle or adverb right after the verb
  // ("chanted back", "has said repeatedly"), "now", "already" or "always"
  // right before it, and "on Twitter" after "wrote". Applied last, after both
  // models, so neither trains on it (and not at all while the cue context
  // model records its training).
  void CueEnds(Found& f) const;
  // The verb of "continued by saying" before the -ing word at `t`, or kNone.
  uint32_t ByVerb(uint32_t t) const;
  static std::string_view OwnPreposition(std::string_view v);
  // The verb of "released a marketing video that said" before the relative
  // "that" or "which" at `r`, or kNone (round 23b).
  uint32_t DocumentVerb(uint32_t r) const;
  // Where a cue opening at `cb` with a verb in the infinitive opens with its
  // "to" and a verb or adjective governing it, or kNone (round 27b).
  uint32_t InfinitiveCueStart(uint32_t cb, uint32_t lo) const;
  // "what aide Kevin Phillips called “…”": the relative "what" is content (round 22).
  void WhatObject(Found& f) const;
  // Reported content that runs into a direct attribution's content (`dspans`,
  // `dcues` sorted by start; `max_end` the furthest end so far) ends before
  // it, when three tokens or more, no quotation and no direct cue are left:
  // "Some Democrats said they feared …, when Mr. Buchanan called for a
  // ''cultural war''". Its source keeps the rules' end.
  void ClipBeforeDirect(Found& f, const std::vector<ByteSpan>& dspans,
                        const std::vector<uint32_t>& max_end, const std::vector<ByteSpan>& dcues,
                        const std::vector<ByteSpan>& dsrcs) const;

  // Cues whose subject is what is reported on, not a speaker (PolNeAR train:
  // most of their attributions have no source).
  static bool IsRaisingVerb(std::string_view w) {
    return w == "seemed" || w == "seems" || w == "seem" || w == "appears" || w == "appeared" ||
           w == "appear" || w == "expected";
  }
  // Words opening a subordinate clause, whose subject is not the main one's.
  static bool IsSubordinator(std::string_view w) {
    return w == "when" || w == "after" || w == "before" || w == "if" || w == "because" ||
           w == "as" || w == "while" || w == "since" || w == "that" || w == "what" ||
           w == "until" || w == "once" || w == "where" || w == "although" || w == "though" ||
           w == "how" || w == "why" || w == "whether" || w == "whom" || w == "who" || w == "which";
  }
  static bool IsPassiveAux(std::string_view w) {
    return w == "was" || w == "were" || w == "is" || w == "are" || w == "been" || w == "be";
  }
  static bool IsCueParticle(std::string_view w) {
    return w == "about" || w == "of" || w == "against" || w == "for" || w == "over";
  }
  static bool IsQuantifier(std::string_view w) {
    return w == "half" || w == "most" || w == "other" || w == "all" || w == "few" ||
           w == "nearly" || w == "about" || w == "almost" || w == "both" || w == "each" ||
           w == "any" || w == "more" || w == "fewer" || w == "majority" || w == "percent";
  }
  // A source opens with a name, a pronoun, a determiner or a number.
  static bool IsGroupNoun(std::string_view w) {
    for (std::string_view g :
         {"officials",  "sources",      "advisers",    "advisors",   "aides",         "experts",
          "analysts",   "donors",       "forecasters", "senators",   "lawmakers",     "critics",
          "supporters", "democrats",    "republicans", "voters",     "investigators", "prosecutors",
          "economists", "strategists",  "residents",   "witnesses",  "researchers",   "polls",
          "surveys",    "participants", "organizers",  "activists",  "members",       "leaders",
          "diplomats",  "police",       "authorities", "scientists", "observers"})
      if (w == g) return true;
    return false;
  }
  bool SourceShape(uint32_t first, uint32_t end) const {
    const Tok& t = v_.toks[first];
    if (!t.cap && IsPreposition(t.low)) return false;  // "of Republican claims"

    if (t.cap || t.kind == TokenKind::kNumber || IsSubjectPronoun(t.low) || IsDeterminer(t.low))
      return true;
    // "And he's said …": a pronoun's contraction (SplitContraction gives the
    // pronoun to the source), lower-case inside a sentence.
    if (end == first + 1 && t.low.find('\'') != std::string_view::npos &&
        IsSubjectPronoun(t.low.substr(0, t.low.find('\''))))
      return true;
    // "officials", "current and former officials", "other experts": a group
    // named by a plural noun.
    std::string_view last = v_.toks[end - 1].low;
    if (end - first <= 4 && last.size() > 3 &&
        ((last.back() == 's' && !last.ends_with("ss")) || last == "police") && IsGroupNoun(last))
      return true;
    // "model and TV personality Chrissy Teigen": a description ending in a name.
    if (end > first + 1 && v_.toks[end - 1].cap) return true;
    // "retired Army Lt. Gen. Mick Bednarek, who served ...": a few lower-case
    // words of description before a name.
    for (uint32_t k = first; k < end && k < first + 4; ++k) {
      const Tok& w = v_.toks[k];
      if (w.cap && w.kind == TokenKind::kWord) return k > first;
      if (w.kind != TokenKind::kWord || IsPreposition(w.low) || IsDeterminer(w.low) ||
          IsClauseWord(w.low) || w.cue != CueKind::kNone)
        break;
    }
    // "half of GOP primary voters", "other prominent bundlers in both parties".
    if (IsQuantifier(t.low)) return true;
    // "tech executives", "political analysts", "security specialists": a
    // short phrase with a plural head.
    return end - first <= 3 && last.size() > 4 && last.back() == 's' && !last.ends_with("ss") &&
           !last.ends_with("ous") && !last.ends_with("is") && !last.ends_with("us");
  }
  // Drops what PolNeAR leaves out of a source: an adjunct after a comma
  // ("Snyder, for his part", "Mr. Trump, in an interview", "Bush, however"),
  // a trailing time ("Two House Committees on Monday").
  std::pair<uint32_t, uint32_t> TrimSource(std::pair<uint32_t, uint32_t> src) const;
  uint32_t CausativeObject(uint32_t b, uint32_t e) const;
  // Round 27: the asker after "Asked by" ([by + 1, end)); `question` is set
  // to where the question starts.
  std::pair<uint32_t, uint32_t> AskedByAgent(uint32_t by, uint32_t e, uint32_t& question) const;
  // Round 27c: the period at `k` closes an abbreviation and a comma follows
  // ("Daytona Beach, Fla., who", "Jr., a senior official").
  bool AbbreviationComma(uint32_t k, uint32_t limit) const;
  // A year: a number of four digits from 1900 to 2099.
  bool IsYear(uint32_t t) const {
    const std::string_view w = v_.toks[t].low;
    return v_.toks[t].kind == TokenKind::kNumber && w.size() == 4 &&
           (w.starts_with("19") || w.starts_with("20"));
  }
  // Round 11: "Hugh Hill, a doctor, said the plan works.": the sentence up
  // to the cue at `t` is a name and an appositive, the subject of the cue,
  // not content before an inverted source.
  bool AppositiveSubject(uint32_t lo, uint32_t t) const;  // (attribution_source_extent.cc)
  void SetSource(Found& f, std::pair<uint32_t, uint32_t> src) const {
    if (src.first == kNone || src.first >= src.second) return;
    src = TrimSource(src);
    if (src.first >= src.second || !SourceShape(src.first, src.second)) return;
    f.src_first = src.first;
    f.src_end = src.second;
    f.a.source = {Bytes(src.first, src.second)};
  }
  // Adds the parts of quotation q to f's content; a part already inside the
  // content (a reported frame holding several quotations) is not repeated.
  void AddQuote(Found& f, uint32_t q) const {
    for (const ByteSpan& p : v_.quotations[q].parts) {
      bool merged = false;
      for (ByteSpan& c : f.a.content) {
        if (p.begin < c.end && c.begin < p.end) {
          c.begin = std::min(c.begin, p.begin);
          c.end = std::max(c.end, p.end);
          merged = true;
          break;
        }
      }
      if (!merged) f.a.content.push_back(p);
    }
    f.a.direct = true;
  }

  // The end of f's source (or cue) chosen by the span model among candidates
  // around the rules' end (span_model.h).
  void ChooseEnd(Found& f, bool source) const;
  // A token as the span features see it: its lower-cased form, "<q>" inside a
  // quotation, "<num>", "</s>" past the sentence; and its class.
  std::string_view BoundaryWord(uint32_t t, uint32_t sent) const;
  std::string_view BoundaryClass(uint32_t t, uint32_t sent) const;

  ArticleView v_;
  mutable std::vector<ByteSpan> strong_;  // Reported's scratch
  mutable std::vector<uint32_t> reach_;
  mutable std::vector<uint32_t> weak_toks_;
  std::vector<SpanDecision>* record_ = nullptr;
  std::map<uint64_t, std::string>* names_ = nullptr;
  std::vector<CueContextRecord>* cue_record_ = nullptr;
  std::map<uint64_t, std::string>* cue_names_ = nullptr;
};

}  // namespace chorus::quotes
