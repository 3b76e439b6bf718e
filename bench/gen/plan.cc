// Planning the stories and articles of a generated corpus; see plan.h.
#include "plan.h"

#include <algorithm>
#include <cmath>

#include "rng.h"

namespace chorus::gen {

namespace {

template <class T>
bool Contains(const T* first, size_t n, const T& v) {
  return std::find(first, first + n, v) != first + n;
}

// A story's topic: facts, people, places, quotations and days.
void MakeStory(uint64_t seed, uint32_t id, const PlanOptions& opts, const SentencePool& pool,
               Story& s) {
  Rng rng(SubSeed(seed, kStorySeed, id));
  size_t want = std::min<size_t>(rng.Between(8, kMaxFacts), pool.size());
  while (s.nfacts < want) {
    auto f = static_cast<uint32_t>(rng.Below(pool.size()));
    if (!Contains(s.facts, s.nfacts, f)) s.facts[s.nfacts++] = f;
  }
  s.nplaces = static_cast<uint8_t>(rng.Between(1, kMaxPlaces));
  for (int i = 0; i < s.nplaces; ++i) {
    Place& p = s.places[i];
    p.pattern = static_cast<uint8_t>(rng.Below(Lexicon::PlacePatterns().size()));
    p.head = static_cast<uint8_t>(rng.Below(Lexicon::PlaceHeads().size()));
    p.tail = static_cast<uint8_t>(rng.Below(Lexicon::PlaceTails().size()));
  }
  s.npeople = static_cast<uint8_t>(rng.Between(2, kMaxPeople));
  for (int i = 0; i < s.npeople;) {
    Person& p = s.people[i];
    p.first = static_cast<uint16_t>(rng.Below(Lexicon::FirstNames().size()));
    p.head = static_cast<uint8_t>(rng.Below(Lexicon::SurnameHeads().size()));
    p.tail = static_cast<uint8_t>(rng.Below(Lexicon::SurnameTails().size()));
    p.role = static_cast<uint8_t>(rng.Below(Lexicon::Roles().size()));
    p.role_place = static_cast<uint8_t>(rng.Below(s.nplaces));
    bool clash = false;  // two people of a story never share a surname
    for (int j = 0; j < i; ++j) clash |= s.people[j].head == p.head && s.people[j].tail == p.tail;
    if (!clash) ++i;
  }
  // Quotations: half of them in the first person when the pool has enough.
  const auto& quotable = pool.quotable();
  const auto& speechlike = pool.speechlike().size() >= 20 ? pool.speechlike() : quotable;
  int nquotes = quotable.empty() ? 0 : rng.Between(1, kMaxQuotes);
  for (int i = 0, tries = 0; i < nquotes && tries < 20; ++tries) {
    const auto& from = rng.Chance(1, 2) ? speechlike : quotable;
    uint32_t q = from[rng.Below(from.size())];
    if (Contains(s.facts, s.nfacts, q)) continue;
    bool dup = false;
    for (int j = 0; j < i; ++j) dup |= s.quotes[j].sentence == q;
    if (dup) continue;
    s.quotes[i].sentence = q;
    s.quotes[i].speaker = static_cast<uint8_t>(rng.Below(s.npeople));
    s.nquotes = static_cast<uint8_t>(++i);
  }
  uint32_t duration = std::min<uint32_t>(rng.Between(1, 4), opts.days);
  s.duration = static_cast<uint8_t>(duration);
  s.start_day = static_cast<uint16_t>(rng.Below(opts.days - duration + 1));
}

// Outlet popularity falls linearly with its number: the smaller of two draws.
uint16_t PickOutlet(Rng& rng, uint32_t outlets) {
  return static_cast<uint16_t>(std::min(rng.Below(outlets), rng.Below(outlets)));
}

}  // namespace

Plan MakePlan(const PlanOptions& opts, const SentencePool& pool) {
  Plan plan;
  Rng rng(SubSeed(opts.seed, kPlanSeed));

  // Story sizes: geometric with the requested mean, capped; the last story
  // takes what is left.
  double mean = std::max(1.0, opts.story_size_mean);
  auto cont = static_cast<uint64_t>((1.0 - 1.0 / mean) * 4294967296.0);
  uint32_t cap = std::max<uint32_t>(30, static_cast<uint32_t>(std::ceil(3 * mean)));
  std::vector<uint16_t> sizes;
  for (uint32_t total = 0; total < opts.articles;) {
    uint32_t size = 1;
    while (size < cap && rng.Chance32(cont)) ++size;
    size = std::min(size, opts.articles - total);
    sizes.push_back(static_cast<uint16_t>(size));
    total += size;
  }

  // Near-copies: exactly round(fraction * N) of the articles that are not
  // their story's first (selection sampling, in story order).
  uint64_t eligible = opts.articles - sizes.size();
  uint64_t want = std::min<uint64_t>(eligible, std::llround(opts.copies_fraction * opts.articles));

  plan.stories.resize(sizes.size());
  plan.articles.resize(opts.articles);
  uint64_t seen = 0;
  uint32_t next = 0;
  for (uint32_t id = 0; id < sizes.size(); ++id) {
    Story& s = plan.stories[id];
    MakeStory(opts.seed, id, opts, pool, s);
    s.size = sizes[id];
    s.first_article = next;
    ArticleDesc* a = &plan.articles[next];
    next += s.size;
    for (uint16_t i = 0; i < s.size; ++i) {
      a[i].story = id;
      a[i].index = i;
      a[i].day = static_cast<uint16_t>(s.start_day + rng.Below(s.duration));
      a[i].outlet = PickOutlet(rng, opts.outlets);
      a[i].order = rng.Next() >> 16;
      if (i == 0) continue;
      if (rng.Below(eligible - seen++) < want - plan.copies) {
        a[i].original = kNone - 1;  // decided below, once every index is known
        ++plan.copies;
      }
    }
    // A copy reprints an earlier non-copy of its story, from another outlet,
    // on the same day or later, and comes after it in the output.
    for (uint16_t i = 1; i < s.size; ++i) {
      if (a[i].original == kNone) continue;
      uint32_t j = 0;
      for (int tries = 0; tries < 8; ++tries) {
        auto k = static_cast<uint32_t>(rng.Below(i));
        if (a[k].original == kNone) {
          j = k;
          break;
        }
      }
      const ArticleDesc& o = a[j];
      a[i].original = s.first_article + j;
      a[i].day = static_cast<uint16_t>(o.day + rng.Below(s.start_day + s.duration - o.day));
      if (opts.outlets > 1 && a[i].outlet == o.outlet)
        a[i].outlet =
            static_cast<uint16_t>((o.outlet + 1 + rng.Below(opts.outlets - 1)) % opts.outlets);
      if (a[i].day == o.day) a[i].order = o.order + 1 + rng.Below((uint64_t{1} << 48) - o.order);
    }
  }

  plan.order.resize(opts.articles);
  for (uint32_t i = 0; i < opts.articles; ++i) plan.order[i] = i;
  const auto& arts = plan.articles;
  std::sort(plan.order.begin(), plan.order.end(), [&](uint32_t x, uint32_t y) {
    const ArticleDesc &a = arts[x], &b = arts[y];
    if (a.day != b.day) return a.day < b.day;
    if (a.order != b.order) return a.order < b.order;
    return x < y;
  });
  for (uint32_t r = 0; r < opts.articles; ++r) plan.articles[plan.order[r]].rank = r;
  return plan;
}

void AppendDate(uint32_t day, std::string& out) {
  // Howard Hinnant's civil_from_days; 20454 = days from 1970-01-01 to 2026-01-01.
  int64_t z = 20454 + static_cast<int64_t>(day) + 719468;
  int64_t era = z / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  char buf[16];
  buf[0] = static_cast<char>('0' + y / 1000 % 10);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
  out.append(buf, 10);
}

}  // namespace chorus::gen
