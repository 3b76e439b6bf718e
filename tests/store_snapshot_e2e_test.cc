// End-to-end: the grouping snapshot of `chorus ingest` (tools/store_regroup.cc).
// Ingesting a stream in several runs continues from the snapshot (each run
// says so) and gives exactly the batch output; a damaged snapshot, a changed
// article or --replay fall back to replaying every article, with the same
// result, and the next run continues from the snapshot again.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace chorus {
namespace {

using testing::JoinLines;
using testing::NonEmptyLines;
using testing::Ok;
using testing::RunChorus;
using testing::ShellQuote;

// Runs an ingest of `in` and returns its standard error.
std::string Ingest(const std::string& db, const std::string& in, const std::string& flags = "") {
  auto r = RunChorus("ingest " + flags + " --db " + ShellQuote(db) + " -", in);
  EXPECT_EQ(r.status, 0) << r.err;
  return r.err;
}

bool Continued(const std::string& err, size_t from) {
  return err.find("continued from the snapshot of " + std::to_string(from) + " articles") !=
         std::string::npos;
}

void Sql(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(h);
}

void ExpectStoreMatchesBatch(const std::string& db, const std::string& file, bool digests = true) {
  EXPECT_EQ(Ok("stories -q --db " + ShellQuote(db)), Ok("stories -q " + ShellQuote(file)));
  EXPECT_EQ(Ok("quotebook -q --db " + ShellQuote(db)), Ok("quotebook -q " + ShellQuote(file)));
  if (digests) {
    EXPECT_EQ(Ok("digest -q --db " + ShellQuote(db)), Ok("digest -q " + ShellQuote(file)));
  }
}

TEST(StoreSnapshotE2E, IngestingInSeveralRunsContinuesFromTheSnapshot) {
  std::string dev = testing::SharedPath("data/dev-stories/stories.jsonl");
  if (!testing::Exists(dev)) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::vector<std::string> lines = NonEmptyLines(dev);
  std::string db = testing::TempDir() + "/news.db";
  std::string err = Ingest(db, JoinLines(lines, 0, 40));
  EXPECT_NE(err.find("replayed all 40 articles (no snapshot)"), std::string::npos) << err;
  size_t done = 40;
  for (size_t step : {1, 30, 2, 60, 100}) {
    size_t to = std::min(lines.size(), done + step);
    err = Ingest(db, JoinLines(lines, done, to));
    EXPECT_TRUE(Continued(err, done)) << err;
    done = to;
  }
  ASSERT_EQ(done, lines.size());
  // Nothing new: still from the snapshot, nothing rewritten.
  err = Ingest(db, JoinLines(lines, 0, 10));
  EXPECT_TRUE(Continued(err, done)) << err;
  EXPECT_NE(err.find("(0 rewritten)"), std::string::npos) << err;
  ExpectStoreMatchesBatch(db, dev);
}

TEST(StoreSnapshotE2E, ALongGeneratedStreamInStepsGivesTheBatchStories) {
  // 5,000 generated articles over several runs: the periodic refinement (every
  // 4,096 articles) and the freezing of idle stories happen inside the runs.
  std::string dir = testing::TempDir();
  std::string gen = (std::filesystem::path(CHORUS_BINARY).parent_path() / "chorus-gen").string();
  std::string all = dir + "/all.jsonl";
  int rc = std::system(("'" + gen + "' -q -n 5000 --seed 7 --days 60 --out " + ShellQuote(all) +
                        " --truth " + ShellQuote(dir + "/truth.jsonl"))
                           .c_str());
  ASSERT_TRUE(WIFEXITED(rc) && WEXITSTATUS(rc) == 0);
  std::vector<std::string> lines = NonEmptyLines(all);
  ASSERT_EQ(lines.size(), 5000u);
  std::string db = dir + "/news.db";
  Ingest(db, JoinLines(lines, 0, 2000), "-q --batch 2000");
  size_t done = 2000;
  for (size_t to : {3000, 4090, 4100, 5000}) {
    std::string err = Ingest(db, JoinLines(lines, done, to), "--batch 2000");
    EXPECT_TRUE(Continued(err, done)) << err;
    done = to;
  }
  ExpectStoreMatchesBatch(db, all, /*digests=*/false);
}

TEST(StoreSnapshotE2E, ADamagedSnapshotIsReplayedOverWithAWarning) {
  std::string dev = testing::SharedPath("data/dev-stories/stories.jsonl");
  if (!testing::Exists(dev)) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::vector<std::string> lines = NonEmptyLines(dev);
  std::string dir = testing::TempDir(), db = dir + "/news.db";
  struct Damage {
    const char* name;
    const char* sql;
  };
  for (Damage d : {
           Damage{"truncated", "UPDATE snapshot SET data = substr(data, 1, length(data) / 2)"},
           Damage{"one byte changed",
                  "UPDATE snapshot SET data = substr(data, 1, 5000) || x'5a' || "
                  "substr(data, 5002)"},
           Damage{"garbage", "UPDATE snapshot SET data = randomblob(100000)"},
           Damage{"empty part", "UPDATE snapshot SET data = x''"},
           Damage{"not a snapshot", "UPDATE snapshot SET data = x'00'"},
       }) {
    SCOPED_TRACE(d.name);
    std::filesystem::remove(db);
    Ingest(db, JoinLines(lines, 0, 100), "-q");
    Sql(db, d.sql);
    auto r = RunChorus("ingest --db " + ShellQuote(db) + " -", JoinLines(lines, 100, lines.size()));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("replayed all " + std::to_string(lines.size()) + " articles"),
              std::string::npos)
        << r.err;
    if (std::string(d.name) != "empty part") {  // an empty snapshot is no snapshot
      EXPECT_NE(r.err.find("warning: snapshot unusable"), std::string::npos) << r.err;
    }
    EXPECT_EQ(Ok("stories -q --db " + ShellQuote(db)), Ok("stories -q " + ShellQuote(dev)));
    // The replay saved a sound snapshot again.
    EXPECT_TRUE(Continued(Ingest(db, JoinLines(lines, 0, 1)), lines.size()));
  }
  ExpectStoreMatchesBatch(db, dev);
}

