// The state behind chorus::StoryClusterer, shared by the online pass
// (story_clusterer.cc) and the windowed refinement (story_refine.cc).
//
// Articles live in a window: those of stories still open to new members keep
// their features ("live"); when a story has been idle for twice the window it
// is frozen, its articles' features and its vector are released, and its
// assignment is final. Refinement only ever revisits live articles, so the
// work and memory per article stay bounded however long the stream.
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "chorus/stories.h"
#include "group/term_vector.h"

namespace chorus {

struct StoryClusterer::Impl {
  struct Story {
    TermVector weights;  // summed member term weights
    int64_t last_day = -1;
    size_t last_seen = 0;  // arrival index of its latest article
    size_t members = 0;
    double norm_sq = 0;       // cached |vector|^2 under the IDF of the time
    size_t norm_members = 0;  // members when it was cached (0: stale)
    bool frozen = false;      // idle past the window: final, vector released
  };

  explicit Impl(StoryOptions o) : opts(o) {}

  // --- statistics ---------------------------------------------------------
  // Smoothed IDF: kPriorDocs imaginary earlier documents lack every term, so
  // that early in a stream (or in a small input, where every article shares
  // the event's words) the shared words still count.
  // IDF = log(N + prior) - log(df + 0.5), with log(df + 0.5) kept per term
  // (updated when df changes) so that no log is taken in the inner loops.
  static constexpr double kPriorDocs = 20;
  static constexpr double kLogHalf = -0.6931471805599453;  // log(0.5)
  // For a term of an article added (or of a story's vector, which sums
  // such articles): Add sizes log_df to cover every term of the article
  // before anything weighs it, and a restored state is checked to (story
  // and article terms below df.size() == log_df.size()), so no range check
  // (it was about 1% of the instructions at 10k). Quotation terms, which
  // may lie beyond, are never weighed.
  double Idf(uint32_t term) const { return log_n - log_df[term]; }
  double NormSq(const TermVector& v) const;
  double LogDfAbove(uint32_t df);    // log(df + 0.5) of large counts (story_clusterer.cc)
  std::vector<double> log_df_above;  // its table

  // --- the window ---------------------------------------------------------
  // Too old ever to be joined again by articles of this date or later (input
  // in publication order); stories without dates expire by arrival count.
  bool Expired(const Story& s, int64_t day) const {
    if (s.frozen) return true;
    if (day >= 0 && s.last_day >= 0) return day - s.last_day > 2 * opts.window_days;
    return seen - s.last_seen > 2 * opts.window_articles;
  }
  bool Active(const Story& s, int64_t day) const {
    if (s.frozen || s.members == 0) return false;
    if (day >= 0 && s.last_day >= 0)
      return day - s.last_day <= opts.window_days && s.last_day - day <= opts.window_days;
    return seen - s.last_seen <= opts.window_articles;
  }

  // --- open stories (the join threshold rises with their number) --------
  // Stories with members, not frozen, counted by their last date and by the
  // block of 2^kBlockBits arrivals holding their last article.
  static constexpr int kBlockBits = 10;
  std::unordered_map<int64_t, int64_t> open_by_day, open_by_block;
  // Adds `delta` to the counts of `s` (nothing for empty or frozen stories);
  // called with -1 before a story's last date or arrival changes, +1 after.
  void Track(const Story& s, int delta);
  // Stories open around `day` (within the window; by arrival when day < 0).
  int64_t OpenStories(int64_t day) const;
  // The minimum similarity to join a story, for an article of `day`.
  double JoinThreshold(int64_t day) const;

