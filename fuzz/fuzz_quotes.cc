// libFuzzer target: segmentation and the quote extractor (chorus/segment.h,
// chorus/quotes.h). The input is repaired to valid UTF-8 first.
// Properties: paragraphs, sentences and tokens keep the nesting and order
// segment.h promises; every attribution span lies inside the text, on
// code-point boundaries; an attribution's content never overlaps its own source.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chorus/quotes.h"
#include "chorus/segment.h"
#include "chorus/utf8.h"
#include "fuzz_util.h"

namespace {

bool Boundary(const std::string& t, uint32_t i) {
  return i == t.size() || (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
}

void CheckSpan(const std::string& t, chorus::ByteSpan s) {
  FUZZ_CHECK(s.begin <= s.end);
  FUZZ_CHECK(s.end <= t.size());
  FUZZ_CHECK(Boundary(t, s.begin) && Boundary(t, s.end));
}

bool Overlap(chorus::ByteSpan a, chorus::ByteSpan b) {
  return a.begin < b.end && b.begin < a.end;
}

// Prints an attribution's spans and their text (to see why a property broke).
void Dump(const std::string& t, const chorus::Attribution& a) {
  auto list = [&](const char* name, const std::vector<chorus::ByteSpan>& spans) {
    for (auto s : spans)
      std::fprintf(stderr, "  %s [%u,%u) '%s'\n", name, s.begin, s.end,
                   s.end <= t.size() && s.begin <= s.end
                       ? t.substr(s.begin, s.end - s.begin).c_str()
                       : "(out of range)");
  };
  list("content", a.content);
  list("cue", a.cue);
  list("source", a.source);
  std::fprintf(stderr, "  speaker '%s' direct %d\n", a.speaker.c_str(), a.direct);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  size_t replaced = 0;
  std::string text =
      chorus::utf8::Repair(std::string_view(reinterpret_cast<const char*>(data), size), replaced);
  chorus::Segmentation seg = chorus::Segment(text);

  uint32_t prev_end = 0;
  for (chorus::ByteSpan p : seg.paragraphs) {
    CheckSpan(text, p);
    FUZZ_CHECK(p.begin < p.end && p.begin >= prev_end);
    prev_end = p.end;
  }
  size_t pi = 0;
  prev_end = 0;
  for (chorus::ByteSpan s : seg.sentences) {
    CheckSpan(text, s);
    FUZZ_CHECK(s.begin < s.end && s.begin >= prev_end);
    prev_end = s.end;
    while (pi < seg.paragraphs.size() && seg.paragraphs[pi].end < s.end) ++pi;
    FUZZ_CHECK(pi < seg.paragraphs.size() && seg.paragraphs[pi].begin <= s.begin);
  }
  size_t si = 0;
  for (const chorus::Token& tok : seg.tokens) {
    CheckSpan(text, tok.span);
    while (si < seg.sentences.size() && seg.sentences[si].end < tok.span.end) ++si;
    FUZZ_CHECK(si < seg.sentences.size() && seg.sentences[si].begin <= tok.span.begin);
  }

  for (const chorus::Attribution& a : chorus::FindAttributions(text, seg)) {
    if (std::getenv("FUZZ_DUMP")) Dump(text, a);
    FUZZ_CHECK(!a.content.empty());
    FUZZ_CHECK(a.cue.size() <= 1 && a.source.size() <= 1);
    for (auto s : a.content) CheckSpan(text, s);
    for (auto s : a.cue) CheckSpan(text, s);
    for (auto s : a.source) CheckSpan(text, s);
    for (size_t i = 1; i < a.content.size(); ++i)
      FUZZ_CHECK(a.content[i - 1].end <= a.content[i].begin);
    for (auto c : a.content)
      for (auto s : a.source) FUZZ_CHECK(!Overlap(c, s));
    FUZZ_CHECK(chorus::utf8::IsValid(a.speaker));
  }
  return 0;
}
