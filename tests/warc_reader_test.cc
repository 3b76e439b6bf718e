// Unit tests of the WARC reader: the fixtures in tests/data/warc/ (written by
// scripts/make_test_warc.py) hold news-like pages about invented events, with
// the record types, encodings and damage that real crawls have.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "chorus/reader.h"
#include "read/readers.h"
#include "test_util.h"

namespace chorus {
namespace {

using testing::DataPath;

const char kBridgeUri[] = "https://news.example/2031/04/marrowvale-footbridge";
const char kMossUri[] = "https://daily.example.org/science/glowing-moss";

struct Result {
  std::vector<Article> articles;
  std::string messages;
  size_t read = 0, skipped = 0, warnings = 0, errors = 0;

  std::vector<std::string> ids() const {
    std::vector<std::string> v;
    for (const Article& a : articles) v.push_back(a.id);
    return v;
  }
};

// Reads `path` through ReadInputs (which picks the WARC reader by extension).
Result Read(const std::string& path, ReadOptions opts = {}) {
  Result r;
  std::ostringstream err;
  Diagnostics diag(&err);
  ReadInputs({path}, opts, diag, [&](Article&& a) { r.articles.push_back(std::move(a)); });
  r.messages = err.str();
  r.read = diag.read();
  r.skipped = diag.skipped();
  r.warnings = diag.warnings();
  r.errors = diag.input_errors();
  return r;
}

Result ReadWarcFixture(const std::string& name, ReadOptions opts = {}) {
  return Read(DataPath("warc/" + name), opts);
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1))
    ++n;
  return n;
}

void ExpectSample(const Result& r) {
  EXPECT_EQ(r.skipped, 0u) << r.messages;
  EXPECT_EQ(r.errors, 0u) << r.messages;
  EXPECT_EQ(r.read, 2u) << r.messages;
  ASSERT_EQ(r.articles.size(), 2u) << r.messages;
  // The warcinfo, request, JPEG and 404 records are not articles, and not errors.
  EXPECT_EQ(r.messages, "");

  const Article& bridge = r.articles[0];  // chunked
  EXPECT_EQ(bridge.id, kBridgeUri);
  EXPECT_EQ(bridge.url, kBridgeUri);  // no canonical link: the target URI
  EXPECT_NE(bridge.title.find("Marrowvale opens floating footbridge"), std::string::npos);
  EXPECT_NE(bridge.text.find("The town of Marrowvale opened a floating footbridge across the "
                             "Quill River on Saturday"),
            std::string::npos)
      << bridge.text;
  EXPECT_NE(bridge.text.find("rises with the spring floods"), std::string::npos);
  EXPECT_NE(bridge.text.find("three thousand walkers a day."), std::string::npos);
  EXPECT_EQ(bridge.published, "");  // WARC-Date is the crawl date, not publication
  // No chunk sizes or markup leak into the text.
  EXPECT_EQ(bridge.text.find("<p>"), std::string::npos);
  EXPECT_EQ(bridge.text.find("12c"), std::string::npos);
  EXPECT_EQ(bridge.text.find("analytics"), std::string::npos);

  const Article& moss = r.articles[1];  // gzip content-encoded, URI in <brackets>
  EXPECT_EQ(moss.id, kMossUri);
  EXPECT_EQ(moss.url, kMossUri);
  EXPECT_NE(moss.title.find("Glowing moss found in the caves of Ostrel Ridge"), std::string::npos);
  EXPECT_NE(moss.text.find("A survey team found a glowing moss in the limestone caves"),
            std::string::npos)
      << moss.text;
  EXPECT_NE(moss.text.find("Cave visits have been suspended"), std::string::npos);
  EXPECT_EQ(moss.published, "");
}

TEST(WarcReader, ReadsHtmlResponsesOnly) {
  ExpectSample(ReadWarcFixture("sample.warc"));
}

TEST(WarcReader, ReadsGzipWarcWithOneMemberPerRecord) {
  ExpectSample(ReadWarcFixture("sample.warc.gz"));
}

