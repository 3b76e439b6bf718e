// A progress line on standard error for long commands: shown only on a
// terminal (never in a pipe or a log), rewritten in place at most a few times
// a second, erased when the work is done. Nothing in it changes what a command
// computes or prints on standard output.
//
// CHORUS_PROGRESS_EVERY_MS sets the interval between lines (default 250; the
// end-to-end tests use 0 to see a line on a tiny input).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "chorus/reader.h"

namespace chorus::cli {

class Progress {
 public:
  explicit Progress(bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  // Reading: articles read (with their rate) and records skipped.
  void Reading(size_t read, size_t skipped);
  // Reading and grouping in one pass (chorus stories and the commands built
  // on it): articles read (with their rate), stories so far, records skipped.
  void ReadingStories(size_t read, size_t stories, size_t skipped);
  // Grouping: articles replayed of `total` (with their rate), stories so far.
  void Grouping(size_t done, size_t total, size_t stories);
  // Digests: stories rewritten so far (of at most `stories`).
  void Digests(size_t done, size_t stories);
  // A step without a count (shown at once, whatever the interval).
  void Step(const std::string& what);
  // Erases the line.
  void Done();

 private:
  // True when a line is due; restarts the clock when the phase changes.
  bool Due(int phase, size_t done);
  void Show(const std::string& line);
  bool enabled_;
  bool shown_ = false;
  int phase_ = -1;
  double rate_ = 0;  // articles per second in this phase
  std::chrono::milliseconds every_{250};
  std::chrono::steady_clock::time_point start_, last_;
};

// While it lives, every message of `diag` first erases the progress line (so
// that it starts a line of its own; the next progress line is drawn below it).
class ProgressClearsForMessages {
 public:
  ProgressClearsForMessages(Diagnostics& diag, Progress& progress) : diag_(diag) {
    diag_.SetBeforePrint([&progress] { progress.Done(); });
  }
  ~ProgressClearsForMessages() { diag_.SetBeforePrint(nullptr); }
  ProgressClearsForMessages(const ProgressClearsForMessages&) = delete;
  ProgressClearsForMessages& operator=(const ProgressClearsForMessages&) = delete;

 private:
  Diagnostics& diag_;
};

}  // namespace chorus::cli
