// See analyse_by_story.h.
#include "analyse_by_story.h"

namespace chorus::cli {

bool AnalyseByStory(const InputArgs& in, size_t threads, bool with_quotes, Diagnostics& diag,
                    ArticlesByStory& out) {
  ReadOptions read;
  if (!in.ToOptions(read)) return false;
  PipelineOptions opts;
  opts.threads = threads;
  opts.progress = !in.quiet;
  opts.keep_text = true;
  opts.with_quotes = with_quotes;
  out.articles = RunStoryPipeline(in.inputs, read, diag, opts);
  out.by_story = GroupByStory(out.articles);
  return true;
}

}  // namespace chorus::cli
