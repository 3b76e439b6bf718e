// The embedded store over SQLite; see chorus/store.h.
#include "chorus/store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "store/sqlite_stmt.h"

namespace chorus {

using store_detail::Explain;
using store_detail::Stmt;
using store_detail::StmtCache;

namespace {

// "CHOR": marks a SQLite file as a chorus store (PRAGMA application_id).
constexpr int kApplicationId = 0x43484f52;

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
  seq INTEGER PRIMARY KEY,          -- arrival order, from 0
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL, published TEXT NOT NULL,
  text TEXT NOT NULL,
  hash INTEGER NOT NULL,            -- ArticleContentHash
  quotes TEXT NOT NULL);            -- its attributions: the `chorus quotes` line
CREATE TABLE assignments(
  seq INTEGER PRIMARY KEY REFERENCES articles(seq),
  story INTEGER NOT NULL,           -- its story's key: the seq of the story's first article
  duplicate_of INTEGER);            -- seq of the article it copies
CREATE INDEX assignments_story ON assignments(story, seq);
CREATE TABLE stories(
  story INTEGER PRIMARY KEY,        -- key; its rank is the public number (chorus/store.h)
  digest_json TEXT NOT NULL, digest_markdown TEXT NOT NULL, digest_quotes INTEGER NOT NULL);
CREATE TABLE quotes(
  story INTEGER NOT NULL, ordinal INTEGER NOT NULL,
  speaker TEXT NOT NULL, json TEXT NOT NULL, pretty TEXT NOT NULL,
  PRIMARY KEY(story, ordinal));
CREATE TABLE changed(seq INTEGER PRIMARY KEY);  -- content replaced since the last grouping
CREATE TABLE snapshot(part INTEGER PRIMARY KEY, data BLOB NOT NULL);  -- see PutSnapshot
INSERT INTO meta VALUES('format', 'chorus-store'), ('grouped', '0'), ('stale', '0');
)sql";

// A WAL reader needs the -shm file beside the store; a user who may write
// neither the store nor its directory cannot create it, and SQLite refuses to
// read ("attempt to write a readonly database"). When no -wal file exists no
// ingest is writing (a writer keeps one until it closes), so the file can be
// read as immutable: exactly its content, without the shared memory.
bool NeedsImmutableOpen(sqlite3* db, const std::string& path) {
  int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN) return false;
  struct stat st;
  return ::stat((path + "-wal").c_str(), &st) != 0;
}

// file: URI of `path` with immutable=1 (%, ? and # escaped).
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[static_cast<unsigned char>(c) >> 4];
      uri += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      uri += c;
    }
  }
  uri += "?immutable=1";
  return uri;
}

}  // namespace

uint64_t ArticleContentHash(const Article& a) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_64bits_reset(st);
  for (const std::string* f : {&a.source, &a.url, &a.title, &a.published, &a.text}) {
    uint64_t n = f->size();
    XXH3_64bits_update(st, &n, sizeof n);
    XXH3_64bits_update(st, f->data(), f->size());
  }
  uint64_t h = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  return h;
}

// The connection and a small statement helper.
struct Store::Db {
  sqlite3* db = nullptr;
  std::string path;
  StmtCache cache;  // (finalized after sqlite3_close_v2, which waits for that)

  // Closes the handle, also when Store's constructor throws (Store's own
  // destructor does not run then).
  ~Db() {
    if (db) sqlite3_close_v2(db);
  }

  [[noreturn]] void Fail(std::string_view what) const {
    std::string msg = path + ": " + std::string(what);
    if (db) msg += ": " + Explain(db, sqlite3_errmsg(db));
    throw StoreError(msg);
  }
  void Exec(const char* sql) {
    char* err = nullptr;
    errno = 0;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      int saved = errno;
      std::string m = err ? err : "unknown error";
      sqlite3_free(err);
      throw StoreError(path + ": " + Explain(db, m, saved));
    }
  }
};

// Builds an empty store beside `path` and links it into place, so a process
// killed while creating leaves either no store or a complete empty one.
void Store::CreateFresh(const std::string& path) {
  std::string tmp = path + ".new-" + std::to_string(::getpid());
  ::unlink(tmp.c_str());
  { Store fresh(tmp, Store::Mode::kWrite, /*fresh=*/true); }
  bool linked = ::link(tmp.c_str(), path.c_str()) == 0;
  int err = errno;
  if (!linked && (err == EPERM || err == ENOTSUP || err == EXDEV))  // no hard links here
    linked = ::rename(tmp.c_str(), path.c_str()) == 0, err = errno;
  ::unlink(tmp.c_str());
  if (!linked && err != EEXIST)  // EEXIST: another ingest created it first
    throw StoreError(path + ": cannot create the store: " + std::strerror(err));
}

