// `chorus serve --db` end to end: the real binary serves a store over
// loopback, and an ingest into the same store while it runs shows up in its
// answers (WAL: readers and one writer at once).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <string>
#include <thread>

#include "test_util.h"

namespace chorus {
namespace {

using testing::RunChorus;

std::string Examples() {
  return std::string(CHORUS_SOURCE_DIR) + "/examples";
}

class Server {
 public:
  explicit Server(const std::string& db) : log_(testing::TempDir() + "/serve.log") {
    pid_ = fork();
    if (pid_ == 0) {
      int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, 2);
      execl(CHORUS_BINARY, CHORUS_BINARY, "serve", "--db", db.c_str(), "--port", "0",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
      std::smatch m;
      std::string text = testing::ReadFile(log_);
      static const std::regex kUrl(R"(http://127\.0\.0\.1:(\d+)/)");
      if (std::regex_search(text, m, kUrl)) port_ = std::stoi(m[1]);
    }
  }
  ~Server() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status;
      waitpid(pid_, &status, 0);
    }
  }
  int port() const { return port_; }

 private:
  std::string log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

int64_t Articles(httplib::Client& c) {
  auto r = c.Get("/api/health");
  if (!r || r->status != 200) return -1;
  std::smatch m;
  static const std::regex kArticles(R"("articles":(\d+))");
  return std::regex_search(r->body, m, kArticles) ? std::stoll(m[1]) : -1;
}

TEST(ServeE2E, ServesAStoreAndSeesWhatAnIngestAddsWhileItRuns) {
  std::string dir = testing::TempDir();
  std::string db = dir + "/news.db";
  ASSERT_EQ(RunChorus("ingest -q --db '" + db + "' '" + Examples() +
                      "/calder-gazette-bridge-reopens.txt'")
                .status,
            0);
  Server server(db);
  ASSERT_GT(server.port(), 0) << "chorus serve did not start";
  httplib::Client c("127.0.0.1", server.port());
  EXPECT_EQ(Articles(c), 1);
  auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html"), std::string::npos);
  // An ingest while the server runs: the next request sees the new articles.
  testing::RunResult more = RunChorus("ingest -q --db '" + db + "' '" + Examples() + "'");
  ASSERT_EQ(more.status, 0) << more.err;
  EXPECT_GT(Articles(c), 1);
  auto stories = c.Get("/api/stories?limit=200");
  ASSERT_TRUE(stories);
  EXPECT_EQ(stories->status, 200);
  EXPECT_NE(stories->body.find("\"total\":"), std::string::npos);
  auto story = c.Get("/api/stories/s0");
  ASSERT_TRUE(story);
  EXPECT_EQ(story->status, 200);
  for (const char* key : {"\"digest\":", "\"articles\":", "\"quotebook\":", "\"reuse\":"})
    EXPECT_NE(story->body.find(key), std::string::npos) << key;
  auto bad = c.Get("/api/stories?limit=0");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST(ServeE2E, AFileThatIsNotAStoreIsAClearError) {
  std::string path = testing::TempDir() + "/garbage.db";
  testing::WriteFile(path, "not a database at all, just some text\n");
  testing::RunResult r = RunChorus("serve --db '" + path + "' --port 0");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
}

}  // namespace
}  // namespace chorus
