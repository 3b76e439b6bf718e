// Round 29: "was met with chants of “Trump, Trump, Trump”", "there were
// near-constant calls of "Feel the Bern"", "the cries of “Bitch!”": a noun of
// voiced words (chant, cry, call, shout) and "of" right before a quotation
// that no attribution holds. The quotation is the crowd's words: a direct
// attribution whose content is the quotation. Gold's cue and source for the
// form vary ("chants of", "chants", "joined in a thunderous chant",
// "reportedly"), so the rule gives neither. PolNeAR train: gold puts all 8
// quotations right after "chants/chant/cries/calls of" in a direct content;
// chorus held 3 (in another attribution's content, as dev's "who was greeted
// with chants of "Bobby!" …, according to …", which stays as it is).
#include <algorithm>
#include <cstdint>

#include "analyse/attribution_finder.h"

namespace chorus::quotes {

namespace {
bool IsVoicedNoun(std::string_view w) {
  for (std::string_view n : {"chant", "chants", "cry", "cries", "call", "calls", "shout", "shouts"})
    if (w == n) return true;
  return false;
}

bool AfterChantOf(const ArticleView& v, uint32_t q) {
  const auto& T = v.toks;
  const uint32_t first = v.quote_first[q];
  if (first < 2 || first >= T.size()) return false;
  const uint32_t of = first - 1, n = first - 2;
  return T[of].low == "of" && T[of].quote < 0 && T[n].quote < 0 && T[n].kind == TokenKind::kWord &&
         T[n].sent == T[first].sent && IsVoicedNoun(T[n].low);
}

// Round 29b: a quotation right after an opening parenthesis ("taking shots at
// Marco Rubio (“Little Marco”)", "free markets ("Uber everything")", "the
// hashtag #PortesOuvertesNice ("OpenDoorsNice")"): the words someone used for
// the thing before it. PolNeAR train: gold puts 11 of the 12 quotations right
// after "(" in a direct content (the twelfth a newspaper headline cited in a
// letter, which chorus already attributes); chorus held 6.
bool AfterParen(const ArticleView& v, uint32_t q) {
  const auto& T = v.toks;
  const uint32_t first = v.quote_first[q];
  if (first < 1 || first >= T.size()) return false;
  return T[first - 1].low == "(" && T[first - 1].quote < 0 && T[first - 1].sent == T[first].sent;
}
}  // namespace

void Finder::AddChantQuotes(std::vector<Attribution>& out) const {
  std::vector<Attribution> add;
  // The contents' spans by start, with the running maximum of their ends: a
  // quotation [b, e) lies in some content when a span starting before e ends
  // after b. (Built only when a quotation follows "chants of": linear.)
  std::vector<ByteSpan> spans;
  std::vector<uint32_t> max_end;
  for (uint32_t q = 0; q < v_.quotations.size(); ++q) {
    if (!AfterChantOf(v_, q) && !AfterParen(v_, q)) continue;
    if (spans.empty() && max_end.empty()) {
      for (const Attribution& a : out)
        spans.insert(spans.end(), a.content.begin(), a.content.end());
      std::sort(spans.begin(), spans.end(),
                [](const ByteSpan& x, const ByteSpan& y) { return x.begin < y.begin; });
      uint32_t m = 0;
      for (const ByteSpan& s : spans) max_end.push_back(m = std::max(m, s.end));
      if (max_end.empty()) max_end.push_back(0);
    }
    const ByteSpan& p = v_.quotations[q].parts.front();
    auto it = std::lower_bound(spans.begin(), spans.end(), p.end,
                               [](const ByteSpan& s, uint32_t e) { return s.begin < e; });
    const size_t k = static_cast<size_t>(it - spans.begin());
    if (k > 0 && max_end[k - 1] > p.begin) continue;
    Attribution a;
    a.content = v_.quotations[q].parts;
    a.direct = true;
    add.push_back(std::move(a));
  }
  if (add.empty()) return;
  out.insert(out.end(), std::make_move_iterator(add.begin()), std::make_move_iterator(add.end()));
  std::stable_sort(out.begin(), out.end(), [](const Attribution& a, const Attribution& b) {
    return a.content.front().begin < b.content.front().begin;
  });
}

}  // namespace chorus::quotes
