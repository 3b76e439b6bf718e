// chorus/json_writer.h — compact, streaming JSON output into a string.
//
// simdjson only parses, so output goes through this small writer. It emits
// RFC 8259 JSON with no white space; strings must be valid UTF-8 (chorus text
// always is). With html_safe set, '<', '>', '&' and U+2028/U+2029 are also
// written as \uXXXX, so the output can sit inside an HTML page or a script.
// Callers pair Begin/End themselves; the writer only places commas and colons.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"

namespace chorus {

class JsonWriter {
 public:
  explicit JsonWriter(bool html_safe = false) : html_safe_(html_safe) {}
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view k);
  void String(std::string_view s);
  // A string, or null when empty.
  void StringOrNull(std::string_view s);
  void Int(int64_t v);
  void Double(double v);
  void Bool(bool v);
  void Null();
  // A value already serialised as JSON by the caller (inserted as is).
  void Raw(std::string_view json);
  // [begin, end]
  void SpanValue(Span s);

  std::string& str() { return out_; }
  void Clear() {
    out_.clear();
    first_.clear();
    after_key_ = false;
  }

 private:
  void Separate();
  void Open(char c);
  void Close(char c);
  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
  bool html_safe_ = false;
};

// Appends `s` to `out` as a quoted, escaped JSON string.
void AppendJsonString(std::string& out, std::string_view s, bool html_safe = false);

}  // namespace chorus