  // --- candidates ---------------------------------------------------------
  // Candidate stories are those sharing one of an article's kCandidateTerms
  // most distinctive terms (a story's: twice as many). 8 against 12: B-cubed
  // F1 on generated 10k 0.984 -> 0.986, on the dense 100k (18 days) 0.988 ->
  // 0.989, the same on generated 100k (0.994) and dev-stories (0.990 in file
  // order, mean 0.993 over 20 shuffles), at 5% less CPU; 6 cost dev-stories
  // 0.010.
  static constexpr size_t kCandidateTerms = 8;
  static constexpr size_t kVectorTerms = 40;
  // Stories compared when an article arrives and when stories merge: the 6
  // sharing the most of its top terms; in a refinement round an article may
  // move to one of 6 too. (32 and 32 gave the same stories on dense generated
  // streams and on dev-stories at 1.5x the time; 16 and 8 against 8 and 8,
  // the same B-cubed on generated 10k/100k and dev-stories, ordered and in 20
  // shuffles, at 9% more CPU; 6 and 6 against 8 and 8, the same B-cubed F1 on
  // generated 10k, 100k, the dense 100k and 1M and on dev-stories (ordered
  // and 20 shuffles), at 3% less CPU; 4 and 4 cost dev-stories 0.005.)
  static constexpr size_t kMaxCandidates = 6;
  static constexpr size_t kRefineCandidates = 6;
  // A term on more than kMaxPosting stories is not distinctive: it names no
  // candidates (this keeps the work per article bounded as the stream grows).
  // 64 against 256: the same B-cubed F1 on generated 10k and 100k, on
  // dev-stories, and on a generated 100k as dense as the 1M stream (18 days:
  // 0.988), at 3% (100k) to 12% (dense) less CPU; 32 cost the dense stream
  // 0.001 of precision.
  static constexpr size_t kMaxPosting = 64;
  // Into `out`. `idf`: the IDFs of f's terms, in order (the caller has
  // them: no second lookup per term); `scored`: scratch.
  void TopTerms(const StoryFeatures& f, const double* idf,
                std::vector<std::pair<double, uint32_t>>& scored, std::vector<uint32_t>& out) const;
  // From the stories on the posting lists of `terms` (`post(t)` gives a
  // term's list as a span, empty when it has none), those passing `keep`, the kMaxCandidates
  // sharing the most terms. With `after`, the lists are sorted and `keep` is false for every story
  // up to `after`: those are not looked at. `worker`: whose scratch to use (ParallelFor); `kept`,
  // when given, receives every story met that `keep` let pass, in increasing order (the result is a
  // function of those and their counts alone). `touch(s)` is called when story s is first met, some
  // time before `keep(s)` (to ask the cache for what `keep` reads); `keep` must not change while
  // the call runs.
  struct NoTouch {
    void operator()(uint32_t) const {}
  };
  template <typename Post, typename Keep, typename Touch = NoTouch>
  std::vector<uint32_t> Candidates(const std::vector<uint32_t>& terms, Post post, Keep keep,
                                   size_t max = kMaxCandidates,
                                   std::optional<uint32_t> after = std::nullopt, size_t worker = 0,
                                   std::vector<uint32_t>* kept = nullptr, Touch touch = {}) const;

  // --- similarity ---------------------------------------------------------
  // A quotation of 11 words or more printed in both: near-certain evidence of
  // one story, added to the cosine.
  static constexpr size_t kSharedQuoteShingles = 2;  // sampled: 1 in 4 (story_features)
  static constexpr double kSharedQuoteBonus = 0.3;
  // Only a distinctive quotation counts: one that at least half of the
  // articles printing it so far belong to the story or are the article (its
  // shingles' document frequency at most 2 * (members + 1)). A sentence that
  // many stories quote (a slogan, a stock line; on generated streams, a pool
  // sentence drawn by unrelated stories) says nothing of which story an
  // article reports; two related events quoting one statement still pass.
  double QuoteBonus(const StoryFeatures& f, const TermVector& sw, size_t members) const;
  // An article's vector under the current statistics, computed once for the
  // many cosines of a refinement round (all its terms: truncating it as the
  // online pass does costs accuracy here, measured).
  struct Weighed {
    const StoryFeatures* f = nullptr;  // its terms and raw weights
    const double* idf = nullptr;       // their IDFs (f->terms.size() of them)
    double norm_sq = 0;
  };
  // `idf`: room for f.terms.size() values (one array serves a refinement).
  Weighed Weigh(const StoryFeatures& f, double* idf) const;
  // Cosine between an article and a story vector (optionally less the
  // article's own weights), plus the shared-quote bonus.
  // `members`: the articles summed in `sw` (for the shared-quote bonus).
  double Cosine(const Weighed& a, const TermVector& sw, double snorm_sq, size_t members,
                bool exclude_self) const;
  // Cosine's arithmetic, with find(i) for the story's weight of the
  // article's i-th term (nullptr: absent) and bonus() for the quote bonus
  // (asked only when !exclude_self).
  template <typename Find, typename Bonus>
  double CosineBy(const Weighed& a, Find&& find, double snorm_sq, bool exclude_self,
                  Bonus&& bonus) const {
    double dot = 0, sn = snorm_sq;
    const auto& terms = a.f->terms;
    for (size_t i = 0; i < terms.size(); ++i) {
      const float* found = find(i);
      if (!found) continue;
      const double w = terms[i].second, idf = a.idf[i];
      double sv = *found;
      if (exclude_self) {
        double full = sv * idf;
        sv -= w;
        double less = sv * idf;
        sn += less * less - full * full;
      }
      dot += w * idf * sv * idf;
    }
    if (dot <= 0 || a.norm_sq <= 0 || sn <= 1e-12) return 0;
    double b = 0;
    if (!exclude_self) b = bonus();
    return dot / (std::sqrt(a.norm_sq) * std::sqrt(sn)) + b;
  }
  // For each member k of one story with need[k] (m: all its members, in
  // live order; snorm_sq: the squared norm of its vector), out[k] =
  // Cosine(*m[k], the story's vector, snorm_sq, _, true). The vector is
  // summed here on dense local term ids, in live order as its table is (so
  // each weight is the table's), in place of a hash lookup per term.
  void OwnCosines(std::span<const Weighed* const> m, double snorm_sq, std::span<const uint8_t> need,
                  std::span<double> out, size_t worker) const;
  // Cosine between two story vectors of squared norms na and nb.
  double VecCosine(const TermVector& a, double na, const TermVector& b, double nb) const;

