// libFuzzer target: the HTTP server's request handling, in process, over a
// small store built once at startup (the examples plus a few handmade
// articles with awkward ids). Each input is one request, driven two ways:
//   - through cpp-httplib's own request parser and the routes `chorus serve`
//     installs (serve::ConfigureServer), the bytes read from and the reply
//     written to memory instead of a socket;
//   - straight into HandleRequest, the target decoded as httplib decodes it.
// Input layout: byte 0 picks the method (or, with its top bit set, the rest is
// a raw request handed to the parser as is); then the target (path and query,
// any bytes, percent-encoding allowed) up to the first '\n'; then header lines
// up to an empty line; the rest is the body.
// Properties: no crash; the status is one the server documents; every reply
// carries the security headers; JSON replies parse (simdjson); outside /api/
// a 200 is exactly one of the compiled-in assets (no traversal); HEAD has no body.
#include <httplib.h>
#include <simdjson.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>

#include "chorus/serve.h"
#include "chorus/store_source.h"
#include "fuzz_util.h"
#include "serve/assets.h"
#include "serve/routes.h"
#include "store_ingest.h"

namespace {

// A few articles whose ids need percent-encoding, with markup in titles.
constexpr const char* kHandmade =
    R"({"id":"feeds/a b?c=d&e#f%2F.txt","source":"Wire <b>","url":"https://x.example/a?b=c","title":"</script><img src=x onerror=alert(1)>","published":"2026-03-15","text":"\"We will rebuild,\" the mayor said on Sunday. Officials said the bridge was safe.\n\nThe mayor added: \"Nothing is broken.\""}
{"id":"ünï/cödé ✓","source":"Zeitung","url":"","title":"Brücke wieder offen","published":"","text":"„Die Brücke ist sicher“, sagte die Bürgermeisterin. “It is safe,” she said."}
{"id":"dup","source":"Copy","url":"","title":"Barge-damaged bridge reopens","published":"2026-03-16","text":"\"We will rebuild,\" the mayor said on Sunday. Officials said the bridge was safe.\n\nThe mayor added: \"Nothing is broken.\""}
)";

// Exposes httplib's request processing (protected) on an in-memory stream.
class Driver : public httplib::Server {
 public:
  using httplib::Server::process_request;
};

// A Stream reading the request from one string and writing the reply to another.
class MemStream : public httplib::Stream {
 public:
  explicit MemStream(std::string in) : in_(std::move(in)) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  const std::string& out() const { return out_; }

 private:
  std::string in_, out_;
  size_t pos_ = 0;
};

struct World {
  std::string dir, db;
  std::unique_ptr<chorus::StoreSource> source;
  Driver server;
  std::mutex mu;
  std::set<std::string_view> assets;
};

World* g_world = nullptr;

void RemoveWorld() {
  if (!g_world) return;
  for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((g_world->db + suffix).c_str());
  ::rmdir(g_world->dir.c_str());
}

bool IsAsset(std::string_view body) {
  for (size_t i = 0; i < chorus::serve::kAssetCount; ++i)
    if (chorus::serve::kAssets[i].data == body) return true;
  return false;
}

void CheckJson(const std::string& body) {
  static simdjson::dom::parser parser;
  simdjson::dom::element e;
  FUZZ_CHECK(parser.parse(body).get(e) == simdjson::SUCCESS);
}

// The direct call: HandleRequest answers only GET-like requests.
void CheckReply(std::string_view path, const chorus::HttpReply& r) {
  FUZZ_CHECK(r.status == 200 || r.status == 400 || r.status == 404);
  if (path.starts_with("/api/")) {
    FUZZ_CHECK(r.content_type == "application/json; charset=utf-8");
    FUZZ_CHECK(r.cache_control == "no-store");
    CheckJson(r.body);
    if (r.status == 200) FUZZ_CHECK(r.body.front() == '{');
  } else if (r.status == 200) {
    FUZZ_CHECK(path == "/" || g_world->assets.count(path));
    FUZZ_CHECK(IsAsset(r.body));
  }
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Parses what the server wrote and checks it.
void CheckWire(const std::string& method, const std::string& out) {
  if (out.empty()) return;  // httplib closed without answering (e.g. nothing to read)
  std::string_view rest = out;
  // Skip interim "100 Continue" replies.
  while (rest.starts_with("HTTP/1.1 100 ")) {
    size_t e = rest.find("\r\n\r\n");
    FUZZ_CHECK(e != std::string_view::npos);
    rest.remove_prefix(e + 4);
  }
  FUZZ_CHECK(rest.starts_with("HTTP/1.1 ") && rest.size() >= 12);
  int status = std::atoi(std::string(rest.substr(9, 3)).c_str());
  static const std::set<int> kDocumented = {200, 400, 404, 405, 413, 414, 416};
  if (!kDocumented.count(status)) std::fprintf(stderr, "status %d\n", status);
  FUZZ_CHECK(kDocumented.count(status));
  size_t head_end = rest.find("\r\n\r\n");
  FUZZ_CHECK(head_end != std::string_view::npos);
  std::string head(rest.substr(0, head_end + 2));
  std::string body(rest.substr(head_end + 4));
  std::map<std::string, std::string> headers;
  std::istringstream lines(head);
  std::string line;
  std::getline(lines, line);  // status line
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    headers[Lower(line.substr(0, colon))] = value;
  }
  for (const auto& [k, v] : chorus::SecurityHeaders()) {
    auto it = headers.find(Lower(k));
    FUZZ_CHECK(it != headers.end() && it->second == v);
  }
  if (method == "HEAD") {
    FUZZ_CHECK(body.empty());
    return;
  }
  auto len = headers.find("content-length");
  if (len != headers.end()) FUZZ_CHECK(std::to_string(body.size()) == len->second);
  if (headers.count("content-encoding")) return;  // gzip or brotli: not checked further
  auto type = headers.find("content-type");
  bool json = type != headers.end() && type->second.starts_with("application/json");
  if (status == 200 && json) CheckJson(body);
  if (status == 200 && !json) FUZZ_CHECK(IsAsset(body));
}

