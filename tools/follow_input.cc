// Lines of a growing input; see follow_input.h.
#include "follow_input.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include "store_ingest.h"

namespace chorus::cli {

namespace {
constexpr std::chrono::milliseconds kFilePoll(50);
}  // namespace

FollowInput::FollowInput(std::string path, size_t max_line)
    : path_(std::move(path)), display_(path_ == "-" ? "stdin" : path_), max_line_(max_line) {}

FollowInput::~FollowInput() {
  if (fd_ > 0) ::close(fd_);
}

bool FollowInput::Open() {
  if (path_ == "-") {
    fd_ = STDIN_FILENO;
    return true;
  }
  fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
    error_ = "is a directory";
    return false;
  }
  follow_file_ = true;
  return true;
}

bool FollowInput::Fill(std::chrono::milliseconds timeout) {
  if (!follow_file_) {
    pollfd p{fd_, POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (r == 0 || (r < 0 && errno == EINTR)) return true;  // nothing yet, or a signal
    if (r < 0) {
      error_ = std::strerror(errno);
      return false;
    }
  }
  if (start_ > 0 && start_ * 2 >= buf_.size()) {
    buf_.erase(0, start_);
    start_ = 0;
  }
  char chunk[1 << 16];
  ssize_t n = ::read(fd_, chunk, sizeof chunk);
  if (n < 0) {
    if (errno == EINTR || errno == EAGAIN) return true;
    error_ = std::strerror(errno);
    return false;
  }
  if (n == 0) {
    if (!follow_file_) {
      eof_ = true;
      return false;
    }
    // A followed file: nothing appended yet. Wait a little (a signal ends
    // the sleep early only in effect: the caller checks after it).
    std::this_thread::sleep_for(std::min(timeout, kFilePoll));
    return true;
  }
  buf_.append(chunk, static_cast<size_t>(n));
  return true;
}

bool FollowInput::TakeLine(std::string& line, bool& too_long) {
  for (;;) {
    size_t nl = buf_.find('\n', start_ + scanned_);
    if (nl == std::string::npos) {
      scanned_ = buf_.size() - start_;
      if (skipping_ || scanned_ > max_line_) {  // drop what is held of a line too long
        buf_.clear();
        start_ = scanned_ = 0;
        if (!skipping_) {
          skipping_ = true;
          ++line_number_;
          too_long = true;
          return true;
        }
      }
      return false;
    }
    const size_t len = nl - start_;
    const size_t from = start_;
    start_ = nl + 1;
    scanned_ = 0;
    if (skipping_) {  // the end of a line already reported
      skipping_ = false;
      continue;
    }
    ++line_number_;
    too_long = len > max_line_;
    if (!too_long) line.assign(buf_, from, len);
    return true;
  }
}

FollowInput::Status FollowInput::Next(std::string& line, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    bool too_long = false;
    if (TakeLine(line, too_long)) return too_long ? Status::kTooLong : Status::kLine;
    if (eof_) {
      if (skipping_ || start_ >= buf_.size()) return Status::kEnd;
      ++line_number_;  // a last line without its newline
      too_long = buf_.size() - start_ > max_line_;
      if (!too_long) line.assign(buf_, start_, std::string::npos);
      buf_.clear();
      start_ = scanned_ = 0;
      return too_long ? Status::kTooLong : Status::kLine;
    }
    if (StopSignal()) return Status::kStopped;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Status::kIdle;
    if (!Fill(left) && !eof_) return Status::kError;
  }
}

}  // namespace chorus::cli
