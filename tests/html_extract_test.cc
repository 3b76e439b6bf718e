// Tests for ExtractHtml: body text (without page furniture), metadata, and
// robustness on hostile input. Fixtures live in CHORUS_TEST_DATA/html/.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "chorus/reader.h"
#include "test_util.h"

#ifndef CHORUS_TEST_DATA
#error "CHORUS_TEST_DATA must name the tests/data directory"
#endif

namespace chorus {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(CHORUS_TEST_DATA) + "/html/" + name, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open fixture " << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Article Extract(std::string_view html, bool expect_ok = true) {
  Article a;
  EXPECT_EQ(ExtractHtml(html, a), expect_ok);
  return a;
}

std::string Page(std::string_view head, std::string_view body) {
  return "<!DOCTYPE html><html><head>" + std::string(head) + "</head><body>" + std::string(body) +
         "</body></html>";
}

const char kFiller[] =
    "The council met for three hours on Tuesday evening to discuss the new harbour wall and "
    "the budget for the coming year.";

TEST(HtmlExtract, NewsPageKeepsOnlyTheArticle) {
  Article a = Extract(ReadFixture("news_article.html"));
  EXPECT_EQ(a.text,
            "The Old Tannery Bridge reopened to traffic on Saturday morning, ending a two-year "
            "closure that split the east and west banks of Vellmouth and added up to forty minutes "
            "to some commutes.\n\n"
            "Mayor Ilsa Brandvold cut the ribbon at 8 a.m. in front of a crowd of several hundred "
            "residents. \u201cThis bridge is the spine of our city,\u201d she said. \u201cToday we "
            "stand up straight again.\u201d\n\n"
            "Engineers replaced all fourteen of the original iron girders, which had corroded "
            "after decades of salt spray from the estuary. Chief engineer Tomas Keridge said the "
            "new deck is rated for twice the old load limit.\n\n"
            "\"We found rivets stamped 1887 still doing their job. We kept three of them and "
            "mounted them on the parapet,\" Keridge said.\n\n"
            "The repair cost 38 million crowns, about 6 million more than budgeted, after divers "
            "found that two of the river piers needed new foundations. The council\u2019s "
            "transport committee will review the overrun in May.\n\n"
            "Shopkeepers on Ferrier Lane welcomed the reopening. \u201cHalf my customers came from "
            "across the water,\u201d said baker Nadia Orsk, who kept her shop open through the "
            "closure. \"I'm baking a bridge-shaped loaf all week.\"");
  for (const char* junk : {"Business",
                           "Culture",
                           "Opinion",
                           "Search",
                           "cookies",
                           "Accept all",
                           "Advertisement",
                           "Harborline",
                           "Share on Chirper",
                           "Email this story",
                           "By Mira Halloway",
                           "newsletter",
                           "Morning Courier",
                           "comments",
                           "My commute",
                           "Related stories",
                           "Ferry timetable",
                           "Tram line",
                           "All rights reserved",
                           "Privacy policy",
                           "dataLayer",
                           "font-family",
                           "NewsArticle"})
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk;
  EXPECT_EQ(a.title, "Old Tannery Bridge reopens after two-year repair");
  EXPECT_EQ(a.source, "The Vellmouth Courier");
  EXPECT_EQ(a.published, "2031-04-12T09:30:00+01:00");
  EXPECT_EQ(a.url, "https://courier.vellmouth.example/news/2031/04/tannery-bridge-reopens");
  EXPECT_TRUE(a.id.empty());
}

TEST(HtmlExtract, NoArticleTagFindsTheParagraphDiv) {
  Article a = Extract(ReadFixture("no_article_tag.html"));
  EXPECT_EQ(a.text,
            "Cars and cyclists crossed the Old Tannery Bridge on Saturday for the first time in "
            "two years, after a repair that replaced every one of its fourteen iron girders.\n\n"
            "The crossing, which links the market district with the east bank, was closed in the "
            "spring of 2029 when inspectors found corrosion that they called \u201csevere and "
            "spreading.\u201d\n\n"
            "Mayor Ilsa Brandvold told the crowd at the opening that the city had \u201clearned "
            "its lesson about waiting for things to break.\u201d She promised yearly inspections "
            "of all five river crossings.\n\n"
            "The final bill came to 38 million crowns. Councillor Per Idunsen, who chairs the "
            "transport committee, said the overrun was \"regrettable but unavoidable\" once the "
            "piers were found to be unsound.\n\n"
            "Bus route 7 returns to its old path over the bridge on Monday, the transit office "
            "said. Ferry sailings added during the closure will stop at the end of the month.\n\n"
            "For Ferrier Lane\u2019s traders the reopening came just in time. \u201cIt\u2019s like "
            "someone turned the lights back on,\u201d said baker Nadia Orsk.");
  for (const char* junk : {"Home", "Classifieds", "Obituaries", "Sections", "Most read",
                           "Tags:", "Advertise with us", "Harbour Ledger"})
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk;
  // <title> minus " - Harbour Ledger", the publisher's name (JSON-LD @graph, by @id).
  EXPECT_EQ(a.title, "Tannery Bridge back in service");
  EXPECT_EQ(a.source, "Harbour Ledger");
  EXPECT_EQ(a.published, "2031-04-12");
  EXPECT_EQ(a.url, "https://harbourledger.example/local/tannery-bridge-back-in-service.html");
}

