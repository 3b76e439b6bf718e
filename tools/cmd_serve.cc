// `chorus serve --db news.db` — the HTTP API (docs/API.md) and the web page.
#include <iostream>
#include <memory>

#include "chorus/serve.h"
#include "chorus/store.h"
#include "chorus/store_source.h"
#include "cli_common.h"
#include "commands.h"

namespace chorus::cli {

namespace {
struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  bool quiet = false;
};
}  // namespace

Runner AddServeCommand(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve a store's stories: JSON API and web page");
  cmd->footer(
      "Serves the web page at / and the JSON API under /api/ (docs/API.md):\n"
      "  /api/stories?limit=&offset=&q=&since=   /api/stories/{id}\n"
      "  /api/quotes?speaker=&q=                 /api/articles/{id}   /api/health\n"
      "Listens on loopback unless --host says otherwise. Reads while `chorus ingest`\n"
      "writes to the same store; new stories appear on the next request.\n"
      "Stop with Ctrl-C.\n\n"
      "Example:\n"
      "  chorus ingest --db news.db feed.jsonl && chorus serve --db news.db --port 8080");
  cmd->add_option("--db", args->db, "The store file (made by chorus ingest)")->required();
  cmd->add_option("--host", args->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "Port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "Do not print the address when ready");
  return [args]() {
    try {
      StoreSource source(args->db);
      ServeOptions opts;
      opts.host = args->host;
      opts.port = args->port;
      opts.on_ready = [&](int port) {
        if (!args->quiet)
          std::cerr << "chorus: serving " << args->db << " at http://" << args->host << ":" << port
                    << "/\n";
      };
      std::string error;
      if (!Serve(source, opts, error)) {
        std::cerr << "chorus: " << error << '\n';
        return kExitUsage;
      }
      return kExitOk;
    } catch (const StoreError& e) {
      std::cerr << "chorus: " << e.what() << '\n';
      return kExitUsage;
    }
  };
}

}  // namespace chorus::cli
