// Online story clustering; see chorus/stories.h.
#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "chorus/stories.h"

namespace chorus {

struct StoryClusterer::Impl {
  struct Story {
    std::unordered_map<uint32_t, float> weights;  // summed member term weights
    int64_t last_day = -1;
    size_t last_seen = 0;  // arrival index of its latest article
    size_t members = 0;
    double norm_sq = 0;       // cached |vector|^2 under the IDF of the time
    size_t norm_members = 0;  // members when it was cached (0: stale)
  };

  explicit Impl(StoryOptions o) : opts(o) {}

  // Smoothed IDF: kPriorDocs imaginary earlier documents lack every term, so
  // that early in a stream (or in a small input, where every article shares
  // the event's words) the shared words still count.
  // IDF = log(N + prior) - log(df + 0.5), with log(df + 0.5) kept per term
  // (updated when df changes) so that no log is taken in the inner loops.
  static constexpr double kPriorDocs = 20;
  double Idf(uint32_t term) const {
    double ld = term < log_df.size() ? log_df[term] : kLogHalf;
    return log_n - ld;
  }
  static constexpr double kLogHalf = -0.6931471805599453;  // log(0.5)

  // Too old ever to be joined again by articles of this date or later (input
  // in publication order); stories without dates expire by arrival count.
  bool Expired(const Story& s, int64_t day) const {
    if (day >= 0 && s.last_day >= 0) return day - s.last_day > 2 * opts.window_days;
    return seen - s.last_seen > 2 * opts.window_articles;
  }

  bool Active(const Story& s, int64_t day) const {
    if (day >= 0 && s.last_day >= 0)
      return day - s.last_day <= opts.window_days && s.last_day - day <= opts.window_days;
    return seen - s.last_seen <= opts.window_articles;
  }

