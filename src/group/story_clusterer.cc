// Online story clustering: the one pass over the stream; see chorus/stories.h.
// The windowed refinement is in story_refine.cc.
#include <algorithm>
#include <cmath>
#include <vector>

#include "group/story_clusterer_impl.h"

namespace chorus {

namespace {

// log(df + 0.5) for df < kLogTable, the counts nearly every term has, from
// a table (the same values: it is filled with the same expression). A log
// per term of every arriving article was 1% of `chorus stories`. Larger
// counts: LogDfAbove.
constexpr uint32_t kLogTable = 4096;
const double* LogDfTable() {
  static const std::vector<double> table = [] {
    std::vector<double> t(kLogTable);
    for (uint32_t d = 0; d < kLogTable; ++d) t[d] = std::log(static_cast<double>(d) + 0.5);
    return t;
  }();
  return table.data();
}

}  // namespace

// log(df + 0.5) for df >= kLogTable, from a table of this clusterer's (not
// saved: a restored one fills it again), grown as the largest count grows,
// one count at a time (each value computed once, with the same expression
// as the shared table's). At 100k articles, 3.8 M logs of such counts were
// 0.5% of the instructions; at 1M the table is a few MB.
double StoryClusterer::Impl::LogDfAbove(uint32_t df) {
  const size_t i = df - kLogTable;
  while (log_df_above.size() <= i)
    log_df_above.push_back(std::log(static_cast<double>(kLogTable + log_df_above.size()) + 0.5));
  return log_df_above[i];
}

double StoryClusterer::Impl::NormSq(const TermVector& v) const {
  double n = 0;
  v.ForEach([&](uint32_t t, float w) { n += (w * Idf(t)) * (w * Idf(t)); });
  return n;
}

void StoryClusterer::Impl::Track(const Story& s, int delta) {
  if (s.members == 0 || s.frozen) return;
  if (s.last_day >= 0) open_by_day[s.last_day] += delta;
  open_by_block[static_cast<int64_t>(s.last_seen >> kBlockBits)] += delta;
}

int64_t StoryClusterer::Impl::OpenStories(int64_t day) const {
  int64_t n = 0;
  auto add = [&](const std::unordered_map<int64_t, int64_t>& m, int64_t key) {
    auto it = m.find(key);
    if (it != m.end()) n += it->second;
  };
  if (day >= 0) {
    for (int64_t d = day - opts.window_days; d <= day + opts.window_days; ++d) add(open_by_day, d);
  } else {
    const size_t first = seen > opts.window_articles ? seen - opts.window_articles : 0;
    for (size_t b = first >> kBlockBits; b <= (seen >> kBlockBits); ++b)
      add(open_by_block, static_cast<int64_t>(b));
  }
  return n;
}

double StoryClusterer::Impl::JoinThreshold(int64_t day) const {
  if (opts.density_slope <= 0 || opts.density_reference <= 0) return opts.threshold;
  const double open = static_cast<double>(OpenStories(day));
  if (open <= opts.density_reference) return opts.threshold;
  return opts.threshold + opts.density_slope * std::log10(open / opts.density_reference);
}

// The article's most distinctive terms (by weight × IDF): candidate stories
// are those sharing one of them, which keeps posting lists of common words
// out of the search.
void StoryClusterer::Impl::TopTerms(const StoryFeatures& f, const double* idf,
                                    std::vector<std::pair<double, uint32_t>>& scored,
                                    std::vector<uint32_t>& out) const {
  // (Written in place, not appended: no room check per term. resize keeps
  // what is there and only sets the part it adds, all overwritten here.)
  scored.resize(f.terms.size());
  for (size_t i = 0; i < f.terms.size(); ++i)
    scored[i] = {f.terms[i].second * idf[i], f.terms[i].first};  // w * Idf(t)
  size_t k = std::min(kCandidateTerms, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(k), scored.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  out.clear();
  out.reserve(k + std::min<size_t>(4, f.quote_terms.size()));  // one allocation, not five
  for (size_t i = 0; i < k; ++i) out.push_back(scored[i].second);
  for (uint32_t q : f.quote_terms)
    if (out.size() < k + 4) out.push_back(q);
}

double StoryClusterer::Impl::QuoteBonus(const StoryFeatures& f, const TermVector& sw,
                                        size_t members) const {
  const size_t most = 2 * (members + 1);  // the story's printings and the article's, twice
  size_t shared = 0;
  for (uint32_t t : f.quote_terms) shared += (t >= df.size() || df[t] <= most) && sw.contains(t);
  return shared >= kSharedQuoteShingles ? kSharedQuoteBonus : 0.0;
}

StoryClusterer::Impl::Weighed StoryClusterer::Impl::Weigh(const StoryFeatures& f,
                                                          double* idf) const {
  Weighed a;
  a.f = &f;
  a.idf = idf;
  for (size_t i = 0; i < f.terms.size(); ++i) {
    const auto [t, w] = f.terms[i];
    idf[i] = Idf(t);
    a.norm_sq += (w * idf[i]) * (w * idf[i]);
  }
  return a;
}

double StoryClusterer::Impl::Cosine(const Weighed& a, const TermVector& sw, double snorm_sq,
                                    size_t members, bool exclude_self) const {
  return CosineBy(
      a, [&](size_t i) { return sw.find(a.f->terms[i].first); }, snorm_sq, exclude_self,
      [&] { return QuoteBonus(*a.f, sw, members); });
}

double StoryClusterer::Impl::VecCosine(const TermVector& a, double na, const TermVector& b,
                                       double nb) const {
  const TermVector& small = a.size() < b.size() ? a : b;
  const TermVector& large = a.size() < b.size() ? b : a;
  double dot = 0;
  small.ForEach([&](uint32_t t, float) { large.prefetch(t); });
  small.ForEach([&](uint32_t t, float w) {
    if (const float* x = large.find(t)) dot += w * *x * Idf(t) * Idf(t);
  });
  double n = na * nb;
  return n > 0 ? dot / std::sqrt(n) : 0;
}

// The story `f` is most similar to among the active candidates, or a new
// story's id (stories.size()) when none reaches the threshold.
uint32_t StoryClusterer::Impl::ChooseStory(const StoryFeatures& f) {
  // The article's TF-IDF vector, truncated (the usual truncation of document
  // vectors: the tail adds cost, hardly any signal): of the terms some
  // earlier article has too, the kVectorTerms heaviest are looked up; the
  // terms no other article has (df 1) cannot match and are never looked up,
  // but they stay in the norm, as in the full cosine. (Truncating to the 40
  // heaviest of all terms split the shipped examples: in a small input an
  // article's own words are its heaviest. 100 of all terms, the rule before,
  // gave the same B-cubed on dev-stories and 0.001 less on generated 100k,
  // at 3% more CPU.)
  std::vector<double>& aw = choose_aw;
  std::vector<double>& idf = choose_idf;
  // (In one pass, written through pointers: resize keeps what is there and
  // only sets the part it adds, all overwritten here; sel is cut after.)
  const size_t n = f.terms.size();
  aw.resize(n);
  idf.resize(n);
  std::vector<uint32_t>& sel = choose_sel;
  sel.resize(n);
  uint32_t* const sel_out = sel.data();
  size_t selected = 0;
  double anorm = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const auto [t, w] = f.terms[i];
    idf[i] = Idf(t);
    aw[i] = w * idf[i];
    if (df[t] > 1) {  // (df counts the article already)
      sel_out[selected++] = i;
    } else {
      anorm += aw[i] * aw[i];
    }
  }
  sel.resize(selected);
  if (sel.size() > kVectorTerms) {
    std::nth_element(sel.begin(), sel.begin() + kVectorTerms, sel.end(),
                     [&](uint32_t x, uint32_t y) { return aw[x] > aw[y]; });
    sel.resize(kVectorTerms);
  }
  for (uint32_t i : sel) anorm += aw[i] * aw[i];
  anorm = std::sqrt(anorm);
  const auto fresh = static_cast<uint32_t>(stories.size());
  if (anorm <= 0) return fresh;
  // Candidates: active stories sharing one of the article's top terms.
  // Stories outside the window leave the posting lists as they are met
  // (amortised: a list is pruned when it has doubled since it last was).
  std::vector<uint32_t>& top = choose_top;
  TopTerms(f, idf.data(), top_scored, top);
  // (The lists' headers, then their stories, are asked for ahead: each is
  // a cache miss of its own.)
  for (uint32_t t : top) {
    if (t >= postings.size()) continue;
    __builtin_prefetch(&postings[t]);
    __builtin_prefetch(&pruned_size[t]);
  }
  for (uint32_t t : top) {
    if (t >= postings.size()) continue;
    auto& list = postings[t];
    if (list.size() < 2 * pruned_size[t] + 8) {
      __builtin_prefetch(list.data());
      continue;
    }
    std::erase_if(list, [&](uint32_t s) { return Expired(stories[s], f.day); });
    pruned_size[t] = static_cast<uint32_t>(list.size());
  }
  std::vector<uint32_t> cand = Candidates(
      top,
      [&](uint32_t t) {
        return t < postings.size() ? std::span<const uint32_t>(postings[t])
                                   : std::span<const uint32_t>();
      },
      [&](uint32_t s) { return Active(stories[s], f.day); }, kMaxCandidates, std::nullopt, 0,
      nullptr,
      [&](uint32_t s) {
        __builtin_prefetch(&stories[s]);  // (its vector's header, read below if it is a candidate)
        __builtin_prefetch(&stories[s].frozen);
      });
  double best = -1;
  uint32_t story = fresh;
  // The lookups below miss the cache: first ask for every tag group, then for
  // the slots whose tags match (half the time of this function was waiting
  // on those slots).
  for (uint32_t s : cand)
    for (uint32_t i : sel) stories[s].weights.prefetch(f.terms[i].first);
  for (uint32_t s : cand)
    for (uint32_t i : sel) stories[s].weights.prefetch_slot(f.terms[i].first);
  for (uint32_t s : cand) {
    Story& st = stories[s];
    double dot = 0;
    for (uint32_t i : sel) {
      if (const float* x = st.weights.find(f.terms[i].first)) dot += aw[i] * *x * idf[i];
    }
    if (dot <= 0) continue;
    if (st.norm_members != st.members) {
      st.norm_sq = NormSq(st.weights);
      st.norm_members = st.members;
    }
    double sim = dot / (anorm * std::sqrt(st.norm_sq)) + QuoteBonus(f, st.weights, st.members);
    if (sim > best) {
      best = sim;
      story = s;
    }
  }
  return best < JoinThreshold(f.day) ? fresh : story;
}

// Adds `f` to the vector, postings and window of `story`. `idf`: the IDFs
// of f's terms in order, when the caller has them (ChooseStory's), else
// nullptr (they are looked up here).
void StoryClusterer::Impl::Join(uint32_t story, const StoryFeatures& f, const double* idf) {
  if (story == stories.size()) stories.emplace_back();
  Story& s = stories[story];
  Track(s, -1);
  // The story's norm is kept up to date as terms are added (under the IDF of
  // the moment); it is recomputed in full when the story doubles, which
  // absorbs the drift of IDF at amortised linear cost.
  const bool recompute = (s.members & (s.members + 1)) == 0;  // 0, 1, 3, 7, ... members
  // (One loop per case, the tests out of it.)
  auto add = [&](auto idf_of, bool update) {
    for (size_t i = 0; i < f.terms.size(); ++i) {
      const auto [t, w] = f.terms[i];
      bool inserted;
      float& x = s.weights.at(t, inserted);
      if (update) {
        const double idf_t = idf_of(i, t);
        double before = x * idf_t, after = (x + w) * idf_t;
        s.norm_sq += after * after - before * before;
      }
      x += w;
      if (inserted) {
        if (t >= postings.size()) {
          postings.resize(t + 1);
          pruned_size.resize(t + 1, 0);
        }
        postings[t].push_back(story);
      }
    }
  };
  if (recompute) {
    add([](size_t, uint32_t) { return 0.0; }, false);
  } else if (idf) {
    add([&](size_t i, uint32_t) { return idf[i]; }, true);
  } else {
    add([&](size_t, uint32_t t) { return Idf(t); }, true);
  }
  if (f.day >= 0) s.last_day = std::max(s.last_day, f.day);
  s.last_seen = seen;
  ++s.members;
  if (recompute) s.norm_sq = NormSq(s.weights);
  s.norm_members = s.members;
  Track(s, +1);
}

uint32_t StoryClusterer::Impl::Add(StoryFeatures f, std::optional<uint32_t> copy) {
  ++seen;
  if (f.day >= 0) latest_day = f.day;
  log_n = std::log(static_cast<double>(seen) + kPriorDocs);
  const double* small_logs = LogDfTable();
  for (const auto& [t, w] : f.terms) {
    if (t >= df.size()) {
      df.resize(t + 1, 0);
      log_df.resize(t + 1, kLogHalf);
    }
    const uint32_t d = ++df[t];
    log_df[t] = d < kLogTable                         ? small_logs[d]
                : d - kLogTable < log_df_above.size() ? log_df_above[d - kLogTable]
                                                      : LogDfAbove(d);
  }
  const auto index = static_cast<uint32_t>(assign.size());
  const bool is_copy = copy && *copy < index;
  uint32_t story = is_copy ? assign[*copy] : ChooseStory(f);
  // (ChooseStory looked up the IDFs of f's terms, and nothing has changed
  // them since: Join takes them as they are.)
  const double* idf = is_copy ? nullptr : choose_idf.data();
  copy_of.push_back(is_copy ? *copy : kNoCopy);
  assign.push_back(story);
  if (story < stories.size() && stories[story].frozen) {
    // A late copy of an article whose story is final: it joins it as is.
    features.emplace_back();
  } else {
    Join(story, f, idf);
    features.push_back(std::move(f));
    live.push_back(index);
  }
  // Refine the window every so often: when as many articles have arrived as
  // it held after the last refinement (and at least kRefineEvery), so each
  // article is revisited a bounded number of times.
  constexpr size_t kRefineEvery = 4096;
  if (opts.refine && seen - refined_at >= std::max(kRefineEvery, live_after_refine)) {
    RefineLive(1);
    live_after_refine = live.size();
  }
  return story;
}

std::vector<uint32_t> StoryClusterer::Impl::Finish() {
  if (opts.refine) RefineLive(opts.refine_rounds);
  // Dense numbering in order of first appearance.
  std::vector<uint32_t> renum(stories.size(), ~0u);
  uint32_t next = 0;
  std::vector<uint32_t> out(assign.size());
  for (size_t i = 0; i < assign.size(); ++i) {
    if (renum[assign[i]] == ~0u) renum[assign[i]] = next++;
    out[i] = renum[assign[i]];
  }
  return out;
}

StoryClusterer::StoryClusterer(StoryOptions opts) : impl_(new Impl(opts)) {}
StoryClusterer::~StoryClusterer() {
  delete impl_;
}
uint32_t StoryClusterer::Add(const StoryFeatures& f, std::optional<uint32_t> copy_of) {
  return impl_->Add(f, copy_of);
}
uint32_t StoryClusterer::Add(StoryFeatures&& f, std::optional<uint32_t> copy_of) {
  return impl_->Add(std::move(f), copy_of);
}
void StoryClusterer::SetThreads(size_t threads) {
  impl_->SetThreads(threads);
}
size_t StoryClusterer::stories() const {
  return impl_->stories.size();
}
size_t StoryClusterer::size() const {
  return impl_->assign.size();
}
size_t StoryClusterer::live_articles() const {
  return impl_->live.size();
}
std::vector<uint32_t> StoryClusterer::Finish() {
  return impl_->Finish();
}
std::unique_ptr<StoryClusterer> StoryClusterer::Clone() const {
  auto c = std::make_unique<StoryClusterer>(impl_->opts);
  delete c->impl_;
  c->impl_ = nullptr;
  c->impl_ = new Impl(*impl_);  // (see FinishCopy: every member is a value)
  return c;
}
std::vector<uint32_t> StoryClusterer::FinishCopy() const {
  // Every member of Impl is a value (vectors, flat tables, hash maps that are
  // only looked up, never iterated), so the copy decides exactly as the original.
  Impl copy(*impl_);
  return copy.Finish();
}

}  // namespace chorus
