// WARC reader: every `response` record with an HTML payload becomes an article.
//
// A WARC file (ISO 28500, versions 1.0 and 1.1) is a sequence of records:
//   WARC/1.1\r\n  header lines "Name: value"\r\n ... \r\n  block (Content-Length
//   bytes)  \r\n\r\n
// .warc.gz files gzip each record as its own member; InputStream reads both.
// The reader streams: it holds one record block at a time (at most
// --max-article-bytes of it, or the two ends of a larger one), never the file.
//
// Damage is reported and survived. A record whose Content-Length is missing,
// garbled or wrong (the block is not followed by the next version line, or
// runs past the end of the file) is skipped with a message naming it, and
// reading resynchronises on the next record start: a line that starts with
// "WARC/1." (or ends with it after some junk, or a "WARC-Type:" line whose
// version line is gone). A length that was too long may have swallowed the
// records after it, so the scan starts again from the start of that block.
// Rescanning is capped at twice the input size, which keeps reading linear.
#include <algorithm>
#include <cstdint>
#include <string>

#include "chorus/utf8.h"
#include "read/http_payload.h"
#include "read/input_stream.h"
#include "read/readers.h"

namespace chorus::read {

namespace {

constexpr size_t kMaxLine = 64 << 10;        // a WARC header line
constexpr size_t kMaxHeaderBytes = 1 << 20;  // a whole WARC record header
constexpr size_t kHttpHeadBytes = 64 << 10;  // HTTP head looked at in oversized records
constexpr size_t kChunk = 64 << 10;          // unit of reading oversized blocks
constexpr size_t kTailBytes = 128 << 10;     // end of an oversized block kept for resync
constexpr size_t kPushBackSlack = 1 << 20;   // rescanning allowed beyond twice the input

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

// "<uri>" -> "uri" (WARC 1.0 examples bracket URIs).
std::string StripBrackets(std::string_view v) {
  v = Trim(v);
  if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = Trim(v.substr(1, v.size() - 2));
  return std::string(v);
}

// Digits only, no sign, no overflow.
bool ParseLength(std::string_view v, uint64_t& out) {
  v = Trim(v);
  if (v.empty() || v.size() > 19) return false;
  out = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

bool StartsWithLower(std::string_view s, std::string_view lower) {
  return s.size() >= lower.size() && EqualsLower(s.substr(0, lower.size()), lower);
}

// A version line after some damage: "\x00WARC/1.1".
bool EndsWithVersion(std::string_view s) {
  s = Trim(s);
  return s.size() > 8 && (s.ends_with("WARC/1.0") || s.ends_with("WARC/1.1"));
}

// A short, printable excerpt of `s` for messages.
std::string Excerpt(std::string_view s) {
  std::string r;
  for (char c : s.substr(0, 40)) r += (c >= 0x20 && c < 0x7f) ? c : '?';
  if (s.size() > 40) r += "...";
  return r;
}

// InputStream plus a pushback buffer, so that the reader can scan the block
// of a record with a wrong Content-Length again after the fact.
class Source {
 public:
  explicit Source(InputStream& in) : in_(in) {}

  bool ReadLine(std::string& line, size_t max, bool& too_long) {
    if (pending() == 0) return in_.ReadLine(line, max, too_long);
    line.clear();
    too_long = false;
    size_t nl = back_.find('\n', pos_);
    size_t end = nl == std::string::npos ? back_.size() : nl;
    if (end - pos_ > max)
      too_long = true;
    else
      line.assign(back_, pos_, end - pos_);
    pos_ = nl == std::string::npos ? back_.size() : nl + 1;
    if (nl == std::string::npos) {  // the line goes on in the stream
      std::string rest;
      bool rest_too_long = false;
      if (in_.ReadLine(rest, max, rest_too_long)) {
        if (too_long || rest_too_long || line.size() + rest.size() > max) {
          too_long = true;
          line.clear();
        } else {
          line += rest;
        }
      }
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }

  size_t Read(std::string& out, size_t n) {
    size_t got = std::min(n, pending());
    out.append(back_, pos_, got);
    pos_ += got;
    return got + (got < n ? in_.Read(out, n - got) : 0);
  }

  bool AtEnd() const { return pending() == 0 && in_.eof(); }

  // Offset (in the decompressed data) of the next byte to be read.
  uint64_t offset() const { return in_.offset() - pending(); }

  // Whether `n` more bytes may be pushed back. All the rescanning together is
  // capped at twice the input read so far (plus some slack), which keeps the
  // whole read linear however the damage overlaps.
  bool CanPushBack(size_t n) const {
    return pushed_ + n + pending() <= 2 * in_.offset() + kPushBackSlack;
  }

  // `data` is read again, before whatever was still to be read.
  void PushBack(std::string&& data) {
    data.append(back_, pos_, std::string::npos);
    back_ = std::move(data);
    pos_ = 0;
    pushed_ += back_.size();
  }

 private:
  size_t pending() const { return back_.size() - pos_; }
  InputStream& in_;
  std::string back_;
  size_t pos_ = 0;
  uint64_t pushed_ = 0;  // bytes pushed back so far
};

struct WarcHeader {
  std::string type, uri, record_id;
  std::string length_text;  // as given
  bool has_length = false;
  bool conflicting_length = false;
};

class WarcReader {
 public:
  WarcReader(InputStream& in, std::string_view display, const ReadOptions& opts, Diagnostics& diag,
             const ArticleSink& sink)
      : in_(in), src_(in), display_(display), opts_(opts), diag_(diag), sink_(sink) {}

  void Run() {
    // The first non-blank line must be a WARC version line.
    bool content = false, found = false;
    while (NextLine()) {
      if (!too_long_ && IsBlank(line_)) continue;
      content = true;
      found = !too_long_ && line_.starts_with("WARC/");
      break;
    }
    if (!found) {
      if (content)
        diag_.Skip(display_, "not a WARC file (no WARC/1.x version line)");
      else if (!in_.error().empty())
        diag_.Skip(display_, in_.error());
      return;  // an empty file has nothing to report
    }
    record_offset_ = line_start_;
    // Each Record() call starts just after a version line and returns true
    // when it has read the next one.
    while (Record()) {
    }
    if (!in_.error().empty()) diag_.Skip(display_, in_.error());
  }

 private:
  bool NextLine() {
    line_start_ = src_.offset();
    return src_.ReadLine(line_, kMaxLine, too_long_);
  }

  // "file:record N (uri)".
  std::string Where(std::string_view uri = {}) const {
    std::string w = display_ + ":record " + std::to_string(record_no_);
    if (!uri.empty()) w += " (" + std::string(uri) + ")";
    return w;
  }

  std::string At() const {
    return "record at byte " + std::to_string(record_offset_) +
           (in_.compressed() ? " of the decompressed data" : "");
  }

  std::string LineExcerpt() const {
    return too_long_ ? "(a line over " + std::to_string(kMaxLine) + " bytes)" : Excerpt(line_);
  }

  enum class Found { kNothing, kVersion, kJunkVersion, kHeader };

  // Scans for the start of the next record: a line that starts with
  // "WARC/1.", or one that ends with a version after some damage, or a
  // "WARC-Type:" header line whose version line is gone.
  Found Scan() {
    while (NextLine()) {
      if (too_long_) continue;
      Found f = line_.starts_with("WARC/1.")           ? Found::kVersion
                : EndsWithVersion(line_)               ? Found::kJunkVersion
                : StartsWithLower(line_, "warc-type:") ? Found::kHeader
                                                       : Found::kNothing;
      if (f == Found::kNothing) continue;
      record_offset_ = line_start_;
      return f;
    }
    return Found::kNothing;
  }

  // After Scan(): true when a record starts there, noting its damage.
  bool Start(Found f, std::string_view damage = {}) {
    if (f == Found::kJunkVersion) note_ = "junk before its version line";
    if (f == Found::kHeader) {
      note_ = damage.empty() ? std::string("no version line before its header")
                             : "damaged version line \"" + std::string(damage) + "\"";
      header_pending_ = true;
    }
    return f != Found::kNothing;
  }

  bool Resync() { return Start(Scan()); }

  // Reports a record that could not be delimited, and resynchronises.
  bool Broken(const std::string& where, const std::string& what) {
    diag_.Skip(where, what + " (" + At() + "); skipping to the next record");
    return Resync();
  }

  enum class Header { kComplete, kNextRecord, kEnd };

  // Reads the header lines after a version line, up to the blank line. When
  // the header is broken, it is reported and the next record looked for.
  Header ReadHeader(WarcHeader& h) {
    size_t bytes = 0;
    std::string* last = nullptr;     // for folded continuation lines
    bool pending = header_pending_;  // line_ is its first header line already
    header_pending_ = false;
    for (;; pending = false) {
      if (!pending && !NextLine()) {
        if (in_.error().empty())
          diag_.Skip(Where(), "truncated record: the file ends inside its header (" + At() + ")");
        return Header::kEnd;
      }
      std::string broken;
      if (too_long_) broken = "record header line over " + std::to_string(kMaxLine) + " bytes";
      bytes += line_.size() + 2;
      if (bytes > kMaxHeaderBytes)
        broken = "record header over " + std::to_string(kMaxHeaderBytes) + " bytes";
      if (!broken.empty()) return Broken(Where(), broken) ? Header::kNextRecord : Header::kEnd;
      if (IsBlank(line_)) {
        h.uri = StripBrackets(h.uri);
        return Header::kComplete;
      }
      if (line_.starts_with("WARC/1.")) {
        // The next record starts here: this one lost the end of its header.
        diag_.Skip(Where(), "record header is cut short by the next record (" + At() + ")");
        record_offset_ = line_start_;
        return Header::kNextRecord;
      }
      if (line_.front() == ' ' || line_.front() == '\t') {
        if (last && last->size() < kMaxLine) {
          last->push_back(' ');
          last->append(Trim(line_));
        }
        continue;
      }
      last = nullptr;
      size_t colon = line_.find(':');
      if (colon == std::string::npos) {
        diag_.Warn(Where(), "ignored a malformed header line \"" + Excerpt(line_) + "\"");
        continue;
      }
      std::string_view name = Trim(std::string_view(line_).substr(0, colon));
      std::string_view value = Trim(std::string_view(line_).substr(colon + 1));
      if (EqualsLower(name, "content-length")) {
        if (h.has_length && h.length_text != value) h.conflicting_length = true;
        h.has_length = true;
        h.length_text = value;
      } else if (EqualsLower(name, "warc-type")) {
        h.type = value;
        last = &h.type;
      } else if (EqualsLower(name, "warc-target-uri")) {
        h.uri = value;
        last = &h.uri;
      } else if (EqualsLower(name, "warc-record-id")) {
        h.record_id = value;
      }
    }
  }

  // Reads a block of `length` bytes. When it fits the article limit it is
  // kept whole in `block_`; otherwise `block_` gets its first kHttpHeadBytes and
  // `tail_` its last kTailBytes, and the middle is read but not kept. Returns
  // how many bytes were there.
  uint64_t ReadBlock(uint64_t length, bool& whole) {
    block_.clear();
    tail_.clear();
    whole = length <= opts_.max_article_bytes;
    if (whole) return src_.Read(block_, static_cast<size_t>(length));
    size_t head = static_cast<size_t>(std::min<uint64_t>(length, kHttpHeadBytes));
    uint64_t got = src_.Read(block_, head);
    if (got < head) return got;
    while (got < length) {
      size_t want = static_cast<size_t>(std::min<uint64_t>(length - got, kChunk));
      if (tail_.size() + want > kTailBytes) {
        size_t drop = std::min(tail_.size(), tail_.size() + want - kTailBytes);
        tail_.erase(0, drop);
      }
      size_t n = src_.Read(tail_, want);
      got += n;
      if (n < want) break;
    }
    return got;
  }

  // Whether the block just read holds the start of another record, a sign
  // that its Content-Length was too long.
  bool SwallowedARecord() const {
    static constexpr std::string_view kStart = "\r\n\r\nWARC/1.";
    return block_.find(kStart) != std::string::npos || tail_.find(kStart) != std::string::npos;
  }

  // Makes the block just read (`got` bytes; only its end when it was
  // oversized), then `extra`, the next thing read, so that a resync scans it.
  void PushBackBlock(uint64_t got, std::string_view extra) {
    std::string data;
    if (block_.size() + tail_.size() == got) {  // nothing dropped in between
      data = std::move(block_);
      data += tail_;
    } else {
      data = std::move(tail_);
    }
    data.append(extra);
    if (src_.CanPushBack(data.size())) src_.PushBack(std::move(data));
  }

  bool Record() {
    ++record_no_;
    WarcHeader h;
    switch (ReadHeader(h)) {
      case Header::kComplete:
        break;
      case Header::kNextRecord:
        return true;
      case Header::kEnd:
        return false;
    }
    if (!note_.empty()) {
      diag_.Warn(Where(h.uri), "damaged record start (" + note_ + "); read it anyway");
      note_.clear();
    }
    if (!h.has_length) return Broken(Where(h.uri), "no Content-Length in the record header");
    if (h.conflicting_length)
      return Broken(Where(h.uri), "conflicting Content-Length headers in the record header");
    uint64_t length = 0;
    if (!ParseLength(h.length_text, length))
      return Broken(Where(h.uri), "bad Content-Length \"" + Excerpt(h.length_text) + "\"");

    bool whole = false;
    uint64_t got = ReadBlock(length, whole);
    if (got < length) {
      if (!in_.error().empty()) return false;  // reported once by Run()
      diag_.Skip(Where(h.uri), "truncated record: Content-Length is " + std::to_string(length) +
                                   " but only " + std::to_string(got) + " bytes follow (" + At() +
                                   ")");
      // A wrong length may have swallowed the records after it: scan them.
      PushBackBlock(got, {});
      return Resync();
    }

    // The block must be followed by blank lines (normally "\r\n\r\n") and then
    // the next version line or the end of the file.
    uint64_t block_end = src_.offset();
    bool next = false;
    int blank = 0;       // blank lines seen
    bool exact = false;  // the first two were "\r\n\r\n" exactly
    while (NextLine()) {
      if (!too_long_ && IsBlank(line_)) {
        ++blank;
        if (blank == 1) exact = line_.empty();
        if (blank == 2) exact = exact && line_.empty() && src_.offset() - block_end == 4;
        continue;
      }
      if (!too_long_ && line_.starts_with("WARC/")) {
        next = true;
        break;
      }
      if (!too_long_ && EndsWithVersion(line_)) {
        next = Start(Found::kJunkVersion);
        break;
      }
      if (!too_long_ && src_.AtEnd() && std::string_view("WARC/").starts_with(line_)) {
        // The file ends inside the next version line: this record is whole.
        Process(h, length, whole);
        ++record_no_;
        record_offset_ = line_start_;
        if (in_.error().empty())
          diag_.Skip(Where(),
                     "truncated record: the file ends inside its version line (" + At() + ")");
        return false;
      }
      if (blank >= 2 && exact && !SwallowedARecord()) {
        // The block ends where it should: the next version line is damaged.
        // Keep this record, and the next one too when its header is found.
        Process(h, length, whole);
        ++record_no_;
        record_offset_ = line_start_;
        std::string damage = LineExcerpt();
        std::string at = At();
        Found f = Scan();
        if (f == Found::kHeader) {
          --record_no_;  // it is that same record: Record() counts it again
          return Start(f, damage);
        }
        diag_.Skip(Where(), "damaged record: \"" + damage +
                                "\" where a WARC/1.x version line should be (" + at +
                                "); skipped to the next record");
        return Start(f);
      }
      diag_.Skip(Where(h.uri), "Content-Length " + std::to_string(length) +
                                   " does not match the record: the block is followed by \"" +
                                   LineExcerpt() + "\", not by the next record (" + At() +
                                   "); skipping to the next record");
      // A split version line ("...W" + "ARC/1.1") is joined again; blank lines
      // in between must not be.
      std::string extra = blank ? "\n" : "";
      if (!too_long_) extra += line_ + "\n";
      PushBackBlock(got, extra);
      return Resync();
    }
    uint64_t next_offset = line_start_;

    Process(h, length, whole);

    record_offset_ = next_offset;
    return next;
  }

  // Turns a complete record into an article, or says why not.
  void Process(const WarcHeader& h, uint64_t length, bool whole) {
    if (h.type.empty()) {
      diag_.Skip(Where(h.uri), "no WARC-Type in the record header (" + At() + ")");
      return;
    }
    if (!EqualsLower(h.type, "response")) return;  // not an article
    const std::string& uri = h.uri;
    std::string where = Where(uri);
    HttpHead head;
    switch (ParseHttpHead(block_, head)) {
      case HttpParse::kOk:
        break;
      case HttpParse::kNotHttp:
        return;  // e.g. a dns: response
      case HttpParse::kBadStatus:
        diag_.Skip(where, "malformed HTTP status line \"" +
                              Excerpt(std::string_view(block_).substr(0, block_.find('\n'))) +
                              "\"");
        return;
      case HttpParse::kIncomplete:
        diag_.Skip(where, whole ? "HTTP response without the blank line ending its headers"
                                : "HTTP response headers do not end within the first " +
                                      std::to_string(block_.size()) + " bytes");
        return;
    }
    if (head.status < 200 || head.status > 299) return;  // redirects, errors: not articles
    bool declared_html = IsHtmlMediaType(head.content_type);
    if (!head.content_type.empty() && !declared_html) return;  // images, scripts, PDFs...
    if (!whole) {
      diag_.Skip(where, "record is " + std::to_string(length) + " bytes, over the limit of " +
                            std::to_string(opts_.max_article_bytes) + " (--max-article-bytes)");
      return;
    }
    std::string body, warning;
    std::string err = DecodeHttpBody(std::string_view(block_).substr(head.body_offset), head,
                                     opts_.max_article_bytes, body, warning);
    if (!err.empty()) {
      diag_.Skip(where, err);
      return;
    }
    if (!declared_html && !LooksLikeHtml(body)) return;  // no Content-Type, and not HTML
    if (!warning.empty()) diag_.Warn(where, warning);
    if (body.find('\0') != std::string::npos) {
      diag_.Skip(where, "binary content (NUL bytes), not HTML");
      return;
    }
    // Pages in windows-1252 (or latin-1, which browsers read as such) are
    // converted; other invalid UTF-8 is left to Deliver to repair and report.
    if (!utf8::IsValid(body) && IsWindows1252Label(DeclaredCharset(head.charset, body)))
      body = Windows1252ToUtf8(body);
    Article a;
    if (!ExtractHtml(body, a)) {
      diag_.Skip(where, "no article text found in the page");
      return;
    }
    // The target URI, else the record id; a record with neither (or "<>")
    // is named by its place in the file, so no article goes without an id.
    a.id = !uri.empty() ? uri : StripBrackets(h.record_id);
    if (a.id.empty()) a.id = Where();
    if (a.url.empty()) a.url = uri;
    Deliver(std::move(a), where, opts_, diag_, sink_);
  }

  InputStream& in_;
  Source src_;
  const std::string display_;
  const ReadOptions& opts_;
  Diagnostics& diag_;
  const ArticleSink& sink_;

  std::string line_;
  bool too_long_ = false;
  uint64_t line_start_ = 0;     // offset of line_
  uint64_t record_no_ = 0;      // 1-based, of the record being read
  uint64_t record_offset_ = 0;  // offset of its version line
  std::string block_, tail_;
  bool header_pending_ = false;  // line_ holds the first header line of a record
  std::string note_;             // damage at the start of the record being read
};

}  // namespace

void ReadWarc(const std::string& path, std::string_view display, const ReadOptions& opts,
              Diagnostics& diag, const ArticleSink& sink) {
  InputStream in;
  if (!in.Open(path, opts.max_decompressed_bytes)) {
    diag.InputError(display, "cannot open: " + in.error());
    return;
  }
  WarcReader(in, display, opts, diag, sink).Run();
}

}  // namespace chorus::read
