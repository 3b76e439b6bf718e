// Pairing quotation marks; see quote_marks.h.
#include "analyse/quote_marks.h"

#include <algorithm>

#include "analyse/text_chars.h"
#include "util/byte_scan.h"

namespace chorus::quotes {

namespace {

enum class Mark { kNone, kOpen, kClose, kStraight };

inline unsigned char At(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]);
}

Mark Classify(std::string_view s, size_t i, size_t& len) {
  unsigned char c = At(s, i);
  len = 1;
  if (c == '"') return Mark::kStraight;
  // Two apostrophes stand for a double mark in some newspapers' text: ''Yes,'' he said.
  if (c == '\'' && i + 1 < s.size() && At(s, i + 1) == '\'' &&
      !(i + 2 < s.size() && At(s, i + 2) == '\'')) {
    len = 2;
    return Mark::kStraight;
  }
  if (c == 0xE2 && i + 2 < s.size() && At(s, i + 1) == 0x80) {
    len = 3;
    switch (At(s, i + 2)) {
      case 0x9C:
      case 0x9E:
      case 0x9F:
        return Mark::kOpen;  // “ „ ‟
      case 0x9D:
        return Mark::kClose;  // ”
      default:
        break;
    }
  }
  if (c == 0xC2 && i + 1 < s.size()) {
    len = 2;
    if (At(s, i + 1) == 0xAB) return Mark::kOpen;   // «
    if (At(s, i + 1) == 0xBB) return Mark::kClose;  // »
  }
  len = 1;
  return Mark::kNone;
}

// Is the character before byte i (in [lo, i)) white space, an opening bracket
// or dash — or is i at the start?
bool OpensAfter(std::string_view s, size_t lo, size_t i) {
  if (i <= lo) return true;
  size_t p = text::PrevChar(s, i);
  if (text::SpaceLen(s, p)) return true;
  unsigned char c = At(s, p);
  if (c == '(' || c == '[' || c == '{' || c == '-' || c == '/' || c == ':') return true;
  if (c == 0xE2 && p + 2 < s.size() && At(s, p + 1) == 0x80 &&
      (At(s, p + 2) == 0x94 || At(s, p + 2) == 0x93))
    return true;  // — –
  return false;
}

// Is the character at byte i (in [i, hi)) white space or punctuation, or is i the end?
bool ClosesBefore(std::string_view s, size_t i, size_t hi) {
  if (i >= hi) return true;
  if (text::SpaceLen(s, i)) return true;
  size_t len;
  return !text::IsWordChar(s, i, len);
}

// After a curly opener inside an open quotation: when the next two marks
// before `hi` are curly closers, the end of the first (the nested
// quotation's), else 0.
size_t NestedPair(std::string_view s, size_t i, size_t hi) {
  size_t inner_end = 0;
  for (int seen = 0; seen < 2;) {
    i = util::ScanFor<'"', '\'', 0xE2, 0xC2>(s.data(), i, hi);
    if (i >= hi) return 0;
    size_t len;
    Mark m = Classify(s, i, len);
    if (m == Mark::kNone) {
      ++i;
      continue;
    }
    if (m != Mark::kClose || len != 3) return 0;
    if (++seen == 1) inner_end = i + len;
    i += len;
  }
  return inner_end;
}

}  // namespace

size_t DoubleMarkLen(std::string_view text, size_t i) {
  size_t len;
  return Classify(text, i, len) == Mark::kNone ? 0 : len;
}

