// chorus/stories.h — online story clustering.
//
// StoryClusterer groups a stream of articles into stories in one pass: each
// article joins the story whose recent members it is most similar to, or
// starts a new one. Similarity is the cosine between TF-IDF vectors of the
// article's terms (title words count double; capitalised names are features of
// their own and weigh more) and the story's summed vector, with document
// frequencies learned from the stream so far. Only stories active within a
// time window (by published date when known, else by arrival) and sharing a
// term with the article are compared, through an inverted index, so the cost
// per article does not grow with the whole past; the refinement (Finish)
// likewise only revisits that window. A near-duplicate always joins its
// original's story. Not thread-safe; one clusterer per stream.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"
#include "chorus/segment.h"

namespace chorus {

// The features one article brings to clustering (built by ExtractStoryFeatures,
// which is pure and may run on any thread).
struct StoryFeatures {
  std::vector<std::pair<uint32_t, float>> terms;  // term id (interned), weight; sorted by id
  std::vector<uint32_t> quote_terms;  // the shingles of its quotations among them, sorted
  int64_t day = -1;                   // days since 1970-01-01, -1 if unknown
};

struct StoryOptions {
  double threshold = 0.25;         // minimum cosine to join a story (see density_slope)
  double merge_threshold = 0.45;   // refinement: stories at least this similar merge
  int window_days = 10;            // stories idle longer than this are not joined
  size_t window_articles = 20000;  // without dates: stories idle this many articles
  bool refine = true;              // revisit the live window (see Finish)
  int refine_rounds = 3;           // at the end of the stream
  // A multiple-comparisons correction: the more stories are open at once, the
  // likelier it is that some unrelated one reaches a fixed similarity by
  // chance, so the join threshold rises with the number of open stories n:
  // threshold + density_slope * log10(n / density_reference) when n exceeds
  // the reference. n counts the stories active within the window of the
  // article's date (by arrival for undated articles). 0 disables it.
  double density_slope = 0.1;
  double density_reference = 50;
};

class TermDictionary;
class StateWriter;
class StateReader;

// The features of one article before interning: terms keyed by their 64-bit
// hash. Extracting them is pure and may run on any thread; interning (the
// dictionary) is sequential, in stream order, so ids do not depend on threads.
struct StoryTerms {
  std::vector<std::pair<uint64_t, float>> terms;  // term key, weight; sorted by key
  std::vector<uint64_t> quote_terms;              // the quotation shingles' keys, sorted
  int64_t day = -1;
};
// `quotation_parts`: the article's direct quotations when already found
// (FindAttributions or FindQuotationParts); null to find them here.
StoryTerms ExtractStoryTerms(const Article& a, const Segmentation& seg,
                             const std::vector<ByteSpan>* quotation_parts = nullptr);
StoryFeatures InternStoryTerms(const StoryTerms& t, TermDictionary& dict);

// Both at once: the clustering features of `a` (segmented as `seg`).
StoryFeatures ExtractStoryFeatures(const Article& a, const Segmentation& seg, TermDictionary& dict);

// Interns terms to dense ids. Thread-safe is not needed in one pass; not copyable.
class TermDictionary {
 public:
  static uint64_t Key(std::string_view term);  // the term's 64-bit xxHash
  uint32_t Intern(uint64_t key);
  uint32_t Intern(std::string_view term);
  // Asks for the memory Intern(key) will look at first (a hint; no effect
  // on the result): interning an article's terms otherwise waits on a cache
  // miss per term.
  void Prefetch(uint64_t key) const;
  size_t size() const;
  // Saves and restores every interned term with its id (chorus/state_io.h);
  // Load throws StateError on a malformed input, leaving this one unchanged.
  void Save(StateWriter& w) const;
  void Load(StateReader& r);
  TermDictionary();
  ~TermDictionary();
  TermDictionary(const TermDictionary&) = delete;
  TermDictionary& operator=(const TermDictionary&) = delete;

 private:
  struct Impl;
  Impl* impl_;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(StoryOptions opts = {});
  ~StoryClusterer();
  StoryClusterer(const StoryClusterer&) = delete;
  StoryClusterer& operator=(const StoryClusterer&) = delete;

  // Adds the next article of the stream (the i-th added is article i);
  // returns its provisional story. `copy_of`: the earlier article it is a
  // near-copy of, whose story it always shares.
  uint32_t Add(const StoryFeatures& f, std::optional<uint32_t> copy_of = std::nullopt);
  // The same, keeping `f` itself (no copy) while its story is open.
  uint32_t Add(StoryFeatures&& f, std::optional<uint32_t> copy_of = std::nullopt);

  // Lets the refinement use up to `threads` threads (1 by default) for the
  // parts of it that are pure (per-story bisections, per-article cosines);
  // its decisions stay sequential, so the stories are the same, to the byte,
  // whatever the number. Not part of the saved state.
  void SetThreads(size_t threads);

  size_t stories() const;
  // Articles added so far.
  size_t size() const;
  // Articles whose features are still held (those of stories not yet frozen).
  size_t live_articles() const;

  // Ends the stream: returns the story of every article added, numbered
  // densely in order of first appearance.
  //
  // With `refine`, online assignment is revisited, because it depends on
  // arrival order (early statistics are thin): every so often during the
  // stream and once here, the articles of the stories still open (the live
  // window) move to the story they are now most similar to, stories holding
  // two events split (2-means), and stories as similar as `merge_threshold`
  // merge. Stories idle for twice the window are then frozen: their
  // assignment is final and their features are released, so neither work nor
  // memory grows with the whole past.
  std::vector<uint32_t> Finish();
  // What Finish would return now, leaving this clusterer as it is (the stream
  // may go on): Finish runs on a copy of the state. Costs a copy of the state
  // (open stories, posting lists, the live window) plus the final refinement.
  std::vector<uint32_t> FinishCopy() const;
  // A copy of the whole state, to be finished (or saved) elsewhere — on
  // another thread, say — while this one goes on: the two share nothing.
  // FinishCopy() is Clone()->Finish().
  std::unique_ptr<StoryClusterer> Clone() const;

  // Saving the state between two Adds (chorus/state_io.h): Save writes all
  // of it — statistics, open stories, posting lists, the live window, every
  // article's provisional story — so that a clusterer made with the same
  // options that Loads it continues the stream (Add, Finish) exactly as this
  // one would. Load throws StateError when the input is malformed or was
  // saved with other options, and then leaves this clusterer unchanged.
  void Save(StateWriter& w) const;
  void Load(StateReader& r);

 private:
  struct Impl;
  Impl* impl_;
};

// Parses the leading YYYY-MM-DD of an ISO date; -1 when there is none.
int64_t DayNumber(std::string_view iso_date);

}  // namespace chorus