TEST(WarcReader, ForcedFormatReadsAnyExtension) {
  std::string dir = testing::TempDir();
  std::filesystem::copy_file(DataPath("warc/sample.warc.gz"), dir + "/crawl.bin");
  ReadOptions opts;
  opts.format = InputFormat::kWarc;
  ExpectSample(Read(dir + "/crawl.bin", opts));
  // Sniffed by content without an extension too.
  ExpectSample(Read(dir + "/crawl.bin"));
  std::filesystem::remove_all(dir);
}

TEST(WarcReader, TruncatedGzipKeepsEarlierRecordsAndSaysSoOnce) {
  Result r = ReadWarcFixture("truncated.warc.gz");
  ASSERT_EQ(r.ids(), std::vector<std::string>{kBridgeUri}) << r.messages;
  EXPECT_EQ(r.read, 1u);
  EXPECT_EQ(r.skipped, 1u) << r.messages;
  EXPECT_NE(r.messages.find("truncated gzip data"), std::string::npos) << r.messages;
  EXPECT_NE(r.messages.find("truncated.warc.gz: skipped:"), std::string::npos) << r.messages;
}

TEST(WarcReader, TruncatedPlainWarcReportsTheCutRecord) {
  Result r = ReadWarcFixture("truncated_tail.warc");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"https://news.example/a/orchard-frost",
                                               "https://news.example/b/last-ferry",
                                               "https://news.example/c/library-hours"}))
      << r.messages;
  EXPECT_EQ(r.skipped, 1u) << r.messages;
  EXPECT_NE(r.messages.find(":record 4 (https://news.example/d/kite-festival): skipped: "
                            "truncated record: Content-Length is"),
            std::string::npos)
      << r.messages;
}

TEST(WarcReader, ContentLengthTooLongSkipsOnlyThatRecord) {
  // Record 2's length runs 25 bytes into record 3; record 3 is still read.
  Result r = ReadWarcFixture("bad_length_long.warc");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"https://news.example/a/orchard-frost",
                                               "https://news.example/c/library-hours",
                                               "https://news.example/d/kite-festival"}))
      << r.messages;
  EXPECT_EQ(r.read, 3u);
  EXPECT_EQ(r.skipped, 1u) << r.messages;
  EXPECT_NE(r.messages.find(":record 2 (https://news.example/b/last-ferry): skipped: "
                            "Content-Length "),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find("does not match the record"), std::string::npos) << r.messages;
  EXPECT_NE(r.messages.find("record at byte "), std::string::npos) << r.messages;
  EXPECT_NE(r.articles[1].text.find("open until midnight during the exam season"),
            std::string::npos);
}

TEST(WarcReader, ContentLengthTooShortSkipsOnlyThatRecord) {
  Result r = ReadWarcFixture("bad_length_short.warc");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"https://news.example/a/orchard-frost",
                                               "https://news.example/c/library-hours",
                                               "https://news.example/d/kite-festival"}))
      << r.messages;
  EXPECT_EQ(r.skipped, 1u) << r.messages;
  EXPECT_NE(r.messages.find(":record 2 (https://news.example/b/last-ferry): skipped: "),
            std::string::npos)
      << r.messages;
}

TEST(WarcReader, GarbledOrMissingContentLengthResyncs) {
  Result r = ReadWarcFixture("garbled_length.warc");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"https://news.example/1/tram",
                                               "https://news.example/6/observatory"}))
      << r.messages;
  EXPECT_EQ(r.skipped, 4u) << r.messages;
  EXPECT_NE(r.messages.find(":record 2 (https://news.example/2/garbled): skipped: bad "
                            "Content-Length \"12ab\""),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find(":record 3 (https://news.example/3/missing): skipped: no "
                            "Content-Length"),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find(":record 4 (https://news.example/4/negative): skipped: bad "
                            "Content-Length \"-7\""),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find(":record 5 (https://news.example/5/overflow): skipped: bad "
                            "Content-Length"),
            std::string::npos)
      << r.messages;
  EXPECT_EQ(Count(r.messages, "skipping to the next record"), 4u) << r.messages;
}

