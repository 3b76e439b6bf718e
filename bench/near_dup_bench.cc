// Throughput of near-duplicate detection on real news text: the PolNeAR train
// split from ../shared (840 articles, ~3.7 MB of text). Bytes/s count article
// text; one thread.
//
//   build/bench/chorus_near_dup_bench [--benchmark_filter=...]
//
//   BM_NearDupSketch          normalise + shingle + MinHash + sorted set (Sketch)
//   BM_NearDupAdd             Add(doc, text) into a fresh index: sketch + LSH + verify
//   BM_NearDupAddWithCopies   the same over the corpus plus a copy of every
//                             fourth article (edited words, boilerplate), so a
//                             fifth of the documents are confirmed duplicates
//   BM_NearDupAddSketched     Add(doc, DocSketch&&) alone: LSH + verify
//
// Skips, with a message, when ../shared/data/polnear/train.jsonl is absent
// (override the path with CHORUS_BENCH_CORPUS=FILE.jsonl).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "chorus/near_dup.h"
#include "chorus/reader.h"

namespace {

struct Corpus {
  std::vector<std::string> texts;
  size_t bytes = 0;
  std::string error;
};

Corpus Load() {
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
}

const Corpus& GetCorpus() {
  static const Corpus corpus = Load();
  return corpus;
}

// The corpus with a light copy of every fourth article after it: a word
// inserted after every 60th, a boilerplate line appended (J ~0.85).
const Corpus& GetCorpusWithCopies() {
  static const Corpus corpus = [] {
    Corpus c = GetCorpus();
    const size_t n = c.texts.size();
    for (size_t i = 0; i < n; i += 4) {
      std::string copy;
      size_t word = 0;
      for (size_t k = 0; k < c.texts[i].size(); ++k) {
        const char ch = c.texts[i][k];
        if (ch == ' ' && ++word % 60 == 0) copy += " edited";
        copy += ch;
      }
      copy += "\n\nCopyright 2016 The Associated Press. All rights reserved.";
      c.bytes += copy.size();
      c.texts.push_back(std::move(copy));
    }
    return c;
  }();
  return corpus;
}

void Report(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * c.texts.size()), benchmark::Counter::kIsRate);
}

void BM_NearDupSketch(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  chorus::DocSketch s;
  for (auto _ : state) {
    for (const std::string& t : c.texts) {
      chorus::Sketch(t, s);
      benchmark::DoNotOptimize(s.minhash.data());
    }
  }
  Report(state, c);
}
BENCHMARK(BM_NearDupSketch)->Unit(benchmark::kMillisecond);

void AddAll(benchmark::State& state, const Corpus& c) {
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  size_t found = 0, memory = 0;
  for (auto _ : state) {
    chorus::NearDuplicateIndex index;
    found = 0;
    for (uint32_t d = 0; d < c.texts.size(); ++d) found += index.Add(d, c.texts[d]).has_value();
    memory = index.memory_bytes();
  }
  Report(state, c);
  state.counters["duplicates"] = static_cast<double>(found);
  state.counters["KiB/article"] =
      static_cast<double>(memory) / 1024.0 / static_cast<double>(c.texts.size());
}

void BM_NearDupAdd(benchmark::State& state) {
  AddAll(state, GetCorpus());
}
BENCHMARK(BM_NearDupAdd)->Unit(benchmark::kMillisecond);

void BM_NearDupAddWithCopies(benchmark::State& state) {
  AddAll(state, GetCorpusWithCopies());
}
BENCHMARK(BM_NearDupAddWithCopies)->Unit(benchmark::kMillisecond);

void BM_NearDupAddSketched(benchmark::State& state) {
  const Corpus& c = GetCorpusWithCopies();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  std::vector<chorus::DocSketch> sketches;
  for (const std::string& t : c.texts) sketches.push_back(chorus::Sketch(t));
  std::vector<chorus::DocSketch> batch;
  std::optional<chorus::NearDuplicateIndex> index;
  for (auto _ : state) {
    state.PauseTiming();  // copying the sketches and freeing the last index are not Add
    index.reset();
    batch = sketches;
    index.emplace();
    state.ResumeTiming();
    for (uint32_t d = 0; d < batch.size(); ++d) {
      benchmark::DoNotOptimize(index->Add(d, std::move(batch[d])));
    }
  }
  Report(state, c);
}
BENCHMARK(BM_NearDupAddSketched)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
