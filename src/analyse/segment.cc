// Paragraph, sentence and token segmentation; see chorus/segment.h.
//
// Rule-based on purpose: the rules below are what news English needs, they run
// in one linear pass with no allocation beyond the output vectors, and every
// decision can be read and tested. (No Debian-packaged C++ sentence splitter
// knows news abbreviations; ICU's BreakIterator splits "Mr. Smith".)
#include "chorus/segment.h"

#include <algorithm>
#include <array>
#include <string>

#include "analyse/text_chars.h"
#include "util/byte_scan.h"

namespace chorus {

namespace {

using text::CharLen;
using text::CloserLen;
using text::SpaceLen;

inline unsigned char At(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]);
}

inline bool IsAsciiAlpha(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool IsDigit(unsigned char c) {
  return c >= '0' && c <= '9';
}

bool InList(std::string_view w, const std::string_view* list, size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (w == list[k]) return true;
  return false;
}

// Abbreviations that precede a name or number: never end a sentence.
constexpr std::string_view kTitles[] = {
    "mr",   "mrs",   "ms",   "dr",   "sen",  "sens", "gov",    "rep",  "reps",  "gen",  "col",
    "lt",   "sgt",   "capt", "cmdr", "adm",  "maj",  "prof",   "rev",  "hon",   "pres", "st",
    "supt", "det",   "insp", "atty", "amb",  "fr",   "messrs", "mmes", "mme",   "mlle", "sr",
    "vs",   "v",     "no",   "nos",  "gens", "cpl",  "pvt",    "sgts", "ft",    "mt",   "rt",
    "brig", "lieut", "gov",  "govs", "supt", "cong", "assemb", "del",  "treas", "sec",  "asst"};
// Month abbreviations: not a boundary before a number ("Sept. 5").
constexpr std::string_view kMonths[] = {"jan", "feb", "mar",  "apr", "jun", "jul",
                                        "aug", "sep", "sept", "oct", "nov", "dec"};
// Abbreviations that may end a sentence: a boundary only before a word that
// usually opens one.
constexpr std::string_view kOthers[] = {"inc",  "corp", "co",  "ltd",    "llc", "jr",   "bros",
                                        "etc",  "dept", "est", "approx", "ave", "blvd", "univ",
                                        "assn", "ed",   "eds", "vol",    "pp",  "al",   "cf"};
// Words that usually open a sentence (lower-cased).
constexpr std::string_view kStarters[] = {
    "the",    "a",       "an",      "he",     "she",   "it",    "they",      "we",      "i",
    "you",    "his",     "her",     "their",  "our",   "its",   "my",        "this",    "that",
    "these",  "those",   "but",     "and",    "so",    "yet",   "or",        "in",      "on",
    "at",     "for",     "if",      "when",   "while", "after", "before",    "as",      "there",
    "here",   "what",    "who",     "why",    "how",   "where", "meanwhile", "however", "still",
    "then",   "now",     "some",    "many",   "most",  "all",   "both",      "each",    "one",
    "no",     "not",     "to",      "by",     "with",  "from",  "since",     "until",   "although",
    "though", "because", "despite", "during", "last",  "this",  "next",      "earlier", "later"};

// Which of the three lists above holds a word, by one probe of a small
// open-addressed table keyed by the word packed into an integer (up to 8
// bytes, zero-padded; every entry has 6 or fewer): comparing the word with
// the lists' 88 entries in turn was 7% of Segment. A word in two lists gets
// the first, as the tests in that order gave.
enum class Abbrev : uint8_t { kNone, kTitle, kMonth, kOther };

constexpr uint64_t PackWord(std::string_view w) {
  uint64_t key = 0;
  for (size_t k = 0; k < w.size(); ++k)
    key |= uint64_t{static_cast<unsigned char>(w[k])} << (8 * k);
  return key;
}

class AbbrevTable {
 public:
  constexpr AbbrevTable() {
    for (std::string_view w : kTitles) Add(w, Abbrev::kTitle);
    for (std::string_view w : kMonths) Add(w, Abbrev::kMonth);
    for (std::string_view w : kOthers) Add(w, Abbrev::kOther);
  }
  // `w`: letters and dots (no zero byte, so no key is 0, the empty slot's).
  Abbrev Find(std::string_view w) const {
    if (w.empty() || w.size() > 8) return Abbrev::kNone;
    const uint64_t key = PackWord(w);
    for (size_t i = Home(key);; i = (i + 1) % kSlots) {
      if (keys_[i] == key) return kinds_[i];
      if (keys_[i] == 0) return Abbrev::kNone;
    }
  }

 private:
  static constexpr size_t kSlots = 256;  // 88 entries: load about 1/3
  static constexpr size_t Home(uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 56);
  }
  constexpr void Add(std::string_view w, Abbrev kind) {
    const uint64_t key = PackWord(w);
    size_t i = Home(key);
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) % kSlots;
    if (keys_[i] == key) return;  // in an earlier list (or twice in this one)
    keys_[i] = key;
    kinds_[i] = kind;
  }
  std::array<uint64_t, kSlots> keys_{};
  std::array<Abbrev, kSlots> kinds_{};
};

