// Helpers shared by the libFuzzer targets (fuzz/ only; not part of the library).
//
// The readers take a path, so file-based targets hand them the fuzz input
// through an anonymous in-memory file (memfd), opened by its /proc path: the
// real open/read/gzip code runs, no disk is touched. FUZZ_CHECK aborts with a
// message when a property the library promises does not hold, which libFuzzer
// reports as a crash with the input that broke it.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(cond)                                                               \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                    \
    }                                                                                  \
  } while (0)

namespace chorus::fuzz {

// One in-memory file per process, rewritten for each input.
class MemFile {
 public:
  MemFile() {
    fd_ = memfd_create("chorus-fuzz", 0);
    if (fd_ < 0) {
      std::perror("memfd_create");
      std::abort();
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  // Replaces the file's contents with `data`; returns the path to open.
  const std::string& Write(const uint8_t* data, size_t size) {
    if (ftruncate(fd_, 0) != 0) std::abort();
    size_t done = 0;
    while (done < size) {
      ssize_t w = pwrite(fd_, data + done, size - done, static_cast<off_t>(done));
      if (w <= 0) std::abort();
      done += static_cast<size_t>(w);
    }
    return path_;
  }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace chorus::fuzz
