// The attributions FindAttributions finds in a text, as strings (content,
// cue and source parts joined by " | "), for the attribution unit tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/quotes.h"

namespace chorus::testing {

struct Q {
  std::string content, cue, source, speaker;
  bool direct;
};

inline std::string Join(std::string_view text, const std::vector<ByteSpan>& spans) {
  std::string s;
  for (const ByteSpan& b : spans) {
    if (!s.empty()) s += " | ";
    s.append(text.substr(b.begin, b.size()));
  }
  return s;
}

inline std::vector<Q> Find(std::string_view text) {
  Segmentation seg = Segment(text);
  std::vector<Q> out;
  for (const Attribution& a : FindAttributions(text, seg))
    out.push_back(
        {Join(text, a.content), Join(text, a.cue), Join(text, a.source), a.speaker, a.direct});
  return out;
}

// The attribution with the given cue (an empty one when there is none).
inline Q WithCue(const std::vector<Q>& qs, const std::string& cue) {
  for (const Q& q : qs)
    if (q.cue == cue) return q;
  return {};
}

}  // namespace chorus::testing
