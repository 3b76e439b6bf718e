// The parallel pipeline is deterministic: every story-level command prints
// byte-identical output with 1 thread and with several, on a generated corpus
// (planted stories, copies and shared quotes) and on the examples.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
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

}  // namespace
}  // namespace chorus
