#include "story_pipeline.h"

namespace chorus::cli {

namespace {
StoryOptions ClustererOptions(const PipelineOptions& opts) {
  StoryOptions s = opts.stories;
  s.refine = opts.refine;
  return s;
}
}  // namespace

StoryPipeline::StoryPipeline(const PipelineOptions& opts)
    : opts_(opts), clusterer_(ClustererOptions(opts)) {}

void StoryPipeline::Add(Article&& a) {
  Segment(a.text, seg_);
  AnalysedArticle x;
  // A near-copy of an earlier article joins that article's story.
  std::optional<uint32_t> dup = copies_.Add(static_cast<uint32_t>(out_.size()), a.text);
  if (dup) x.duplicate_of = *dup;
  clusterer_.Add(ExtractStoryFeatures(a, seg_, dict_), dup);
  if (opts_.with_quotes) x.attributions = FindAttributions(a.text, seg_);
  if (!opts_.keep_text) a.text.clear();
  x.article = std::move(a);
  out_.push_back(std::move(x));
}

std::vector<AnalysedArticle> StoryPipeline::Finish() {
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
