#include "story_pipeline.h"

#include "chorus/segment.h"

namespace chorus::cli {

std::vector<AnalysedArticle> RunStoryPipeline(const std::vector<std::string>& inputs,
                                              const ReadOptions& read, Diagnostics& diag,
                                              const PipelineOptions& opts) {
  std::vector<AnalysedArticle> out;
  Segmentation seg;
  TermDictionary dict;
  StoryClusterer clusterer(opts.stories);
  ReadInputs(inputs, read, diag, [&](Article&& a) {
    Segment(a.text, seg);
    AnalysedArticle x;
    x.story = clusterer.Add(ExtractStoryFeatures(a, seg, dict));
    if (opts.with_quotes) x.attributions = FindAttributions(a.text, seg);
    if (!opts.keep_text) a.text.clear();
    x.article = std::move(a);
    out.push_back(std::move(x));
  });
  if (opts.refine) {
    std::vector<uint32_t> refined = clusterer.Refine();
    for (size_t i = 0; i < out.size(); ++i) out[i].story = refined[i];
  }
  return out;
}

}  // namespace chorus::cli
