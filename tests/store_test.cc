// Unit tests of the embedded store (chorus/store.h): schema, articles,
// grouping state, derived tables, and the errors for files it cannot read.
#include "chorus/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "test_util.h"

namespace chorus {
namespace {

Article Make(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.source = "example.com";
  a.title = "Title " + id;
  a.published = "2024-01-02";
  a.text = text;
  return a;
}

void Sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::string OpenError(const std::string& path, Store::Mode mode) {
  try {
    Store s(path, mode);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "";
}

TEST(Store, AppendsFindsAndUpdatesArticlesInArrivalOrder) {
  std::string path = testing::TempDir() + "/news.db";
  Store s(path, Store::Mode::kWrite);
  s.Begin();
  EXPECT_EQ(s.Append(Make("a", "first"), ArticleContentHash(Make("a", "first")), "{}"), 0);
  EXPECT_EQ(s.Append(Make("b", "second"), 7, "{}"), 1);
  s.Commit();
  EXPECT_EQ(s.articles(), 2);
  auto a = s.Find("a");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->seq, 0);
  EXPECT_EQ(a->hash, ArticleContentHash(Make("a", "first")));
  EXPECT_FALSE(s.Find("zzz"));
  EXPECT_TRUE(s.Changed().empty());

  s.Begin();
  s.Update(0, Make("a", "first, revised"), 9, "{\"id\":\"a\"}");
  s.Commit();
  EXPECT_EQ(s.Load(0).text, "first, revised");
  EXPECT_EQ(s.QuotesJson(0), "{\"id\":\"a\"}");
  EXPECT_EQ(s.Changed(), std::vector<int64_t>{0});
  std::vector<std::string> ids;
  s.ForEach([&](int64_t seq, Article&& x) { ids.push_back(std::to_string(seq) + x.id); });
  EXPECT_EQ(ids, (std::vector<std::string>{"0a", "1b"}));
}

TEST(Store, ContentHashCoversEveryFieldButTheId) {
  Article a = Make("a", "text");
  uint64_t h = ArticleContentHash(a);
  Article b = a;
  b.id = "other";
  EXPECT_EQ(ArticleContentHash(b), h);
  for (std::string Article::*f :
       {&Article::source, &Article::url, &Article::title, &Article::published, &Article::text}) {
    Article c = a;
    c.*f += "x";
    EXPECT_NE(ArticleContentHash(c), h);
  }
  // Field boundaries matter: ("ab", "") differs from ("a", "b").
  Article d = a, e = a;
  d.title = "ab";
  d.published = "";
  e.title = "a";
  e.published = "b";
  EXPECT_NE(ArticleContentHash(d), ArticleContentHash(e));
}

TEST(Store, TracksWhetherStoriesCoverEveryArticle) {
  std::string path = testing::TempDir() + "/news.db";
  Store s(path, Store::Mode::kWrite);
  EXPECT_FALSE(s.stale());
  s.Begin();
  s.Append(Make("a", "x"), 1, "{}");
  s.MarkStale();
  s.Commit();
  EXPECT_TRUE(s.stale());
  EXPECT_EQ(s.grouped(), 0);
  s.Begin();
  s.SetAssignment(0, {3, std::nullopt});
  s.MarkGrouped(1);
  s.Commit();
  EXPECT_FALSE(s.stale());
  ASSERT_EQ(s.Assignments().size(), 1u);
  EXPECT_EQ(s.Assignments()[0].story, 3u);
  // A rolled-back transaction leaves nothing behind.
  s.Begin();
  s.Append(Make("b", "y"), 2, "{}");
  s.Rollback();
  EXPECT_EQ(s.articles(), 1);
  EXPECT_FALSE(s.Find("b"));
}

TEST(Store, KeepsStoriesAndQuotesInOrder) {
  std::string path = testing::TempDir() + "/news.db";
  Store s(path, Store::Mode::kWrite);
  s.Begin();
  for (int i = 0; i < 3; ++i) s.Append(Make("a" + std::to_string(i), "x"), i, "{}");
  s.SetAssignment(0, {0, std::nullopt});
  s.SetAssignment(1, {1, std::nullopt});
  s.SetAssignment(2, {0, int64_t{0}});
  StoredStory s0{0, {}, "{\"story\":\"s0\"}", "## s0", 1};
  StoredStory s1{1, {}, "{\"story\":\"s1\"}", "## s1", 0};
  s.PutStory(s1, {});
  s.PutStory(s0, {{0, 0, "Ann", "{\"quote_id\":\"q0\"}", "Ann: hi"},
                  {0, 1, "", "{\"quote_id\":\"q1\"}", "(unknown): yo"}});
  s.MarkGrouped(3);
  s.Commit();
  std::vector<StoredStory> stories = s.Stories(true);
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].members, (std::vector<int64_t>{0, 2}));
  EXPECT_EQ(stories[0].digest_markdown, "## s0");
  EXPECT_EQ(stories[1].members, (std::vector<int64_t>{1}));
  ASSERT_EQ(s.Quotes().size(), 2u);
  EXPECT_EQ(s.Quotes()[1].ordinal, 1u);
  EXPECT_EQ(s.Assignments()[2].duplicate_of, 0);
  // Replacing a story replaces its quotes; dropping removes later stories.
  s.Begin();
  s.PutStory(s0, {});
  s.DropStoriesFrom(1);
  s.TruncateAssignments(1);
  s.Commit();
  EXPECT_TRUE(s.Quotes().empty());
  EXPECT_EQ(s.Stories(false).size(), 1u);
  EXPECT_EQ(s.Assignments().size(), 1u);
}

