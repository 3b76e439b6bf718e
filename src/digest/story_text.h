// The sentences of a story, as the digest needs them (internal).
//
// BuildStoryText segments every article, splits each sentence into case-folded
// words (\w+ runs: letters, digits, combining marks; interned in a WordTable),
// counts in how many articles each concept (stem) occurs, and marks each sentence:
// whether it can stand alone in a summary (a whole sentence with its end
// punctuation, not in a paragraph with a caption, credit line or boilerplate,
// not a bare quotation without its cue, not starting inside a quotation), and
// which speaker it is quoting when it lies in an attributed quotation.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/digest.h"

struct sb_stemmer;  // libstemmer (Snowball)

namespace chorus::digest {

// Interns case-folded words; knows the English function words, and maps each
// word to its concept: its Snowball English stem ("critics", "criticized" ->
// "critic"), so that paraphrases meet. Movable, not copyable (owns a stemmer).
class WordTable {
 public:
  WordTable();

  uint32_t Intern(std::string_view folded);
  // The id of a word already interned.
  std::optional<uint32_t> Find(std::string_view folded) const {
    auto it = ids_.find(folded);
    return it == ids_.end() ? std::nullopt : std::optional<uint32_t>(it->second);
  }
  bool IsStop(uint32_t id) const { return stop_[id]; }
  uint32_t Concept(uint32_t id) const { return concept_[id]; }
  size_t size() const { return stop_.size(); }
  size_t concepts() const { return stems_.size(); }

 private:
  struct Hash {  // lets a string_view look up a std::string key
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> stems_;
  std::vector<bool> stop_;
  std::vector<uint32_t> concept_;
  struct StemmerDeleter {
    void operator()(sb_stemmer* s) const;
  };
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer_;
};

// The case-folded words of `s` (the order of the text).
std::vector<std::string> FoldedWords(std::string_view s);

struct Unit {
  uint32_t article = 0;
  uint32_t index = 0;  // sentence number within the article
  uint32_t count = 0;  // sentences in the article
  uint32_t paragraph = 0;
  ByteSpan bytes;
  std::vector<uint32_t> words;    // in text order
  std::vector<uint32_t> sorted;   // the same multiset, sorted
  std::vector<uint32_t> content;  // distinct concepts of its non-function words, sorted
  uint32_t function_words = 0;    // tokens that are function words
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
  std::vector<uint32_t> df;                       // per concept: articles using it
  // Per concept: written capitalised inside sentences more often than not (a name).
  std::vector<bool> name;
  size_t articles = 0;
};

StoryText BuildStoryText(const std::vector<DigestArticle>& articles);

}  // namespace chorus::digest
