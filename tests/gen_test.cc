// End-to-end tests of chorus-gen, the synthetic corpus generator (bench/gen/):
// byte-identical output for a seed, counts, truth that points backwards within
// a story, valid JSON sorted by date, near-copies that are near, and both
// sentence sources (the repository's examples/, and ../shared's PolNeAR when
// present). build/chorus-gen sits next to build/chorus (CHORUS_BINARY).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "test_util.h"

namespace chorus {
namespace {

using testing::Exists;
using testing::ParseJsonl;
using testing::ReadFile;
using testing::SharedPath;
using testing::TempDir;

std::string GenBinary() {
  return (std::filesystem::path(CHORUS_BINARY).parent_path() / "chorus-gen").string();
}

std::string Examples() {
  return std::string(CHORUS_SOURCE_DIR) + "/examples";
}

struct GenRun {
  int status = -1;
  std::string err;
  std::string corpus, truth;  // file contents
};

// Runs chorus-gen with `args` (shell-quoted), writing corpus and truth to a
// fresh directory; `cwd` (optional) is the directory it runs in.
GenRun RunGen(const std::string& args, const std::string& cwd = "") {
  std::string dir = TempDir();
  std::string corpus = dir + "/corpus.jsonl", truth = dir + "/truth.jsonl", err = dir + "/err";
  std::string cmd = (cwd.empty() ? "" : "cd '" + cwd + "' && ") + "'" + GenBinary() + "' " + args +
                    " --out '" + corpus + "' --truth '" + truth + "' 2>'" + err + "'";
  int rc = std::system(cmd.c_str());
  GenRun r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.err = ReadFile(err);
  if (Exists(corpus)) r.corpus = ReadFile(corpus);
  if (Exists(truth)) r.truth = ReadFile(truth);
  std::filesystem::remove_all(dir);
  return r;
}

size_t Lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

std::string Str(simdjson::dom::element e, const char* key) {
  std::string_view v;
  if (e[key].get(v)) return "<null>";
  return std::string(v);
}

std::set<std::string> Words(const std::string& text) {
  std::set<std::string> out;
  std::istringstream ss(text);
  for (std::string w; ss >> w;) out.insert(w);
  return out;
}

// Checks everything the truth and corpus promise; returns the number of copies.
size_t CheckCorpus(const GenRun& r, size_t n) {
  EXPECT_EQ(Lines(r.corpus), n);
  EXPECT_EQ(Lines(r.truth), n);
  auto corpus = ParseJsonl(r.corpus);
  auto truth = ParseJsonl(r.truth);
  EXPECT_EQ(corpus.rows.size(), n);
  EXPECT_EQ(truth.rows.size(), n);
  if (corpus.rows.size() != n || truth.rows.size() != n) return 0;
  std::map<std::string, size_t> position;
  std::string previous_date;
  size_t copies = 0;
  for (size_t i = 0; i < n; ++i) {
    auto a = corpus.rows[i];
    std::string id = Str(a, "id");
    EXPECT_TRUE(position.emplace(id, i).second) << "duplicate id " << id;
    EXPECT_NE(Str(a, "text"), "<null>");
    EXPECT_FALSE(Str(a, "text").empty()) << id;
    EXPECT_FALSE(Str(a, "title").empty()) << id;
    EXPECT_FALSE(Str(a, "source").empty()) << id;
    EXPECT_EQ(Str(a, "url").rfind("https://", 0), 0u) << id;
    std::string date = Str(a, "published");
    EXPECT_EQ(date.size(), 10u) << id;
    EXPECT_LE(previous_date, date) << id << " is out of date order";
    previous_date = date;

    auto t = truth.rows[i];
    EXPECT_EQ(Str(t, "id"), id) << "truth line " << i + 1 << " names another article";
    EXPECT_EQ(Str(t, "story").rfind("story-", 0), 0u) << id;
    std::string_view copy_of;
    if (t["copy_of"].get(copy_of) == simdjson::SUCCESS) {
      ++copies;
      auto it = position.find(std::string(copy_of));
      if (it == position.end()) {
        ADD_FAILURE() << id << " copies " << copy_of << ", which is not an earlier article";
        continue;
      }
      EXPECT_EQ(Str(truth.rows[it->second], "story"), Str(t, "story")) << id;
      auto original = corpus.rows[it->second];
      EXPECT_NE(Str(original, "source"), Str(a, "source"))
          << id << ": a copy comes from another outlet";
      EXPECT_NE(Str(original, "text"), Str(a, "text")) << id << ": a copy is edited";
      // Light edits: most words survive.
      auto x = Words(Str(original, "text")), y = Words(Str(a, "text"));
      size_t both = 0;
      for (const auto& w : x) both += y.count(w);
      double jaccard = double(both) / double(x.size() + y.size() - both);
      EXPECT_GT(jaccard, 0.7) << id << " copies " << copy_of;
    } else {
      EXPECT_TRUE(t["copy_of"].is_null()) << id;
    }
  }
  return copies;
}

class GenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Exists(GenBinary())) << GenBinary() << " not built; run `make build`";
  }
};

