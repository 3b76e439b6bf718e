// The progress line; see progress.h.
#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace chorus::cli {

Progress::Progress(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {
  if (const char* ms = std::getenv("CHORUS_PROGRESS_EVERY_MS")) {
    char* end = nullptr;
    const long v = std::strtol(ms, &end, 10);
    if (end != ms && *end == '\0' && v >= 0) every_ = std::chrono::milliseconds(v);
  }
}

Progress::~Progress() {
  Done();
}

bool Progress::Due(int phase, size_t done) {
  if (!enabled_) return false;
  auto now = std::chrono::steady_clock::now();
  if (phase != phase_) {
    phase_ = phase;
    start_ = now;
  }
  if (now - last_ < every_) return false;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  rate_ = secs > 0 ? static_cast<double>(done) / secs : 0;
  return true;
}

void Progress::Show(const std::string& line) {
  std::fprintf(stderr, "\rchorus: %s\033[K", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Reading(size_t read, size_t skipped) {
  if (!Due(0, read)) return;
  Show("reading: " + std::to_string(read) + " articles read, " +
       std::to_string(static_cast<size_t>(rate_)) + " articles/s, " + std::to_string(skipped) +
       " skipped");
}

void Progress::ReadingStories(size_t read, size_t stories, size_t skipped) {
  if (!Due(3, read)) return;
  Show("reading and grouping: " + std::to_string(read) + " articles, " +
       std::to_string(static_cast<size_t>(rate_)) + " articles/s, " + std::to_string(stories) +
       " stories so far, " + std::to_string(skipped) + " skipped");
}

void Progress::Grouping(size_t done, size_t total, size_t stories) {
  if (!Due(1, done)) return;
  Show("grouping: " + std::to_string(done) + "/" + std::to_string(total) + " articles, " +
       std::to_string(static_cast<size_t>(rate_)) + " articles/s, " + std::to_string(stories) +
       " stories");
}

void Progress::Digests(size_t done, size_t stories) {
  if (!Due(2, done)) return;
  Show("digests: " + std::to_string(done) + " stories rewritten of " + std::to_string(stories));
}

void Progress::Step(const std::string& what) {
  if (!enabled_) return;
  phase_ = -1;
  Show(what);
}

void Progress::Done() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace chorus::cli
