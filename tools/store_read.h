// Printing what a store holds, in the formats of the file-based commands
// (`chorus stories|digest|quotebook|export --db`). Each returns the exit code;
// a store that cannot be read gets a one-line message and exit 2.
#pragma once

#include <string>

namespace chorus::cli {

struct StoreReadArgs {
  std::string db;
  bool pretty = false;  // stories/quotebook --pretty, digest --markdown
  bool quiet = false;
  std::string story;    // "s3" or "3"; empty: all
  std::string speaker;  // quotebook: case-insensitive part of the speaker's name
};

int PrintStoriesFromStore(const StoreReadArgs& args);
int PrintDigestsFromStore(const StoreReadArgs& args);
int PrintQuotebookFromStore(const StoreReadArgs& args);
// Every article as `chorus read` prints it, in arrival order.
int ExportStore(const StoreReadArgs& args);

}  // namespace chorus::cli
