// Helpers shared by the tests: files, running the binary, reading its JSONL.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

namespace chorus::testing {

// Absolute path of a file under tests/data.
std::string DataPath(std::string_view rel);
// Path of ../shared (may not exist).
std::string SharedPath(std::string_view rel);
bool Exists(const std::string& path);
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, std::string_view content);
// A fresh empty directory under the system temp dir.
std::string TempDir();

struct RunResult {
  int status = -1;  // exit status
  std::string out;  // standard output
  std::string err;  // standard error
};
// Runs build/chorus with `args` (a shell-quoted string), optional stdin text.
RunResult RunChorus(const std::string& args, const std::string& stdin_text = "");
// RunChorus expecting exit status 0 (a failed expectation names the args and
// shows standard error); returns standard output.
std::string Ok(const std::string& args, const std::string& stdin_text = "");

// Parses JSONL into simdjson DOM elements kept alive by the returned parser set.
struct Jsonl {
  std::vector<simdjson::dom::element> rows;
  std::vector<std::unique_ptr<simdjson::dom::parser>> parsers;
};
Jsonl ParseJsonl(const std::string& text);

// Time limits in tests are there to catch superlinear work, not to measure
// speed; a sanitizer build (CHORUS_SANITIZE) runs several times slower, so
// its limits are this many times longer.
#ifdef CHORUS_SANITIZED
inline constexpr double kTimeScale = 5.0;
#else
inline constexpr double kTimeScale = 1.0;
#endif

// Code-point substring of UTF-8 `s`: s[begin:end] in Python terms.
std::string CpSubstr(std::string_view s, size_t begin, size_t end);

// For end-to-end tests that build shell commands and read output files:
// `s` in single quotes (test paths hold no quote), the non-empty lines of a
// file, and lines [from, to) joined with a newline after each.
std::string ShellQuote(const std::string& s);
std::vector<std::string> NonEmptyLines(const std::string& path);
std::string JoinLines(const std::vector<std::string>& lines, size_t from, size_t to);

}  // namespace chorus::testing
