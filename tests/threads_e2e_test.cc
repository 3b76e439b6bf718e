// The parallel pipeline is deterministic: every story-level command, and
// `chorus quotes`, prints byte-identical output with 1 thread and with
// several, on a generated corpus (planted stories, copies and shared quotes)
// and on the examples.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_util.h"

namespace chorus {
namespace {

using testing::RunChorus;
using testing::TempDir;

std::string Examples() {
  return std::string(CHORUS_SOURCE_DIR) + "/examples";
}

// A 3,000-article corpus from chorus-gen (articles from the shipped examples'
// sentences when ../shared is absent; either way deterministic).
const std::string& Corpus() {
  static const std::string path = [] {
    std::string dir = TempDir();
    std::string gen = (std::filesystem::path(CHORUS_BINARY).parent_path() / "chorus-gen").string();
    std::string out = dir + "/corpus.jsonl";
    std::string cmd = "'" + gen + "' --articles 3000 --seed 7 --out '" + out + "' --truth '" + dir +
                      "/truth.jsonl' 2>/dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0);
    return out;
  }();
  return path;
}

void ExpectSameOutput(const std::string& command, const std::string& input) {
  testing::RunResult one = RunChorus(command + " -q --threads 1 '" + input + "'");
  ASSERT_EQ(one.status, 0) << one.err;
  ASSERT_FALSE(one.out.empty());
  for (const char* n : {"2", "4", "0"}) {
    testing::RunResult many = RunChorus(command + " -q --threads " + n + " '" + input + "'");
    ASSERT_EQ(many.status, 0) << many.err;
    EXPECT_TRUE(many.out == one.out) << command << " differs with --threads " << n;
  }
}

TEST(ThreadsE2E, StoriesAreTheSameWithAnyNumberOfThreads) {
  ExpectSameOutput("stories", Corpus());
  ExpectSameOutput("stories", Examples());
}

TEST(ThreadsE2E, QuotebookReuseAndDigestAreTheSameWithAnyNumberOfThreads) {
  ExpectSameOutput("quotebook", Corpus());
  ExpectSameOutput("reuse", Examples());
  ExpectSameOutput("digest", Examples());
}

TEST(ThreadsE2E, QuotesAreTheSameWithAnyNumberOfThreads) {
  ExpectSameOutput("quotes", Corpus());
  ExpectSameOutput("quotes --direct", Corpus());
  ExpectSameOutput("quotes --pretty", Examples());
  // The lines come in input order: one per article, each with the id of the
  // article on the same line of the corpus.
  testing::RunResult r = RunChorus("quotes -q --threads 4 '" + Corpus() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  std::ifstream corpus(Corpus());
  std::istringstream out(r.out);
  std::string in_line, out_line;
  size_t lines = 0;
  auto id_of = [](const std::string& line) {
    const size_t b = line.find("\"id\":\"") + 6;
    return line.substr(b, line.find('"', b) - b);
  };
  while (std::getline(corpus, in_line)) {
    ASSERT_TRUE(std::getline(out, out_line)) << "no line for article " << lines;
    ASSERT_EQ(id_of(out_line), id_of(in_line)) << "line " << lines;
    ++lines;
  }
  EXPECT_EQ(lines, 3000u);
  EXPECT_FALSE(std::getline(out, out_line)) << "an extra line: " << out_line;
}

}  // namespace
}  // namespace chorus
