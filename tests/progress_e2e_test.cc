// End-to-end tests of the progress line (tools/progress.h): shown on a
// terminal only, erased before messages and at the end, never with --quiet.
// A terminal is had from script(1) (util-linux); the tests skip without it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "test_util.h"

namespace chorus {
namespace {

using testing::ReadFile;
using testing::RunChorus;
using testing::ShellQuote;
using testing::TempDir;

// script(1) is there and can open a terminal here.
bool HaveScript() {
  return std::system("script -qec true /dev/null >/dev/null 2>&1") == 0;
}

// What `chorus ARGS` writes to its terminal (standard error; standard output
// goes to `out`), a progress line due after every article.
std::string OnTerminal(const std::string& args, const std::string& out) {
  const std::string dir = TempDir();
  const std::string seen = dir + "/terminal.txt";
  const std::string inner = "CHORUS_PROGRESS_EVERY_MS=0 " + ShellQuote(CHORUS_BINARY) + " " + args +
                            " >" + ShellQuote(out);
  const std::string cmd =
      "script -qec " + ShellQuote(inner) + " /dev/null >" + ShellQuote(seen) + " 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  return ReadFile(seen);
}

const std::string kExamples = ShellQuote(std::string(CHORUS_SOURCE_DIR) + "/examples");

TEST(ProgressE2E, StoriesShowProgressOnATerminalAndEraseIt) {
  if (!HaveScript()) GTEST_SKIP() << "script(1) or a terminal not available; skipping";
  const std::string out = TempDir() + "/stories.jsonl";
  const std::string t = OnTerminal("stories " + kExamples, out);
  EXPECT_NE(t.find("\rchorus: reading and grouping: 5 articles, "), std::string::npos) << t;
  EXPECT_NE(t.find("stories so far, 0 skipped\033[K"), std::string::npos) << t;
  EXPECT_NE(t.find("\rchorus: grouping: revisiting the open stories of 5 articles\033[K"),
            std::string::npos)
      << t;
  // The line is erased before the summary, which stands on a line of its own.
  EXPECT_NE(t.find("\r\033[Kchorus: read 5 articles, skipped 0 records"), std::string::npos) << t;
  // Standard output is what it is without a terminal.
  EXPECT_EQ(ReadFile(out), RunChorus("stories " + kExamples).out);
}

TEST(ProgressE2E, AMessageStartsOnAClearedLine) {
  if (!HaveScript()) GTEST_SKIP() << "script(1) or a terminal not available; skipping";
  const std::string dir = TempDir();
  const std::string in = dir + "/bad.jsonl";
  testing::WriteFile(in,
                     "{\"id\":\"a\",\"text\":\"One article.\"}\n"
                     "{\"id\":\"b\",\"text\":\"broken\n"
                     "{\"id\":\"c\",\"text\":\"Another article.\"}\n");
  const std::string t = OnTerminal("stories " + ShellQuote(in), dir + "/out.jsonl");
  const size_t msg = t.find("chorus: " + in + ":2: skipped: ");
  ASSERT_NE(msg, std::string::npos) << t;
  ASSERT_GE(msg, 4u);
  EXPECT_EQ(t.substr(msg - 4, 4), "\r\033[K") << t;
}

TEST(ProgressE2E, QuotesShowProgressUnlessItsLinesGoToTheTerminal) {
  if (!HaveScript()) GTEST_SKIP() << "script(1) or a terminal not available; skipping";
  const std::string out = TempDir() + "/quotes.jsonl";
  const std::string t = OnTerminal("quotes " + kExamples, out);
  EXPECT_NE(t.find("\rchorus: reading: 5 articles read, "), std::string::npos) << t;
  EXPECT_NE(t.find("\r\033[Kchorus: read 5 articles, skipped 0 records"), std::string::npos) << t;
  EXPECT_EQ(ReadFile(out), RunChorus("quotes " + kExamples).out);
  // With its lines on the terminal too, no progress line among them.
  const std::string both = OnTerminal("quotes " + kExamples, "/dev/tty");
  EXPECT_NE(both.find("\"quotes\":["), std::string::npos) << both;
  EXPECT_EQ(both.find("reading: "), std::string::npos) << both;
  EXPECT_NE(both.find("chorus: read 5 articles"), std::string::npos) << both;
}

TEST(ProgressE2E, NoProgressWithQuietOrWithoutATerminal) {
  if (HaveScript()) {
    const std::string t = OnTerminal("stories -q " + kExamples, TempDir() + "/q.jsonl");
    EXPECT_EQ(t, "");
  }
  // Standard error to a file, as in a pipeline or a log: the summary alone.
  auto r = RunChorus("stories " + kExamples);
  EXPECT_EQ(r.err, "chorus: read 5 articles, skipped 0 records\n");
}

}  // namespace
}  // namespace chorus
