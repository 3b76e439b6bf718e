// Unit tests of saved clustering state (chorus/state_io.h; Save/Load of
// StoryClusterer, TermDictionary, NearDuplicateIndex): a stream cut anywhere,
// saved and restored into fresh objects and continued gives what the uncut
// stream gives; saving a restored state gives the same bytes; a truncated
// state is refused with StateError and leaves the object as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "chorus/near_dup.h"
#include "chorus/state_io.h"
#include "chorus/stories.h"
#include "near_dup_gen.h"

namespace chorus {
namespace {

TEST(StateIo, RoundTripsValuesAndRefusesShortOrOversizedInput) {
  std::string bytes;
  StateWriter w(bytes);
  w.Put<uint32_t>(7);
  w.Put<int64_t>(-3);
  w.Put<double>(0.25);
  w.PutVector(std::vector<uint64_t>{1, 2, 3});
  w.PutString("chorus");
  ASSERT_EQ(bytes.substr(0, 4), std::string("\x07\0\0\0", 4));  // little-endian
  StateReader r(bytes);
  EXPECT_EQ(r.Get<uint32_t>("a"), 7u);
  EXPECT_EQ(r.Get<int64_t>("b"), -3);
  EXPECT_EQ(r.Get<double>("c"), 0.25);
  std::vector<uint64_t> v;
  r.GetVector(v, "d");
  EXPECT_EQ(v, (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(r.GetString("e"), "chorus");
  EXPECT_EQ(r.left(), 0u);
  EXPECT_THROW(r.Get<uint8_t>("past the end"), StateError);
  // A count larger than the input could hold is refused before allocating.
  std::string huge;
  StateWriter(huge).Put<uint64_t>(uint64_t{1} << 60);
  StateReader h(huge);
  EXPECT_THROW(h.GetVector(v, "huge"), StateError);
}

// An article of `event` on `day` (as in story_clusterer_test.cc).
StoryFeatures Event(TermDictionary& dict, int event, int64_t day, int variant) {
  StoryFeatures f;
  for (int k = 0; k < 8; ++k)
    f.terms.emplace_back(dict.Intern("e" + std::to_string(event) + "_" + std::to_string(k)),
                         k < 6 ? 2.0f : 1.0f);
  f.terms.emplace_back(dict.Intern("v" + std::to_string(variant)), 1.0f);
  for (int k = 0; k < 4; ++k) f.terms.emplace_back(dict.Intern("common" + std::to_string(k)), 1.0f);
  if (variant % 7 == 0) f.quote_terms.push_back(dict.Intern("q" + std::to_string(event)));
  std::sort(f.terms.begin(), f.terms.end());
  f.day = variant % 11 == 5 ? -1 : day;  // some undated
  return f;
}

// The i-th article of a long stream: events overlap over a few days, some
// articles are copies of an earlier one.
struct Item {
  int event, variant;
  int64_t day;
  std::optional<uint32_t> copy_of;
};
std::vector<Item> Stream() {
  std::vector<Item> s;
  for (int day = 0; day < 300; ++day)
    for (int i = 0; i < 24; ++i) {
      Item it{day + i % 3, i, day, std::nullopt};
      if (i == 23 && s.size() > 40) it.copy_of = static_cast<uint32_t>(s.size() - 30);
      s.push_back(it);
    }
  return s;  // 7,200 articles: past the periodic refinement (every 4,096)
}

std::string SaveAll(const TermDictionary& dict, const StoryClusterer& c) {
  std::string out;
  StateWriter w(out);
  dict.Save(w);
  c.Save(w);
  return out;
}

TEST(StoryState, ACutStreamRestoredAndContinuedGivesTheSameStories) {
  const std::vector<Item> stream = Stream();
  auto add = [&](TermDictionary& dict, StoryClusterer& c, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
      c.Add(Event(dict, stream[i].event, stream[i].day, stream[i].variant), stream[i].copy_of);
  };
  TermDictionary dict;
  StoryClusterer whole;
  add(dict, whole, 0, stream.size());
  const std::vector<uint32_t> expected = whole.Finish();

  for (size_t cut : {size_t{0}, size_t{1}, size_t{50}, size_t{4096}, size_t{4097}, size_t{6001},
                     stream.size()}) {
    TermDictionary d1;
    StoryClusterer first;
    add(d1, first, 0, cut);
    const std::string saved = SaveAll(d1, first);

    TermDictionary d2;
    StoryClusterer second;
    StateReader r(saved);
    d2.Load(r);
    second.Load(r);
    EXPECT_EQ(r.left(), 0u);
    EXPECT_EQ(second.size(), cut);
    EXPECT_EQ(d2.size(), d1.size());
    EXPECT_EQ(SaveAll(d2, second), saved) << "cut " << cut << ": saving again changes bytes";
    add(d2, second, cut, stream.size());
    EXPECT_EQ(second.Finish(), expected) << "cut at " << cut;
  }
}

TEST(StoryState, ATruncatedOrForeignStateIsRefusedAndChangesNothing) {
  const std::vector<Item> stream = Stream();
  TermDictionary dict;
  StoryClusterer c;
  for (size_t i = 0; i < 2000; ++i)
    c.Add(Event(dict, stream[i].event, stream[i].day, stream[i].variant), stream[i].copy_of);
  std::string saved;
  StateWriter w(saved);
  c.Save(w);
  for (size_t keep = 0; keep < saved.size(); keep += 1 + saved.size() / 300) {
    StoryClusterer other;
    StateReader r(std::string_view(saved).substr(0, keep));
    EXPECT_THROW(other.Load(r), StateError) << keep;
    EXPECT_EQ(other.size(), 0u);
  }
  StoryOptions opts;
  opts.threshold = 0.3;
  StoryClusterer different(opts);
  StateReader r(saved);
  EXPECT_THROW(different.Load(r), StateError);
}

TEST(NearDupState, ACutStreamRestoredAndContinuedFindsTheSameCopies) {
  // Small history and set limits, so that generations rotate and sets are
  // dropped on both sides of the cut.
  NearDupOptions opts;
  opts.max_history = 40;
  opts.max_sets = 25;
  Rng rng(11);
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) {
    if (i > 10 && rng.Chance(0.3)) {
      const std::string& orig = texts[i - 1 - rng.Below(std::min<size_t>(i - 1, 70))];
      texts.push_back(Join(EditWords(Tokenize(orig), 0.02, 1, rng)));
    } else {
      texts.push_back(i % 37 == 5 ? std::string("") : Join(SyntheticArticle(rng, 120)));
    }
  }
  auto run = [&](NearDuplicateIndex& idx, size_t from, size_t to) {
    std::vector<std::optional<uint32_t>> out;
    for (size_t i = from; i < to; ++i) out.push_back(idx.Add(static_cast<uint32_t>(i), texts[i]));
    return out;
  };
  NearDuplicateIndex whole(opts);
  const auto expected = run(whole, 0, texts.size());
  size_t found = 0;
  for (const auto& e : expected) found += e.has_value();
  ASSERT_GT(found, 30u);
  size_t fetched = 0;
  NearDuplicateIndex::SetSource source = [&](uint32_t doc) {
    ++fetched;
    return Sketch(texts.at(doc)).shingles;
  };
  for (bool with_sets : {true, false})
    for (size_t cut : {size_t{0}, size_t{1}, size_t{39}, size_t{41}, size_t{150}, texts.size()}) {
      SCOPED_TRACE(with_sets ? "with sets" : "sets from the source");
      NearDuplicateIndex first(opts);
      auto got = run(first, 0, cut);
      std::string saved;
      StateWriter w(saved);
      first.Save(w, with_sets);
      NearDuplicateIndex second(opts);
      StateReader r(saved);
      second.Load(r, with_sets ? nullptr : source);
      EXPECT_EQ(r.left(), 0u);
      EXPECT_EQ(second.size(), first.size());
      std::string again;
      StateWriter w2(again);
      second.Save(w2, with_sets);
      EXPECT_EQ(again, saved) << "cut " << cut;
      for (auto& x : run(second, cut, texts.size())) got.push_back(x);
      EXPECT_EQ(got, expected) << "cut at " << cut;
      for (size_t keep = 0; keep < saved.size(); keep += 1 + saved.size() / 200) {
        NearDuplicateIndex other(opts);
        StateReader t(std::string_view(saved).substr(0, keep));
        EXPECT_THROW(other.Load(t, source), StateError) << keep;
        EXPECT_EQ(other.size(), 0u);
      }
    }
  EXPECT_GT(fetched, 0u);  // the sets were asked for, not guessed
  // Without sets and without a source, a state holding sets is refused.
  NearDuplicateIndex first(opts);
  run(first, 0, 100);
  std::string saved;
  StateWriter w(saved);
  first.Save(w, false);
  NearDuplicateIndex second(opts);
  StateReader r(saved);
  EXPECT_THROW(second.Load(r), StateError);
}

}  // namespace
}  // namespace chorus
