// `chorus quotes FILES...` — who said what: one JSON line per article with its
// attributions (direct quotations and reported speech), or --pretty for people.
#include <unistd.h>

#include <memory>
#include <string>

#include "chorus/json_writer.h"
#include "chorus/ordered_pool.h"
#include "chorus/quotes.h"
#include "chorus/segment.h"
#include "chorus/utf8.h"
#include "cli_common.h"
#include "commands.h"
#include "progress.h"
#include "story_output.h"
#include "story_pipeline.h"

namespace chorus::cli {

namespace {

struct QuotesArgs {
  InputArgs in;
  bool pretty = false;
  bool direct_only = false;
  size_t threads = 0;
};

std::string Pretty(const Article& a, const std::vector<Attribution>& attrs) {
  std::string s = "== " + a.id + (a.title.empty() ? "" : "  " + a.title) + "\n";
  for (const Attribution& at : attrs) {
    std::string who = at.speaker.empty() ? "(unknown)" : at.speaker;
    std::string what = ContentText(a.text, at);
    if (what.size() > 240) what = what.substr(0, 237) + "...";
    s += "   " + who + (at.direct ? ": " : " (reported): ") + what + "\n";
  }
  return s;
}

// One article's output (its JSON line or its --pretty block): the per-article
// work, pure, so that it can run on any thread.
std::string QuoteLines(const Article& a, const QuotesArgs& args) {
  thread_local Segmentation seg;
  thread_local JsonWriter w;
  Segment(a.text, seg);
  std::vector<Attribution> attrs = FindAttributions(a.text, seg);
  if (args.direct_only) std::erase_if(attrs, [](const Attribution& x) { return !x.direct; });
  if (args.pretty) return Pretty(a, attrs);
  WriteQuotesJson(a, attrs, w);
  return w.str();
}

}  // namespace

Runner AddQuotesCommand(CLI::App& app) {
  auto args = std::make_shared<QuotesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "quotes", "Find who said what: quotations, reported speech, cues and speakers");
  cmd->footer(
      "Output: one JSON object per article:\n"
      "  {\"id\", \"quotes\": [{\"content\": [[s,e],...], \"cue\": [[s,e]], \"source\": [[s,e]],\n"
      "                       \"speaker\": \"Name\" | null, \"direct\": true|false,\n"
      "                       \"text\": \"the quoted or reported words\"}]}\n"
      "Spans are Unicode code-point offsets into the article text, end exclusive;\n"
      "\"speaker\" is the canonical name the source refers to, null when unknown.\n\n"
      "Examples:\n"
      "  chorus quotes examples/\n"
      "  chorus quotes --pretty article.html\n"
      "  chorus quotes feed.jsonl | jq -r '.quotes[] | select(.direct) | .speaker'");
  args->in.Add(cmd);
  cmd->add_flag("--pretty", args->pretty, "Print 'speaker: quote' lines instead of JSON");
  cmd->add_flag("--direct", args->direct_only, "Only direct quotations");
  AddThreadsOption(cmd, args->threads,
                   "Threads analysing articles (0: one per core); the output is the same for any "
                   "number");
  return [args]() {
    ReadOptions opts;
    if (!args->in.ToOptions(opts)) return kExitUsage;
    Diagnostics diag(&std::cerr);
    Output out;
    // Articles are read on this thread and analysed on the pool's; their
    // lines are written here in input order.
    OrderedPool<Article, std::string> pool(
        ResolveThreads(args->threads), [&](Article& a) { return QuoteLines(a, *args); },
        [&](std::string&& lines) { out.Line(lines); });
    {
      // (Not when the lines themselves go to the terminal: they would mix.)
      Progress progress(!args->in.quiet && !::isatty(STDOUT_FILENO));
      ProgressClearsForMessages clears(diag, progress);
      ReadInputs(args->in.inputs, opts, diag, [&](Article&& a) {
        pool.Push(std::move(a));
        progress.Reading(diag.read(), diag.skipped());
      });
      pool.Finish();
    }
    out.Flush();
    return args->in.Finish(diag);
  };
}

}  // namespace chorus::cli
