// Shared plumbing of the chorus commands: input options, output, exit codes.
//
// Exit codes (all commands): 0 success; 1 some records were skipped and
// --strict was given; 2 usage error or an input that could not be read.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/reader.h"

namespace chorus::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSkipped = 1;
inline constexpr int kExitUsage = 2;

// Options every command that reads articles takes.
struct InputArgs {
  std::vector<std::string> inputs;
  std::string format = "auto";
  size_t max_article_bytes = 10u << 20;
  size_t max_decompressed_bytes = size_t{4} << 30;
  bool strict = false;
  bool quiet = false;

  // Registers FILES... (required unless !required) and the input options on `cmd`.
  void Add(CLI::App* cmd, bool required = true);
  // Builds ReadOptions; false (and a message) when an option is invalid.
  bool ToOptions(ReadOptions& opts) const;
  // Prints the summary line (unless --quiet) and returns the exit code.
  int Finish(const Diagnostics& diag) const;
};

// Registers --threads (per-article analysis; 0, the default: one per core),
// described by `help` when given.
void AddThreadsOption(CLI::App* cmd, size_t& threads, const char* help = nullptr);

// For commands that read FILES or a store: true when exactly one was given,
// else prints a usage message and returns false.
bool CheckFilesOrDb(const InputArgs& in, const std::string& db);

// Buffered standard output; flushes on destruction.
class Output {
 public:
  Output();
  ~Output();
  void Write(std::string_view s);
  // Writes out what is buffered (before a summary goes to standard error).
  void Flush();
  void Line(std::string_view s) {
    Write(s);
    Write("\n");
  }

 private:
  std::string buf_;
};

}  // namespace chorus::cli
