// One short, sourced account of a story; see chorus/digest.h.
#include "chorus/digest.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "chorus/utf8.h"
#include "digest/people.h"
#include "digest/story_text.h"
#include "digest/summarize.h"
#include "digest/support.h"

namespace chorus {

namespace {

using digest::StoryText;
using digest::Unit;

std::string OutletOf(const Article& a) {
  return a.source.empty() ? a.id : a.source;
}

DigestSentence ToSentence(const std::vector<DigestArticle>& articles, const Unit& u) {
  const std::string& text = articles[u.article].article->text;
  utf8::CodepointIndex index(text);
  DigestSentence s;
  s.article = u.article;
  s.span = index.ToSpan(u.bytes);
  s.text = text.substr(u.bytes.begin, u.bytes.size());
  s.speaker = u.speaker;
  return s;
}

// A first line that reads as a headline (plain text inputs carry no title):
// 4-25 words, no end punctuation, not a dateline.
std::string_view FirstLineTitle(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::string_view line = text.substr(b, text.find('\n', b) - b);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty() || line.starts_with("date ")) return {};
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':') return {};
  const size_t words = digest::FoldedWords(line).size();
  return words >= 4 && words <= 25 ? line : std::string_view{};
}

// The title the other titles share most words with (the earliest on ties).
// When no article has a title, first lines that read as headlines stand in.
std::string Headline(const std::vector<DigestArticle>& articles) {
  std::vector<std::string_view> titles(articles.size());
  bool any = false;
  for (size_t i = 0; i < articles.size(); ++i) {
    titles[i] = articles[i].article->title;
    any = any || !titles[i].empty();
  }
  if (!any)
    for (size_t i = 0; i < articles.size(); ++i)
      titles[i] = FirstLineTitle(articles[i].article->text);
  std::vector<std::vector<std::string>> words(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    words[i] = digest::FoldedWords(titles[i]);
    std::sort(words[i].begin(), words[i].end());
    words[i].erase(std::unique(words[i].begin(), words[i].end()), words[i].end());
  }
  double best = -1.0;
  std::string headline;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (words[i].empty()) continue;
    double score = 0.0;
    for (size_t j = 0; j < articles.size(); ++j) {
      if (j == i || words[j].empty()) continue;
      std::vector<std::string> common;
      std::set_intersection(words[i].begin(), words[i].end(), words[j].begin(), words[j].end(),
                            std::back_inserter(common));
      score += static_cast<double>(common.size()) / std::sqrt(words[i].size() * words[j].size());
    }
    if (score > best) best = score, headline = titles[i];
  }
  return headline;
}

// The summary in the order events unfold: the earliest date among the articles
// stating a sentence (unknown dates last), then its place in its article.
void OrderAsEventsUnfold(const std::vector<DigestArticle>& articles,
                         std::vector<DigestSentence>& summary, const StoryText& st,
                         const std::vector<uint32_t>& units) {
  std::vector<std::pair<std::string, float>> key(summary.size());
  for (size_t i = 0; i < summary.size(); ++i) {
    std::string date = "~";  // after every digit
    auto consider = [&](size_t a) {
      const std::string& p = articles[a].article->published;
      if (!p.empty() && p.substr(0, 10) < date) date = p.substr(0, 10);
    };
    consider(summary[i].article);
    for (size_t a : summary[i].support) consider(a);
    key[i] = {date, st.units[units[i]].position()};
  }
  std::vector<size_t> order(summary.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key[a] < key[b]; });
  std::vector<DigestSentence> sorted;
  for (size_t i : order) sorted.push_back(std::move(summary[i]));
  summary = std::move(sorted);
}

// Per article, what no other article says: runs of consecutive sentences of
// one paragraph that no other article supports (and not in the summary), cut into passages of at
// most kPassageSentences sentences and kPassageWords words (so a new quotation or a new detail
// keeps its context), most informative first. A passage's worth is its content words, those no
// other article uses counting fully and the story's shared words half, per square root of its
// length, scaled by its opening quality; a passage quoting a known speaker (a new quote) gains 30%.
constexpr size_t kPassageSentences = 3;
constexpr size_t kPassageWords = 80;

