// The speaker resolver's state (internal to speaker_resolver.cc, which
// collects an article's people and mentions, and speaker_salience.cc, which
// resolves sources against them; the contract is speaker_resolver.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/article_view.h"
#include "chorus/quotes.h"

namespace chorus::quotes::speakers {

enum Gender : uint8_t { kUnknown = 0, kMale = 1, kFemale = 2 };

struct Person {
  uint32_t first = 0, n = 0;  // its name words: name_words_[first, first + n)
  int male = 0, female = 0;   // pronouns seen after its mentions
  int mentions = 0;
  Gender gender() const {
    if (male > female) return kMale;
    if (female > male) return kFemale;
    return kUnknown;
  }
};

struct Mention {
  uint32_t tok;   // first token of the mention
  size_t person;  // index into people
  uint32_t sent;  // its sentence
  bool subject;   // the first person named in its sentence (outside quotations)
};

// A source already resolved to a person: its first token, sentence, person,
// and whether it is a pronoun (then the only mention of the person there).
struct Spoken {
  uint32_t tok, sent;
  size_t person;
  bool pronoun;
};

// A resolved source: the name to report, and the person it is when it is
// one of the article's people (else npos).
struct Resolved {
  std::string name;
  size_t person = std::string::npos;
};

// A mention filed under one word of the person's name.
struct WordMention {
  uint32_t word;  // word id
  Mention m;
};

constexpr uint32_t kNone = ~0u;

class Resolver {
 public:
  // Resolves the speakers of `v`. One Resolver serves article after article
  // on a thread: its tables keep their capacity, so nothing is allocated per
  // article once they have grown.
  void Reset(const ArticleView& v) {
    v_ = &v;
    words_.clear();
    for (auto* x : {&name_words_, &name_toks_, &first_person_by_word_, &lone_person_by_word_})
      x->clear();
    people_.clear();
    mentions_.clear();
    spoken_.clear();
    by_word_.clear();
    // Tables grown by a long article are let go, not zeroed for every later one.
    for (auto* slots : {&word_slots_, &person_slots_}) {
      if (slots->size() > 4096)
        std::vector<uint32_t>().swap(*slots);
      else
        slots->assign(slots->size(), 0);
    }
    last_tok_by_word_.clear();
    last_person_by_word_.clear();
    collecting_ = true;
    FindHeadlines();
    CollectNames();
    IndexMentions();
    main_person_ = FindMainPerson();
  }

  // Sources must be resolved in text order: a pronoun prefers the people
  // who spoke before it.
  Resolved Resolve(const Attribution& a);

 private:
  static std::string_view StripPossessive(std::string_view s) {
    for (std::string_view suf : {"'s", "\xE2\x80\x99s"})
      if (s.size() > suf.size() && s.ends_with(suf)) s.remove_suffix(suf.size());
    return s;
  }
  // The name words of a capitalised run [b, e), titles, function words and
  // initials' full stops dropped, into `out` (cleared first).
  void NameTokens(uint32_t b, uint32_t e, std::vector<uint32_t>& out) const;
  void CollectNames();
  void FindHeadlines();
  // A run of name words that names a place or an organisation, not a person.
  bool NotPerson(const std::vector<uint32_t>& name) const;
  // Token k is a word of two letters or more in capitals (an acronym, a
  // shouted headline), not a Roman numeral.
  bool InCapitals(uint32_t k) const;
  // Token k ends in 's or ’s ("Trump's").
  bool IsPossessive(uint32_t k) const {
    return StripPossessive(v_->Str(k)).size() < v_->Str(k).size();
  }
  // Files every mention under each word of its person's name, in text order.
  void IndexMentions();
  size_t Register(const std::vector<uint32_t>& toks);
  // The person a single name word refers to (surname or first name), or npos.
  size_t FindByWord(std::string_view w, uint32_t before) const;
  size_t MostRecent(uint32_t before, Gender g) const;
  // One comma-separated part [b, head_end) of a source.
  Resolved ResolvePart(uint32_t b, uint32_t head_end, bool& by_description) const;
  // The person a "he" or "she" at token b refers to, or npos (see Salient in
  // the .cc).
  size_t Salient(uint32_t b, Gender g) const;
  // The person named by the mention that starts at token `tok`, or npos.
  size_t PersonAt(uint32_t tok) const;
  size_t FindMainPerson() const;
  // `opens_clause`: see OpensClause.
  void AddMention(uint32_t tok, size_t person, bool opens_clause = false);
  // True when the capitalised run at token k begins its sentence or the
  // clause after a comma: a name there is most often the subject.
  bool OpensClause(uint32_t k) const;
  std::string Display(size_t person) const;
  // The name words at `toks` joined by spaces, possessives dropped, an
  // initial's or a suffix's full stop kept.
  std::string NameString(const uint32_t* toks, size_t n) const;  // "Chrissy Teigen"
  // The id of word `w` (lower-cased, possessive stripped); a new id when
  // `add`, else kNone for a word never seen.
  uint32_t WordId(std::string_view w, bool add);
  uint32_t FindWord(std::string_view w) const;

  // Mentions looked back over by MostRecent, at most (keeps resolution linear).
  static constexpr size_t kMaxLookBack = 1000;

  const ArticleView* v_ = nullptr;
  bool collecting_ = false;  // CollectNames is running
  std::vector<Person> people_;
  std::vector<Mention> mentions_;  // in text order
  std::vector<Spoken> spoken_;     // resolved sources, in text order
  std::vector<uint8_t> headline_;  // by sentence: a headline (FindHeadlines)
  mutable std::vector<std::pair<size_t, double>> scores_;  // Salient's scratch
  // Every lookup is independent of the number of names, and nothing is
  // allocated per word or mention: the words are views into the view's
  // lower-cased text, given ids by an open-addressed table; a person is a
  // run of word ids (and the tokens it was first written with), found by the
  // hash of that run.
  std::vector<std::string_view> words_;         // by id
  std::vector<uint32_t> word_slots_;            // id + 1, 0 for an empty slot
  std::vector<uint32_t> name_words_;            // word ids of each person's name
  std::vector<uint32_t> name_toks_;             // the tokens of its first mention
  std::vector<uint32_t> person_slots_;          // person + 1 by the hash of its words
  std::vector<uint32_t> first_person_by_word_;  // by word id: first person of 2+ words with it
  std::vector<uint32_t> lone_person_by_word_;   // by word id: the person of that word alone
  // While names are collected (every mention so far lies before the token
  // looked up): the last mention filed under each word.
  std::vector<uint32_t> last_tok_by_word_, last_person_by_word_;
  std::vector<WordMention> by_word_;     // filed mentions; sorted by word once collected
  std::vector<uint32_t> by_word_start_;  // by word id: its range in by_word_ (CSR)
  std::vector<WordMention> sorted_;      // scratch for IndexMentions
  std::vector<uint32_t> next_;           // scratch for IndexMentions
  size_t main_person_ = std::string::npos;
  mutable std::vector<uint32_t> name_;  // scratch for NameTokens
  std::vector<uint32_t> collect_name_;  // scratch for CollectNames
};

}  // namespace chorus::quotes::speakers
