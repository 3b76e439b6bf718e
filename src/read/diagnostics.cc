// Diagnostics: messages and counts for the read summary; see chorus/reader.h.
#include <ostream>

#include "chorus/reader.h"

namespace chorus {

void Diagnostics::Print(std::string_view where, std::string_view kind, std::string_view what) {
  if (!err_) return;
  if (before_print_) before_print_();
  *err_ << "chorus: " << where << ": " << kind << ": " << what << '\n';
}

void Diagnostics::Skip(std::string_view where, std::string_view what) {
  ++skipped_;
  Print(where, "skipped", what);
}

void Diagnostics::Warn(std::string_view where, std::string_view what) {
  ++warnings_;
  Print(where, "warning", what);
}

void Diagnostics::InputError(std::string_view path, std::string_view what) {
  ++input_errors_;
  Print(path, "error", what);
}

std::string Diagnostics::Summary() const {
  std::string s = "read " + std::to_string(read_) + (read_ == 1 ? " article" : " articles") +
                  ", skipped " + std::to_string(skipped_) +
                  (skipped_ == 1 ? " record" : " records");
  if (warnings_ || input_errors_) {
    s += " (" + std::to_string(warnings_) + (warnings_ == 1 ? " warning" : " warnings");
    s += ", " + std::to_string(input_errors_) +
         (input_errors_ == 1 ? " unreadable input)" : " unreadable inputs)");
  }
  return s;
}

}  // namespace chorus
