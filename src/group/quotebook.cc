// BuildQuotebook; see chorus/quotebook.h.
#include "chorus/quotebook.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "chorus/normalize.h"
#include "chorus/utf8.h"

namespace chorus {

namespace {

// One quoted passage (a content span of a direct attribution) as words of the
// normalised view, each word with its code-point range in the article text.
struct Piece {
  size_t quote = 0;                                // index into `quotes`
  std::vector<uint64_t> words;                     // hashes of normalised words
  std::vector<std::pair<uint32_t, uint32_t>> cps;  // each word's span in the article
};

struct Quote {
  size_t article = 0;
  size_t attribution = 0;
  std::vector<size_t> pieces;
};

uint64_t HashWord(std::string_view w) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: short keys, no library call needed
  for (unsigned char c : w) h = (h ^ c) * 1099511628211ull;
  return h;
}

void Words(const QuotedArticle& a, ByteSpan span, const utf8::CodepointIndex& index, Piece& p) {
  std::string_view text = a.text;
  NormalizedText norm(text.substr(span.begin, span.size()));
  const std::string& v = norm.text();
  uint32_t base = index.ToCodepoint(span.begin);
  size_t i = 0;
  auto is_word = [&](size_t k) {
    unsigned char c = static_cast<unsigned char>(v[k]);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
  };
  while (i < v.size()) {
    while (i < v.size() && !is_word(i)) ++i;
    size_t b = i;
    while (i < v.size() && (is_word(i) || (v[i] == '\'' && i + 1 < v.size() && is_word(i + 1))))
      ++i;
    if (i == b) continue;
    p.words.push_back(HashWord(std::string_view(v).substr(b, i - b)));
    Span s = norm.ToOriginal(b, i);
    p.cps.emplace_back(base + s.begin, base + s.end);
  }
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Ranges of `canon` covered by `p`: maximal runs of `k`-word shingles of p
// found in the canonical piece, extended word by word.
std::vector<std::pair<size_t, size_t>> Cover(const Piece& p, const Piece& canon, size_t k) {
  std::vector<std::pair<size_t, size_t>> out;  // word ranges [b, e) in canon
  if (p.words.size() < k || canon.words.size() < k) return out;
  std::unordered_multimap<uint64_t, size_t> at;  // first-word hash -> positions in canon
  for (size_t j = 0; j + k <= canon.words.size(); ++j) at.emplace(canon.words[j], j);
  size_t i = 0;
  while (i + k <= p.words.size()) {
    size_t best_len = 0, best_j = 0;
    auto range = at.equal_range(p.words[i]);
    for (auto it = range.first; it != range.second; ++it) {
      size_t j = it->second, len = 0;
      while (i + len < p.words.size() && j + len < canon.words.size() &&
             p.words[i + len] == canon.words[j + len])
        ++len;
      if (len > best_len) {
        best_len = len;
        best_j = it->second;
      }
    }
    if (best_len >= k) {
      out.emplace_back(best_j, best_j + best_len);
      i += best_len;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace

std::vector<CanonicalQuote> BuildQuotebook(const std::vector<QuotedArticle>& articles,
                                           const QuotebookOptions& opts) {
  std::vector<Quote> quotes;
  std::vector<Piece> pieces;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const QuotedArticle& a = articles[ai];
    utf8::CodepointIndex index(a.text);
    for (size_t qi = 0; qi < a.attributions.size(); ++qi) {
      const Attribution& at = a.attributions[qi];
      if (!at.direct) continue;
      Quote q{ai, qi, {}};
      size_t words = 0;
      for (const ByteSpan& c : at.content) {
        Piece p;
        p.quote = quotes.size();
        Words(a, c, index, p);
        words += p.words.size();
        q.pieces.push_back(pieces.size());
        pieces.push_back(std::move(p));
      }
      if (words < opts.min_quote_words) {
        pieces.resize(pieces.size() - q.pieces.size());
        continue;
      }
      quotes.push_back(std::move(q));
    }
  }
  // Link quotations of different articles sharing a run of k words.
  const size_t k = opts.min_shared_words;
  UnionFind uf(quotes.size());
  std::unordered_map<uint64_t, size_t> first_seen;  // shingle -> quote
  for (size_t pi = 0; pi < pieces.size(); ++pi) {
    const Piece& p = pieces[pi];
    for (size_t i = 0; i + k <= p.words.size(); ++i) {
      uint64_t h = 0;
      for (size_t j = 0; j < k; ++j) h = (h ^ p.words[i + j]) * 0x9E3779B97F4A7C15ull + j;
      auto [it, inserted] = first_seen.emplace(h, p.quote);
      if (!inserted && quotes[it->second].article != quotes[p.quote].article)
        uf.Union(it->second, p.quote);
    }
  }
  std::map<size_t, std::vector<size_t>> groups;  // root -> quotes, in input order
  for (size_t q = 0; q < quotes.size(); ++q) groups[uf.Find(q)].push_back(q);

  std::vector<CanonicalQuote> out;
  for (const auto& [root, members] : groups) {
    // The fullest occurrence: the quotation with the most words. Its pieces,
    // joined by a space, are the canonical text.
    size_t canon_q = members[0];
    auto words_of = [&](size_t q) {
      size_t n = 0;
      for (size_t pi : quotes[q].pieces) n += pieces[pi].words.size();
      return n;
    };
    for (size_t q : members)
      if (words_of(q) > words_of(canon_q)) canon_q = q;
    const QuotedArticle& ca = articles[quotes[canon_q].article];
    utf8::CodepointIndex cindex(ca.text);
    CanonicalQuote c;
    std::vector<uint32_t> piece_base;  // article cp where each canonical piece starts
    std::vector<uint32_t> piece_off;   // its offset in c.text (code points)
    uint32_t text_cps = 0;
    for (size_t pi : quotes[canon_q].pieces) {
      const Piece& p = pieces[pi];
      if (p.words.empty()) {
        piece_base.push_back(0);
        piece_off.push_back(text_cps);
        continue;
      }
      if (!c.text.empty()) {
        c.text += ' ';
        ++text_cps;
      }
      uint32_t b = p.cps.front().first, e = p.cps.back().second;
      size_t bb = cindex.ToByte(b), be = cindex.ToByte(e);
      c.text.append(ca.text.substr(bb, be - bb));
      piece_base.push_back(b);
      piece_off.push_back(text_cps);
      text_cps += e - b;
    }
    std::map<std::string, size_t> votes;
    for (size_t q : members) {
      const Quote& qu = quotes[q];
      const Attribution& at = articles[qu.article].attributions[qu.attribution];
      QuoteOccurrence o;
      o.article = qu.article;
      o.speaker = at.speaker;
      if (!at.speaker.empty()) ++votes[at.speaker];
      utf8::CodepointIndex index(articles[qu.article].text);
      for (const ByteSpan& sp : at.content) o.content.push_back(index.ToSpan(sp));
      for (size_t pi : qu.pieces) {
        const auto& cpieces = quotes[canon_q].pieces;
        for (size_t ci = 0; ci < cpieces.size(); ++ci) {
          const Piece& canon = pieces[cpieces[ci]];
          for (auto [wb, we] : Cover(pieces[pi], canon, std::min<size_t>(k, 3)))
            o.covers.push_back({canon.cps[wb].first - piece_base[ci] + piece_off[ci],
                                canon.cps[we - 1].second - piece_base[ci] + piece_off[ci]});
        }
      }
      std::sort(o.covers.begin(), o.covers.end(),
                [](const Span& a, const Span& b) { return a.begin < b.begin; });
      c.occurrences.push_back(std::move(o));
    }
    size_t best = 0;
    for (const auto& [name, n] : votes)
      if (n > best) {
        best = n;
        c.speaker = name;
      }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace chorus
