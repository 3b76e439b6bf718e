#include "story_pipeline.h"

#include <thread>

#include "chorus/segment.h"
#include "chorus/state_io.h"
#include "progress.h"

namespace chorus::cli {

namespace {

// Copies are looked for among the latest 131,072-262,144 articles (24-48
// days of a 5,500-a-day stream, far longer at the usual rates); exact shingle
// sets are kept for the latest 65,536, an older candidate is confirmed on its
// MinHash sketch (NearDupOptions). Memory for copies stays bounded however
// long the stream.
constexpr size_t kCopyHistory = 131072;
constexpr size_t kExactCopyHistory = 65536;

NearDupOptions CopyOptions() {
  NearDupOptions o;
  o.max_sets = kExactCopyHistory;
  o.max_history = kCopyHistory;
  return o;
}

StoryOptions ClustererOptions(const PipelineOptions& opts) {
  StoryOptions s = opts.stories;
  s.refine = opts.refine;
  return s;
}

// The work of one article that depends on nothing else: any thread.
PreparedArticle Prepare(Article& a, bool with_quotes) {
  thread_local Segmentation seg;
  Segment(a.text, seg);
  PreparedArticle p;
  Sketch(a.text, p.sketch);
  if (with_quotes) {
    // The quotations FindAttributions finds serve the story features too.
    thread_local std::vector<ByteSpan> quotations;
    p.attributions = FindAttributions(a.text, seg, &quotations);
    p.terms = ExtractStoryTerms(a, seg, &quotations);
  } else {
    p.terms = ExtractStoryTerms(a, seg);
  }
  p.article = std::move(a);
  return p;
}

}  // namespace

std::map<uint32_t, std::vector<size_t>> GroupByStory(const std::vector<AnalysedArticle>& articles) {
  std::map<uint32_t, std::vector<size_t>> by_story;
  for (size_t i = 0; i < articles.size(); ++i) by_story[articles[i].story].push_back(i);
  return by_story;
}

size_t ResolveThreads(size_t threads) {
  if (threads != 0) return threads;
  return std::max<size_t>(1, std::thread::hardware_concurrency());
}

StoryPipeline::StoryPipeline(const PipelineOptions& opts)
    : opts_(opts), clusterer_(ClustererOptions(opts)), copies_(CopyOptions()) {
  const bool with_quotes = opts_.with_quotes;
  const size_t threads = ResolveThreads(opts_.threads);
  clusterer_.SetThreads(threads);
  pool_ = std::make_unique<OrderedPool<Article, PreparedArticle>>(
      threads, [with_quotes](Article& a) { return Prepare(a, with_quotes); },
      [this](PreparedArticle&& p) { Sequential(std::move(p)); });
  if (threads > 1) cluster_thread_ = std::thread([this] { ClusterLoop(); });
}

StoryPipeline::~StoryPipeline() {
  pool_.reset();  // (its last articles reach the queue)
  if (cluster_thread_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(cluster_mu_);
      cluster_stop_ = true;
    }
    cluster_cv_.notify_all();
    cluster_thread_.join();
  }
}

// At most this many articles wait for the clustering thread (their features:
// about 20 MB), so the reader cannot run far ahead. A periodic refinement
// holds the clustering thread for 0.1-0.3 s at 100k, using the other core only
// in its parallel parts; with 1,024 the reader and the analysis workers
// stopped within its first tens of milliseconds and that core sat idle (up
// to 60% of it in a 0.1 s window). 8,192 lets them go on through it.
constexpr size_t kClusterQueue = 8192;

void StoryPipeline::Cluster(StoryFeatures&& f, std::optional<uint32_t> copy_of) {
  if (!cluster_thread_.joinable()) {
    clusterer_.Add(std::move(f), copy_of);
    stories_.store(clusterer_.stories(), std::memory_order_relaxed);
    return;
  }
  std::unique_lock<std::mutex> lock(cluster_mu_);
  cluster_cv_.wait(lock, [&] { return cluster_queue_.size() < kClusterQueue; });
  cluster_queue_.emplace_back(std::move(f), copy_of);
  if (cluster_queue_.size() == 1) cluster_cv_.notify_all();
}

void StoryPipeline::ClusterLoop() {
  std::vector<std::pair<StoryFeatures, std::optional<uint32_t>>> batch;
  std::unique_lock<std::mutex> lock(cluster_mu_);
  for (;;) {
    cluster_cv_.wait(lock, [&] { return !cluster_queue_.empty() || cluster_stop_; });
    if (cluster_queue_.empty()) return;  // stopped
    batch.swap(cluster_queue_);
    cluster_busy_ = true;
    lock.unlock();
    cluster_cv_.notify_all();  // room in the queue
    for (auto& [f, copy_of] : batch) {
      clusterer_.Add(std::move(f), copy_of);
      stories_.store(clusterer_.stories(), std::memory_order_relaxed);
    }
    batch.clear();
    lock.lock();
    cluster_busy_ = false;
    cluster_cv_.notify_all();  // drained, perhaps
  }
}

void StoryPipeline::DrainClusterer() {
  if (!cluster_thread_.joinable()) return;
  std::unique_lock<std::mutex> lock(cluster_mu_);
  cluster_cv_.wait(lock, [&] { return cluster_queue_.empty() && !cluster_busy_; });
}

