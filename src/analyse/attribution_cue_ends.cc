// Round 21 and 23b rules for where a cue ends (docs/ACCURACY.md, "Round 21",
// "Round 23b"): words PolNeAR train keeps in a cue that the rules leave in the
// content or out of the attribution, and one it leaves out ("wrote of"); and
// where a cue opens after a document verb ("released a video that said").
// Applied to each attribution last, after the span model and the cue context
// model, so that neither model's training changes; see attribution_finder.h
// (CueEnds). Also the two tests of a cue word that is a noun here
// (StatesIsVerb, PluralNounAfterDeterminer).
#include <algorithm>
#include <array>
#include <string_view>

#include "analyse/attribution_finder.h"

namespace chorus::quotes {

uint32_t Finder::ByVerb(uint32_t t) const {
  // "Husted continued by saying, “…”", "he began by saying", "opened by
  // talking about": PolNeAR train makes the verb, "by" and the participle one
  // cue when such a verb stands right before "by" (6 of 6). With an object
  // between ("distanced himself from … by saying") the participle stays alone.
  const auto& T = v_.toks;
  if (t < 2 || t >= T.size() || !T[t].low.ends_with("ing") || !Is(t - 1, "by")) return kNone;
  const uint32_t v = t - 2;
  if (T[v].sent != T[t].sent || T[v].quote >= 0 || T[v].cap || T[v].kind != TokenKind::kWord)
    return kNone;
  // A verb that opens, goes on or answers; not a passive ("is often justified
  // by arguing", "be added by threatening").
  const std::string_view w = T[v].low;
  // ("responded by saying" is split: 2 of 4 on train keep "by saying" out.)
  for (std::string_view verb : {"began", "begins", "begin", "opened", "opens", "concluded",
                                "concludes", "continued", "continues", "ended", "ends"})
    if (w == verb) return v;
  return kNone;
}

std::string_view Finder::OwnPreposition(std::string_view v) {
  // The preposition a verb of the list governs (see CueEnds, 5.).
  static constexpr std::pair<std::string_view, std::string_view> kVerbs[] = {
      {"point", "to"},       {"points", "to"},     {"pointed", "to"},    {"pointing", "to"},
      {"focus", "on"},       {"focuses", "on"},    {"focused", "on"},    {"focusing", "on"},
      {"comment", "on"},     {"comments", "on"},   {"commented", "on"},  {"commenting", "on"},
      {"weigh", "in"},       {"weighs", "in"},     {"weighed", "in"},    {"weighing", "in"},
      {"believe", "in"},     {"believes", "in"},   {"believed", "in"},   {"reflect", "on"},
      {"reflects", "on"},    {"reflected", "on"},  {"reflecting", "on"}, {"remarked", "upon"},
      {"remarking", "upon"}, {"elaborated", "on"}, {"elaborates", "on"}, {"elaborating", "on"},
      {"chimed", "in"},      {"chimes", "in"},     {"thrilled", "with"}};
  for (const auto& [verb, prep] : kVerbs)
    if (v == verb) return prep;
  return {};
}

uint32_t Finder::DocumentVerb(uint32_t r) const {
  // "Trump released a marketing video that said", "Henry added the caption
  // which reads", "The Washington Post recently ran a piece that noted": a
  // verb, its object (a document or a message, after a determiner and at most
  // four words), at most five words of a modifier with no determiner ("from
  // his doctor Friday afternoon", "on Twitter"), then the relative.
  const auto& T = v_.toks;
  if (r < 3 || r >= T.size() || !(Is(r, "that") || Is(r, "which"))) return kNone;
  const uint32_t lo = v_.sent_first[T[r].sent];
  auto word = [&](uint32_t k) {
    return k >= lo && T[k].quote < 0 && T[k].kind == TokenKind::kWord;
  };
  auto document = [&](std::string_view w) {
    for (std::string_view n :
         {"statement", "email",      "e-mail",        "release", "tweet",  "message", "letter",
          "memo",      "ad",         "advertisement", "video",   "piece",  "sign",    "caption",
          "column",    "op-ed",      "editorial",     "note",    "banner", "poster",  "post",
          "report",    "commercial", "spot",          "clip",    "flyer",  "mailer"})
      if (w == n) return true;
    return false;
  };
  auto determiner = [&](uint32_t k) {
    return Is(k, "a") || Is(k, "an") || Is(k, "the") || Is(k, "his") || Is(k, "her") ||
           Is(k, "their") || Is(k, "its");
  };
  uint32_t n = r - 1;
  while (n > lo && r - n <= 6 && word(n) && !document(T[n].low)) {
    if (Is(n, "a") || Is(n, "an") || Is(n, "the") || Is(n, "of")) return kNone;
    --n;
  }
  if (!word(n) || !document(T[n].low)) return kNone;
  uint32_t d = n;
  while (d > lo && n - d < 5 && !determiner(d)) {
    if (d - 1 < lo || T[d - 1].quote >= 0 || IsPunct(d - 1) || T[d - 1].cap) return kNone;
    --d;
  }
  if (!determiner(d) || d == lo) return kNone;
  uint32_t v = d - 1;
  if (v > lo && Is(v, "out")) --v;
  if (!word(v) || T[v].cap || (v > lo && Is(v - 1, "to"))) return kNone;
  const std::string_view w = T[v].low;
  if (IsClosedClass(w) || !((w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing"))) ||
                            w == "ran" || w == "put" || w == "sent" || w == "wrote" || w == "read"))
    return kNone;
  return v;
}

// Round 27b: PolNeAR train puts the "to" of a cue verb in the infinitive in
// the cue: of the 135 gold cues that are a verb right after "to", 121 hold it
// (direct 10 of 13, "to announce", "to tell"; the 14 others mostly "to
// defend", "to discuss" after an object). And it puts the word that governs
// the infinitive there too when that is a verb or an adjective: of the gold
// cues that run past "to X", the word before "to" is an -ed or -ing verb
// about 70 times ("declined", "seemed", "refused", "tried", "trying",
// "struggling"; "continued" is CueEnds' step 7) or "want", "try", "need",
// "likely", "quick", "able" … (34), against 3 -ed words of the 123 cues that
// open at "to" ("started", "pressed", "doomed"). Chorus took the verb alone
// ("Democrats on the stage refused to say the words “radical Islam”" →
// "say"). Not "to" before a noun ("to hopes", "to claims"): the word after
// "to" is a base form (or an auxiliary, adverb or negation before one: "to
// be considered", "to not believe").
uint32_t Finder::InfinitiveCueStart(uint32_t cb, uint32_t lo) const {
  const auto& T = v_.toks;
  if (cb <= lo || !Is(cb - 1, "to") || T[cb - 1].quote >= 0 || T[cb].cap ||
      T[cb].kind != TokenKind::kWord)
    return kNone;
  const std::string_view w = T[cb].low;
  const bool base =
      !w.ends_with("ing") && !w.ends_with("ed") && !(w.ends_with("s") && !w.ends_with("ss"));
  if (!base && !BeforeVerb(cb)) return kNone;
  uint32_t b = cb - 1;
  if (b == lo) return b;
  const uint32_t g = b - 1;
  const std::string_view v = T[g].low;
  static constexpr std::array<std::string_view, 30> kGoverning = {
      "want",    "wants",     "try",       "tries",    "need",   "needs",   "seem",   "seems",
      "refuse",  "refuses",   "decline",   "declines", "plan",   "plans",   "tend",   "tends",
      "fail",    "fails",     "likely",    "unlikely", "quick",  "able",    "unable", "eager",
      "willing", "unwilling", "reluctant", "ready",    "poised", "inclined"};
  const bool governs =
      T[g].quote < 0 && !T[g].cap && T[g].kind == TokenKind::kWord &&
      ((v.size() >= 5 && v.ends_with("ed")) || (v.size() >= 6 && v.ends_with("ing")) ||
       std::find(kGoverning.begin(), kGoverning.end(), v) != kGoverning.end());
  if (!governs) return b;
  b = g;
  while (b > lo && T[b - 1].quote < 0 && BeforeVerb(b - 1)) --b;
  return b;
}

// See attribution_finder.h: "states" as a verb or a noun (round 13).
bool Finder::StatesIsVerb(uint32_t t) const {
  const auto& T = v_.toks;
  if (t == 0 || T[t - 1].kind != TokenKind::kWord || T[t - 1].sent != T[t].sent) return false;
  if (IsSubjectPronoun(T[t - 1].low)) return true;
  // (Not after the words that modify the noun "the N states" on train and
  // dev: a number, "other", "battleground", "early", "swing" ...)
  static const std::array<std::string_view, 14> kModifiers = {
      "other", "four",    "five", "dozen",    "battleground", "early",   "swing",
      "key",   "primary", "home", "upcoming", "remaining",    "opening", "most"};
  const std::string_view w = T[t - 1].low;
  if (IsDeterminer(w) || std::find(kModifiers.begin(), kModifiers.end(), w) != kModifiers.end())
    return false;
  return t >= 2 && !T[t - 1].cap && T[t - 2].kind == TokenKind::kWord &&
         (Is(t - 2, "the") || Is(t - 2, "a") || Is(t - 2, "an") || Is(t - 2, "its") ||
          Is(t - 2, "his") || Is(t - 2, "her") || Is(t - 2, "their") || Is(t - 2, "this") ||
          T[t - 2].low.ends_with("'s"));  // (low has ' for ’)
}

bool Finder::PluralNounAfterDeterminer(uint32_t t) const {
  const auto& T = v_.toks;
  if (t == 0 || T[t - 1].kind != TokenKind::kWord || T[t - 1].sent != T[t].sent) return false;
  const std::string_view w = T[t].low;
  if (w != "claims" && w != "remarks" && w != "comments" && w != "statements") return false;
  const std::string_view p = T[t - 1].low;
  return p == "his" || p == "her" || p == "their" || p == "its" || p == "our" || p == "my" ||
         p == "your" || p == "the" || p == "these" || p == "those" || p == "such" ||
         p == "republican" || p == "democratic";
}

void Finder::CueEnds(Found& f) const {
  const auto& T = v_.toks;
  // (Not while the cue context model trains: its records find their
  // attributions by the cue span the rules gave.)
  if (cue_record_ != nullptr) return;
  // Round 23b: "his claims were “sarcasm”", "Republican claims as “false”":
  // a plural noun of saying after a determiner, a possessive or a party
  // name is the clause's noun, not its cue. PolNeAR train makes it a cue 7
  // times in its 117 such occurrences (115 after a determiner or
  // possessive, 2 after Republican or Democratic; dev 0 of 9 after those
  // two), never in the 10 attributions chorus gave it as their cue (dev 0 of
  // 3); the attribution keeps its content and source, as the cue context
  // model keeps content and cue when it clears a source.
  if (f.cue_tok != kNone && PluralNounAfterDeterminer(f.cue_tok)) {
    f.a.cue.clear();
    return;
  }
  if (f.cue_tok == kNone || f.a.cue.size() != 1 || f.a.content.empty()) return;
  const uint32_t t = f.cue_tok;
  const uint32_t s = T[t].sent;
  const uint32_t lo = v_.sent_first[s], hi = v_.sent_end[s];
  ByteSpan& cue = f.a.cue.front();
  ByteSpan& content = f.a.content.front();  // (sorted: the first part)
  const uint32_t cb = v_.TokenAt(cue.begin), ce = v_.TokenAt(cue.end);
  if (cb > t || ce <= t || ce > hi || T[t].kind != TokenKind::kWord) return;
  const uint32_t cf = v_.TokenAt(content.begin);
  // The cue may run on to token `k` when no source or content part lies
  // between its end and `k`, but for a content that opens right at its end:
  // that one then opens after `k` (and any comma or colon); false when nothing
  // would be left of it.
  auto content_after = [&](uint32_t k) {
    const size_t from = cue.end, to = T[k - 1].span.end;
    for (const ByteSpan& x : f.a.source)
      if (x.begin < to && x.end > from) return false;
    for (size_t i = cf == ce ? 1 : 0; i < f.a.content.size(); ++i)
      if (f.a.content[i].begin < to && f.a.content[i].end > from) return false;
    if (cf != ce) return true;
    uint32_t c = k;
    while (c < hi && (Is(c, ",") || Is(c, ":"))) ++c;
    if (c >= hi || T[c].span.begin >= content.end) return false;
    content.begin = T[c].span.begin;
    return true;
  };

  // 0. "it now says", "John Kasich’s campaign is already claiming": "now",
  // "already" or "always" right before the cue opens it, as the adverbs
  // CueSpan takes do (PolNeAR train: now 30 of 35, already 3 of 3, always 2
  // of 2; not after a comma, ", now called"). The source and the content end
  // before it.
  if (cb > lo + 1 && T[cb - 1].quote < 0 && !Is(cb - 2, ",") &&
      (Is(cb - 1, "now") || Is(cb - 1, "already") || Is(cb - 1, "always"))) {
    uint32_t w = cb - 1;
    // (And the auxiliaries and adverbs before it: "is already claiming".)
    while (w > lo && cb - w < 6 && T[w - 1].quote < 0 && BeforeVerb(w - 1)) --w;
    const auto before = [&](const std::vector<ByteSpan>& spans) {
      for (const ByteSpan& x : spans)
        if (x.end > T[w].span.begin && x.begin < cue.end) return false;
      return true;
    };
    if (!before(f.a.source) || !before(f.a.content)) w = cb - 1;
    if (before(f.a.source) && before(f.a.content)) cue.begin = T[w].span.begin;
  }

  // 9. "Democrats on the stage refused to say the words “radical Islam”",
  // "interrupted me in mid-sentence to announce, “…”": a cue verb in the
  // infinitive opens at its "to", and at the verb or adjective that governs
  // it (with that one's auxiliaries and adverbs: "was prompted to say").
  // Round 27b. See InfinitiveCueStart.
  if (const uint32_t b = InfinitiveCueStart(cb, lo); b != kNone) {
    const auto before = [&](const std::vector<ByteSpan>& spans) {
      for (const ByteSpan& x : spans)
        if (x.end > T[b].span.begin && x.begin < cue.end) return false;
      return true;
    };
    if (before(f.a.source) && before(f.a.content)) cue.begin = T[b].span.begin;
  }

  // 1. "he began by saying, “…”": the cue is the participle; the verb and
  // "by" before it join it (with auxiliaries and adverbs before the verb), when
  // the source does not run into them (see ByVerb).
  if (const uint32_t v = ByVerb(t); v != kNone && cb == t && content.begin >= cue.end) {
    uint32_t b = v;
    const uint32_t src_end = f.a.source.empty() ? 0 : v_.TokenAt(f.a.source.back().end);
    while (b > lo && b > src_end && v - b < 6 && T[b - 1].quote < 0 && BeforeVerb(b - 1)) --b;
    if (f.a.source.empty() || src_end <= b) cue.begin = T[b].span.begin;
    return;
  }

  // 2. "Trump issued a statement saying that …", "Husted continued by saying,
  // “…”": the cue is the verb, the content opens with the rest
  // of the frame. The cue runs to the participle (and its particle: "issued a
  // statement calling on"). PolNeAR train: "VERBed a … statement|email|…
  // saying" (or "…ad|memo|release|letter …ing") is one cue 26 of 27 times (and
  // StatementVerb's 22 of 22, where the participle is the cue). Round 20b's
  // CueSpan already runs a verb's cue to the participle (StatementParticiple),
  // not to its particle: that one is taken here too.
  if (const uint32_t sp = StatementParticiple(t); ce == t + 1 || (sp != kNone && ce == sp + 1)) {
    for (uint32_t p = t + 2; p < hi && p < t + 9 && T[p].quote < 0; ++p) {
      if (!T[p].low.ends_with("ing")) continue;
      if (StatementVerb(p) != t && ByVerb(p) != t) continue;
      const ByteSpan full = CueSpan(p);
      const uint32_t e = v_.TokenAt(full.end);
      if (e >= hi || T[e].quote >= 0 || !content_after(e)) return;
      cue.end = full.end;
      return;
    }
  }

  // 8. "In selling the courses, Trump released a marketing video that said,
  // “…”", "Sanders is releasing a new 30-second ad that urges voters … to
  // “…”": the verb after a relative "that" or "which" whose noun, a document
  // or a message, is the object of a verb before it (DocumentVerb). PolNeAR
  // train opens the cue at that verb (with its auxiliaries and adverbs) and
  // makes its subject the source in all 7 such gold cues (5 direct: released
  // a video that said, is releasing an ad that urges, recently ran a piece
  // that noted, hoisted a sign that read, added the caption which reads; 2
  // reported; dev 1 of 1, "released a letter from his doctor Friday
  // afternoon that says"); not after other nouns ("passed out water bottles
  // that said": "that" the source). Taken for a direct attribution whose
  // source is none or the relative. Round 23b.
  if (f.a.direct && cb == t && cb > lo && cf >= ce &&
      (f.a.source.empty() ||
       (f.a.source.size() == 1 && f.a.source[0].begin == T[cb - 1].span.begin &&
        f.a.source[0].end == T[cb - 1].span.end))) {
    if (const uint32_t v = DocumentVerb(cb - 1); v != kNone) {
      const auto src = SourceBefore(v);
      if (src.first != kNone && src.first < src.second && src.second <= v) {
        Found g;
        SetSource(g, src);
        if (!g.a.source.empty()) {
          uint32_t b = v;
          while (b > src.second && T[b - 1].quote < 0 && BeforeVerb(b - 1)) --b;
          cue.begin = T[b].span.begin;
          f.a.source = g.a.source;
          f.src_first = g.src_first;
          f.src_end = g.src_end;
          return;
        }
      }
    }
  }

  // 6. "“…,” Eric Trump wrote of the 2010 gift", "he had publicly stated of
  // politicians, “…”": after a verb of stating or writing, which takes no
  // "of" of its own, "of" opens the topic, which PolNeAR leaves out of the
  // cue. Train: 6 of 8 such cues end before "of" (stated 2, declared 1,
  // asked 1, wrote 2); the other two keep it with the topic ("recalled of a
  // June conversation she had with Trump", a reported "wrote of living under
  // his reign"), never "of" alone. CueSpan takes "of" after any verb but say
  // and tell ("warned of", "boasted of": 5 of 5 and 1 of 1 in the cue), and
  // PolNeAR leaves it out after "said" 36 of 61 times. Round 23b.
  if (ce == t + 2 && Is(t + 1, "of") && cb <= t) {
    const std::string_view w = T[t].low;
    for (std::string_view verb : {"stated", "states", "declared", "declares", "wrote", "writes",
                                  "recalled", "recalls", "asked", "added", "adds"})
      if (w == verb) {
        cue.end = T[t].span.end;
        return;
      }
  }

  // 3. A particle or an adverb of repetition right after the verb ("chanted
  // back", "talked up", "has said repeatedly", "said instead", "saying only
  // that …", "has sounded off"). PolNeAR train keeps it in the cue: back 22 of
  // 25 (the others "back in 1972", "back on track"); up 27 of 27, out 95 of
  // 95, off 19 of 19 (taken not after say/said/told); repeatedly 5 of 5,
  // again 4 of 4, instead 2 of 2; only 3 of 3 before "that", 0 of 7
  // otherwise ("shows only a small gender gap").
  if (ce != t + 1 || ce + 1 >= hi || T[ce].quote >= 0) return;
  const std::string_view n = T[ce].low, v = T[t].low;
  // 4. "wrote on Facebook", "posted on Twitter": PolNeAR train keeps the
  // platform in the cue of a written or posted message 9 of 10 times (after
  // "said" 3 of 7: left out).
  if (n == "on" && (v == "wrote" || v == "writes" || v == "writing" || v == "posted" ||
                    v == "posts" || v == "posting")) {
    const std::string_view w = T[ce + 1].low;
    if ((w == "twitter" || w == "facebook" || w == "instagram") && content_after(ce + 2))
      cue.end = T[ce + 1].span.end;
    return;
  }
  // 5. "The news service pointed to the State Department’s own …", "the
  // Daily News focuses on how many people …": a verb's own preposition joins
  // the cue, as CueSpan keeps "out" in "pointed out" and "to" in "referred
  // to". PolNeAR train, all forms of the verb: point to 41 of 41, focus on 42
  // of 42, comment on 18 of 19, weigh in 6 of 6, believe in 5 of 6, reflect
  // on 4 of 4, remark upon or on 4 of 4, elaborate on 2 of 2, chime in 1 of
  // 1, thrilled with 2 of 2. Round 23b.
  if (const std::string_view p = OwnPreposition(v);
      !p.empty() && (n == p || (p == "upon" && n == "on"))) {
    if (content_after(ce + 1)) cue.end = T[ce].span.end;
    return;
  }
  // 7. "Trump continued to portray “illegal” immigrants as …": "to" and the
  // verb after "continue" join the cue, as GoesOnTo's "went on to say" does.
  // PolNeAR train: 34 of 34 gold cues with "continue(s|d)/continuing to" run
  // on to the verb (and its particle: "continued to push for"). Round 23b.
  if (n == "to" && (v == "continue" || v == "continues" || v == "continued" || v == "continuing")) {
    uint32_t w = ce + 1;
    const auto word = [&](uint32_t k) {
      return k < hi && T[k].quote < 0 && !T[k].cap && T[k].kind == TokenKind::kWord;
    };
    if (word(w) && T[w].low.ends_with("ly") && word(w + 1)) ++w;  // "to awkwardly veer"
    if (!word(w) || T[w].low == "be") return;
    const ByteSpan full = CueSpan(w);
    const uint32_t e = v_.TokenAt(full.end);
    if (e >= hi || !content_after(e)) return;
    cue.end = full.end;
    return;
  }
  const bool in_on = Is(ce + 1, "in") || Is(ce + 1, "on");
  const bool clause = Is(ce + 1, "that");
  const bool say = v == "said" || v == "says" || v == "say" || v == "saying" || v == "told";
  const bool particle = n == "up" || n == "out" || n == "off";
  if (!((n == "back" && !in_on) || (particle && !say) || n == "repeatedly" || n == "again" ||
        n == "instead" || (n == "only" && clause)))
    return;
  uint32_t e = ce + 1;
  // "opened up about", "pushed back against", "sounded off against" (not
  // "fired back at him").
  if ((particle || n == "back") && e < hi && T[e].quote < 0 && IsCueParticle(T[e].low)) ++e;
  if (!content_after(e)) return;
  cue.end = T[e - 1].span.end;
}

}  // namespace chorus::quotes
