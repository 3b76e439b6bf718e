// The pipeline behind the story-level commands (stories, quotebook, reuse,
// digest, ingest): analyse each article (segment, attributions, story
// features), cluster the stream, refine. Keeps what the commands need.
// StoryPipeline takes articles one at a time (from files or from a store);
// RunStoryPipeline reads inputs and feeds them. Not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chorus/near_dup.h"
#include "chorus/quotes.h"
#include "chorus/reader.h"
#include "chorus/segment.h"
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

// The stream of articles through segmentation, near-copy detection and online
// clustering. Feeding the same articles in the same order gives the same
// stories, whatever they were read from.
class StoryPipeline {
 public:
  explicit StoryPipeline(const PipelineOptions& opts);
  StoryPipeline(const StoryPipeline&) = delete;
  StoryPipeline& operator=(const StoryPipeline&) = delete;

  // Adds the next article of the stream (the i-th added is article i).
  void Add(Article&& a);
  // Articles added so far, and stories open so far (provisional).
  size_t size() const { return out_.size(); }
  size_t stories() const { return clusterer_.stories(); }
  // Ends the stream: every article added, with its final story.
  std::vector<AnalysedArticle> Finish();

 private:
  PipelineOptions opts_;
  Segmentation seg_;
  TermDictionary dict_;
  StoryClusterer clusterer_;
  NearDuplicateIndex copies_;
  std::vector<AnalysedArticle> out_;
};

std::vector<AnalysedArticle> RunStoryPipeline(const std::vector<std::string>& inputs,
                                              const ReadOptions& read, Diagnostics& diag,
                                              const PipelineOptions& opts);

}  // namespace chorus::cli
