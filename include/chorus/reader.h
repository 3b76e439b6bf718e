// chorus/reader.h — turning input files into Articles.
//
// ReadInputs streams every article of every input to a sink, one at a time:
// memory stays bounded by the largest record, whatever the input size. Formats
// are chosen by extension (or forced with ReadOptions::format):
//   .jsonl .ndjson .json (and .gz of them) — one JSON object a line (simdjson);
//   .txt — one article a file; .html .htm — one article a page (gumbo);
//   .warc .warc.gz — each `response` record with an HTML payload (zlib);
//   a directory — every file of a known extension in it, recursively, sorted;
//   "-" — JSONL from standard input.
// Bad input never stops the run: each malformed record is reported through
// Diagnostics with its file and line (or record), counted as skipped, and
// reading goes on. Not thread-safe: one ReadInputs call per Diagnostics.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chorus/article.h"

namespace chorus {

enum class InputFormat { kAuto, kJsonl, kText, kHtml, kWarc };

// Parses "auto", "jsonl", "txt"/"text", "html", "warc"; false when unknown.
bool ParseInputFormat(std::string_view name, InputFormat& out);

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  // Articles (or JSONL lines) larger than this are skipped with a message.
  size_t max_article_bytes = 10u << 20;
  // Decompressed bytes one gzip input may yield before it is cut off (bomb guard).
  size_t max_decompressed_bytes = size_t{4} << 30;
};

// Collects what went wrong while reading, and the counts for the summary.
class Diagnostics {
 public:
  // Messages go to `err` (nullptr: counted but not printed).
  explicit Diagnostics(std::ostream* err) : err_(err) {}

  // A record could not be used: "chorus: WHERE: skipped: WHAT".
  void Skip(std::string_view where, std::string_view what);
  // Something was repaired or looks odd but the record was kept.
  void Warn(std::string_view where, std::string_view what);
  // A whole input could not be opened or read: "chorus: PATH: error: WHAT".
  void InputError(std::string_view path, std::string_view what);
  void CountRead() { ++read_; }
  // Called before each message is printed (a progress line erases itself, so
  // that the message starts on a clean line).
  void SetBeforePrint(std::function<void()> f) { before_print_ = std::move(f); }

  size_t read() const { return read_; }
  size_t skipped() const { return skipped_; }
  size_t warnings() const { return warnings_; }
  size_t input_errors() const { return input_errors_; }

  // "read N articles, skipped M records (K warnings, E unreadable inputs)".
  std::string Summary() const;

 private:
  void Print(std::string_view where, std::string_view kind, std::string_view what);
  std::ostream* err_;
  std::function<void()> before_print_;
  size_t read_ = 0, skipped_ = 0, warnings_ = 0, input_errors_ = 0;
};

using ArticleSink = std::function<void(Article&&)>;

// Reads every input in order and hands each article to `sink`.
void ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& opts, Diagnostics& diag,
                const ArticleSink& sink);

// One line of JSONL, read by the caller (chorus ingest --follow reads a
// growing input itself): parsed and checked exactly as a line of a .jsonl
// input, a malformed one reported as skipped at `where` ("FILE:LINE", also
// the id of an article that has none). `line` may be modified. Blank lines
// are ignored. Not thread-safe (one parser per thread).
void ReadJsonlLine(std::string& line, std::string_view where, const ReadOptions& opts,
                   Diagnostics& diag, const ArticleSink& sink);

// Extracts an article from one HTML page: the body text (paragraphs separated
// by blank lines; menus, scripts, footers, share widgets and ads left out),
// title, published date, site name and canonical url when the page has them.
// Returns false when the page has no article text.
bool ExtractHtml(std::string_view html, Article& out);

}  // namespace chorus
