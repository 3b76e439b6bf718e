#include "story_pipeline.h"

#include "chorus/near_dup.h"
#include "chorus/segment.h"

namespace chorus::cli {

std::vector<AnalysedArticle> RunStoryPipeline(const std::vector<std::string>& inputs,
                                              const ReadOptions& read, Diagnostics& diag,
                                              const PipelineOptions& opts) {
  std::vector<AnalysedArticle> out;
  Segmentation seg;
  TermDictionary dict;
  StoryOptions sopts = opts.stories;
  sopts.refine = opts.refine;
  StoryClusterer clusterer(sopts);
  NearDuplicateIndex copies;
  ReadInputs(inputs, read, diag, [&](Article&& a) {
    Segment(a.text, seg);
    AnalysedArticle x;
    // A near-copy of an earlier article joins that article's story.
    std::optional<uint32_t> dup = copies.Add(static_cast<uint32_t>(out.size()), a.text);
    if (dup) x.duplicate_of = *dup;
    clusterer.Add(ExtractStoryFeatures(a, seg, dict), dup);
    if (opts.with_quotes) x.attributions = FindAttributions(a.text, seg);
    if (!opts.keep_text) a.text.clear();
    x.article = std::move(a);
    out.push_back(std::move(x));
  });
  std::vector<uint32_t> story = clusterer.Finish();  // copies share their originals' story
  for (size_t i = 0; i < out.size(); ++i) out[i].story = story[i];
  return out;
}

}  // namespace chorus::cli
