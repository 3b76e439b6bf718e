// The sentences of a story; see story_text.h.
#include "digest/story_text.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <unordered_set>

#include "analyse/text_chars.h"
#include "chorus/normalize.h"
#include "chorus/segment.h"

namespace chorus::digest {

namespace {

// English function words: never concepts of a summary, never the only link
// between two sentences. A short closed list, so kept here rather than pulled
// from a dependency.
constexpr std::array<std::string_view, 128> kStopWords = {
    "a",     "about",   "after",   "again",  "against", "all",   "also",    "am",    "an",
    "and",   "any",     "are",     "as",     "at",      "be",    "because", "been",  "before",
    "being", "between", "both",    "but",    "by",      "can",   "could",   "did",   "do",
    "does",  "doing",   "down",    "during", "each",    "few",   "for",     "from",  "further",
    "had",   "has",     "have",    "having", "he",      "her",   "here",    "hers",  "herself",
    "him",   "himself", "his",     "how",    "i",       "if",    "in",      "into",  "is",
    "it",    "its",     "itself",  "just",   "me",      "more",  "most",    "my",    "myself",
    "no",    "nor",     "not",     "now",    "of",      "off",   "on",      "once",  "only",
    "or",    "other",   "our",     "ours",   "out",     "over",  "own",     "s",     "said",
    "same",  "says",    "she",     "should", "so",      "some",  "such",    "t",     "than",
    "that",  "the",     "their",   "theirs", "them",    "then",  "there",   "these", "they",
    "this",  "those",   "through", "to",     "too",     "under", "until",   "up",    "very",
    "was",   "we",      "were",    "what",   "when",    "where", "which",   "while", "who",
    "whom",  "why",     "will",    "with",   "would",   "you",   "your",    "yours", "told",
    "say",   "like",
};

bool IsStopWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kSet(kStopWords.begin(), kStopWords.end());
  return kSet.count(w) > 0;
}

// Calls f(begin, end, folded) for each \w+ run of s (letters, digits, marks).
template <typename F>
void ForEachWord(std::string_view s, F&& f) {
  std::string folded;
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    if (!text::IsWordChar(s, i, len)) {
      i += len;
      continue;
    }
    size_t b = i;
    bool ascii = true;
    while (i < s.size() && text::IsWordChar(s, i, len)) {
      ascii = ascii && static_cast<unsigned char>(s[i]) < 0x80;
      i += len;
    }
    std::string_view w = s.substr(b, i - b);
    if (ascii) {
      folded.assign(w);
      for (char& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else {
      folded = Normalize(w);  // NFKC + case folding (utf8proc)
    }
    f(b, i, folded);
  }
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}

// Captions, credits, links and site furniture (matched on the lower-cased text).
constexpr std::array<std::string_view, 26> kBoilerplate = {
    "getty",
    "photo by",
    "photo:",
    "photograph:",
    "credit:",
    "click here",
    "sign up",
    "subscribe",
    "all rights reserved",
    "advertisement",
    "read more",
    "min read",
    "follow us",
    "cookie",
    "privacy policy",
    "terms of use",
    "http",
    "www.",
    "image:",
    "file photo",
    "(ap photo",
    "reuters/",
    "this story has been",
    "contributed to this report",
    "/ap",
    "newsletter to",
};

bool IsBoilerplate(std::string_view lower) {
  for (std::string_view b : kBoilerplate)
    if (lower.find(b) != std::string_view::npos) return true;
  return false;
}

// A sentence that ends as sentences do: . ! ? (or an ellipsis), optionally
// followed by closing quotation marks or brackets.
bool EndsLikeSentence(std::string_view s) {
  size_t e = s.size();
  while (e > 0) {
    size_t p = text::PrevChar(s, e);
    if (text::CloserLen(s, p) == 0) break;
    e = p;
  }
  if (e == 0) return false;
  char c = s[e - 1];
  return c == '.' || c == '!' || c == '?';
}

// Two sentences run together where a page lost a space: 'injuries.”Tiger'.
bool RunsOn(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '.' && s[i] != '!' && s[i] != '?') continue;
    size_t j = i + 1, n = 0;
    bool closed = false;
    while (j < s.size() && (n = text::CloserLen(s, j)) > 0) j += n, closed = true;
    if (closed && j < s.size() && text::IsUpperOrCaseless(s, j)) return true;
  }
  return false;
}

bool StartsLikeSentence(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t n = text::OpenerLen(s, i);
    if (n == 0) break;
    i += n;
  }
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= '0' && c <= '9') return true;
  return text::IsUpperOrCaseless(s, i);
}

