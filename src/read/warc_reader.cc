// WARC reader — placeholder until implemented.
#include "read/readers.h"

namespace chorus::read {
void ReadWarc(const std::string&, std::string_view display, const ReadOptions&, Diagnostics& diag,
              const ArticleSink&) {
  diag.InputError(display, "WARC reading is not implemented yet");
}
}  // namespace chorus::read
