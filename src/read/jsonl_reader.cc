// JSONL reader (simdjson On-Demand), one article a line; see chorus/reader.h.
#include <simdjson.h>

#include "chorus/utf8.h"
#include "read/input_stream.h"
#include "read/readers.h"

namespace chorus::read {

namespace {

// Reads a string (or a number, for ids) field value into `out`.
simdjson::error_code GetText(simdjson::dom::element v, bool allow_number, std::string& out) {
  switch (v.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view sv;
      if (auto e = v.get_string().get(sv)) return e;
      out.assign(sv);
      return simdjson::SUCCESS;
    }
    case simdjson::dom::element_type::INT64:
      if (!allow_number) break;
      out = std::to_string(int64_t(v));
      return simdjson::SUCCESS;
    case simdjson::dom::element_type::UINT64:
      if (!allow_number) break;
      out = std::to_string(uint64_t(v));
      return simdjson::SUCCESS;
    case simdjson::dom::element_type::NULL_VALUE:
      out.clear();
      return simdjson::SUCCESS;
    default:
      break;
  }
  return simdjson::INCORRECT_TYPE;
}

// Parses one JSON object into `a`; returns an empty string or what is wrong.
// The DOM API is used (not On-Demand) because it picks the fastest SIMD kernel
// at run time; On-Demand's kernel is fixed at compile time and, built for
// generic x86-64 as Debian builds are, falls back to the scalar one.
std::string ParseRecord(simdjson::dom::parser& parser, std::string& line, Article& a) {
  line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element doc;
  if (auto e = parser.parse(line.data(), line.size(), false).get(doc))
    return simdjson::error_message(e);
  simdjson::dom::object obj;
  if (doc.get_object().get(obj)) return "not a JSON object";
  bool has_text = false;
  std::string source_alt, published_alt;
  for (simdjson::dom::key_value_pair field : obj) {
    std::string_view key = field.key;
    std::string* dst = nullptr;
    if (key == "id")
      dst = &a.id;
    else if (key == "text") {
      dst = &a.text;
      has_text = true;
    } else if (key == "title")
      dst = &a.title;
    else if (key == "url")
      dst = &a.url;
    else if (key == "source")
      dst = &a.source;
    else if (key == "publisher" || key == "outlet")
      dst = &source_alt;
    else if (key == "published")
      dst = &a.published;
    else if (key == "date")
      dst = &published_alt;
    if (!dst) continue;  // unknown fields are ignored
    if (auto e = GetText(field.value, dst == &a.id, *dst)) {
      if (e == simdjson::INCORRECT_TYPE)
        return "field \"" + std::string(key) + "\" is not a string";
      return simdjson::error_message(e);
    }
  }
  if (!has_text) return "no \"text\" field";
  if (a.source.empty()) a.source = std::move(source_alt);
  if (a.published.empty()) a.published = std::move(published_alt);
  return {};
}

}  // namespace

void ReadJsonl(const std::string& path, std::string_view display, const ReadOptions& opts,
               Diagnostics& diag, const ArticleSink& sink) {
  InputStream in;
  if (!in.Open(path, opts.max_decompressed_bytes)) {
    diag.InputError(display, "cannot open: " + in.error());
    return;
  }
  std::string line;
  std::string where;
  bool too_long = false;
  const std::string id_prefix(display);
  for (size_t lineno = 1; in.ReadLine(line, opts.max_article_bytes, too_long); ++lineno) {
    // Built in the reused buffer: `id_prefix + ":" + ...` made two
    // allocations a line on the reader's thread.
    where.assign(id_prefix).append(1, ':').append(std::to_string(lineno));
    if (too_long) {
      diag.Skip(where, "line is over the article size limit of " +
                           std::to_string(opts.max_article_bytes) + " bytes (--max-article-bytes)");
      continue;
    }
    ReadJsonlLine(line, where, opts, diag, sink);
  }
  if (!in.error().empty()) diag.Skip(std::string(display), in.error());
}

}  // namespace chorus::read

namespace chorus {

void ReadJsonlLine(std::string& line, std::string_view where, const ReadOptions& opts,
                   Diagnostics& diag, const ArticleSink& sink) {
  using read::Deliver;
  using read::ParseRecord;
  thread_local simdjson::dom::parser parser;
  if (line.find_first_not_of(" \t\r") == std::string::npos) return;  // blank line
  Article a;
  std::string err = ParseRecord(parser, line, a);
  if (err == simdjson::error_message(simdjson::UTF8_ERROR)) {
    // Invalid UTF-8 inside the record: repair it and say so, as for text files.
    size_t replaced = 0;
    std::string fixed = utf8::Repair(line, replaced);
    a = Article{};
    err = ParseRecord(parser, fixed, a);
    if (err.empty())
      diag.Warn(where,
                "replaced " + std::to_string(replaced) + " invalid UTF-8 sequence(s) with U+FFFD");
  }
  if (!err.empty()) {
    diag.Skip(where, "malformed JSON record: " + err);
    return;
  }
  if (a.id.empty()) a.id = where;
  Deliver(std::move(a), where, opts, diag, sink);
}

}  // namespace chorus
