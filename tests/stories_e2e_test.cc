// End-to-end: `chorus stories` groups the seeds, the examples and the dev
// stories (B-cubed computed here, as ../shared/eval/cluster_eval.py does).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "test_util.h"

namespace chorus {
namespace {

using testing::ParseJsonl;
using testing::RunChorus;

std::map<std::string, std::string> StoriesOf(const std::string& args, const std::string& in = "") {
  auto r = RunChorus("stories -q " + args, in);
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::string> out;
  for (auto row : ParseJsonl(r.out).rows)
    out[std::string(row["id"].get_string().value())] =
        std::string(row["story"].get_string().value());
  return out;
}

double BCubedF1(const std::map<std::string, std::string>& gold,
                const std::map<std::string, std::string>& pred) {
  std::map<std::string, std::set<std::string>> g, p;
  for (const auto& [id, s] : gold) g[s].insert(id);
  for (const auto& [id, s] : pred) p[s].insert(id);
  double bp = 0, br = 0;
  for (const auto& [id, s] : gold) {
    const auto& gs = g[s];
    const auto& ps = p[pred.at(id)];
    double both = 0;
    for (const std::string& x : gs) both += ps.count(x);
    bp += both / ps.size();
    br += both / gs.size();
  }
  bp /= gold.size();
  br /= gold.size();
  return 2 * bp * br / (bp + br);
}

TEST(StoriesE2E, TheSeedsAreOneStory) {
  std::string seeds = testing::SharedPath("seeds");
  if (!testing::Exists(seeds)) GTEST_SKIP() << "../shared/seeds not found; skipping";
  auto s = StoriesOf("'" + seeds + "'");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s.begin()->second, s.rbegin()->second);
}

TEST(StoriesE2E, ExamplesSeparateTheEventFromItsFollowUp) {
  auto s = StoriesOf("'" + std::string(CHORUS_SOURCE_DIR) + "/examples'");
  ASSERT_EQ(s.size(), 5u);
  std::string bridge = s.at("calder-gazette-bridge-reopens.txt");
  EXPECT_EQ(s.at("northshore-daily-bridge.html"), bridge);
  EXPECT_EQ(s.at("coastal-wire-0314-bridge"), bridge);
  EXPECT_EQ(s.at("valley-courier-bridge-reopens"), bridge);
  EXPECT_NE(s.at("calder-gazette-council-budget"), bridge);  // same people, a month later

  // The Valley Courier runs the Coastal Wire story: flagged as a copy of the earlier one.
  auto r = RunChorus("stories -q '" + std::string(CHORUS_SOURCE_DIR) + "/examples'");
  int copies = 0;
  for (auto row : ParseJsonl(r.out).rows) {
    std::string_view dup;
    if (row["duplicate_of"].get(dup)) continue;  // null
    ++copies;
    EXPECT_EQ(std::string(row["id"].get_string().value()), "valley-courier-bridge-reopens");
    EXPECT_EQ(dup, "coastal-wire-0314-bridge");
  }
  EXPECT_EQ(copies, 1);
}

TEST(StoriesE2E, DevStoriesInOrderAndShuffled) {
  std::string path = testing::SharedPath("data/dev-stories/stories.jsonl");
  if (!testing::Exists(path)) GTEST_SKIP() << "../shared/data/dev-stories not found; skipping";
  std::map<std::string, std::string> gold;
  std::vector<std::string> lines;
  {
    std::string all = testing::ReadFile(path);
    size_t b = 0;
    for (size_t e; (e = all.find('\n', b)) != std::string::npos; b = e + 1)
      lines.push_back(all.substr(b, e - b));
    for (auto row : ParseJsonl(all).rows)
      gold[std::string(row["id"].get_string().value())] =
          std::string(row["story"].get_string().value());
  }
  double ordered = BCubedF1(gold, StoriesOf("'" + path + "'"));
  EXPECT_GE(ordered, 0.93);
  // Shuffled, dates stripped: still above the bar, and close to the ordered run.
  double sum = 0;
  const int kRuns = 3;
  for (int seed = 1; seed <= kRuns; ++seed) {
    std::vector<std::string> shuffled = lines;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
    std::string in;
    for (std::string l : shuffled) {
      size_t p = l.find("\"published\": \"");
      if (p != std::string::npos) l = l.substr(0, p + 14) + l.substr(l.find('"', p + 14));
      in += l;
      in += '\n';
    }
    double f = BCubedF1(gold, StoriesOf("-", in));
    EXPECT_GE(f, 0.93) << "seed " << seed;
    sum += f;
  }
  EXPECT_NEAR(sum / kRuns, ordered, 0.02);
}

}  // namespace
}  // namespace chorus
