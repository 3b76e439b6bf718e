// ReadInputs: format dispatch, directory walking, and the shared Deliver step.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "chorus/utf8.h"
#include "read/input_stream.h"
#include "read/readers.h"

namespace chorus {

namespace fs = std::filesystem;

bool ParseInputFormat(std::string_view name, InputFormat& out) {
  if (name == "auto")
    out = InputFormat::kAuto;
  else if (name == "jsonl" || name == "ndjson")
    out = InputFormat::kJsonl;
  else if (name == "txt" || name == "text")
    out = InputFormat::kText;
  else if (name == "html" || name == "htm")
    out = InputFormat::kHtml;
  else if (name == "warc")
    out = InputFormat::kWarc;
  else
    return false;
  return true;
}

namespace read {

bool Deliver(Article&& a, std::string_view where, const ReadOptions& opts, Diagnostics& diag,
             const ArticleSink& sink) {
  if (a.text.size() > opts.max_article_bytes) {
    diag.Skip(where, "text is " + std::to_string(a.text.size()) + " bytes, over the limit of " +
                         std::to_string(opts.max_article_bytes) + " (--max-article-bytes)");
    return false;
  }
  if (a.text.find('\0') != std::string::npos) {
    diag.Skip(where, "binary content (NUL bytes), not text");
    return false;
  }
  size_t replaced = 0;
  std::string repaired = utf8::Repair(a.text, replaced);
  if (replaced) {
    if (replaced * 10 > a.text.size() && a.text.size() > 16) {
      diag.Skip(where, "binary content (" + std::to_string(replaced) +
                           " invalid UTF-8 sequences), not text");
      return false;
    }
    diag.Warn(where,
              "replaced " + std::to_string(replaced) + " invalid UTF-8 sequence(s) with U+FFFD");
    a.text = std::move(repaired);
  }
  for (std::string* field : {&a.id, &a.source, &a.url, &a.title, &a.published}) {
    size_t r = 0;
    if (!utf8::IsValid(*field)) *field = utf8::Repair(*field, r);
  }
  if (std::all_of(a.text.begin(), a.text.end(),
                  [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); })) {
    diag.Skip(where, "empty text");
    return false;
  }
  diag.CountRead();
  sink(std::move(a));
  return true;
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

// Format by extension; kAuto when the extension says nothing.
InputFormat FormatOf(const std::string& path) {
  std::string p = Lower(path);
  if (EndsWith(p, ".gz")) p.resize(p.size() - 3);
  if (EndsWith(p, ".jsonl") || EndsWith(p, ".ndjson") || EndsWith(p, ".json"))
    return InputFormat::kJsonl;
  if (EndsWith(p, ".txt")) return InputFormat::kText;
  if (EndsWith(p, ".html") || EndsWith(p, ".htm") || EndsWith(p, ".xhtml"))
    return InputFormat::kHtml;
  if (EndsWith(p, ".warc")) return InputFormat::kWarc;
  return InputFormat::kAuto;
}

// Format from the first bytes of a file whose extension says nothing.
InputFormat Sniff(const std::string& path, const ReadOptions& opts) {
  read::InputStream in;
  if (!in.Open(path, opts.max_decompressed_bytes)) return InputFormat::kText;
  std::string head;
  in.Read(head, 512);
  size_t i = 0;
  while (i < head.size() &&
         (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
    ++i;
  std::string_view h = std::string_view(head).substr(i);
  if (h.starts_with("WARC/")) return InputFormat::kWarc;
  if (h.starts_with("{")) return InputFormat::kJsonl;
  std::string low = Lower(h.substr(0, 64));
  if (low.starts_with("<!doctype html") || low.starts_with("<html") || low.starts_with("<?xml") ||
      low.starts_with("<head") || low.starts_with("<body") || low.starts_with("<!--"))
    return InputFormat::kHtml;
  return InputFormat::kText;
}

void ReadOne(const std::string& path, const std::string& id, InputFormat format,
             const ReadOptions& opts, Diagnostics& diag, const ArticleSink& sink) {
  if (format == InputFormat::kAuto) format = FormatOf(path);
  if (format == InputFormat::kAuto) format = Sniff(path, opts);
  switch (format) {
    case InputFormat::kJsonl:
      read::ReadJsonl(path, path, opts, diag, sink);
      break;
    case InputFormat::kText:
      read::ReadTextFile(path, id, opts, diag, sink);
      break;
    case InputFormat::kHtml:
      read::ReadHtmlFile(path, id, opts, diag, sink);
      break;
    case InputFormat::kWarc:
      read::ReadWarc(path, path, opts, diag, sink);
      break;
    case InputFormat::kAuto:
      break;
  }
}

}  // namespace

// Reads a whole file (bounded) for the one-article-a-file formats. False (and
// a message) when it cannot be used.
bool Slurp(const std::string& path, std::string_view where, const ReadOptions& opts,
           Diagnostics& diag, std::string& out) {
  read::InputStream in;
  if (!in.Open(path, opts.max_decompressed_bytes)) {
    diag.InputError(where, "cannot open: " + in.error());
    return false;
  }
  bool too_long = false;
  in.ReadAll(out, opts.max_article_bytes, too_long);
  if (too_long) {
    diag.Skip(where, "file is over the article size limit of " +
                         std::to_string(opts.max_article_bytes) + " bytes (--max-article-bytes)");
    return false;
  }
  if (!in.error().empty()) {
    diag.Skip(where, in.error());
    return false;
  }
  if (out.empty()) {
    diag.Skip(where, "empty file");
    return false;
  }
  return true;
}

void ReadTextFile(const std::string& path, std::string id, const ReadOptions& opts,
                  Diagnostics& diag, const ArticleSink& sink) {
  Article a;
  if (!Slurp(path, path, opts, diag, a.text)) return;
  a.id = std::move(id);
  Deliver(std::move(a), path, opts, diag, sink);
}

void ReadHtmlFile(const std::string& path, std::string id, const ReadOptions& opts,
                  Diagnostics& diag, const ArticleSink& sink) {
  std::string html;
  if (!Slurp(path, path, opts, diag, html)) return;
  if (html.find('\0') != std::string::npos) {
    diag.Skip(path, "binary content (NUL bytes), not HTML");
    return;
  }
  Article a;
  if (!ExtractHtml(html, a)) {
    diag.Skip(path, "no article text found in the page");
    return;
  }
  a.id = std::move(id);
  Deliver(std::move(a), path, opts, diag, sink);
}

}  // namespace read

void ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& opts, Diagnostics& diag,
                const ArticleSink& sink) {
  for (const std::string& input : inputs) {
    if (input == "-") {
      read::ReadJsonl("-", "stdin", opts, diag, sink);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      diag.InputError(input, "no such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      // Every file of a known format below it, in a stable order.
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(
               input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.filename().string().starts_with(".")) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file()) continue;
        InputFormat f =
            opts.format != InputFormat::kAuto ? opts.format : read::FormatOf(p.string());
        if (f != InputFormat::kAuto) files.push_back(p);
      }
      if (ec) diag.InputError(input, "cannot list directory: " + ec.message());
      std::sort(files.begin(), files.end());
      for (const fs::path& p : files) {
        std::string id = p.lexically_relative(input).generic_string();
        read::ReadOne(p.string(), id, opts.format, opts, diag, sink);
      }
      continue;
    }
    read::ReadOne(input, fs::path(input).filename().string(), opts.format, opts, diag, sink);
  }
}

}  // namespace chorus
