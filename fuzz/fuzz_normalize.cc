// libFuzzer target: the normaliser and its offset map (chorus/normalize.h).
// The input is repaired to valid UTF-8 first (the documented precondition).
// Properties: every view byte maps to a non-empty code-point range inside the
// original, ranges never go backwards; and spans cut at source boundaries
// round-trip: normalising the original range a span maps to gives back
// exactly the span's bytes of the view.
#include <cstddef>
#include <cstdint>
#include <string>

#include "chorus/normalize.h"
#include "chorus/utf8.h"
#include "fuzz_util.h"

namespace {

// The code points [b, e) of valid UTF-8 `s`.
std::string CpSubstr(const std::string& s, const chorus::utf8::CodepointIndex& idx, uint32_t b,
                     uint32_t e) {
  size_t bb = idx.ToByte(b), eb = idx.ToByte(e);
  return s.substr(bb, eb - bb);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  size_t replaced = 0;
  std::string original =
      chorus::utf8::Repair(std::string_view(reinterpret_cast<const char*>(data), size), replaced);
  chorus::NormalizedText n(original);
  const std::string& v = n.text();
  const uint32_t total = static_cast<uint32_t>(chorus::utf8::CountCodepoints(original));
  chorus::utf8::CodepointIndex idx(original);

  std::vector<size_t> cuts{0};
  for (size_t i = 0; i < v.size(); ++i) {
    chorus::Span s = n.SourceOf(i);
    FUZZ_CHECK(s.begin < s.end);
    FUZZ_CHECK(s.end <= total);
    if (i > 0) {
      chorus::Span prev = n.SourceOf(i - 1);
      FUZZ_CHECK(prev.begin <= s.begin);
      if (prev.begin != s.begin) {
        FUZZ_CHECK(prev.end <= s.begin);  // units never overlap
        cuts.push_back(i);
      }
    }
  }
  cuts.push_back(v.size());
  FUZZ_CHECK(chorus::utf8::IsValid(v));
  if (v.empty()) return 0;
  // Round trip over a bounded sample of cut-aligned spans: at most 16 starts
  // and 4 lengths each (each check normalises again; more per input cost more
  // inputs than they found).
  for (size_t a = 0; a + 1 < cuts.size(); a += 1 + cuts.size() / 16) {
    for (size_t b = a + 1; b < cuts.size() && b <= a + 4; ++b) {
      chorus::Span s = n.ToOriginal(cuts[a], cuts[b]);
      FUZZ_CHECK(s.begin < s.end && s.end <= total);
      std::string back = chorus::Normalize(CpSubstr(original, idx, s.begin, s.end));
      if (back != v.substr(cuts[a], cuts[b] - cuts[a])) {
        std::fprintf(stderr, "view bytes %zu..%zu -> original cps %u..%u\n", cuts[a], cuts[b],
                     s.begin, s.end);
        FUZZ_CHECK(false && "round trip");
      }
    }
  }
  return 0;
}
