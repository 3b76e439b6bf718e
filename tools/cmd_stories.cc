// `chorus stories FILES...` — group articles into stories: one JSON line per
// article {"id", "story", "duplicate_of"}, or --pretty for a list of stories.
#include <map>
#include <memory>

#include "chorus/json_writer.h"
#include "chorus/stories.h"
#include "cli_common.h"
#include "commands.h"

namespace chorus::cli {

namespace {

struct StoriesArgs {
  InputArgs in;
  bool pretty = false;
  double threshold = StoryOptions{}.threshold;
  double merge = StoryOptions{}.merge_threshold;
  bool no_refine = false;
};

struct Member {
  std::string id, title, source, published;
  uint32_t story;
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
      "  chorus stories --pretty feed.jsonl");
  args->in.Add(cmd);
  cmd->add_flag("--pretty", args->pretty, "List the stories with headlines, outlets and dates");
  cmd->add_option("--threshold", args->threshold,
                  "Minimum similarity for an article to join a story (0-1)")
      ->capture_default_str();
  cmd->add_option("--merge-threshold", args->merge, "Similarity at which two stories merge")
      ->capture_default_str();
  cmd->add_flag("--no-refine", args->no_refine,
                "Keep the one-pass assignment (no revision with the final statistics)");
  return [args]() {
    ReadOptions opts;
    if (!args->in.ToOptions(opts)) return kExitUsage;
    Diagnostics diag(&std::cerr);
    Output out;
    JsonWriter w;
    Segmentation seg;
    TermDictionary dict;
    StoryOptions sopts;
    sopts.threshold = args->threshold;
    sopts.merge_threshold = args->merge;
    StoryClusterer clusterer(sopts);
    std::vector<Member> members;
    ReadInputs(args->in.inputs, opts, diag, [&](Article&& a) {
      Segment(a.text, seg);
      StoryFeatures f = ExtractStoryFeatures(a, seg, dict);
      uint32_t story = clusterer.Add(f);
      members.push_back({a.id, a.title, a.source, a.published, story});
    });
    if (!args->no_refine) {
      std::vector<uint32_t> refined = clusterer.Refine();
      for (size_t i = 0; i < members.size(); ++i) members[i].story = refined[i];
    }
    if (!args->pretty) {
      for (const Member& m : members) {
        w.Clear();
        w.BeginObject();
        w.Key("id");
        w.String(m.id);
        w.Key("story");
        w.String("s" + std::to_string(m.story));
        w.Key("duplicate_of");
        w.Null();
        w.EndObject();
        out.Line(w.str());
      }
    } else {
      std::map<uint32_t, std::vector<const Member*>> by_story;
      for (const Member& m : members) by_story[m.story].push_back(&m);
      for (const auto& [story, ms] : by_story) {
        std::string s = "== s" + std::to_string(story) + "  (" + std::to_string(ms.size()) +
                        (ms.size() == 1 ? " article)\n" : " articles)\n");
        for (const Member* m : ms) {
          s += "   " + (m->published.empty() ? std::string(10, ' ') : m->published.substr(0, 10));
          s += "  " + (m->source.empty() ? std::string("-") : m->source) + "  ";
          s += m->title.empty() ? m->id : m->title;
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
