#include "chorus/utf8.h"

#include <gtest/gtest.h>

namespace chorus::utf8 {
namespace {

TEST(Utf8, DecodesEveryLength) {
  std::string s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80";  // a é “ 😀
  size_t len;
  EXPECT_EQ(Decode(s, 0, len), U'a');
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(Decode(s, 1, len), U'\u00e9');
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(Decode(s, 3, len), U'\u201c');
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(Decode(s, 6, len), U'\U0001F600');
  EXPECT_EQ(len, 4u);
}

TEST(Utf8, RepairReplacesMaximalSubparts) {
  size_t n = 0;
  // Lone continuation, truncated 3-byte sequence, overlong, surrogate, stray 0xFF.
  EXPECT_EQ(Repair("a\x80z", n), "a\xEF\xBF\xBDz");
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(Repair("a\xE2\x80z", n), "a\xEF\xBF\xBDz");  // one U+FFFD for E2 80
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(Repair("\xC0\xAF", n), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong: two
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(Repair("\xED\xA0\x80", n), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(Repair("end\xF0\x9F\x98", n), "end\xEF\xBF\xBD");  // truncated at the end
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(Repair("ok \xEF\xBF\xBD kept", n), "ok \xEF\xBF\xBD kept");  // a real U+FFFD
  EXPECT_EQ(n, 0u);
  EXPECT_TRUE(IsValid(Repair("\xFF\xFE\xFD garbage \xC3", n)));
}

TEST(Utf8, CountsCodepoints) {
  EXPECT_EQ(CountCodepoints(""), 0u);
  EXPECT_EQ(CountCodepoints("abc"), 3u);
  EXPECT_EQ(CountCodepoints("\xE2\x80\x9Cq\xE2\x80\x9D"), 3u);
}

TEST(Utf8, CodepointIndexRoundTripsOnMixedText) {
  // Long enough to cross many checkpoints, with 1- to 4-byte characters.
  std::string text;
  const char* pieces[] = {"a", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", " ", "Z"};
  for (int i = 0; i < 1000; ++i) text += pieces[(i * 7 + i / 3) % 6];
  CodepointIndex index(text);
  EXPECT_FALSE(index.ascii());
  uint32_t cp = 0;
  for (size_t b = 0; b <= text.size(); ++b) {
    bool boundary = b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
    if (!boundary) continue;
    ASSERT_EQ(index.ToCodepoint(b), cp) << "byte " << b;
    ASSERT_EQ(index.ToByte(cp), b) << "cp " << cp;
    ++cp;
  }
}

TEST(Utf8, CodepointIndexAsciiIsIdentity) {
  std::string text(300, 'x');
  CodepointIndex index(text);
  EXPECT_TRUE(index.ascii());
  EXPECT_EQ(index.ToCodepoint(123), 123u);
  EXPECT_EQ(index.ToByte(299), 299u);
  EXPECT_EQ(index.ToSpan(ByteSpan{5, 9}), (Span{5, 9}));
}

}  // namespace
}  // namespace chorus::utf8

namespace chorus::utf8 {
namespace {

TEST(Utf8, SimdValidationAgreesWithTheScalarLoop) {
  // Every 1- to 3-byte string over a set of interesting bytes, then random ones.
  const unsigned char bytes[] = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE2,
                                 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F};
  std::string s;
  for (unsigned char a : bytes)
    for (unsigned char b : bytes)
      for (unsigned char c : bytes) {
        s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        ASSERT_EQ(IsValid(s), IsValidScalar(s))
            << std::hex << int(a) << " " << int(b) << " " << int(c);
        ASSERT_EQ(IsValid(s.substr(0, 2)), IsValidScalar(s.substr(0, 2)));
      }
  uint32_t x = 12345;
  for (int n = 0; n < 2000; ++n) {
    s.clear();
    for (int k = 0; k < 80; ++k) {
      x = x * 1103515245 + 12345;
      unsigned char c = static_cast<unsigned char>(x >> 16);
      s.push_back(static_cast<char>((x >> 8) % 4 == 0 ? c : (c & 0x7F)));
    }
    ASSERT_EQ(IsValid(s), IsValidScalar(s));
  }
}

}  // namespace
}  // namespace chorus::utf8