TEST(WarcReader, HugeContentLengthDoesNotSwallowTheRecordsAfterIt) {
  // Record 2 claims 50 MB, over the article limit, in a 4 KB file.
  Result r = ReadWarcFixture("huge_length.warc");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"https://news.example/h1/pier",
                                               "https://news.example/h3/snow",
                                               "https://news.example/h4/tram"}))
      << r.messages;
  EXPECT_EQ(r.skipped, 1u) << r.messages;
  EXPECT_NE(r.messages.find(":record 2 (https://news.example/h2/huge): skipped: truncated "
                            "record: Content-Length is 50000000"),
            std::string::npos)
      << r.messages;
}

TEST(WarcReader, PayloadVariants) {
  Result r = ReadWarcFixture("variants.warc");
  const std::vector<std::string> expected = {
      "https://variants.example/1-no-content-type",
      "https://variants.example/2-deflate",
      "https://variants.example/3-gzip-chunked",
      "https://variants.example/4-already-decoded",
      "https://variants.example/12-xhtml",
      "https://variants.example/14-chunked-cut",
      "https://variants.example/15-gzip-cut",
      "urn:uuid:00000000-0000-4000-8000-000000000017",  // no WARC-Target-URI
      "https://variants.example/17-latin1-http",
      "https://variants.example/18-cp1252-meta",
  };
  EXPECT_EQ(r.ids(), expected) << r.messages;
  EXPECT_EQ(r.read, 10u);
  // The text/plain, redirect, resource, revisit, DNS and metadata records are
  // skipped silently; the empty page and the brotli page are reported, and the
  // two bodies the crawler cut short are kept with a warning.
  EXPECT_EQ(r.skipped, 2u) << r.messages;
  EXPECT_EQ(r.warnings, 2u) << r.messages;
  EXPECT_NE(r.messages.find(":record 15 (https://variants.example/14-chunked-cut): warning: "
                            "chunked body is truncated"),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find(":record 16 (https://variants.example/15-gzip-cut): warning: "
                            "gzip body is truncated"),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find(":record 11 (https://variants.example/10-empty-page): skipped: no "
                            "article text found in the page"),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find(":record 12 (https://variants.example/11-brotli): skipped: "
                            "unsupported content coding \"br\""),
            std::string::npos)
      << r.messages;
  ASSERT_EQ(r.articles.size(), 10u);
  EXPECT_NE(r.articles[0].text.find("Frost destroyed most of the apricot blossom"),
            std::string::npos);
  EXPECT_NE(r.articles[1].text.find("The last Quill River ferry made its final crossing"),
            std::string::npos);
  EXPECT_NE(r.articles[2].text.find("will stay open until midnight"), std::string::npos);
  EXPECT_NE(r.articles[3].text.find("More than two hundred kites filled the sky"),
            std::string::npos);
  EXPECT_NE(r.articles[4].text.find("hilltop observatory at Caskel reopened"), std::string::npos);
  EXPECT_NE(r.articles[5].text.find("Unseasonal snow closed the mountain pass"), std::string::npos);
  EXPECT_NE(r.articles[6].text.find("Storm waves tore a section from the Luma Bay pier"),
            std::string::npos);
  EXPECT_NE(r.articles[7].text.find("The first electric tram of the Dunmere line"),
            std::string::npos);
  EXPECT_EQ(r.articles[7].url, "");  // no target URI
  // windows-1252 pages (declared in HTTP, or in a <meta> tag) arrive as UTF-8.
  for (size_t i : {8, 9}) {
    const std::string& t = r.articles[i].text;
    EXPECT_NE(t.find("The caf\u00e9 on Quay Street reopened with cr\u00e8me br\u00fbl\u00e9e"),
              std::string::npos)
        << t;
    EXPECT_NE(t.find("\u201cWe missed the harbour,\u201d"), std::string::npos) << t;
    EXPECT_NE(t.find("\u20ac2 extra"), std::string::npos) << t;
    EXPECT_EQ(t.find("\ufffd"), std::string::npos) << t;
    EXPECT_NE(r.articles[i].title.find("Harbour caf\u00e9 reopens"), std::string::npos);
  }
  for (const Article& a : r.articles) {
    EXPECT_EQ(a.text.find("<"), std::string::npos) << a.id;
    EXPECT_EQ(a.text.find('\0'), std::string::npos) << a.id;
  }
}