  // --- the online pass (story_clusterer.cc) -------------------------------
  uint32_t Add(StoryFeatures f, std::optional<uint32_t> copy_of);
  uint32_t ChooseStory(const StoryFeatures& f);
  void Join(uint32_t story, const StoryFeatures& f, const double* idf);
  std::vector<uint32_t> Finish();

  // --- refinement over the live window (story_refine.cc) ------------------
  // Re-assigns the live articles with the statistics learned so far (split,
  // move, merge; `rounds` times at most), rebuilds the live stories' vectors
  // and postings, then freezes the stories idle past the window.
  void RefineLive(int rounds);
  // `worker`: whose scratch to use (see ParallelFor).
  std::vector<size_t> Bisect(std::span<const Weighed* const> m, size_t worker = 0) const;
  static constexpr size_t kMinBisect = 6;  // smaller stories are never split
  // In a refinement round, an article whose cosine to its own story (less
  // itself) is at least this stays without looking for another: a better one
  // would have to be over 0.42 too, and two stories that close to one article
  // are the merge step's business. Most articles are held this firmly, so
  // this skips most candidate searches and cosines (about a fifth of the CPU
  // time of `chorus stories` on 100k generated articles). Same B-cubed on the
  // 10k and 100k generated corpora and dev-stories (ordered and 20 shuffles)
  // from 0.6 down to 0.4; 0.3 lost 0.01 on shuffled dev-stories.
  static constexpr double kHeldFirmly = 0.4;
  // Signatures of the live stories the last bisection left whole.
  std::unordered_set<uint64_t> whole;
  static uint64_t Mix(uint64_t x) {  // splitmix64's finaliser
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    return x ^ (x >> 31);
  }
  void RebuildLiveStories(const std::vector<uint32_t>& touched);
  void FreezeIdle();
  void DistinctTerms(std::vector<uint32_t>& terms);
  static constexpr size_t kMinIdleArticles = 1000;

  // --- threads (StoryClusterer::SetThreads) -------------------------------
  // Calls f(i, worker) for every i in [0, n), in chunks of `chunk`, on up to
  // `threads` threads (worker < threads names the one running it). f must
  // write only what belongs to i (and the worker's own scratch), so that the
  // results are those of the plain loop whatever the number of threads.
  // Threads are started per call: a call stands for milliseconds of work.
  template <typename F>
  void ParallelFor(size_t n, size_t chunk, F&& f) const;
  size_t threads = 1;
  void SetThreads(size_t n) {
    threads = std::max<size_t>(1, n);
    bisect_scratch.resize(threads);
    cand_scratch.resize(threads);
  }

  StoryOptions opts;
  size_t seen = 0;
  int64_t latest_day = -1;  // the date of the latest dated article
  std::vector<uint32_t> df;
  std::vector<double> log_df;  // log(df + 0.5) per term
  double log_n = 0;
  std::vector<std::vector<uint32_t>> postings;  // term -> stories holding it
  std::vector<uint32_t> pruned_size;            // each list's size after its last pruning
  std::vector<Story> stories;