constexpr AbbrevTable kAbbrevs;

// The lower-cased ASCII word (letters and inner dots) that ends right before
// byte `dot`, e.g. "u.s" before the last '.' of "U.S.".
std::string_view WordBefore(std::string_view s, size_t begin, size_t dot, std::string& buf) {
  size_t j = dot;
  while (j > begin && (IsAsciiAlpha(At(s, j - 1)) || At(s, j - 1) == '.')) --j;
  while (j < dot && At(s, j) == '.') ++j;
  buf.assign(s.substr(j, dot - j));
  for (char& c : buf) c = static_cast<char>(c | 0x20);
  // The word must start at a word boundary (not "3Mr").
  if (j > begin) {
    size_t len;
    size_t pj = text::PrevChar(s, j);
    if (text::IsWordChar(s, pj, len)) buf.clear();
  }
  return buf;
}

// The lower-cased ASCII word starting at byte i (letters only, may be empty).
std::string_view WordAt(std::string_view s, size_t i, size_t end, std::string& buf) {
  buf.clear();
  while (i < end && IsAsciiAlpha(At(s, i))) buf.push_back(static_cast<char>(At(s, i++) | 0x20));
  return buf;
}

// Could a sentence start at byte i? An upper-case or caseless letter, a digit,
// or an opening quotation mark or bracket.
bool CanStart(std::string_view s, size_t i) {
  unsigned char c = At(s, i);
  if (IsDigit(c)) return true;
  if (text::OpenerLen(s, i)) return true;
  return text::IsUpperOrCaseless(s, i);
}

// Decides whether the terminator run [t, after_closers) ending a candidate
// sentence is a real boundary, given the first non-space byte `next` after it.
bool IsBoundary(std::string_view s, size_t sent_begin, size_t t, size_t run_end, size_t next,
                size_t para_end, std::string& buf) {
  if (next >= para_end) return true;
  if (!CanStart(s, next)) return false;
  const bool single_dot = (run_end == t + 1 && At(s, t) == '.');
  if (!single_dot) return true;  // "!", "?", "...", "…" before a capital
  // A quotation mark right after the stop ('."') ends the sentence whatever the word.
  std::string_view w = WordBefore(s, sent_begin, t, buf);
  if (w.empty()) return true;
  if (w.size() == 1 && At(s, t - 1) >= 'A' && At(s, t - 1) <= 'Z') return false;  // initial
  const Abbrev abbrev = kAbbrevs.Find(w);
  if (abbrev == Abbrev::kTitle) return false;
  if (abbrev == Abbrev::kMonth) return !IsDigit(At(s, next));
  const bool initialism = w.find('.') != std::string_view::npos;
  if (initialism || abbrev == Abbrev::kOther) {
    std::string nb;
    size_t k = next;
    while (k < para_end && text::OpenerLen(s, k)) k += text::OpenerLen(s, k);
    return InList(WordAt(s, k, para_end, nb), kStarters, std::size(kStarters));
  }
  return true;
}

