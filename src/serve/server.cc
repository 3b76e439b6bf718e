// The HTTP server: cpp-httplib in front of HandleRequest; see chorus/serve.h.
#include <httplib.h>

#include <atomic>
#include <csignal>
#include <mutex>

#include "chorus/serve.h"
#include "serve/routes.h"

namespace chorus {

namespace {

// For the signal handler, which may run on any thread while Serve's thread
// sets and clears it: a lock-free atomic, the one kind of object (with
// volatile sig_atomic_t) a handler may read. Found by ThreadSanitizer.
std::atomic<httplib::Server*> g_server{nullptr};
static_assert(std::atomic<httplib::Server*>::is_always_lock_free);

void StopOnSignal(int) {
  // stop() shuts and closes the listening socket: async-signal-safe calls.
  if (httplib::Server* server = g_server.load()) server->stop();
}

}  // namespace

namespace serve {

void ConfigureServer(httplib::Server& server, ApiSource& source, std::mutex& mu,
                     const ServeOptions& options) {
  server.set_payload_max_length(options.max_request_bytes);
  server.set_read_timeout(options.timeout_seconds, 0);
  server.set_write_timeout(options.timeout_seconds, 0);
  server.set_keep_alive_max_count(100);
  server.set_tcp_nodelay(true);  // else small replies wait for delayed ACKs (40 ms)
  // Default headers go on every reply httplib writes, its own errors included.
  httplib::Headers headers(SecurityHeaders().begin(), SecurityHeaders().end());
  server.set_default_headers(std::move(headers));
  // Replies are small and sent whole: Range headers are ignored. (cpp-httplib
  // 0.11 would cut the body to the range yet keep the status the handler set:
  // a "200 OK" carrying a fragment of JSON. The request object is not const
  // in httplib; only this callback's view of it is.)
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    const_cast<httplib::Request&>(req).ranges.clear();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto answer = [&source, &mu](const httplib::Request& req, httplib::Response& res) {
    QueryParams params(req.params.begin(), req.params.end());
    HttpReply r;
    {
      std::lock_guard lock(mu);
      r = HandleRequest(source, req.path, params);
    }
    res.status = r.status;
    res.set_header("Cache-Control", r.cache_control);
    res.set_content(std::move(r.body), r.content_type.c_str());
  };
  server.Get(R"(/.*)", answer);
  // Anything but GET/HEAD: 405.
  auto refuse = [](const httplib::Request&, httplib::Response& res) {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_header("Cache-Control", "no-store");
    res.set_content("{\"error\":\"only GET\"}", "application/json; charset=utf-8");
  };
  server.Post(R"(/.*)", refuse);
  server.Put(R"(/.*)", refuse);
  server.Delete(R"(/.*)", refuse);
  server.Options(R"(/.*)", refuse);
  server.Patch(R"(/.*)", refuse);
}

}  // namespace serve

bool Serve(ApiSource& source, const ServeOptions& options, std::string& error) {
  httplib::Server server;
  std::mutex mu;  // one request at a time inside the source
  serve::ConfigureServer(server, source, mu, options);
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) {
      error = "cannot listen on " + options.host;
      return false;
    }
  } else if (!server.bind_to_port(options.host, port)) {
    error = "cannot listen on " + options.host + ":" + std::to_string(port);
    return false;
  }
  g_server.store(&server);
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  if (options.on_ready) options.on_ready(port);
  bool ok = server.listen_after_bind();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  g_server.store(nullptr);
  if (!ok) error = "the server stopped with an error";
  return ok;
}

}  // namespace chorus
