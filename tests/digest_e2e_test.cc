// End-to-end: `chorus digest` over the seeds and the whole dev-stories set:
// every summary sentence is its span's text, every credited article really
// states it, and the seeds' digest says what a reader needs.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "chorus/segment.h"
#include "test_util.h"

namespace chorus {
namespace {

using testing::CpSubstr;

std::string Str(simdjson::dom::element e) {
  return std::string(e.get_string().value());
}

// Words as the shared scorer counts them (Python's \w+, lower-cased): runs of
// ASCII letters and digits and non-ASCII characters other than the common
// punctuation marks (curly quotes, dashes, ellipsis, no-break space).
std::vector<std::string> TestWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string_view ch = s.substr(i, len);
    bool word = c < 0x80 ? std::isalnum(c) != 0
                         : !(ch == "\u2018" || ch == "\u2019" || ch == "\u201C" || ch == "\u201D" ||
                             ch == "\u2013" || ch == "\u2014" || ch == "\u2026" || ch == "\u00A0");
    if (word) {
      for (char x : ch) cur += static_cast<char>(std::tolower(static_cast<unsigned char>(x)));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
    i += len;
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// The best share of `sentence`'s words that one sentence of `article` holds.
double BestSentenceOverlap(const std::string& sentence, const std::string& article) {
  std::vector<std::string> s = TestWords(sentence);
  if (s.empty()) return 0.0;
  double best = 0.0;
  for (ByteSpan b : Segment(article).sentences) {
    std::multiset<std::string> have;
    for (std::string& w : TestWords(std::string_view(article).substr(b.begin, b.size())))
      have.insert(std::move(w));
    size_t common = 0;
    for (const std::string& w : s) {
      auto it = have.find(w);
      if (it != have.end()) {
        ++common;
        have.erase(it);
      }
    }
    best = std::max(best, static_cast<double>(common) / s.size());
  }
  return best;
}

TEST(DigestE2E, DevSetSpansAreExactAndEverySupportIsTrue) {
  std::string path = testing::SharedPath("data/dev-stories/stories.jsonl");
  if (!testing::Exists(path)) GTEST_SKIP() << "../shared/data/dev-stories not found; skipping";
  std::map<std::string, std::string> text_of;
  auto gold = testing::ParseJsonl(testing::ReadFile(path));
  for (auto row : gold.rows) text_of[Str(row["id"])] = Str(row["text"]);

  auto r = testing::RunChorus("digest -q '" + path + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = testing::ParseJsonl(r.out);
  ASSERT_GE(rows.rows.size(), 10u);
  std::set<std::string> covered;
  size_t supports = 0, sentences = 0;
  for (auto row : rows.rows) {
    std::set<std::string> members;
    simdjson::dom::array articles = row["articles"].get_array().value();
    for (auto id : articles) {
      members.insert(Str(id));
      EXPECT_TRUE(covered.insert(Str(id)).second) << Str(id) << " in two digests";
    }
    simdjson::dom::array summary = row["summary"].get_array().value();
    if (members.size() >= 3) {
      EXPECT_GE(summary.size(), 3u) << Str(row["story"]);
    }
    EXPECT_LE(summary.size(), 6u);
    for (auto s : summary) {
      ++sentences;
      std::string text = Str(s["text"]);
      std::string from = Str(s["from"]["id"]);
      ASSERT_TRUE(members.count(from)) << from;
      simdjson::dom::array span = s["from"]["span"].get_array().value();
      EXPECT_EQ(
          CpSubstr(text_of[from], span.at(0).get_uint64().value(), span.at(1).get_uint64().value()),
          text);
      simdjson::dom::array support = s["support"].get_array().value();
      for (auto id : support) {
        ++supports;
        std::string sid = Str(id);
        EXPECT_NE(sid, from);
        EXPECT_TRUE(members.count(sid)) << sid << " is not in the story";
        EXPECT_GE(BestSentenceOverlap(text, text_of[sid]), 0.5)
            << "credited to " << sid << ": " << text;
      }
    }
    simdjson::dom::array unique = row["unique"].get_array().value();
    for (auto u : unique) {
      std::string id = Str(u["id"]);
      simdjson::dom::array span = u["span"].get_array().value();
      EXPECT_EQ(
          CpSubstr(text_of[id], span.at(0).get_uint64().value(), span.at(1).get_uint64().value()),
          Str(u["text"]));
    }
  }
  EXPECT_EQ(covered.size(), text_of.size());  // every article in exactly one digest
  EXPECT_GE(sentences, 40u);
  EXPECT_GE(supports, 100u);  // the dev stories are retold by many outlets
}

TEST(DigestE2E, TheSeedsMakeOneDigestWithTheirOwnFacts) {
  std::string seeds = testing::SharedPath("seeds");
  if (!testing::Exists(seeds)) GTEST_SKIP() << "../shared/seeds not found; skipping";
  auto r = testing::RunChorus("digest -q '" + seeds + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = testing::ParseJsonl(r.out);
  ASSERT_EQ(rows.rows.size(), 1u);
  auto d = rows.rows[0];
  // Plain text has no title: the second seed's first line reads as a headline.
  EXPECT_EQ(Str(d["headline"]),
            "Read Chrissy Teigen's Heartbreaking Response to Critics Who Lambasted Her "
            "Miscarriage Photos");
  std::string summary;
  simdjson::dom::array sentences = d["summary"].get_array().value();
  EXPECT_GE(sentences.size(), 3u);
  for (auto s : sentences) summary += Str(s["text"]) + "\n";
  EXPECT_NE(summary.find("Chrissy Teigen"), std::string::npos) << summary;
  EXPECT_NE(summary.find("Medium"), std::string::npos) << summary;
  EXPECT_NE(summary.find("Jack"), std::string::npos) << summary;
  // Her answer to the critics of the photos: the sentence that introduces the
  // quotation both outlets print ("I cannot express how little I care…").
  EXPECT_NE(summary.find("addressed people that criticized the photos"), std::string::npos)
      << summary;

  std::map<std::string, std::string> unique;  // article -> its unique sentences
  simdjson::dom::array uniq = d["unique"].get_array().value();
  for (auto u : uniq) unique[Str(u["id"])] += Str(u["text"]) + "\n";
  const std::string& first = unique["000_00836aa4a8cae6e0.txt"];
  const std::string& second = unique["003_c510a4fc71698b98.txt"];
  EXPECT_NE(first.find("bedrest"), std::string::npos) << first;
  EXPECT_NE(first.find("placenta abruption"), std::string::npos) << first;
  EXPECT_NE(second.find("Thai prayer"), std::string::npos) << second;
  EXPECT_EQ(second.find("bedrest"), std::string::npos);

  bool teigen = false;
  simdjson::dom::array people = d["people"].get_array().value();
  for (auto p : people)
    if (Str(p["name"]) == "Chrissy Teigen") {
      teigen = true;
      EXPECT_EQ(p["outlets"].get_int64().value(), 2);
    }
  EXPECT_TRUE(teigen);
  bool shared_quote = false;
  simdjson::dom::array quotes = d["quotes"].get_array().value();
  for (auto q : quotes)
    if (Str(q["text"]).find("I cannot express how little I care") != std::string::npos) {
      shared_quote = true;
      EXPECT_EQ(Str(q["speaker"]), "Chrissy Teigen");
    }
  EXPECT_TRUE(shared_quote);
}

TEST(DigestE2E, MarkdownCreditsOutlets) {
  auto r =
      testing::RunChorus("digest -q --markdown '" + std::string(CHORUS_SOURCE_DIR) + "/examples'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("## "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("said by "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace chorus
