// The sentences chorus-gen builds articles from.
//
// LoadSentencePool reads articles with chorus::ReadInputs, splits them with
// chorus::Segment and keeps, in input order and without repeats, the sentences
// that read well on their own: 8-60 words, white space collapsed, starting
// with a capital, digit or quotation mark, ending in sentence punctuation (a
// closing quotation mark may follow), quotation marks balanced. Sentences with
// no quotation marks at all, 8-40 words, ending in a period or question mark
// are also listed as quotable: chorus-gen puts them in speakers' mouths; the
// quotable ones in the first person ("we", "my", "I'm") are listed again as
// speechlike, as they read most like something said.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace chorus::gen {

class SentencePool {
 public:
  size_t size() const { return offsets_.size() - 1; }
  std::string_view operator[](size_t i) const {
    return std::string_view(text_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  // Indices of the quotable sentences.
  const std::vector<uint32_t>& quotable() const { return quotable_; }
  // Indices of the quotable sentences in the first person.
  const std::vector<uint32_t>& speechlike() const { return speechlike_; }
  size_t bytes() const { return text_.size(); }

  // Adds one sentence if it passes the filters; returns whether it was kept.
  bool Add(std::string_view sentence);

 private:
  std::string text_;
  std::vector<uint32_t> offsets_{0};
  std::vector<uint32_t> quotable_;
  std::vector<uint32_t> speechlike_;
  std::unordered_set<uint64_t> seen_;  // hashes of the kept sentences
};

// Fills `pool` from `source` (a file or directory chorus can read). Returns
// false, with a message in `error`, when the source cannot be read.
bool LoadSentencePool(const std::string& source, SentencePool& pool, std::string& error);

}  // namespace chorus::gen
