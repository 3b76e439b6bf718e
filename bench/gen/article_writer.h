// Writing the title and text of one generated article.
//
// ArticleWriter::Compose regenerates an article from (seed, story, index)
// alone: a lead paragraph naming one of the story's people (full name and
// role) and a place, a different subset and order of the story's fact
// sentences, 1-3 background sentences from the whole pool, sentences
// mentioning the story's other people, and 0-2 of the story's quotations in
// varied styles (quote first or cue first, curly or straight marks, trimmed
// to a clause, split around "she said"). Paragraphs hold 1-3 sentences and are
// separated by blank lines. Not thread-safe (reuses scratch buffers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plan.h"
#include "rng.h"
#include "sentence_pool.h"

namespace chorus::gen {

class ArticleWriter {
 public:
  ArticleWriter(const SentencePool& pool, uint64_t seed) : pool_(pool), seed_(seed) {}

  // Replaces `title` and `text` with article `index` of story `story_id`, as
  // published on `day` (days after the base date).
  void Compose(const Story& story, uint32_t story_id, uint32_t index, uint32_t day,
               std::string& title, std::string& text);

 private:
  enum class Kind : uint8_t { kLead, kFact, kBackground, kMention, kQuote };
  struct Item {
    Kind kind;
    uint32_t arg;  // sentence, person or quote index
  };

  // Appends a reference to person `p`: full name and role the first time,
  // surname afterwards. `closing_comma`: the role needs a comma after it.
  void AppendPerson(int p, bool closing_comma, std::string& out);
  // Expands {P} {L} {W} in `tmpl`.
  void Fill(std::string_view tmpl, int person, int place, std::string& out);
  void AppendQuote(const Quote& q, Rng& rng, std::string& out);
  void AppendTitle(Rng& rng, int person, int place, std::string& title);

  const SentencePool& pool_;
  uint64_t seed_;
  // Per-article state.
  const Story* story_ = nullptr;
  uint32_t day_ = 0;
  bool mentioned_[kMaxPeople] = {};
  std::vector<Item> items_;
  std::string body_;  // scratch for quotations
};

}  // namespace chorus::gen
