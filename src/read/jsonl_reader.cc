// JSONL reader (simdjson On-Demand), one article a line; see chorus/reader.h.
#include <simdjson.h>

#include "chorus/utf8.h"
#include "read/input_stream.h"
#include "read/readers.h"

namespace chorus::read {

namespace {

// Reads a string (or a number, for ids) field value into `out`.
simdjson::error_code GetText(simdjson::ondemand::value v, bool allow_number, std::string& out) {
  simdjson::ondemand::json_type t;
  if (auto e = v.type().get(t)) return e;
  if (t == simdjson::ondemand::json_type::string) {
    std::string_view sv;
    if (auto e = v.get_string().get(sv)) return e;
    out.assign(sv);
    return simdjson::SUCCESS;
  }
  if (t == simdjson::ondemand::json_type::number && allow_number) {
    std::string_view raw = v.raw_json_token();
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.remove_suffix(1);
    out.assign(raw);
    return simdjson::SUCCESS;
  }
  if (t == simdjson::ondemand::json_type::null) {
    out.clear();
    return simdjson::SUCCESS;
  }
  return simdjson::INCORRECT_TYPE;
}

// Parses one JSON object into `a`; returns an empty string or what is wrong.
std::string ParseRecord(simdjson::ondemand::parser& parser, std::string& line, Article& a) {
  line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  simdjson::ondemand::document doc;
  if (auto e = parser.iterate(line.data(), line.size(), line.capacity()).get(doc))
    return simdjson::error_message(e);
  simdjson::ondemand::object obj;
  if (auto e = doc.get_object().get(obj)) {
    return e == simdjson::INCORRECT_TYPE ? "not a JSON object" : simdjson::error_message(e);
  }
  bool has_text = false;
  std::string source_alt, published_alt;
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return simdjson::error_message(e);
    std::string* dst = nullptr;
    if (key == "id") dst = &a.id;
    else if (key == "text") { dst = &a.text; has_text = true; }
    else if (key == "title") dst = &a.title;
    else if (key == "url") dst = &a.url;
    else if (key == "source") dst = &a.source;
    else if (key == "publisher" || key == "outlet") dst = &source_alt;
    else if (key == "published") dst = &a.published;
    else if (key == "date") dst = &published_alt;
    if (!dst) continue;  // unknown fields are ignored
    if (auto e = GetText(field.value(), dst == &a.id, *dst)) {
      if (e == simdjson::INCORRECT_TYPE) return "field \"" + std::string(key) + "\" is not a string";
      return simdjson::error_message(e);
    }
  }
  // Fully consumed documents have no current location; anything left is trailing.
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS) {
    return "trailing content after the JSON object";
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
  simdjson::ondemand::parser parser;
  std::string line;
  std::string where;
  bool too_long = false;
  const std::string id_prefix(display);
  for (size_t lineno = 1; in.ReadLine(line, opts.max_article_bytes, too_long); ++lineno) {
    where = id_prefix + ":" + std::to_string(lineno);
    if (too_long) {
      diag.Skip(where, "line is over the article size limit of " +
                           std::to_string(opts.max_article_bytes) + " bytes (--max-article-bytes)");
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
    Article a;
    std::string err = ParseRecord(parser, line, a);
    if (err == simdjson::error_message(simdjson::UTF8_ERROR)) {
      // Invalid UTF-8 inside the record: repair it and say so, as for text files.
      size_t replaced = 0;
      std::string fixed = utf8::Repair(line, replaced);
      a = Article{};
      err = ParseRecord(parser, fixed, a);
      if (err.empty())
        diag.Warn(where, "replaced " + std::to_string(replaced) +
                             " invalid UTF-8 sequence(s) with U+FFFD");
    }
    if (!err.empty()) {
      diag.Skip(where, "malformed JSON record: " + err);
      continue;
    }
    if (a.id.empty()) a.id = where;
    Deliver(std::move(a), where, opts, diag, sink);
  }
  if (!in.error().empty()) diag.Skip(std::string(display), in.error());
}

}  // namespace chorus::read
