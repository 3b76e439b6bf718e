// End-to-end: `chorus quotebook` links the quotation the two seeds share.
#include <gtest/gtest.h>

#include "chorus/utf8.h"
#include "test_util.h"

namespace chorus {
namespace {

using testing::CpSubstr;

TEST(QuotebookE2E, TheSeedsShareOneCanonicalQuote) {
  std::string seeds = testing::SharedPath("seeds");
  if (!testing::Exists(seeds)) GTEST_SKIP() << "../shared/seeds not found; skipping";
  auto r = testing::RunChorus("quotebook -q '" + seeds + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = testing::ParseJsonl(r.out);
  int shared = 0;
  for (auto row : rows.rows) {
    std::string text(row["text"].get_string().value());
    simdjson::dom::array occ = row["occurrences"].get_array().value();
    if (text.find("I cannot express how little I care") == std::string::npos) {
      EXPECT_EQ(occ.size(), 1u) << text;  // nothing else is shared by the seeds
      continue;
    }
    ++shared;
    EXPECT_EQ(std::string(row["speaker"].get_string().value()), "Chrissy Teigen");
    ASSERT_EQ(occ.size(), 2u);
    const size_t text_cps = utf8::CountCodepoints(text);
    for (simdjson::dom::element o : occ) {
      std::string id(o["id"].get_string().value());
      std::string article = testing::ReadFile(seeds + "/" + id);
      simdjson::dom::array content = o["content"].get_array().value();
      ASSERT_EQ(content.size(), 1u);
      std::string printed = CpSubstr(article, content.at(0).at(0).get_uint64().value(),
                                     content.at(0).at(1).get_uint64().value());
      EXPECT_NE(printed.find("I cannot express how little I care"), std::string::npos) << printed;
      // It covers the whole canonical text (both seeds print the full quotation).
      simdjson::dom::array covers = o["covers"].get_array().value();
      ASSERT_GE(covers.size(), 1u);
      EXPECT_EQ(covers.at(0).at(0).get_uint64().value(), 0u);
      EXPECT_LE(covers.at(covers.size() - 1).at(1).get_uint64().value(), text_cps);
      EXPECT_GE(covers.at(covers.size() - 1).at(1).get_uint64().value(), text_cps - 2);
    }
  }
  EXPECT_EQ(shared, 1);
}

TEST(QuotebookE2E, ExamplesLinkQuotesAcrossOutletsAndFillSpeakers) {
  auto r = testing::RunChorus("quotebook -q '" + std::string(CHORUS_SOURCE_DIR) + "/examples'");
  ASSERT_EQ(r.status, 0) << r.err;
  bool found = false;
  for (auto row : testing::ParseJsonl(r.out).rows) {
    std::string text(row["text"].get_string().value());
    if (text.find("The deck is stronger than the day it opened in 1962") == std::string::npos)
      continue;
    found = true;
    // Four outlets print it; two of them leave the speaker for chorus to fill in.
    EXPECT_EQ(row["occurrences"].get_array().value().size(), 4u);
    EXPECT_EQ(std::string(row["speaker"].get_string().value()), "Tomas Reyes");
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace chorus