constexpr const char* kMethods[] = {"GET",     "HEAD",  "POST", "PUT", "DELETE",
                                    "OPTIONS", "PATCH", "get",  "",    "CONNECT"};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_world = new World;
  char tmpl[] = "/tmp/chorus-fuzz-http-XXXXXX";
  if (!mkdtemp(tmpl)) std::abort();
  g_world->dir = tmpl;
  g_world->db = g_world->dir + "/store.db";
  std::atexit(RemoveWorld);
  std::string jsonl = g_world->dir + "/articles.jsonl";
  {
    std::ofstream out(jsonl);
    std::ifstream example(CHORUS_FUZZ_EXAMPLES);
    out << example.rdbuf() << kHandmade;
  }
  {
    chorus::Store store(g_world->db, chorus::Store::Mode::kWrite);
    chorus::ReadOptions read;
    chorus::Diagnostics diag(nullptr);
    chorus::cli::IngestStats stats;
    chorus::cli::Progress progress(false);
    chorus::cli::IngestInputs(store, {jsonl}, read, diag, 100, stats, progress);
    chorus::cli::Regroup(store, chorus::cli::PipelineOptions{}, stats, progress);
    if (stats.added < 5) {
      std::fprintf(stderr, "fuzz_http: only %zu articles in the store\n", stats.added);
      std::abort();
    }
  }
  ::unlink(jsonl.c_str());
  g_world->source = std::make_unique<chorus::StoreSource>(g_world->db);
  chorus::serve::ConfigureServer(g_world->server, *g_world->source, g_world->mu,
                                 chorus::ServeOptions{});
  for (size_t i = 0; i < chorus::serve::kAssetCount; ++i)
    g_world->assets.insert(chorus::serve::kAssets[i].path);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string request, method, target;
  if (data[0] & 0x80) {
    request = in;
    method = std::string(in.substr(0, in.find(' ')));
  } else {
    method = kMethods[data[0] % std::size(kMethods)];
    size_t nl = in.find('\n');
    target = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    request = method + " " + target + " HTTP/1.1\r\n";
    bool has_length = false;
    while (!in.empty()) {
      nl = in.find('\n');
      std::string_view h = in.substr(0, nl);
      in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
      if (h.empty()) break;
      has_length |= Lower(std::string(h)).starts_with("content-length:");
      request.append(h).append("\r\n");
    }
    if (!in.empty() && !has_length)
      request.append("Content-Length: ").append(std::to_string(in.size())).append("\r\n");
    request.append("\r\n").append(in);

    // The direct call, the target decoded as httplib does.
    if (method == "GET" && !target.empty()) {
      size_t q = target.find('?');
      std::string path = httplib::detail::decode_url(target.substr(0, q), false);
      chorus::QueryParams params;
      if (q != std::string::npos) httplib::detail::parse_query_text(target.substr(q + 1), params);
      chorus::HttpReply r = chorus::HandleRequest(*g_world->source, path, params);
      CheckReply(path, r);
    }
  }

  if (std::getenv("FUZZ_DUMP")) std::fprintf(stderr, "--- request\n%s\n", request.c_str());
  MemStream stream(std::move(request));
  bool closed = false;
  g_world->server.process_request(stream, /*close_connection=*/true, closed,
                                  [](httplib::Request&) {});
  if (std::getenv("FUZZ_DUMP")) std::fprintf(stderr, "--- reply\n%s\n", stream.out().c_str());
  CheckWire(method, stream.out());
  return 0;
}
