// End-to-end: the store when things go wrong around it, with the real binary.
// A full disk (the ingest's file-size limit lowered with RLIMIT_FSIZE, so
// SQLite's writes fail), a store the user may not write (run as an
// unprivileged uid, since root ignores permissions), and SIGINT / SIGTERM in
// the middle of an ingest. Each time: a clear one-line error or message, a
// sound store (PRAGMA integrity_check), what was there before intact, and a
// re-run that finishes the job exactly as an uninterrupted ingest would.
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "test_util.h"

namespace chorus {
namespace {

using testing::Ok;
using testing::ParseJsonl;
using testing::RunChorus;
using testing::ShellQuote;

constexpr uid_t kNobody = 65534;

struct ChildOptions {
  rlim_t max_file_bytes = RLIM_INFINITY;  // RLIMIT_FSIZE
  bool as_nobody = false;                 // setuid(65534) before exec (when root)
};

// Starts build/chorus with `args`, standard output and error to files in
// `dir`; returns its pid.
pid_t Start(const std::vector<std::string>& args, const std::string& dir,
            const ChildOptions& o = {}) {
  std::vector<std::string> copy = args;
  std::string bin = CHORUS_BINARY, out = dir + "/child.out", err = dir + "/child.err";
  std::vector<char*> argv{bin.data()};
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid != 0) return pid;
  // The child: only async-signal-safe calls until exec.
  int fd_out = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  int fd_err = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  int fd_in = open("/dev/null", O_RDONLY);
  if (fd_out < 0 || fd_err < 0 || fd_in < 0) _exit(120);
  dup2(fd_in, 0);
  dup2(fd_out, 1);
  dup2(fd_err, 2);
  if (o.max_file_bytes != RLIM_INFINITY) {
    signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
    struct rlimit rl = {o.max_file_bytes, o.max_file_bytes};
    if (setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(121);
  }
  if (o.as_nobody && (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0))
    _exit(122);
  execv(bin.c_str(), argv.data());
  _exit(123);
}

struct Finished {
  int status = -1;  // exit status, or 128 + signal when killed
  std::string out, err;
};

Finished Wait(pid_t pid, const std::string& dir) {
  int st = 0;
  waitpid(pid, &st, 0);
  Finished f;
  f.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  f.out = testing::ReadFile(dir + "/child.out");
  f.err = testing::ReadFile(dir + "/child.err");
  return f;
}

Finished RunChild(const std::vector<std::string>& args, const std::string& dir,
                  const ChildOptions& o = {}) {
  return Wait(Start(args, dir, o), dir);
}

std::string IntegrityCheck(const std::string& db) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    return "cannot open";
  }
  std::string result;
  sqlite3_exec(
      h, "PRAGMA integrity_check",
      [](void* r, int, char** v, char**) {
        *static_cast<std::string*>(r) += v[0] ? v[0] : "";
        return 0;
      },
      &result, nullptr);
  sqlite3_close(h);
  return result;
}

