#include "test_util.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace chorus::testing {

std::string DataPath(std::string_view rel) {
  return std::string(CHORUS_TEST_DATA) + "/" + std::string(rel);
}
std::string SharedPath(std::string_view rel) {
  return std::string(CHORUS_SHARED) + "/" + std::string(rel);
}
bool Exists(const std::string& path) {
  return std::filesystem::exists(path);
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, std::string_view content) {
  std::ofstream f(path, std::ios::binary);
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
}

std::string TempDir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("chorus_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

RunResult RunChorus(const std::string& args, const std::string& stdin_text) {
  std::string dir = TempDir();
  std::string in = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr";
  WriteFile(in, stdin_text);
  std::string cmd = std::string("'") + CHORUS_BINARY + "' " + args + " <'" + in + "' >'" + out +
                    "' 2>'" + err + "'";
  int rc = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  std::filesystem::remove_all(dir);
  return r;
}

Jsonl ParseJsonl(const std::string& text) {
  Jsonl j;
  std::istringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) {
    if (line.empty()) continue;
    auto p = std::make_unique<simdjson::dom::parser>();
    simdjson::dom::element e;
    if (p->parse(line).get(e)) throw std::runtime_error("bad JSON line: " + line);
    j.rows.push_back(e);
    j.parsers.push_back(std::move(p));
  }
  return j;
}

std::string CpSubstr(std::string_view s, size_t begin, size_t end) {
  size_t cp = 0, bb = std::string_view::npos, eb = s.size();
  for (size_t i = 0; i <= s.size(); ++i) {
    bool boundary = i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (!boundary) continue;
    if (cp == begin && bb == std::string_view::npos) bb = i;
    if (cp == end) {
      eb = i;
      break;
    }
    ++cp;
  }
  if (bb == std::string_view::npos) return {};
  return std::string(s.substr(bb, eb - bb));
}

std::string ShellQuote(const std::string& s) {
  return "'" + s + "'";
}

std::vector<std::string> NonEmptyLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

std::string JoinLines(const std::vector<std::string>& lines, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to && i < lines.size(); ++i) s += lines[i] + "\n";
  return s;
}

std::string Ok(const std::string& args, const std::string& stdin_text) {
  RunResult r = RunChorus(args, stdin_text);
  EXPECT_EQ(r.status, 0) << args << "\n" << r.err;
  return r.out;
}

}  // namespace chorus::testing