void StoryPipeline::Add(Article&& a) {
  pool_->Push(std::move(a));
}

// In arrival order: a near-copy of an earlier article joins that article's
// story; terms get their ids; the clusterer places the article.
void StoryPipeline::Sequential(PreparedArticle&& p) {
  AnalysedArticle x;
  std::optional<uint32_t> dup = copies_.Add(static_cast<uint32_t>(size()), std::move(p.sketch));
  if (dup) x.duplicate_of = *dup;
  Cluster(InternStoryTerms(p.terms, dict_), dup);
  x.attributions = std::move(p.attributions);
  auto drop = [](std::string& field) { std::string().swap(field); };
  if (!opts_.keep_text) drop(p.article.text);
  if (!opts_.keep_meta) {
    drop(p.article.source);
    drop(p.article.url);
    drop(p.article.title);
    drop(p.article.published);
  }
  x.article = std::move(p.article);
  out_.push_back(std::move(x));
}

std::vector<AnalysedArticle> StoryPipeline::Finish(std::vector<uint32_t>* all) {
  pool_->Finish();
  DrainClusterer();
  std::vector<uint32_t> story = clusterer_.Finish();  // copies share their originals' story
  for (size_t i = 0; i < out_.size(); ++i) out_[i].story = story[first_ + i];
  if (all) *all = std::move(story);
  return std::move(out_);
}

std::vector<AnalysedArticle> StoryPipeline::FinishCopy(std::vector<uint32_t>* all) {
  pool_->Finish();
  DrainClusterer();
  std::vector<uint32_t> story = clusterer_.FinishCopy();
  std::vector<AnalysedArticle> result = out_;
  for (size_t i = 0; i < result.size(); ++i) result[i].story = story[first_ + i];
  if (all) *all = std::move(story);
  return result;
}

void StoryPipeline::Forget() {
  pool_->Finish();
  DrainClusterer();
  first_ += out_.size();
  std::vector<AnalysedArticle>().swap(out_);
}

namespace {
constexpr uint32_t kPipelineTag = 0x4c505453;  // "STPL"
}  // namespace

void StoryPipeline::SaveState(std::string& out) {
  pool_->Finish();
  DrainClusterer();
  StateWriter w(out);
  w.Put<uint32_t>(kPipelineTag);
  w.Put<uint64_t>(size());
  dict_.Save(w);
  copies_.Save(w, /*with_sets=*/false);
  clusterer_.Save(w);
}

StoryPipeline::Cut StoryPipeline::TakeCut(std::string* state) {
  pool_->Finish();
  DrainClusterer();
  Cut cut;
  cut.size = size();
  cut.first = first_;
  if (state) {  // SaveState up to the clusterer
    StateWriter w(*state);
    w.Put<uint32_t>(kPipelineTag);
    w.Put<uint64_t>(size());
    dict_.Save(w);
    copies_.Save(w, /*with_sets=*/false);
  }
  cut.clusterer = clusterer_.Clone();
  cut.articles = std::move(out_);
  first_ += cut.articles.size();
  out_.clear();
  return cut;
}

std::vector<uint32_t> StoryPipeline::Cut::Finish(std::string* state) {
  if (state) {
    StateWriter w(*state);
    clusterer->Save(w);
  }
  std::vector<uint32_t> story = clusterer->Finish();
  clusterer.reset();
  for (size_t i = 0; i < articles.size(); ++i) articles[i].story = story[first + i];
  return story;
}

void StoryPipeline::LoadState(std::string_view in, std::function<std::string(size_t)> text_of) {
  if (size() != 0 || loaded_) throw StateError("LoadState on a pipeline already in use");
  loaded_ = true;
  StateReader r(in);
  StateReader::Check(r.Get<uint32_t>("pipeline tag") == kPipelineTag, "pipeline tag");
  const uint64_t n = r.Get<uint64_t>("articles");
  dict_.Load(r);
  copies_.Load(
      r, [text_of = std::move(text_of)](uint32_t doc) { return Sketch(text_of(doc)).shingles; });
  clusterer_.Load(r);
  stories_.store(clusterer_.stories(), std::memory_order_relaxed);
  StateReader::Check(r.left() == 0, "end of the pipeline state");
  StateReader::Check(copies_.size() == n && clusterer_.size() == n, "article counts");
  first_ = n;
}

std::vector<AnalysedArticle> RunStoryPipeline(const std::vector<std::string>& inputs,
                                              const ReadOptions& read, Diagnostics& diag,
                                              const PipelineOptions& opts) {
  StoryPipeline pipeline(opts);
  Progress progress(opts.progress);
  ProgressClearsForMessages clears(diag, progress);
  ReadInputs(inputs, read, diag, [&](Article&& a) {
    pipeline.Add(std::move(a));
    progress.ReadingStories(diag.read(), pipeline.stories(), diag.skipped());
  });
  progress.Step("grouping: revisiting the open stories of " + std::to_string(diag.read()) +
                " articles");
  std::vector<AnalysedArticle> out = pipeline.Finish();
  progress.Done();
  return out;
}

}  // namespace chorus::cli
