// Reused passages: unit tests of AlignPassages and the seeds end to end.
#include "chorus/reuse.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace chorus {
namespace {

std::string Cut(std::string_view s, Span sp) {
  return testing::CpSubstr(s, sp.begin, sp.end);
}

TEST(Reuse, AlignsASharedPassageDespiteSmallEdits) {
  std::string shared =
      "the council voted seven to two on tuesday to pass a budget that includes money for a "
      "river patrol boat to guide barges through the harlow street reach";
  std::string a = "Opening words here. " + shared + ". Closing words here.";
  std::string edited = shared;
  edited.replace(edited.find("seven to two"), 12, "7-2");  // an edit inside
  std::string b = "Something else entirely first, then: \u201c" + edited + "\u201d and more.";
  auto ps = AlignPassages(IndexWords(a), IndexWords(b));
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(Cut(a, ps[0].a).rfind("the council voted", 0), 0u) << Cut(a, ps[0].a);
  EXPECT_TRUE(Cut(a, ps[0].a).ends_with("the harlow street reach"));
  EXPECT_TRUE(Cut(b, ps[0].b).ends_with("the harlow street reach"));
  EXPECT_GE(ps[0].words, 20u);
}

TEST(Reuse, IgnoresShortOverlaps) {
  auto ps = AlignPassages(IndexWords("one two three four five six seven eight nine ten eleven"),
                          IndexWords("one two three four five six seven eight nine ten eleven"));
  EXPECT_TRUE(ps.empty());  // 11 words < 12
  EXPECT_TRUE(AlignPassages(IndexWords(""), IndexWords("x")).empty());
}

TEST(Reuse, SeedsShareTheEssayPassage) {
  std::string seeds = testing::SharedPath("seeds");
  if (!testing::Exists(seeds)) GTEST_SKIP() << "../shared/seeds not found; skipping";
  auto r = testing::RunChorus("reuse -q '" + seeds + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = testing::ParseJsonl(r.out);
  ASSERT_EQ(rows.rows.size(), 1u);
  std::string a =
      testing::ReadFile(seeds + "/" + std::string(rows.rows[0]["a"].get_string().value()));
  std::string b =
      testing::ReadFile(seeds + "/" + std::string(rows.rows[0]["b"].get_string().value()));
  simdjson::dom::array as = rows.rows[0]["a_spans"].get_array().value();
  simdjson::dom::array bs = rows.rows[0]["b_spans"].get_array().value();
  ASSERT_EQ(as.size(), 1u);
  std::string pa = testing::CpSubstr(a, as.at(0).at(0).get_uint64().value(),
                                     as.at(0).at(1).get_uint64().value());
  std::string pb = testing::CpSubstr(b, bs.at(0).at(0).get_uint64().value(),
                                     bs.at(0).at(1).get_uint64().value());
  for (const std::string& p : {pa, pb}) {
    EXPECT_EQ(p.rfind("I cannot express how little I care that you hate the photos.", 0), 0u) << p;
    EXPECT_TRUE(p.ends_with("The thoughts of others do not matter to me")) << p;
  }
}

}  // namespace
}  // namespace chorus
