// AlignPassages; see chorus/reuse.h.
#include "chorus/reuse.h"

#include <algorithm>
#include <unordered_map>

#include "chorus/json_writer.h"
#include "chorus/normalize.h"

namespace chorus {

namespace {
constexpr size_t kSeed = 5;  // words per seed shingle

inline bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

uint64_t Shingle(const std::vector<uint64_t>& h, size_t i) {
  uint64_t x = 0;
  for (size_t k = 0; k < kSeed; ++k) x = (x ^ h[i + k]) * 0x9E3779B97F4A7C15ull + k;
  return x;
}
}  // namespace

WordIndex IndexWords(std::string_view text) {
  WordIndex w;
  NormalizedText norm(text);
  const std::string& v = norm.text();
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && !IsWordByte(static_cast<unsigned char>(v[i]))) ++i;
    size_t b = i;
    while (i < v.size() && IsWordByte(static_cast<unsigned char>(v[i]))) ++i;
    if (i == b) continue;
    uint64_t h = 1469598103934665603ull;  // FNV-1a over the word's bytes
    for (size_t k = b; k < i; ++k) h = (h ^ static_cast<unsigned char>(v[k])) * 1099511628211ull;
    w.hashes.push_back(h);
    w.spans.push_back(norm.ToOriginal(b, i));
  }
  return w;
}

std::vector<ReusedPassage> AlignPassages(const WordIndex& a, const WordIndex& b,
                                         const ReuseOptions& opts) {
  std::vector<ReusedPassage> out;
  if (a.hashes.size() < kSeed || b.hashes.size() < kSeed) return out;
  // Seeds: shingle positions of b, looked up for every shingle of a. Shingles
  // that repeat many times in b ("according to the ...") are skipped.
  std::unordered_map<uint64_t, std::vector<uint32_t>> in_b;
  for (size_t j = 0; j + kSeed <= b.hashes.size(); ++j)
    in_b[Shingle(b.hashes, j)].push_back(static_cast<uint32_t>(j));
  std::vector<std::pair<uint32_t, uint32_t>> seeds;  // (i in a, j in b)
  for (size_t i = 0; i + kSeed <= a.hashes.size(); ++i) {
    auto it = in_b.find(Shingle(a.hashes, i));
    if (it == in_b.end() || it->second.size() > 4) continue;
    for (uint32_t j : it->second) seeds.emplace_back(static_cast<uint32_t>(i), j);
  }
  // Chain seeds in order of a: each joins the open chain it continues (both
  // positions advance, small gap, small shift), else starts a chain.
  struct Chain {
    uint32_t ai, aj, bi, bj;  // first and last seed positions
  };
  std::vector<Chain> chains;
  for (auto [i, j] : seeds) {
    bool joined = false;
    for (size_t c = chains.size(); c-- > 0;) {
      Chain& ch = chains[c];
      if (i < ch.aj || i - ch.aj > opts.max_gap + 1) continue;
      if (j < ch.bj || j - ch.bj > opts.max_gap + 1) continue;
      uint32_t da = i - ch.aj, db = j - ch.bj;
      if ((da > db ? da - db : db - da) > opts.max_shift) continue;
      ch.aj = i;
      ch.bj = j;
      joined = true;
      break;
    }
    if (!joined) chains.push_back({i, i, j, j});
    // Chains far behind can no longer grow: keep the list short.
    if (chains.size() > 64) {
      std::vector<Chain> keep;
      for (const Chain& ch : chains)
        if (i - ch.aj <= opts.max_gap + 1 || ch.aj - ch.ai + kSeed >= opts.min_words)
          keep.push_back(ch);
      chains.swap(keep);
    }
  }
  // Extend each chain's ends word by word, across an edit of up to 3 words on
  // either side when two words match beyond it (a banded local alignment).
  const auto& A = a.hashes;
  const auto& B = b.hashes;
  for (const Chain& ch : chains) {
    size_t i0 = ch.ai, j0 = ch.bi, i1 = ch.aj + kSeed, j1 = ch.bj + kSeed;  // [i0,i1) [j0,j1)
    for (;;) {                                                              // backward
      if (i0 > 0 && j0 > 0 && A[i0 - 1] == B[j0 - 1]) {
        --i0;
        --j0;
        continue;
      }
      bool moved = false;
      for (size_t di = 1; di <= 4 && !moved; ++di)
        for (size_t dj = 1; dj <= 4 && !moved; ++dj) {
          if (di == 1 && dj == 1) continue;
          if (i0 < di + 1 || j0 < dj + 1) continue;
          if (A[i0 - di] == B[j0 - dj] && A[i0 - di - 1] == B[j0 - dj - 1]) {
            i0 -= di + 1;
            j0 -= dj + 1;
            moved = true;
          }
        }
      if (!moved) break;
    }
    for (;;) {  // forward
      if (i1 < A.size() && j1 < B.size() && A[i1] == B[j1]) {
        ++i1;
        ++j1;
        continue;
      }
      bool moved = false;
      for (size_t di = 0; di <= 3 && !moved; ++di)
        for (size_t dj = 0; dj <= 3 && !moved; ++dj) {
          if (di == 0 && dj == 0) continue;
          if (i1 + di + 2 > A.size() || j1 + dj + 2 > B.size()) continue;
          if (A[i1 + di] == B[j1 + dj] && A[i1 + di + 1] == B[j1 + dj + 1]) {
            i1 += di + 2;
            j1 += dj + 2;
            moved = true;
          }
        }
      if (!moved) break;
    }
    uint32_t a_words = static_cast<uint32_t>(i1 - i0);
    uint32_t b_words = static_cast<uint32_t>(j1 - j0);
    if (a_words < opts.min_words || b_words < opts.min_words) continue;
    ReusedPassage p;
    p.a = {a.spans[i0].begin, a.spans[i1 - 1].end};
    p.b = {b.spans[j0].begin, b.spans[j1 - 1].end};
    p.words = a_words;
    // Chains that extension made overlap an earlier passage are one passage.
    if (!out.empty() && p.a.begin < out.back().a.end && p.b.begin < out.back().b.end) {
      out.back().a.end = std::max(out.back().a.end, p.a.end);
      out.back().b.end = std::max(out.back().b.end, p.b.end);
      continue;
    }
    out.push_back(p);
  }
  std::sort(out.begin(), out.end(),
            [](const ReusedPassage& x, const ReusedPassage& y) { return x.a.begin < y.a.begin; });
  return out;
}

void WriteReusedPair(JsonWriter& w, std::string_view a, std::string_view b,
                     const std::vector<ReusedPassage>& passages) {
  uint32_t words = 0;
  w.BeginObject();
  w.Key("a");
  w.String(a);
  w.Key("b");
  w.String(b);
  w.Key("a_spans");
  w.BeginArray();
  for (const ReusedPassage& p : passages) w.SpanValue(p.a);
  w.EndArray();
  w.Key("b_spans");
  w.BeginArray();
  for (const ReusedPassage& p : passages) {
    w.SpanValue(p.b);
    words += p.words;
  }
  w.EndArray();
  w.Key("words");
  w.Int(words);
  w.EndObject();
}

}  // namespace chorus
