// Digesting a 100-article story (chorus/digest.h), on real news text: the
// dev-stories set from ../shared (166 articles, 15 events, ~1.4 KB each).
// Attributions are found once, outside the timed loop (the analyse stage has
// its own benchmarks), except in BM_DigestWithAnalysis. One thread.
//
//   build/bench/chorus_digest_bench [--benchmark_filter=...]
//
//   BM_DigestMixed100       the first 100 dev articles taken as one story (15
//                           events: little shared wording)
//   BM_DigestSameEvent100   one event's articles repeated until there are 100
//                           (tiger-woods-crash, 12 articles, each printed ~8
//                           times: every sentence is supported many times over,
//                           the worst case for the support index)
//   BM_DigestWithAnalysis   BM_DigestMixed100 plus Segment + FindAttributions
//
// Skips, with a message, when ../shared/data/dev-stories/stories.jsonl is absent.
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>
#include <vector>

#include "chorus/digest.h"
#include "chorus/quotes.h"
#include "chorus/reader.h"
#include "chorus/segment.h"

namespace {

struct Story {
  std::vector<chorus::Article> articles;
  std::vector<std::vector<chorus::Attribution>> attributions;
  std::string error;

  std::vector<chorus::DigestArticle> Input() const {
    std::vector<chorus::DigestArticle> in;
    for (size_t i = 0; i < articles.size(); ++i) in.push_back({&articles[i], &attributions[i]});
    return in;
  }
};

std::vector<chorus::Article> ReadDev(std::string& error) {
  std::string path = std::string(CHORUS_SHARED) + "/data/dev-stories/stories.jsonl";
  std::ostringstream err;
  chorus::Diagnostics diag(&err);
  std::vector<chorus::Article> all;
  chorus::ReadInputs({path}, {}, diag, [&](chorus::Article&& a) { all.push_back(std::move(a)); });
  if (all.empty()) error = "no dev stories at " + path + " (" + err.str() + ")";
  return all;
}

void Analyse(Story& s) {
  for (const chorus::Article& a : s.articles)
    s.attributions.push_back(chorus::FindAttributions(a.text, chorus::Segment(a.text)));
}

const Story& Mixed() {
  static Story s = [] {
    Story s;
    std::vector<chorus::Article> all = ReadDev(s.error);
    for (size_t i = 0; i < all.size() && i < 100; ++i) s.articles.push_back(all[i]);
    Analyse(s);
    return s;
  }();
  return s;
}

const Story& SameEvent() {
  static Story s = [] {
    Story s;
    std::vector<chorus::Article> event;
    // The event's articles follow each other in the file: ids d0046-d0057.
    for (chorus::Article& a : ReadDev(s.error))
      if (a.id >= "d0046" && a.id <= "d0057") event.push_back(std::move(a));
    for (size_t i = 0; !event.empty() && s.articles.size() < 100; ++i) {
      chorus::Article a = event[i % event.size()];
      a.id += '#';
      a.id += std::to_string(i);
      s.articles.push_back(std::move(a));
    }
    if (s.articles.empty() && s.error.empty()) s.error = "no tiger-woods-crash articles";
    Analyse(s);
    return s;
  }();
  return s;
}

void RunDigest(benchmark::State& state, const Story& s) {
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  std::vector<chorus::DigestArticle> in = s.Input();
  size_t sentences = 0;
  for (auto _ : state) {
    chorus::StoryDigest d = chorus::DigestStory(in);
    sentences = d.summary.size();
    benchmark::DoNotOptimize(d);
  }
  state.counters["articles"] = static_cast<double>(s.articles.size());
  state.counters["summary"] = static_cast<double>(sentences);
}

void BM_DigestMixed100(benchmark::State& state) {
  RunDigest(state, Mixed());
}
void BM_DigestSameEvent100(benchmark::State& state) {
  RunDigest(state, SameEvent());
}

void BM_DigestWithAnalysis(benchmark::State& state) {
  const Story& s = Mixed();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  for (auto _ : state) {
    std::vector<std::vector<chorus::Attribution>> atts;
    for (const chorus::Article& a : s.articles)
      atts.push_back(chorus::FindAttributions(a.text, chorus::Segment(a.text)));
    std::vector<chorus::DigestArticle> in;
    for (size_t i = 0; i < s.articles.size(); ++i) in.push_back({&s.articles[i], &atts[i]});
    benchmark::DoNotOptimize(chorus::DigestStory(in));
  }
  state.counters["articles"] = static_cast<double>(s.articles.size());
}

BENCHMARK(BM_DigestMixed100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DigestSameEvent100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DigestWithAnalysis)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
