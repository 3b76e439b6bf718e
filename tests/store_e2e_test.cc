// End-to-end: `chorus ingest` into a store and reading it back with the real
// binary. The two bars of the store: ingesting the dev stories one article per
// call gives exactly the batch output, and an ingest killed at random moments
// (20 times) leaves a sound store from which a re-run gives the same stories.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "test_util.h"

extern char** environ;

namespace chorus {
namespace {

using testing::NonEmptyLines;
using testing::Ok;
using testing::ParseJsonl;
using testing::RunChorus;
using testing::ShellQuote;

std::string DevStories() {
  return testing::SharedPath("data/dev-stories/stories.jsonl");
}

// Asserts that every reading command gives over the store what the file-based
// command gives over `file`.
void ExpectStoreMatchesBatch(const std::string& db, const std::string& file) {
  EXPECT_EQ(Ok("stories -q --db " + ShellQuote(db)), Ok("stories -q " + ShellQuote(file)));
  EXPECT_EQ(Ok("stories -q --pretty --db " + ShellQuote(db)),
            Ok("stories -q --pretty " + ShellQuote(file)));
  EXPECT_EQ(Ok("quotebook -q --db " + ShellQuote(db)), Ok("quotebook -q " + ShellQuote(file)));
  EXPECT_EQ(Ok("quotebook -q --pretty --db " + ShellQuote(db)),
            Ok("quotebook -q --pretty " + ShellQuote(file)));
  EXPECT_EQ(Ok("digest -q --db " + ShellQuote(db)), Ok("digest -q " + ShellQuote(file)));
  EXPECT_EQ(Ok("digest -q --markdown --db " + ShellQuote(db)),
            Ok("digest -q --markdown " + ShellQuote(file)));
}

std::string IntegrityCheck(const std::string& db) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
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

TEST(StoreE2E, IngestingOneArticlePerCallGivesTheBatchStories) {
  std::string dev = DevStories();
  if (!testing::Exists(dev)) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::string db = testing::TempDir() + "/news.db";
  for (const std::string& line : NonEmptyLines(dev)) {
    auto r = RunChorus("ingest -q --db " + ShellQuote(db) + " -", line + "\n");
    ASSERT_EQ(r.status, 0) << r.err;
  }
  ExpectStoreMatchesBatch(db, dev);
  EXPECT_EQ(ParseJsonl(Ok("export --db " + ShellQuote(db))).rows.size(), NonEmptyLines(dev).size());
}

TEST(StoreE2E, OneIngestOfAFileGivesTheBatchOutput) {
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  std::string db = testing::TempDir() + "/news.db";
  auto r = RunChorus("ingest --db " + ShellQuote(db) + " " + ShellQuote(examples));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("5 added, 0 updated, 0 unchanged"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no progress line when not a terminal";
  ExpectStoreMatchesBatch(db, examples);
}

TEST(StoreE2E, ReingestingTheSameContentChangesNothing) {
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  std::string db = testing::TempDir() + "/news.db";
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(examples));
  std::string stories = Ok("stories -q --db " + ShellQuote(db));
  std::string digest = Ok("digest -q --db " + ShellQuote(db));
  auto r = RunChorus("ingest --db " + ShellQuote(db) + " " + ShellQuote(examples));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("0 added, 0 updated, 5 unchanged"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(0 rewritten)"), std::string::npos) << r.err;
  EXPECT_EQ(Ok("stories -q --db " + ShellQuote(db)), stories);
  EXPECT_EQ(Ok("digest -q --db " + ShellQuote(db)), digest);
}

TEST(StoreE2E, NewContentForAKnownIdUpdatesThatArticleInPlace) {
  std::string dir = testing::TempDir(), db = dir + "/news.db";
  std::string a =
      R"({"id":"a","source":"x.com","text":"The mayor of Calder said on Monday that the old bridge will reopen in May after repairs."})";
  std::string b =
      R"({"id":"b","source":"y.com","text":"Calder's old bridge will reopen in May, the mayor said, after two years of repairs."})";
  std::string a2 =
      R"({"id":"a","source":"x.com","text":"A storm flooded the harbour of Northshore overnight; fishermen counted the damage to their boats."})";
  Ok("ingest -q --db " + ShellQuote(db) + " -", a + "\n" + b + "\n");
  auto r = RunChorus("ingest --db " + ShellQuote(db) + " -", a2 + "\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("0 added, 1 updated, 0 unchanged"), std::string::npos) << r.err;
  auto rows_jsonl = ParseJsonl(Ok("export --db " + ShellQuote(db)));
  auto& rows = rows_jsonl.rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(std::string(rows[0]["id"].get_string().value()), "a");
  EXPECT_NE(std::string(rows[0]["text"].get_string().value()).find("storm"), std::string::npos);
  // The same as the batch command over the changed stream (a2 in a's place).
  testing::WriteFile(dir + "/changed.jsonl", a2 + "\n" + b + "\n");
  ExpectStoreMatchesBatch(db, dir + "/changed.jsonl");
}

TEST(StoreE2E, ExportReadsBackIntoTheSameStore) {
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  std::string dir = testing::TempDir();
  Ok("ingest -q --db " + ShellQuote(dir + "/one.db") + " " + ShellQuote(examples));
  std::string exported = Ok("export --db " + ShellQuote(dir + "/one.db"));
  EXPECT_EQ(exported, Ok("read -q " + ShellQuote(examples)));
  Ok("ingest -q --db " + ShellQuote(dir + "/two.db") + " -", exported);
  EXPECT_EQ(Ok("export --db " + ShellQuote(dir + "/two.db")), exported);
  EXPECT_EQ(Ok("stories -q --db " + ShellQuote(dir + "/two.db")),
            Ok("stories -q " + ShellQuote(examples)));
}

TEST(StoreE2E, QuotebookAndDigestFiltersKeepTheFullOutputsIds) {
  std::string dev = DevStories();
  if (!testing::Exists(dev)) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::string db = testing::TempDir() + "/news.db";
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(dev));
  std::string all = Ok("quotebook -q --db " + ShellQuote(db));
  std::string lopez = Ok("quotebook -q --db " + ShellQuote(db) + " --speaker 'jennifer LOPEZ'");
  auto rows_jsonl = ParseJsonl(lopez);
  auto& rows = rows_jsonl.rows;
  ASSERT_FALSE(rows.empty());
  std::istringstream ss(lopez);
  for (std::string line; std::getline(ss, line);)
    EXPECT_NE(all.find(line + "\n"), std::string::npos) << "not in the full quotebook: " << line;
  for (auto row : rows)
    EXPECT_EQ(std::string(row["speaker"].get_string().value()), "Jennifer Lopez");
  std::string story(rows[0]["story"].get_string().value());
  std::string digest = Ok("digest -q --db " + ShellQuote(db) + " --story " + story);
  auto d_jsonl = ParseJsonl(digest);
  auto& d = d_jsonl.rows;
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(std::string(d[0]["story"].get_string().value()), story);
  EXPECT_NE(Ok("digest -q --db " + ShellQuote(db)).find(digest), std::string::npos);
  EXPECT_EQ(RunChorus("digest --db " + ShellQuote(db) + " --story banana").status, 2);
}

TEST(StoreE2E, FilesThatAreNotAStoreGiveAClearErrorNotACrash) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/garbage.db", std::string(5000, '\x07') + "not sqlite");
  for (const char* cmd : {"stories --db", "digest --db", "quotebook --db", "export --db"}) {
    auto r = RunChorus(std::string(cmd) + " " + ShellQuote(dir + "/garbage.db"));
    EXPECT_EQ(r.status, 2) << cmd;
    EXPECT_NE(r.err.find(dir + "/garbage.db: not a chorus store"), std::string::npos) << r.err;
  }
  auto r = RunChorus("ingest --db " + ShellQuote(dir + "/garbage.db") + " -", "{\"text\":\"x\"}\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not a chorus store"), std::string::npos) << r.err;
  r = RunChorus("stories --db " + ShellQuote(dir + "/missing.db"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no such store"), std::string::npos) << r.err;

  // A store cut short: a clear error (or, if SQLite can still read what is
  // left, a normal exit), never a crash.
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  std::string db = dir + "/news.db";
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(examples));
  std::string bytes = testing::ReadFile(db);
  for (size_t keep : {size_t{100}, size_t{4096}, bytes.size() / 2}) {
    std::string cut = dir + "/cut" + std::to_string(keep) + ".db";
    testing::WriteFile(cut, bytes.substr(0, keep));
    for (const char* cmd : {"stories --db", "digest --db", "export --db"}) {
      auto c = RunChorus(std::string(cmd) + " " + ShellQuote(cut));
      EXPECT_TRUE(c.status == 0 || c.status == 2) << cmd << " " << keep << ": " << c.status;
      if (c.status == 2) {
        EXPECT_NE(c.err.find(cut + ": "), std::string::npos) << c.err;
      }
    }
  }
  // A store from a newer chorus.
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  sqlite3_exec(h, "PRAGMA user_version=7", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  r = RunChorus("stories --db " + ShellQuote(db));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("newer chorus (store version 7"), std::string::npos) << r.err;
}

TEST(StoreE2E, AStaleStoreIsReadWithAWarningAndTheNextIngestRegroups) {
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  std::string db = testing::TempDir() + "/news.db";
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(examples));
  std::string stories = Ok("stories -q --db " + ShellQuote(db));
  // What an ingest killed between committing a changed article and regrouping leaves.
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(h,
                         "UPDATE meta SET value='1' WHERE key='stale'; "
                         "INSERT INTO changed VALUES(0)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(h);
  auto r = RunChorus("stories --db " + ShellQuote(db));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, stories);
  EXPECT_NE(r.err.find("warning: an ingest was interrupted"), std::string::npos) << r.err;
  EXPECT_EQ(RunChorus("stories -q --db " + ShellQuote(db)).err, "");
  r = RunChorus("ingest --db " + ShellQuote(db) + " -", "");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("(1 rewritten)"), std::string::npos) << r.err;
  r = RunChorus("stories --db " + ShellQuote(db));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, stories);
}