TEST(WarcReader, OversizedRecordsAreSkippedWithAMessage) {
  ReadOptions opts;
  opts.max_article_bytes = 700;  // below both HTML records; the JPEG is bigger still
  Result r = ReadWarcFixture("sample.warc", opts);
  EXPECT_EQ(r.read, 0u);
  // The two pages, not the JPEG or the 404 page, which are not articles anyway.
  EXPECT_EQ(r.skipped, 2u) << r.messages;
  EXPECT_EQ(Count(r.messages, "(--max-article-bytes)"), 2u) << r.messages;
  EXPECT_NE(r.messages.find(std::string(":record 3 (") + kBridgeUri + "): skipped: record is "),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find(std::string(":record 4 (") + kMossUri + "): skipped: "),
            std::string::npos)
      << r.messages;
}

TEST(WarcReader, GzipBombIsCutAtTheArticleLimit) {
  ReadOptions opts;
  opts.max_article_bytes = 1 << 20;  // the 11 KB record inflates to about 3 MB
  Result r = ReadWarcFixture("bomb.warc", opts);
  EXPECT_EQ(r.read, 0u);
  EXPECT_EQ(r.skipped, 1u) << r.messages;
  EXPECT_NE(r.messages.find("decompressed page is over the limit of 1048576 bytes"),
            std::string::npos)
      << r.messages;
}

TEST(WarcReader, NotAWarcFile) {
  Result r = ReadWarcFixture("not_a_warc.warc");
  EXPECT_EQ(r.read, 0u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_NE(r.messages.find("not_a_warc.warc: skipped: not a WARC file (no WARC/1.x version "
                            "line)"),
            std::string::npos)
      << r.messages;
}

TEST(WarcReader, EmptyFileHasNothingToSay) {
  Result r = ReadWarcFixture("empty.warc");
  EXPECT_EQ(r.read, 0u);
  EXPECT_EQ(r.skipped, 0u);
  EXPECT_EQ(r.errors, 0u);
}

TEST(WarcReader, MissingFileIsAnInputError) {
  Diagnostics diag(nullptr);
  read::ReadWarc(DataPath("warc/no-such-file.warc"), "x.warc", ReadOptions{}, diag,
                 [](Article&&) {});
  EXPECT_EQ(diag.input_errors(), 1u);
  EXPECT_EQ(diag.read(), 0u);
}

// --- damage everywhere --------------------------------------------------------

Result ReadBytes(const std::string& dir, const std::string& bytes, const std::string& ext) {
  std::string path = dir + "/f" + ext;
  testing::WriteFile(path, bytes);
  Result r;
  Diagnostics diag(nullptr);
  read::ReadWarc(path, "f", ReadOptions{}, diag,
                 [&](Article&& a) { r.articles.push_back(std::move(a)); });
  r.read = diag.read();
  r.skipped = diag.skipped();
  r.errors = diag.input_errors();
  return r;
}

struct Extent {
  size_t start, block_end;  // version line .. end of the block
  bool html;
};

// The records of sample.warc, found by their version lines.
std::vector<Extent> SampleExtents(const std::string& data) {
  std::vector<size_t> starts;
  for (size_t p = data.find("WARC/1.1\r\n"); p != std::string::npos;
       p = data.find("\r\n\r\nWARC/1.1\r\n", p + 1)) {
    starts.push_back(starts.empty() ? p : p + 4);
  }
  std::vector<Extent> v;
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t end = (i + 1 < starts.size() ? starts[i + 1] : data.size()) - 4;
    v.push_back({starts[i], end, i == 2 || i == 3});
  }
  return v;
}

