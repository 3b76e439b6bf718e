// End-to-end tests: the real build/chorus binary on real files.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <set>

#include "chorus/utf8.h"
#include "test_util.h"

namespace chorus {
namespace {

using testing::CpSubstr;
using testing::DataPath;
using testing::Exists;
using testing::ParseJsonl;
using testing::RunChorus;
using testing::SharedPath;

std::string Str(simdjson::dom::element e, const char* key) {
  std::string_view v;
  if (e[key].get(v)) return "<null>";
  return std::string(v);
}

// The texts of every span listed under `key`, checking each lies in the text.
std::vector<std::string> SpanTexts(simdjson::dom::element row, const char* key) {
  std::string text = Str(row, "text");
  size_t cps = utf8::CountCodepoints(text);
  std::vector<std::string> out;
  simdjson::dom::array spans = row[key].get_array().value();
  uint64_t last_end = 0;
  for (simdjson::dom::element sp : spans) {
    uint64_t b = sp.at(0).get_uint64().value(), e = sp.at(1).get_uint64().value();
    EXPECT_LE(last_end, b) << key << " spans overlap or are out of order";
    EXPECT_LT(b, e);
    EXPECT_LE(e, cps);
    last_end = e;
    out.push_back(CpSubstr(text, b, e));
  }
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(Cli, HelpVersionAndUsageErrors) {
  auto help = RunChorus("--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("read"), std::string::npos);
  auto version = RunChorus("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("chorus ", 0), 0u) << version.out;
  auto read_help = RunChorus("read --help");
  EXPECT_EQ(read_help.status, 0);
  EXPECT_NE(read_help.out.find("--format"), std::string::npos);
  EXPECT_NE(read_help.out.find("code-point offsets"), std::string::npos);
  EXPECT_EQ(RunChorus("").status, 2);
  EXPECT_EQ(RunChorus("frobnicate").status, 2);
  EXPECT_EQ(RunChorus("read").status, 2);
  auto bad_format = RunChorus("read --format pdf -", "");
  EXPECT_EQ(bad_format.status, 2);
  EXPECT_NE(bad_format.err.find("unknown --format 'pdf'"), std::string::npos);
}

TEST(Cli, ReadsTheSeedsAndCutsSentencesWhereAReaderWould) {
  std::string a = SharedPath("seeds/000_00836aa4a8cae6e0.txt");
  std::string b = SharedPath("seeds/003_c510a4fc71698b98.txt");
  if (!Exists(a) || !Exists(b)) GTEST_SKIP() << "../shared/seeds not found; skipping";
  auto r = RunChorus("read '" + a + "' '" + b + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("read 2 articles, skipped 0 records"), std::string::npos);
  auto rows = ParseJsonl(r.out);
  ASSERT_EQ(rows.rows.size(), 2u);
  EXPECT_EQ(Str(rows.rows[0], "id"), "000_00836aa4a8cae6e0.txt");
  EXPECT_EQ(Str(rows.rows[0], "text"), testing::ReadFile(a));  // exactly as given

  auto s0 = SpanTexts(rows.rows[0], "sentences");
  EXPECT_TRUE(Contains(s0, "Chrissy Teigen is finally opening up about her miscarriage."));
  EXPECT_TRUE(Contains(s0,
                       "She began the message by thanking fans and friends for their outpouring "
                       "of well-wishes, writing:"));
  // A block quote: opens with a curly mark, the sentence ends where the quote closes.
  EXPECT_TRUE(Contains(s0,
                       "\xE2\x80\x9C"
                       "For weeks, our floors have been covered in flowers of kindness."));
  EXPECT_TRUE(Contains(s0, "I can assure you, I did.\xE2\x80\x9D"));
  EXPECT_TRUE(Contains(s0, "She continued about just how horrible the bleeding had gotten::"));
  // Ellipsis inside a nested quote does not end the sentence.
  EXPECT_TRUE(Contains(s0,
                       "Social media messages from strangers have consumed my days, most "
                       "starting with, \xE2\x80\x98you probably won\xE2\x80\x99t read this, "
                       "but\xE2\x80\xA6\xE2\x80\x99."));
  EXPECT_TRUE(
      Contains(s0,
               "The Lip Sync Battle host went on to reveal that Jack\xE2\x80\x99s ashes are "
               "now in a small box, which the family will mix with the soil for a tree at "
               "their new home \xE2\x80\x94 \xE2\x80\x9Cthe one we got with his room in "
               "mind.\xE2\x80\x9D"));
  auto p0 = SpanTexts(rows.rows[0], "paragraphs");
  EXPECT_EQ(p0.size(), 18u);
  EXPECT_EQ(p0.front(), "Chrissy Teigen is finally opening up about her miscarriage.");

  auto s1 = SpanTexts(rows.rows[1], "sentences");
  // Straight quotes closing after the comma: one sentence with its cue.
  EXPECT_TRUE(Contains(s1, "The thoughts of others do not matter to me,\" she wrote."));
  EXPECT_TRUE(Contains(s1,
                       "Teigen has mostly been quiet on social media following her October 1 "
                       "post where she told fans and followers that she couldn't carry the "
                       "pregnancy safely to term."));
  EXPECT_TRUE(Contains(s1,
                       "It didn't make sense to him at the time,\" she wrote, going on to explain "
                       "that she felt that the moment should be remembered the same way their "
                       "wedding and first two children's births were."));
  auto p1 = SpanTexts(rows.rows[1], "paragraphs");
  EXPECT_EQ(p1.back(),
            "Chrissy Teigen attends the 2020 Vanity Fair Oscar Party hosted by Radhika "
            "Jones at Wallis Annenberg Center for the Performing Arts on February 09, 2020 "
            "in Beverly Hills, California. Getty/Axelle/Bauer-Griffin/FilmMagic");
}

TEST(Cli, ReadsTheExamplesInEveryShippedFormat) {
  auto r = RunChorus("read '" + std::string(CHORUS_SOURCE_DIR) + "/examples'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = ParseJsonl(r.out);
  std::set<std::string> ids;
  for (auto row : rows.rows) {
    ids.insert(Str(row, "id"));
    EXPECT_FALSE(SpanTexts(row, "sentences").empty());
  }
  EXPECT_TRUE(ids.count("calder-gazette-bridge-reopens.txt"));
  EXPECT_TRUE(ids.count("northshore-daily-bridge.html"));
  EXPECT_TRUE(ids.count("coastal-wire-0314-bridge"));
  EXPECT_TRUE(ids.count("valley-courier-bridge-reopens"));
  EXPECT_TRUE(ids.count("calder-gazette-council-budget"));
  EXPECT_EQ(rows.rows.size(), 5u);
}

TEST(Cli, ReadsJsonlFromStandardInput) {
  auto r = RunChorus("read -", "{\"text\":\"One. Two.\"}\n{\"id\":\"b\",\"text\":\"Three.\"}\n");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = ParseJsonl(r.out);
  ASSERT_EQ(rows.rows.size(), 2u);
  EXPECT_EQ(Str(rows.rows[0], "id"), "stdin:1");
  EXPECT_EQ(SpanTexts(rows.rows[0], "sentences"), (std::vector<std::string>{"One.", "Two."}));
  EXPECT_EQ(Str(rows.rows[1], "title"), "<null>");  // unknown fields are null
}

TEST(Cli, ExitCodesAndSummaryOnBadInput) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/mixed.jsonl", "{\"id\":\"a\",\"text\":\"ok\"}\nnot json\n");
  auto lenient = RunChorus("read '" + dir + "/mixed.jsonl'");
  EXPECT_EQ(lenient.status, 0);
  EXPECT_NE(lenient.err.find(dir + "/mixed.jsonl:2: skipped: malformed JSON record"),
            std::string::npos);
  EXPECT_NE(lenient.err.find("chorus: read 1 article, skipped 1 record"), std::string::npos);
  EXPECT_EQ(ParseJsonl(lenient.out).rows.size(), 1u);

  EXPECT_EQ(RunChorus("read --strict '" + dir + "/mixed.jsonl'").status, 1);
  auto quiet = RunChorus("read -q '" + dir + "/mixed.jsonl'");
  EXPECT_EQ(quiet.err.find("chorus: read"), std::string::npos);

  auto missing = RunChorus("read '" + dir + "/nope.jsonl' '" + dir + "/mixed.jsonl'");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("nope.jsonl: error: no such file or directory"), std::string::npos);
  EXPECT_EQ(ParseJsonl(missing.out).rows.size(), 1u);  // the rest still goes on

  testing::WriteFile(dir + "/zero.txt", "");
  auto zero = RunChorus("read '" + dir + "/zero.txt'");
  EXPECT_EQ(zero.status, 0);
  EXPECT_NE(zero.err.find("zero.txt: skipped: empty file"), std::string::npos);
}

TEST(Cli, CodepointOffsetsHoldOnPolnearDev) {
  std::string dev = SharedPath("data/polnear/dev.jsonl");
  if (!Exists(dev)) GTEST_SKIP() << "../shared/data/polnear/dev.jsonl not found; skipping";
  auto r = RunChorus("read '" + dev + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = ParseJsonl(r.out);
  ASSERT_EQ(rows.rows.size(), 84u);
  size_t sentences = 0;
  for (auto row : rows.rows) {
    for (const std::string& s : SpanTexts(row, "sentences")) {
      ASSERT_FALSE(s.empty());
      ASSERT_NE(s.front(), ' ');
      ASSERT_NE(s.back(), ' ');
      ++sentences;
    }
  }
  EXPECT_GT(sentences, 2000u);
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

TEST(Cli, ReadsWarcArchivesAndHtmlPages) {
  auto r = testing::RunChorus("read '" + testing::DataPath("warc/sample.warc.gz") + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rows = testing::ParseJsonl(r.out);
  ASSERT_EQ(rows.rows.size(), 2u);
  EXPECT_EQ(Str(rows.rows[0], "id"), "https://news.example/2031/04/marrowvale-footbridge");
  EXPECT_EQ(Str(rows.rows[0], "title"),
            "Marrowvale opens floating footbridge over the Quill River");
  EXPECT_TRUE(
      Contains(SpanTexts(rows.rows[0], "sentences"),
               "Engineers said the crossing would carry up to three thousand walkers a day."));

  auto truncated = testing::RunChorus("read '" + testing::DataPath("warc/truncated.warc.gz") + "'");
  EXPECT_EQ(truncated.status, 0);
  EXPECT_NE(truncated.err.find("truncated gzip data"), std::string::npos) << truncated.err;

  auto html = testing::RunChorus("read '" + testing::DataPath("html/news_article.html") + "'");
  ASSERT_EQ(html.status, 0) << html.err;
  auto page = testing::ParseJsonl(html.out);
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(Str(page.rows[0], "source"), "The Vellmouth Courier");
  EXPECT_EQ(Str(page.rows[0], "published"), "2031-04-12T09:30:00+01:00");
  std::string text = Str(page.rows[0], "text");
  EXPECT_EQ(text.find("Share on"), std::string::npos);
  EXPECT_EQ(text.find("<script"), std::string::npos);
}

TEST(Cli, ForcedFormatAndBinaryInput) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/blob.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  auto r = testing::RunChorus("read '" + dir + "/blob.bin'");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("blob.bin: skipped: binary content"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("read 0 articles, skipped 1 record"), std::string::npos);
}

// --max-decompressed-bytes: a gzip input yielding more than the cap is cut
// there, with a message naming the file and the flag, and counted as skipped.
TEST(Cli, DecompressionCapStopsAGzipInputWithAClearMessage) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/big.jsonl.gz";
  std::string body;
  for (int i = 0; i < 2000; ++i) {
    body += "{\"id\":\"a";
    body += std::to_string(i);
    body += "\",\"text\":\"The mayor said the bridge was safe.\"}\n";
  }
  ASSERT_GT(body.size(), 100000u);
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  gzwrite(f, body.data(), static_cast<unsigned>(body.size()));
  gzclose(f);

  auto whole = testing::RunChorus("read -q '" + path + "'");
  ASSERT_EQ(whole.status, 0) << whole.err;
  EXPECT_EQ(testing::ParseJsonl(whole.out).rows.size(), 2000u);

  auto cut = testing::RunChorus("read --max-decompressed-bytes 65536 '" + path + "'");
  EXPECT_EQ(cut.status, 0) << cut.err;
  EXPECT_NE(cut.err.find("big.jsonl.gz: skipped: input exceeds the decompressed size limit of "
                         "65536 bytes (--max-decompressed-bytes)"),
            std::string::npos)
      << cut.err;
  size_t read = testing::ParseJsonl(cut.out).rows.size();
  EXPECT_GT(read, 500u);  // what came before the cap is kept
  EXPECT_LT(read, 2000u);
  // The summary counts the cut (and the line it cut through, as malformed).
  size_t summary = cut.err.find("chorus: read " + std::to_string(read) + " articles, skipped ");
  ASSERT_NE(summary, std::string::npos) << cut.err;
  EXPECT_EQ(cut.err.find("skipped 0 records", summary), std::string::npos) << cut.err;
  // --strict makes the cut an error; ingest takes the flag too.
  EXPECT_EQ(
      testing::RunChorus("read -q --strict --max-decompressed-bytes 65536 '" + path + "'").status,
      1);
  auto ingest = testing::RunChorus("ingest --db '" + dir +
                                   "/s.db' --max-decompressed-bytes 65536 '" + path + "'");
  EXPECT_EQ(ingest.status, 0) << ingest.err;
  EXPECT_NE(ingest.err.find("(--max-decompressed-bytes)"), std::string::npos) << ingest.err;
  EXPECT_EQ(testing::RunChorus("read --max-decompressed-bytes 0 '" + path + "'").status, 2);
}

}  // namespace
}  // namespace chorus
