// `chorus quotebook FILES...` — one JSON line per canonical quote: the same
// quotation across the articles of a story, with every occurrence.
#include <iostream>
#include <map>
#include <memory>

#include "analyse_by_story.h"
#include "chorus/json_writer.h"
#include "chorus/quotebook.h"
#include "cli_common.h"
#include "commands.h"
#include "store_read.h"
#include "story_output.h"
#include "story_pipeline.h"

namespace chorus::cli {

namespace {
struct QuotebookArgs {
  InputArgs in;
  size_t threads = 0;
  bool pretty = false;
  std::string db, story, speaker;
};
}  // namespace

Runner AddQuotebookCommand(CLI::App& app) {
  auto args = std::make_shared<QuotebookArgs>();
  CLI::App* cmd = app.add_subcommand(
      "quotebook", "Link each quotation to every outlet that prints it, story by story");
  cmd->footer(
      "Output: one JSON object per canonical quote:\n"
      "  {\"quote_id\", \"story\", \"speaker\", \"text\",\n"
      "   \"occurrences\": [{\"id\", \"content\": [[s,e]], \"covers\": [[a,b]]}]}\n"
      "\"content\" spans are code points into the article's text; \"covers\" are the\n"
      "ranges of the canonical \"text\" that the occurrence prints.\n\n"
      "Examples:\n"
      "  chorus quotebook examples/\n"
      "  chorus quotebook feed.jsonl | jq 'select(.occurrences | length > 1)'\n"
      "  chorus quotebook --db news.db --speaker teigen   # from a store (chorus ingest)");
  args->in.Add(cmd, false);
  AddThreadsOption(cmd, args->threads);
  cmd->add_option("--db", args->db, "Read the quotebook of this store instead of FILES");
  cmd->add_option("--story", args->story, "With --db: only this story (e.g. s3)");
  cmd->add_option("--speaker", args->speaker,
                  "With --db: only quotes whose speaker contains NAME (any case)");
  cmd->add_flag("--pretty", args->pretty, "Print quotes with their speakers and outlets");
  return [args]() {
    if (!CheckFilesOrDb(args->in, args->db)) return kExitUsage;
    if (!args->db.empty())
      return PrintQuotebookFromStore(
          {args->db, args->pretty, args->in.quiet, args->story, args->speaker});
    if (!args->story.empty() || !args->speaker.empty()) {
      std::cerr << "chorus: --story and --speaker need --db\n";
      return kExitUsage;
    }
    Diagnostics diag(&std::cerr);
    ArticlesByStory analysed;
    if (!AnalyseByStory(args->in, args->threads, /*with_quotes=*/true, diag, analysed))
      return kExitUsage;
    const auto& [articles, by_story] = analysed;
    Output out;
    JsonWriter w;
    size_t next_id = 0;
    for (const auto& [story, members] : by_story) {
      std::vector<QuotedArticle> in;
      std::vector<const Article*> arts;
      for (size_t i : members) {
        in.push_back({articles[i].article.id, articles[i].article.text, articles[i].attributions});
        arts.push_back(&articles[i].article);
      }
      for (const CanonicalQuote& q : BuildQuotebook(in)) {
        std::string qid = "q" + std::to_string(next_id++);
        if (args->pretty) {
          out.Line(QuotePretty(q, arts));
          continue;
        }
        w.Clear();
        WriteQuoteJson(w, qid, "s" + std::to_string(story), q, arts);
        out.Line(w.str());
      }
    }
    out.Flush();
    return args->in.Finish(diag);
  };
}

}  // namespace chorus::cli