Store::Store(const std::string& path, Mode mode) : Store(path, mode, false) {}

Store::Store(const std::string& path, Mode mode, bool fresh)
    : path_(path), db_(std::make_unique<Db>()) {
  db_->path = path;
  struct stat st;
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (!exists && mode == Mode::kRead)
    throw StoreError(path + ": no such store (create it with 'chorus ingest --db " + path +
                     " FILES...')");
  if (exists && S_ISDIR(st.st_mode)) throw StoreError(path + ": is a directory, not a store");
  if (mode == Mode::kWrite) {
    // SQLite would open a write-protected file read-only and fail at the first
    // write; say why up front. WAL mode also creates PATH-wal beside the file.
    if (exists && ::access(path.c_str(), W_OK) != 0)
      throw StoreError(path + ": cannot write the store: " + std::strerror(errno));
    std::filesystem::path dir = std::filesystem::path(path).parent_path();
    if (dir.empty()) dir = std::filesystem::path(".");
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
      throw StoreError(path + ": cannot write in the store's directory " + dir.string() + ": " +
                       std::strerror(errno));
  }
  if (!exists && !fresh) CreateFresh(path);  // mode is kWrite here
  // Readers open read-write when they may (WAL readers need the shared-memory
  // file), and never write; read-only files fall back to a read-only open.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == Mode::kWrite) flags |= SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db_->db, flags, nullptr) != SQLITE_OK && mode == Mode::kRead) {
    sqlite3_close_v2(db_->db);
    db_->db = nullptr;
    sqlite3_open_v2(path.c_str(), &db_->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  }
  if (sqlite3_errcode(db_->db) != SQLITE_OK) db_->Fail("cannot open the store");
  if (mode == Mode::kRead && NeedsImmutableOpen(db_->db, path)) {
    sqlite3_close_v2(db_->db);
    db_->db = nullptr;
    sqlite3_open_v2(ImmutableUri(path).c_str(), &db_->db,
                    SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (sqlite3_errcode(db_->db) != SQLITE_OK) db_->Fail("cannot open the store");
  }
  sqlite3_busy_timeout(db_->db, 10000);
  // Identify the file before anything else touches it.
  int64_t app_id = 0, version = 0, tables = 0;
  {
    Stmt s(db_->db, path_, "PRAGMA application_id");
    if (s.Step()) app_id = s.Int(0);
  }
  {
    Stmt s(db_->db, path_, "PRAGMA user_version");
    if (s.Step()) version = s.Int(0);
  }
  {
    Stmt s(db_->db, path_, "SELECT count(*) FROM sqlite_master");
    if (s.Step()) tables = s.Int(0);
  }
  bool empty = app_id == 0 && version == 0 && tables == 0;
  if (empty && mode == Mode::kRead)
    throw StoreError(path + ": not a chorus store (an empty database)");
  if (!empty && app_id != kApplicationId)
    throw StoreError(path + ": not a chorus store (a SQLite database of another program)");
  if (!empty && version > kStoreVersion)
    throw StoreError(path + ": written by a newer chorus (store version " +
                     std::to_string(version) + "; this chorus reads version " +
                     std::to_string(kStoreVersion) + "); upgrade chorus");
  if (!empty && version < 1)
    throw StoreError(path + ": unknown store version " + std::to_string(version));
  if (mode == Mode::kWrite) {
    db_->Exec("PRAGMA journal_mode=WAL");
    db_->Exec("PRAGMA synchronous=NORMAL");  // WAL: a killed process loses no commit
    if (!empty && version < kStoreVersion) {
      // Version 1 had no snapshot table; it gets one (an older chorus then
      // refuses the file, so it cannot change articles behind the snapshot).
      // Versions 1 and 2 stored stories under their public numbers, not keys:
      // the derived tables and the snapshot go, and the next regroup replays.
      db_->Exec("BEGIN IMMEDIATE");
      try {
        db_->Exec(
            "CREATE TABLE IF NOT EXISTS snapshot(part INTEGER PRIMARY KEY, data BLOB NOT NULL)");
        db_->Exec(
            "DELETE FROM snapshot; DELETE FROM quotes; DELETE FROM stories; "
            "DELETE FROM assignments; INSERT OR REPLACE INTO meta(key, value) "
            "VALUES('grouped', '0'), ('stale', '1')");
        db_->Exec(("PRAGMA user_version=" + std::to_string(kStoreVersion)).c_str());
        db_->Exec("COMMIT");
      } catch (...) {
        Rollback();
        throw;
      }
    }
    if (empty) {
      db_->Exec("BEGIN IMMEDIATE");
      try {
        db_->Exec(kSchema);
        db_->Exec(("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str());
        db_->Exec(("PRAGMA user_version=" + std::to_string(kStoreVersion)).c_str());
        db_->Exec("COMMIT");
      } catch (...) {
        Rollback();
        throw;
      }
    }
  }
  Stmt s(db_->db, path_, "SELECT value FROM meta WHERE key='format'");
  if (!s.Step() || s.Text(0) != "chorus-store")
    throw StoreError(path + ": not a chorus store (no chorus format marker)");
}

Store::~Store() = default;  // Db closes the handle

void Store::Begin() {
  db_->Exec("BEGIN IMMEDIATE");
}

void Store::BeginRead() {
  db_->Exec("BEGIN DEFERRED");
}

void Store::Commit() {
  db_->Exec("COMMIT");
}

void Store::SetAutoCheckpoint(bool on) {
  db_->Exec(on ? "PRAGMA wal_autocheckpoint=1000" : "PRAGMA wal_autocheckpoint=0");
}

void Store::Checkpoint() {
  if (sqlite3_wal_checkpoint_v2(db_->db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) !=
      SQLITE_OK)
    db_->Fail("cannot checkpoint the write-ahead log");
}

void Store::Rollback() {
  if (db_->db && !sqlite3_get_autocommit(db_->db))
    sqlite3_exec(db_->db, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::optional<Store::Known> Store::Find(std::string_view id) {
  Stmt s(*db_, "SELECT seq, hash FROM articles WHERE id=?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return Known{s.Int(0), static_cast<uint64_t>(s.Int(1))};
}

int64_t Store::Append(const Article& a, uint64_t hash, std::string_view quotes_json) {
  int64_t seq = articles();
  Stmt s(*db_,
         "INSERT INTO articles(seq, id, source, url, title, published, text, hash, quotes) "
         "VALUES(?,?,?,?,?,?,?,?,?)");
  s.Bind(1, seq).Bind(2, a.id).Bind(3, a.source).Bind(4, a.url).Bind(5, a.title);
  s.Bind(6, a.published).Bind(7, a.text).Bind(8, static_cast<int64_t>(hash)).Bind(9, quotes_json);
  s.Run();
  return seq;
}

void Store::Update(int64_t seq, const Article& a, uint64_t hash, std::string_view quotes_json) {
  Stmt s(db_->db, path_,
         "UPDATE articles SET source=?, url=?, title=?, published=?, text=?, hash=?, quotes=? "
         "WHERE seq=?");
  s.Bind(1, a.source).Bind(2, a.url).Bind(3, a.title).Bind(4, a.published).Bind(5, a.text);
  s.Bind(6, static_cast<int64_t>(hash)).Bind(7, quotes_json).Bind(8, seq);
  s.Run();
  Stmt(db_->db, path_, "INSERT OR IGNORE INTO changed(seq) VALUES(?)").Bind(1, seq).Run();
}

std::vector<int64_t> Store::Changed() {
  std::vector<int64_t> out;
  Stmt s(db_->db, path_, "SELECT seq FROM changed ORDER BY seq");
  while (s.Step()) out.push_back(s.Int(0));
  return out;
}

int64_t Store::articles() {
  // Seqs are dense from 0, so this is the count, in O(log n) (count(*) scans).
  Stmt s(*db_, "SELECT coalesce(max(seq) + 1, 0) FROM articles");
  return s.Step() ? s.Int(0) : 0;
}

void Store::ForEach(const std::function<void(int64_t, Article&&)>& fn, bool with_text,
                    int64_t first) {
  Stmt s(db_->db, path_,
         with_text ? "SELECT seq, id, source, url, title, published, text FROM articles "
                     "WHERE seq>=? ORDER BY seq"
                   : "SELECT seq, id, source, url, title, published, '' FROM articles "
                     "WHERE seq>=? ORDER BY seq");
  s.Bind(1, first);
  while (s.Step()) {
    Article a{s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6)};
    fn(s.Int(0), std::move(a));
  }
}

Article Store::Load(int64_t seq) {
  Stmt s(*db_, "SELECT id, source, url, title, published, text FROM articles WHERE seq=?");
  s.Bind(1, seq);
  if (!s.Step()) throw StoreError(path_ + ": no article " + std::to_string(seq));
  return Article{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5)};
}

std::string Store::QuotesJson(int64_t seq) {
  Stmt s(db_->db, path_, "SELECT quotes FROM articles WHERE seq=?");
  s.Bind(1, seq);
  return s.Step() ? s.Text(0) : std::string();
}

namespace {
std::string Meta(sqlite3* db, const std::string& path, const char* key) {
  Stmt s(db, path, "SELECT value FROM meta WHERE key=?");
  s.Bind(1, key);
  return s.Step() ? s.Text(0) : std::string();
}
void SetMeta(sqlite3* db, const std::string& path, const char* key, const std::string& v) {
  Stmt s(db, path, "INSERT OR REPLACE INTO meta(key, value) VALUES(?,?)");
  s.Bind(1, key).Bind(2, v).Run();
}
}  // namespace

int64_t Store::grouped() {
  std::string v = Meta(db_->db, path_, "grouped");
  return v.empty() ? 0 : std::stoll(v);
}

bool Store::stale() {
  return Meta(db_->db, path_, "stale") == "1" || grouped() != articles();
}

void Store::MarkStale() {
  SetMeta(db_->db, path_, "stale", "1");
}

void Store::MarkGrouped(int64_t n) {
  SetMeta(db_->db, path_, "grouped", std::to_string(n));
  db_->Exec("DELETE FROM changed");
  SetMeta(db_->db, path_, "stale", "0");
}

uint64_t Store::Hash(int64_t seq) {
  Stmt s(*db_, "SELECT hash FROM articles WHERE seq=?");
  s.Bind(1, seq);
  if (!s.Step()) throw StoreError(path_ + ": no article " + std::to_string(seq));
  return static_cast<uint64_t>(s.Int(0));
}

std::string Store::Snapshot() {
  std::string out;
  Stmt s(db_->db, path_, "SELECT data FROM snapshot ORDER BY part");
  while (s.Step()) s.AppendBlob(0, out);
  return out;
}

void Store::PutSnapshot(std::string_view bytes) {
  db_->Exec("DELETE FROM snapshot");
  constexpr size_t kPart = size_t{64} << 20;  // well under SQLite's largest blob
  for (size_t at = 0, part = 0; at < bytes.size(); at += kPart, ++part) {
    Stmt s(db_->db, path_, "INSERT INTO snapshot(part, data) VALUES(?,?)");
    s.Bind(1, static_cast<int64_t>(part)).BindBlob(2, bytes.substr(at, kPart)).Run();
  }
}

std::vector<StoryAssignment> Store::Assignments() {
  std::vector<StoryAssignment> out;
  Stmt s(db_->db, path_, "SELECT seq, story, duplicate_of FROM assignments ORDER BY seq");
  while (s.Step()) {
    if (s.Int(0) != static_cast<int64_t>(out.size()))
      throw StoreError(path_ + ": damaged store: story assignments have a gap at article " +
                       std::to_string(out.size()));
    StoryAssignment a;
    a.story = static_cast<uint32_t>(s.Int(1));
    if (!s.IsNull(2)) a.duplicate_of = s.Int(2);
    out.push_back(a);
  }
  return out;
}

void Store::SetAssignment(int64_t seq, const StoryAssignment& a) {
  Stmt s(*db_, "INSERT OR REPLACE INTO assignments(seq, story, duplicate_of) VALUES(?,?,?)");
  s.Bind(1, seq).Bind(2, static_cast<int64_t>(a.story));
  if (a.duplicate_of)
    s.Bind(3, *a.duplicate_of);
  else
    s.BindNull(3);
  s.Run();
}

void Store::SetStory(int64_t seq, uint32_t story) {
  Stmt s(*db_, "UPDATE assignments SET story=? WHERE seq=?");
  s.Bind(1, static_cast<int64_t>(story)).Bind(2, seq).Run();
}

void Store::TruncateAssignments(int64_t n) {
  Stmt(db_->db, path_, "DELETE FROM assignments WHERE seq>=?").Bind(1, n).Run();
}

std::vector<StoredStory> Store::Stories(bool with_digest) {
  std::vector<StoredStory> out;
  Stmt s(
      db_->db, path_,
      with_digest
          ? "SELECT story, digest_json, digest_markdown, digest_quotes FROM stories ORDER BY story"
          : "SELECT story, '', '', digest_quotes FROM stories ORDER BY story");
  while (s.Step()) {
    StoredStory x;
    x.story = static_cast<uint32_t>(s.Int(0));
    x.digest_json = s.Text(1);
    x.digest_markdown = s.Text(2);
    x.digest_quotes = static_cast<uint32_t>(s.Int(3));
    out.push_back(std::move(x));
  }
  Stmt m(db_->db, path_, "SELECT story, seq FROM assignments ORDER BY story, seq");
  size_t i = 0;
  while (m.Step()) {
    uint32_t story = static_cast<uint32_t>(m.Int(0));
    while (i < out.size() && out[i].story < story) ++i;
    if (i < out.size() && out[i].story == story) out[i].members.push_back(m.Int(1));
  }
  return out;
}

void Store::PutStory(const StoredStory& x, const std::vector<StoredQuote>& quotes) {
  int64_t story = x.story;
  Stmt(*db_, "DELETE FROM quotes WHERE story=?").Bind(1, story).Run();
  Stmt s(*db_,
         "INSERT OR REPLACE INTO stories(story, digest_json, digest_markdown, digest_quotes) "
         "VALUES(?,?,?,?)");
  s.Bind(1, story).Bind(2, x.digest_json).Bind(3, x.digest_markdown);
  s.Bind(4, static_cast<int64_t>(x.digest_quotes)).Run();
  for (const StoredQuote& q : quotes) {
    Stmt i(*db_, "INSERT INTO quotes(story, ordinal, speaker, json, pretty) VALUES(?,?,?,?,?)");
    i.Bind(1, story).Bind(2, static_cast<int64_t>(q.ordinal)).Bind(3, q.speaker);
    i.Bind(4, q.json).Bind(5, q.pretty).Run();
  }
}

void Store::DropStoriesFrom(uint32_t first) {
  Stmt(db_->db, path_, "DELETE FROM quotes WHERE story>=?").Bind(1, int64_t{first}).Run();
  Stmt(db_->db, path_, "DELETE FROM stories WHERE story>=?").Bind(1, int64_t{first}).Run();
}

void Store::DeleteStory(uint32_t story) {
  Stmt(*db_, "DELETE FROM quotes WHERE story=?").Bind(1, int64_t{story}).Run();
  Stmt(*db_, "DELETE FROM stories WHERE story=?").Bind(1, int64_t{story}).Run();
}

std::vector<uint32_t> Store::StoryKeys() {
  std::vector<uint32_t> out;
  Stmt s(db_->db, path_, "SELECT story FROM stories ORDER BY story");
  while (s.Step()) out.push_back(static_cast<uint32_t>(s.Int(0)));
  return out;
}

std::vector<StoredQuote> Store::Quotes() {
  std::vector<StoredQuote> out;
  Stmt s(db_->db, path_,
         "SELECT story, ordinal, speaker, json, pretty FROM quotes ORDER BY story, ordinal");
  while (s.Step()) {
    out.push_back({static_cast<uint32_t>(s.Int(0)), static_cast<uint32_t>(s.Int(1)), s.Text(2),
                   s.Text(3), s.Text(4)});
  }
  return out;
}

std::string RenumberQuoteIds(std::string_view json, uint64_t offset) {
  // JSON strings escape '"', so the key pattern cannot occur inside a value.
  static constexpr std::string_view kKey = "\"quote_id\":\"q";
  std::string out;
  out.reserve(json.size() + 16);
  size_t pos = 0;
  while (true) {
    size_t k = json.find(kKey, pos);
    if (k == std::string_view::npos) break;
    size_t d = k + kKey.size(), e = d;
    uint64_t n = 0;
    while (e < json.size() && json[e] >= '0' && json[e] <= '9') n = n * 10 + (json[e++] - '0');
    out.append(json.substr(pos, d - pos));
    if (e == d) {
      pos = d;
      continue;
    }
    out += std::to_string(n + offset);
    pos = e;
  }
  out.append(json.substr(pos));
  return out;
}

}  // namespace chorus
