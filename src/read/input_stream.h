// InputStream — buffered reading of a file, gzip or not, with hard limits (internal).
//
// Wraps zlib's gzFile, which reads gzip (including multi-member files, as
// .warc.gz uses) and plain files alike. Every read is bounded: lines longer
// than a caller's limit are consumed and reported as too long rather than
// stored, and the total decompressed size is capped (gzip-bomb guard). Errors
// (I/O, truncated or corrupt gzip) are kept in error() and reading stops.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace chorus::read {

class InputStream {
 public:
  InputStream() = default;
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Opens `path` ("-" = standard input). False with error() set on failure.
  bool Open(const std::string& path, size_t max_total_bytes);

  // Next line into `line`, without its "\n" or "\r\n". False at the end of the
  // input or on error. A line over `max` bytes is consumed, `line` is left
  // empty and `too_long` set.
  bool ReadLine(std::string& line, size_t max, bool& too_long);

  // Appends up to `n` bytes to `out`; returns how many were appended (fewer
  // only at the end of the input or on error).
  size_t Read(std::string& out, size_t n);

  // Skips up to `n` bytes; returns how many were skipped.
  size_t Skip(size_t n);

  // Reads the rest of the input into `out` (cleared first), up to `max` bytes;
  // sets `too_long` and stops reading when there is more.
  void ReadAll(std::string& out, size_t max, bool& too_long);

  bool eof() const { return pos_ == end_ && eof_; }
  // Empty while all is well; otherwise what went wrong ("truncated gzip data").
  const std::string& error() const { return error_; }
  // True when the input was gzip-compressed.
  bool compressed() const { return compressed_; }
  // Bytes delivered so far (after decompression).
  uint64_t offset() const { return delivered_; }

 private:
  bool Fill();  // refills the buffer; false when nothing more can be read
  gzFile file_ = nullptr;
  std::string buf_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool compressed_ = false;
  uint64_t total_ = 0, delivered_ = 0, max_total_ = 0;
  std::string error_;
};

}  // namespace chorus::read
