// Refinement of the live window of the story clustering; see
// story_clusterer_impl.h. Online assignment depends on arrival order (early
// statistics are thin); revisiting the recent articles with the statistics
// learned since removes most of that dependence, at a cost bounded by the
// window, never by the whole past.
#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "group/story_clusterer_impl.h"

namespace chorus {

void StoryClusterer::Impl::RefineLive(int rounds) {
  refined_at = seen;
  const size_t n = live.size();
  // Local story numbers for the live stories: local -> global story.
  std::vector<uint32_t> global;
  std::vector<uint32_t> local_of(stories.size(), ~0u);
  std::vector<uint32_t> a(n);  // local story of live[i]
  for (size_t i = 0; i < n; ++i) {
    uint32_t g = assign[live[i]];
    if (local_of[g] == ~0u) {
      local_of[g] = static_cast<uint32_t>(global.size());
      global.push_back(g);
    }
    a[i] = local_of[g];
  }
  const std::vector<uint32_t> touched = global;
  size_t k = global.size();
  auto feat = [&](size_t i) -> const StoryFeatures& { return features[live[i]]; };
  // A local story's vector: its global story's own (unchanged while its
  // members are: both sum the same articles in the same order, so they are
  // the same table), else one built here. `changed`: its members differ from
  // those it started with (it is rebuilt at the end); `stale`: from those its
  // vector sums.
  std::vector<const TermVector*> vec(k);
  std::deque<TermVector> built;  // (a deque: growing keeps the others in place)
  for (size_t l = 0; l < k; ++l) vec[l] = &stories[global[l]].weights;
  std::vector<uint8_t> changed(k, 0), stale(k, 0);
  auto mark = [&](uint32_t l) { changed[l] = stale[l] = 1; };
  std::vector<double> norm_sq(k, 0);
  std::vector<uint32_t>& post_of = refine_post_of;  // term -> its list in post_at
  post_of.resize(df.size(), ~0u);
  // The posting lists, one after another in `post_flat`: list j is
  // post_flat[post_at[j].first, + post_at[j].second) (one array a round,
  // not a vector per term).
  std::vector<uint32_t> post_flat;
  std::vector<std::pair<size_t, uint32_t>> post_at;
  std::vector<uint32_t> post_terms;  // the terms with a list
  std::vector<Weighed> weighed(n);
  struct Entry {
    uint32_t term;
    float w;
    double idf;
  };
  std::vector<std::vector<Entry>> entries;  // per local story, when its norm was taken
  // Cosines kept from one round for the next (their vectors unchanged), when
  // there is a next: each article's to its own story, and those of stories
  // compared for merging (the round they were taken in, and the value).
  std::vector<uint32_t> own_of(rounds > 1 ? n : 0, ~0u);
  std::vector<std::pair<int, double>> own_cos(own_of.size());
  std::unordered_map<uint64_t, std::pair<int, double>> pair_cos;
  std::vector<int> built_round(k, 0);  // the round each vector was last (re)built in
  // (The IDF is fixed here.) All the articles' IDFs in one array: one
  // allocation, not one an article.
  std::vector<size_t> idf_at(n + 1, 0);
  for (size_t i = 0; i < n; ++i) idf_at[i + 1] = idf_at[i] + feat(i).terms.size();
  // Not zeroed (every entry is written below: a zeroed vector's memset was
  // 2% of the instructions at 100k), and freed at the end: kept from one
  // refinement to the next, it held 170 MB more at the peak at 1M articles.
  const std::unique_ptr<double[]> idfs(new double[idf_at[n]]);
  ParallelFor(n, 256,
              [&](size_t i, size_t) { weighed[i] = Weigh(feat(i), idfs.get() + idf_at[i]); });
  // The terms a candidate search may look up: the top terms of the stories
  // and of the articles that may look for another story (those not held
  // firmly), added round by round. Only their posting lists are built (the
  // others are read by no search), but for an article that needs one after
  // all (its story lost its other members during the round), which then
  // gets its lists built as the others are.
  std::vector<uint8_t> wanted(df.size(), 0);
  auto want = [&](uint32_t t) {
    if (t >= wanted.size()) wanted.resize(t + 1, 0);  // (a quotation term not among the terms)
    wanted[t] = 1;
  };
  std::vector<std::vector<uint32_t>> story_top(k);    // (with `entries`)
  std::vector<std::vector<uint32_t>> article_top(n);  // TopTerms (constant here: so is the IDF)
  std::vector<uint8_t> has_top(n, 0);
  std::vector<std::vector<std::pair<double, uint32_t>>> scored(threads);
  for (int round = 0; round < rounds; ++round) {
    // Split stories that hold two events.
    {
      // Each story's members (weighed) and positions in `live`, grouped by
      // story in live order: story st's are [first[st], first[st + 1]).
      std::vector<size_t> first(k + 1, 0);
      for (size_t i = 0; i < n; ++i) ++first[a[i] + 1];
      for (size_t st = 0; st < k; ++st) first[st + 1] += first[st];
      std::vector<const Weighed*> members(n);
      std::vector<size_t> positions(n);
      {
        std::vector<size_t> next(first.begin(), first.end() - 1);
        for (size_t i = 0; i < n; ++i) {
          members[next[a[i]]] = &weighed[i];
          positions[next[a[i]]++] = i;
        }
      }
      const size_t k_before = k;
      // A story whose members are exactly those it had when it last held up
      // as one event is not bisected again (its signature: the sum of its
      // members' mixed indices, independent of order).
      std::unordered_set<uint64_t> whole_now;
      std::vector<uint64_t> sig(k_before, 0);
      std::vector<uint32_t> split;  // the stories to bisect, in order
      for (size_t st = 0; st < k_before; ++st) {
        if (first[st + 1] - first[st] < kMinBisect) continue;
        for (size_t p = first[st]; p < first[st + 1]; ++p) sig[st] += Mix(live[positions[p]]);
        if (whole.count(sig[st])) {
          whole_now.insert(sig[st]);
          continue;
        }
        split.push_back(static_cast<uint32_t>(st));
      }
      // The bisections depend on nothing this step changes: computed first
      // (the largest first, for the threads' balance), applied in order.
      std::vector<uint32_t> largest(split.size());
      for (uint32_t j = 0; j < largest.size(); ++j) largest[j] = j;
      auto members_of = [&](uint32_t st) { return first[st + 1] - first[st]; };
      std::stable_sort(largest.begin(), largest.end(), [&](uint32_t x, uint32_t y) {
        return members_of(split[x]) > members_of(split[y]);
      });
      std::vector<std::vector<size_t>> halves(split.size());
      ParallelFor(split.size(), 1, [&](size_t x, size_t worker) {
        const uint32_t j = largest[x], st = split[j];
        halves[j] = Bisect(
            std::span<const Weighed* const>(members.data() + first[st], members_of(st)), worker);
      });
      for (size_t j = 0; j < split.size(); ++j) {
        const uint32_t st = split[j];
        const size_t* pos = positions.data() + first[st];
        if (halves[j].empty()) {
          whole_now.insert(sig[st]);
          continue;
        }
        for (size_t p : halves[j]) a[pos[p]] = static_cast<uint32_t>(k);
        mark(st);
        ++k;
        changed.push_back(1);
        stale.push_back(1);
      }
      whole.swap(whole_now);
    }
    // Story vectors, norms and postings with the current statistics (the
    // vectors of stories whose members are those they sum are kept).
    vec.resize(k, nullptr);
    built_round.resize(k, round);
    norm_sq.resize(k, 0);
    while (built.size() < k) built.emplace_back();
    std::vector<int64_t> last_day(k, -1);
    std::vector<size_t> size(k, 0);
    for (size_t l = 0; l < k; ++l) {
      if (!stale[l]) continue;
      built[l].clear();
      vec[l] = &built[l];
    }
    // The members of the stale stories, grouped by story in live order:
    // story s's are stale_members[from[s], from[s + 1]).
    std::vector<size_t> from(k + 1, 0);
    for (size_t i = 0; i < n; ++i) {
      from[a[i] + 1] += stale[a[i]];
      last_day[a[i]] = std::max(last_day[a[i]], feat(i).day);
      ++size[a[i]];
    }
    for (size_t s = 0; s < k; ++s) from[s + 1] += from[s];
    std::vector<uint32_t> stale_members(from[k]);
    {
      std::vector<size_t> next(from.begin(), from.end() - 1);
      for (size_t i = 0; i < n; ++i)
        if (stale[a[i]]) stale_members[next[a[i]]++] = static_cast<uint32_t>(i);
    }
    // Each story's vector (summed in live order, as one loop over the live
    // articles would) and its entries: per story, on any thread.
    entries.resize(k);
    story_top.resize(k);
    ParallelFor(k, 16, [&](size_t s, size_t worker) {
      if (stale[s])
        for (size_t p = from[s]; p < from[s + 1]; ++p)
          for (const auto& [t, w] : feat(stale_members[p]).terms) built[s][t] += w;
      if (stale[s] || round == 0) {
        // Its terms in slot order (the order of TermVector::ForEach) with
        // their IDFs, looked up once for the norm, the top terms and the
        // cosines below; the norm (NormSq, term for term) and the top terms'
        // scores taken in the same pass.
        std::vector<Entry>& es = entries[s];
        es.clear();
        es.reserve(vec[s]->size());
        std::vector<std::pair<double, uint32_t>>& top = scored[worker];
        top.resize(vec[s]->size());  // (written in place, as in TopTerms)
        std::pair<double, uint32_t>* score = top.data();
        double ns = 0;
        vec[s]->ForEach([&](uint32_t t, float w) {
          const double idf = Idf(t);
          es.push_back({t, w, idf});
          ns += (w * idf) * (w * idf);
          *score++ = {w * idf, t};
        });
        norm_sq[s] = ns;
        built_round[s] = round;
        // Its most distinctive terms, those the merge step looks up (only
        // which terms are the top ones matters, not their order).
        const size_t kt = std::min<size_t>(2 * kCandidateTerms, top.size());
        if (kt < top.size())
          std::nth_element(top.begin(), top.begin() + static_cast<long>(kt), top.end(),
                           [](const auto& p, const auto& q) {
                             return p.first > q.first ||
                                    (p.first == q.first && p.second < q.second);
                           });
        story_top[s].assign(kt, 0);  // (one allocation, not five)
        for (size_t j = 0; j < kt; ++j) story_top[s][j] = top[j].second;
      }
    });
    // Each article's cosine to its own story less itself, computed ahead for
    // the loop below: it reads only the vectors and norms, which the loop
    // leaves as they are, and an article's own story (a[i]), which only its
    // own turn changes. (The members count matters to the quote bonus alone,
    // which excludes the article's own story.) Not for stories of one at the
    // start (most stay so): the loop computes those if it needs them.
    auto own_cached = [&](size_t i) {
      return !own_of.empty() && own_of[i] == a[i] && built_round[a[i]] <= own_cos[i].first;
    };
    std::vector<double> own_ahead(n);
    std::vector<uint8_t> has_ahead(n, 0);
    // Story by story (the live articles grouped by story, in live order),
    // with the top terms of the articles that may search.
    std::vector<size_t> at(k + 1, 0);
    for (size_t i = 0; i < n; ++i) ++at[a[i] + 1];
    for (size_t s = 0; s < k; ++s) at[s + 1] += at[s];
    std::vector<uint32_t> by_story(n);
    {
      std::vector<size_t> next(at.begin(), at.end() - 1);
      for (size_t i = 0; i < n; ++i) by_story[next[a[i]]++] = static_cast<uint32_t>(i);
    }
    struct OwnScratch {
      std::vector<const Weighed*> m;
      std::vector<uint8_t> need;
      std::vector<double> out;
    };
    std::vector<OwnScratch> own_scratch(threads);
    ParallelFor(k, 16, [&](size_t s, size_t worker) {
      const std::span<const uint32_t> mem(by_story.data() + at[s], at[s + 1] - at[s]);
      auto searches = [&](size_t i) { return copy_of[live[i]] == kNoCopy; };
      if (size[s] > 1) {
        OwnScratch& o = own_scratch[worker];
        o.m.clear();
        o.need.clear();
        bool any = false;
        for (uint32_t i : mem) {
          o.m.push_back(&weighed[i]);
          o.need.push_back(searches(i) && !own_cached(i));
          any = any || o.need.back();
        }
        if (any) {
          o.out.resize(mem.size());
          OwnCosines(o.m, norm_sq[s], o.need, o.out, worker);
          for (size_t j = 0; j < mem.size(); ++j) {
            if (!o.need[j]) continue;
            own_ahead[mem[j]] = o.out[j];
            has_ahead[mem[j]] = 1;
          }
        }
      }
      for (uint32_t i : mem) {
        if (!searches(i)) continue;
        const double best = own_cached(i) ? own_cos[i].second : has_ahead[i] ? own_ahead[i] : 0;
        if (best < kHeldFirmly && !has_top[i]) {
          TopTerms(feat(i), weighed[i].idf, scored[worker], article_top[i]);
          has_top[i] = 1;
        }
      }
    });
    for (size_t i = 0; i < n; ++i)
      if (has_top[i])
        for (uint32_t t : article_top[i]) want(t);
    for (size_t s = 0; s < k; ++s)
      if (built_round[s] == round)
        for (uint32_t t : story_top[s]) want(t);

    // Each story's terms that are wanted (per story, on any thread; counted,
    // then written into one array: story s's are indexed_flat[indexed_at[s],
    // indexed_at[s + 1])).
    std::vector<size_t> indexed_at(k + 1, 0);
    ParallelFor(k, 64, [&](size_t s, size_t) {
      size_t c = 0;
      for (const Entry& e : entries[s]) c += wanted[e.term];
      indexed_at[s + 1] = c;
    });
    for (size_t s = 0; s < k; ++s) indexed_at[s + 1] += indexed_at[s];
    std::vector<uint32_t> indexed_flat(indexed_at[k]);
    ParallelFor(k, 64, [&](size_t s, size_t) {
      uint32_t* out = indexed_flat.data() + indexed_at[s];
      for (const Entry& e : entries[s])
        if (wanted[e.term]) *out++ = e.term;
    });
    auto indexed = [&](size_t s) {
      return std::span<const uint32_t>(indexed_flat.data() + indexed_at[s],
                                       indexed_at[s + 1] - indexed_at[s]);
    };
    // Each list holds its stories in increasing order: counted first, then
    // filled story by story.
    for (uint32_t t : post_terms) post_of[t] = ~0u;
    post_terms.clear();
    post_at.clear();
    for (size_t s = 0; s < k; ++s) {
      stale[s] = 0;
      for (const uint32_t t : indexed(s)) {
        if (post_of[t] == ~0u) {
          post_of[t] = static_cast<uint32_t>(post_at.size());
          post_terms.push_back(t);
          post_at.emplace_back(0, 0);
        }
        ++post_at[post_of[t]].second;
      }
    }
    size_t filled = 0;
    for (auto& [start, size] : post_at) {
      start = filled;
      filled += size;
      size = 0;
    }
    post_flat.resize(filled);
    for (size_t s = 0; s < k; ++s) {
      for (const uint32_t t : indexed(s)) {
        auto& [start, size] = post_at[post_of[t]];
        post_flat[start + size++] = static_cast<uint32_t>(s);
      }
    }
    auto post = [&](uint32_t t) {
      if (t >= post_of.size() || post_of[t] == ~0u) return std::span<const uint32_t>();
      const auto [start, size] = post_at[post_of[t]];
      return std::span<const uint32_t>(post_flat.data() + start, size);
    };
    // The list of a term not wanted until now: the stories holding it, as
    // the loops above would have listed them (at the end of post_flat).
    auto list_of = [&](uint32_t t) {
      if (t >= post_of.size() || post_of[t] != ~0u) return;
      post_of[t] = static_cast<uint32_t>(post_at.size());
      post_terms.push_back(t);
      const size_t start = post_flat.size();
      for (size_t s = 0; s < k; ++s)
        if (vec[s]->contains(t)) post_flat.push_back(static_cast<uint32_t>(s));
      post_at.emplace_back(start, static_cast<uint32_t>(post_flat.size() - start));
    };
    bool moved = false;
    const double join_threshold = JoinThreshold(latest_day);
    for (size_t i = 0; i < n; ++i) {
      if (copy_of[live[i]] != kNoCopy) continue;  // copies follow their originals
      const StoryFeatures& f = feat(i);
      uint32_t own = a[i];
      double best;
      if (own_cached(i)) {
        best = own_cos[i].second;
      } else {
        best = size[own] <= 1 ? 0
               : has_ahead[i] ? own_ahead[i]
                              : Cosine(weighed[i], *vec[own], norm_sq[own], size[own], true);
        if (!own_of.empty()) {
          own_of[i] = own;
          own_cos[i] = {round, best};
        }
      }
      if (best >= kHeldFirmly) continue;  // (no candidate search)
      if (!has_top[i]) {                  // (see `wanted`)
        TopTerms(f, weighed[i].idf, scored[0], article_top[i]);
        has_top[i] = 1;
        for (uint32_t t : article_top[i]) list_of(t);
      }
      uint32_t to = own;
      std::vector<uint32_t> cand = Candidates(
          article_top[i], post,
          [&](uint32_t s) {
            return s != own && size[s] != 0 &&
                   !(f.day >= 0 && last_day[s] >= 0 &&
                     std::abs(f.day - last_day[s]) > opts.window_days);
          },
          kRefineCandidates);
      for (uint32_t s : cand)
        for (const auto& [t, w] : f.terms) vec[s]->prefetch(t);
      for (uint32_t s : cand)
        for (const auto& [t, w] : f.terms) vec[s]->prefetch_slot(t);
      for (uint32_t s : cand) {
        double sim = Cosine(weighed[i], *vec[s], norm_sq[s], size[s], false);
        if (sim > best + 0.02 && sim >= join_threshold) {
          best = sim;
          to = s;
        }
      }
      if (to != own) {
        a[i] = to;
        mark(own);
        mark(to);
        --size[own];
        ++size[to];
        moved = true;
      }
    }
    // Merge stories whose vectors are close.
    std::vector<uint32_t> parent(k);
    for (size_t s = 0; s < k; ++s) parent[s] = static_cast<uint32_t>(s);
    auto keep_for = [&](size_t s) {  // (`parent` as the loop below has it at `s`)
      return [&, s](uint32_t o) {
        return o > s && size[o] != 0 && parent[o] == o &&
               !(last_day[s] >= 0 && last_day[o] >= 0 &&
                 std::abs(last_day[s] - last_day[o]) > opts.window_days);
      };
    };
    // A kept cosine of s and o, when it is still that of their vectors.
    auto kept_cos = [&](size_t s, uint32_t o) -> const std::pair<int, double>* {
      auto kept = pair_cos.find((uint64_t{s} << 32) | o);
      return kept != pair_cos.end() && built_round[s] <= kept->second.first &&
                     built_round[o] <= kept->second.first
                 ? &kept->second
                 : nullptr;
    };
    // VecCosine (story_clusterer.cc) from the smaller's entries.
    auto vec_cos = [&](size_t s, uint32_t o) {
      const bool s_small = vec[s]->size() < vec[o]->size();
      const std::vector<Entry>& small = s_small ? entries[s] : entries[o];
      const TermVector& large = s_small ? *vec[o] : *vec[s];
      for (const Entry& e : small) large.prefetch(e.term);
      double dot = 0;
      for (const Entry& e : small)
        if (const float* x = large.find(e.term)) dot += e.w * *x * e.idf * e.idf;
      const double nn = norm_sq[s] * norm_sq[o];
      return nn > 0 ? dot / std::sqrt(nn) : 0;
    };
    // Ahead of the loop, for every story: its top terms, its candidates as
    // if no story had merged yet (with the stories met that passed), and
    // their cosines not kept from an earlier round. All read only what the
    // loop leaves as it is. The loop takes the candidates as they are when
    // none of those met has merged by its turn (Candidates is a function of
    // the stories passing and their counts), else looks again.
    struct Ahead {
      std::vector<uint32_t> cand, passed;
      std::vector<std::pair<uint32_t, double>> cos;  // (candidate, cosine)
    };
    std::vector<Ahead> ahead(k);
    ParallelFor(k, 64, [&](size_t s, size_t worker) {
      if (size[s] == 0) return;
      Ahead& x = ahead[s];
      // Candidates share one of the story's most distinctive terms.
      // (The lists hold local stories in increasing order: those after `s`
      // are the only ones kept.)
      x.cand = Candidates(story_top[s], post, keep_for(s), kMaxCandidates, static_cast<uint32_t>(s),
                          worker, &x.passed);
      x.cos.reserve(x.cand.size());
      for (uint32_t o : x.cand)
        if (!kept_cos(s, o)) x.cos.emplace_back(o, 0.0);
      if (x.cos.empty()) return;
      // vec_cos(s, o) with positions in place of hash lookups: pos[t] is
      // the index of term t in s's entries. The same sum over the smaller's
      // entries in their order: when o is the smaller, over o's (s's weight
      // at pos); when s is, o's weights are first put at s's positions.
      BisectScratch& sc = bisect_scratch[worker];  // (no Bisect runs meanwhile)
      std::vector<uint32_t>& pos = sc.local;       // (~0u between uses)
      if (pos.size() < df.size()) pos.resize(df.size(), ~0u);
      const std::vector<Entry>& es = entries[s];
      for (size_t j = 0; j < es.size(); ++j) pos[es[j].term] = static_cast<uint32_t>(j);
      std::vector<float>& at_s = sc.one;  // o's weights at s's positions (0: absent)
      at_s.assign(es.size(), 0.0f);
      for (auto& [o, cos] : x.cos) {
        double dot = 0;
        if (vec[s]->size() < vec[o]->size()) {
          for (const Entry& e : entries[o])
            if (pos[e.term] != ~0u) at_s[pos[e.term]] = e.w;
          for (size_t j = 0; j < es.size(); ++j) {
            if (at_s[j] == 0) continue;  // (every weight is positive)
            dot += es[j].w * at_s[j] * es[j].idf * es[j].idf;
            at_s[j] = 0;
          }
        } else {
          for (const Entry& e : entries[o])
            if (pos[e.term] != ~0u) dot += e.w * es[pos[e.term]].w * e.idf * e.idf;
        }
        const double nn = norm_sq[s] * norm_sq[o];
        cos = nn > 0 ? dot / std::sqrt(nn) : 0;
      }
      for (const Entry& e : es) pos[e.term] = ~0u;
    });
    for (size_t s = 0; s < k; ++s) {
      if (size[s] == 0) continue;
      Ahead& x = ahead[s];
      bool same = true;
      for (uint32_t o : x.passed) same = same && parent[o] == o;
      const std::vector<uint32_t> cand = same
                                             ? std::move(x.cand)
                                             : Candidates(story_top[s], post, keep_for(s),
                                                          kMaxCandidates, static_cast<uint32_t>(s));
      for (uint32_t o : cand) {
        double cos;
        if (const std::pair<int, double>* kept = kept_cos(s, o)) {
          cos = kept->second;
        } else {
          auto it =
              std::find_if(x.cos.begin(), x.cos.end(), [o](const auto& c) { return c.first == o; });
          cos = it != x.cos.end() ? it->second : vec_cos(s, o);
          if (round + 1 < rounds) pair_cos[(uint64_t{s} << 32) | o] = {round, cos};
        }
        if (cos >= opts.merge_threshold) {
          parent[o] = static_cast<uint32_t>(s);
          moved = true;
        }
      }
    }
    for (size_t i = 0; i < n; ++i) {
      uint32_t r = a[i];
      while (parent[r] != r) r = parent[r];
      if (r != a[i]) {
        mark(a[i]);
        mark(r);
      }
      a[i] = r;
    }
    // Copies follow their originals. A live copy's original is live too
    // (they share a story, and stories freeze whole); `live` is sorted.
    for (size_t i = 0; i < n; ++i) {
      uint32_t orig = copy_of[live[i]];
      if (orig == kNoCopy) continue;
      auto it = std::lower_bound(live.begin(), live.end(), orig);
      if (it == live.end() || *it != orig) continue;
      const uint32_t to = a[static_cast<size_t>(it - live.begin())];
      if (to != a[i]) {
        mark(a[i]);
        mark(to);
        a[i] = to;
      }
    }
    if (!moved) break;
  }
  for (uint32_t t : post_terms) post_of[t] = ~0u;  // (the scratch as it was)
  // Back to global story numbers: a local story keeps its global number when
  // it is the first to claim it, others get new ones.
  std::vector<uint32_t> final_of(k, ~0u);
  std::vector<bool> claimed(stories.size(), false);
  for (size_t i = 0; i < n; ++i) {
    uint32_t l = a[i];
    if (final_of[l] == ~0u) {
      if (l < touched.size() && !claimed[touched[l]]) {
        final_of[l] = touched[l];
        claimed[touched[l]] = true;
      } else {
        final_of[l] = static_cast<uint32_t>(stories.size());
        stories.emplace_back();
      }
    }
    assign[live[i]] = final_of[l];
  }
  // Stories whose members are those they started with keep their vectors
  // (the same table a rebuild would make) and postings; only their norms are
  // brought to the current statistics. The others are rebuilt.
  std::vector<uint32_t> rebuilt;
  for (size_t l = 0; l < touched.size(); ++l) {
    if (changed[l]) {
      rebuilt.push_back(touched[l]);
    } else {
      Story& s = stories[touched[l]];
      s.norm_sq = norm_sq[l];
      s.norm_members = s.members;
    }
  }
  for (uint32_t g : final_of)
    if (g != ~0u && g >= local_of.size()) rebuilt.push_back(g);
  RebuildLiveStories(rebuilt);
  FreezeIdle();
}

}  // namespace chorus
