// `chorus ingest --db news.db FILES...` — add articles to a store: each new
// article joins or starts a story as `chorus stories` would decide, and the
// quotebook and digest of the stories that changed are brought up to date.
// With --follow, a long-running ingest of one growing input (store_follow.h).
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <iostream>
#include <memory>

#include "cli_common.h"
#include "commands.h"
#include "store_follow.h"
#include "store_ingest.h"

namespace chorus::cli {

namespace {
struct IngestArgs {
  InputArgs in;
  std::string db;
  size_t batch = 500;
  bool replay = false;
  bool follow = false;
  double regroup_idle = 1.0, regroup_interval = 60.0;
  size_t regroup_every = 1000;
  size_t snapshot_every = 10;
  std::string latency_log;
};

std::chrono::milliseconds Millis(double seconds) {
  return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
}

// chorus ingest --follow: runs until the input ends or a stop signal.
int RunFollow(const IngestArgs& args, const ReadOptions& read) {
  if (args.in.inputs.size() > 1) {
    std::cerr << "chorus: --follow reads one input (a file or - for standard input)\n";
    return kExitUsage;
  }
  FollowOptions f;
  f.input = args.in.inputs.empty() ? "-" : args.in.inputs[0];
  const bool gz = f.input.size() > 3 && f.input.compare(f.input.size() - 3, 3, ".gz") == 0;
  if (gz || (read.format != InputFormat::kAuto && read.format != InputFormat::kJsonl)) {
    std::cerr << "chorus: --follow reads uncompressed JSONL (pipe through zcat for gzip)\n";
    return kExitUsage;
  }
  f.idle = Millis(args.regroup_idle);
  f.every = Millis(args.regroup_interval);
  f.every_articles = args.regroup_every;
  f.snapshot_every = args.snapshot_every;
  f.latency_log = args.latency_log;
  f.quiet = args.in.quiet;
  f.use_snapshot = !args.replay;
  if (f.input != "-" && ::access(f.input.c_str(), R_OK) != 0) {  // before the store is made
    std::cerr << "chorus: " << f.input << ": error: cannot open: " << std::strerror(errno) << '\n';
    return kExitUsage;
  }
  Diagnostics diag(&std::cerr);
  FollowStats stats;
  CatchStopSignals();
  try {
    Store store(args.db, Store::Mode::kWrite);
    try {
      if (!Follow(store, f, read, diag, stats)) return kExitUsage;
    } catch (const Interrupted& i) {  // while the store was first brought up to date
      std::cerr << "chorus: " << args.db << ": interrupted by "
                << (i.signal == SIGINT ? "SIGINT" : "SIGTERM")
                << " before following; the stories are out of date until the next ingest\n";
      return 128 + i.signal;
    }
    if (!args.in.quiet) {
      std::vector<uint64_t> lat(stats.latency_us.begin(), stats.latency_us.end());
      uint64_t total = 0;
      for (uint64_t us : stats.regroup_us) total += us;
      const IngestStats& s = stats.ingest;
      std::cerr << "chorus: " << args.db << ": follow ended (" << stats.stop << "): " << s.added
                << " added, " << s.updated << " updated, " << s.unchanged << " unchanged; "
                << store.articles() << " articles in " << s.stories << " stories\n"
                << "chorus: latency per article (line read -> committed and grouped in memory), "
                << lat.size() << " articles: " << Percentiles(lat)
                << " (CPU time: " << Percentiles({stats.cpu_us.begin(), stats.cpu_us.end()})
                << ")\n"
                << "chorus: regroup steps: " << stats.regroup_us.size() << " (the first at start), "
                << Percentiles(stats.regroup_us) << ", total " << total / 1000 << " ms"
                << "; on the ingest thread (lines wait): " << Percentiles(stats.blocked_us) << '\n';
    }
  } catch (const StoreError& e) {
    std::cerr << "chorus: " << e.what() << '\n';
    return kExitUsage;
  }
  return args.in.Finish(diag);
}

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
      "--follow keeps running on one JSONL input (- for standard input, the\n"
      "default, or a file that grows, read as `tail -f` does) with the grouping\n"
      "in memory: each article is committed in its own transaction and grouped\n"
      "before the next line is read. The stories, digests and quotebook in the\n"
      "store are brought up to date by a regroup step when the input has been idle\n"
      "for --regroup-idle seconds, after --regroup-every articles or\n"
      "--regroup-interval seconds, and at the end (end of standard input, or\n"
      "Ctrl-C / SIGTERM: the follow then ends with a last regroup step and exit\n"
      "status 0; a second signal kills at once). In between, readers see the\n"
      "stories of the last step (the store says it is stale). A step runs beside\n"
      "the ingest, on a second thread: articles arriving meanwhile are committed\n"
      "and go to the next step. The grouping snapshot (what a restart continues\n"
      "from) is saved every --snapshot-every steps and at the end; after a kill,\n"
      "the next ingest continues from the last one saved.\n\n"
      "Examples:\n"
      "  chorus ingest --db news.db feed.jsonl\n"
      "  zcat feed.jsonl.gz | chorus ingest --db news.db -\n"
      "  tail -f feed.jsonl | chorus ingest --db news.db --follow -\n"
      "  chorus ingest --db news.db --follow feed.jsonl --latency-log lat.txt\n"
      "  chorus stories --db news.db");
  args->in.Add(cmd, /*required=*/false);
  cmd->add_option("--db", args->db, "The store file")->required();
  cmd->add_option("--batch", args->batch, "Articles per transaction")
      ->check(CLI::Range(size_t{1}, size_t{1} << 24))
      ->capture_default_str();
  cmd->add_flag("--replay", args->replay,
                "Regroup by replaying every stored article, not from the saved snapshot\n"
                "(same stories; for checking and measuring)");
  cmd->add_flag("--follow", args->follow,
                "Keep running on one growing JSONL input (FILE, or - the default): see below");
  cmd->add_option("--regroup-idle", args->regroup_idle,
                  "--follow: regroup once the input has been idle this many seconds")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  cmd->add_option("--regroup-every", args->regroup_every,
                  "--follow: regroup after this many articles (when the input never idles)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  cmd->add_option("--regroup-interval", args->regroup_interval,
                  "--follow: regroup after this many seconds (when the input never idles)")
      ->check(CLI::Range(0.0, 86400.0 * 365))
      ->capture_default_str();
  cmd->add_option("--snapshot-every", args->snapshot_every,
                  "--follow: save the grouping snapshot every this many regroup steps (and at "
                  "the end)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  cmd->add_option("--latency-log", args->latency_log,
                  "--follow: write each article's latency (line read to committed and grouped, "
                  "microseconds) and each regroup step's duration to this file");
  return [args]() {
    ReadOptions opts;
    if (!args->in.ToOptions(opts)) return kExitUsage;
    if (args->follow) return RunFollow(*args, opts);
    if (args->in.inputs.empty()) {
      std::cerr << "chorus: no input: give FILES (or - for standard input), or --follow\n";
      return kExitUsage;
    }
    if (!args->latency_log.empty()) {
      std::cerr << "chorus: --latency-log goes with --follow\n";
      return kExitUsage;
    }
    Diagnostics diag(&std::cerr);
    IngestStats stats;
    CatchStopSignals();
    try {
      Store store(args->db, Store::Mode::kWrite);
      Progress progress(!args->in.quiet);
      ProgressClearsForMessages clears(diag, progress);
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
