// HTTP payloads as WARC `response` records keep them (internal).
//
// A response block is the HTTP message exactly as it came off the wire: status
// line, headers, blank line, then the body with its transfer coding (chunked)
// and content coding (gzip, deflate) still applied. These helpers parse the
// head and undo the codings, bounded: decoding never produces more than the
// caller's limit, whatever the input claims. They also find the charset a
// page declares, and convert windows-1252 (and latin-1) pages to UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chorus::read {

struct HttpHead {
  int status = 0;                 // e.g. 200
  std::string content_type;       // media type, lower-cased, no parameters; empty when absent
  std::string charset;            // its charset parameter, lower-cased; empty when absent
  std::string transfer_encoding;  // lower-cased codings, comma-separated, as sent
  std::string content_encoding;   // lower-cased codings, comma-separated, as sent
  size_t body_offset = 0;         // where the body starts in the block
};

enum class HttpParse {
  kOk,
  kNotHttp,     // does not start with "HTTP/"
  kBadStatus,   // "HTTP/..." but no three-digit status code
  kIncomplete,  // no blank line ending the headers within the data given
};

// Parses the status line and headers at the start of `block`.
HttpParse ParseHttpHead(std::string_view block, HttpHead& out);

// Undoes the transfer and content codings of `body` into `out`, which never
// grows past `max` bytes. Returns an empty string on success, else why the
// body cannot be used. `warning` is set (and the body kept) when the body was
// damaged but partly readable: a truncated chunked or gzip stream.
std::string DecodeHttpBody(std::string_view body, const HttpHead& head, size_t max,
                           std::string& out, std::string& warning);

// The charset a page declares: the HTTP one when given, else the first
// <meta charset=...> or <meta http-equiv content="...; charset=..."> in the
// first 1024 bytes (as the HTML prescan looks). Lower-cased; empty when none.
std::string DeclaredCharset(std::string_view http_charset, std::string_view html);

// Whether `label` names windows-1252 for browsers: WHATWG Encoding maps
// iso-8859-1, latin1, us-ascii and the like to it.
bool IsWindows1252Label(std::string_view label);

// windows-1252 bytes to UTF-8 (the five unassigned bytes map to the C1
// controls of the same value, as WHATWG does).
std::string Windows1252ToUtf8(std::string_view bytes);

// text/html or application/xhtml+xml.
bool IsHtmlMediaType(std::string_view media_type);

// Content sniffing (as the WHATWG MIME Sniffing standard does for text/html):
// after optional BOM and whitespace, the data starts with a tag such as
// <!DOCTYPE HTML, <html, <head, <body, <p, <div, <title, <script or <!--.
bool LooksLikeHtml(std::string_view data);

}  // namespace chorus::read