TEST(Store, ReopensWhatItWrote) {
  std::string path = testing::TempDir() + "/news.db";
  {
    Store s(path, Store::Mode::kWrite);
    s.Begin();
    s.Append(Make("a", "x"), 1, "{}");
    s.Commit();
  }
  Store r(path, Store::Mode::kRead);
  EXPECT_EQ(r.articles(), 1);
  EXPECT_EQ(r.Load(0).title, "Title a");
}

TEST(Store, RefusesFilesItCannotRead) {
  std::string dir = testing::TempDir();
  EXPECT_NE(OpenError(dir + "/missing.db", Store::Mode::kRead).find("no such store"),
            std::string::npos);
  testing::WriteFile(dir + "/garbage.db", std::string(8192, 'x'));
  for (Store::Mode m : {Store::Mode::kRead, Store::Mode::kWrite}) {
    std::string e = OpenError(dir + "/garbage.db", m);
    EXPECT_NE(e.find(dir + "/garbage.db: not a chorus store"), std::string::npos) << e;
  }
  Sql(dir + "/other.db", "CREATE TABLE t(x)");
  EXPECT_NE(OpenError(dir + "/other.db", Store::Mode::kWrite).find("another program"),
            std::string::npos);
  { Store s(dir + "/newer.db", Store::Mode::kWrite); }
  Sql(dir + "/newer.db", "PRAGMA user_version=99");
  std::string e = OpenError(dir + "/newer.db", Store::Mode::kRead);
  EXPECT_NE(e.find("newer chorus (store version 99"), std::string::npos) << e;
  EXPECT_NE(OpenError(dir, Store::Mode::kRead).find("directory"), std::string::npos);
}

TEST(Store, RenumbersLocalQuoteIds) {
  EXPECT_EQ(RenumberQuoteIds("{\"quote_id\":\"q0\",\"x\":1},{\"quote_id\":\"q12\"}", 5),
            "{\"quote_id\":\"q5\",\"x\":1},{\"quote_id\":\"q17\"}");
  // Text that merely mentions the key is escaped in JSON and left alone.
  std::string text = "{\"text\":\"\\\"quote_id\\\":\\\"q1\\\"\"}";
  EXPECT_EQ(RenumberQuoteIds(text, 3), text);
  EXPECT_EQ(RenumberQuoteIds("", 3), "");
}

}  // namespace
}  // namespace chorus
