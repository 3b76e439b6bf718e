// Shared plumbing of the chorus commands; see cli_common.h.
#include "cli_common.h"

#include <iostream>

namespace chorus::cli {

void InputArgs::Add(CLI::App* cmd, bool required) {
  CLI::Option* files =
      cmd->add_option("FILES", inputs,
                      "Inputs: .jsonl/.ndjson(.gz), .txt, .html/.htm, .warc(.gz), directories "
                      "(read recursively), or - for JSONL on standard input");
  if (required) files->required();
  cmd->add_option("--format", format, "Force the input format: auto, jsonl, txt, html, warc")
      ->capture_default_str();
  cmd->add_option("--max-article-bytes", max_article_bytes,
                  "Skip (with a message) articles larger than this")
      ->capture_default_str();
  cmd->add_option("--max-decompressed-bytes", max_decompressed_bytes,
                  "Stop reading an input (with a message) after it has yielded this many "
                  "bytes, counted after gzip decompression: the gzip-bomb guard")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("--strict", strict, "Exit with status 1 when any record was skipped");
  cmd->add_flag("-q,--quiet", quiet, "Print no progress line and no summary on standard error");
}

void AddThreadsOption(CLI::App* cmd, size_t& threads, const char* help) {
  cmd->add_option("--threads", threads,
                  help ? help
                       : "Threads analysing articles and refining stories (0: one per core); the "
                         "output is the same for any number")
      ->capture_default_str();
}

bool InputArgs::ToOptions(ReadOptions& opts) const {
  if (!ParseInputFormat(format, opts.format)) {
    std::cerr << "chorus: unknown --format '" << format
              << "'; use one of auto, jsonl, txt, html, warc\n";
    return false;
  }
  opts.max_article_bytes = max_article_bytes;
  opts.max_decompressed_bytes = max_decompressed_bytes;
  return true;
}

int InputArgs::Finish(const Diagnostics& diag) const {
  if (!quiet) std::cerr << "chorus: " << diag.Summary() << '\n';
  if (diag.input_errors()) return kExitUsage;
  if (strict && diag.skipped()) return kExitSkipped;
  return kExitOk;
}

bool CheckFilesOrDb(const InputArgs& in, const std::string& db) {
  if (!db.empty() && !in.inputs.empty()) {
    std::cerr << "chorus: give either FILES or --db, not both\n";
    return false;
  }
  if (db.empty() && in.inputs.empty()) {
    std::cerr << "chorus: no input: give FILES (or - for standard input) or --db STORE\n";
    return false;
  }
  return true;
}

Output::Output() {
  buf_.reserve(1 << 20);
}

Output::~Output() {
  Flush();
}

void Output::Flush() {
  if (!buf_.empty()) std::fwrite(buf_.data(), 1, buf_.size(), stdout);
  buf_.clear();
  std::fflush(stdout);
}

void Output::Write(std::string_view s) {
  buf_.append(s);
  if (buf_.size() >= (1 << 20)) {
    std::fwrite(buf_.data(), 1, buf_.size(), stdout);
    buf_.clear();
  }
}

}  // namespace chorus::cli
