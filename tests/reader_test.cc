// Unit tests of ReadInputs for JSONL, text files and directories, including bad input.
#include "chorus/reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <sstream>

#include "test_util.h"

namespace chorus {
namespace {

using testing::TempDir;
using testing::WriteFile;

struct Result {
  std::vector<Article> articles;
  std::string messages;
  size_t read = 0, skipped = 0, warnings = 0, errors = 0;
};

Result Read(const std::vector<std::string>& inputs, ReadOptions opts = {}) {
  Result r;
  std::ostringstream err;
  Diagnostics diag(&err);
  ReadInputs(inputs, opts, diag, [&](Article&& a) { r.articles.push_back(std::move(a)); });
  r.messages = err.str();
  r.read = diag.read();
  r.skipped = diag.skipped();
  r.warnings = diag.warnings();
  r.errors = diag.input_errors();
  return r;
}

void WriteGzip(const std::string& path, std::string_view content) {
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
}

TEST(JsonlReader, ReadsFieldsAndIgnoresUnknownOnes) {
  std::string dir = TempDir();
  WriteFile(
      dir + "/a.jsonl",
      R"({"id":"x1","text":"Hello.","title":"T","url":"http://u","source":"S","published":"2020-01-02","extra":{"n":[1,2]}})"
      "\n"
      R"({"id":42,"text":"Numeric id.","publisher":"nyt","date":"2016-09-08"})"
      "\n");
  Result r = Read({dir + "/a.jsonl"});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "x1");
  EXPECT_EQ(r.articles[0].title, "T");
  EXPECT_EQ(r.articles[0].url, "http://u");
  EXPECT_EQ(r.articles[0].source, "S");
  EXPECT_EQ(r.articles[0].published, "2020-01-02");
  EXPECT_EQ(r.articles[1].id, "42");
  EXPECT_EQ(r.articles[1].source, "nyt");            // "publisher" as the outlet
  EXPECT_EQ(r.articles[1].published, "2016-09-08");  // "date" as the date
  EXPECT_EQ(r.skipped, 0u);
}

TEST(JsonlReader, MissingIdGetsStableFileLineId) {
  std::string dir = TempDir();
  WriteFile(dir + "/b.jsonl", "\n{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
  Result r = Read({dir + "/b.jsonl"});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, dir + "/b.jsonl:2");
  EXPECT_EQ(r.articles[1].id, dir + "/b.jsonl:3");
}

TEST(JsonlReader, MalformedLinesAreSkippedWithFileAndLineAndTheRestGoesOn) {
  std::string dir = TempDir();
  std::string path = dir + "/bad.jsonl";
  WriteFile(path,
            "{\"id\":\"ok1\",\"text\":\"fine\"}\n"
            "{\"id\":\"broken\",\"text\":\"no end\n"
            "[1,2,3]\n"
            "{\"id\":\"notext\"}\n"
            "{\"id\":\"num\",\"text\":17}\n"
            "{\"id\":\"empty\",\"text\":\"   \"}\n"
            "{\"id\":\"ok2\",\"text\":\"also fine\"}\n");
  Result r = Read({path});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "ok1");
  EXPECT_EQ(r.articles[1].id, "ok2");
  EXPECT_EQ(r.skipped, 5u);
  EXPECT_NE(r.messages.find(path + ":2: skipped: malformed JSON record"), std::string::npos);
  EXPECT_NE(r.messages.find(path + ":3: skipped: malformed JSON record: not a JSON object"),
            std::string::npos);
  EXPECT_NE(r.messages.find(path + ":4: skipped: malformed JSON record: no \"text\" field"),
            std::string::npos);
  EXPECT_NE(
      r.messages.find(path + ":5: skipped: malformed JSON record: field \"text\" is not a string"),
      std::string::npos);
  EXPECT_NE(r.messages.find(path + ":6: skipped: empty text"), std::string::npos);
}

TEST(JsonlReader, InvalidUtf8IsReplacedWithAWarning) {
  std::string dir = TempDir();
  WriteFile(dir + "/u.jsonl", "{\"id\":\"u\",\"text\":\"caf\xE9 ok\"}\n");
  Result r = Read({dir + "/u.jsonl"});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "caf\xEF\xBF\xBD ok");
  EXPECT_EQ(r.warnings, 1u);
  EXPECT_NE(r.messages.find(":1: warning: replaced 1 invalid UTF-8"), std::string::npos);
}

TEST(JsonlReader, OversizedLinesAreSkippedNotTruncated) {
  std::string dir = TempDir();
  WriteFile(dir + "/big.jsonl", "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'x') +
                                    "\"}\n{\"id\":\"small\",\"text\":\"y\"}\n");
  ReadOptions opts;
  opts.max_article_bytes = 1000;
  Result r = Read({dir + "/big.jsonl"}, opts);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "small");
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_NE(r.messages.find("big.jsonl:1: skipped: line is over the article size limit"),
            std::string::npos);
}