  // Per article, in arrival order: its story and the article it copies.
  std::vector<uint32_t> assign;
  std::vector<uint32_t> copy_of;  // kNoCopy when it copies none
  static constexpr uint32_t kNoCopy = ~0u;
  // The live articles (their stories are not frozen), with their features.
  std::vector<uint32_t> live;
  std::vector<StoryFeatures> features;  // per article; released when frozen
  size_t refined_at = 0;                // `seen` at the last refinement
  size_t live_after_refine = 0;         // live.size() after it
  // Scratch of Candidates (all counts 0 between calls).
  struct CandidateScratch {
    std::vector<uint32_t> count, met;
    std::vector<std::pair<uint32_t, uint32_t>> counted;
  };
  mutable std::vector<CandidateScratch> cand_scratch = std::vector<CandidateScratch>(1);
  // Scratch of Bisect, one per worker (reused: a refinement bisects
  // thousands of stories).
  struct BisectScratch {
    std::vector<uint32_t> local;  // term -> local id (~0u between calls)
    std::vector<uint32_t> terms, ids, quotes, sorted;
    std::vector<size_t> off, qoff;
    std::vector<double> idf, cos_a, cos_b;
    std::vector<float> all, one, halves[2];
    std::vector<uint8_t> side;
  };
  mutable std::vector<BisectScratch> bisect_scratch = std::vector<BisectScratch>(1);
  // Bisect's and OwnCosines' dense local ids (story_bisect.cc).
  template <bool kForBisect>
  size_t Densify(std::span<const Weighed* const> m, BisectScratch& sc) const;
  std::vector<uint32_t> refine_post_of;  // scratch of RefineLive (all ~0u between calls)
  std::vector<std::pair<double, uint32_t>> top_scored;  // scratch of TopTerms (online)
  std::vector<double> choose_aw, choose_idf;            // scratch of ChooseStory
  std::vector<uint32_t> choose_sel, choose_top;
};

template <typename F>
void StoryClusterer::Impl::ParallelFor(size_t n, size_t chunk, F&& f) const {
  const size_t workers = std::min(threads, (n + chunk - 1) / chunk);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) f(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  auto run = [&](size_t worker) {
    for (;;) {
      const size_t b = next.fetch_add(chunk, std::memory_order_relaxed);
      if (b >= n) return;
      for (size_t i = b; i < std::min(n, b + chunk); ++i) f(i, worker);
    }
  };
  std::vector<std::thread> helpers;
  try {
    for (size_t w = 1; w < workers; ++w) helpers.emplace_back(run, w);
  } catch (const std::system_error&) {
    // No more threads to be had: those running (and this one) do it all.
  }
  run(0);
  for (std::thread& h : helpers) h.join();
}

template <typename Post, typename Keep, typename Touch>
std::vector<uint32_t> StoryClusterer::Impl::Candidates(const std::vector<uint32_t>& terms,
                                                       Post post, Keep keep, size_t max,
                                                       std::optional<uint32_t> after, size_t worker,
                                                       std::vector<uint32_t>* kept,
                                                       Touch touch) const {
  // Terms shared per story, counted in place; the stories met are listed
  // once, then put in order, and only then asked whether they pass (`keep`
  // reads data out of cache: `touch` has asked for it meanwhile).
  CandidateScratch& scratch = cand_scratch[worker];
  std::vector<uint32_t>& count = scratch.count;
  std::vector<uint32_t>& met = scratch.met;
  met.clear();
  for (uint32_t t : terms) {
    const std::span<const uint32_t> list = post(t);
    if (list.size() > kMaxPosting) continue;
    auto from = after ? std::upper_bound(list.begin(), list.end(), *after) : list.begin();
    for (uint32_t s : std::span(from, list.end())) {
      if (s >= count.size()) count.resize(s + 1, 0);
      if (count[s]++ == 0) {
        touch(s);
        met.push_back(s);
      }
    }
  }
  std::sort(met.begin(), met.end());
  std::vector<std::pair<uint32_t, uint32_t>>& counted = scratch.counted;  // (shared terms, story)
  counted.clear();
  for (uint32_t s : met) {
    if (keep(s)) counted.emplace_back(count[s], s);
    count[s] = 0;
  }
  if (kept) {
    kept->clear();
    kept->reserve(counted.size());  // (one allocation, not one per doubling)
    for (const auto& c : counted) kept->push_back(c.second);
  }
  if (counted.size() > max) {
    std::nth_element(counted.begin(), counted.begin() + static_cast<long>(max), counted.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    counted.resize(max);
  }
  std::vector<uint32_t> cand;
  cand.reserve(counted.size());
  for (const auto& c : counted) cand.push_back(c.second);
  return cand;
}

}  // namespace chorus