TEST(HtmlExtract, LinkHeavyMenusWithoutClassNamesAreDropped) {
  std::string body =
      "<div><ul><li><a href=/a>World</a></li><li><a href=/b>Money</a></li>"
      "<li><a href=/c>Weather</a></li></ul></div>"
      "<div><p>First paragraph. " +
      std::string(kFiller) +
      "</p>"
      "<div><a href=/x>Home</a> | <a href=/y>Archive</a> | <a href=/z>Contact</a></div>"
      "<p>Read more: <a href=/more>Harbour wall plans unveiled at last week's public "
      "meeting</a></p>"
      "<p>Second paragraph. " +
      std::string(kFiller) +
      "</p></div>"
      "<div><a href=/1>Older posts</a> <a href=/2>Newer posts</a></div>";
  Article a = Extract(Page("", body));
  EXPECT_EQ(a.text, "First paragraph. " + std::string(kFiller) + "\n\nSecond paragraph. " +
                        std::string(kFiller));
}

TEST(HtmlExtract, InlineTextLineBreaksAndBlocks) {
  Article a = Extract(Page("<title>T</title>",
                           "<article><h1>Headline   here</h1><h2>A <i>sub</i>head</h2>"
                           "<p>  Line   one<br>\n  line <b>two</b>  </p>"
                           "<div>Direct text in a div<div>nested block</div>tail</div>"
                           "<ul><li>Item one</li><li>Item two</li></ul>"
                           "<p>Para<br><br>split by two breaks</p>"
                           "<pre>code  line 1\n  line 2</pre>"
                           "<table><tr><td>cell a</td><td>cell b</td></tr></table></article>"));
  EXPECT_EQ(a.text,
            "Headline here\n\nA subhead\n\nLine one\nline two\n\nDirect text in a div\n\n"
            "nested block\n\ntail\n\nItem one\n\nItem two\n\nPara\n\nsplit by two breaks\n\n"
            "code  line 1\n  line 2\n\ncell a cell b");
}

TEST(HtmlExtract, H1EqualToTitleIsSkipped) {
  Article a = Extract(Page(
      "<title>Harbour wall approved</title>",
      "<article><h1>Harbour  wall approved</h1><p>" + std::string(kFiller) + "</p></article>"));
  EXPECT_EQ(a.text, kFiller);
  a = Extract(
      Page("<title>Harbour wall approved</title>",
           "<article><h1>Another heading</h1><p>" + std::string(kFiller) + "</p></article>"));
  EXPECT_EQ(a.text, "Another heading\n\n" + std::string(kFiller));
}

TEST(HtmlExtract, PicksTheArticleWithTheMostText) {
  std::string body =
      "<article class=teaser><p>Teaser one is short but is a paragraph.</p></article>"
      "<article><p>" +
      std::string(kFiller) + "</p><p>Second. " + kFiller +
      "</p></article>"
      "<article class=teaser><p>Teaser two is short but is a paragraph.</p></article>";
  Article a = Extract(Page("", body));
  EXPECT_EQ(a.text, std::string(kFiller) + "\n\nSecond. " + kFiller);
}

TEST(HtmlExtract, ItempropArticleBody) {
  std::string body =
      "<div class=wrap><div class=intro><p>Intro blurb that is not the body at all, "
      "but long enough to count.</p></div><div itemprop=\"articleBody\"><p>" +
      std::string(kFiller) + "</p><p>More. " + kFiller + "</p></div></div>";
  Article a = Extract(Page("", body));
  EXPECT_EQ(a.text, std::string(kFiller) + "\n\nMore. " + kFiller);
}