// Articles committed so far (-1 while the store cannot be read).
int64_t StoredArticles(const std::string& db) {
  sqlite3* h = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM articles", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}

// A generated corpus of `n` articles (build/chorus-gen), made once per size.
std::string Corpus(int n) {
  static std::map<int, std::string> made;
  if (made.count(n)) return made[n];
  std::string dir = testing::TempDir();
  std::string gen = (std::filesystem::path(CHORUS_BINARY).parent_path() / "chorus-gen").string();
  std::string corpus = dir + "/corpus.jsonl";
  std::string cmd = ShellQuote(gen) + " -n " + std::to_string(n) + " --seed 1 -o " +
                    ShellQuote(corpus) + " -t " + ShellQuote(dir + "/truth.jsonl") + " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return "";
  return made[n] = corpus;
}

// What a store holds, as the reading commands print it.
std::string Contents(const std::string& db) {
  return Ok("export -q --db " + ShellQuote(db)) + Ok("stories -q --db " + ShellQuote(db)) +
         Ok("digest -q --db " + ShellQuote(db));
}

TEST(StoreFaults, ADiskFullDuringIngestIsAClearErrorAndKeepsTheStoreSound) {
  std::string corpus = Corpus(600);
  ASSERT_FALSE(corpus.empty()) << "chorus-gen failed";
  std::string dir = testing::TempDir(), db = dir + "/news.db";
  Ok("ingest -q --db " + ShellQuote(db) + " " +
     ShellQuote(std::string(CHORUS_SOURCE_DIR) + "/examples"));
  const std::string before = Ok("export -q --db " + ShellQuote(db));
  const std::string before_stories = Ok("stories -q --db " + ShellQuote(db));
  ASSERT_EQ(ParseJsonl(before).rows.size(), 5u);

  // Any file may grow to 256 KiB only: the WAL (or, at a checkpoint, the
  // store) hits the limit long before 600 articles are in.
  ChildOptions small;
  small.max_file_bytes = 256 * 1024;
  Finished f = RunChild({"ingest", "-q", "--batch", "50", "--db", db, corpus}, dir, small);
  EXPECT_EQ(f.status, 2) << f.err;
  EXPECT_NE(f.err.find("chorus: " + db + ": "), std::string::npos) << f.err;
  EXPECT_TRUE(f.err.find("File too large") != std::string::npos ||
              f.err.find("disk is full") != std::string::npos)
      << f.err;
  EXPECT_EQ(std::count(f.err.begin(), f.err.end(), '\n'), 1) << "one line: " << f.err;

  EXPECT_EQ(IntegrityCheck(db), "ok");
  // What was there is intact; whole batches may have been committed after it.
  std::string after = Ok("export -q --db " + ShellQuote(db));
  EXPECT_EQ(after.substr(0, before.size()), before);
  EXPECT_LT(ParseJsonl(after).rows.size(), 605u);
  auto stories = RunChorus("stories -q --db " + ShellQuote(db));
  EXPECT_EQ(stories.status, 0) << stories.err;
  if (after == before) {
    EXPECT_EQ(stories.out, before_stories);
  }

  // With room again, the same ingest finishes as if nothing had happened.
  Ok("ingest -q --batch 50 --db " + ShellQuote(db) + " " + ShellQuote(corpus));
  std::string ref = dir + "/ref.db";
  Ok("ingest -q --db " + ShellQuote(ref) + " " +
     ShellQuote(std::string(CHORUS_SOURCE_DIR) + "/examples"));
  Ok("ingest -q --batch 50 --db " + ShellQuote(ref) + " " + ShellQuote(corpus));
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(Contents(db), Contents(ref));
}

// A store its user may not write. Root ignores permissions, so as root the
// commands run as uid 65534 (nobody) on root's 0644 file in a 0755 directory;
// otherwise as the user, on a 0444 file in a 0555 directory.
TEST(StoreFaults, AReadOnlyStoreIsAClearErrorForIngestAndStillReadable) {
  const bool root = geteuid() == 0;
  std::string dir = testing::TempDir(), db = dir + "/news.db";
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(examples));
  std::string extra = testing::TempDir() + "/extra.jsonl";
  testing::WriteFile(extra,
                     "{\"id\":\"new\",\"text\":\"The mayor said the bridge would stay shut.\"}\n");
  const std::string contents = Contents(db);
  const std::string bytes = testing::ReadFile(db);
  ASSERT_EQ(chmod(std::filesystem::path(extra).parent_path().c_str(), 0755), 0);
  ASSERT_EQ(chmod(extra.c_str(), 0644), 0);
  ASSERT_EQ(chmod(db.c_str(), root ? 0644 : 0444), 0);
  ASSERT_EQ(chmod(dir.c_str(), root ? 0755 : 0555), 0);
  ChildOptions o;
  o.as_nobody = root;
  std::string out_dir = testing::TempDir();  // where the child writes its output
  ASSERT_EQ(chmod(out_dir.c_str(), 0777), 0);

  Finished f = RunChild({"ingest", "--db", db, extra}, out_dir, o);
  if (o.as_nobody && (f.status == 122 || f.status == 123))
    GTEST_SKIP() << "cannot run chorus as uid 65534 (setuid or exec failed) to test permissions";
  EXPECT_EQ(f.status, 2) << f.err;
  EXPECT_NE(f.err.find("chorus: " + db + ": cannot write the store: Permission denied"),
            std::string::npos)
      << f.err;
  EXPECT_EQ(std::count(f.err.begin(), f.err.end(), '\n'), 1) << "one line: " << f.err;

  // Reading commands still work, and say the same as before.
  for (const char* cmd : {"export", "stories", "digest", "quotebook"}) {
    Finished r = RunChild({cmd, "-q", "--db", db}, out_dir, o);
    EXPECT_EQ(r.status, 0) << cmd << ": " << r.err;
    EXPECT_EQ(r.err, "") << cmd;
    EXPECT_FALSE(r.out.empty()) << cmd;
    if (std::string(cmd) == "export") {
      EXPECT_EQ(r.out, Ok("export -q --db " + ShellQuote(db)));
    }
  }

  // A writable file in a directory the user may not write: the WAL cannot be made.
  ASSERT_EQ(chmod(db.c_str(), 0666), 0);
  f = RunChild({"ingest", "--db", db, extra}, out_dir, o);
  EXPECT_EQ(f.status, 2) << f.err;
  EXPECT_NE(f.err.find("cannot write in the store's directory " + dir + ": Permission denied"),
            std::string::npos)
      << f.err;
  ASSERT_EQ(chmod(db.c_str(), 0644), 0);
  ASSERT_EQ(chmod(dir.c_str(), 0755), 0);

  EXPECT_EQ(testing::ReadFile(db), bytes) << "the store changed";
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(Contents(db), contents);
}

