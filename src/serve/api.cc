// The HTTP API's answers (docs/API.md) and the web assets; see chorus/serve.h.
#include <algorithm>
#include <charconv>
#include <string>

#include "chorus/json_writer.h"
#include "chorus/normalize.h"
#include "chorus/serve.h"
#include "serve/assets.h"

namespace chorus {

namespace {

constexpr size_t kMaxLimit = 200;

struct BadRequest {
  std::string message;
};

HttpReply Json(int status, std::string body) {
  return {status, std::move(body), "application/json; charset=utf-8", "no-store"};
}

HttpReply Error(int status, std::string_view message) {
  JsonWriter w;
  w.BeginObject();
  w.Key("error");
  w.String(message);
  w.EndObject();
  return Json(status, w.str());
}

// The last value of `name`, or `fallback`.
std::string Param(const QueryParams& params, const std::string& name, std::string fallback = "") {
  auto [lo, hi] = params.equal_range(name);
  if (lo == hi) return fallback;
  return std::prev(hi)->second;
}

size_t Number(const QueryParams& params, const std::string& name, size_t fallback, size_t lo,
              size_t hi) {
  std::string v = Param(params, name);
  if (v.empty()) return fallback;
  size_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || v.size() > 9)
    throw BadRequest{name + " must be a non-negative integer"};
  if (n < lo || n > hi)
    throw BadRequest{name + " must be between " + std::to_string(lo) + " and " +
                     std::to_string(hi)};
  return n;
}

bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// Case- and mark-insensitive containment (both sides normalised: NFKC, case
// folded, quotes unified).
bool Contains(std::string_view haystack, const std::string& folded_needle) {
  return folded_needle.empty() || Normalize(haystack).find(folded_needle) != std::string::npos;
}

HttpReply StoriesList(ApiSource& source, const QueryParams& params) {
  const size_t limit = Number(params, "limit", 50, 1, kMaxLimit);
  const size_t offset = Number(params, "offset", 0, 0, 999999999);
  const std::string q = Normalize(Param(params, "q"));
  const std::string since = Param(params, "since");
  if (!since.empty() && !IsDate(since)) throw BadRequest{"since must be YYYY-MM-DD"};
  std::vector<const StoryRow*> rows;
  for (const StoryRow& r : source.Stories()) {
    if (!since.empty() && (r.last_seen.empty() || r.last_seen.substr(0, 10) < since)) continue;
    if (!q.empty() && !Contains(r.headline + "\n" + r.titles, q)) continue;
    rows.push_back(&r);
  }
  // Newest first: by last, then first date; undated last; ties in creation order.
  std::stable_sort(rows.begin(), rows.end(), [](const StoryRow* a, const StoryRow* b) {
    if (a->last_seen.empty() != b->last_seen.empty()) return b->last_seen.empty();
    if (a->last_seen != b->last_seen) return a->last_seen > b->last_seen;
    return a->first_seen > b->first_seen;
  });
  JsonWriter w;
  w.BeginObject();
  w.Key("total");
  w.Int(static_cast<int64_t>(rows.size()));
  w.Key("stories");
  w.BeginArray();
  for (size_t i = offset; i < rows.size() && i < offset + limit; ++i) {
    const StoryRow& r = *rows[i];
    w.BeginObject();
    w.Key("story");
    w.String(r.story);
    w.Key("headline");
    w.String(r.headline);
    w.Key("outlets");
    w.BeginArray();
    for (const std::string& o : r.outlets) w.String(o);
    w.EndArray();
    w.Key("first_seen");
    w.StringOrNull(r.first_seen);
    w.Key("last_seen");
    w.StringOrNull(r.last_seen);
    w.Key("articles");
    w.Int(static_cast<int64_t>(r.articles));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(200, w.str());
}

HttpReply QuotesList(ApiSource& source, const QueryParams& params) {
  const size_t limit = Number(params, "limit", 50, 1, kMaxLimit);
  const size_t offset = Number(params, "offset", 0, 0, 999999999);
  const std::string speaker = Normalize(Param(params, "speaker"));
  const std::string q = Normalize(Param(params, "q"));
  size_t total = 0;
  JsonWriter w;
  w.BeginObject();
  w.Key("quotes");
  w.BeginArray();
  for (const QuoteRow& r : source.Quotes()) {
    if (!speaker.empty() && Normalize(r.speaker) != speaker) continue;
    if (!Contains(r.text, q)) continue;
    if (total >= offset && total < offset + limit) w.Raw(r.json);
    ++total;
  }
  w.EndArray();
  w.Key("total");
  w.Int(static_cast<int64_t>(total));
  w.EndObject();
  return Json(200, w.str());
}

HttpReply Api(ApiSource& source, std::string_view path, const QueryParams& params) {
  constexpr std::string_view kStory = "/api/stories/", kArticle = "/api/articles/";
  if (path == "/api/health") {
    JsonWriter w;
    w.BeginObject();
    w.Key("ok");
    w.Bool(true);
    w.Key("articles");
    w.Int(static_cast<int64_t>(source.ArticleCount()));
    w.Key("stories");
    w.Int(static_cast<int64_t>(source.Stories().size()));
    w.EndObject();
    return Json(200, w.str());
  }
  if (path == "/api/stories") return StoriesList(source, params);
  if (path == "/api/quotes") return QuotesList(source, params);
  if (path.starts_with(kStory) && path.size() > kStory.size()) {
    std::optional<std::string> s = source.StoryJson(path.substr(kStory.size()));
    return s ? Json(200, std::move(*s)) : Error(404, "no such story");
  }
  if (path.starts_with(kArticle) && path.size() > kArticle.size()) {
    std::optional<std::string> a = source.ArticleJson(path.substr(kArticle.size()));
    return a ? Json(200, std::move(*a)) : Error(404, "no such article");
  }
  return Error(404, "no such endpoint");
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& SecurityHeaders() {
  static const std::vector<std::pair<std::string, std::string>> kHeaders = {
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"}};
  return kHeaders;
}

HttpReply HandleRequest(ApiSource& source, std::string_view path, const QueryParams& params) {
  if (path.starts_with("/api/")) {
    try {
      return Api(source, path, params);
    } catch (const BadRequest& e) {
      return Error(400, e.message);
    }
  }
  if (path == "/") path = "/index.html";
  for (size_t i = 0; i < serve::kAssetCount; ++i)
    if (serve::kAssets[i].path == path)
      return {200, std::string(serve::kAssets[i].data), std::string(serve::kAssets[i].content_type),
              "no-cache"};
  return {404, "not found\n", "text/plain; charset=utf-8", "no-store"};
}

}  // namespace chorus
