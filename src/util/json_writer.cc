// JsonWriter; see chorus/json_writer.h.
#include "chorus/json_writer.h"

#include <charconv>
#include <cmath>

namespace chorus {

void AppendJsonString(std::string& out, std::string_view s, bool html_safe) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    const char* esc = nullptr;
    char buf[7];
    if (c >= 0x20 && c != '"' && c != '\\' && !(html_safe && (c == '<' || c == '>' || c == '&'))) {
      // U+2028 / U+2029 (E2 80 A8/A9) break JavaScript string literals.
      if (html_safe && c == 0xE2 && i + 2 < s.size() &&
          static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xA8) {
        out.append(s.data() + run, i - run);
        out.append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
        i += 2;
        run = i + 1;
      }
      continue;
    }
    switch (c) {
      case '"':
        esc = "\\\"";
        break;
      case '\\':
        esc = "\\\\";
        break;
      case '\n':
        esc = "\\n";
        break;
      case '\r':
        esc = "\\r";
        break;
      case '\t':
        esc = "\\t";
        break;
      case '\b':
        esc = "\\b";
        break;
      case '\f':
        esc = "\\f";
        break;
      default:
        buf[0] = '\\';
        buf[1] = 'u';
        buf[2] = '0';
        buf[3] = '0';
        buf[4] = kHex[c >> 4];
        buf[5] = kHex[c & 15];
        buf[6] = 0;
        esc = buf;
    }
    out.append(s.data() + run, i - run);
    out.append(esc);
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::Open(char c) {
  Separate();
  out_.push_back(c);
  first_.push_back(true);
}

void JsonWriter::Close(char c) {
  out_.push_back(c);
  first_.pop_back();
}

void JsonWriter::Key(std::string_view k) {
  Separate();
  AppendJsonString(out_, k, html_safe_);
  out_.push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  Separate();
  AppendJsonString(out_, s, html_safe_);
}

void JsonWriter::StringOrNull(std::string_view s) {
  if (s.empty())
    Null();
  else
    String(s);
}

void JsonWriter::Raw(std::string_view json) {
  Separate();
  out_.append(json);
}

void JsonWriter::Int(int64_t v) {
  Separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::Double(double v) {
  Separate();
  if (!std::isfinite(v)) {
    out_.append("null");
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::Bool(bool v) {
  Separate();
  out_.append(v ? "true" : "false");
}

void JsonWriter::Null() {
  Separate();
  out_.append("null");
}

void JsonWriter::SpanValue(Span s) {
  BeginArray();
  Int(s.begin);
  Int(s.end);
  EndArray();
}

}  // namespace chorus
