// Saving and restoring the state of a StoryClusterer between two Adds; see
// chorus/stories.h and chorus/state_io.h. Everything the next Add or Finish
// reads is saved exactly as it is — story vectors slot by slot, since the
// order their sums are taken in depends on the table's layout — so a restored
// clusterer continues the stream as the saved one would have.
#include <algorithm>
#include <memory>
#include <string>

#include "chorus/state_io.h"
#include "group/story_clusterer_impl.h"

namespace chorus {

namespace {

constexpr uint32_t kClustererTag = 0x53544c43;  // "CLTS"

void PutFeatures(StateWriter& w, const StoryFeatures& f) {
  w.Put<uint64_t>(f.terms.size());
  for (const auto& [t, x] : f.terms) {
    w.Put<uint32_t>(t);
    w.Put<float>(x);
  }
  w.PutVector(f.quote_terms);
  w.Put<int64_t>(f.day);
}

void GetFeatures(StateReader& r, StoryFeatures& f) {
  f.terms.resize(r.Count("article terms", 8));
  for (auto& [t, x] : f.terms) {
    t = r.Get<uint32_t>("article term");
    x = r.Get<float>("article term weight");
  }
  r.GetVector(f.quote_terms, "article quote terms");
  f.day = r.Get<int64_t>("article day");
}

void PutVector(StateWriter& w, const TermVector& v) {
  w.Put<uint64_t>(v.slots().size());
  for (const TermVector::Slot& s : v.slots()) {
    w.Put<uint32_t>(s.term);
    w.Put<float>(s.weight);
  }
}

void GetVector(StateReader& r, TermVector& v) {
  std::vector<TermVector::Slot> slots(r.Count("story vector", 8, uint64_t{1} << 32));
  for (TermVector::Slot& s : slots) {
    s.term = r.Get<uint32_t>("story term");
    s.weight = r.Get<float>("story term weight");
  }
  StateReader::Check(v.Restore(std::move(slots)), "story vector");
}

template <typename Map>
void PutMap(StateWriter& w, const Map& m) {
  // Only looked up, never iterated: any order restores the same map; sorted
  // so that equal states save to equal bytes.
  std::vector<std::pair<int64_t, int64_t>> kv(m.begin(), m.end());
  std::sort(kv.begin(), kv.end());
  w.Put<uint64_t>(kv.size());
  for (const auto& [k, v] : kv) {
    w.Put<int64_t>(k);
    w.Put<int64_t>(v);
  }
}

template <typename Map>
void GetMap(StateReader& r, Map& m) {
  const uint64_t n = r.Count("open story counts", 16);
  for (uint64_t i = 0; i < n; ++i) {
    int64_t k = r.Get<int64_t>("open story count");
    m[k] = r.Get<int64_t>("open story count");
  }
}

void PutOptions(StateWriter& w, const StoryOptions& o) {
  w.Put<double>(o.threshold);
  w.Put<double>(o.merge_threshold);
  w.Put<int64_t>(o.window_days);
  w.Put<uint64_t>(o.window_articles);
  w.Put<uint8_t>(o.refine);
  w.Put<int64_t>(o.refine_rounds);
  w.Put<double>(o.density_slope);
  w.Put<double>(o.density_reference);
}

}  // namespace

void StoryClusterer::Save(StateWriter& w) const {
  const Impl& m = *impl_;
  w.Put<uint32_t>(kClustererTag);
  PutOptions(w, m.opts);
  w.Put<uint64_t>(m.seen);
  w.Put<int64_t>(m.latest_day);
  w.PutVector(m.df);
  w.PutVector(m.log_df);
  w.Put<double>(m.log_n);
  w.Put<uint64_t>(m.postings.size());
  for (const auto& list : m.postings) w.PutVector(list);
  w.PutVector(m.pruned_size);
  w.Put<uint64_t>(m.stories.size());
  for (const Impl::Story& s : m.stories) {
    PutVector(w, s.weights);
    w.Put<int64_t>(s.last_day);
    w.Put<uint64_t>(s.last_seen);
    w.Put<uint64_t>(s.members);
    w.Put<double>(s.norm_sq);
    w.Put<uint64_t>(s.norm_members);
    w.Put<uint8_t>(s.frozen);
  }
  PutMap(w, m.open_by_day);
  PutMap(w, m.open_by_block);
  std::vector<uint64_t> whole(m.whole.begin(), m.whole.end());  // only looked up
  std::sort(whole.begin(), whole.end());
  w.PutVector(whole);
  w.PutVector(m.assign);
  w.PutVector(m.copy_of);
  w.PutVector(m.live);
  // Features are held for the live articles only (the rest are released).
  for (uint32_t i : m.live) PutFeatures(w, m.features[i]);
  w.Put<uint64_t>(m.refined_at);
  w.Put<uint64_t>(m.live_after_refine);
}

void StoryClusterer::Load(StateReader& r) {
  auto m = std::make_unique<Impl>(impl_->opts);
  StateReader::Check(r.Get<uint32_t>("clusterer tag") == kClustererTag, "clusterer tag");
  {
    std::string mine;
    StateWriter ow(mine);
    PutOptions(ow, m->opts);
    StateReader::Check(r.GetBytes(mine.size(), "options") == mine,
                       "clusterer options (saved with others)");
  }
  m->seen = r.Get<uint64_t>("articles seen");
  m->latest_day = r.Get<int64_t>("latest day");
  r.GetVector(m->df, "document frequencies");
  r.GetVector(m->log_df, "document frequencies");
  StateReader::Check(m->df.size() == m->log_df.size(), "document frequencies");
  m->log_n = r.Get<double>("log n");
  m->postings.resize(r.Count("postings", 8));
  for (auto& list : m->postings) r.GetVector(list, "posting list");
  r.GetVector(m->pruned_size, "posting list sizes");
  StateReader::Check(m->pruned_size.size() == m->postings.size(), "posting lists");
  m->stories.resize(r.Count("stories", 49));
  for (Impl::Story& s : m->stories) {
    GetVector(r, s.weights);
    s.last_day = r.Get<int64_t>("story day");
    s.last_seen = r.Get<uint64_t>("story last seen");
    s.members = r.Get<uint64_t>("story members");
    s.norm_sq = r.Get<double>("story norm");
    s.norm_members = r.Get<uint64_t>("story norm members");
    s.frozen = r.Get<uint8_t>("story frozen") != 0;
  }
  GetMap(r, m->open_by_day);
  GetMap(r, m->open_by_block);
  std::vector<uint64_t> whole;
  r.GetVector(whole, "whole stories");
  m->whole.insert(whole.begin(), whole.end());
  r.GetVector(m->assign, "assignments");
  r.GetVector(m->copy_of, "copies");
  r.GetVector(m->live, "live articles");
  const size_t n = m->assign.size(), k = m->stories.size();
  StateReader::Check(m->copy_of.size() == n && m->seen == n, "article counts");
  for (size_t i = 0; i < n; ++i) {
    StateReader::Check(m->assign[i] < k, "assignment");
    StateReader::Check(m->copy_of[i] == Impl::kNoCopy || m->copy_of[i] < i, "copy");
  }
  for (const auto& list : m->postings)
    for (uint32_t s : list) StateReader::Check(s < k, "posting");
  StateReader::Check(std::is_sorted(m->live.begin(), m->live.end()) &&
                         std::adjacent_find(m->live.begin(), m->live.end()) == m->live.end() &&
                         (m->live.empty() || m->live.back() < n),
                     "live articles");
  // Every term the clusterer meets has a document frequency (Add sizes df).
  const size_t terms = m->df.size();
  StateReader::Check(m->postings.size() <= terms, "posting lists");
  for (const Impl::Story& s : m->stories)
    s.weights.ForEach([&](uint32_t t, float) { StateReader::Check(t < terms, "story term"); });
  m->features.resize(n);
  for (uint32_t i : m->live) {
    GetFeatures(r, m->features[i]);
    for (const auto& [t, x] : m->features[i].terms) StateReader::Check(t < terms, "article term");
  }
  m->refined_at = r.Get<uint64_t>("refined at");
  m->live_after_refine = r.Get<uint64_t>("live after refine");
  StateReader::Check(m->refined_at <= n, "refined at");
  m->SetThreads(impl_->threads);  // (not state)
  delete impl_;
  impl_ = m.release();
}

}  // namespace chorus
