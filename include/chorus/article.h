// chorus/article.h — the document model.
//
// An Article is one news item exactly as a reader produced it. `text` is valid
// UTF-8 (readers replace invalid bytes with U+FFFD and say so); every span that
// chorus reports is a pair of Unicode code-point offsets into `text`, begin
// inclusive, end exclusive (`Span`). Internally, stages may work on byte offsets
// (`ByteSpan`); they convert with `CodepointIndex` (chorus/utf8.h) before
// reporting. Plain values: copyable, movable, no hidden sharing.
#pragma once

#include <cstdint>
#include <string>

namespace chorus {

// A half-open range of Unicode code points [begin, end) into an article's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// A half-open range of bytes [begin, end) into a UTF-8 string. Internal only.
struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const ByteSpan&) const = default;
};

struct Article {
  std::string id;         // unique within a run; readers make one when missing
  std::string source;     // outlet, e.g. "nytimes.com" (empty when unknown)
  std::string url;        // empty when unknown
  std::string title;      // empty when unknown
  std::string published;  // ISO 8601 date or date-time as given; empty when unknown
  std::string text;       // UTF-8, exactly as given (invalid bytes -> U+FFFD)
};

}  // namespace chorus
