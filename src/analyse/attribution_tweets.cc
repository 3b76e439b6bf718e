// Round 28: an attribution whose content, cue and source all lie in the text
// of one embedded tweet ("<tweet …>…<tweet/>") is dropped: the tweet is its
// author's words, and PolNeAR train has 9 gold attributions inside the text of
// its 117 tweets (chorus made 8 there, 2 of them paired with gold's).
#include <algorithm>
#include <cstdint>

#include "analyse/attribution_finder.h"

namespace chorus::quotes {

void Finder::DropInsideTweets(std::vector<Attribution>& out) const {
  // The text of each "<tweet …>…<tweet/>" (or "</tweet>") element: after the
  // opening tag's first ">" up to the closing tag.
  const std::string_view text = v_.text;
  // The next closing tag of each form is kept until the search passes it, so
  // thousands of tweets closed one way do not each scan the rest of the text
  // for the other (HARDENING bug 15).
  constexpr size_t npos = std::string_view::npos;
  std::vector<ByteSpan> bodies;
  size_t slash = text.find("<tweet/>"), end_tag = text.find("</tweet>");
  for (size_t p = text.find("<tweet"); p != npos; p = text.find("<tweet", p + 1)) {
    const size_t open = text.find('>', p);
    if (open == npos) break;
    if (slash != npos && slash < open) slash = text.find("<tweet/>", open);
    if (end_tag != npos && end_tag < open) end_tag = text.find("</tweet>", open);
    const size_t close = std::min(slash, end_tag);
    if (close == npos) break;
    bodies.push_back({static_cast<uint32_t>(open + 1), static_cast<uint32_t>(close)});
    p = close;
  }
  if (bodies.empty()) return;
  // The bodies are disjoint and in order: only the last one opening at or
  // before an attribution's first span can hold all of it.
  auto inside = [&](const Attribution& a) {
    uint32_t first = UINT32_MAX;
    for (const auto* spans : {&a.content, &a.cue, &a.source})
      for (const ByteSpan& s : *spans) first = std::min(first, s.begin);
    if (first == UINT32_MAX) return true;  // no span at all: inside any body
    auto it = std::upper_bound(bodies.begin(), bodies.end(), first,
                               [](uint32_t x, const ByteSpan& b) { return x < b.begin; });
    if (it == bodies.begin()) return false;
    const ByteSpan& b = *--it;
    bool all = true;
    for (const auto* spans : {&a.content, &a.cue, &a.source})
      for (const ByteSpan& s : *spans) all = all && b.begin <= s.begin && s.end <= b.end;
    return all;
  };
  std::erase_if(out, inside);
}

}  // namespace chorus::quotes