Result ReadString(const std::string& bytes) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/damaged.warc";
  testing::WriteFile(path, bytes);
  Result r = Read(path);
  std::filesystem::remove_all(dir);
  return r;
}

TEST(WarcReader, OverlongHeaderLineSkipsThatRecordOnly) {
  std::string data = testing::ReadFile(DataPath("warc/sample.warc"));
  size_t p = data.find("Content-Type: application/warc-fields");  // in the warcinfo record
  ASSERT_NE(p, std::string::npos);
  data.insert(p, "WARC-Comment: " + std::string(70000, 'x') + "\r\n");
  Result r = ReadString(data);
  EXPECT_EQ(r.ids(), (std::vector<std::string>{kBridgeUri, kMossUri})) << r.messages;
  EXPECT_EQ(r.skipped, 1u) << r.messages;
  EXPECT_NE(r.messages.find(":record 1: skipped: record header line over 65536 bytes"),
            std::string::npos)
      << r.messages;
}

TEST(WarcReader, DamagedVersionLineKeepsTheRecordWithAWarning) {
  std::string data = testing::ReadFile(DataPath("warc/sample.warc"));
  std::vector<Extent> ext = SampleExtents(data);
  data[ext[2].start] = 'X';  // "XARC/1.1" starts the first page
  Result r = ReadString(data);
  EXPECT_EQ(r.ids(), (std::vector<std::string>{kBridgeUri, kMossUri})) << r.messages;
  EXPECT_EQ(r.skipped, 0u) << r.messages;
  EXPECT_EQ(r.warnings, 1u) << r.messages;
  EXPECT_NE(r.messages.find(std::string(":record 3 (") + kBridgeUri +
                            "): warning: damaged record start (damaged version line \"XARC/1.1\")"),
            std::string::npos)
      << r.messages;

  // Junk before a version line (here a NUL instead of the last separator byte).
  data = testing::ReadFile(DataPath("warc/sample.warc"));
  data[ext[3].start - 1] = '\0';
  r = ReadString(data);
  EXPECT_EQ(r.ids(), (std::vector<std::string>{kBridgeUri, kMossUri})) << r.messages;
  EXPECT_EQ(r.skipped, 0u) << r.messages;
  EXPECT_EQ(r.warnings, 1u) << r.messages;
  EXPECT_NE(r.messages.find("damaged record start (junk before its version line)"),
            std::string::npos)
      << r.messages;
}

// Found by fuzz_warc: a page record whose target URI line is damaged and whose
// record id is "<>" gave an article with an empty id. It is now named by its
// place in the file, like any record without a name.
TEST(WarcReader, APageWithNeitherUriNorRecordIdIsNamedByItsPlace) {
  std::string data = testing::ReadFile(DataPath("warc/sample.warc"));
  std::vector<Extent> ext = SampleExtents(data);
  const size_t uri = data.find("WARC-Target-URI:", ext[2].start);
  ASSERT_LT(uri, ext[2].block_end);
  data[uri + 15] = '\x01';  // "WARC-Target-URI\x01 ...": not a header this reader knows
  const size_t id = data.find("WARC-Record-ID: <", ext[2].start);
  ASSERT_LT(id, ext[2].block_end);
  const size_t close = data.find('>', id);
  data.erase(id + 17, close - (id + 17));  // "WARC-Record-ID: <>"
  Result r = ReadString(data);
  ASSERT_EQ(r.articles.size(), 2u) << r.messages;
  EXPECT_NE(r.articles[0].id.find("damaged.warc:record 3"), std::string::npos) << r.articles[0].id;
  EXPECT_EQ(r.articles[0].url, "");
  EXPECT_NE(r.articles[0].text.find("floating footbridge"), std::string::npos);
  EXPECT_EQ(r.articles[1].id, kMossUri);
}