TEST(HtmlExtract, PageWideFormIsNotDropped) {
  std::string paras;
  for (int i = 0; i < 5; ++i) paras += "<p>" + std::string(kFiller) + "</p>";
  Article a = Extract(Page("", "<form id=aspnetForm method=post><div class=text>" + paras +
                                   "</div></form><form class=search><input name=q>"
                                   "<p>Search our archive</p></form>"));
  EXPECT_EQ(a.text.find("Search our archive"), std::string::npos);
  EXPECT_EQ(a.text.size(), 5 * (sizeof(kFiller) - 1) + 4 * 2);
}

TEST(HtmlExtract, HiddenAndJunkClassesAreDropped) {
  std::string body = std::string("<div class=\"main-content has-sidebar\">") + "<p>" + kFiller +
                     "</p><div style=\"display: none\"><p>Hidden text that is long enough to "
                     "score as a paragraph.</p></div><div hidden><p>Also hidden.</p></div>"
                     "<div class=\"social-share\"><p>Share this</p></div>"
                     "<amp-ad><p>Sponsored text</p></amp-ad>"
                     "<div role=navigation><p>Jump to section</p></div>"
                     "<p>End. " +
                     kFiller + "</p></div>";
  Article a = Extract(Page("", body));
  EXPECT_EQ(a.text, std::string(kFiller) + "\n\nEnd. " + kFiller);
}

TEST(HtmlExtract, PublishedFromMetaTags) {
  struct Case {
    const char* head;
    const char* want;
  } cases[] = {
      {"<meta property=\"article:published_time\" content=\" 2031-01-02T03:04:05Z \">",
       "2031-01-02T03:04:05Z"},
      {"<meta name=\"article:published_time\" content=\"2031-01-03\">", "2031-01-03"},
      {"<meta itemprop=\"datePublished\" content=\"2031-01-04\">", "2031-01-04"},
      {"<meta name=\"pubdate\" content=\"20310105\">", "20310105"},
      {"<meta name=\"date\" content=\"2031-01-06\">", "2031-01-06"},
      {"<meta name=\"DC.date\" content=\"2031-01-07\">", "2031-01-07"},
      // The more specific source wins, wherever it is in the page.
      {"<meta name=\"date\" content=\"2031-09-09\">"
       "<meta property=\"article:published_time\" content=\"2031-01-08\">",
       "2031-01-08"},
      // Meta beats JSON-LD and <time>.
      {"<script type=\"application/ld+json\">{\"datePublished\":\"2030-12-31\"}</script>"
       "<meta name=\"pubdate\" content=\"2031-01-09\">",
       "2031-01-09"},
  };
  for (const Case& c : cases) {
    Article a = Extract(Page(
        c.head, "<time datetime=\"2000-01-01\">then</time><p>" + std::string(kFiller) + "</p>"));
    EXPECT_EQ(a.published, c.want) << c.head;
  }
}

TEST(HtmlExtract, PublishedFromJsonLd) {
  struct Case {
    const char* json;
    const char* want;
  } cases[] = {
      {R"({"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2031-02-01"})",
       "2031-02-01"},
      {R"([{"@type":"BreadcrumbList"},{"@type":"Article","datePublished":"2031-02-02"}])",
       "2031-02-02"},
      {R"({"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
          {"@type":["NewsArticle"],"datePublished":" 2031-02-03T10:00:00Z "}]})",
       "2031-02-03T10:00:00Z"},
      // An article-typed object wins over others that come first.
      {R"({"@graph":[{"@type":"WebPage","datePublished":"2031-09-09"},
          {"@type":"ReportageNewsArticle","datePublished":"2031-02-04"}]})",
       "2031-02-04"},
  };
  for (const Case& c : cases) {
    Article a = Extract(
        Page("<script type=\"application/ld+json\">" + std::string(c.json) + "</script>",
             "<time datetime=\"2000-01-01\">then</time><p>" + std::string(kFiller) + "</p>"));
    EXPECT_EQ(a.published, c.want) << c.json;
  }
}

TEST(HtmlExtract, MalformedJsonLdIsIgnored) {
  const std::string bad =
      "<script type=\"application/ld+json\">{\"datePublished\": \"2031-03-01\",,, </script>"
      "<script type=\"application/ld+json\">[[[[[[[[</script>"
      "<script type=\"application/ld+json\"></script>"
      "<script type=\"application/ld+json\">\"just a string\"</script>";
  Article a = Extract(
      Page(bad, "<time datetime=\"2031-03-02\">2 March</time><p>" + std::string(kFiller) + "</p>"));
  EXPECT_EQ(a.published, "2031-03-02");
  a = Extract(Page(bad + "<script type=\"application/ld+json\">{\"datePublished\":\"2031-03-03\","
                         "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Estuary Times\"}}"
                         "</script>",
                   "<p>" + std::string(kFiller) + "</p>"));
  EXPECT_EQ(a.published, "2031-03-03");
  EXPECT_EQ(a.source, "Estuary Times");
}

