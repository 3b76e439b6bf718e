// chorus/store.h — the embedded store: articles and what chorus made of them.
//
// A Store is one SQLite file in WAL mode holding every article ingested (in
// arrival order, with its text and a content hash), each article's
// attributions, its story, each story's canonical quotes and digest. Writers
// group changes in transactions (Begin/Commit); a process killed at any moment
// leaves the file consistent: every committed transaction is kept, an
// unfinished one vanishes. The derived tables (stories, quotes, digests)
// describe the first `grouped()` articles; when an ingest was interrupted
// before it regrouped, `stale()` is true until the next ingest finishes.
// Stories are stored under stable keys and numbered when read (below).
// The file carries a format version; opening a file that is not a chorus store,
// is damaged, or comes from a newer chorus fails with StoreError (a one-line
// message naming the file). Not thread-safe: one Store per thread; several
// processes may read while one writes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"

namespace chorus {

// What every Store method throws on failure; what() names the file.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The store format this chorus reads and writes.
// 2: the snapshot table; 3: stories stored under stable keys (below). A store
// of an older version is upgraded when opened for writing: its derived tables
// and snapshot are dropped (stale, grouped 0), so the next regroup replays
// every article; readers read any version (a dense number is its own rank).
inline constexpr int kStoreVersion = 3;

// A hash of everything an article brings (id excluded): same content, same hash.
uint64_t ArticleContentHash(const Article& a);

// One article's story, as the clustering decided.
struct StoryAssignment {
  uint32_t story = 0;                   // its key as stored (public number: NamePublic)
  std::optional<int64_t> duplicate_of;  // seq of the article it copies
};

// The derived data of one story.
struct StoredStory {
  uint32_t story = 0;            // its key as stored (public number: NamePublic)
  std::vector<int64_t> members;  // article seqs, in arrival order
  std::string digest_json;       // `chorus digest` line, quote ids local (q0, q1...)
  std::string digest_markdown;   // `chorus digest --markdown` text
  uint32_t digest_quotes = 0;    // quotes in digest_json
};

// A canonical quote of a story (`chorus quotebook` line, quote id local).
struct StoredQuote {
  uint32_t story = 0;    // its story's key as stored (public number: NamePublic)
  uint32_t ordinal = 0;  // position within the story
  std::string speaker;
  std::string json;
  std::string pretty;
};

class Store {
 public:
  enum class Mode { kRead, kWrite };  // kWrite creates the file when missing
  // Opens `path`; throws StoreError when it cannot be opened or is not a
  // chorus store of a version this chorus reads.
  Store(const std::string& path, Mode mode);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }

  // Transactions. Nothing is visible to readers before Commit. Begin takes
  // the write lock; BeginRead pins one consistent snapshot for several reads
  // (end it with Commit or Rollback) while a writer goes on.
  void Begin();
  void BeginRead();
  void Commit();
  void Rollback();  // never throws

  // --- articles (seq = arrival order, from 0) ---
  struct Known {
    int64_t seq;
    uint64_t hash;
  };
  std::optional<Known> Find(std::string_view id);
  // Appends a new article; returns its seq. `quotes_json`: its `chorus quotes` line.
  int64_t Append(const Article& a, uint64_t hash, std::string_view quotes_json);
  // Replaces the content of article `seq` (same id, same position in the
  // stream) and records it among Changed() until the next MarkGrouped.
  void Update(int64_t seq, const Article& a, uint64_t hash, std::string_view quotes_json);
  std::vector<int64_t> Changed();
  int64_t articles();
  // Calls `fn` for every article from seq `first` on, in arrival order (text
  // included unless !with_text).
  void ForEach(const std::function<void(int64_t seq, Article&& a)>& fn, bool with_text = true,
               int64_t first = 0);
  // The content hash of article `seq` (StoreError when there is none).
  uint64_t Hash(int64_t seq);
  Article Load(int64_t seq);
  std::string QuotesJson(int64_t seq);