namespace {

// The pairing itself, for FindQuotations and FindQuotationParts: each
// quotation is handed to `sink` as its parts in order (Part(span, paragraph))
// and then End(closed). Quotations never interleave: one is open at a time.
template <class Sink>
void PairMarks(std::string_view text, const std::vector<ByteSpan>& paragraphs, Sink& sink) {
  // Round 18: the marks inside an embedded tweet's tag are its attributes'
  // (<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016">), not
  // quotations: from "<tweet" to the next ">" no mark counts. (PolNeAR train
  // has 194 such tags, 117 of them with marks, some garbled with text in an
  // attribute; no gold span touches one.)
  std::vector<ByteSpan> tags;
  // (The next tag is looked for past this one's end, so each byte is scanned
  // once: "<tweet<tweet…" with no ">" stays linear.)
  for (size_t t = text.find("<tweet"); t != std::string_view::npos;) {
    const size_t e = std::min(text.find('>', t), text.size());
    tags.push_back({static_cast<uint32_t>(t), static_cast<uint32_t>(e)});
    t = e < text.size() ? text.find("<tweet", e) : std::string_view::npos;
  }
  size_t next_tag = 0;
  bool open = false;        // a quotation is open
  bool continuing = false;  // ... carried over from the previous paragraph
  size_t open_at = 0;       // byte where the open part started
  for (uint32_t pi = 0; pi < paragraphs.size(); ++pi) {
    const ByteSpan para = paragraphs[pi];
    for (size_t i = para.begin; i < para.end;) {
      // Only " ' and the lead bytes of “ ” „ ‟ « » can begin a mark: the
      // other bytes are skipped without classifying them.
      i = util::ScanFor<'"', '\'', 0xE2, 0xC2>(text.data(), i, para.end);
      if (i >= para.end) break;
      size_t len;
      Mark m = Classify(text, i, len);
      if (m == Mark::kNone) {
        ++i;
        continue;
      }
      while (next_tag < tags.size() && tags[next_tag].end <= i) ++next_tag;
      if (next_tag < tags.size() && tags[next_tag].begin <= i) {
        i += len;
        continue;
      }
      if (continuing && i == para.begin) {  // the mark that continues the quotation
        continuing = false;
        i += len;
        continue;
      }
      if (m == Mark::kStraight) {
        bool can_open = OpensAfter(text, para.begin, i) && !ClosesBefore(text, i + 1, para.end);
        bool can_close = !OpensAfter(text, para.begin, i) || ClosesBefore(text, i + 1, para.end);
        if (open && can_close)
          m = Mark::kClose;
        else if (!open && can_open)
          m = Mark::kOpen;
        else
          m = open ? Mark::kClose : Mark::kOpen;
      }
      // An opening curly mark typed where a quotation closes ("“Apparently
      // not,“ he said"): its place decides.
      if (m == Mark::kOpen && open && !OpensAfter(text, para.begin, i) &&
          ClosesBefore(text, i + len, para.end))
        m = Mark::kClose;
      // A closing curly mark typed where a quotation opens, at the start of
      // a paragraph ("”Mr. Trump embodies …”", "” … what I learned …"):
      // nothing can close there.
      if (m == Mark::kClose && !open && i == para.begin && i + len < para.end) m = Mark::kOpen;
      // A curly opener inside an open quotation whose next two marks in the
      // paragraph are curly closers is a quotation nested with double marks
      // ("“… what he calls “hell” than live …”"): it stays inside.
      if (m == Mark::kOpen && open && len == 3 && NestedPair(text, i + len, para.end)) {
        i = NestedPair(text, i + len, para.end);
        continue;
      }
      if (m == Mark::kOpen) {
        if (open) {
          // A second opener inside an open quotation: the first one was never
          // closed in this paragraph (a typo or nesting with double marks).
          // Close the pending part here and start again.
          sink.Part({static_cast<uint32_t>(open_at), static_cast<uint32_t>(i)}, pi);
          sink.End(false);
        }
        open = true;
        open_at = i;
      } else if (open) {  // a closer
        sink.Part({static_cast<uint32_t>(open_at), static_cast<uint32_t>(i + len)}, pi);
        sink.End(true);
        open = false;
      }
      i += len;
    }
    if (open) {
      // Still open at the end of the paragraph: keep this part, and carry the
      // quotation on if the next paragraph opens with a mark.
      sink.Part({static_cast<uint32_t>(open_at), para.end}, pi);
      bool continues = false;
      if (pi + 1 < paragraphs.size()) {
        size_t len;
        Mark next = Classify(text, paragraphs[pi + 1].begin, len);
        continues = next == Mark::kOpen || next == Mark::kStraight;
      }
      if (continues) {
        open_at = paragraphs[pi + 1].begin;
        continuing = true;
      } else {
        sink.End(false);
        open = false;
      }
    }
  }
}

}  // namespace

std::vector<Quotation> FindQuotations(std::string_view text,
                                      const std::vector<ByteSpan>& paragraphs) {
  struct Quotations {
    std::vector<Quotation> out;
    Quotation cur;
    void Part(ByteSpan span, uint32_t paragraph) {
      cur.parts.push_back(span);
      cur.paragraphs.push_back(paragraph);
    }
    void End(bool closed) {
      cur.closed = closed;
      out.push_back(std::move(cur));
      cur = Quotation{};
    }
  } sink;
  PairMarks(text, paragraphs, sink);
  return std::move(sink.out);
}

void FindQuotationParts(std::string_view text, const std::vector<ByteSpan>& paragraphs,
                        std::vector<ByteSpan>& out) {
  // The parts go straight into `out`, without a Quotation (two vectors) per
  // quotation: those were the most frequent allocations per article of
  // `chorus stories`. Parts of a quotation that never ends would not be in
  // FindQuotations' result; `kept` drops them the same way.
  struct Parts {
    std::vector<ByteSpan>& out;
    size_t kept = 0;
    void Part(ByteSpan span, uint32_t) { out.push_back(span); }
    void End(bool) { kept = out.size(); }
  } sink{out};
  out.clear();
  PairMarks(text, paragraphs, sink);
  out.resize(sink.kept);
}

}  // namespace chorus::quotes