  // The article's most distinctive terms (by weight × IDF): candidate stories
  // are those sharing one of them, which keeps posting lists of common words
  // out of the search.
  static constexpr size_t kCandidateTerms = 12;
  static constexpr size_t kVectorTerms = 100;
  std::vector<uint32_t> TopTerms(const StoryFeatures& f) const {
    std::vector<std::pair<double, uint32_t>> scored;
    scored.reserve(f.terms.size());
    for (const auto& [t, w] : f.terms) scored.emplace_back(w * Idf(t), t);
    size_t k = std::min(kCandidateTerms, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(k), scored.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<uint32_t> out;
    for (size_t i = 0; i < k; ++i) out.push_back(scored[i].second);
    for (uint32_t q : f.quote_terms)
      if (out.size() < k + 4) out.push_back(q);
    return out;
  }

  // From the stories on the posting lists of `terms`, those passing `keep`,
  // the kMaxCandidates sharing the most terms.
  static constexpr size_t kMaxCandidates = 32;
  template <typename Keep>
  std::vector<uint32_t> Candidates(const std::vector<uint32_t>& terms,
                                   const std::vector<std::vector<uint32_t>>& post,
                                   Keep keep) const {
    // A term on more than kMaxPosting stories is not distinctive: it names no
    // candidates (this keeps the work per article bounded as the stream grows).
    constexpr size_t kMaxPosting = 256;
    std::vector<uint32_t> cand;
    for (uint32_t t : terms)
      if (t < post.size() && post[t].size() <= kMaxPosting)
        for (uint32_t s : post[t])
          if (keep(s)) cand.push_back(s);
    std::sort(cand.begin(), cand.end());
    std::vector<std::pair<uint32_t, uint32_t>> counted;  // (shared terms, story)
    for (size_t i = 0; i < cand.size();) {
      size_t j = i;
      while (j < cand.size() && cand[j] == cand[i]) ++j;
      counted.emplace_back(static_cast<uint32_t>(j - i), cand[i]);
      i = j;
    }
    if (counted.size() > kMaxCandidates) {
      std::nth_element(counted.begin(), counted.begin() + kMaxCandidates, counted.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      counted.resize(kMaxCandidates);
    }
    cand.clear();
    for (const auto& c : counted) cand.push_back(c.second);
    return cand;
  }

  // A quotation of 11 words or more printed in both: near-certain evidence of
  // one story, added to the cosine.
  static constexpr size_t kSharedQuoteShingles = 2;  // sampled: 1 in 4 (story_features)
  static constexpr double kSharedQuoteBonus = 0.3;
  double QuoteBonus(const StoryFeatures& f, const std::unordered_map<uint32_t, float>& sw) const {
    size_t shared = 0;
    for (uint32_t t : f.quote_terms) shared += sw.count(t);
    return shared >= kSharedQuoteShingles ? kSharedQuoteBonus : 0.0;
  }

  // `idf[i]` is the IDF of f.terms[i]. A story's norm is recomputed only when
  // it has grown since (IDF drifts slowly).
  // Only the article's `sel` terms (its heaviest) take part.
  double Similarity(const StoryFeatures& f, const std::vector<uint32_t>& sel,
                    const std::vector<double>& aw, const std::vector<double>& idf, double anorm,
                    Story& s) const {
    double dot = 0;
    for (uint32_t i : sel) {
      auto it = s.weights.find(f.terms[i].first);
      if (it != s.weights.end()) dot += aw[i] * it->second * idf[i];
    }
    if (dot <= 0) return 0;
    if (s.norm_members != s.members) {
      double n = 0;
      for (const auto& [t, w] : s.weights) {
        double x = w * Idf(t);
        n += x * x;
      }
      s.norm_sq = n;
      s.norm_members = s.members;
    }
    return dot / (anorm * std::sqrt(s.norm_sq)) + QuoteBonus(f, s.weights);
  }

  uint32_t Add(const StoryFeatures& f, std::optional<uint32_t> dup) {
    ++seen;
    log_n = std::log(static_cast<double>(seen) + kPriorDocs);
    for (const auto& [t, w] : f.terms) {
      if (t >= df.size()) {
        df.resize(t + 1, 0);
        log_df.resize(t + 1, kLogHalf);
      }
      ++df[t];
      log_df[t] = std::log(static_cast<double>(df[t]) + 0.5);
    }
    uint32_t story;
    if (dup && *dup < stories.size()) {
      story = *dup;
    } else {
      // The article's TF-IDF vector.
      // The article's TF-IDF vector, truncated to its kVectorTerms heaviest
      // terms (the usual truncation of document vectors: the tail adds cost,
      // hardly any signal).
      std::vector<double> aw(f.terms.size()), idf(f.terms.size());
      for (size_t i = 0; i < f.terms.size(); ++i) {
        idf[i] = Idf(f.terms[i].first);
        aw[i] = f.terms[i].second * idf[i];
      }
      std::vector<uint32_t> sel(f.terms.size());
      for (uint32_t i = 0; i < sel.size(); ++i) sel[i] = i;
      if (sel.size() > kVectorTerms) {
        std::nth_element(sel.begin(), sel.begin() + kVectorTerms, sel.end(),
                         [&](uint32_t x, uint32_t y) { return aw[x] > aw[y]; });
        sel.resize(kVectorTerms);
      }
      double anorm = 0;
      for (uint32_t i : sel) anorm += aw[i] * aw[i];
      anorm = std::sqrt(anorm);
      // Candidates: active stories sharing one of the article's terms.
      // Stories outside the window leave the posting lists as they are met;
      // full similarity only for the active ones sharing the most top terms.
      std::vector<uint32_t> top = TopTerms(f);
      for (uint32_t t : top) {
        if (t >= postings.size()) continue;
        auto& list = postings[t];
        // Amortised: a list is pruned when it has doubled since it last was.
        if (list.size() < 2 * pruned_size[t] + 8) continue;
        std::erase_if(list, [&](uint32_t s) { return Expired(stories[s], f.day); });
        pruned_size[t] = static_cast<uint32_t>(list.size());
      }
      std::vector<uint32_t> cand =
          Candidates(top, postings, [&](uint32_t s) { return Active(stories[s], f.day); });
      double best = -1;
      story = static_cast<uint32_t>(stories.size());
      if (anorm > 0) {
        for (uint32_t s : cand) {
          if (!Active(stories[s], f.day)) continue;
          double sim = Similarity(f, sel, aw, idf, anorm, stories[s]);
          if (sim > best) {
            best = sim;
            story = s;
          }
        }
      }
      if (best < opts.threshold) story = static_cast<uint32_t>(stories.size());
    }
    if (story == stories.size()) stories.emplace_back();
    Story& s = stories[story];
    // The story's norm is kept up to date as terms are added (under the IDF
    // of the moment); it is recomputed in full when the story doubles, which
    // absorbs the drift of IDF at amortised linear cost.
    const bool recompute = (s.members & (s.members + 1)) == 0;  // 0, 1, 3, 7, ... members
    for (const auto& [t, w] : f.terms) {
      auto [it, inserted] = s.weights.try_emplace(t, 0.0f);
      if (!recompute) {
        double idf = Idf(t);
        double before = it->second * idf, after = (it->second + w) * idf;
        s.norm_sq += after * after - before * before;
      }
      it->second += w;
      if (inserted) {
        if (t >= postings.size()) {
          postings.resize(t + 1);
          pruned_size.resize(t + 1, 0);
        }
        postings[t].push_back(story);
      }
    }
    if (f.day >= 0) s.last_day = std::max(s.last_day, f.day);
    s.last_seen = seen;
    ++s.members;
    if (recompute) {
      s.norm_sq = 0;
      for (const auto& [t, w] : s.weights) s.norm_sq += (w * Idf(t)) * (w * Idf(t));
    }
    s.norm_members = s.members;
    articles.push_back(f);
    assign.push_back(story);
    return story;
  }

  // Cosine between an article and a story vector given as a map (optionally
  // less the article's own weights).
  double Cosine(const StoryFeatures& f, const std::unordered_map<uint32_t, float>& sw,
                double snorm_sq, bool exclude_self) const {
    double dot = 0, anorm = 0, sn = snorm_sq;
    for (const auto& [t, w] : f.terms) {
      double idf = Idf(t);
      double a = w * idf;
      anorm += a * a;
      auto it = sw.find(t);
      if (it == sw.end()) continue;
      double sv = it->second;
      if (exclude_self) {
        double full = sv * idf;
        sv -= w;
        double less = sv * idf;
        sn += less * less - full * full;
      }
      dot += a * sv * idf;
    }
    if (dot <= 0 || anorm <= 0 || sn <= 1e-12) return 0;
    double bonus = 0;
    if (!exclude_self) bonus = QuoteBonus(f, sw);
    return dot / (std::sqrt(anorm) * std::sqrt(sn)) + bonus;
  }

  using Vec = std::unordered_map<uint32_t, float>;

  double NormSq(const Vec& v) const {
    double n = 0;
    for (const auto& [t, w] : v) n += (w * Idf(t)) * (w * Idf(t));
    return n;
  }

  double VecCosine(const Vec& a, const Vec& b) const {
    const Vec& small = a.size() < b.size() ? a : b;
    const Vec& large = a.size() < b.size() ? b : a;
    double dot = 0;
    for (const auto& [t, w] : small) {
      auto it = large.find(t);
      if (it != large.end()) dot += w * it->second * Idf(t) * Idf(t);
    }
    double n = NormSq(a) * NormSq(b);
    return n > 0 ? dot / std::sqrt(n) : 0;
  }

  // The member of `m` (other than `skip`) with the lowest cosine to `v`; the
  // first such member on ties.
  size_t LeastLike(const std::vector<size_t>& m, const Vec& v, double norm, bool exclude_self,
                   size_t skip) const {
    size_t best = m[0] == skip ? m[1] : m[0];
    double worst = 2;
    for (size_t i : m) {
      if (i == skip) continue;
      double c = Cosine(articles[i], v, norm, exclude_self);
      if (c < worst) {
        worst = c;
        best = i;
      }
    }
    return best;
  }

  // Bisects the articles `m` of one story with 2-means; returns the second
  // half (empty when the halves are as similar as stories that would merge).
  std::vector<size_t> Bisect(const std::vector<size_t>& m) const {
    if (m.size() < 6) return {};  // small stories are not split: too little evidence
    Vec all;
    for (size_t i : m)
      for (const auto& [t, w] : articles[i].terms) all[t] += w;
    double all_norm = NormSq(all);
    // Seeds: the member least like the rest of its story, and the member
    // least like that one.
    const size_t a = LeastLike(m, all, all_norm, true, std::string::npos);
    Vec va;
    for (const auto& [t, w] : articles[a].terms) va[t] = w;
    double na = NormSq(va);
    const size_t b = LeastLike(m, va, na, false, a);
    Vec vb;
    for (const auto& [t, w] : articles[b].terms) vb[t] = w;
    double nb = NormSq(vb);
    std::vector<int> side(m.size(), 0);
    for (size_t k = 0; k < m.size(); ++k)
      side[k] =
          Cosine(articles[m[k]], va, na, false) > Cosine(articles[m[k]], vb, nb, false) ? 1 : 0;
    for (int iter = 0; iter < 6; ++iter) {
      Vec v[2];
      for (size_t k = 0; k < m.size(); ++k)
        for (const auto& [t, w] : articles[m[k]].terms) v[side[k]][t] += w;
      double n0 = NormSq(v[0]), n1 = NormSq(v[1]);
      bool changed = false;
      for (size_t k = 0; k < m.size(); ++k) {
        double c0 = Cosine(articles[m[k]], v[0], n0, side[k] == 0);
        double c1 = Cosine(articles[m[k]], v[1], n1, side[k] == 1);
        int want = c1 > c0 ? 1 : 0;
        if (want != side[k]) {
          side[k] = want;
          changed = true;
        }
      }
      if (!changed) break;
    }
    Vec v[2];
    size_t count1 = 0;
    for (size_t k = 0; k < m.size(); ++k) {
      for (const auto& [t, w] : articles[m[k]].terms) v[side[k]][t] += w;
      count1 += side[k];
    }
    if (count1 < 3 || m.size() - count1 < 3) return {};
    if (VecCosine(v[0], v[1]) >= opts.merge_threshold) return {};
    std::vector<size_t> out;
    for (size_t k = 0; k < m.size(); ++k)
      if (side[k]) out.push_back(m[k]);
    return out;
  }

  std::vector<uint32_t> Refine(int rounds) {
    const size_t n = articles.size();
    size_t k = stories.size();
    for (int round = 0; round < rounds; ++round) {
      // Split stories that hold two events.
      {
        std::vector<std::vector<size_t>> members(k);
        for (size_t i = 0; i < n; ++i) members[assign[i]].push_back(i);
        for (size_t st = 0; st < members.size(); ++st) {
          std::vector<size_t> half = Bisect(members[st]);
          if (half.empty()) continue;
          for (size_t i : half) assign[i] = static_cast<uint32_t>(k);
          ++k;
        }
      }
      // Story vectors and norms with the current statistics.
      std::vector<std::unordered_map<uint32_t, float>> vec(k);
      std::vector<int64_t> last_day(k, -1);
      std::vector<size_t> size(k, 0);
      for (size_t i = 0; i < n; ++i) {
        for (const auto& [t, w] : articles[i].terms) vec[assign[i]][t] += w;
        last_day[assign[i]] = std::max(last_day[assign[i]], articles[i].day);
        ++size[assign[i]];
      }
      std::vector<double> norm_sq(k, 0);
      std::vector<std::vector<uint32_t>> post;
      for (size_t s = 0; s < k; ++s)
        for (const auto& [t, w] : vec[s]) {
          double x = w * Idf(t);
          norm_sq[s] += x * x;
          if (t >= post.size()) post.resize(t + 1);
          post[t].push_back(static_cast<uint32_t>(s));
        }
      bool moved = false;
      for (size_t i = 0; i < n; ++i) {
        const StoryFeatures& f = articles[i];
        uint32_t own = assign[i];
        double best = size[own] > 1 ? Cosine(f, vec[own], norm_sq[own], true) : 0;
        uint32_t to = own;
        std::vector<uint32_t> cand = Candidates(TopTerms(f), post, [&](uint32_t s) {
          return s != own && size[s] != 0 &&
                 !(f.day >= 0 && last_day[s] >= 0 &&
                   std::abs(f.day - last_day[s]) > opts.window_days);
        });
        for (uint32_t s : cand) {
          double sim = Cosine(f, vec[s], norm_sq[s], false);
          if (sim > best + 0.02 && sim >= opts.threshold) {
            best = sim;
            to = s;
          }
        }
        if (to != own) {
          assign[i] = to;
          --size[own];
          ++size[to];
          moved = true;
        }
      }
      // Merge stories whose vectors are close.
      std::vector<uint32_t> parent(k);
      for (size_t s = 0; s < k; ++s) parent[s] = static_cast<uint32_t>(s);
      for (size_t s = 0; s < k; ++s) {
        if (size[s] == 0) continue;
        // Candidates share one of the story's most distinctive terms.
        std::vector<std::pair<double, uint32_t>> top;
        for (const auto& [t, w] : vec[s]) top.emplace_back(w * Idf(t), t);
        size_t kt = std::min<size_t>(2 * kCandidateTerms, top.size());
        std::partial_sort(top.begin(), top.begin() + static_cast<long>(kt), top.end(),
                          [](const auto& x, const auto& y) { return x.first > y.first; });
        std::vector<uint32_t> terms;
        for (size_t x = 0; x < kt; ++x) terms.push_back(top[x].second);
        std::vector<uint32_t> cand = Candidates(terms, post, [&](uint32_t o) {
          return o > s && size[o] != 0 && parent[o] == o &&
                 !(last_day[s] >= 0 && last_day[o] >= 0 &&
                   std::abs(last_day[s] - last_day[o]) > opts.window_days);
        });
        for (uint32_t o : cand) {
          double dot = 0;
          const auto& small = vec[s].size() < vec[o].size() ? vec[s] : vec[o];
          const auto& large = vec[s].size() < vec[o].size() ? vec[o] : vec[s];
          for (const auto& [t, w] : small) {
            auto it = large.find(t);
            if (it != large.end()) dot += w * it->second * Idf(t) * Idf(t);
          }
          double cos = dot / std::sqrt(norm_sq[s] * norm_sq[o]);
          if (cos >= opts.merge_threshold) {
            parent[o] = static_cast<uint32_t>(s);
            moved = true;
          }
        }
      }
      for (size_t i = 0; i < n; ++i) {
        uint32_t r = assign[i];
        while (parent[r] != r) r = parent[r];
        assign[i] = r;
      }
      if (!moved) break;
    }
    // Dense numbering in order of first appearance.
    std::vector<uint32_t> renum(k, ~0u);
    uint32_t next = 0;
    std::vector<uint32_t> out(n);
    for (size_t i = 0; i < n; ++i) {
      if (renum[assign[i]] == ~0u) renum[assign[i]] = next++;
      out[i] = renum[assign[i]];
    }
    return out;
  }

  StoryOptions opts;
  size_t seen = 0;
  std::vector<uint32_t> df;
  std::vector<double> log_df;  // log(df + 0.5) per term
  double log_n = 0;
  std::vector<std::vector<uint32_t>> postings;  // term -> stories holding it
  std::vector<uint32_t> pruned_size;            // each list's size after its last pruning
  std::vector<Story> stories;
  std::vector<StoryFeatures> articles;  // every article added, for Refine
  std::vector<uint32_t> assign;         // its story
};

StoryClusterer::StoryClusterer(StoryOptions opts) : impl_(new Impl(opts)) {}
StoryClusterer::~StoryClusterer() {
  delete impl_;
}
uint32_t StoryClusterer::Add(const StoryFeatures& f, std::optional<uint32_t> dup) {
  return impl_->Add(f, dup);
}
size_t StoryClusterer::stories() const {
  return impl_->stories.size();
}
std::vector<uint32_t> StoryClusterer::Refine(int rounds) {
  return impl_->Refine(rounds);
}

}  // namespace chorus