// Openings that lean on the sentence before: a pronoun subject or a connective.
float OpeningQuality(const std::vector<std::string>& first) {
  static constexpr std::array<std::string_view, 12> kPronouns = {
      "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "its", "their"};
  static constexpr std::array<std::string_view, 10> kConnectives = {
      "but", "and", "also", "however", "still", "so", "meanwhile", "then", "yet", "or"};
  if (first.empty()) return 1.0f;
  const std::string& w = first[0];
  if (std::find(kPronouns.begin(), kPronouns.end(), w) != kPronouns.end()) return 0.75f;
  if (std::find(kConnectives.begin(), kConnectives.end(), w) != kConnectives.end()) return 0.7f;
  return 1.0f;
}

bool Inside(ByteSpan inner, ByteSpan outer) {
  return inner.begin >= outer.begin && inner.end <= outer.end;
}

uint32_t OverlapBytes(ByteSpan a, ByteSpan b) {
  uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

// Marks what the attributions tell about one sentence: `bare_quote` when it is
// mostly quotation with no cue of its own, or when it starts inside a quotation
// opened by an earlier sentence (its cue, if any, names a speaker the sentence
// does not introduce).
void ApplyAttributions(const std::vector<Attribution>& atts, Unit& u, bool& bare_quote) {
  uint32_t quoted = 0;
  std::string quoted_speaker;
  for (const Attribution& a : atts) {
    for (ByteSpan c : a.cue) {
      if (!Inside(c, u.bytes)) continue;
      if (!a.speaker.empty()) {
        u.named_cue = true;
        u.speaker = a.speaker;
      }
    }
    if (!a.direct) continue;
    for (ByteSpan c : a.content) {
      uint32_t o = OverlapBytes(c, u.bytes);
      if (o == 0) continue;
      quoted += o;
      if (!a.speaker.empty()) quoted_speaker = a.speaker;
    }
  }
  bool has_cue = false, starts_inside = false;
  for (const Attribution& a : atts) {
    for (ByteSpan c : a.cue) has_cue = has_cue || Inside(c, u.bytes);
    if (a.direct)
      for (ByteSpan c : a.content)
        starts_inside = starts_inside || (c.begin < u.bytes.begin && c.end > u.bytes.begin);
  }
  bare_quote = starts_inside || (!has_cue && quoted * 2 > u.bytes.size());
  if (u.speaker.empty() && quoted * 2 > u.bytes.size()) u.speaker = quoted_speaker;
}

}  // namespace

WordTable::WordTable() : stemmer_(sb_stemmer_new("english", nullptr)) {}

void WordTable::StemmerDeleter::operator()(sb_stemmer* s) const {
  sb_stemmer_delete(s);
}

uint32_t WordTable::Intern(std::string_view folded) {
  if (auto found = ids_.find(folded); found != ids_.end()) return found->second;
  auto [it, added] = ids_.try_emplace(std::string(folded), static_cast<uint32_t>(stop_.size()));
  stop_.push_back(IsStopWord(folded));
  std::string stem(folded);
  if (stemmer_) {
    const sb_symbol* out =
        sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(folded.data()),
                        static_cast<int>(folded.size()));
    if (out) stem.assign(reinterpret_cast<const char*>(out), sb_stemmer_length(stemmer_.get()));
  }
  auto [st, new_stem] = stems_.try_emplace(stem, static_cast<uint32_t>(stems_.size()));
  concept_.push_back(st->second);
  return it->second;
}

std::vector<std::string> FoldedWords(std::string_view s) {
  std::vector<std::string> out;
  ForEachWord(s, [&](size_t, size_t, const std::string& w) { out.push_back(w); });
  return out;
}

