// End-to-end: `chorus quotes` on the seeds finds every quotation, invents
// none, and attributes each to Chrissy Teigen; and on the shipped examples.
#include <gtest/gtest.h>

#include "chorus/utf8.h"
#include "test_util.h"

namespace chorus {
namespace {

using testing::CpSubstr;
using testing::ParseJsonl;
using testing::RunChorus;
using testing::SharedPath;

struct Found {
  std::string text, speaker;
  bool direct;
};

std::vector<Found> QuotesOf(const std::string& path) {
  auto r = RunChorus("quotes -q '" + path + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  auto rows = ParseJsonl(r.out);
  if (rows.rows.size() != 1) {
    ADD_FAILURE() << "expected one article";
    return {};
  }
  std::string text = testing::ReadFile(path);
  std::vector<Found> out;
  simdjson::dom::array quotes = rows.rows[0]["quotes"].get_array().value();
  for (simdjson::dom::element q : quotes) {
    Found f;
    std::string_view sv;
    f.speaker = q["speaker"].get(sv) ? "" : std::string(sv);
    f.direct = q["direct"].get_bool().value();
    // "text" must be the content spans' text, read back through the offsets.
    std::string joined;
    simdjson::dom::array content = q["content"].get_array().value();
    for (simdjson::dom::element sp : content) {
      if (!joined.empty()) joined += ' ';
      joined += CpSubstr(text, sp.at(0).get_uint64().value(), sp.at(1).get_uint64().value());
    }
    EXPECT_EQ(joined, std::string(q["text"].get_string().value()));
    f.text = joined;
    out.push_back(f);
  }
  return out;
}

void ExpectQuotes(const std::vector<Found>& found, const std::vector<std::string>& expected) {
  // Every expected quotation is in a direct attribution to Chrissy Teigen.
  for (const std::string& e : expected) {
    bool ok = false;
    for (const Found& f : found)
      if (f.direct && f.text.find(e) != std::string::npos) {
        ok = true;
        EXPECT_EQ(f.speaker, "Chrissy Teigen") << "quote: " << e;
      }
    EXPECT_TRUE(ok) << "quotation not found: " << e;
  }
  // None invented: every direct attribution holds one of the expected quotations.
  for (const Found& f : found) {
    if (!f.direct) continue;
    bool known = false;
    for (const std::string& e : expected)
      if (f.text.find(e) != std::string::npos) known = true;
    EXPECT_TRUE(known) << "unexpected quotation: " << f.text;
  }
}

TEST(QuotesE2E, SeedOneEveryQuoteIsChrissyTeigens) {
  std::string path = SharedPath("seeds/000_00836aa4a8cae6e0.txt");
  if (!testing::Exists(path)) GTEST_SKIP() << "../shared/seeds not found; skipping";
  ExpectQuotes(QuotesOf(path),
               {"\u201c"
                "For weeks, our floors have been covered in flowers of kindness.",
                "\u201c"
                "At this point I had already come to terms",
                "\u201cI could have spent these days at the hospital",
                "\u201c"
                "After a couple nights at the hospital",
                "\u201cI cannot express how little I care that you hate the photos.",
                "\u201cthe one we got with his room in mind.\u201d",
                "\u201cPeople say an experience like this creates a hole in your heart."});
}

TEST(QuotesE2E, SeedTwoEveryQuoteIsChrissyTeigens) {
  std::string path = SharedPath("seeds/003_c510a4fc71698b98.txt");
  if (!testing::Exists(path)) GTEST_SKIP() << "../shared/seeds not found; skipping";
  ExpectQuotes(QuotesOf(path),
               {"\"I explained to a very hesitant John that I needed them",
                "\"I cannot express how little I care that you hate the photos.",
                "\"My mom, John and I each held him", "\"I feel bad our grief was so public"});
}

TEST(QuotesE2E, ExamplesAttributeTheirSpeakers) {
  auto found =
      QuotesOf(std::string(CHORUS_SOURCE_DIR) + "/examples/calder-gazette-bridge-reopens.txt");
  auto speaker_of = [&](const std::string& part) {
    for (const Found& f : found)
      if (f.text.find(part) != std::string::npos) return f.speaker;
    return std::string("<not found>");
  };
  EXPECT_EQ(speaker_of("Today we are giving the east side its front door back."), "Elena Marsh");
  EXPECT_EQ(speaker_of("The deck is stronger than the day it opened in 1962"), "Tomas Reyes");
  EXPECT_EQ(speaker_of("We survived on regulars and on stubbornness"), "Priya Nandakumar");
  EXPECT_EQ(speaker_of("Ask me in a month whether the traffic comes back"), "Priya Nandakumar");
}

TEST(QuotesE2E, PrettyPrintsSpeakerAndQuote) {
  std::string path = SharedPath("seeds/003_c510a4fc71698b98.txt");
  if (!testing::Exists(path)) GTEST_SKIP() << "../shared/seeds not found; skipping";
  auto r = RunChorus("quotes --pretty --direct -q '" + path + "'");
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Chrissy Teigen: \"I cannot express how little I care"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("(reported)"), std::string::npos);  // --direct
}

}  // namespace
}  // namespace chorus
