// The word tables behind attribution: the one-lookup forms agree with the
// lists they stand for.
#include "analyse/cue_lexicon.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace chorus::quotes {
namespace {

bool AnyList(std::string_view w) {
  return IsSubjectPronoun(w) || IsAuxiliary(w) || IsCueAdverb(w) || IsClauseWord(w) ||
         IsDeterminer(w) || IsPreposition(w) || IsTimeWord(w) || EndsInvertedSource(w);
}

TEST(CueLexicon, ClosedClassIsTheUnionOfItsLists) {
  // Every lower-cased word of this file's neighbours (and a few edge cases):
  // list members and non-members alike.
  std::ifstream in(std::string(CHORUS_SOURCE_DIR) + "/src/analyse/cue_lexicon.cc");
  ASSERT_TRUE(in) << "cannot read cue_lexicon.cc";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str() +
                     " he she who which has would also later that because the his "
                     "to of monday today in on said x xy ";
  size_t members = 0, words = 0;
  std::string w;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') {
      w.push_back(c);
      continue;
    }
    if (!w.empty()) {
      ++words;
      members += AnyList(w);
      EXPECT_EQ(IsClosedClass(w), AnyList(w)) << w;
      w.clear();
    }
  }
  EXPECT_GT(members, 100u);  // the lists themselves are in the file
  EXPECT_GT(words, members);
  EXPECT_FALSE(IsClosedClass(""));
  EXPECT_FALSE(IsClosedClass("He"));  // lower-cased words only
}

TEST(CueLexicon, CueKindsOfCommonWords) {
  EXPECT_EQ(CueOf("said"), CueKind::kSpeech);
  EXPECT_EQ(CueOf("saying"), CueKind::kParticiple);
  EXPECT_EQ(CueOf("the"), CueKind::kNone);
  EXPECT_EQ(CueOf(""), CueKind::kNone);
  EXPECT_EQ(CueOf("Said"), CueKind::kNone);  // lower-cased words only
}

}  // namespace
}  // namespace chorus::quotes