  // --- grouping state ---
  // Articles the derived tables describe; stale() when fewer than articles()
  // or when an article changed since.
  int64_t grouped();
  bool stale();
  // Marks the derived tables out of date (done with every article change).
  void MarkStale();
  // Records that the derived tables describe all `n` articles (clears Changed).
  void MarkGrouped(int64_t n);

  // --- the grouping snapshot ---
  // Opaque bytes the ingest saves with each regroup so that the next one
  // continues the stream instead of replaying it (tools/store_ingest.cc);
  // empty when there is none. PutSnapshot replaces it, inside the caller's
  // transaction (stored in parts of 64 MiB).
  std::string Snapshot();
  void PutSnapshot(std::string_view bytes);

  // --- write-ahead log checkpoints ---
  // By default a commit that finds the log over 4 MB copies it into the file
  // (that commit pays, fsync included). A writer that commits often and wants
  // each commit cheap turns this off and calls Checkpoint at quiet moments: it
  // copies what no reader still needs, and never waits for readers.
  void SetAutoCheckpoint(bool on);
  void Checkpoint();

  // --- derived tables ---
  // Stories are stored under a stable *key*, the seq of their first article
  // (in assignments, stories and quotes, and in the name "s<key>" inside
  // their stored lines): a split or merge changes no other story's key. The
  // public number (`chorus stories`: dense, by first appearance) is the key's
  // rank among the stored keys: see StoryNumbers and NameStory below. The
  // methods here read and write keys as stored.
  // Article seq -> story key, for the grouped articles.
  std::vector<StoryAssignment> Assignments();
  void SetAssignment(int64_t seq, const StoryAssignment& s);
  // Changes the story of an assigned article (its duplicate_of stays).
  void SetStory(int64_t seq, uint32_t story);
  void TruncateAssignments(int64_t n);  // drops seqs >= n
  // Stories in key order (members filled, digests empty unless with_digest).
  std::vector<StoredStory> Stories(bool with_digest);
  void PutStory(const StoredStory& s, const std::vector<StoredQuote>& quotes);
  void DropStoriesFrom(uint32_t first);  // deletes stories >= first and their quotes
  void DeleteStory(uint32_t story);      // one story and its quotes
  // The stored story keys, ascending (their ranks are the public numbers).
  std::vector<uint32_t> StoryKeys();
  // Quotes in story key order, then ordinal.
  std::vector<StoredQuote> Quotes();

 private:
  static void CreateFresh(const std::string& path);
  Store(const std::string& path, Mode mode, bool fresh);
  struct Db;
  std::string path_;
  std::unique_ptr<Db> db_;
};

// Stored story keys -> public story numbers (the key's rank).
class StoryNumbers {
 public:
  explicit StoryNumbers(std::vector<uint32_t> keys) : keys_(std::move(keys)) {}
  // The public number of a stored key; throws StoreError if it is not stored.
  uint32_t Of(uint32_t key) const;
  size_t size() const { return keys_.size(); }

 private:
  std::vector<uint32_t> keys_;
};

// Gives a stored story (s.story, its key) its public number: s.story and the
// name "s<key>" in its digest lines (the JSON's "story", the markdown's
// title when there is no headline and its summary line) become `number`; so
// do the "story" of its quote lines. False (nothing changed) when a line does
// not have the stored layout.
bool NameStory(StoredStory& s, std::vector<StoredQuote>& quotes, uint32_t number);
// The same for one quote line (q.story and the line's "story").
bool NameQuote(StoredQuote& q, uint32_t number);

// What readers show: the rows read from a store (Assignments, Stories,
// Quotes) with their public numbers and names, as `chorus stories|digest|
// quotebook` print them. Throws StoreError when a row is damaged.
void NamePublic(const StoryNumbers& numbers, std::vector<StoryAssignment>& rows);
void NamePublic(const StoryNumbers& numbers, std::vector<StoredStory>& rows);
void NamePublic(const StoryNumbers& numbers, std::vector<StoredQuote>& rows);

// Adds `offset` to every local quote id ("quote_id":"qN") of a stored line.
std::string RenumberQuoteIds(std::string_view json, uint64_t offset);

}  // namespace chorus
