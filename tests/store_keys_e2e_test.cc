// End-to-end: stories are stored under stable keys (the seq of their first
// article; store version 3, chorus/store.h). A regroup writes only the
// stories whose members changed — a split or merge that renumbers every later
// story leaves their stored rows as they are — and readers still print the
// batch numbering. An older store is read as it is and replayed at its first
// ingest.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
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

std::string Ingest(const std::string& db, const std::string& in) {
  auto r = RunChorus("ingest --db " + ShellQuote(db) + " -", in);
  EXPECT_EQ(r.status, 0) << r.err;
  return r.err;
}

// Runs `sql` and returns its rows, one string per row (columns joined by '|').
std::vector<std::string> Rows(const std::string& db, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3* h = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      const unsigned char* t = sqlite3_column_text(s, c);
      row += (c ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "");
    }
    out.push_back(row);
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

void Sql(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(h);
}

// Stored story key -> its members ("0,3,7") and its stored digest line.
struct Stored {
  std::map<std::string, std::string> members, digest;
};
Stored ReadStored(const std::string& db) {
  Stored x;
  for (const std::string& r : Rows(db,
                                   "SELECT story, group_concat(seq) FROM (SELECT story, seq "
                                   "FROM assignments ORDER BY story, seq) GROUP BY story")) {
    size_t bar = r.find('|');
    x.members[r.substr(0, bar)] = r.substr(bar + 1);
  }
  for (const std::string& r : Rows(db, "SELECT story, digest_json FROM stories")) {
    size_t bar = r.find('|');
    x.digest[r.substr(0, bar)] = r.substr(bar + 1);
  }
  return x;
}

size_t Rewritten(const std::string& err) {
  size_t at = err.find(" rewritten)");
  size_t open = err.rfind('(', at);
  EXPECT_NE(at, std::string::npos) << err;
  return at == std::string::npos ? 0 : std::stoul(err.substr(open + 1, at - open - 1));
}

void ExpectStoreMatchesBatch(const std::string& db, const std::string& file) {
  for (const char* cmd : {"stories", "quotebook", "digest", "digest --markdown"})
    EXPECT_EQ(Ok(std::string(cmd) + " -q --db " + ShellQuote(db)),
              Ok(std::string(cmd) + " -q " + ShellQuote(file)))
        << cmd;
}

TEST(StoreKeysE2E, ARegroupRewritesOnlyTheStoriesWhoseMembersChanged) {
  std::string dev = testing::SharedPath("data/dev-stories/stories.jsonl");
  if (!testing::Exists(dev)) GTEST_SKIP() << "../shared dev stories not found; skipping";
  std::vector<std::string> lines = NonEmptyLines(dev);
  std::string dir = testing::TempDir(), db = dir + "/news.db", part = dir + "/part.jsonl";
  Ingest(db, JoinLines(lines, 0, 40));
  size_t done = 40, renumbered_kept = 0;
  for (size_t step : {1, 30, 2, 60, 100}) {
    const size_t to = std::min(lines.size(), done + step);
    Stored before = ReadStored(db);
    std::map<std::string, size_t> old_rank;  // key -> public number
    for (const auto& [key, m] : before.members) old_rank[key] = 0;
    size_t k = 0;
    for (auto& [key, rank] : old_rank) rank = k++;
    std::string err = Ingest(db, JoinLines(lines, done, to));
    Stored after = ReadStored(db);
    // Every story is stored under its first article's seq; only those whose
    // members changed were written, the others kept their stored line even
    // when their public number moved.
    size_t changed = 0;
    std::map<std::string, size_t> new_rank;
    for (const auto& [key, m] : after.members) new_rank[key] = 0;
    k = 0;
    for (auto& [key, rank] : new_rank) rank = k++;
    for (const auto& [key, m] : after.members) {
      EXPECT_EQ(m.substr(0, m.find(',')), key);
      ASSERT_TRUE(after.digest.count(key)) << key;
      auto it = before.members.find(key);
      if (it == before.members.end() || it->second != m) {
        ++changed;
      } else {
        EXPECT_EQ(after.digest[key], before.digest[key]) << key;
        renumbered_kept += old_rank[key] != new_rank[key];
      }
    }
    EXPECT_EQ(after.digest.size(), after.members.size());
    EXPECT_EQ(Rewritten(err), changed) << err;
    done = to;
    Ok("export -q --db " + ShellQuote(db));  // (export reads articles only)
  }
  // Some story kept its stored row while its public number moved (a story
  // before it split or merged): what version 2 rewrote.
  EXPECT_GT(renumbered_kept, 0u);
  // Readers number the stories as the batch commands do.
  {
    FILE* f = std::fopen(part.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::string all = JoinLines(lines, 0, done);
    std::fwrite(all.data(), 1, all.size(), f);
    std::fclose(f);
  }
  ExpectStoreMatchesBatch(db, part);
}

TEST(StoreKeysE2E, AVersionTwoStoreIsReadAndReplayedAtItsFirstIngest) {
  std::string dir = testing::TempDir(), db = dir + "/v2.db";
  std::string examples = std::string(CHORUS_SOURCE_DIR) + "/examples";
  Ok("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(examples));
  // A version-2 store numbered its stories densely, as `chorus stories`
  // does: such a number is its own rank, so readers print it as it is.
  ASSERT_EQ(Rows(db, "SELECT story FROM stories ORDER BY story"),
            (std::vector<std::string>{"0", "4"}));
  Sql(db,
      "UPDATE assignments SET story=1 WHERE story=4; UPDATE stories SET story=1, "
      "digest_json=replace(digest_json, '\"s4\"', '\"s1\"'), "
      "digest_markdown=replace(digest_markdown, ' (s4)*', ' (s1)*') WHERE story=4; "
      "UPDATE quotes SET story=1, json=replace(json, '\"story\":\"s4\"', "
      "'\"story\":\"s1\"') WHERE story=4; PRAGMA user_version=2");
  ASSERT_EQ(Rows(db, "SELECT count(*) FROM stories WHERE story=1"), std::vector<std::string>{"1"});
  ExpectStoreMatchesBatch(db, examples);
  std::string err = Ingest(db, "");
  EXPECT_NE(err.find("replayed all 5 articles (no snapshot)"), std::string::npos) << err;
  EXPECT_EQ(Rows(db, "PRAGMA user_version"), std::vector<std::string>{"3"});
  ExpectStoreMatchesBatch(db, examples);
  err = Ingest(db, "");
  EXPECT_NE(err.find("continued from the snapshot of 5 articles"), std::string::npos) << err;
}

}  // namespace
}  // namespace chorus