TEST(WarcReader, EveryTruncationLosesOnlyTheCutRecordAndSaysSo) {
  std::string data = testing::ReadFile(DataPath("warc/sample.warc"));
  std::vector<Extent> ext = SampleExtents(data);
  ASSERT_EQ(ext.size(), 6u);
  std::string dir = testing::TempDir();
  for (size_t cut = 0; cut <= data.size(); cut += (cut < 1200 ? 1 : 3)) {
    size_t whole_html = 0, cut_inside = 0;
    for (const Extent& e : ext) {
      if (e.html && e.block_end <= cut) ++whole_html;
      if (e.start < cut && cut < e.block_end) ++cut_inside;
    }
    Result r = ReadBytes(dir, data.substr(0, cut), ".warc");
    ASSERT_EQ(r.read, whole_html) << "cut at " << cut;
    ASSERT_EQ(r.skipped, cut_inside) << "cut at " << cut;
  }
  std::filesystem::remove_all(dir);
}

// Where each gzip member of `gz` ends.
std::vector<size_t> MemberEnds(const std::string& gz) {
  std::vector<size_t> ends;
  size_t pos = 0;
  std::vector<unsigned char> out(1 << 16);
  while (pos < gz.size()) {
    z_stream zs{};
    inflateInit2(&zs, 31);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data() + pos));
    zs.avail_in = static_cast<uInt>(gz.size() - pos);
    int ret;
    do {
      zs.next_out = out.data();
      zs.avail_out = static_cast<uInt>(out.size());
      ret = inflate(&zs, Z_NO_FLUSH);
    } while (ret == Z_OK);
    pos += zs.total_in;
    inflateEnd(&zs);
    if (ret != Z_STREAM_END) break;
    ends.push_back(pos);
  }
  return ends;
}

TEST(WarcReader, EveryGzipTruncationKeepsTheWholeRecordsBeforeIt) {
  std::string gz = testing::ReadFile(DataPath("warc/sample.warc.gz"));
  std::vector<size_t> ends = MemberEnds(gz);
  ASSERT_EQ(ends.size(), 6u);
  std::string dir = testing::TempDir();
  for (size_t cut = 0; cut <= gz.size(); cut += 5) {
    // The pages are members 3 and 4. A page whose member is cut may still be
    // whole when only the gzip trailer is missing.
    size_t whole = (ends[2] <= cut) + (ends[3] <= cut);
    size_t started = (ends[1] < cut) + (ends[2] < cut);
    bool at_boundary = cut == 0;
    for (size_t e : ends) at_boundary |= e == cut;
    Result r = ReadBytes(dir, gz.substr(0, cut), ".warc.gz");
    ASSERT_GE(r.read, whole) << "cut at " << cut;
    ASSERT_LE(r.read, started) << "cut at " << cut;
    ASSERT_LE(r.skipped, 1u) << "cut at " << cut;
    if (at_boundary) {
      ASSERT_EQ(r.skipped, 0u) << "cut at " << cut;
    }
  }
  std::filesystem::remove_all(dir);
}

TEST(WarcReader, DamagedBytesOutsideThePagesNeverCostThePages) {
  std::string data = testing::ReadFile(DataPath("warc/sample.warc"));
  std::vector<Extent> ext = SampleExtents(data);
  std::string dir = testing::TempDir();
  const char kValues[] = {'\n', '\0', 'X', '9', '0', ' '};
  for (size_t pos = 10; pos < data.size(); pos += 5) {
    bool in_page = false;
    for (const Extent& e : ext) in_page |= e.html && e.start <= pos && pos < e.block_end + 4;
    for (char v : kValues) {
      if (data[pos] == v) continue;
      std::string bytes = data;
      bytes[pos] = v;
      Result r = ReadBytes(dir, bytes, ".warc");
      ASSERT_LE(r.read, 2u) << "byte " << pos << " set to " << int(v);
      if (!in_page) {
        ASSERT_EQ(r.ids(), (std::vector<std::string>{kBridgeUri, kMossUri}))
            << "byte " << pos << " set to " << int(v);
      }
    }
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chorus
