// Lines of a growing input, as they arrive (chorus ingest --follow).
//
// FollowInput reads "-" (standard input: a pipe, a terminal or a file) or a
// file that another process appends to (as `tail -f` does). Next waits at
// most `timeout` for the next complete line; a line longer than the limit is
// cut off and reported (kTooLong, then reading resumes after its newline).
// Standard input ends at its end of file (a last line without a newline is
// still given); a followed file never ends: it is polled for growth every
// 50 ms, and only a stop signal (Next returns kStopped when one is noted
// while waiting) ends the follow. Truncation or replacement of the file is
// not detected. Not thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace chorus::cli {

class FollowInput {
 public:
  enum class Status { kLine, kTooLong, kIdle, kEnd, kStopped, kError };

  // `path`: "-" or a file. max_line: longer lines are skipped (kTooLong).
  FollowInput(std::string path, size_t max_line);
  ~FollowInput();
  FollowInput(const FollowInput&) = delete;
  FollowInput& operator=(const FollowInput&) = delete;

  // False (and error() says why) when the input cannot be opened.
  bool Open();
  // The next line (without its newline) into `line`; kIdle when none came
  // within `timeout`; kError when reading failed (error()).
  Status Next(std::string& line, std::chrono::milliseconds timeout);
  // The number of the last line given or skipped (from 1), for messages.
  size_t line_number() const { return line_number_; }
  const std::string& display() const { return display_; }
  const std::string& error() const { return error_; }

 private:
  // Reads what is there (waiting at most `timeout` for something); false at
  // the end of standard input or on an error.
  bool Fill(std::chrono::milliseconds timeout);
  // Takes a complete line out of the buffer when there is one.
  bool TakeLine(std::string& line, bool& too_long);

  std::string path_, display_, error_;
  size_t max_line_;
  int fd_ = -1;
  bool follow_file_ = false;  // a named file: EOF means "nothing yet"
  bool eof_ = false;
  bool skipping_ = false;  // inside an over-long line, until its newline
  std::string buf_;
  size_t start_ = 0;    // first unconsumed byte of buf_
  size_t scanned_ = 0;  // bytes of buf_ from start_ known to hold no newline
  size_t line_number_ = 0;
};

}  // namespace chorus::cli
