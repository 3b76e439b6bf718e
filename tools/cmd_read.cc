// `chorus read FILES...` — the articles as chorus sees them: one JSON object a
// line with paragraph and sentence spans (code points), or --pretty for people.
#include <memory>

#include "chorus/json_writer.h"
#include "chorus/segment.h"
#include "chorus/utf8.h"
#include "cli_common.h"
#include "commands.h"
#include "story_output.h"

namespace chorus::cli {

namespace {

struct ReadArgs {
  InputArgs in;
  bool pretty = false;
  bool tokens = false;
};

void WritePretty(const Article& a, const Segmentation& seg, Output& out) {
  std::string s = "== " + a.id + "\n";
  if (!a.title.empty()) s += "   title:     " + a.title + "\n";
  if (!a.source.empty()) s += "   source:    " + a.source + "\n";
  if (!a.published.empty()) s += "   published: " + a.published + "\n";
  if (!a.url.empty()) s += "   url:       " + a.url + "\n";
  s += "   " + std::to_string(seg.paragraphs.size()) + " paragraphs, " +
       std::to_string(seg.sentences.size()) + " sentences, " +
       std::to_string(utf8::CountCodepoints(a.text)) + " characters\n";
  size_t shown = 0;
  for (ByteSpan sp : seg.sentences) {
    if (shown == 3) {
      s += "   ...\n";
      break;
    }
    std::string_view sent = std::string_view(a.text).substr(sp.begin, sp.size());
    s += "   | ";
    s += sent.size() > 160 ? std::string(sent.substr(0, 157)) + "..." : std::string(sent);
    s += "\n";
    ++shown;
  }
  out.Line(s);
}

}  // namespace

Runner AddReadCommand(CLI::App& app) {
  auto args = std::make_shared<ReadArgs>();
  CLI::App* cmd = app.add_subcommand(
      "read", "Read articles and print them as JSONL with paragraph and sentence spans");
  cmd->footer(
      "Output: one JSON object a line:\n"
      "  {\"id\",\"source\",\"url\",\"title\",\"published\",\"text\",\n"
      "   \"paragraphs\":[[s,e],...],\"sentences\":[[s,e],...]}\n"
      "Spans are Unicode code-point offsets into \"text\", end exclusive.\n"
      "Unknown fields are null.\n\n"
      "Examples:\n"
      "  chorus read examples/                 # every article in a folder\n"
      "  chorus read --pretty page.html        # a human view\n"
      "  zcat feed.jsonl.gz | chorus read -    # JSONL from standard input");
  args->in.Add(cmd);
  cmd->add_flag("--pretty", args->pretty, "Print a human summary of each article instead");
  cmd->add_flag("--tokens", args->tokens, "Add a \"tokens\" array of [s,e] spans");
  return [args]() {
    ReadOptions opts;
    if (!args->in.ToOptions(opts)) return kExitUsage;
    Diagnostics diag(&std::cerr);
    Output out;
    JsonWriter w;
    Segmentation seg;
    SegmentOptions sopts;
    sopts.tokens = args->tokens;
    ReadInputs(args->in.inputs, opts, diag, [&](Article&& a) {
      Segment(a.text, seg, sopts);
      if (args->pretty) {
        WritePretty(a, seg, out);
      } else {
        WriteArticleJson(a, seg, args->tokens, w);
        out.Line(w.str());
      }
    });
    out.Flush();
    return args->in.Finish(diag);
  };
}

}  // namespace chorus::cli
