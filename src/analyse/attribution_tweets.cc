// Round 28: an attribution whose content, cue and source all lie in the text
// of one embedded tweet ("<tweet …>…<tweet/>") is dropped: the tweet is its
// author's words, and PolNeAR train has 9 gold attributions inside the text of
// its 117 tweets (chorus made 8 there, 2 of them paired with gold's).
#include "analyse/attribution_finder.h"

namespace chorus::quotes {

void Finder::DropInsideTweets(std::vector<Attribution>& out) const {
  // The text of each "<tweet …>…<tweet/>" (or "</tweet>") element: after the
  // opening tag's first ">" up to the closing tag.
  const std::string_view text = v_.text;
  std::vector<ByteSpan> bodies;
  for (size_t p = text.find("<tweet"); p != std::string_view::npos;
       p = text.find("<tweet", p + 1)) {
    const size_t open = text.find('>', p);
    if (open == std::string_view::npos) break;
    size_t close = text.find("<tweet/>", open);
    close = std::min(close, text.find("</tweet>", open));
    if (close == std::string_view::npos) break;
    bodies.push_back({static_cast<uint32_t>(open + 1), static_cast<uint32_t>(close)});
    p = close;
  }
  if (bodies.empty()) return;
  auto inside = [&](const Attribution& a) {
    for (const ByteSpan& b : bodies) {
      bool all = true;
      for (const auto* spans : {&a.content, &a.cue, &a.source})
        for (const ByteSpan& s : *spans) all = all && b.begin <= s.begin && s.end <= b.end;
      if (all) return true;
    }
    return false;
  };
  std::erase_if(out, inside);
}

}  // namespace chorus::quotes