TEST(JsonlReader, ReadsGzipAndReportsTruncatedGzip) {
  std::string dir = TempDir();
  std::string body;
  for (int i = 0; i < 2000; ++i)
    body += "{\"id\":\"g" + std::to_string(i) + "\",\"text\":\"Article number " +
            std::to_string(i) + " has some text that does not compress too well " +
            std::to_string(i * 7919) + ".\"}\n";
  WriteGzip(dir + "/all.jsonl.gz", body);
  Result whole = Read({dir + "/all.jsonl.gz"});
  EXPECT_EQ(whole.articles.size(), 2000u);
  EXPECT_EQ(whole.skipped, 0u);

  std::string gz = testing::ReadFile(dir + "/all.jsonl.gz");
  WriteFile(dir + "/cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  Result cut = Read({dir + "/cut.jsonl.gz"});
  EXPECT_GT(cut.articles.size(), 0u);
  EXPECT_LT(cut.articles.size(), 2000u);
  EXPECT_NE(cut.messages.find("cut.jsonl.gz: skipped: truncated gzip data"), std::string::npos)
      << cut.messages;
}

TEST(JsonlReader, DecompressionIsBounded) {
  std::string dir = TempDir();
  // 64 MB of zeros-like text compresses to ~64 KB: a small bomb.
  std::string line = "{\"id\":\"z\",\"text\":\"" + std::string(1 << 20, 'a') + "\"}\n";
  std::string body;
  for (int i = 0; i < 64; ++i) body += line;
  WriteGzip(dir + "/bomb.jsonl.gz", body);
  ReadOptions opts;
  opts.max_decompressed_bytes = 8u << 20;
  Result r = Read({dir + "/bomb.jsonl.gz"}, opts);
  EXPECT_LE(r.articles.size(), 8u);
  EXPECT_NE(r.messages.find("decompressed size limit"), std::string::npos) << r.messages;
}

TEST(TextReader, DirectoriesRecursivelyWithRelativeIds) {
  std::string dir = TempDir();
  std::filesystem::create_directories(dir + "/sub/deeper");
  std::filesystem::create_directories(dir + "/.hidden");
  WriteFile(dir + "/b.txt", "Second file.");
  WriteFile(dir + "/a.txt", "First file.");
  WriteFile(dir + "/sub/deeper/c.txt", "Deep file.");
  WriteFile(dir + "/.hidden/x.txt", "Hidden.");
  WriteFile(dir + "/notes.md", "Not an input.");
  Result r = Read({dir});
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].id, "a.txt");
  EXPECT_EQ(r.articles[0].text, "First file.");
  EXPECT_EQ(r.articles[1].id, "b.txt");
  EXPECT_EQ(r.articles[2].id, "sub/deeper/c.txt");
}

TEST(TextReader, EmptyBinaryAndMissingFiles) {
  std::string dir = TempDir();
  WriteFile(dir + "/empty.txt", "");
  WriteFile(dir + "/bin.txt", std::string("\x7F"
                                          "ELF\x02\x01\x01\0\0\0\0",
                                          12) +
                                  "junk");
  WriteFile(dir + "/noise.txt", std::string(200, '\xFF'));
  WriteFile(dir + "/good.txt", "Good text.");
  Result r = Read({dir + "/empty.txt", dir + "/bin.txt", dir + "/noise.txt", dir + "/missing.txt",
                   dir + "/good.txt"});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "good.txt");
  EXPECT_EQ(r.skipped, 3u);
  EXPECT_EQ(r.errors, 1u);
  EXPECT_NE(r.messages.find("empty.txt: skipped: empty file"), std::string::npos);
  EXPECT_NE(r.messages.find("bin.txt: skipped: binary content"), std::string::npos);
  EXPECT_NE(r.messages.find("noise.txt: skipped: binary content"), std::string::npos);
  EXPECT_NE(r.messages.find("missing.txt: error: no such file or directory"), std::string::npos);
}

TEST(TextReader, TextIsKeptExactlyAsGiven) {
  std::string dir = TempDir();
  std::string text =
      "  Leading space,\r\nCRLF lines,\ttabs and \xE2\x80\x9Cquotes\xE2\x80\x9D.\n\n";
  WriteFile(dir + "/exact.txt", text);
  Result r = Read({dir + "/exact.txt"});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, text);
}

TEST(ReadInputs, FormatOptionOverridesTheExtension) {
  std::string dir = TempDir();
  WriteFile(dir + "/feed.dat", "{\"id\":\"f\",\"text\":\"From a .dat file.\"}\n");
  ReadOptions opts;
  opts.format = InputFormat::kJsonl;
  Result forced = Read({dir + "/feed.dat"}, opts);
  ASSERT_EQ(forced.articles.size(), 1u);
  EXPECT_EQ(forced.articles[0].id, "f");
  // Without --format an unknown extension is sniffed: this one is JSONL.
  Result sniffed = Read({dir + "/feed.dat"});
  ASSERT_EQ(sniffed.articles.size(), 1u);
  EXPECT_EQ(sniffed.articles[0].id, "f");
}

TEST(Diagnostics, SummaryCountsEverything) {
  std::ostringstream err;
  Diagnostics d(&err);
  d.CountRead();
  d.CountRead();
  d.Skip("f:3", "bad");
  EXPECT_EQ(d.Summary(), "read 2 articles, skipped 1 record");
  d.Warn("f:4", "odd");
  d.InputError("g", "missing");
  EXPECT_EQ(d.Summary(), "read 2 articles, skipped 1 record (1 warning, 1 unreadable input)");
  EXPECT_EQ(err.str(),
            "chorus: f:3: skipped: bad\nchorus: f:4: warning: odd\nchorus: g: error: missing\n");
}

}  // namespace
}  // namespace chorus
