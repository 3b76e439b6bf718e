// Throughput of the per-article analysis on real news text: the PolNeAR train
// split from ../shared (840 articles, ~6 MB). Each benchmark reports bytes/s of
// article text processed on one thread.
//
//   build/bench/chorus_bench [--benchmark_filter=...]
//
// Skips, with a message, when ../shared/data/polnear/train.jsonl is absent
// (override the path with CHORUS_BENCH_CORPUS=FILE.jsonl).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <sstream>

#include "chorus/near_dup.h"
#include "chorus/normalize.h"
#include "chorus/quotes.h"
#include "chorus/reader.h"
#include "chorus/segment.h"
#include "chorus/stories.h"

namespace {

struct Corpus {
  std::vector<std::string> texts;
  size_t bytes = 0;
  std::string error;
};

const Corpus& GetCorpus() {
  static Corpus corpus = [] {
    Corpus c;
    const char* env = std::getenv("CHORUS_BENCH_CORPUS");
    std::string path = env ? env : std::string(CHORUS_SHARED) + "/data/polnear/train.jsonl";
    std::ostringstream err;
    chorus::Diagnostics diag(&err);
    chorus::ReadInputs({path}, {}, diag, [&](chorus::Article&& a) {
      c.bytes += a.text.size();
      c.texts.push_back(std::move(a.text));
    });
    if (c.texts.empty()) c.error = "no corpus at " + path + " (" + err.str() + ")";
    return c;
  }();
  return corpus;
}

template <typename Fn>
void Run(benchmark::State& state, Fn&& fn) {
  const Corpus& c = GetCorpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  for (auto _ : state) {
    for (const std::string& t : c.texts) fn(t);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * c.texts.size()), benchmark::Counter::kIsRate);
}

void BM_Normalize(benchmark::State& state) {
  chorus::NormalizedText n;
  Run(state, [&](const std::string& t) {
    n.Assign(t);
    benchmark::DoNotOptimize(n.text().data());
  });
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_SegmentSentences(benchmark::State& state) {
  chorus::Segmentation s;
  chorus::SegmentOptions o;
  o.tokens = false;
  Run(state, [&](const std::string& t) {
    chorus::Segment(t, s, o);
    benchmark::DoNotOptimize(s.sentences.data());
  });
}
BENCHMARK(BM_SegmentSentences)->Unit(benchmark::kMillisecond);

void BM_SegmentWithTokens(benchmark::State& state) {
  chorus::Segmentation s;
  Run(state, [&](const std::string& t) {
    chorus::Segment(t, s);
    benchmark::DoNotOptimize(s.tokens.data());
  });
}
BENCHMARK(BM_SegmentWithTokens)->Unit(benchmark::kMillisecond);

// The target: normalisation + full segmentation (with tokens).
void BM_NormalizeAndSegment(benchmark::State& state) {
  chorus::NormalizedText n;
  chorus::Segmentation s;
  Run(state, [&](const std::string& t) {
    n.Assign(t);
    chorus::Segment(t, s);
    benchmark::DoNotOptimize(n.text().data());
    benchmark::DoNotOptimize(s.tokens.data());
  });
}
BENCHMARK(BM_NormalizeAndSegment)->Unit(benchmark::kMillisecond);

// Attribution alone, on segmented text.
void BM_Attributions(benchmark::State& state) {
  std::vector<chorus::Segmentation> segs;
  for (const std::string& t : GetCorpus().texts) segs.push_back(chorus::Segment(t));
  size_t i = 0;
  Run(state, [&](const std::string& t) {
    auto a = chorus::FindAttributions(t, segs[i++ % segs.size()]);
    benchmark::DoNotOptimize(a.data());
  });
}
BENCHMARK(BM_Attributions)->Unit(benchmark::kMillisecond);

// What `chorus quotes` does per input: read the JSONL file, segment, find
// attributions. Bytes are the article texts (the file is larger).
void BM_ReadSegmentQuotes(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  const char* env = std::getenv("CHORUS_BENCH_CORPUS");
  std::string path = env ? env : std::string(CHORUS_SHARED) + "/data/polnear/train.jsonl";
  chorus::Segmentation seg;
  for (auto _ : state) {
    chorus::Diagnostics diag(nullptr);
    chorus::ReadInputs({path}, {}, diag, [&](chorus::Article&& a) {
      chorus::Segment(a.text, seg);
      auto attrs = chorus::FindAttributions(a.text, seg);
      benchmark::DoNotOptimize(attrs.data());
    });
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * c.texts.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadSegmentQuotes)->Unit(benchmark::kMillisecond);

// The whole per-article analysis of the story pipeline (issue 7's "analysis"
// bar): read the JSONL file, normalise and segment, find attributions, sketch
// for near-copies (its own normalised view), extract the story terms. Bytes
// are the article texts; one thread (the pipeline runs this on every core).
void BM_Analysis(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  const char* env = std::getenv("CHORUS_BENCH_CORPUS");
  std::string path = env ? env : std::string(CHORUS_SHARED) + "/data/polnear/train.jsonl";
  chorus::Segmentation seg;
  chorus::DocSketch sketch;
  std::vector<chorus::ByteSpan> quotations;
  for (auto _ : state) {
    chorus::Diagnostics diag(nullptr);
    chorus::ReadInputs({path}, {}, diag, [&](chorus::Article&& a) {
      chorus::Segment(a.text, seg);
      auto attrs = chorus::FindAttributions(a.text, seg, &quotations);
      chorus::Sketch(a.text, sketch);
      chorus::StoryTerms terms = chorus::ExtractStoryTerms(a, seg, &quotations);
      benchmark::DoNotOptimize(attrs.data());
      benchmark::DoNotOptimize(terms.terms.data());
    });
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * c.texts.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Analysis)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