TEST(HtmlExtract, PublishedFromTimeElement) {
  Article a = Extract(Page("", "<p>" + std::string(kFiller) +
                                   "</p><time>no attribute</time>"
                                   "<time datetime=\" 2031-04-01T08:00 \">1 April</time>"
                                   "<time datetime=\"2031-04-02\">2 April</time>"));
  EXPECT_EQ(a.published, "2031-04-01T08:00");
  a = Extract(Page("", "<p>" + std::string(kFiller) + "</p>"));
  EXPECT_EQ(a.published, "");
}

TEST(HtmlExtract, SiteNameAndUrl) {
  Article a =
      Extract(Page("<meta property=\"og:site_name\" content=\"Estuary Times\">"
                   "<meta property=\"og:url\" content=\"https://e.example/og\">"
                   "<link rel=\"canonical\" href=\" https://e.example/canonical \">",
                   "<p>" + std::string(kFiller) + "</p>"));
  EXPECT_EQ(a.source, "Estuary Times");
  EXPECT_EQ(a.url, "https://e.example/canonical");
  a = Extract(
      Page("<meta property=\"og:url\" content=\"https://e.example/og\">"
           "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
           "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Ledger Online\"}}</script>",
           "<p>" + std::string(kFiller) + "</p>"));
  EXPECT_EQ(a.source, "Ledger Online");
  EXPECT_EQ(a.url, "https://e.example/og");
  a = Extract(Page("", "<p>" + std::string(kFiller) + "</p>"));
  EXPECT_EQ(a.source, "");
  EXPECT_EQ(a.url, "");
}

TEST(HtmlExtract, TitleFallbacks) {
  const std::string body =
      "<div><h1> Storm  closes <em>ferry</em> </h1><p>" + std::string(kFiller) + "</p></div>";
  // og:title first.
  Article a =
      Extract(Page("<meta property=\"og:title\" content=\"OG headline\">"
                   "<title>Tag headline | Estuary Times</title>",
                   body));
  EXPECT_EQ(a.title, "OG headline");
  // <title>, minus the site name's suffix.
  a =
      Extract(Page("<meta property=\"og:site_name\" content=\"Estuary Times\">"
                   "<title>Tag  headline | Estuary Times</title>",
                   body));
  EXPECT_EQ(a.title, "Tag headline");
  a =
      Extract(Page("<meta property=\"og:site_name\" content=\"Estuary Times\">"
                   "<title>Tag headline \u2014 Estuary Times</title>",
                   body));
  EXPECT_EQ(a.title, "Tag headline");
  // A suffix that is not the site name stays.
  a =
      Extract(Page("<meta property=\"og:site_name\" content=\"Estuary Times\">"
                   "<title>Cats - Dogs</title>",
                   body));
  EXPECT_EQ(a.title, "Cats - Dogs");
  a = Extract(Page("<title>Tag headline | Estuary Times</title>", body));
  EXPECT_EQ(a.title, "Tag headline | Estuary Times");
  // Else the first h1, which is then not repeated in the text.
  a = Extract(Page("", body));
  EXPECT_EQ(a.title, "Storm closes ferry");
  EXPECT_EQ(a.text, kFiller);
  a = Extract(Page("", "<p>" + std::string(kFiller) + "</p>"));
  EXPECT_EQ(a.title, "");
}

TEST(HtmlExtract, NoBodyTextReturnsFalse) {
  Article a =
      Extract(Page("<title>Only a title</title><meta property=\"og:site_name\" content=\"X\">",
                   "<nav><a href=/>Home</a></nav><script>var x = 'text';</script>"
                   "<footer>Copyright</footer><style>p{}</style>   \n "),
              false);
  EXPECT_EQ(a.text, "");
  EXPECT_EQ(a.title, "Only a title");
  Extract("<html><body><img src=a.png><br><hr></body></html>", false);
  Extract("<!-- just a comment -->", false);
}

TEST(HtmlExtract, EmptyInputReturnsFalse) {
  Article a;
  a.text = "stale";
  a.id = "keep-me";
  EXPECT_FALSE(ExtractHtml("", a));
  EXPECT_EQ(a.text, "");
  EXPECT_EQ(a.id, "keep-me");
  EXPECT_FALSE(ExtractHtml(std::string_view(), a));
}

TEST(HtmlExtract, PlainTextIsItsOwnBody) {
  Article a = Extract("Just some words, no markup at all.");
  EXPECT_EQ(a.text, "Just some words, no markup at all.");
}

