// Deterministic text generators for the near-duplicate tests: a seeded
// random source, synthetic articles over a fixed vocabulary, word edits,
// re-wrapping, straightened quotes and boilerplate (near_dup_test.cc,
// near_dup_corpus_test.cc).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {
namespace {

// ---------------------------------------------------------------------------
// Deterministic generators.

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {  // splitmix64
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1p-53; }
  bool Chance(double p) { return Unit() < p; }

 private:
  uint64_t s_;
};

// 5000 pseudo-words ("kelomar", "tu", ...), the same on every run.
inline const std::vector<std::string>& Vocabulary() {
  static const std::vector<std::string> vocab = [] {
    Rng rng(7);
    const std::string cons = "bcdfghjklmnprstvwz", vow = "aeiou";
    std::vector<std::string> v;
    for (int i = 0; i < 5000; ++i) {
      std::string w;
      for (size_t s = 0, n = 1 + rng.Below(4); s < n; ++s) {
        w += cons[rng.Below(cons.size())];
        w += vow[rng.Below(vow.size())];
      }
      v.push_back(w);
    }
    return v;
  }();
  return vocab;
}

inline std::string RandomWord(Rng& rng) {
  return Vocabulary()[rng.Below(Vocabulary().size())];
}

// A text as words, each with the white space that follows it.
struct Token {
  std::string word, sep;
};
using Tokens = std::vector<Token>;

inline Tokens Tokenize(std::string_view text) {
  Tokens out;
  auto space = [&](size_t i) { return std::isspace(static_cast<unsigned char>(text[i])) != 0; };
  size_t i = 0, w, s;
  while (i < text.size() && space(i)) ++i;
  while (i < text.size()) {
    for (w = i; i < text.size() && !space(i);) ++i;
    for (s = i; i < text.size() && space(i);) ++i;
    out.push_back({std::string(text.substr(w, s - w)), std::string(text.substr(s, i - s))});
  }
  return out;
}

inline std::string Join(const Tokens& t) {
  std::string out;
  for (const Token& k : t) out += k.word + (k.sep.empty() ? " " : k.sep);
  return out;
}

// A synthetic article of `n` words: sentences, capitals, a paragraph break now and then.
inline Tokens SyntheticArticle(Rng& rng, size_t n) {
  Tokens t;
  bool start = true;
  for (size_t i = 0; i < n; ++i) {
    std::string w = RandomWord(rng);
    if (start) w[0] = static_cast<char>(std::toupper(w[0]));
    start = rng.Chance(0.07);
    if (start) w += '.';
    t.push_back({w, start && rng.Chance(0.3) ? "\n\n" : " "});
  }
  return t;
}

// Replaces, deletes or inserts runs of 1..max_run words until about
// `rate` * size words are touched (copy-editing).
inline Tokens EditWords(Tokens t, double rate, size_t max_run, Rng& rng) {
  auto budget = static_cast<size_t>(std::lround(rate * static_cast<double>(t.size())));
  while (budget > 0 && !t.empty()) {
    size_t run = std::min({1 + rng.Below(max_run), budget, t.size()});
    size_t at = rng.Below(t.size() - run + 1);
    switch (rng.Below(3)) {
      case 0:
        for (size_t k = 0; k < run; ++k) t[at + k].word = RandomWord(rng);
        break;
      case 1:
        t.erase(t.begin() + static_cast<ptrdiff_t>(at),
                t.begin() + static_cast<ptrdiff_t>(at + run));
        break;
      default:
        for (size_t k = 0; k < run; ++k)
          t.insert(t.begin() + static_cast<ptrdiff_t>(at), Token{RandomWord(rng), " "});
    }
    budget -= run;
  }
  return t;
}

// Changes white space only: joins and splits paragraphs, doubles spaces, tabs, CRLF.
inline Tokens Rewrap(Tokens t, Rng& rng) {
  static const char* const kSeps[] = {" ", "  ", "\n", "\n\n", "\t", "\r\n", " \n  "};
  for (Token& k : t) {
    if (rng.Chance(0.05)) k.sep = kSeps[rng.Below(std::size(kSeps))];
  }
  return t;
}

const char* const kBoilerplate[] = {
    "Copyright 2016 The Associated Press. All rights reserved.",
    "Click here to subscribe to our newsletter.",
    "(Reporting by Jane Doe; Editing by John Smith)",
    "Follow us on Twitter and Facebook for the latest news and updates.",
    "Sign up for our daily briefing and never miss a story.",
};

// Curly quotes and apostrophes -> straight ones, em dashes -> "--".
inline std::string Straighten(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const std::string_view c = s.substr(i, 3);
    if (c == "\u201C" || c == "\u201D") {
      out += '"';
    } else if (c == "\u2018" || c == "\u2019") {
      out += '\'';
    } else if (c == "\u2014") {
      out += "--";
    } else {
      out += s[i];
      continue;
    }
    i += 2;
  }
  return out;
}

inline std::string AddBoilerplate(const std::string& text, Rng& rng) {
  const size_t n = std::size(kBoilerplate);
  if (rng.Chance(0.5)) return std::string(kBoilerplate[rng.Below(n)]) + "\n\n" + text;
  return text + "\n\n" + kBoilerplate[rng.Below(n)];
}

}  // namespace
}  // namespace chorus
