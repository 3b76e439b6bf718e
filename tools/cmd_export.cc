// `chorus export --db news.db` — every article of a store, in arrival order,
// as `chorus read` prints it (JSONL that `chorus ingest` reads back).
#include <memory>

#include "commands.h"
#include "store_read.h"

namespace chorus::cli {

Runner AddExportCommand(CLI::App& app) {
  auto args = std::make_shared<StoreReadArgs>();
  CLI::App* cmd = app.add_subcommand("export", "Print every article of a store, as JSONL");
  cmd->footer(
      "Output: one JSON object per article, in the order they were ingested, as\n"
      "`chorus read` prints it: {\"id\", \"source\", \"url\", \"title\", \"published\",\n"
      "\"text\", \"paragraphs\", \"sentences\"}.\n\n"
      "Example:\n"
      "  chorus export --db news.db | jq -r .title");
  cmd->add_option("--db", args->db, "The store file")->required();
  cmd->add_flag("-q,--quiet", args->quiet, "No warnings on standard error");
  return [args]() { return ExportStore(*args); };
}

}  // namespace chorus::cli
