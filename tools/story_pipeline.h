// The pipeline behind the story-level commands (stories, quotebook, reuse):
// read every input, analyse each article (segment, attributions, story
// features), cluster the stream, refine. Keeps what the commands need.
#pragma once

#include <optional>
#include <string>
#include <vector>

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
  bool with_quotes = false;
};

std::vector<AnalysedArticle> RunStoryPipeline(const std::vector<std::string>& inputs,
                                              const ReadOptions& read, Diagnostics& diag,
                                              const PipelineOptions& opts);

}  // namespace chorus::cli
