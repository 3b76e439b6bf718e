// Reading a store from the CLI; see store_read.h.
#include "store_read.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <optional>

#include "chorus/json_writer.h"
#include "chorus/segment.h"
#include "chorus/store.h"
#include "cli_common.h"
#include "story_output.h"

namespace chorus::cli {

namespace {

// Parses "s3" or "3"; nullopt (with a message) when it is neither.
bool ParseStory(const std::string& s, std::optional<uint32_t>& out) {
  if (s.empty()) return true;
  std::string digits = s[0] == 's' ? s.substr(1) : s;
  if (digits.empty() || digits.size() > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::cerr << "chorus: --story '" << s << "': expected a story id like s3\n";
    return false;
  }
  out = static_cast<uint32_t>(std::stoul(digits));
  return true;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Warns when the derived tables lag behind the articles.
void WarnIfStale(Store& store, const StoreReadArgs& args) {
  if (args.quiet || !store.stale()) return;
  std::cerr << "chorus: " << args.db << ": warning: an ingest was interrupted; stories cover "
            << store.grouped() << " of " << store.articles()
            << " articles (run 'chorus ingest -q --db " << args.db << " - </dev/null' to finish)\n";
}

template <typename F>
int WithStore(const StoreReadArgs& args, F&& body) {
  try {
    Store store(args.db, Store::Mode::kRead);
    store.BeginRead();  // every read below sees the same commit
    WarnIfStale(store, args);
    return body(store);
  } catch (const StoreError& e) {
    std::cerr << "chorus: " << e.what() << '\n';
    return kExitUsage;
  }
}

}  // namespace

int PrintStoriesFromStore(const StoreReadArgs& args) {
  return WithStore(args, [&](Store& store) {
    std::vector<StoryAssignment> as = store.Assignments();
    NamePublic(StoryNumbers(store.StoryKeys()), as);
    std::vector<Article> arts;
    store.ForEach([&](int64_t, Article&& a) { arts.push_back(std::move(a)); }, false);
    if (arts.size() < as.size()) throw StoreError(args.db + ": damaged store: missing articles");
    Output out;
    if (!args.pretty) {
      JsonWriter w;
      for (size_t i = 0; i < as.size(); ++i) {
        w.Clear();
        w.BeginObject();
        w.Key("id");
        w.String(arts[i].id);
        w.Key("story");
        w.String("s" + std::to_string(as[i].story));
        w.Key("duplicate_of");
        if (as[i].duplicate_of && *as[i].duplicate_of < static_cast<int64_t>(arts.size()))
          w.String(arts[*as[i].duplicate_of].id);
        else
          w.Null();
        w.EndObject();
        out.Line(w.str());
      }
      return kExitOk;
    }
    std::map<uint32_t, std::vector<size_t>> by_story;
    for (size_t i = 0; i < as.size(); ++i) by_story[as[i].story].push_back(i);
    for (const auto& [story, ms] : by_story) {
      std::string s = "== s" + std::to_string(story) + "  (" + std::to_string(ms.size()) +
                      (ms.size() == 1 ? " article)\n" : " articles)\n");
      for (size_t i : ms) {
        const Article* m = &arts[i];
        s += "   " + (m->published.empty() ? std::string(10, ' ') : m->published.substr(0, 10));
        s += "  " + (m->source.empty() ? std::string("-") : m->source) + "  ";
        s += m->title.empty() ? m->id : m->title;
        if (as[i].duplicate_of && *as[i].duplicate_of < static_cast<int64_t>(arts.size()))
          s += "  [copy of " + arts[*as[i].duplicate_of].id + "]";
        s += "\n";
      }
      out.Line(s);
    }
    return kExitOk;
  });
}

int PrintDigestsFromStore(const StoreReadArgs& args) {
  std::optional<uint32_t> only;
  if (!ParseStory(args.story, only)) return kExitUsage;
  return WithStore(args, [&](Store& store) {
    Output out;
    uint64_t offset = 0;  // quote ids run across stories, as in `chorus digest`
    std::vector<StoredStory> stories = store.Stories(true);
    NamePublic(StoryNumbers(store.StoryKeys()), stories);
    for (const StoredStory& s : stories) {
      if (!only || *only == s.story) {
        if (args.pretty)
          out.Write(s.digest_markdown + "\n");
        else
          out.Line(RenumberQuoteIds(s.digest_json, offset));
      }
      offset += s.digest_quotes;
    }
    return kExitOk;
  });
}

int PrintQuotebookFromStore(const StoreReadArgs& args) {
  std::optional<uint32_t> only;
  if (!ParseStory(args.story, only)) return kExitUsage;
  std::string who = Lower(args.speaker);
  return WithStore(args, [&](Store& store) {
    Output out;
    uint64_t id = 0;  // quote ids run across stories, as in `chorus quotebook`
    std::vector<StoredQuote> quotes = store.Quotes();
    NamePublic(StoryNumbers(store.StoryKeys()), quotes);
    for (const StoredQuote& q : quotes) {
      uint64_t qid = id++;
      if (only && *only != q.story) continue;
      if (!who.empty() && Lower(q.speaker).find(who) == std::string::npos) continue;
      if (args.pretty)
        out.Line(q.pretty);
      else
        out.Line(RenumberQuoteIds(q.json, qid - q.ordinal));
    }
    return kExitOk;
  });
}

int ExportStore(const StoreReadArgs& args) {
  return WithStore(args, [&](Store& store) {
    Output out;
    JsonWriter w;
    Segmentation seg;
    store.ForEach([&](int64_t, Article&& a) {
      Segment(a.text, seg);
      WriteArticleJson(a, seg, false, w);
      out.Line(w.str());
    });
    return kExitOk;
  });
}

}  // namespace chorus::cli
