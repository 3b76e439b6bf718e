// `chorus ingest --db news.db FILES...` — add articles to a store: each new
// article joins or starts a story as `chorus stories` would decide, and the
// quotebook and digest of the stories that changed are brought up to date.
#include <csignal>
#include <iostream>
#include <memory>

#include "cli_common.h"
#include "commands.h"
#include "store_ingest.h"

namespace chorus::cli {

namespace {
struct IngestArgs {
  InputArgs in;
  std::string db;
  size_t batch = 500;
  bool replay = false;
};
}  // namespace

Runner AddIngestCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Add articles to a store and update its stories");
  cmd->footer(
      "The store (an SQLite file) is created when missing. Articles already in it\n"
      "with the same content are left alone; an id seen again with new content\n"
      "replaces that article in place (same position in the stream). Articles are\n"
      "committed every --batch articles: an interrupted ingest keeps what it\n"
      "committed, and the next ingest continues (re-run the same command).\n"
      "Ctrl-C (SIGINT) or SIGTERM stops it at the next article: the articles read\n"
      "so far are committed, the count printed, and it exits with 130 (143 for\n"
      "SIGTERM); the next ingest brings the stories up to date.\n"
      "A progress line is shown on a terminal (not with --quiet).\n\n"
      "Examples:\n"
      "  chorus ingest --db news.db feed.jsonl\n"
      "  zcat feed.jsonl.gz | chorus ingest --db news.db -\n"
      "  chorus stories --db news.db");
  args->in.Add(cmd);
  cmd->add_option("--db", args->db, "The store file")->required();
  cmd->add_option("--batch", args->batch, "Articles per transaction")
      ->check(CLI::Range(size_t{1}, size_t{1} << 24))
      ->capture_default_str();
  cmd->add_flag("--replay", args->replay,
                "Regroup by replaying every stored article, not from the saved snapshot\n"
                "(same stories; for checking and measuring)");
  return [args]() {
    ReadOptions opts;
    if (!args->in.ToOptions(opts)) return kExitUsage;
    Diagnostics diag(&std::cerr);
    IngestStats stats;
    CatchStopSignals();
    try {
      Store store(args->db, Store::Mode::kWrite);
      Progress progress(!args->in.quiet);
      try {
        IngestInputs(store, args->in.inputs, opts, diag, args->batch, stats, progress);
        Regroup(store, PipelineOptions{}, stats, progress, !args->replay);
      } catch (const Interrupted& i) {
        progress.Done();
        // Always said, even with --quiet: the run did not finish.
        std::cerr << "chorus: " << args->db << ": interrupted by "
                  << (i.signal == SIGINT ? "SIGINT" : "SIGTERM") << ": " << stats.added
                  << " added, " << stats.updated << " updated, " << stats.unchanged
                  << " unchanged (committed); " << store.articles()
                  << " articles in the store, its stories out of date until the next ingest\n";
        return 128 + i.signal;
      }
      progress.Done();
      if (stats.snapshot_damaged)  // said even with --quiet: the store was damaged
        std::cerr << "chorus: " << args->db << ": warning: " << stats.replay_reason
                  << "; replayed every article instead (the stories are right; the new "
                     "snapshot replaces it)\n";
      if (!args->in.quiet)
        std::cerr << "chorus: " << args->db << ": " << stats.added << " added, " << stats.updated
                  << " updated, " << stats.unchanged << " unchanged; " << store.articles()
                  << " articles in " << stats.stories << " stories (" << stats.rewritten
                  << " rewritten); "
                  << (stats.continued_from
                          ? "continued from the snapshot of " +
                                std::to_string(*stats.continued_from) + " articles"
                          : "replayed all " + std::to_string(stats.grouped_articles) +
                                " articles (" + stats.replay_reason + ")")
                  << '\n';
    } catch (const StoreError& e) {
      std::cerr << "chorus: " << e.what() << '\n';
      return kExitUsage;
    }
    if (int sig = StopSignal()) return 128 + sig;  // came after the last article: all done
    return args->in.Finish(diag);
  };
}

}  // namespace chorus::cli
