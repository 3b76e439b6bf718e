// Canonical speakers — placeholder: the source text as written.
#include "analyse/speaker_resolver.h"

namespace chorus::quotes {

void ResolveSpeakers(const ArticleView& view, std::vector<Attribution>& attributions) {
  for (Attribution& a : attributions) {
    if (a.source.empty()) continue;
    a.speaker.assign(view.text.substr(a.source[0].begin, a.source[0].size()));
  }
}

}  // namespace chorus::quotes
