// chorus-gen — a deterministic synthetic news corpus with planted stories and
// near-copies, for benchmarks and accuracy tests at scale.
//
//   chorus-gen --articles 100000 --seed 7 --out corpus.jsonl --truth truth.jsonl
//
// Articles are built from the sentences of real news (--source, by default
// ../shared/data/polnear/train.jsonl, else the repository's examples/) around
// invented people, places and outlets; the truth file names each article's
// story and, for near-copies, the article copied. The same seed and source
// give byte-identical output. Everything but the texts is planned first
// (plan.h); texts are then generated in output order and streamed out.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "article_writer.h"
#include "chorus/json_writer.h"
#include "copy_editor.h"
#include "plan.h"
#include "sentence_pool.h"

namespace {

using namespace chorus::gen;
namespace fs = std::filesystem;

constexpr int kExitOk = 0, kExitUsage = 2;

// ../shared/data/polnear/train.jsonl next to the repository that holds the
// executable (build/chorus-gen) or the current directory; else examples/.
std::string DefaultSource() {
  std::vector<fs::path> roots;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    roots.push_back(exe.parent_path().parent_path());
    roots.push_back(exe.parent_path());
  }
  fs::path cwd = fs::current_path(ec);
  if (!ec) roots.push_back(cwd);
  for (const fs::path& root : roots) {
    fs::path p = root / ".." / "shared" / "data" / "polnear" / "train.jsonl";
    if (fs::is_regular_file(p, ec)) return p.lexically_normal().string();
  }
  for (const fs::path& root : roots) {
    fs::path p = root / "examples";
    if (fs::is_directory(p, ec)) return p.lexically_normal().string();
  }
  return "";
}

// Buffered output to a file; remembers whether any write failed.
class Sink {
 public:
  bool Open(const std::string& path) {
    file_ = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
    buf_.reserve(kFlushAt + (1 << 20));
    return file_ != nullptr;
  }
  std::string& buf() { return buf_; }
  void MaybeFlush() {
    if (buf_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size())
      ok_ = false;
    bytes_ += buf_.size();
    buf_.clear();
  }
  bool Close() {
    Flush();
    if (file_ == stdout) return std::fflush(stdout) == 0 && ok_;
    return file_ && std::fclose(file_) == 0 && ok_;
  }
  uint64_t bytes() const { return bytes_; }

 private:
  static constexpr size_t kFlushAt = 4 << 20;
  std::FILE* file_ = nullptr;
  std::string buf_;
  bool ok_ = true;
  uint64_t bytes_ = 0;
};

void AppendId(uint32_t rank, std::string& out) {
  char buf[16];
  int n = std::snprintf(buf, sizeof buf, "g%06u", rank + 1);
  out.append(buf, static_cast<size_t>(n));
}

// A url slug: the title's ASCII letters and digits, lower case, dashes between.
void AppendSlug(std::string_view title, uint64_t tag, std::string& out) {
  size_t start = out.size();
  for (char c : title) {
    if (out.size() - start >= 60) break;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep)
      out += c;
    else if (out.size() > start && out.back() != '-')
      out += '-';
  }
  if (out.size() > start && out.back() != '-') out += '-';
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 6; ++i) out += kHex[(tag >> (4 * i)) & 15];
}

}  // namespace

