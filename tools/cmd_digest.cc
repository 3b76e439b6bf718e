// `chorus digest FILES...` — one JSON line per story: a short extractive
// summary with the sources of every sentence, what each outlet adds, people,
// dates, outlets and canonical quotes (or --markdown for people).
#include <map>
#include <memory>

#include "chorus/digest.h"
#include "chorus/json_writer.h"
#include "cli_common.h"
#include "commands.h"
#include "story_pipeline.h"

namespace chorus::cli {

namespace {

struct DigestArgs {
  InputArgs in;
  size_t threads = 0;
  bool markdown = false;
  std::string method = "coverage";
  size_t max_unique = DigestOptions{}.max_unique;
};

void WriteJson(JsonWriter& w, const std::string& story, const StoryDigest& d,
               const std::vector<const Article*>& arts, size_t& next_quote) {
  auto id = [&](size_t i) -> const std::string& { return arts[i]->id; };
  w.BeginObject();
  w.Key("story");
  w.String(story);
  w.Key("headline");
  w.StringOrNull(d.headline);
  w.Key("articles");
  w.BeginArray();
  for (const Article* a : arts) w.String(a->id);
  w.EndArray();
  w.Key("outlets");
  w.BeginArray();
  for (const std::string& o : d.outlets) w.String(o);
  w.EndArray();
  w.Key("first_seen");
  w.StringOrNull(d.first_seen);
  w.Key("last_seen");
  w.StringOrNull(d.last_seen);
  w.Key("summary");
  w.BeginArray();
  for (const DigestSentence& s : d.summary) {
    w.BeginObject();
    w.Key("text");
    w.String(s.text);
    w.Key("from");
    w.BeginObject();
    w.Key("id");
    w.String(id(s.article));
    w.Key("span");
    w.SpanValue(s.span);
    w.EndObject();
    w.Key("support");
    w.BeginArray();
    for (size_t a : s.support) w.String(id(a));
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("unique");
  w.BeginArray();
  for (const DigestSentence& s : d.unique) {
    w.BeginObject();
    w.Key("id");
    w.String(id(s.article));
    w.Key("text");
    w.String(s.text);
    w.Key("span");
    w.SpanValue(s.span);
    w.Key("speaker");
    w.StringOrNull(s.speaker);
    w.EndObject();
  }
  w.EndArray();
  w.Key("people");
  w.BeginArray();
  for (const PersonCount& p : d.people) {
    w.BeginObject();
    w.Key("name");
    w.String(p.name);
    w.Key("outlets");
    w.Int(static_cast<int64_t>(p.outlets));
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  for (const DigestQuote& q : d.quotes) {
    w.BeginObject();
    w.Key("quote_id");
    w.String("q" + std::to_string(next_quote++));
    w.Key("speaker");
    w.StringOrNull(q.quote.speaker);
    w.Key("text");
    w.String(q.quote.text);
    w.Key("outlets");
    w.BeginArray();
    for (const std::string& o : q.outlets) w.String(o);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string Markdown(const std::string& story, const StoryDigest& d,
                     const std::vector<const Article*>& arts) {
  auto outlet = [&](size_t i) { return arts[i]->source.empty() ? arts[i]->id : arts[i]->source; };
  std::string s = "## " + (d.headline.empty() ? story : d.headline) + "\n\n";
  s += "*" + std::to_string(arts.size()) + (arts.size() == 1 ? " article" : " articles") +
       " from " + std::to_string(d.outlets.size()) +
       (d.outlets.size() == 1 ? " outlet" : " outlets");
  if (!d.first_seen.empty()) s += ", " + d.first_seen + " to " + d.last_seen;
  s += " (" + story + ")*\n\n";
  for (const DigestSentence& x : d.summary) {
    s += "- " + x.text + " — " + outlet(x.article);
    if (!x.support.empty())
      s += " and " + std::to_string(x.support.size()) + " more (said by " +
           std::to_string(x.support.size() + 1) + " of " + std::to_string(arts.size()) + ")";
    s += "\n";
  }
  if (!d.people.empty()) {
    s += "\n**People:** ";
    for (size_t i = 0; i < d.people.size(); ++i)
      s += (i ? ", " : "") + d.people[i].name + " (" + std::to_string(d.people[i].outlets) + ")";
    s += "\n";
  }
  if (!d.quotes.empty()) {
    s += "\n**Quotes:**\n";
    for (size_t i = 0; i < d.quotes.size() && i < 5; ++i) {
      const DigestQuote& q = d.quotes[i];
      s += "> " + q.quote.text + " — " + (q.quote.speaker.empty() ? "unknown" : q.quote.speaker) +
           " (" + std::to_string(q.outlets.size()) +
           (q.outlets.size() == 1 ? " outlet)\n" : " outlets)\n");
    }
  }
  if (!d.unique.empty()) {
    s += "\n**What each outlet adds:**\n";
    for (const DigestSentence& x : d.unique) s += "- " + outlet(x.article) + ": " + x.text + "\n";
  }
  return s;
}

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
      "  chorus digest --markdown feed.jsonl");
  args->in.Add(cmd);
  AddThreadsOption(cmd, args->threads);
  cmd->add_flag("--markdown", args->markdown, "Print a readable digest per story");
  cmd->add_option("--method", args->method,
                  "Summary method: coverage (default) or lexrank (a baseline)")
      ->check(CLI::IsMember({"coverage", "lexrank"}))
      ->capture_default_str();
  cmd->add_option("--max-unique", args->max_unique, "Unique passages kept per article")
      ->capture_default_str();
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
        out.Write(Markdown(name, d, arts) + "\n");
        continue;
      }
      w.Clear();
      WriteJson(w, name, d, arts, next_quote);
      out.Line(w.str());
    }
    out.Flush();
    return args->in.Finish(diag);
  };
}

}  // namespace chorus::cli
