// The HTTP layer: the API's answers, its 400s and 404s, the compiled-in web
// assets (and nothing else), JSON escaping, and the server over a socket.
#include "chorus/serve.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <simdjson.h>

#include <csignal>
#include <future>
#include <thread>

#include "chorus/json_writer.h"

namespace chorus {
namespace {

class FakeSource : public ApiSource {
 public:
  size_t ArticleCount() override { return 3; }
  const std::vector<StoryRow>& Stories() override { return stories_; }
  const std::vector<QuoteRow>& Quotes() override { return quotes_; }
  std::vector<StoryRow> stories_ = {
      {"s0", "Old story", {"A"}, "2020-01-01", "2020-01-02", 1, "an old title"},
      {"s1", "Undated </script><b>x</b> \"q\"", {"B"}, "", "", 1, ""},
      {"s2", "Chrissy Teigen essay", {"A", "B"}, "2020-10-27", "2020-10-28", 2, "Teigen"}};
  std::vector<QuoteRow> quotes_ = {
      {"Chrissy Teigen", "I cannot express how little I care", "{\"quote_id\":\"q0\"}"},
      {"", "Unknown words", "{\"quote_id\":\"q1\"}"}};
  std::optional<std::string> StoryJson(std::string_view id) override {
    if (id == "s2") return std::string("{\"digest\":{}}");
    return std::nullopt;
  }
  std::optional<std::string> ArticleJson(std::string_view id) override {
    if (id == "feeds/a.txt") return std::string("{\"id\":\"feeds/a.txt\"}");
    return std::nullopt;
  }
};

simdjson::dom::element Parse(simdjson::dom::parser& p, const std::string& s) {
  return p.parse(s);  // throws on invalid JSON
}

HttpReply Get(const std::string& path, QueryParams params = {}) {
  FakeSource src;
  return HandleRequest(src, path, params);
}

TEST(Serve, StoriesNewestFirstUndatedLastWithPaging) {
  HttpReply r = Get("/api/stories");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(r.cache_control, "no-store");
  simdjson::dom::parser p;
  auto doc = Parse(p, r.body);
  EXPECT_EQ(int64_t(doc["total"]), 3);
  simdjson::dom::array stories = doc["stories"];
  std::vector<std::string> ids;
  for (auto s : stories) ids.emplace_back(std::string_view(s["story"]));
  EXPECT_EQ(ids, (std::vector<std::string>{"s2", "s0", "s1"}));
  // Text survives JSON escaping exactly.
  EXPECT_EQ(std::string_view(stories.at(2)["headline"]), "Undated </script><b>x</b> \"q\"");
  EXPECT_TRUE(stories.at(2)["first_seen"].is_null());

  r = Get("/api/stories", {{"limit", "1"}, {"offset", "1"}});
  auto page = Parse(p, r.body);
  EXPECT_EQ(int64_t(page["total"]), 3);
  simdjson::dom::array one = page["stories"];
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(std::string_view(one.at(0)["story"]), "s0");
}

TEST(Serve, StoriesFilterByTextAndDate) {
  simdjson::dom::parser p;
  auto q = Parse(p, Get("/api/stories", {{"q", "TEIGEN"}}).body);
  EXPECT_EQ(int64_t(q["total"]), 1);
  auto title = Parse(p, Get("/api/stories", {{"q", "old title"}}).body);
  EXPECT_EQ(int64_t(title["total"]), 1);
  auto since = Parse(p, Get("/api/stories", {{"since", "2020-06-01"}}).body);
  EXPECT_EQ(int64_t(since["total"]), 1);  // undated stories are dropped too
}

TEST(Serve, BadParametersAre400WithAMessage) {
  for (const auto& [k, v] :
       std::vector<std::pair<std::string, std::string>>{{"limit", "0"},
                                                        {"limit", "201"},
                                                        {"limit", "ten"},
                                                        {"offset", "-1"},
                                                        {"since", "yesterday"},
                                                        {"limit", "99999999999999999999"}}) {
    HttpReply r = Get("/api/stories", {{k, v}});
    EXPECT_EQ(r.status, 400) << k << "=" << v;
    simdjson::dom::parser p;
    EXPECT_FALSE(std::string_view(Parse(p, r.body)["error"]).empty());
  }
  EXPECT_EQ(Get("/api/quotes", {{"limit", "x"}}).status, 400);
}

TEST(Serve, UnknownIdsAndPathsAre404) {
  EXPECT_EQ(Get("/api/stories/s9").status, 404);
  EXPECT_EQ(Get("/api/articles/nope").status, 404);
  EXPECT_EQ(Get("/api/nothing").status, 404);
  EXPECT_EQ(Get("/api/stories/s2").status, 200);
  EXPECT_EQ(Get("/api/articles/feeds/a.txt").status, 200);  // ids may hold '/'
}

TEST(Serve, QuotesBySpeakerIgnoringCase) {
  simdjson::dom::parser p;
  auto r = Parse(p, Get("/api/quotes", {{"speaker", "chrissy teigen"}}).body);
  EXPECT_EQ(int64_t(r["total"]), 1);
  simdjson::dom::array qs = r["quotes"];
  EXPECT_EQ(std::string_view(qs.at(0)["quote_id"]), "q0");
  auto text = Parse(p, Get("/api/quotes", {{"q", "unknown"}}).body);
  EXPECT_EQ(int64_t(text["total"]), 1);
}

TEST(Serve, OnlyTheCompiledInAssetsAreServed) {
  HttpReply index = Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("<html"), std::string::npos);
  EXPECT_EQ(Get("/app.js").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Get("/style.css").status, 200);
  for (const char* path : {"/../CMakeLists.txt", "/web/index.html", "/dev/serve_fixtures.py",
                           "/..%2fREADME.md", "/etc/passwd", "//index.html", "/index.html/"})
    EXPECT_EQ(Get(path).status, 404) << path;
}

TEST(Serve, HealthCounts) {
  simdjson::dom::parser p;
  auto h = Parse(p, Get("/api/health").body);
  EXPECT_TRUE(bool(h["ok"]));
  EXPECT_EQ(int64_t(h["articles"]), 3);
  EXPECT_EQ(int64_t(h["stories"]), 3);
}

TEST(Serve, ServesOverLoopbackWithSecurityHeaders) {
  FakeSource src;
  ServeOptions opts;
  opts.port = 0;
  std::promise<int> ready;
  opts.on_ready = [&](int port) { ready.set_value(port); };
  std::string error;
  std::thread server([&] { Serve(src, opts, error); });
  int port = ready.get_future().get();
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/api/stories/s2");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  auto traversal = client.Get("/%2e%2e/%2e%2e/etc/passwd");
  ASSERT_TRUE(traversal);
  EXPECT_EQ(traversal->status, 404);
  auto post = client.Post("/api/stories", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  std::string big(200 * 1024, 'x');
  auto huge = client.Post("/api/stories", big, "text/plain");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
  // Every reply carries the security headers: httplib's own errors and the 405s too.
  auto options = client.Options("/api/stories");
  ASSERT_TRUE(options);
  EXPECT_EQ(options->status, 405);
  for (const auto* r : {&post.value(), &huge.value(), &options.value(), &traversal.value()})
    for (const auto& [k, v] : SecurityHeaders())
      EXPECT_EQ(r->get_header_value(k), v) << k << " missing on a " << r->status;
  // Found by fuzz_http: a Range header made httplib send a fragment of the
  // JSON under "200 OK". Ranges are ignored: the whole reply, no Content-Range.
  for (const char* path : {"/api/health", "/api/stories/nope", "/app.js"}) {
    auto ranged = client.Get(path, {{"Range", "bytes=5-"}});
    ASSERT_TRUE(ranged) << path;
    auto whole = client.Get(path);
    ASSERT_TRUE(whole) << path;
    EXPECT_EQ(ranged->status, whole->status) << path;
    EXPECT_EQ(ranged->body, whole->body) << path;
    EXPECT_FALSE(ranged->has_header("Content-Range")) << path;
  }
  simdjson::dom::parser p;
  EXPECT_NO_THROW(Parse(p, client.Get("/api/health", {{"Range", "bytes=0-3,8-9"}})->body));
  std::raise(SIGINT);  // Serve's handler stops the server
  server.join();
  EXPECT_TRUE(error.empty()) << error;
}

}  // namespace
}  // namespace chorus
