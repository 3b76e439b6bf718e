// The API over a store; see store_source.h.
#include "chorus/store_source.h"

#include <simdjson.h>

#include <charconv>
#include <map>

#include "chorus/json_writer.h"
#include "chorus/reuse.h"

namespace chorus {

namespace {
// "s<n>" (built by appending: GCC 12's false -Wrestrict on "s" + string).
std::string StoryName(uint32_t n) {
  std::string s(1, 's');
  s += std::to_string(n);
  return s;
}
}  // namespace

struct StoreSource::Cache {
  int64_t articles = -1, grouped = -1;
  bool stale = false;
  std::vector<StoryRow> rows;                  // by story number
  std::vector<StoredStory> stories;            // digests, members
  std::vector<uint64_t> digest_offset;         // quote-id offset of each story's digest
  std::vector<QuoteRow> quotes;                // in story, ordinal order (global ids)
  std::vector<std::vector<size_t>> quotes_of;  // story -> indices in `quotes`
  std::vector<Article> meta;                   // per seq, text left out
  std::vector<StoryAssignment> assignments;    // per seq
  std::map<std::string, int64_t, std::less<>> seq_of;
  std::vector<std::optional<std::string>> reuse;  // per story, when computed
};

StoreSource::StoreSource(const std::string& path)
    : store_(std::make_unique<Store>(path, Store::Mode::kRead)), cache_(std::make_unique<Cache>()) {
  Refresh();
}

StoreSource::~StoreSource() = default;

void StoreSource::Refresh() {
  if (store_->articles() == cache_->articles && store_->grouped() == cache_->grouped &&
      store_->stale() == cache_->stale)
    return;
  auto c = std::make_unique<Cache>();
  store_->BeginRead();
  try {
    c->articles = store_->articles();
    c->grouped = store_->grouped();
    c->stale = store_->stale();
    store_->ForEach(
        [&](int64_t seq, Article&& a) {
          c->seq_of.emplace(a.id, seq);
          c->meta.push_back(std::move(a));
        },
        false);
    const StoryNumbers numbers(store_->StoryKeys());  // stored keys -> public numbers
    c->assignments = store_->Assignments();
    NamePublic(numbers, c->assignments);
    c->stories = store_->Stories(true);
    NamePublic(numbers, c->stories);
    std::vector<StoredQuote> quotes = store_->Quotes();
    NamePublic(numbers, quotes);
    simdjson::dom::parser parser;
    uint64_t offset = 0;
    for (const StoredStory& s : c->stories) {
      c->digest_offset.push_back(offset);
      offset += s.digest_quotes;
      StoryRow r;
      r.story = StoryName(s.story);
      r.articles = s.members.size();
      simdjson::dom::element d;
      if (!s.digest_json.empty() && parser.parse(s.digest_json).get(d) == simdjson::SUCCESS) {
        std::string_view v;
        if (d["headline"].get(v) == simdjson::SUCCESS) r.headline = v;
        if (d["first_seen"].get(v) == simdjson::SUCCESS) r.first_seen = v;
        if (d["last_seen"].get(v) == simdjson::SUCCESS) r.last_seen = v;
        simdjson::dom::array outlets;
        if (d["outlets"].get(outlets) == simdjson::SUCCESS)
          for (auto o : outlets)
            if (o.get(v) == simdjson::SUCCESS) r.outlets.emplace_back(v);
      }
      for (int64_t m : s.members)
        if (m >= 0 && static_cast<size_t>(m) < c->meta.size()) r.titles += c->meta[m].title + "\n";
      if (s.story >= c->rows.size()) c->rows.resize(s.story + 1);
      c->rows[s.story] = std::move(r);
    }
    uint64_t qid = 0;
    for (const StoredQuote& q : quotes) {
      uint64_t id = qid++;
      if (q.story >= c->quotes_of.size()) c->quotes_of.resize(q.story + 1);
      c->quotes_of[q.story].push_back(c->quotes.size());
      std::string text;
      simdjson::dom::element e;
      std::string_view v;
      if (parser.parse(q.json).get(e) == simdjson::SUCCESS && e["text"].get(v) == simdjson::SUCCESS)
        text = v;
      c->quotes.push_back({q.speaker, std::move(text), RenumberQuoteIds(q.json, id - q.ordinal)});
    }
    store_->Commit();
  } catch (...) {
    store_->Rollback();
    throw;
  }
  std::erase_if(c->rows, [](const StoryRow& r) { return r.story.empty(); });
  cache_ = std::move(c);
}

size_t StoreSource::ArticleCount() {
  Refresh();
  return static_cast<size_t>(cache_->articles);
}

const std::vector<StoryRow>& StoreSource::Stories() {
  Refresh();
  return cache_->rows;
}

const std::vector<QuoteRow>& StoreSource::Quotes() {
  Refresh();
  return cache_->quotes;
}

namespace {

void WriteArticleMeta(JsonWriter& w, const Article& a, const std::optional<std::string>& copy_of) {
  w.Key("id");
  w.String(a.id);
  w.Key("title");
  w.StringOrNull(a.title);
  w.Key("source");
  w.StringOrNull(a.source);
  w.Key("url");
  w.StringOrNull(a.url);
  w.Key("published");
  w.StringOrNull(a.published);
  w.Key("duplicate_of");
  if (copy_of)
    w.String(*copy_of);
  else
    w.Null();
}

}  // namespace

// The passages the story's articles share, aligned on demand (as `chorus
// reuse` prints them) and kept until the store changes. Stories of more than
// kMaxReuseArticles articles are not aligned (pairs grow as the square).
std::string StoreSource::ReuseJson(size_t k) {
  constexpr size_t kMaxReuseArticles = 60;
  Cache& c = *cache_;
  if (c.reuse.size() < c.stories.size()) c.reuse.resize(c.stories.size());
  if (c.reuse[k]) return *c.reuse[k];
  const StoredStory& s = c.stories[k];
  JsonWriter w;
  w.BeginArray();
  if (s.members.size() <= kMaxReuseArticles) {
    std::vector<std::string> ids;
    std::vector<WordIndex> index;
    for (int64_t m : s.members) {
      Article a = store_->Load(m);
      index.push_back(IndexWords(a.text));
      ids.push_back(std::move(a.id));
    }
    for (size_t x = 0; x < index.size(); ++x)
      for (size_t y = x + 1; y < index.size(); ++y) {
        std::vector<ReusedPassage> ps = AlignPassages(index[x], index[y]);
        if (!ps.empty()) WriteReusedPair(w, ids[x], ids[y], ps);
      }
  }
  w.EndArray();
  c.reuse[k] = w.str();
  return w.str();
}

std::optional<std::string> StoreSource::StoryJson(std::string_view story) {
  Refresh();
  const Cache& c = *cache_;
  // "s<number>", the number written as chorus writes it (no sign, no leading 0).
  uint32_t number = 0;
  if (story.size() < 2 || story[0] != 's' || (story[1] == '0' && story.size() > 2))
    return std::nullopt;
  auto [end, ec] = std::from_chars(story.data() + 1, story.data() + story.size(), number);
  if (ec != std::errc() || end != story.data() + story.size()) return std::nullopt;
  size_t k = 0;
  while (k < c.stories.size() && c.stories[k].story != number) ++k;
  if (k == c.stories.size()) return std::nullopt;
  const StoredStory& s = c.stories[k];
  JsonWriter w;
  w.BeginObject();
  w.Key("digest");
  if (s.digest_json.empty())
    w.Null();
  else
    w.Raw(RenumberQuoteIds(s.digest_json, c.digest_offset[k]));
  w.Key("articles");
  w.BeginArray();
  for (int64_t m : s.members) {
    if (m < 0 || static_cast<size_t>(m) >= c.meta.size()) continue;
    std::optional<std::string> copy_of;
    if (static_cast<size_t>(m) < c.assignments.size() && c.assignments[m].duplicate_of) {
      int64_t o = *c.assignments[m].duplicate_of;
      if (o >= 0 && static_cast<size_t>(o) < c.meta.size()) copy_of = c.meta[o].id;
    }
    w.BeginObject();
    WriteArticleMeta(w, c.meta[m], copy_of);
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotebook");
  w.BeginArray();
  if (s.story < c.quotes_of.size())
    for (size_t i : c.quotes_of[s.story]) w.Raw(c.quotes[i].json);
  w.EndArray();
  w.Key("reuse");
  w.Raw(ReuseJson(k));
  w.EndObject();
  return w.str();
}

std::optional<std::string> StoreSource::ArticleJson(std::string_view id) {
  Refresh();
  auto it = cache_->seq_of.find(id);
  if (it == cache_->seq_of.end()) return std::nullopt;
  const int64_t seq = it->second;
  Article a = store_->Load(seq);
  std::string quotes = store_->QuotesJson(seq);
  JsonWriter w;
  w.BeginObject();
  WriteArticleMeta(w, a, std::nullopt);
  w.Key("story");
  if (static_cast<size_t>(seq) < cache_->assignments.size())
    w.String(StoryName(cache_->assignments[seq].story));
  else
    w.Null();
  w.Key("text");
  w.String(a.text);
  w.Key("quotes");
  // The stored `chorus quotes` line: {"id", "quotes": [...]}; its array is the answer.
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  simdjson::dom::array arr;
  if (!quotes.empty() && parser.parse(quotes).get(e) == simdjson::SUCCESS &&
      e["quotes"].get(arr) == simdjson::SUCCESS)
    w.Raw(simdjson::minify(arr));
  else
    w.Raw("[]");
  w.EndObject();
  return w.str();
}

}  // namespace chorus
