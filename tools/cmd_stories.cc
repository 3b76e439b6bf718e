// `chorus stories FILES...` — group articles into stories: one JSON line per
// article {"id", "story", "duplicate_of"}, or --pretty for a list of stories.
#include <iostream>
#include <map>
#include <memory>

#include "chorus/json_writer.h"
#include "chorus/stories.h"
#include "cli_common.h"
#include "commands.h"
#include "store_read.h"
#include "story_pipeline.h"

namespace chorus::cli {

namespace {

struct StoriesArgs {
  InputArgs in;
  size_t threads = 0;
  bool pretty = false;
  double threshold = StoryOptions{}.threshold;
  double merge = StoryOptions{}.merge_threshold;
  double density_slope = StoryOptions{}.density_slope;
  bool no_refine = false;
  std::string db;
};

}  // namespace

Runner AddStoriesCommand(CLI::App& app) {
  auto args = std::make_shared<StoriesArgs>();
  CLI::App* cmd = app.add_subcommand("stories", "Group articles into the stories they report");
  cmd->footer(
      "Articles are taken in input order, as a stream: each joins the story it\n"
      "reports or starts a new one.\n\n"
      "Output: one JSON object per article: {\"id\", \"story\", \"duplicate_of\"}\n"
      "(\"story\" names the story, e.g. \"s0\"; \"duplicate_of\" is the id of the\n"
      "article it copies, or null).\n\n"
      "Examples:\n"
      "  chorus stories examples/\n"
      "  chorus stories --pretty feed.jsonl\n"
      "  chorus stories --db news.db          # the stories of a store (chorus ingest)");
  args->in.Add(cmd, false);
  AddThreadsOption(cmd, args->threads);
  cmd->add_option("--db", args->db, "Read the stories of this store instead of FILES");
  cmd->add_flag("--pretty", args->pretty, "List the stories with headlines, outlets and dates");
  cmd->add_option("--threshold", args->threshold,
                  "Minimum similarity for an article to join a story (0-1)")
      ->capture_default_str();
  cmd->add_option("--merge-threshold", args->merge, "Similarity at which two stories merge")
      ->capture_default_str();
  cmd->add_option("--density-slope", args->density_slope,
                  "Rise of the join threshold per tenfold of open stories beyond 50 (0: fixed)")
      ->capture_default_str();
  cmd->add_flag("--no-refine", args->no_refine,
                "Keep the one-pass assignment (no revision with the final statistics)");
  return [args]() {
    if (!CheckFilesOrDb(args->in, args->db)) return kExitUsage;
    if (!args->db.empty()) {
      if (args->no_refine || args->threshold != StoryOptions{}.threshold ||
          args->merge != StoryOptions{}.merge_threshold ||
          args->density_slope != StoryOptions{}.density_slope) {
        std::cerr << "chorus: --threshold, --merge-threshold, --density-slope and --no-refine do "
                     "not apply to "
                     "--db (the store keeps the default clustering)\n";
        return kExitUsage;
      }
      return PrintStoriesFromStore({args->db, args->pretty, args->in.quiet, "", ""});
    }
    ReadOptions opts;
    if (!args->in.ToOptions(opts)) return kExitUsage;
    Diagnostics diag(&std::cerr);
    PipelineOptions popts;
    popts.threads = args->threads;
    popts.progress = !args->in.quiet;
    popts.stories.threshold = args->threshold;
    popts.stories.merge_threshold = args->merge;
    popts.stories.density_slope = args->density_slope;
    popts.refine = !args->no_refine;
    popts.keep_meta = args->pretty;  // the JSON lines need ids only
    std::vector<AnalysedArticle> articles = RunStoryPipeline(args->in.inputs, opts, diag, popts);
    Output out;
    if (!args->pretty) {
      JsonWriter w;
      for (const AnalysedArticle& m : articles) {
        w.Clear();
        w.BeginObject();
        w.Key("id");
        w.String(m.article.id);
        w.Key("story");
        w.String("s" + std::to_string(m.story));
        w.Key("duplicate_of");
        if (m.duplicate_of)
          w.String(articles[*m.duplicate_of].article.id);
        else
          w.Null();
        w.EndObject();
        out.Line(w.str());
      }
    } else {
      std::map<uint32_t, std::vector<const AnalysedArticle*>> by_story;
      for (const AnalysedArticle& m : articles) by_story[m.story].push_back(&m);
      for (const auto& [story, ms] : by_story) {
        std::string s = "== s" + std::to_string(story) + "  (" + std::to_string(ms.size()) +
                        (ms.size() == 1 ? " article)\n" : " articles)\n");
        for (const AnalysedArticle* x : ms) {
          const Article* m = &x->article;
          s += "   " + (m->published.empty() ? std::string(10, ' ') : m->published.substr(0, 10));
          s += "  " + (m->source.empty() ? std::string("-") : m->source) + "  ";
          s += m->title.empty() ? m->id : m->title;
          if (x->duplicate_of) s += "  [copy of " + articles[*x->duplicate_of].article.id + "]";
          s += "\n";
        }
        out.Line(s);
      }
    }
    out.Flush();
    return args->in.Finish(diag);
  };
}

}  // namespace chorus::cli