// Sends `sig` to an ingest of a generated corpus once some batches are in;
// it must stop at an article boundary, say how many articles it committed and
// exit 128 + sig; the store is sound and a re-run gives the uninterrupted result.
void InterruptIngest(int sig) {
  constexpr int kArticles = 1500;
  std::string corpus = Corpus(kArticles);
  ASSERT_FALSE(corpus.empty()) << "chorus-gen failed";
  std::string dir = testing::TempDir(), db = dir + "/news.db";
  pid_t pid = Start({"ingest", "--batch", "20", "--db", db, corpus}, dir);
  ASSERT_GT(pid, 0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int64_t seen = -1;
  while (std::chrono::steady_clock::now() < deadline) {
    if (testing::Exists(db) && (seen = StoredArticles(db)) >= 100) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_GE(seen, 100) << "the ingest made no progress";
  ASSERT_EQ(kill(pid, sig), 0);
  Finished f = Wait(pid, dir);
  EXPECT_EQ(f.status, 128 + sig) << f.err;
  const char* name = sig == SIGINT ? "SIGINT" : "SIGTERM";
  EXPECT_NE(f.err.find("chorus: " + db + ": interrupted by " + std::string(name) + ": "),
            std::string::npos)
      << f.err;
  EXPECT_EQ(IntegrityCheck(db), "ok");
  int64_t stored = StoredArticles(db);
  EXPECT_GE(stored, seen);
  EXPECT_LT(stored, kArticles) << "the signal came too late to interrupt anything";
  // The message counts exactly what is in the store.
  EXPECT_NE(
      f.err.find(": " + std::to_string(stored) + " added, 0 updated, 0 unchanged (committed); " +
                 std::to_string(stored) + " articles in the store"),
      std::string::npos)
      << f.err;
  // The committed articles are the first ones of the input, in order.
  auto exported = ParseJsonl(Ok("export -q --db " + ShellQuote(db)));
  auto input = ParseJsonl(testing::ReadFile(corpus));
  ASSERT_EQ(exported.rows.size(), static_cast<size_t>(stored));
  for (size_t i = 0; i < exported.rows.size(); ++i)
    ASSERT_EQ(exported.rows[i]["id"].get_string().value(),
              input.rows[i]["id"].get_string().value());
  auto stale = RunChorus("stories -q --db " + ShellQuote(db));
  EXPECT_EQ(stale.status, 0) << stale.err;

  // Re-running the same command gives what one uninterrupted ingest gives.
  Finished again = RunChild({"ingest", "--batch", "20", "--db", db, corpus}, dir);
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find(std::to_string(kArticles - stored) + " added, 0 updated, " +
                           std::to_string(stored) + " unchanged"),
            std::string::npos)
      << again.err;
  std::string ref = dir + "/ref.db";
  Ok("ingest -q --db " + ShellQuote(ref) + " " + ShellQuote(corpus));
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(Contents(db), Contents(ref));
}

TEST(StoreFaults, SigintStopsAnIngestCleanly) {
  InterruptIngest(SIGINT);
}

TEST(StoreFaults, SigtermStopsAnIngestCleanly) {
  InterruptIngest(SIGTERM);
}

}  // namespace
}  // namespace chorus
