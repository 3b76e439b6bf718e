// Ingest into a store and regroup; see store_ingest.h.
#include "store_ingest.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <map>
#include <string>

#include "chorus/digest.h"
#include "chorus/quotebook.h"
#include "chorus/segment.h"
#include "story_output.h"

namespace chorus::cli {

Progress::Progress(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
  Done();
}

bool Progress::Due(int phase, size_t done) {
  if (!enabled_) return false;
  auto now = std::chrono::steady_clock::now();
  if (phase != phase_) {
    phase_ = phase;
    start_ = now;
  }
  if (now - last_ < std::chrono::milliseconds(250)) return false;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  rate_ = secs > 0 ? done / secs : 0;
  return true;
}

void Progress::Show(const std::string& line) {
  std::fprintf(stderr, "\rchorus: %s\033[K", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Reading(size_t read, size_t skipped) {
  if (!Due(0, read)) return;
  Show("reading: " + std::to_string(read) + " articles read, " +
       std::to_string(static_cast<size_t>(rate_)) + " articles/s, " + std::to_string(skipped) +
       " skipped");
}

void Progress::Grouping(size_t done, size_t total, size_t stories) {
  if (!Due(1, done)) return;
  Show("grouping: " + std::to_string(done) + "/" + std::to_string(total) + " articles, " +
       std::to_string(static_cast<size_t>(rate_)) + " articles/s, " + std::to_string(stories) +
       " stories");
}

void Progress::Digests(size_t done, size_t stories) {
  if (!Due(2, done)) return;
  Show("digests: " + std::to_string(done) + " stories rewritten of " + std::to_string(stories));
}

void Progress::Done() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

namespace {
volatile std::sig_atomic_t g_stop_signal = 0;

void NoteStopSignal(int signo) {
  g_stop_signal = signo;
}

void ThrowIfStopped() {
  if (int s = g_stop_signal) throw Interrupted{s};
}
}  // namespace

void CatchStopSignals() {
  struct sigaction sa {};
  sa.sa_handler = NoteStopSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART | SA_RESETHAND;  // a second signal takes the default action
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int StopSignal() {
  return g_stop_signal;
}

void IngestInputs(Store& store, const std::vector<std::string>& inputs, const ReadOptions& read,
                  Diagnostics& diag, size_t batch, IngestStats& stats, Progress& progress) {
  if (batch == 0) batch = 1;
  Segmentation seg;
  JsonWriter w;
  size_t in_batch = 0;
  bool changes = false;  // in this batch
  auto commit = [&]() {
    if (in_batch == 0) return;
    if (changes) store.MarkStale();
    store.Commit();
    in_batch = 0;
    changes = false;
  };
  try {
    auto stop_here = [&]() {
      if (!g_stop_signal) return;
      commit();
      ThrowIfStopped();
    };
    stop_here();
    ReadInputs(inputs, read, diag, [&](Article&& a) {
      stop_here();  // a signal while this article was being read
      uint64_t hash = ArticleContentHash(a);
      if (in_batch == 0) store.Begin();
      ++in_batch;
      std::optional<Store::Known> known = store.Find(a.id);
      if (known && known->hash == hash) {
        ++stats.unchanged;
      } else {
        changes = true;
        Segment(a.text, seg);
        WriteQuotesJson(a, FindAttributions(a.text, seg), w);
        if (known) {
          store.Update(known->seq, a, hash, w.str());
          ++stats.updated;
        } else {
          store.Append(a, hash, w.str());
          ++stats.added;
        }
      }
      if (in_batch >= batch) commit();
      progress.Reading(diag.read(), diag.skipped());
      stop_here();
    });
    commit();
  } catch (...) {
    store.Rollback();
    throw;
  }
}

namespace {

// The quotebook and digest of one story, as the store keeps them.
void BuildStory(Store& store, uint32_t story, const std::vector<int64_t>& members, StoredStory& out,
                std::vector<StoredQuote>& quotes) {
  std::vector<Article> arts;
  std::vector<std::vector<Attribution>> attrs;
  Segmentation seg;
  for (int64_t seq : members) {
    arts.push_back(store.Load(seq));
    Segment(arts.back().text, seg);
    attrs.push_back(FindAttributions(arts.back().text, seg));
  }
  std::vector<const Article*> ptrs;
  std::vector<QuotedArticle> quoted;
  std::vector<DigestArticle> in;
  for (size_t i = 0; i < arts.size(); ++i) {
    ptrs.push_back(&arts[i]);
    quoted.push_back({arts[i].id, arts[i].text, attrs[i]});
    in.push_back({&arts[i], &attrs[i]});
  }
  std::string name = std::string("s").append(std::to_string(story));
  JsonWriter w;
  uint32_t ordinal = 0;
  for (const CanonicalQuote& q : BuildQuotebook(quoted)) {
    w.Clear();
    WriteQuoteJson(w, std::string("q").append(std::to_string(ordinal)), name, q, ptrs);
    quotes.push_back({story, ordinal++, q.speaker, w.str(), QuotePretty(q, ptrs)});
  }
  StoryDigest d = DigestStory(in, DigestOptions{});
  size_t next_quote = 0;
  w.Clear();
  WriteDigestJson(w, name, d, ptrs, next_quote);
  out.story = story;
  out.members = members;
  out.digest_json = w.str();
  out.digest_markdown = DigestMarkdown(name, d, ptrs);
  out.digest_quotes = static_cast<uint32_t>(next_quote);
}

void RegroupLocked(Store& store, const PipelineOptions& opts, IngestStats& stats,
                   Progress& progress);

}  // namespace

void Regroup(Store& store, const PipelineOptions& opts, IngestStats& stats, Progress& progress) {
  // Replay the stored stream inside the write transaction, so no other writer
  // can slip articles in between the replay and the rewrite.
  store.Begin();
  try {
    RegroupLocked(store, opts, stats, progress);
    store.Commit();
  } catch (...) {
    store.Rollback();
    throw;
  }
}

namespace {

void RegroupLocked(Store& store, const PipelineOptions& opts, IngestStats& stats,
                   Progress& progress) {
  PipelineOptions popts = opts;
  popts.keep_text = false;
  popts.with_quotes = false;
  StoryPipeline pipeline(popts);
  int64_t n = 0;
  size_t total = static_cast<size_t>(store.articles());
  store.ForEach([&](int64_t seq, Article&& a) {
    if (seq != n)
      throw StoreError(store.path() + ": damaged store: article " + std::to_string(n) +
                       " is missing");
    ++n;
    ThrowIfStopped();
    pipeline.Add(std::move(a));
    progress.Grouping(pipeline.size(), total, pipeline.stories());
  });
  std::vector<AnalysedArticle> result = pipeline.Finish();

  std::vector<StoryAssignment> old = store.Assignments();
  std::vector<int64_t> changed = store.Changed();
  std::map<uint32_t, std::vector<int64_t>> old_members, new_members;
  for (size_t i = 0; i < old.size(); ++i) old_members[old[i].story].push_back(i);
  std::vector<bool> touched(result.size(), false);
  for (int64_t seq : changed)
    if (seq >= 0 && static_cast<size_t>(seq) < touched.size()) touched[seq] = true;
  for (size_t i = 0; i < result.size(); ++i) {
    StoryAssignment a;
    a.story = result[i].story;
    if (result[i].duplicate_of) a.duplicate_of = static_cast<int64_t>(*result[i].duplicate_of);
    new_members[a.story].push_back(static_cast<int64_t>(i));
    if (i >= old.size() || old[i].story != a.story || old[i].duplicate_of != a.duplicate_of)
      store.SetAssignment(static_cast<int64_t>(i), a);
  }
  store.TruncateAssignments(static_cast<int64_t>(result.size()));
  std::map<uint32_t, bool> have;
  for (const StoredStory& s : store.Stories(false)) have[s.story] = true;
  for (const auto& [story, members] : new_members) {
    bool dirty = !have.count(story) || old_members[story] != members;
    for (size_t k = 0; !dirty && k < members.size(); ++k) dirty = touched[members[k]];
    if (!dirty) continue;
    ThrowIfStopped();
    StoredStory s;
    std::vector<StoredQuote> quotes;
    BuildStory(store, story, members, s, quotes);
    store.PutStory(s, quotes);
    ++stats.rewritten;
    progress.Digests(stats.rewritten, new_members.size());
  }
  ThrowIfStopped();
  store.DropStoriesFrom(static_cast<uint32_t>(new_members.size()));
  store.MarkGrouped(static_cast<int64_t>(result.size()));
  stats.stories = new_members.size();
}

}  // namespace

}  // namespace chorus::cli