void SplitSentences(std::string_view s, ByteSpan para, std::vector<ByteSpan>& out) {
  std::string buf;
  size_t begin = para.begin;
  size_t i = para.begin;
  while (i < para.end) {
    // Skip to the next byte that can start a terminator (never inside a
    // multi-byte character: 0xE2 is a lead byte, the others ASCII).
    i = util::ScanFor<'.', '!', '?', 0xE2>(s.data(), i, para.end);
    if (i >= para.end) break;
    unsigned char c = At(s, i);
    size_t tlen = 0;
    if (c != 0xE2) {
      tlen = 1;
    } else if (i + 2 < para.end && At(s, i + 1) == 0x80 && At(s, i + 2) == 0xA6) {
      tlen = 3;  // …
    } else {
      ++i;
      continue;
    }
    size_t t = i;
    size_t j = i + tlen;
    // The rest of the terminator run (?!, ..., ?", .…).
    for (;;) {
      if (j < para.end && (At(s, j) == '.' || At(s, j) == '!' || At(s, j) == '?')) {
        ++j;
      } else if (j + 2 < para.end && At(s, j) == 0xE2 && At(s, j + 1) == 0x80 &&
                 At(s, j + 2) == 0xA6) {
        j += 3;
      } else {
        break;
      }
    }
    size_t run_end = j;
    while (j < para.end && CloserLen(s, j)) j += CloserLen(s, j);
    // A boundary needs white space (or the paragraph's end) after it.
    size_t k = j;
    while (k < para.end && SpaceLen(s, k)) k += SpaceLen(s, k);
    // Emoji after the terminator ("plans. 😀 “We …") end the sentence they
    // follow when white space and a possible sentence start come next.
    if (k > j && k < para.end && text::IsOtherSymbol(s, k)) {
      size_t m = k;
      while (m < para.end && text::IsSymbolRunPart(s, m)) m += text::CharLen(s, m);
      size_t n = m;
      while (n < para.end && SpaceLen(s, n)) n += SpaceLen(s, n);
      if (n > m && n < para.end && CanStart(s, n)) {
        j = m;
        k = n;
      }
    }
    if (k == j && k < para.end) {
      i = j > i ? j : i + 1;
      continue;
    }
    if (IsBoundary(s, begin, t, run_end, k, para.end, buf)) {
      out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(j)});
      begin = k;
    }
    i = k > j ? k : j;
  }
  if (begin < para.end) out.push_back({static_cast<uint32_t>(begin), para.end});
}

// Sentence-final punctuation at the end of a line (for hard-wrap detection).
bool EndsClause(std::string_view s, size_t line_end) {
  size_t j = line_end;
  while (j > 0) {
    size_t p = text::PrevChar(s, j);
    if (!CloserLen(s, p)) break;
    j = p;
  }
  if (j == 0) return true;
  unsigned char c = At(s, j - 1);
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
         (j >= 3 && s.compare(j - 3, 3, "\xE2\x80\xA6") == 0);
}

void SplitParagraphs(std::string_view s, std::vector<ByteSpan>& out) {
  const size_t n = s.size();
  size_t i = 0;
  bool open = false;
  ByteSpan cur{};
  while (i < n) {
    // One line: [i, eol); trimmed content [b, e).
    size_t eol = i;
    size_t brk = 0;  // length of the line break
    while (eol < n) {
      eol = util::ScanFor<'\n', '\r', 0xE2>(s.data(), eol, n);
      if (eol == n) break;
      unsigned char c = At(s, eol);
      if (c == '\n' || c == '\r') {
        brk = (c == '\r' && eol + 1 < n && At(s, eol + 1) == '\n') ? 2 : 1;
        break;
      }
      if (c == 0xE2 && eol + 2 < n && At(s, eol + 1) == 0x80 &&
          (At(s, eol + 2) == 0xA8 || At(s, eol + 2) == 0xA9)) {
        brk = 3;
        break;
      }
      ++eol;
    }
    size_t b = i, e = eol;
    while (b < e && SpaceLen(s, b)) b += SpaceLen(s, b);
    while (e > b) {
      size_t p = text::PrevChar(s, e);
      if (!SpaceLen(s, p)) break;
      e = p;
    }
    if (b == e) {  // blank line: ends the paragraph
      if (open) out.push_back(cur);
      open = false;
    } else if (open && !EndsClause(s, cur.end) && text::IsLower(s, b)) {
      cur.end = static_cast<uint32_t>(e);  // hard-wrapped line: same paragraph
    } else {
      if (open) out.push_back(cur);
      cur = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
      open = true;
    }
    i = eol + brk;
    if (brk == 0) break;
  }
  if (open) out.push_back(cur);
}

