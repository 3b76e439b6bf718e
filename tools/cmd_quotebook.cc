// `chorus quotebook FILES...` — one JSON line per canonical quote: the same
// quotation across the articles of a story, with every occurrence.
#include <map>
#include <memory>

#include "chorus/json_writer.h"
#include "chorus/quotebook.h"
#include "cli_common.h"
#include "commands.h"
#include "story_pipeline.h"

namespace chorus::cli {

namespace {
struct QuotebookArgs {
  InputArgs in;
  size_t threads = 0;
  bool pretty = false;
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
      "  chorus quotebook feed.jsonl | jq 'select(.occurrences | length > 1)'");
  args->in.Add(cmd);
  AddThreadsOption(cmd, args->threads);
  cmd->add_flag("--pretty", args->pretty, "Print quotes with their speakers and outlets");
  return [args]() {
    ReadOptions opts;
    if (!args->in.ToOptions(opts)) return kExitUsage;
    Diagnostics diag(&std::cerr);
    PipelineOptions popts;
    popts.threads = args->threads;
    popts.keep_text = true;
    popts.with_quotes = true;
    std::vector<AnalysedArticle> articles = RunStoryPipeline(args->in.inputs, opts, diag, popts);
    std::map<uint32_t, std::vector<size_t>> by_story;
    for (size_t i = 0; i < articles.size(); ++i) by_story[articles[i].story].push_back(i);
    Output out;
    JsonWriter w;
    size_t next_id = 0;
    for (const auto& [story, members] : by_story) {
      std::vector<QuotedArticle> in;
      for (size_t i : members)
        in.push_back({articles[i].article.id, articles[i].article.text, articles[i].attributions});
      for (const CanonicalQuote& q : BuildQuotebook(in)) {
        std::string qid = "q" + std::to_string(next_id++);
        if (args->pretty) {
          std::string s = (q.speaker.empty() ? std::string("(unknown)") : q.speaker) + ": " +
                          q.text + "\n   in";
          for (const QuoteOccurrence& o : q.occurrences) {
            const Article& a = articles[members[o.article]].article;
            s += " " + (a.source.empty() ? a.id : a.source);
          }
          out.Line(s + "\n");
          continue;
        }
        w.Clear();
        w.BeginObject();
        w.Key("quote_id");
        w.String(qid);
        w.Key("story");
        w.String("s" + std::to_string(story));
        w.Key("speaker");
        w.StringOrNull(q.speaker);
        w.Key("text");
        w.String(q.text);
        w.Key("occurrences");
        w.BeginArray();
        for (const QuoteOccurrence& o : q.occurrences) {
          w.BeginObject();
          w.Key("id");
          w.String(articles[members[o.article]].article.id);
          w.Key("content");
          w.BeginArray();
          for (Span s : o.content) w.SpanValue(s);
          w.EndArray();
          w.Key("covers");
          w.BeginArray();
          for (Span s : o.covers) w.SpanValue(s);
          w.EndArray();
          w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        out.Line(w.str());
      }
    }
    out.Flush();
    return args->in.Finish(diag);
  };
}

}  // namespace chorus::cli
