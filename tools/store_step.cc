// A regroup step of a follow in three parts; see store_step.h.
#include "store_step.h"

#include <chrono>

namespace chorus::cli {

namespace {
uint64_t MicrosSince(std::chrono::steady_clock::time_point& t) {
  const auto now = std::chrono::steady_clock::now();
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(now - t).count();
  t = now;
  return static_cast<uint64_t>(us);
}
}  // namespace

LiveStep::LiveStep(Store& store, LiveGrouping& live, bool with_snapshot)
    : before_(live.stories), with_snapshot_(with_snapshot) {
  auto t = std::chrono::steady_clock::now();
  const size_t n = live.pipeline->size();
  if (with_snapshot_)
    state_at_ = BeginSnapshot(snap_, n, n > 0 ? store.Hash(static_cast<int64_t>(n) - 1) : 0);
  cut_ = live.pipeline->TakeCut(with_snapshot_ ? &snap_ : nullptr);
  if (cut_.first != before_.size())
    throw StoreError(store.path() + ": the live grouping lost track of the stored stories");
  cut_us_ = MicrosSince(t);
}

void LiveStep::Run(const std::string& path) {
  auto t = std::chrono::steady_clock::now();
  all_ = cut_.Finish(with_snapshot_ ? &snap_ : nullptr);
  if (with_snapshot_) EndSnapshot(snap_, state_at_, all_);
  finish_us_ = MicrosSince(t);
  diff_ = DiffStories(before_, all_);
  Store reader(path, Store::Mode::kRead);
  reader.BeginRead();
  try {
    stories_ = MakeStories(reader, diff_.dirty, nullptr);
  } catch (...) {
    reader.Rollback();
    throw;
  }
  reader.Rollback();
  stories_us_ = MicrosSince(t);
}

bool LiveStep::Apply(Store& store, LiveGrouping& live, IngestStats& stats) {
  auto t = std::chrono::steady_clock::now();
  const int64_t n = static_cast<int64_t>(cut_.size);
  store.Begin();
  try {
    bool same = live.stories.size() == before_.size() &&
                store.grouped() == static_cast<int64_t>(before_.size()) && store.articles() >= n;
    for (int64_t seq : store.Changed()) same = same && seq >= n;
    if (!same) {
      store.Rollback();
      return false;
    }
    std::vector<std::optional<size_t>> copy_of;
    for (const AnalysedArticle& a : cut_.articles) copy_of.push_back(a.duplicate_of);
    WriteGrouping(store, before_, all_, diff_, copy_of, stories_, snap_, stats.rewritten);
    store.Commit();
  } catch (...) {
    store.Rollback();
    throw;
  }
  live.stories = std::move(all_);
  stats.grouped_articles = cut_.articles.size();
  stats.continued_from = before_.size();
  stats.stories = diff_.count;
  stats.save_us = cut_us_;
  stats.finish_us = finish_us_;
  stats.stories_us = stories_us_;
  stats.snapshot_us = MicrosSince(t);  // the whole write transaction
  return true;
}

}  // namespace chorus::cli
