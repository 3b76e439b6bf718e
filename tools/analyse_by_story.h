// AnalyseByStory: the articles of FILES and their stories, for the commands
// that work story by story (digest, quotebook, reuse). Kept out of
// story_pipeline.cc, which fuzz_http links without the CLI's input options
// (cli_common.cc).
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "chorus/reader.h"
#include "cli_common.h"
#include "story_pipeline.h"

namespace chorus::cli {

// For the commands that work story by story on FILES (digest, quotebook,
// reuse): the articles of `in` (texts kept; attributions with `with_quotes`)
// and their stories. False, after a message, when an input option is invalid.
struct ArticlesByStory {
  std::vector<AnalysedArticle> articles;
  std::map<uint32_t, std::vector<size_t>> by_story;  // GroupByStory(articles)
};
bool AnalyseByStory(const InputArgs& in, size_t threads, bool with_quotes, Diagnostics& diag,
                    ArticlesByStory& out);

}  // namespace chorus::cli
