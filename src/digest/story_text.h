// The sentences of a story, as the digest needs them (internal).
//
// BuildStoryText segments every article, splits each sentence into case-folded
// words (\w+ runs: letters, digits, combining marks; interned in a WordTable),
// counts in how many articles each word occurs, and marks each sentence:
// whether it can stand alone in a summary (a whole sentence with its end
// punctuation, not a caption, credit line or boilerplate, not a bare quotation
// without its cue), and which speaker it is quoting when it lies in an
// attributed quotation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/digest.h"

namespace chorus::digest {

// Interns case-folded words; knows the English function words.
class WordTable {
 public:
  uint32_t Intern(std::string_view folded);
  bool IsStop(uint32_t id) const { return stop_[id]; }
  size_t size() const { return stop_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<bool> stop_;
};

// The case-folded words of `s` (the order of the text).
std::vector<std::string> FoldedWords(std::string_view s);

struct Unit {
  uint32_t article = 0;
  uint32_t index = 0;  // sentence number within the article
  uint32_t count = 0;  // sentences in the article
  ByteSpan bytes;
  std::vector<uint32_t> words;    // in text order
  std::vector<uint32_t> sorted;   // the same multiset, sorted
  std::vector<uint32_t> content;  // distinct non-function words, sorted
  bool standalone = false;        // may be a summary sentence
  bool informative = false;       // may be a unique sentence (quotes of a known speaker too)
  float quality = 1.0f;           // < 1 for openings that lean on context ("She", "But")
  bool named_cue = false;         // carries a cue whose speaker is known
  std::string speaker;            // speaker of the quotation or cue it holds
  float position() const { return count ? static_cast<float>(index) / count : 0.0f; }
};

struct StoryText {
  WordTable words;
  std::vector<Unit> units;                        // article by article, in text order
  std::vector<std::vector<uint32_t>> by_article;  // unit indices of each article
  std::vector<uint32_t> df;                       // per word: articles using it
  size_t articles = 0;
};

StoryText BuildStoryText(const std::vector<DigestArticle>& articles);

}  // namespace chorus::digest