// Deep nesting must neither crash (no recursion) nor take quadratic time.
TEST(HtmlExtract, DeeplyNestedElements) {
  const auto start = std::chrono::steady_clock::now();
  for (const char* open : {"<div>", "<span>", "<b>", "<table>", "<ul><li>", "<div class=x>",
                           "<svg>", "<a href=#>", "<font size=2>", "<frameset>", "<p><span>"}) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += open;
    deep += "<p>Deep inside the page there is some text.</p>";
    Article a;
    ExtractHtml(deep, a);  // must return; content is whatever survives
    std::string closed = deep;
    const std::string close = std::string("</") + (open + 1);
    for (int i = 0; i < 100000; ++i) closed += close;
    ExtractHtml(closed, a);
  }
  std::string divs;
  for (int i = 0; i < 100000; ++i) divs += "<div>";
  Article a = Extract(divs + "<p>Deep inside the page there is some text.</p>");
  EXPECT_EQ(a.text, "Deep inside the page there is some text.");
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 30.0 * testing::kTimeScale);
}

// Inputs on which gumbo itself is quadratic (or, freeing the tree, recursive)
// unless the pre-pass defuses them: each ~1 MB must be quick.
TEST(HtmlExtract, ParserBlowupPatterns) {
  auto repeat = [](const std::string& unit) {
    std::string s;
    while (s.size() < (1u << 20)) s += unit;
    return s;
  };
  std::vector<std::string> inputs = {
      repeat("<frameset>"),           repeat("<a><div><a>"),      repeat("<b><div></b>"),
      repeat("<form><div></form>"),   repeat("<template><form>"), repeat("<i><p>x"),
      repeat("<table><tr><td><div>"), repeat("<svg><g>"),         repeat("<li><ul>")};
  std::string distinct;  // misnested formatting elements, all different
  for (int i = 0; distinct.size() < (1u << 20); ++i)
    distinct += "<div><b class=c" + std::to_string(i) + ">x</div>";
  inputs.push_back(distinct);
  for (const std::string& html : inputs) {
    const auto start = std::chrono::steady_clock::now();
    Article a;
    ExtractHtml(html, a);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(secs, 10.0 * testing::kTimeScale) << html.substr(0, 40);
  }
}

// The pre-pass must not damage long pages of ordinary tag soup.
TEST(HtmlExtract, LongSloppyPageKeepsEveryParagraph) {
  std::string body = "<div class=text>";
  for (int i = 0; i < 3000; ++i)
    body += "<p><a name=p" + std::to_string(i) + ">Paragraph " + std::to_string(i) +
            " <font face=Arial>of a long and sloppy page, <b>bold</b> and <a href=/x>linked</a> "
            "words.</p><div><i>Unclosed italics in a div</div>";
  Article a = Extract(Page("", body + "</div>"));
  size_t paragraphs = 0;
  for (size_t at = 0; (at = a.text.find("Paragraph ", at)) != std::string::npos; ++at) ++paragraphs;
  EXPECT_EQ(paragraphs, 3000u);
  EXPECT_NE(a.text.find("Paragraph 2999 of a long and sloppy page, bold and linked words."),
            std::string::npos);
}

TEST(HtmlExtract, BinaryGarbageDoesNotCrash) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 20; ++round) {
    std::string junk(1 + rng() % 200000, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    Article a;
    ExtractHtml(junk, a);
    // Garbage made of markup characters.
    const char alphabet[] = "<>/=\"' !-abdivpscrt&#;\n\xC3\xA9\xFF";
    for (char& c : junk) c = alphabet[rng() % (sizeof(alphabet) - 1)];
    ExtractHtml(junk, a);
  }
  Article a;
  ExtractHtml(std::string("<p>\xFF\xFE bad \xC3 utf8 \0 with nul</p>", 32), a);
  ExtractHtml("<p", a);
  ExtractHtml("<", a);
  ExtractHtml("</", a);
  ExtractHtml("<!--", a);
  ExtractHtml("<script type=application/ld+json>{", a);
  SUCCEED();
}

TEST(HtmlExtract, HugeAttributeValues) {
  std::string big(5u << 20, 'x');
  Article a = Extract("<html><head><meta property=\"og:title\" content=\"" + big +
                      "\"><link rel=canonical href=\"" + big + "\"></head><body><div class=\"" +
                      big + "\" id='" + big + "'><p>" + kFiller + "</p></div></body></html>");
  EXPECT_EQ(a.text, kFiller);
  EXPECT_EQ(a.title.size(), big.size());
  Extract("<div title=\"" + big, false);  // never closed
}

}  // namespace
}  // namespace chorus
