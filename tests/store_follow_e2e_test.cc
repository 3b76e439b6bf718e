// End-to-end: `chorus ingest --follow` (tools/store_follow.cc). Articles fed
// to a running ingest over time are committed one by one; after each regroup
// step (idle input, every N articles, end of input, SIGINT) the store's
// stories are exactly those of `chorus stories` on the articles fed so far;
// in between, readers see the last step's stories. A step runs on a second
// thread: lines fed meanwhile are committed, and the step's stories are those
// of the articles up to its cut (meta.grouped). A kill -9 loses nothing
// committed (during a step too), and a restart catches up from the snapshot
// (saved every --snapshot-every steps: an older one is continued). Malformed
// lines are reported with their file and line and skipped.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace chorus {
namespace {

using testing::JoinLines;
using testing::NonEmptyLines;
using testing::Ok;
using testing::RunChorus;
using testing::ShellQuote;

// A running `chorus ingest --follow`: standard input a pipe (or /dev/null
// when following a file), standard error to a file.
class Follow {
 public:
  Follow(const std::vector<std::string>& args, bool pipe_stdin = true) : dir_(testing::TempDir()) {
    int fds[2] = {-1, -1};
    if (pipe_stdin && pipe(fds) != 0) return;
    std::vector<std::string> all = {CHORUS_BINARY, "ingest"};
    all.insert(all.end(), args.begin(), args.end());
    std::string err = dir_ + "/err";
    pid_ = fork();
    if (pid_ == 0) {
      std::vector<char*> argv;
      for (std::string& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      int in = pipe_stdin ? fds[0] : open("/dev/null", O_RDONLY);
      int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
      dup2(in, 0);
      dup2(e, 2);
      if (pipe_stdin) close(fds[1]);
      execv(all[0].c_str(), argv.data());
      _exit(123);
    }
    if (pipe_stdin) {
      close(fds[0]);
      in_ = fds[1];
    }
  }
  ~Follow() {
    CloseInput();
    if (pid_ > 0 && status_ < 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool started() const { return pid_ > 0; }
  void Feed(const std::string& text) {
    ASSERT_GE(in_, 0);
    for (size_t at = 0; at < text.size();) {
      ssize_t n = write(in_, text.data() + at, text.size() - at);
      ASSERT_GT(n, 0);
      at += static_cast<size_t>(n);
    }
  }
  void CloseInput() {
    if (in_ >= 0) close(in_);
    in_ = -1;
  }
  void Signal(int sig) { kill(pid_, sig); }
  // The exit status (128 + signal when killed).
  int Wait() {
    int st = 0;
    waitpid(pid_, &st, 0);
    status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return status_;
  }
  std::string err() const { return testing::ReadFile(dir_ + "/err"); }

 private:
  std::string dir_;
  pid_t pid_ = -1;
  int in_ = -1;
  int status_ = -1;
};

// One number from the store (-1 when it cannot be read yet).
int64_t Number(const std::string& db, const char* sql) {
  sqlite3* h = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(h, 2000);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
      n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}
int64_t Stored(const std::string& db) {
  return Number(db, "SELECT count(*) FROM articles");
}
int64_t Grouped(const std::string& db) {  // -1 while stale
  return Number(db,
                "SELECT CASE WHEN (SELECT value FROM meta WHERE key='stale') = '0' THEN "
                "CAST((SELECT value FROM meta WHERE key='grouped') AS INTEGER) ELSE -1 END");
}

// The number of articles the store's snapshot covers (-1 when none): the
// envelope's "CHORSNAP", u32 version, u64 length + the chorus version, u64 N.
int64_t SnapshotArticles(const std::string& db) {
  sqlite3* h = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT data FROM snapshot WHERE part=0", -1, &s, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
      const auto* b = static_cast<const unsigned char*>(sqlite3_column_blob(s, 0));
      const size_t size = static_cast<size_t>(sqlite3_column_bytes(s, 0));
      auto u64 = [&](size_t at) {
        uint64_t v = 0;
        for (size_t i = 0; i < 8 && at + i < size; ++i) v |= uint64_t{b[at + i]} << (8 * i);
        return v;
      };
      const size_t at = 12 + 8 + u64(12);
      if (at + 8 <= size) n = static_cast<int64_t>(u64(at));
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}

// Waits (up to a minute) until `done()`.
template <typename F>
bool WaitFor(F done) {
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(static_cast<int64_t>(60000 * testing::kTimeScale));
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

// The store's stories (and quotebook, digests) are those of the batch
// commands on `lines[0, n)`.
void ExpectGroupedAsBatch(const std::string& db, const std::vector<std::string>& lines, size_t n,
                          bool all = false) {
  std::string file = testing::TempDir() + "/prefix.jsonl";
  testing::WriteFile(file, JoinLines(lines, 0, n));
  EXPECT_EQ(Ok("stories -q --db " + ShellQuote(db)), Ok("stories -q " + ShellQuote(file)))
      << n << " articles";
  if (all) {
    EXPECT_EQ(Ok("quotebook -q --db " + ShellQuote(db)), Ok("quotebook -q " + ShellQuote(file)));
    EXPECT_EQ(Ok("digest -q --db " + ShellQuote(db)), Ok("digest -q " + ShellQuote(file)));
  }
}

std::vector<std::string> DevLines() {
  std::string dev = testing::SharedPath("data/dev-stories/stories.jsonl");
  return testing::Exists(dev) ? NonEmptyLines(dev) : std::vector<std::string>{};
}

TEST(StoreFollowE2E, ArticlesFedOverTimeAreGroupedAtEachIdleStep) {
  std::vector<std::string> lines = DevLines();
  if (lines.empty()) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::string dir = testing::TempDir(), db = dir + "/news.db", log = dir + "/latency.log";
  Follow f({"--db", db, "--follow", "--regroup-idle", "0.2", "--latency-log", log, "-"});
  ASSERT_TRUE(f.started());
  size_t fed = 0;
  for (size_t step : {40, 1, 30, 2, 50}) {
    f.Feed(JoinLines(lines, fed, fed + step));
    fed += step;
    ASSERT_TRUE(WaitFor([&] { return Grouped(db) == static_cast<int64_t>(fed); }))
        << "no regroup step after " << fed << " articles\n"
        << f.err();
    ExpectGroupedAsBatch(db, lines, fed);
  }
  f.Feed(JoinLines(lines, fed, lines.size()));
  f.CloseInput();
  EXPECT_EQ(f.Wait(), 0) << f.err();
  std::string err = f.err();
  EXPECT_NE(err.find("idle: grouped 40 articles"), std::string::npos) << err;
  EXPECT_NE(err.find("follow ended (end of input): " + std::to_string(lines.size()) + " added"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("latency per article (line read -> committed and grouped in memory), " +
                     std::to_string(lines.size()) + " articles: p50 "),
            std::string::npos)
      << err;
  ExpectGroupedAsBatch(db, lines, lines.size(), /*all=*/true);
  size_t articles = 0, regroups = 0;
  for (const std::string& l : NonEmptyLines(log)) {
    articles += l.rfind("article ", 0) == 0;
    regroups += l.rfind("regroup ", 0) == 0;
  }
  EXPECT_EQ(articles, lines.size());
  EXPECT_GE(regroups, 7u);  // the start, five idle steps, the end
}

TEST(StoreFollowE2E, ReadersSeeTheLastStepUntilTheNextOneEveryNArticles) {
  std::vector<std::string> lines = DevLines();
  if (lines.empty()) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::string db = testing::TempDir() + "/news.db";
  Follow f({"--db", db, "--follow", "--regroup-every", "40", "--regroup-idle", "3600", "-"});
  ASSERT_TRUE(f.started());
  f.Feed(JoinLines(lines, 0, 40));
  ASSERT_TRUE(WaitFor([&] { return Grouped(db) == 40; })) << f.err();
  f.Feed(JoinLines(lines, 40, 50));
  ASSERT_TRUE(WaitFor([&] { return Stored(db) == 50; })) << f.err();
  // Ten articles committed but not yet grouped: the stories of the first 40,
  // with a warning that the store is behind.
  EXPECT_EQ(Grouped(db), -1);
  auto r = RunChorus("stories --db " + ShellQuote(db));
  EXPECT_EQ(r.status, 0) << r.err;
  std::string file = testing::TempDir() + "/first.jsonl";
  testing::WriteFile(file, JoinLines(lines, 0, 40));
  EXPECT_EQ(r.out, Ok("stories -q " + ShellQuote(file)));
  f.Feed(JoinLines(lines, 50, 80));
  ASSERT_TRUE(WaitFor([&] { return Grouped(db) == 80; })) << f.err();
  ExpectGroupedAsBatch(db, lines, 80);
  f.Feed(JoinLines(lines, 80, lines.size()));
  f.CloseInput();
  EXPECT_EQ(f.Wait(), 0) << f.err();
  ExpectGroupedAsBatch(db, lines, lines.size(), /*all=*/true);
}

TEST(StoreFollowE2E, SigintOnAFollowedFileEndsWithALastStep) {
  std::vector<std::string> lines = DevLines();
  if (lines.empty()) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::string dir = testing::TempDir(), db = dir + "/news.db", feed = dir + "/feed.jsonl";
  testing::WriteFile(feed, JoinLines(lines, 0, 60));
  Follow f({"--db", db, "--follow", "--regroup-idle", "3600", feed}, /*pipe_stdin=*/false);
  ASSERT_TRUE(f.started());
  ASSERT_TRUE(WaitFor([&] { return Stored(db) == 60; })) << f.err();
  {
    std::ofstream out(feed, std::ios::app);
    out << JoinLines(lines, 60, 109) << lines[109].substr(0, 100);  // a line half written
  }
  ASSERT_TRUE(WaitFor([&] { return Stored(db) == 109; })) << f.err();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(Stored(db), 109);  // the half line waits for its end
  {
    std::ofstream out(feed, std::ios::app);
    out << lines[109].substr(100) << "\n{not json\n" << lines[110] << "\n";
  }
  ASSERT_TRUE(WaitFor([&] { return Stored(db) == 111; })) << f.err();
  EXPECT_EQ(Grouped(db), -1);  // stale: no step since the start
  f.Signal(SIGINT);
  EXPECT_EQ(f.Wait(), 0) << f.err();
  std::string err = f.err();
  EXPECT_NE(err.find("chorus: " + feed + ":111: skipped: malformed JSON record"), std::string::npos)
      << err;
  EXPECT_NE(err.find("follow ended (SIGINT): 111 added"), std::string::npos) << err;
  EXPECT_EQ(Grouped(db), 111);
  ExpectGroupedAsBatch(db, lines, 111, /*all=*/true);
}

TEST(StoreFollowE2E, AKillLosesNothingCommittedAndARestartCatchesUp) {
  std::vector<std::string> lines = DevLines();
  if (lines.empty()) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::string db = testing::TempDir() + "/news.db";
  {
    Follow f({"--db", db, "--follow", "--regroup-idle", "0.1", "-"});
    ASSERT_TRUE(f.started());
    f.Feed(JoinLines(lines, 0, 100));
    ASSERT_TRUE(WaitFor([&] { return Grouped(db) == 100; })) << f.err();
    f.Feed(JoinLines(lines, 100, 140));
    ASSERT_TRUE(WaitFor([&] { return Stored(db) >= 120; })) << f.err();
    f.Signal(SIGKILL);  // committing, or in a regroup step
    EXPECT_EQ(f.Wait(), 128 + SIGKILL);
  }
  const int64_t stored = Stored(db);
  EXPECT_GE(stored, 120);
  // Readers see the last step's stories meanwhile.
  auto r = RunChorus("stories --db " + ShellQuote(db));
  EXPECT_EQ(r.status, 0) << r.err;
  // The restart continues from the snapshot (of 100 articles, or of more when
  // the kill came after a later step), then takes the whole feed again: the
  // stored articles are unchanged, the rest added.
  Follow g({"--db", db, "--follow", "-"});
  ASSERT_TRUE(g.started());
  g.Feed(JoinLines(lines, 0, lines.size()));
  g.CloseInput();
  EXPECT_EQ(g.Wait(), 0) << g.err();
  std::string err = g.err();
  EXPECT_NE(err.find("start: grouped " + std::to_string(stored) + " articles"), std::string::npos)
      << err;
  EXPECT_NE(err.find("continued)"), std::string::npos) << err;
  EXPECT_NE(err.find(std::to_string(lines.size() - stored) + " added, 0 updated, " +
                     std::to_string(stored) + " unchanged"),
            std::string::npos)
      << err;
  ExpectGroupedAsBatch(db, lines, lines.size(), /*all=*/true);
}

// The generated stream of the long tests: 5,000 articles over 60 days.
std::vector<std::string> GeneratedLines(const std::string& dir) {
  std::string gen =
      std::string(CHORUS_BINARY).substr(0, std::string(CHORUS_BINARY).rfind('/')) + "/chorus-gen";
  std::string all = dir + "/all.jsonl";
  EXPECT_EQ(
      std::system(
          (ShellQuote(gen) + " -q -n 5000 --seed 7 --days 60 --out " + ShellQuote(all)).c_str()),
      0);
  return NonEmptyLines(all);
}

// Ingests the first `n` of `lines` into `db` (a batch ingest, before a follow).
void IngestFirst(const std::string& dir, const std::string& db,
                 const std::vector<std::string>& lines, size_t n) {
  testing::WriteFile(dir + "/first.jsonl", JoinLines(lines, 0, n));
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(dir + "/first.jsonl"));
}

// What `chorus stories` prints on the first `n` of `lines`.
std::string BatchStories(const std::string& dir, const std::vector<std::string>& lines, size_t n) {
  std::string file = dir + "/prefix.jsonl";
  testing::WriteFile(file, JoinLines(lines, 0, n));
  return Ok("stories -q " + ShellQuote(file));
}

TEST(StoreFollowE2E, ALongGeneratedStreamAcrossThePeriodicRefinement) {
  // 5,000 generated articles after a store of 3,000: the refinement every
  // 4,096 articles and the freezing of idle stories happen in the live
  // pipeline, between regroup steps every 700 articles.
  std::string dir = testing::TempDir();
  std::vector<std::string> lines = GeneratedLines(dir);
  ASSERT_EQ(lines.size(), 5000u);
  std::string db = dir + "/news.db";
  IngestFirst(dir, db, lines, 3000);
  Follow f({"--db", db, "--follow", "--regroup-every", "700", "--regroup-idle", "3600", "-"});
  ASSERT_TRUE(f.started());
  f.Feed(JoinLines(lines, 3000, 4400));
  ASSERT_TRUE(WaitFor([&] { return Grouped(db) == 4400; })) << f.err();
  ExpectGroupedAsBatch(db, lines, 4400);
  f.Feed(JoinLines(lines, 4400, 5000));
  f.CloseInput();
  EXPECT_EQ(f.Wait(), 0) << f.err();
  std::string err = f.err();
  EXPECT_NE(err.find("start: grouped 3000 articles"), std::string::npos) << err;
  EXPECT_NE(err.find("articles: grouped 3700 articles"), std::string::npos) << err;
  EXPECT_NE(err.find("end of input: grouped 5000 articles"), std::string::npos) << err;
  // Digests and quotebook too: most stories a step rewrites were only
  // renumbered, and are renamed rather than rebuilt.
  ExpectGroupedAsBatch(db, lines, 5000, /*all=*/true);
}

// What a reader sees in one read transaction: the stories and the number of
// articles they cover (said by the warning when the store is stale).
struct Seen {
  std::string stories;
  int64_t covers = -1;
};
Seen ReadStories(const std::string& db, int64_t stored) {
  auto r = RunChorus("stories --db " + ShellQuote(db));
  EXPECT_EQ(r.status, 0) << r.err;
  Seen s{r.out, stored};
  size_t at = r.err.find("stories cover ");
  if (at != std::string::npos) s.covers = std::stoll(r.err.substr(at + 14));
  return s;
}

TEST(StoreFollowE2E, LinesAreCommittedWhileAStepRunsAndEachStepCoversItsCut) {
  // Lines keep coming (a few milliseconds apart) while steps run every 150
  // articles: the articles fed during a step are committed before it ends
  // (the log shows them before the step's line), and every state a reader
  // sees — stale or not — is the batch result on the articles it covers.
  std::string dir = testing::TempDir();
  std::vector<std::string> lines = GeneratedLines(dir);
  ASSERT_EQ(lines.size(), 5000u);
  std::string db = dir + "/news.db", log = dir + "/latency.log";
  IngestFirst(dir, db, lines, 2500);
  Follow f({"--db", db, "--follow", "--regroup-every", "150", "--regroup-idle", "3600",
            "--snapshot-every", "2", "--latency-log", log, "-"});
  ASSERT_TRUE(f.started());
  std::vector<Seen> seen;
  for (size_t at = 2500; at < 3400; at += 10) {
    f.Feed(JoinLines(lines, at, at + 10));
    std::this_thread::sleep_for(std::chrono::milliseconds(15));
    if (at % 150 == 0) seen.push_back(ReadStories(db, static_cast<int64_t>(at)));
  }
  f.CloseInput();
  EXPECT_EQ(f.Wait(), 0) << f.err();
  // The steps that ran while lines came in: an article past the step's cut
  // was committed before the step was applied.
  std::vector<std::string> log_lines = NonEmptyLines(log);
  size_t overlapped = 0, steps = 0;
  int64_t last_seq = -1;
  for (const std::string& l : log_lines) {
    if (l.rfind("article ", 0) == 0) last_seq = std::stoll(l.substr(8));
    if (l.rfind("regroup ", 0) != 0 || l.find(" covers ") == std::string::npos) continue;
    ++steps;
    const int64_t covers = std::stoll(l.substr(l.find(" covers ") + 8));
    overlapped += last_seq >= covers;
  }
  EXPECT_GE(steps, 3u) << f.err();  // the start, one or more during the feed, the end
  EXPECT_GE(overlapped, 1u) << "no step overlapped the input\n" << f.err();
  ExpectGroupedAsBatch(db, lines, 3400, /*all=*/true);
  size_t checked = 0;
  for (const Seen& s : seen) {
    if (s.covers < 2500 || checked >= 3) continue;  // (a few suffice: each costs a batch run)
    EXPECT_EQ(s.stories, BatchStories(dir, lines, static_cast<size_t>(s.covers)))
        << s.covers << " articles";
    ++checked;
  }
  EXPECT_GE(checked, 1u);
}

TEST(StoreFollowE2E, AKillDuringAStepThenARestartGivesTheBatchResult) {
  // Steps every 100 articles while lines keep coming, the snapshot saved only
  // by the first step (--snapshot-every large): a kill -9 lands while a step
  // runs or between two; the stories stay those of the last applied step,
  // and the restart continues from the older snapshot to the batch result.
  std::string dir = testing::TempDir();
  std::vector<std::string> lines = GeneratedLines(dir);
  ASSERT_EQ(lines.size(), 5000u);
  std::string db = dir + "/news.db", log = dir + "/latency.log";
  IngestFirst(dir, db, lines, 2000);
  int64_t grouped_at_kill = -1;
  {
    Follow f({"--db", db, "--follow", "--regroup-every", "100", "--regroup-idle", "3600",
              "--snapshot-every", "1000", "--latency-log", log, "-"});
    ASSERT_TRUE(f.started());
    size_t at = 2000;
    for (; at < 3500; at += 10) {
      f.Feed(JoinLines(lines, at, at + 10));
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      if (at >= 2600 && Number(db, "SELECT value FROM meta WHERE key='grouped'") >= 2300) break;
    }
    ASSERT_TRUE(WaitFor([&] {
      return Number(db, "SELECT value FROM meta WHERE key='grouped'") >= 2300;
    })) << f.err();
    f.Signal(SIGKILL);
    EXPECT_EQ(f.Wait(), 128 + SIGKILL);
    grouped_at_kill = Number(db, "SELECT value FROM meta WHERE key='grouped'");
  }
  const int64_t stored = Stored(db);
  EXPECT_GE(grouped_at_kill, 2300);
  EXPECT_LE(grouped_at_kill, stored);
  // Readers meanwhile: the last applied step, the batch result on its cut.
  Seen s = ReadStories(db, stored);
  ASSERT_EQ(s.covers, grouped_at_kill);
  EXPECT_EQ(s.stories, BatchStories(dir, lines, static_cast<size_t>(s.covers)));
  // The snapshot is the one of the start (2,000 articles): older than the stories.
  EXPECT_EQ(SnapshotArticles(db), 2000);
  Follow g({"--db", db, "--follow", "-"});
  ASSERT_TRUE(g.started());
  g.Feed(JoinLines(lines, 0, 3600));
  g.CloseInput();
  EXPECT_EQ(g.Wait(), 0) << g.err();
  std::string err = g.err();
  EXPECT_NE(err.find("start: grouped " + std::to_string(stored) + " articles"), std::string::npos)
      << err;
  EXPECT_NE(err.find("continued)"), std::string::npos) << err;
  EXPECT_EQ(err.find("warning"), std::string::npos) << err;
  ExpectGroupedAsBatch(db, lines, 3600, /*all=*/true);
}

TEST(StoreFollowE2E, BadLinesAreNamedAndAChangedArticleIsRegroupedFromTheStore) {
  std::string dir = testing::TempDir(), db = dir + "/news.db";
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(examples));
  std::vector<std::string> lines;
  std::string exported = Ok("export --db " + ShellQuote(db));
  for (size_t at = 0, nl; (nl = exported.find('\n', at)) != std::string::npos; at = nl + 1)
    lines.push_back(exported.substr(at, nl - at));
  ASSERT_EQ(lines.size(), 5u);
  std::string changed = lines[1];
  size_t text = changed.find("\"text\":\"");
  ASSERT_NE(text, std::string::npos);
  changed.insert(text + 8, "A storm flooded the harbour of Northshore overnight. ");
  std::string big(3000, 'x');
  Follow f({"--db", db, "--follow", "--max-article-bytes", "2800", "-"});
  ASSERT_TRUE(f.started());
  f.Feed("[1, 2]\n\n{\"id\": 7}\n{\"id\":\"big\",\"text\":\"" + big + "\"}\n" + changed +
         "\n\xff\xfe garbage\n{\"id\":\"new\",\"title\":\"Harbour\",\"text\":\"The harbour of "
         "Northshore flooded overnight, officials said.\"}");
  f.CloseInput();
  EXPECT_EQ(f.Wait(), 0) << f.err();
  std::string err = f.err();
  for (const char* where :
       {"stdin:1: skipped", "stdin:3: skipped", "stdin:4: skipped", "stdin:6: skipped"})
    EXPECT_NE(err.find(where), std::string::npos) << where << "\n" << err;
  EXPECT_NE(err.find("1 added, 1 updated, 0 unchanged"), std::string::npos) << err;
  EXPECT_NE(err.find("replayed: article 1 changed"), std::string::npos) << err;
  lines[1] = changed;
  lines.push_back(
      "{\"id\":\"new\",\"title\":\"Harbour\",\"text\":\"The harbour of Northshore flooded "
      "overnight, officials said.\"}");
  ExpectGroupedAsBatch(db, lines, lines.size(), /*all=*/true);
}

}  // namespace
}  // namespace chorus
