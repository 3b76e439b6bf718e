// HTTP payloads as WARC `response` records keep them (internal).
//
// A response block is the HTTP message exactly as it came off the wire: status
// line, headers, blank line, then the body with its transfer coding (chunked)
// and content coding (gzip, deflate) still applied. These helpers parse the
// head and undo the codings, bounded: decoding never produces more than the
// caller's limit, whatever the input claims.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chorus::read {

struct HttpHead {
  int status = 0;                 // e.g. 200
  std::string content_type;       // media type, lower-cased, no parameters; empty when absent
  std::string transfer_encoding;  // lower-cased codings, comma-separated, as sent
  std::string content_encoding;   // lower-cased codings, comma-separated, as sent
  size_t body_offset = 0;         // where the body starts in the block
};

enum class HttpParse {
  kOk,
  kNotHttp,      // does not start with "HTTP/"
  kBadStatus,    // "HTTP/..." but no three-digit status code
  kIncomplete,   // no blank line ending the headers within the data given
};

// Parses the status line and headers at the start of `block`.
HttpParse ParseHttpHead(std::string_view block, HttpHead& out);

// Undoes the transfer and content codings of `body` into `out`, which never
// grows past `max` bytes. Returns an empty string on success, else why the
// body cannot be used. `warning` is set (and the body kept) when the body was
// damaged but partly readable: a truncated chunked or gzip stream.
std::string DecodeHttpBody(std::string_view body, const HttpHead& head, size_t max,
                           std::string& out, std::string& warning);

// text/html or application/xhtml+xml.
bool IsHtmlMediaType(std::string_view media_type);

// Content sniffing (as the WHATWG MIME Sniffing standard does for text/html):
// after optional BOM and whitespace, the data starts with a tag such as
// <!DOCTYPE HTML, <html, <head, <body, <p, <div, <title, <script or <!--.
bool LooksLikeHtml(std::string_view data);

}  // namespace chorus::read