// Starts `chorus args...` with output to /dev/null; returns its pid.
pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  std::string bin = CHORUS_BINARY;
  argv.push_back(bin.data());
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

TEST(StoreE2E, ReadsWhileAnIngestWritesSeeAConsistentStore) {
  std::string dev = DevStories();
  if (!testing::Exists(dev)) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::string db = testing::TempDir() + "/news.db";
  pid_t pid = Spawn({"ingest", "-q", "--batch", "3", "--db", db, dev});
  ASSERT_GT(pid, 0);
  int reads = 0, status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (!testing::Exists(db)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    auto r = RunChorus("stories -q --db " + ShellQuote(db));
    ASSERT_EQ(r.status, 0) << r.err;
    auto j = ParseJsonl(r.out);  // every line whole
    auto d = RunChorus("digest -q --db " + ShellQuote(db));
    ASSERT_EQ(d.status, 0) << d.err;
    ++reads;
  }
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_GT(reads, 0);
  EXPECT_EQ(Ok("stories -q --db " + ShellQuote(db)), Ok("stories -q " + ShellQuote(dev)));
}

TEST(StoreE2E, AnIngestKilledAtRandomMomentsLeavesASoundStoreThatResumes) {
  std::string dev = DevStories();
  if (!testing::Exists(dev)) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::string dir = testing::TempDir();
  // The reference: one uninterrupted run.
  std::string ref_db = dir + "/ref.db";
  Ok("ingest -q --batch 10 --db " + ShellQuote(ref_db) + " " + ShellQuote(dev));
  // How long the fastest configuration (--batch 500: fewest commits) takes,
  // so that kills can be aimed inside every run, whatever its batch size.
  auto t0 = std::chrono::steady_clock::now();
  Ok("ingest -q --batch 500 --db " + ShellQuote(dir + "/timing.db") + " " + ShellQuote(dev));
  int full_ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
          .count());
  std::string ref_stories = Ok("stories -q --db " + ShellQuote(ref_db));
  std::string ref_quotes = Ok("quotebook -q --db " + ShellQuote(ref_db));
  std::string ref_digest = Ok("digest -q --db " + ShellQuote(ref_db));
  ASSERT_EQ(ref_stories, Ok("stories -q " + ShellQuote(dev)));
  std::vector<std::string> ids;
  for (auto row : ParseJsonl(testing::ReadFile(dev)).rows)
    ids.emplace_back(row["id"].get_string().value());

  std::mt19937 rng(20240611);
  std::string db = dir + "/news.db";
  int interrupted = 0;  // kills that landed before the ingest had finished
  for (int round = 0; round < 20; ++round) {
    for (const char* ext : {"", "-wal", "-shm"}) std::remove((db + ext).c_str());
    // Odd rounds kill twice: the second run resumes an interrupted store.
    for (int kill_no = 0; kill_no < 1 + round % 2; ++kill_no) {
      int batch = std::vector<int>{1, 7, 50, 500}[(round + kill_no) % 4];
      // Within the first three quarters of the fastest uninterrupted run's
      // time, so that most kills land mid-ingest.
      int delay = std::uniform_int_distribution<int>(0, std::max(50, full_ms * 3 / 4))(rng);
      pid_t pid = Spawn({"ingest", "-q", "--batch", std::to_string(batch), "--db", db, dev});
      ASSERT_GT(pid, 0);
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      kill(pid, SIGKILL);
      int status = 0;
      waitpid(pid, &status, 0);
      if (!testing::Exists(db)) {  // killed before it created the file
        ++interrupted;
        continue;
      }
      EXPECT_EQ(IntegrityCheck(db), "ok")
          << "round " << round << ", killed after " << delay << " ms";
      // What was committed is a prefix of the input, in order.
      auto r = RunChorus("export -q --db " + ShellQuote(db));
      ASSERT_EQ(r.status, 0) << "round " << round << ": " << r.err;
      auto rows_jsonl = ParseJsonl(r.out);
      auto& rows = rows_jsonl.rows;
      ASSERT_LE(rows.size(), ids.size());
      for (size_t i = 0; i < rows.size(); ++i)
        ASSERT_EQ(std::string(rows[i]["id"].get_string().value()), ids[i]) << "round " << round;
      auto st = RunChorus("stories --db " + ShellQuote(db));
      EXPECT_EQ(st.status, 0) << "round " << round << ": " << st.err;
      if (rows.size() < ids.size() || st.err.find("interrupted") != std::string::npos)
        ++interrupted;
    }
    // Re-running finishes the job: exactly the uninterrupted result.
    Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(dev));
    EXPECT_EQ(IntegrityCheck(db), "ok");
    EXPECT_EQ(Ok("stories -q --db " + ShellQuote(db)), ref_stories) << "round " << round;
    EXPECT_EQ(Ok("quotebook -q --db " + ShellQuote(db)), ref_quotes) << "round " << round;
    EXPECT_EQ(Ok("digest -q --db " + ShellQuote(db)), ref_digest) << "round " << round;
  }
  // Most kills must land mid-ingest, else the test proves nothing.
  EXPECT_GE(interrupted, 10) << "only " << interrupted << " of 30 kills interrupted an ingest";
}

}  // namespace
}  // namespace chorus
