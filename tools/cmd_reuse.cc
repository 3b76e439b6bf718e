// `chorus reuse FILES...` — passages that articles of one story share: one
// JSON line per pair of articles with aligned passages.
#include <map>
#include <memory>

#include "analyse_by_story.h"
#include "chorus/json_writer.h"
#include "chorus/reuse.h"
#include "cli_common.h"
#include "commands.h"
#include "story_pipeline.h"

namespace chorus::cli {

namespace {
struct ReuseArgs {
  InputArgs in;
  size_t threads = 0;
  uint32_t min_words = ReuseOptions{}.min_words;
};
}  // namespace

Runner AddReuseCommand(CLI::App& app) {
  auto args = std::make_shared<ReuseArgs>();
  CLI::App* cmd = app.add_subcommand("reuse", "Align the passages that articles of a story share");
  cmd->footer(
      "Output: one JSON object per pair of articles that share passages:\n"
      "  {\"a\", \"b\", \"a_spans\": [[s,e],...], \"b_spans\": [[s,e],...], \"words\"}\n"
      "The i-th span of a is aligned with the i-th span of b; spans are code points\n"
      "into each article's text; \"words\" counts the shared passages' words in a.\n\n"
      "Examples:\n"
      "  chorus reuse examples/\n"
      "  chorus reuse --min-words 30 feed.jsonl");
  args->in.Add(cmd);
  AddThreadsOption(cmd, args->threads);
  cmd->add_option("--min-words", args->min_words, "Shortest passage reported, in words")
      ->capture_default_str();
  return [args]() {
    Diagnostics diag(&std::cerr);
    ArticlesByStory analysed;
    if (!AnalyseByStory(args->in, args->threads, /*with_quotes=*/false, diag, analysed))
      return kExitUsage;
    const auto& [articles, by_story] = analysed;
    ReuseOptions ropts;
    ropts.min_words = args->min_words;
    Output out;
    JsonWriter w;
    for (const auto& [story, members] : by_story) {
      std::vector<WordIndex> index;
      for (size_t i : members) index.push_back(IndexWords(articles[i].article.text));
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size(); ++y) {
          std::vector<ReusedPassage> ps = AlignPassages(index[x], index[y], ropts);
          if (ps.empty()) continue;
          w.Clear();
          WriteReusedPair(w, articles[members[x]].article.id, articles[members[y]].article.id, ps);
          out.Line(w.str());
        }
    }
    out.Flush();
    return args->in.Finish(diag);
  };
}

}  // namespace chorus::cli
