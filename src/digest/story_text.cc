// The sentences of a story; see story_text.h.
#include "digest/story_text.h"

#include <algorithm>
#include <array>

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
  return std::find(kStopWords.begin(), kStopWords.end(), w) != kStopWords.end();
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
    "getty images",
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

// Marks what the attributions tell about one sentence.
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
  bool has_cue = false;
  for (const Attribution& a : atts)
    for (ByteSpan c : a.cue) has_cue = has_cue || Inside(c, u.bytes);
  // Mostly quotation, and nothing in the sentence says who is speaking.
  bare_quote = !has_cue && quoted * 2 > u.bytes.size();
  if (u.speaker.empty() && quoted * 2 > u.bytes.size()) u.speaker = quoted_speaker;
}

}  // namespace

uint32_t WordTable::Intern(std::string_view folded) {
  auto [it, added] = ids_.try_emplace(std::string(folded), static_cast<uint32_t>(stop_.size()));
  if (added) stop_.push_back(IsStopWord(folded));
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
  std::string lower;
  std::vector<std::string> first_words;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const std::string& text = articles[ai].article->text;
    const std::vector<Attribution>& atts =
        articles[ai].attributions ? *articles[ai].attributions : kNone;
    Segment(text, seg, SegmentOptions{.tokens = false});
    const uint32_t count = static_cast<uint32_t>(seg.sentences.size());
    for (uint32_t si = 0; si < count; ++si) {
      Unit u;
      u.article = static_cast<uint32_t>(ai);
      u.index = si;
      u.count = count;
      u.bytes = seg.sentences[si];
      std::string_view s(text.data() + u.bytes.begin, u.bytes.size());
      first_words.clear();
      ForEachWord(s, [&](size_t, size_t, const std::string& w) {
        if (first_words.size() < 1) first_words.push_back(w);
        u.words.push_back(st.words.Intern(w));
      });
      if (u.words.empty()) continue;
      u.sorted = u.words;
      std::sort(u.sorted.begin(), u.sorted.end());
      for (size_t k = 0; k < u.sorted.size(); ++k) {
        uint32_t w = u.sorted[k];
        if (st.words.IsStop(w) || (k > 0 && u.sorted[k - 1] == w)) continue;
        u.content.push_back(w);
        if (w >= last_article.size()) {
          last_article.resize(st.words.size(), UINT32_MAX);
          st.df.resize(st.words.size(), 0);
        }
        if (last_article[w] != ai) {
          last_article[w] = static_cast<uint32_t>(ai);
          ++st.df[w];
        }
      }
      lower.assign(s);
      for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      bool bare_quote = false;
      ApplyAttributions(atts, u, bare_quote);
      const size_t n = u.words.size();
      const bool whole = EndsLikeSentence(s) && StartsLikeSentence(s) && !IsBoilerplate(lower) &&
                         !StartsWith(lower, "date ") && u.content.size() >= 3;
      u.standalone = whole && !bare_quote && n >= 7 && n <= 60;
      u.informative = whole && n >= 5 && n <= 70 && (!bare_quote || !u.speaker.empty());
      u.quality = OpeningQuality(first_words);
      st.by_article[ai].push_back(static_cast<uint32_t>(st.units.size()));
      st.units.push_back(std::move(u));
    }
  }
  st.df.resize(st.words.size(), 0);
  return st;
}

}  // namespace chorus::digest
