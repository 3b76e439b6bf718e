#include "story_pipeline.h"

#include <thread>

#include "chorus/segment.h"

namespace chorus::cli {

namespace {

// Exact shingle sets are kept for this many recent articles (about two weeks
// of a 5,000-a-day stream); an older candidate copy is confirmed on its
// MinHash sketch instead (see NearDupOptions::max_sets), so memory for the
// sets stays bounded however long the stream.
constexpr size_t kExactCopyHistory = 65536;

NearDupOptions CopyOptions() {
  NearDupOptions o;
  o.max_sets = kExactCopyHistory;
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
  p.terms = ExtractStoryTerms(a, seg);
  if (with_quotes) p.attributions = FindAttributions(a.text, seg);
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
  pool_ = std::make_unique<OrderedPool<Article, PreparedArticle>>(
      ResolveThreads(opts_.threads), [with_quotes](Article& a) { return Prepare(a, with_quotes); },
      [this](PreparedArticle&& p) { Sequential(std::move(p)); });
}

void StoryPipeline::Add(Article&& a) {
  pool_->Push(std::move(a));
}

// In arrival order: a near-copy of an earlier article joins that article's
// story; terms get their ids; the clusterer places the article.
void StoryPipeline::Sequential(PreparedArticle&& p) {
  AnalysedArticle x;
  std::optional<uint32_t> dup =
      copies_.Add(static_cast<uint32_t>(out_.size()), std::move(p.sketch));
  if (dup) x.duplicate_of = *dup;
  clusterer_.Add(InternStoryTerms(p.terms, dict_), dup);
  x.attributions = std::move(p.attributions);
  if (!opts_.keep_text) {
    p.article.text.clear();
    p.article.text.shrink_to_fit();
  }
  x.article = std::move(p.article);
  out_.push_back(std::move(x));
}

std::vector<AnalysedArticle> StoryPipeline::Finish() {
  pool_->Finish();
  std::vector<uint32_t> story = clusterer_.Finish();  // copies share their originals' story
  for (size_t i = 0; i < out_.size(); ++i) out_[i].story = story[i];
  return std::move(out_);
}

std::vector<AnalysedArticle> RunStoryPipeline(const std::vector<std::string>& inputs,
                                              const ReadOptions& read, Diagnostics& diag,
                                              const PipelineOptions& opts) {
  StoryPipeline pipeline(opts);
  ReadInputs(inputs, read, diag, [&](Article&& a) { pipeline.Add(std::move(a)); });
  return pipeline.Finish();
}

}  // namespace chorus::cli