TEST_F(GenTest, ExamplesSourceIsDeterministicAndValid) {
  std::string args = "--articles 400 --seed 5 --source '" + Examples() + "'";
  GenRun a = RunGen(args), b = RunGen(args);
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_TRUE(a.corpus == b.corpus) << "same seed, different corpus";
  EXPECT_TRUE(a.truth == b.truth) << "same seed, different truth";
  EXPECT_EQ(CheckCorpus(a, 400), 40u);  // --copies-fraction 0.1, exactly

  GenRun c = RunGen("--articles 400 --seed 6 --source '" + Examples() + "'");
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_NE(a.corpus, c.corpus);
}

TEST_F(GenTest, OptionsShapeTheCorpus) {
  // Mean story size 1: every story has one article, so none can be copied.
  GenRun r =
      RunGen("-n 200 --story-size-mean 1 --outlets 3 --days 7 --source '" + Examples() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(CheckCorpus(r, 200), 0u);
  std::set<std::string> stories, outlets, dates;
  for (auto t : ParseJsonl(r.truth).rows) stories.insert(Str(t, "story"));
  for (auto a : ParseJsonl(r.corpus).rows) {
    outlets.insert(Str(a, "source"));
    dates.insert(Str(a, "published"));
  }
  EXPECT_EQ(stories.size(), 200u);
  EXPECT_LE(outlets.size(), 3u);
  EXPECT_LE(dates.size(), 7u);
  EXPECT_GE(*dates.begin(), "2026-01-01");
  EXPECT_LE(*dates.rbegin(), "2026-01-07");

  // No copies asked for, none made; a large copy fraction is honoured exactly.
  GenRun none = RunGen("-n 300 --copies-fraction 0 --source '" + Examples() + "'");
  ASSERT_EQ(none.status, 0) << none.err;
  EXPECT_EQ(CheckCorpus(none, 300), 0u);
  GenRun many =
      RunGen("-n 300 --copies-fraction 0.3 --story-size-mean 10 --source '" + Examples() + "'");
  ASSERT_EQ(many.status, 0) << many.err;
  EXPECT_EQ(CheckCorpus(many, 300), 90u);
}

TEST_F(GenTest, UsageErrors) {
  EXPECT_EQ(RunGen("").status, 2);  // --articles is required
  EXPECT_EQ(RunGen("-n 0").status, 2);
  EXPECT_EQ(RunGen("-n 10 --copies-fraction 2").status, 2);
  GenRun r = RunGen("-n 10 --source /nonexistent/corpus.jsonl");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent/corpus.jsonl"), std::string::npos) << r.err;
}

TEST_F(GenTest, ChorusReadsTheCorpus) {
  std::string dir = TempDir();
  std::string corpus = dir + "/c.jsonl";
  std::string cmd = "'";
  cmd += GenBinary();
  cmd += "' -q -n 150 --seed 9 --source '" + Examples() + "' -o '" + corpus + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto r = testing::RunChorus("read -q --strict '" + corpus + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 150u);
  std::filesystem::remove_all(dir);
}

TEST_F(GenTest, PolnearSourceByDefault) {
  if (!Exists(SharedPath("data/polnear/train.jsonl")))
    GTEST_SKIP() << "../shared/data/polnear/train.jsonl not found; skipping (the examples/ "
                    "source is tested above)";
  // Run from the repository root without --source: the default is found.
  GenRun a = RunGen("-n 3000 --seed 11", CHORUS_SOURCE_DIR);
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_NE(a.err.find("polnear/train.jsonl"), std::string::npos) << a.err;
  EXPECT_EQ(CheckCorpus(a, 3000), 300u);

  std::string source = " --source '" + SharedPath("data/polnear/train.jsonl") + "'";
  GenRun b = RunGen("-n 3000 --seed 11" + source);
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_TRUE(a.corpus == b.corpus) << "same seed and source, different corpus";
  EXPECT_TRUE(a.truth == b.truth);
  GenRun c = RunGen("-n 3000 --seed 12" + source);
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_NE(a.corpus, c.corpus);
  EXPECT_NE(a.truth, c.truth);

  // Stories average --story-size-mean (6, less the cap's and the last story's trim).
  std::set<std::string> stories;
  for (auto t : ParseJsonl(a.truth).rows) stories.insert(Str(t, "story"));
  double mean = 3000.0 / double(stories.size());
  EXPECT_GT(mean, 4.5);
  EXPECT_LT(mean, 7.0);
}

}  // namespace
}  // namespace chorus
