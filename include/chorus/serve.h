// chorus/serve.h — the HTTP API and the web page (docs/API.md).
//
// HandleRequest answers one GET: `/api/...` from an ApiSource (JSON; 400 for
// a bad parameter, 404 for an unknown id or path), anything else from the web
// assets compiled into the binary (a fixed table: no file is ever read from
// disk, so no path can reach outside it). It is a pure function of the source,
// testable without sockets. Serve runs it behind cpp-httplib on a loopback
// address by default, with bounded request size and timeouts, and serialises
// calls into the source (an ApiSource need not be thread-safe).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// One story as the list shows it.
struct StoryRow {
  std::string story;     // "s0"
  std::string headline;  //
  std::vector<std::string> outlets;
  std::string first_seen, last_seen;  // YYYY-MM-DD..., empty when unknown
  size_t articles = 0;
  std::string titles;  // the articles' titles, for q= (joined by newlines)
};

// One canonical quote, with its `chorus quotebook` line.
struct QuoteRow {
  std::string speaker;  // empty when unknown
  std::string text;
  std::string json;
};

// What the API serves. Methods return JSON texts (objects).
class ApiSource {
 public:
  virtual ~ApiSource() = default;
  virtual size_t ArticleCount() = 0;
  // The lists below stay valid until the next call into the source.
  virtual const std::vector<StoryRow>& Stories() = 0;  // in creation order
  // {"digest", "articles", "quotebook", "reuse"}; nullopt for an unknown story.
  virtual std::optional<std::string> StoryJson(std::string_view story) = 0;
  virtual const std::vector<QuoteRow>& Quotes() = 0;
  // {"id", "title", "source", "url", "published", "story", "text", "quotes"}.
  virtual std::optional<std::string> ArticleJson(std::string_view id) = 0;
};

struct HttpReply {
  int status = 200;
  std::string body;
  std::string content_type;
  std::string cache_control;
};

using QueryParams = std::multimap<std::string, std::string>;  // decoded; last value wins

// Answers GET `path` (decoded, without the query) with `params`.
HttpReply HandleRequest(ApiSource& source, std::string_view path, const QueryParams& params);

// Headers every reply carries (Content-Security-Policy and the like).
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders();

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port
  size_t max_request_bytes = 64 * 1024;  // request line, headers and body
  int timeout_seconds = 10;              // read and write
  std::function<void(int port)> on_ready;
};

// Serves until SIGINT/SIGTERM (or an error: returns false with `error` set).
bool Serve(ApiSource& source, const ServeOptions& options, std::string& error);

}  // namespace chorus
