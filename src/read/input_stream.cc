// InputStream; see input_stream.h.
#include "read/input_stream.h"

#include <cerrno>
#include <cstring>

namespace chorus::read {

namespace {
constexpr size_t kBufSize = 1 << 16;
}

InputStream::~InputStream() {
  if (file_) gzclose(file_);
}

bool InputStream::Open(const std::string& path, size_t max_total_bytes) {
  max_total_ = max_total_bytes;
  errno = 0;
  file_ = (path == "-") ? gzdopen(0, "rb") : gzopen(path.c_str(), "rb");
  if (!file_) {
    error_ = errno ? std::strerror(errno) : "cannot open";
    return false;
  }
  gzbuffer(file_, 1 << 17);
  buf_.resize(kBufSize);
  // Read the first block now so that compressed() is known and errors surface.
  Fill();
  compressed_ = gzdirect(file_) == 0;
  return true;
}

bool InputStream::Fill() {
  if (eof_ || !error_.empty()) return false;
  if (total_ >= max_total_) {
    error_ = "input exceeds the decompressed size limit of " + std::to_string(max_total_) +
             " bytes (--max-decompressed-bytes); the rest is ignored";
    eof_ = true;
    return false;
  }
  int n = gzread(file_, buf_.data(), static_cast<unsigned>(kBufSize));
  if (n < 0) {
    int code;
    const char* msg = gzerror(file_, &code);
    error_ = code == Z_ERRNO ? std::strerror(errno) : std::string("corrupt gzip data: ") + msg;
    eof_ = true;
    return false;
  }
  if (n == 0) {
    int code;
    const char* msg = gzerror(file_, &code);
    if (code == Z_BUF_ERROR)
      error_ = "truncated gzip data (unexpected end of file)";
    else if (code != Z_OK && code != Z_STREAM_END)
      error_ = msg;
    eof_ = true;
    return false;
  }
  pos_ = 0;
  end_ = static_cast<size_t>(n);
  total_ += end_;
  return true;
}

bool InputStream::ReadLine(std::string& line, size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !Fill()) return any;
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
    if (!too_long) {
      if (line.size() + take > max) {
        too_long = true;
        line.clear();
      } else {
        line.append(start, take);
      }
    }
    pos_ += take;
    delivered_ += take;
    if (nl) {
      ++pos_;
      ++delivered_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
  }
}

size_t InputStream::Read(std::string& out, size_t n) {
  size_t got = 0;
  while (got < n) {
    if (pos_ == end_ && !Fill()) break;
    size_t take = std::min(n - got, end_ - pos_);
    out.append(buf_.data() + pos_, take);
    pos_ += take;
    got += take;
  }
  delivered_ += got;
  return got;
}

size_t InputStream::Skip(size_t n) {
  size_t got = 0;
  while (got < n) {
    if (pos_ == end_ && !Fill()) break;
    size_t take = std::min(n - got, end_ - pos_);
    pos_ += take;
    got += take;
  }
  delivered_ += got;
  return got;
}

void InputStream::ReadAll(std::string& out, size_t max, bool& too_long) {
  out.clear();
  too_long = false;
  Read(out, max);
  if (pos_ < end_ || Fill()) too_long = true;
}

}  // namespace chorus::read
