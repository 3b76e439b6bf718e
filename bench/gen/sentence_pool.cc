// Loading and filtering the sentence pool; see sentence_pool.h.
#include "sentence_pool.h"

#include <sstream>

#include "chorus/reader.h"
#include "chorus/segment.h"

namespace chorus::gen {

namespace {

constexpr std::string_view kOpenCurly = "\u201C", kCloseCurly = "\u201D";

size_t Count(std::string_view s, std::string_view what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + what.size()))
    ++n;
  return n;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// `s` without its trailing closing quotation marks and brackets.
std::string_view StripClosers(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) {
      s.remove_suffix(1);
    } else if (s.ends_with(kCloseCurly) || s.ends_with("\u2019")) {
      s.remove_suffix(3);
    } else {
      return s;
    }
  }
}

// Whether `s` has a first-person word: I, we, our, us, my, me, I'm, we're...
bool FirstPerson(std::string_view s) {
  static constexpr std::string_view kWords[] = {"I",  "we", "We", "our", "Our",
                                                "us", "my", "My", "me"};
  for (size_t i = 0; i < s.size();) {
    size_t end = i;
    while (end < s.size() && ((s[end] >= 'a' && s[end] <= 'z') || (s[end] >= 'A' && s[end] <= 'Z')))
      ++end;
    std::string_view w = s.substr(i, end - i);
    for (std::string_view k : kWords)
      if (w == k) return true;
    i = end + 1;
  }
  return false;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

}  // namespace

bool SentencePool::Add(std::string_view raw) {
  // Collapse white space into `clean` (appended to text_ tentatively).
  size_t start = text_.size();
  size_t words = 0;
  bool space = true;
  for (char c : raw) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space) {
      if (text_.size() > start) text_.push_back(' ');
      ++words;
      space = false;
    }
    text_.push_back(c);
  }
  std::string_view s = std::string_view(text_).substr(start);
  auto reject = [&] {
    text_.resize(start);
    return false;
  };
  if (words < 8 || words > 60) return reject();
  unsigned char first = static_cast<unsigned char>(s[0]);
  bool starts_ok = (first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9') ||
                   first == '"' || s.starts_with(kOpenCurly);
  std::string_view body = StripClosers(s);
  if (!starts_ok || body.empty()) return reject();
  char last = body.back();
  if (last != '.' && last != '!' && last != '?') return reject();
  size_t opens = Count(s, kOpenCurly), closes = Count(s, kCloseCurly), straight = Count(s, "\"");
  if (opens != closes || straight % 2 != 0) return reject();
  if (s.find("http") != std::string_view::npos || s.find("www.") != std::string_view::npos ||
      s.find('|') != std::string_view::npos || s.find('@') != std::string_view::npos ||
      s.find("\u00C3") != std::string_view::npos ||
      s.find("\u00E2\u20AC") != std::string_view::npos)
    return reject();  // links, handles, tables and mojibake ("GÃ¼len", "â€™")
  if (!seen_.insert(Fnv1a(s)).second) return reject();
  if (opens == 0 && straight == 0 && words <= 40 && body.size() == s.size() && last != '!' &&
      s.find('(') == std::string_view::npos) {
    quotable_.push_back(static_cast<uint32_t>(size()));
    if (FirstPerson(s)) speechlike_.push_back(static_cast<uint32_t>(size()));
  }
  offsets_.push_back(static_cast<uint32_t>(text_.size()));
  return true;
}

bool LoadSentencePool(const std::string& source, SentencePool& pool, std::string& error) {
  std::ostringstream messages;
  Diagnostics diag(&messages);
  Segmentation seg;
  SegmentOptions opts;
  opts.tokens = false;
  ReadInputs({source}, ReadOptions{}, diag, [&](Article&& a) {
    Segment(a.text, seg, opts);
    for (ByteSpan sp : seg.sentences)
      pool.Add(std::string_view(a.text).substr(sp.begin, sp.size()));
  });
  if (diag.input_errors()) {
    std::string m = messages.str();
    size_t at = m.find(": error: ");
    if (at == std::string::npos) {
      error = "cannot read " + source;
    } else {
      size_t begin = m.rfind('\n', at);
      begin = begin == std::string::npos ? 0 : begin + 1;
      error = m.substr(begin, m.find('\n', at) - begin);
      if (error.starts_with("chorus: ")) error.erase(0, 8);
    }
    return false;
  }
  if (diag.read() == 0) {
    error = "no articles in " + source;
    return false;
  }
  return true;
}

}  // namespace chorus::gen
