#include "chorus/normalize.h"

#include <gtest/gtest.h>

#include "chorus/utf8.h"
#include "test_util.h"

namespace chorus {
namespace {

using testing::CpSubstr;

TEST(Normalize, FoldsCaseAndCompatibilityForms) {
  EXPECT_EQ(Normalize("Hello WORLD"), "hello world");
  EXPECT_EQ(Normalize("\xEF\xAC\x81nance"), "finance");    // ﬁ ligature
  EXPECT_EQ(Normalize("\xEF\xBC\xA1\xEF\xBC\xA2"), "ab");  // fullwidth ＡＢ
  EXPECT_EQ(Normalize("Stra\xC3\x9F"
                      "e"),
            "strasse");                                            // ß folds to ss
  EXPECT_EQ(Normalize("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9");  // ÉTÉ -> été
  EXPECT_EQ(Normalize("e\xCC\x81"), "\xC3\xA9");                   // e + U+0301 -> é
  EXPECT_EQ(Normalize("x\xC2\xB2"), "x2");                         // superscript two
}

TEST(Normalize, UnifiesQuotesApostrophesAndDashes) {
  EXPECT_EQ(Normalize("\xE2\x80\x9CHi,\xE2\x80\x9D she said"), "\"hi,\" she said");
  EXPECT_EQ(Normalize("won\xE2\x80\x99t"), "won't");
  EXPECT_EQ(Normalize("\xC2\xAB"
                      "Oui\xC2\xBB"),
            "\"oui\"");
  EXPECT_EQ(Normalize("a\xE2\x80\x94"
                      "b\xE2\x80\x93"
                      "c-d"),
            "a-b-c-d");
  EXPECT_EQ(Normalize("but\xE2\x80\xA6"), "but...");  // ellipsis via NFKC
}

TEST(Normalize, CollapsesWhiteSpace) {
  EXPECT_EQ(Normalize("a \t\n\n b"), "a b");
  EXPECT_EQ(Normalize("a\xC2\xA0\xE2\x80\x83"
                      "b"),
            "a b");  // NBSP + em space
  EXPECT_EQ(Normalize("a \xC2\xA0 b"), "a b");
}

TEST(Normalize, DropsDefaultIgnorables) {
  EXPECT_EQ(Normalize("co\xC2\xADop"), "coop");                // soft hyphen
  EXPECT_EQ(Normalize("zero\xE2\x80\x8Bwidth"), "zerowidth");  // ZWSP
}

TEST(Normalize, MapsSpansBackToOriginalCodepoints) {
  // "“Café” — ﬁne" : curly quotes, a decomposed é, a dash, a ligature.
  std::string original =
      "\xE2\x80\x9C"
      "Cafe\xCC\x81\xE2\x80\x9D  \xE2\x80\x94 \xEF\xAC\x81ne";
  NormalizedText n(original);
  ASSERT_EQ(n.text(), "\"caf\xC3\xA9\" - fine");
  // "café" in the view is bytes [1, 6) -> original code points [1, 6): C a f e U+0301.
  Span s = n.ToOriginal(1, 6);
  EXPECT_EQ(s, (Span{1, 6}));
  EXPECT_EQ(CpSubstr(original, s.begin, s.end), "Cafe\xCC\x81");
  // The collapsed space maps to the whole white-space run.
  size_t sp = n.text().find(' ');
  EXPECT_EQ(n.ToOriginal(sp, sp + 1), (Span{7, 9}));
  // "fi" comes from the single ligature: both bytes map to it; "fine" maps to "ﬁne".
  size_t fi = n.text().find("fine");
  Span f = n.ToOriginal(fi, fi + 4);
  EXPECT_EQ(CpSubstr(original, f.begin, f.end), "\xEF\xAC\x81ne");
  // Half of the ligature widens to the whole character.
  EXPECT_EQ(n.ToOriginal(fi, fi + 1), n.ToOriginal(fi, fi + 2));
}

TEST(Normalize, MapsThroughReplacementCharacters) {
  size_t replaced;
  std::string original = utf8::Repair(
      "ab\xFF"
      "CD\xE2\x80",
      replaced);
  ASSERT_EQ(replaced, 2u);
  NormalizedText n(original);
  EXPECT_EQ(n.text(),
            "ab\xEF\xBF\xBD"
            "cd\xEF\xBF\xBD");
  size_t c = n.text().find("cd");
  EXPECT_EQ(n.ToOriginal(c, c + 2), (Span{3, 5}));
  EXPECT_EQ(n.ToOriginal(n.text().size() - 3, n.text().size()), (Span{5, 6}));
}

// Property: for every span of the view that starts and ends on a cluster
// boundary, normalising the original span it maps to gives the same text, and
// the span lies inside the original.
TEST(Normalize, RoundTripsEverySpanOfTrickyText) {
  const char* pieces[] = {"A",
                          "b",
                          " ",
                          "\t\n",
                          "\xC3\x89",
                          "e\xCC\x81",
                          "\xEF\xAC\x81",
                          "\xE2\x80\x9C",
                          "\xE2\x80\x99",
                          "\xE2\x80\x94",
                          "\xC2\xA0",
                          "\xF0\x9F\x98\x80",
                          "\xEF\xBF\xBD",
                          "\xC3\x9F",
                          "\xE2\x80\xA6",
                          "Z.",
                          "\xC2\xAD"};
  std::string original;
  for (int i = 0; i < 400; ++i) original += pieces[(i * 11 + i / 5) % 17];
  NormalizedText n(original);
  const std::string& v = n.text();
  const uint32_t total = static_cast<uint32_t>(utf8::CountCodepoints(original));
  // Cluster boundaries: bytes where the source range changes.
  std::vector<size_t> cuts{0};
  for (size_t i = 1; i < v.size(); ++i)
    if (n.SourceOf(i).begin != n.SourceOf(i - 1).begin) cuts.push_back(i);
  cuts.push_back(v.size());
  for (size_t a = 0; a + 1 < cuts.size(); a += 3) {
    for (size_t b = a + 1; b < cuts.size() && b < a + 40; b += 2) {
      Span s = n.ToOriginal(cuts[a], cuts[b]);
      ASSERT_LE(s.begin, s.end);
      ASSERT_LE(s.end, total);
      std::string back = Normalize(CpSubstr(original, s.begin, s.end));
      ASSERT_EQ(back, v.substr(cuts[a], cuts[b] - cuts[a]))
          << "view bytes " << cuts[a] << ".." << cuts[b];
    }
  }
}

// Found by fuzz/fuzz_normalize: U+00A8 (diaeresis) decomposes to a space and
// U+0308; that space collapsed into the one before it, and the mark's bytes
// then mapped to a range that no longer normalised back to them.
TEST(Normalize, SpaceFromADecompositionJoinsTheSpaceBefore) {
  const std::string original = "a \xC2\xA8";  // "a ¨"
  NormalizedText n(original);
  EXPECT_EQ(n.text(), "a \xCC\x88");  // the two spaces collapse
  for (size_t i = 1; i < n.text().size(); ++i) EXPECT_EQ(n.SourceOf(i), (Span{1, 3}));
  Span s = n.ToOriginal(2, n.text().size());
  EXPECT_EQ(s, (Span{1, 3}));
  EXPECT_EQ(Normalize(CpSubstr(original, s.begin, s.end)), n.text().substr(1));
}

TEST(Normalize, ReusesBuffersAcrossAssign) {
  NormalizedText n;
  n.Assign("First TEXT");
  EXPECT_EQ(n.text(), "first text");
  n.Assign("x");
  EXPECT_EQ(n.text(), "x");
  EXPECT_EQ(n.ToOriginal(0, 1), (Span{0, 1}));
  n.Assign("");
  EXPECT_EQ(n.text(), "");
}

}  // namespace
}  // namespace chorus
