// The pipeline behind the story-level commands (stories, quotebook, reuse,
// digest, ingest): analyse each article (segment, attributions, near-copy
// sketch, story features), cluster the stream, refine. Keeps what the
// commands need.
//
// StoryPipeline takes articles one at a time (from files or from a store);
// RunStoryPipeline reads inputs and feeds them. The per-article analysis runs
// on `threads` threads; everything that depends on the order of the stream
// (near-copy index, term ids, clustering) runs in arrival order: the
// near-copy index and term ids on the caller's thread, the clustering on the
// caller's thread too with one thread, else on a thread of its own fed in
// that order (it is the longest sequential part). The output is the same
// whatever the number of threads. A StoryPipeline is used from one thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "chorus/near_dup.h"
#include "chorus/ordered_pool.h"
#include "chorus/quotes.h"
#include "chorus/reader.h"
#include "chorus/stories.h"

namespace chorus::cli {

struct AnalysedArticle {
  Article article;                        // text dropped unless keep_text
  std::vector<Attribution> attributions;  // only when with_quotes
  uint32_t story = 0;
  std::optional<size_t> duplicate_of;  // index of the earliest article it copies
};

struct PipelineOptions {
  StoryOptions stories;
  bool refine = true;
  bool keep_text = false;
  bool keep_meta = true;  // source, url, title, published (else only id and text)
  bool with_quotes = false;
  size_t threads = 1;     // 0: one per core
  bool progress = false;  // RunStoryPipeline: a progress line on a terminal (progress.h)
};

// What the parallel stage makes of one article.
struct PreparedArticle {
  Article article;
  DocSketch sketch;
  StoryTerms terms;
  std::vector<Attribution> attributions;
};

// The stream of articles through analysis, near-copy detection and online
// clustering. Feeding the same articles in the same order gives the same
// stories, whatever they were read from and however many threads analyse them.
class StoryPipeline {
 public:
  explicit StoryPipeline(const PipelineOptions& opts);
  ~StoryPipeline();
  StoryPipeline(const StoryPipeline&) = delete;
  StoryPipeline& operator=(const StoryPipeline&) = delete;

  // Adds the next article of the stream (the i-th added is article i).
  void Add(Article&& a);
  // Articles through the whole pipeline so far (with threads, a few added
  // ones may still be in analysis; after LoadState, counting those before),
  // and stories open so far (provisional).
  size_t size() const { return first_ + out_.size(); }
  size_t stories() const { return stories_.load(std::memory_order_relaxed); }
  // Ends the stream: every article added since the start (or since
  // LoadState), with its final story; `all`, when given, receives the final
  // story of every article of the stream, those before LoadState included.
  std::vector<AnalysedArticle> Finish(std::vector<uint32_t>* all = nullptr);
  // What Finish would return now, without ending the stream (Add may go on;
  // the clusterer finishes a copy of its state): the articles kept since the
  // start, LoadState or the last Forget, with their final story as of now.
  std::vector<AnalysedArticle> FinishCopy(std::vector<uint32_t>* all = nullptr);
  // Drops the articles kept so far (once their stories are stored): the next
  // FinishCopy returns only the articles added after this call. Memory for a
  // long stream stays bounded by the clustering state.
  void Forget();

  // The pipeline cut at this point for a regroup step that finishes
  // elsewhere (another thread) while Add goes on here: a copy of the
  // clustering state and the articles kept since the last Forget (taken:
  // this is a Forget too). With `state`, the first part of SaveState (all but
  // the clusterer) is appended to *state; PipelineCut::Finish completes it.
  struct Cut {
    size_t size = 0;   // the cut covers articles 0..size-1
    size_t first = 0;  // articles[0] is article `first`
    std::vector<AnalysedArticle> articles;
    std::unique_ptr<StoryClusterer> clusterer;  // owned by the cut alone
    // The final story of every article 0..size-1 (what Finish would have
    // given at the cut); with `state`, first appends the clusterer's saved
    // state to *state (completing what TakeCut began). Consumes the copy.
    std::vector<uint32_t> Finish(std::string* state);
  };
  Cut TakeCut(std::string* state);

  // The state of the stream so far — what Finish would start from: the term
  // dictionary, the near-copy index (without its shingle sets) and the
  // clusterer (chorus/state_io.h). SaveState waits for the articles still in
  // analysis; the stream may go on after it. LoadState, on a pipeline
  // nothing was added to and made with the same options, restores it: the
  // next Add is article size(). `text_of(i)` must give the text of article
  // i of the stream (the near-copy index re-sketches the few it needs). It
  // throws StateError when `in` is malformed (the pipeline is then unusable:
  // make a new one).
  void SaveState(std::string& out);
  void LoadState(std::string_view in, std::function<std::string(size_t)> text_of);

 private:
  void Sequential(PreparedArticle&& p);
  // Hands an article to the clusterer (queued for its thread, when it has one).
  void Cluster(StoryFeatures&& f, std::optional<uint32_t> copy_of);
  // Waits until the clusterer has taken every queued article.
  void DrainClusterer();
  void ClusterLoop();

  PipelineOptions opts_;
  TermDictionary dict_;
  StoryClusterer clusterer_;
  NearDuplicateIndex copies_;
  size_t first_ = 0;                  // articles before LoadState or the last Forget
  std::vector<AnalysedArticle> out_;  // articles first_, first_ + 1, ...
  bool loaded_ = false;
  std::unique_ptr<OrderedPool<Article, PreparedArticle>> pool_;
  // The clustering thread (with more than one thread) and its queue.
  std::atomic<size_t> stories_{0};
  std::mutex cluster_mu_;
  std::condition_variable cluster_cv_;  // work queued, queue taken, stop
  std::vector<std::pair<StoryFeatures, std::optional<uint32_t>>> cluster_queue_;
  bool cluster_busy_ = false, cluster_stop_ = false;
  std::thread cluster_thread_;
};

// The articles of each story (indices into `articles`, in arrival order), by story.
std::map<uint32_t, std::vector<size_t>> GroupByStory(const std::vector<AnalysedArticle>& articles);

// The number of threads `threads` stands for (0: the cores of the machine).
size_t ResolveThreads(size_t threads);

std::vector<AnalysedArticle> RunStoryPipeline(const std::vector<std::string>& inputs,
                                              const ReadOptions& read, Diagnostics& diag,
                                              const PipelineOptions& opts);

}  // namespace chorus::cli
