// util/byte_scan.h: the SSE2 scans give what a plain byte loop gives, at every
// alignment and length around the 16-byte steps.
#include "util/byte_scan.h"

#include <gtest/gtest.h>

#include <string>

namespace {

size_t Plain(const std::string& s, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i)
    if (s[i] == '"' || s[i] == '\'' || s[i] == '\xE2' || s[i] == '\xC2') return i;
  return to;
}

TEST(ByteScan, FindsTheFirstOfTheValuesAtEveryPositionAndLength) {
  for (size_t n = 0; n <= 40; ++n) {
    for (size_t hit = 0; hit <= n; ++hit) {
      std::string s(n, 'x');
      if (hit < n) s[hit] = (hit % 2) ? '\xE2' : '"';
      if (hit + 3 < n) s[hit + 3] = '\'';  // a later hit must not win
      for (size_t from = 0; from <= n; from += 5) {
        EXPECT_EQ((chorus::util::ScanFor<'"', '\'', 0xE2, 0xC2>(s.data(), from, n)),
                  Plain(s, from, n))
            << "n=" << n << " hit=" << hit << " from=" << from;
      }
    }
  }
}

TEST(ByteScan, StopsAtTheEndOfItsRangeNotAtHitsBeyondIt) {
  std::string s = "abcdefghijklmnopqrstuvwxyz\"";
  EXPECT_EQ((chorus::util::ScanFor<'"', '"', '"'>(s.data(), 0, 26)), 26u);
  EXPECT_EQ((chorus::util::ScanFor<'"', '"', '"'>(s.data(), 0, 27)), 26u);
  EXPECT_EQ((chorus::util::ScanFor<'\n', '\r', 0xE2>(s.data(), 3, 3)), 3u);
}

TEST(ByteScan, LowerAsciiLowersOnlyAToZ) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  all += "HELLO, World \xC3\x89t\xC3\xA9 @[`{";  // É stays: only ASCII letters move
  std::string want = all;
  for (char& c : want)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  for (size_t n = 0; n <= all.size(); n += 7) {
    std::string out(n, '?');
    chorus::util::LowerAscii(all.data(), out.data(), n);
    EXPECT_EQ(out, want.substr(0, n)) << n;
  }
  std::string in_place = all;
  chorus::util::LowerAscii(in_place.data(), in_place.data(), in_place.size());
  EXPECT_EQ(in_place, want);
}

}  // namespace