int main(int argc, char** argv) {
  PlanOptions opts;
  std::string out_path, truth_path, source;
  bool quiet = false;
  CLI::App app{
      "chorus-gen — a deterministic synthetic news corpus with planted stories and near-copies.\n"
      "Writes JSONL articles (id, source, url, title, published, text) sorted by date, and a\n"
      "truth file {\"id\", \"story\", \"copy_of\"} scorable by ../shared/eval/cluster_eval.py.",
      "chorus-gen"};
  app.add_option("-n,--articles", opts.articles, "Number of articles")
      ->required()
      ->check(CLI::Range(1u, 2000000000u));
  app.add_option("-s,--seed", opts.seed,
                 "Random seed; the same seed and source give the same bytes")
      ->capture_default_str();
  app.add_option("-o,--out", out_path, "Output JSONL of articles ('-' for standard output)")
      ->required();
  app.add_option("-t,--truth", truth_path,
                 "Output JSONL of {id, story, copy_of} for every article");
  app.add_option("--source", source,
                 "Articles whose sentences are reused (any input chorus reads; default "
                 "../shared/data/polnear/train.jsonl, else the repository's examples/)");
  app.add_option("--copies-fraction", opts.copies_fraction,
                 "Fraction of the articles that are near-copies of an earlier one")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.9));
  app.add_option("--outlets", opts.outlets, "Number of invented outlets")
      ->capture_default_str()
      ->check(CLI::Range(1u, 65535u));
  app.add_option("--days", opts.days, "Days the corpus spans, from 2026-01-01")
      ->capture_default_str()
      ->check(CLI::Range(1u, 36500u));
  app.add_option("--story-size-mean", opts.story_size_mean,
                 "Mean number of articles a story has (geometric, at most max(30, 3*mean))")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 1000.0));
  app.add_flag("-q,--quiet", quiet, "Print no progress or summary on standard error");
  app.footer(
      "Examples:\n"
      "  chorus-gen -n 100000 --seed 7 -o /tmp/corpus.jsonl -t /tmp/truth.jsonl\n"
      "  chorus-gen -n 500 --source examples/ -o small.jsonl -t small-truth.jsonl\n"
      "Exit status: 0 success; 2 usage error, unreadable source or unwritable output.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "chorus-gen: " << e.what() << "\nRun 'chorus-gen --help' for usage.\n";
    return kExitUsage;
  }

  auto t0 = std::chrono::steady_clock::now();
  if (source.empty()) source = DefaultSource();
  if (source.empty()) {
    std::cerr << "chorus-gen: no sentence source found (../shared/data/polnear/train.jsonl or "
                 "examples/); give one with --source FILE\n";
    return kExitUsage;
  }
  SentencePool pool;
  std::string error;
  if (!LoadSentencePool(source, pool, error)) {
    std::cerr << "chorus-gen: " << error << "\n";
    return kExitUsage;
  }
  if (pool.size() < 10) {
    std::cerr << "chorus-gen: " << source << ": only " << pool.size()
              << " usable sentences (8-60 words); need at least 10\n";
    return kExitUsage;
  }

  Plan plan = MakePlan(opts, pool);

  Sink out, truth;
  if (!out.Open(out_path)) {
    std::cerr << "chorus-gen: " << out_path << ": cannot open for writing\n";
    return kExitUsage;
  }
  if (!truth_path.empty() && !truth.Open(truth_path)) {
    std::cerr << "chorus-gen: " << truth_path << ": cannot open for writing\n";
    return kExitUsage;
  }

  std::vector<std::string> outlet_names(opts.outlets), outlet_domains(opts.outlets);
  for (uint32_t i = 0; i < opts.outlets; ++i) OutletName(i, outlet_names[i], outlet_domains[i]);

  ArticleWriter writer(pool, opts.seed);
  std::string title, text, original, date, id;
  bool progress = !quiet && isatty(STDERR_FILENO);
  for (uint32_t r = 0; r < opts.articles; ++r) {
    const ArticleDesc& a = plan.articles[plan.order[r]];
    const Story& story = plan.stories[a.story];
    if (a.original == kNone) {
      writer.Compose(story, a.story, a.index, a.day, title, text);
    } else {
      const ArticleDesc& o = plan.articles[a.original];
      writer.Compose(story, o.story, o.index, o.day, title, original);
      Rng rng(SubSeed(opts.seed, kCopySeed, a.story, a.index));
      EditCopy(original, rng, text);
    }
    id.clear();
    AppendId(r, id);
    date.clear();
    AppendDate(a.day, date);

    std::string& o = out.buf();
    o += "{\"id\":\"";
    o += id;
    o += "\",\"source\":";
    chorus::AppendJsonString(o, outlet_names[a.outlet]);
    o += ",\"url\":\"https://";
    o += outlet_domains[a.outlet];
    o += '/';
    o += date;
    o += '/';
    AppendSlug(title, Mix((uint64_t{a.story} << 16) | a.index), o);
    o += "\",\"title\":";
    chorus::AppendJsonString(o, title);
    o += ",\"published\":\"";
    o += date;
    o += "\",\"text\":";
    chorus::AppendJsonString(o, text);
    o += "}\n";
    out.MaybeFlush();

    if (!truth_path.empty()) {
      std::string& t = truth.buf();
      char story_id[32];
      int n = std::snprintf(story_id, sizeof story_id, "story-%06u", a.story + 1);
      t += "{\"id\":\"";
      t += id;
      t += "\",\"story\":\"";
      t.append(story_id, static_cast<size_t>(n));
      t += "\",\"copy_of\":";
      if (a.original == kNone) {
        t += "null";
      } else {
        t += '"';
        AppendId(plan.articles[a.original].rank, t);
        t += '"';
      }
      t += "}\n";
      truth.MaybeFlush();
    }
    if (progress && (r + 1) % 65536 == 0)
      std::fprintf(stderr, "\rchorus-gen: %u/%u articles", r + 1, opts.articles);
  }
  if (progress) std::fprintf(stderr, "\r\033[K");
  bool ok = out.Close();
  if (!ok) std::cerr << "chorus-gen: " << out_path << ": write failed\n";
  if (!truth_path.empty() && !truth.Close()) {
    std::cerr << "chorus-gen: " << truth_path << ": write failed\n";
    ok = false;
  }
  if (!ok) return kExitUsage;

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!quiet) {
    std::fprintf(stderr,
                 "chorus-gen: %u articles (%zu stories, %u near-copies, %u outlets) from %zu "
                 "sentences of %s; %.1f MB in %.2f s (%.1f MB/s)\n",
                 opts.articles, plan.stories.size(), plan.copies, opts.outlets, pool.size(),
                 source.c_str(), out.bytes() / 1e6, seconds, out.bytes() / 1e6 / seconds);
  }
  return kExitOk;
}