TEST(StoreSnapshotE2E, AChangedArticleOrReplayFlagReplaysWithTheSameResult) {
  std::string dir = testing::TempDir(), db = dir + "/news.db";
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  std::string exported;
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(examples));
  exported = Ok("export --db " + ShellQuote(db));
  std::vector<std::string> lines;
  for (size_t at = 0, nl; (nl = exported.find('\n', at)) != std::string::npos; at = nl + 1)
    lines.push_back(exported.substr(at, nl - at));
  ASSERT_EQ(lines.size(), 5u);
  // The second article with new text: replayed, and the result is the batch
  // output over the changed stream.
  std::string changed = lines[1];
  size_t text = changed.find("\"text\":\"");
  ASSERT_NE(text, std::string::npos);
  changed.insert(text + 8, "A storm flooded the harbour of Northshore overnight. ");
  std::string err = Ingest(db, changed + "\n");
  EXPECT_NE(err.find("1 updated"), std::string::npos) << err;
  EXPECT_NE(err.find("replayed all 5 articles (article 1 changed)"), std::string::npos) << err;
  lines[1] = changed;
  testing::WriteFile(dir + "/changed.jsonl", JoinLines(lines, 0, lines.size()));
  ExpectStoreMatchesBatch(db, dir + "/changed.jsonl");
  err = Ingest(db, "", "--replay");
  EXPECT_NE(err.find("replayed all 5 articles (snapshot not used (--replay))"), std::string::npos)
      << err;
  EXPECT_NE(err.find("(0 rewritten)"), std::string::npos) << err;
  EXPECT_TRUE(Continued(Ingest(db, ""), 5));
  ExpectStoreMatchesBatch(db, dir + "/changed.jsonl");
}

TEST(StoreSnapshotE2E, AVersionOneStoreIsUpgradedAndReplayedOnce) {
  std::string dir = testing::TempDir(), db = dir + "/news.db";
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(examples));
  // What a version-1 store looks like: no snapshot table.
  Sql(db, "DROP TABLE snapshot; PRAGMA user_version=1");
  EXPECT_EQ(Ok("stories -q --db " + ShellQuote(db)), Ok("stories -q " + ShellQuote(examples)));
  std::string err = Ingest(db, "");
  EXPECT_NE(err.find("replayed all 5 articles (no snapshot)"), std::string::npos) << err;
  EXPECT_TRUE(Continued(Ingest(db, ""), 5));
  ExpectStoreMatchesBatch(db, examples);
}

}  // namespace
}  // namespace chorus
