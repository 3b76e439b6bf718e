// HTTP payload parsing and decoding for the WARC reader; see http_payload.h.
#include "read/http_payload.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <vector>

namespace chorus::read {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

// Splits a comma-separated list of codings into lower-cased tokens.
std::vector<std::string> Codings(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view tok = Trim(list.substr(0, comma));
    size_t semi = tok.find(';');  // coding parameters are ignored
    if (semi != std::string_view::npos) tok = Trim(tok.substr(0, semi));
    if (!tok.empty()) out.push_back(Lower(tok));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

void AppendList(std::string& list, std::string_view value) {
  value = Trim(value);
  if (value.empty()) return;
  if (!list.empty()) list += ", ";
  list += Lower(value);
}

// --- chunked transfer coding -------------------------------------------------

enum class Dechunked { kOk, kDamaged, kNotChunked };

// Parses one chunk-size line "1a2b[;ext]"; false when it is not one.
bool ParseChunkSize(std::string_view line, uint64_t& size) {
  size_t semi = line.find(';');
  if (semi != std::string_view::npos) line = line.substr(0, semi);
  line = Trim(line);
  if (line.empty() || line.size() > 15) return false;  // 15 hex digits: far past any limit
  size = 0;
  for (char c : line) {
    int d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    else
      return false;
    size = size * 16 + static_cast<uint64_t>(d);
  }
  return true;
}

// Output never exceeds the input, so no limit is needed here.
Dechunked Dechunk(std::string_view in, std::string& out, std::string& warning) {
  out.clear();
  size_t pos = 0;
  bool first = true;
  for (;;) {
    if (pos >= in.size()) {
      // Ended after a complete chunk without the final "0" chunk: keep it all.
      return Dechunked::kOk;
    }
    size_t nl = in.find('\n', pos);
    uint64_t size = 0;
    if (nl == std::string_view::npos || !ParseChunkSize(in.substr(pos, nl - pos), size)) {
      // Some WARC writers store the body de-chunked but keep the header.
      if (first) return Dechunked::kNotChunked;
      warning = "malformed chunked body; kept the " + std::to_string(out.size()) +
                " bytes before the error";
      return Dechunked::kDamaged;
    }
    first = false;
    pos = nl + 1;
    if (size == 0) return Dechunked::kOk;  // last chunk; trailers are ignored
    if (size > in.size() - pos) {
      out.append(in.substr(pos));
      warning =
          "chunked body is truncated; kept the " + std::to_string(out.size()) + " bytes received";
      return Dechunked::kDamaged;
    }
    out.append(in.substr(pos, size));
    pos += size;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
}

// --- gzip and deflate -----------------------------------------------------------

enum class Inflated { kOk, kTooBig, kCorrupt, kTruncated };

// Inflates `in` with zlib's `window_bits` (31: gzip, 15: zlib, -15: raw deflate)
// into `out`, stopping as soon as it would pass `max` bytes. Concatenated gzip
// members are all inflated.
Inflated Inflate(std::string_view in, int window_bits, size_t max, std::string& out) {
  out.clear();
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return Inflated::kCorrupt;
  constexpr size_t kOut = 1 << 16;
  constexpr size_t kMaxFeed = size_t{1} << 30;  // avail_in is a 32-bit uInt
  std::vector<unsigned char> buf(kOut);
  size_t fed = 0;
  Inflated result = Inflated::kOk;
  for (;;) {
    if (zs.avail_in == 0 && fed < in.size()) {
      size_t n = std::min(in.size() - fed, kMaxFeed);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
      zs.avail_in = static_cast<uInt>(n);
      fed += n;
    }
    zs.next_out = buf.data();
    zs.avail_out = static_cast<uInt>(kOut);
    int ret = inflate(&zs, Z_NO_FLUSH);
    size_t produced = kOut - zs.avail_out;
    if (produced > max - out.size()) {
      result = Inflated::kTooBig;
      break;
    }
    out.append(reinterpret_cast<const char*>(buf.data()), produced);
    size_t left = zs.avail_in + (in.size() - fed);
    if (ret == Z_STREAM_END) {
      // Another gzip member follows? Anything else after the end is ignored.
      const unsigned char* next = zs.next_in;
      if (window_bits > 15 && left >= 2 && zs.avail_in >= 2 && next[0] == 0x1f && next[1] == 0x8b) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (ret != Z_OK && ret != Z_BUF_ERROR) {
      result = Inflated::kCorrupt;
      break;
    }
    if (left == 0 && produced < kOut) {  // wants more input, and there is none
      result = Inflated::kTruncated;
      break;
    }
    if (ret == Z_BUF_ERROR && produced == 0) {  // no progress possible
      result = Inflated::kCorrupt;
      break;
    }
  }
  inflateEnd(&zs);
  return result;
}

bool IsGzipMagic(std::string_view s) {
  return s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0x1f &&
         static_cast<unsigned char>(s[1]) == 0x8b;
}

bool IsZlibHeader(std::string_view s) {
  if (s.size() < 2) return false;
  unsigned b0 = static_cast<unsigned char>(s[0]), b1 = static_cast<unsigned char>(s[1]);
  return (b0 & 0x0f) == 8 && (b0 >> 4) <= 7 && ((b0 << 8) | b1) % 31 == 0;
}

std::string TooBig(size_t max) {
  return "decompressed page is over the limit of " + std::to_string(max) +
         " bytes (--max-article-bytes)";
}

// Undoes gzip or deflate coding `name` of `in` into `out`. Empty string when
// done (or when `in` turned out not to be compressed, which writers that
// decode bodies but keep the headers produce); else the reason it failed.
std::string Uncompress(std::string_view name, std::string_view in, size_t max, std::string& out,
                       std::string& warning, bool& copied) {
  copied = false;
  Inflated r;
  if (in.empty()) {
    out.clear();
    return {};
  }
  if (IsGzipMagic(in)) {
    r = Inflate(in, 15 + 16, max, out);
  } else if (IsZlibHeader(in)) {
    r = Inflate(in, 15, max, out);
  } else if (name == "deflate") {
    // "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
    r = Inflate(in, -15, max, out);
    if (r == Inflated::kCorrupt && LooksLikeHtml(in)) {
      copied = true;
      return {};
    }
  } else {
    copied = true;  // not compressed after all
    return {};
  }
  switch (r) {
    case Inflated::kOk:
      return {};
    case Inflated::kTooBig:
      return TooBig(max);
    case Inflated::kTruncated:
      if (out.empty()) return std::string(name) + " body is truncated before any data";
      warning = std::string(name) + " body is truncated; kept the " + std::to_string(out.size()) +
                " bytes decompressed";
      return {};
    case Inflated::kCorrupt:
      break;
  }
  return "corrupt " + std::string(name) + " body";
}

// The value of a "charset=" parameter in `s` (lower-cased, unquoted), if any.
std::string CharsetParam(std::string_view s) {
  std::string low = Lower(s);
  size_t p = low.find("charset");
  while (p != std::string::npos) {
    size_t i = p + 7;
    while (i < low.size() && IsSpace(low[i])) ++i;
    if (i < low.size() && low[i] == '=') {
      ++i;
      while (i < low.size() && (IsSpace(low[i]) || low[i] == '"' || low[i] == '\'')) ++i;
      size_t j = i;
      while (j < low.size() && (std::isalnum(static_cast<unsigned char>(low[j])) || low[j] == '-' ||
                                low[j] == '_' || low[j] == '.' || low[j] == ':'))
        ++j;
      return low.substr(i, j - i);
    }
    p = low.find("charset", p + 7);
  }
  return {};
}

}  // namespace

HttpParse ParseHttpHead(std::string_view block, HttpHead& out) {
  out = HttpHead{};
  if (!block.starts_with("HTTP/")) return HttpParse::kNotHttp;
  size_t nl = block.find('\n');
  std::string_view status_line = block.substr(0, nl);
  // "HTTP/1.1 200 OK", "HTTP/2 200"
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return HttpParse::kBadStatus;
  std::string_view code = Trim(status_line.substr(sp + 1)).substr(0, 4);
  if (code.size() < 3 ||
      !std::all_of(code.begin(), code.begin() + 3, [](char c) { return c >= '0' && c <= '9'; }) ||
      (code.size() == 4 && !IsSpace(code[3])))
    return HttpParse::kBadStatus;
  out.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  if (nl == std::string_view::npos) return HttpParse::kIncomplete;

  std::string* last = nullptr;  // the field a folded continuation line extends
  size_t pos = nl + 1;
  for (;;) {
    nl = block.find('\n', pos);
    if (nl == std::string_view::npos) return HttpParse::kIncomplete;
    std::string_view line = block.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t') {
      if (last) AppendList(*last, line);
      continue;
    }
    last = nullptr;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header; ignored
    std::string name = Lower(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-type") {
      size_t semi = value.find(';');
      std::string_view media = Trim(value.substr(0, semi));
      if (media.empty()) continue;
      out.content_type = Lower(media);  // the last one wins
      out.charset.clear();
      if (semi != std::string_view::npos) out.charset = CharsetParam(value.substr(semi));
    } else if (name == "transfer-encoding") {
      AppendList(out.transfer_encoding, value);
      last = &out.transfer_encoding;
    } else if (name == "content-encoding") {
      AppendList(out.content_encoding, value);
      last = &out.content_encoding;
    }
  }
  out.body_offset = pos;
  return HttpParse::kOk;
}

std::string DecodeHttpBody(std::string_view body, const HttpHead& head, size_t max,
                           std::string& out, std::string& warning) {
  warning.clear();
  // Codings were applied in the order listed, transfer codings last; undo them
  // in reverse.
  std::vector<std::string> steps = Codings(head.content_encoding);
  for (std::string& t : Codings(head.transfer_encoding)) steps.push_back(std::move(t));
  std::string a, b;  // alternate buffers
  std::string_view cur = body;
  std::string* dst = &a;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    const std::string& c = *it;
    if (c == "identity") continue;
    bool copied = false;
    if (c == "chunked") {
      Dechunked r = Dechunk(cur, *dst, warning);
      if (r == Dechunked::kNotChunked) copied = true;
    } else if (c == "gzip" || c == "x-gzip" || c == "deflate") {
      std::string err = Uncompress(c, cur, max, *dst, warning, copied);
      if (!err.empty()) return err;
    } else {
      return "unsupported content coding \"" + c + "\"";
    }
    if (copied) continue;  // `cur` stays as it is
    cur = *dst;
    dst = dst == &a ? &b : &a;
  }
  if (cur.size() > max) return TooBig(max);
  if (cur.data() == body.data())
    out.assign(cur);
  else
    out.swap(cur.data() == a.data() ? a : b);
  return {};
}

std::string DeclaredCharset(std::string_view http_charset, std::string_view html) {
  if (!http_charset.empty()) return std::string(http_charset);
  // Each <meta ...> tag in the first 1024 bytes, in order.
  std::string head = Lower(html.substr(0, 1024));
  for (size_t p = head.find("<meta"); p != std::string::npos; p = head.find("<meta", p + 5)) {
    size_t end = head.find('>', p);
    std::string cs = CharsetParam(std::string_view(head).substr(p, end - p));
    if (!cs.empty()) return cs;
  }
  return {};
}

bool IsWindows1252Label(std::string_view label) {
  static constexpr std::string_view kLabels[] = {
      "windows-1252", "cp1252",     "x-cp1252",    "iso-8859-1",      "iso8859-1",     "iso_8859-1",
      "iso88591",     "latin1",     "l1",          "cp819",           "ibm819",        "us-ascii",
      "ascii",        "iso-ir-100", "csisolatin1", "iso_8859-1:1987", "ansi_x3.4-1968"};
  return std::find(std::begin(kLabels), std::end(kLabels), label) != std::end(kLabels);
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  static constexpr char16_t k80[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    unsigned c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
      continue;
    }
    unsigned cp = c < 0xA0 ? k80[c - 0x80] : c;
    if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | cp >> 6));
    } else {
      out.push_back(static_cast<char>(0xE0 | cp >> 12));
      out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    }
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

bool IsHtmlMediaType(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

bool LooksLikeHtml(std::string_view data) {
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
  while (!data.empty() && (IsSpace(data.front()) || data.front() == '\f')) data.remove_prefix(1);
  if (data.empty() || data.front() != '<') return false;
  std::string head = Lower(data.substr(0, 16));
  static constexpr std::string_view kTags[] = {"<!doctype html",
                                               "<html",
                                               "<head",
                                               "<script",
                                               "<iframe",
                                               "<h1",
                                               "<div",
                                               "<font",
                                               "<table",
                                               "<a",
                                               "<style",
                                               "<title",
                                               "<b",
                                               "<body",
                                               "<br",
                                               "<p",
                                               "<!--"};
  for (std::string_view tag : kTags) {
    if (!std::string_view(head).starts_with(tag)) continue;
    if (tag == "<!--") return true;
    // The tag name must end here: "<a>" or "<a href", not "<abbr".
    if (head.size() == tag.size()) return true;
    char next = head[tag.size()];
    if (next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r' || next == '\f')
      return true;
  }
  return false;
}

}  // namespace chorus::read
