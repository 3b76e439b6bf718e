// `chorus digest FILES...` — one JSON line per story: a short extractive
// summary with the sources of every sentence, what each outlet adds, people,
// dates, outlets and canonical quotes (or --markdown for people).
#include <iostream>
#include <map>
#include <memory>

#include "analyse_by_story.h"
#include "chorus/digest.h"
#include "chorus/json_writer.h"
#include "cli_common.h"
#include "commands.h"
#include "store_read.h"
#include "story_output.h"
#include "story_pipeline.h"

namespace chorus::cli {

namespace {

struct DigestArgs {
  InputArgs in;
  size_t threads = 0;
  bool markdown = false;
  std::string method = "coverage";
  size_t max_unique = DigestOptions{}.max_unique;
  std::string db, story;
};

}  // namespace

Runner AddDigestCommand(CLI::App& app) {
  auto args = std::make_shared<DigestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "digest", "Summarise each story, crediting every sentence to the outlets that say it");
  cmd->footer(
      "Output: one JSON object per story:\n"
      "  {\"story\", \"headline\", \"articles\": [ids], \"outlets\": [...],\n"
      "   \"first_seen\", \"last_seen\",\n"
      "   \"summary\": [{\"text\", \"from\": {\"id\", \"span\": [s,e]}, \"support\": [ids]}],\n"
      "   \"unique\": [{\"id\", \"text\", \"span\": [s,e], \"speaker\"}],\n"
      "   \"people\": [{\"name\", \"outlets\": N}],\n"
      "   \"quotes\": [{\"quote_id\", \"speaker\", \"text\", \"outlets\": [...]}]}\n"
      "Summary sentences are copied verbatim: \"span\" is in code points into the\n"
      "article's text; \"support\" lists the other articles stating the same thing.\n"
      "\"unique\" holds, per article, up to --max-unique passages (1-3 sentences) no\n"
      "other article states; \"people\" counts the outlets naming each person.\n\n"
      "Examples:\n"
      "  chorus digest examples/\n"
      "  chorus digest --markdown feed.jsonl\n"
      "  chorus digest --db news.db --story s3   # from a store (chorus ingest)");
  args->in.Add(cmd, false);
  AddThreadsOption(cmd, args->threads);
  cmd->add_option("--db", args->db, "Read the digests of this store instead of FILES");
  cmd->add_option("--story", args->story, "With --db: only this story (e.g. s3)");
  cmd->add_flag("--markdown", args->markdown, "Print a readable digest per story");
  cmd->add_option("--method", args->method,
                  "Summary method: coverage (default) or lexrank (a baseline)")
      ->check(CLI::IsMember({"coverage", "lexrank"}))
      ->capture_default_str();
  cmd->add_option("--max-unique", args->max_unique, "Unique passages kept per article")
      ->capture_default_str();
  return [args]() {
    if (!CheckFilesOrDb(args->in, args->db)) return kExitUsage;
    if (!args->db.empty()) {
      if (args->method != "coverage" || args->max_unique != DigestOptions{}.max_unique) {
        std::cerr << "chorus: --method and --max-unique do not apply to --db (the store keeps "
                     "the default digest)\n";
        return kExitUsage;
      }
      return PrintDigestsFromStore({args->db, args->markdown, args->in.quiet, args->story, ""});
    }
    if (!args->story.empty()) {
      std::cerr << "chorus: --story needs --db\n";
      return kExitUsage;
    }
    Diagnostics diag(&std::cerr);
    ArticlesByStory analysed;
    if (!AnalyseByStory(args->in, args->threads, /*with_quotes=*/true, diag, analysed))
      return kExitUsage;
    const auto& [articles, by_story] = analysed;
    DigestOptions dopts;
    dopts.method = args->method == "lexrank" ? SummaryMethod::kLexRank : SummaryMethod::kCoverage;
    dopts.max_unique = args->max_unique;
    Output out;
    JsonWriter w;
    size_t next_quote = 0;
    for (const auto& [story, members] : by_story) {
      std::vector<DigestArticle> in;
      std::vector<const Article*> arts;
      for (size_t i : members) {
        in.push_back({&articles[i].article, &articles[i].attributions});
        arts.push_back(&articles[i].article);
      }
      StoryDigest d = DigestStory(in, dopts);
      std::string name = "s" + std::to_string(story);
      if (args->markdown) {
        out.Write(DigestMarkdown(name, d, arts) + "\n");
        continue;
      }
      w.Clear();
      WriteDigestJson(w, name, d, arts, next_quote);
      out.Line(w.str());
    }
    out.Flush();
    return args->in.Finish(diag);
  };
}

}  // namespace chorus::cli