void AddUnique(const std::vector<DigestArticle>& articles, const StoryText& st,
               const digest::SupportIndex& support, const std::vector<uint32_t>& summary,
               const DigestOptions& opts, StoryDigest& d) {
  for (size_t a = 0; a < articles.size(); ++a) {
    std::vector<std::vector<uint32_t>> passages;
    std::vector<uint32_t> cur;
    size_t cur_words = 0;
    auto close = [&]() {
      if (!cur.empty()) passages.push_back(cur);
      cur.clear();
      cur_words = 0;
    };
    for (uint32_t u : st.by_article[a]) {
      const Unit& unit = st.units[u];
      if (!unit.informative || std::find(summary.begin(), summary.end(), u) != summary.end() ||
          support.Supported(u, opts.support_overlap)) {
        close();
        continue;
      }
      if (!cur.empty()) {
        const Unit& prev = st.units[cur.back()];
        if (prev.paragraph != unit.paragraph || prev.index + 1 != unit.index ||
            cur.size() >= kPassageSentences || cur_words + unit.words.size() > kPassageWords)
          close();
      }
      cur.push_back(u);
      cur_words += unit.words.size();
    }
    close();
    std::vector<std::pair<double, size_t>> ranked;
    std::vector<uint32_t> content;
    for (size_t p = 0; p < passages.size(); ++p) {
      content.clear();
      size_t words = 0;
      bool quote = false;
      for (uint32_t u : passages[p]) {
        const Unit& unit = st.units[u];
        content.insert(content.end(), unit.content.begin(), unit.content.end());
        words += unit.words.size();
        quote = quote || !unit.speaker.empty();
      }
      std::sort(content.begin(), content.end());
      content.erase(std::unique(content.begin(), content.end()), content.end());
      double novelty = 0.0;
      for (uint32_t w : content) novelty += st.df[w] <= 1 ? 1.0 : 0.5;
      double score = novelty * st.units[passages[p].front()].quality * (quote ? 1.3 : 1.0) /
                     std::sqrt(static_cast<double>(words));
      ranked.push_back({score, p});
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    if (ranked.size() > opts.max_unique) ranked.resize(opts.max_unique);
    const std::string& text = articles[a].article->text;
    utf8::CodepointIndex index(text);
    for (const auto& [score, p] : ranked) {
      const Unit& first = st.units[passages[p].front()];
      const Unit& last = st.units[passages[p].back()];
      DigestSentence s;
      s.article = a;
      ByteSpan bytes{first.bytes.begin, last.bytes.end};
      s.span = index.ToSpan(bytes);
      s.text = text.substr(bytes.begin, bytes.size());
      for (uint32_t u : passages[p])
        if (s.speaker.empty()) s.speaker = st.units[u].speaker;
      d.unique.push_back(std::move(s));
    }
  }
}

void AddQuotes(const std::vector<DigestArticle>& articles, const std::vector<std::string>& outlet,
               StoryDigest& d) {
  std::vector<QuotedArticle> in;
  for (const DigestArticle& a : articles)
    in.push_back({a.article->id, a.article->text,
                  a.attributions ? *a.attributions : std::vector<Attribution>{}});
  for (CanonicalQuote& q : BuildQuotebook(in)) {
    DigestQuote dq;
    std::set<std::string> seen;
    for (const QuoteOccurrence& o : q.occurrences)
      if (seen.insert(outlet[o.article]).second) dq.outlets.push_back(outlet[o.article]);
    dq.quote = std::move(q);
    d.quotes.push_back(std::move(dq));
  }
  std::stable_sort(d.quotes.begin(), d.quotes.end(),
                   [](const DigestQuote& a, const DigestQuote& b) {
                     return a.outlets.size() > b.outlets.size();
                   });
}

}  // namespace

double WordOverlap(std::string_view sentence, std::string_view passage) {
  std::vector<std::string> s = digest::FoldedWords(sentence);
  std::vector<std::string> p = digest::FoldedWords(passage);
  if (s.empty()) return 0.0;
  std::map<std::string, int> have;
  for (const std::string& w : p) ++have[w];
  size_t common = 0;
  for (const std::string& w : s)
    if (have[w]-- > 0) ++common;
  return static_cast<double>(common) / s.size();
}

StoryDigest DigestStory(const std::vector<DigestArticle>& articles, const DigestOptions& opts) {
  StoryDigest d;
  if (articles.empty()) return d;
  std::vector<std::string> outlet;
  std::set<std::string> seen;
  for (const DigestArticle& a : articles) {
    outlet.push_back(OutletOf(*a.article));
    if (seen.insert(outlet.back()).second) d.outlets.push_back(outlet.back());
    const std::string& p = a.article->published;
    if (p.empty()) continue;
    if (d.first_seen.empty() || p < d.first_seen) d.first_seen = p;
    if (d.last_seen.empty() || p > d.last_seen) d.last_seen = p;
  }
  d.headline = Headline(articles);

  StoryText st = digest::BuildStoryText(articles);
  digest::SupportIndex support(st);
  std::vector<uint32_t> chosen = digest::CoverageSummary(st, support, opts);
  if (opts.method == SummaryMethod::kLexRank)
    chosen = digest::LexRankSummary(st, std::max(opts.min_sentences, chosen.size()));
  for (uint32_t u : chosen) {
    d.summary.push_back(ToSentence(articles, st.units[u]));
    d.summary.back().support = support.Supporters(u, opts.support_overlap);
  }
  OrderAsEventsUnfold(articles, d.summary, st, chosen);
  if (d.headline.empty() && !d.summary.empty()) d.headline = d.summary.front().text;

  AddUnique(articles, st, support, chosen, opts, d);
  d.people = digest::FindPeople(articles, outlet, st, opts.max_people);
  AddQuotes(articles, outlet, d);
  return d;
}

}  // namespace chorus