// ASCII classes for the tokenizer.
enum : uint8_t { kOther = 0, kSpaceC = 1, kAlnum = 2, kDigitC = 3 };
constexpr std::array<uint8_t, 128> kTokClass = [] {
  std::array<uint8_t, 128> t{};
  for (int c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[static_cast<size_t>(c)] = kSpaceC;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = kAlnum;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = kAlnum;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = kDigitC;
  return t;
}();

inline bool IsJoiner(unsigned char c) {
  return c == '\'' || c == '-' || c == '.' || c == '&';
}

void Tokenize(std::string_view s, ByteSpan sent, std::vector<Token>& out) {
  size_t i = sent.begin;
  const size_t end = sent.end;
  while (i < end) {
    unsigned char c0 = At(s, i);
    size_t len = 1;
    bool word;
    if (c0 < 0x80) {  // one look at the class table: space, word or punctuation
      const uint8_t cls = kTokClass[c0];
      if (cls == kSpaceC) {
        ++i;
        continue;
      }
      word = cls == kAlnum || cls == kDigitC;
    } else {
      if (size_t sp = SpaceLen(s, i)) {
        i += sp;
        continue;
      }
      word = text::IsWordChar(s, i, len);
    }
    if (word) {
      size_t b = i;
      bool number = IsDigit(c0);
      bool inner_dot = false;
      bool space_after = false;
      i += len;
      for (;;) {
        // The common case: a run of ASCII letters and digits.
        i = util::SkipAsciiAlnum(s.data(), i, end);
        if (i >= end) break;
        unsigned char c = At(s, i);
        if (c == ' ') {  // the usual end of a word, none of the cases below
          space_after = true;
          break;
        }
        if (c >= 0x80 && text::IsWordChar(s, i, len)) {
          i += len;
          continue;
        }
        // Round 22: UTF-8 read twice as Latin-1 ("FranÃ\x83Â§ois" for
        // "François"): after "Ã" or "Â" (or a combining tilde or circumflex,
        // decomposed), a character of U+0080–U+00BF (not the no-break space)
        // is part of the word.
        if (c == 0xC2 && i + 1 < end && At(s, i + 1) >= 0x80 && At(s, i + 1) <= 0xBF &&
            At(s, i + 1) != 0xA0 && i >= 2 && (At(s, i - 2) == 0xC3 || At(s, i - 2) == 0xCC) &&
            (At(s, i - 1) == 0x83 || At(s, i - 1) == 0x82)) {
          i += 2;
          continue;
        }
        // Joiners inside a word: don't, 36-year-old, U.S, 3.5, 3,000, 10:30, AT&T; ’ too.
        size_t jl = 0;
        if (IsJoiner(c) || (number && (c == ',' || c == ':')))
          jl = 1;
        else if (c == 0xE2 && i + 2 < end && At(s, i + 1) == 0x80 && At(s, i + 2) == 0x99)
          jl = 3;
        if (jl && i + jl < end && text::IsWordChar(s, i + jl, len)) {
          if (c == '.') inner_dot = true;
          i += jl;
          continue;
        }
        break;
      }
      // "U.S." keeps its final dot.
      if (inner_dot && !number && i < end && At(s, i) == '.') ++i;
      out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(i)},
                     number ? TokenKind::kNumber : TokenKind::kWord});
      i += space_after;  // (that space is skipped here, not by another turn)
      continue;
    }
    // Punctuation: one character, or a run of the same ASCII mark ("...", "--").
    size_t b = i;
    i += (c0 < 0x80) ? 1 : CharLen(s, i);
    if (c0 < 0x80)
      while (i < end && At(s, i) == c0) ++i;
    out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(i)}, TokenKind::kPunct});
  }
}

}  // namespace

void Segment(std::string_view text, Segmentation& out, const SegmentOptions& opts) {
  out.paragraphs.clear();
  out.sentences.clear();
  out.tokens.clear();
  SplitParagraphs(text, out.paragraphs);
  for (const ByteSpan& p : out.paragraphs) SplitSentences(text, p, out.sentences);
  if (opts.tokens)
    for (const ByteSpan& sent : out.sentences) Tokenize(text, sent, out.tokens);
}

}  // namespace chorus