StoryText BuildStoryText(const std::vector<DigestArticle>& articles) {
  StoryText st;
  st.articles = articles.size();
  st.by_article.resize(articles.size());
  static const std::vector<Attribution> kNone;
  Segmentation seg;
  std::vector<uint32_t> last_article;  // per word: last article counted in df
  std::vector<int32_t> caps;           // per word: capitalised minus lower-case uses
  std::string lower;
  std::vector<std::string> first_words;
  struct Intro {
    size_t unit, quote_begin, quote_end;  // the introducing sentence, the quotation's
  };
  std::vector<Intro> intros;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const std::string& text = articles[ai].article->text;
    const std::vector<Attribution>& atts =
        articles[ai].attributions ? *articles[ai].attributions : kNone;
    Segment(text, seg, SegmentOptions{.tokens = false});
    const uint32_t count = static_cast<uint32_t>(seg.sentences.size());
    const size_t first_unit = st.units.size();
    std::vector<bool> furniture(seg.paragraphs.size(), false);  // holds boilerplate
    uint32_t para = 0;
    for (uint32_t si = 0; si < count; ++si) {
      Unit u;
      u.article = static_cast<uint32_t>(ai);
      u.index = si;
      u.count = count;
      u.bytes = seg.sentences[si];
      while (para + 1 < seg.paragraphs.size() && seg.paragraphs[para].end <= u.bytes.begin) ++para;
      u.paragraph = para;
      std::string_view s(text.data() + u.bytes.begin, u.bytes.size());
      first_words.clear();
      ForEachWord(s, [&](size_t b, size_t, const std::string& w) {
        const uint32_t id = st.words.Intern(w);
        const uint32_t c = st.words.Concept(id);
        if (c >= caps.size()) caps.resize(c + 1, 0);
        if (!u.words.empty()) caps[c] += text::IsUpperOrCaseless(s, b) ? 1 : -1;
        if (first_words.size() < 1) first_words.push_back(w);
        u.words.push_back(id);
      });
      if (u.words.empty()) continue;
      u.sorted = u.words;
      std::sort(u.sorted.begin(), u.sorted.end());
      for (uint32_t w : u.sorted) {
        if (st.words.IsStop(w)) {
          ++u.function_words;
        } else {
          u.content.push_back(st.words.Concept(w));
        }
      }
      std::sort(u.content.begin(), u.content.end());
      u.content.erase(std::unique(u.content.begin(), u.content.end()), u.content.end());
      if (st.words.concepts() > last_article.size()) {
        last_article.resize(st.words.concepts(), UINT32_MAX);
        st.df.resize(st.words.concepts(), 0);
      }
      for (uint32_t c : u.content) {
        if (last_article[c] == ai) continue;
        last_article[c] = static_cast<uint32_t>(ai);
        ++st.df[c];
      }
      lower.assign(s);
      for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      bool bare_quote = false;
      ApplyAttributions(atts, u, bare_quote);
      const size_t n = u.words.size();
      if (IsBoilerplate(lower)) furniture[para] = true;
      const bool whole = EndsLikeSentence(s) && StartsLikeSentence(s) &&
                         !StartsWith(lower, "date ") && u.content.size() >= 3;
      u.standalone = whole && !bare_quote && n >= 7 && n <= 60 && !RunsOn(s);
      u.informative = whole && n >= 5 && n <= 70 && (!bare_quote || !u.speaker.empty());
      u.quality = OpeningQuality(first_words);
      st.by_article[ai].push_back(static_cast<uint32_t>(st.units.size()));
      st.units.push_back(std::move(u));
    }
    // A sentence that introduces a direct quotation of a known speaker (the one
    // right before it in its paragraph) conveys it; noted here, applied below
    // when other outlets print the quotation too.
    for (const Attribution& a : atts) {
      if (!a.direct || a.speaker.empty() || a.content.empty()) continue;
      const ByteSpan c = a.content.front();
      size_t first = st.units.size();
      for (size_t k = first_unit; k < st.units.size(); ++k)
        if (st.units[k].bytes.end > c.begin) {
          first = k;
          break;
        }
      if (first == st.units.size() || first == first_unit) continue;
      const Unit& intro = st.units[first - 1];
      if (intro.paragraph != st.units[first].paragraph || !intro.standalone) continue;
      size_t last = first;
      while (last < st.units.size() && st.units[last].bytes.begin < a.content.back().end) ++last;
      intros.push_back({first - 1, first, last});
    }
    // A caption or credit line makes its whole paragraph site furniture, and a
    // one-sentence paragraph beside it too (the caption of the credited photo).
    std::vector<uint32_t> sentences_in(seg.paragraphs.size(), 0);
    for (size_t k = first_unit; k < st.units.size(); ++k) ++sentences_in[st.units[k].paragraph];
    std::vector<bool> credit = furniture;
    for (size_t p = 0; p < furniture.size(); ++p) {
      if (sentences_in[p] != 1) continue;
      if ((p > 0 && credit[p - 1]) || (p + 1 < credit.size() && credit[p + 1])) furniture[p] = true;
    }
    for (size_t k = first_unit; k < st.units.size(); ++k) {
      if (!furniture[st.units[k].paragraph]) continue;
      st.units[k].standalone = st.units[k].informative = false;
    }
  }
  st.df.resize(st.words.concepts(), 0);
  // The introducing sentence covers the quotation's concepts when most of
  // them are printed by other outlets too (a widely printed quotation).
  for (const Intro& in : intros) {
    std::vector<uint32_t> quoted;
    for (size_t k = in.quote_begin; k < in.quote_end; ++k)
      quoted.insert(quoted.end(), st.units[k].content.begin(), st.units[k].content.end());
    std::sort(quoted.begin(), quoted.end());
    quoted.erase(std::unique(quoted.begin(), quoted.end()), quoted.end());
    size_t shared = 0;
    for (uint32_t w : quoted) shared += st.df[w] >= 2;
    if (quoted.empty() || shared * 10 < quoted.size() * 9) continue;
    std::vector<uint32_t>& content = st.units[in.unit].content;
    content.insert(content.end(), quoted.begin(), quoted.end());
    std::sort(content.begin(), content.end());
    content.erase(std::unique(content.begin(), content.end()), content.end());
  }
  caps.resize(st.words.concepts(), 0);
  st.name.resize(st.words.concepts());
  for (size_t w = 0; w < caps.size(); ++w) st.name[w] = caps[w] > 0;
  return st;
}

}  // namespace chorus::digest
