// SQLite helpers of the store (src/store/store.cc): plain error messages and
// prepared statements, optionally kept in a per-connection cache.
#pragma once

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

#include "chorus/store.h"

namespace chorus::store_detail {

// SQLite's message, made plain: damaged files say so, I/O failures carry the
// system's reason ("disk I/O error (File too large)").
// `saved_errno`: errno right after the failing call (SQLite does not always
// keep it: sqlite3_system_errno reads errno again later).
inline std::string Explain(sqlite3* db, std::string m, int saved_errno = 0) {
  int code = sqlite3_errcode(db);
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    return "not a chorus store, or a damaged one (" + m + ")";
  if (code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN) {
    int e = sqlite3_system_errno(db);
    if (e == 0 && (saved_errno == EFBIG || saved_errno == ENOSPC || saved_errno == EDQUOT ||
                   saved_errno == EIO || saved_errno == EROFS || saved_errno == EACCES))
      e = saved_errno;
    if (e != 0) m.append(" (").append(std::strerror(e)).append(")");
  }
  if (code == SQLITE_READONLY) m += " (no permission to write the file or its directory)";
  return m;
}

// Prepared statements a connection keeps between uses (those run per article
// committed or per story written), by their SQL text's address.
struct StmtCache {
  std::unordered_map<const char*, sqlite3_stmt*> free;
  ~StmtCache() {
    for (auto& e : free) sqlite3_finalize(e.second);
  }
};

// A prepared statement, finalized on scope exit.
class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& path, const char* sql) : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK) Fail();
  }
  // Taken from the Store's cache (`d`: its Db) and given back, reset, at scope exit.
  template <typename D>
  Stmt(D& d, const char* sql) : db_(d.db), path_(d.path), cache_(&d.cache), sql_(sql) {
    auto it = cache_->free.find(sql);
    if (it != cache_->free.end()) {
      s_ = it->second;
      cache_->free.erase(it);
    } else if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) !=
               SQLITE_OK) {
      Fail();
    }
  }
  ~Stmt() {
    if (cache_ && s_) {
      sqlite3_reset(s_);
      sqlite3_clear_bindings(s_);
      if (cache_->free.emplace(sql_, s_).second) return;
    }
    sqlite3_finalize(s_);
  }
  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob64(s_, i, v.data(), v.size(), SQLITE_STATIC);
    return *this;
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  // True while there is a row.
  bool Step() {
    errno = 0;
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Fail(errno);
  }
  void Run() {
    while (Step()) {
    }
  }
  int64_t Int(int i) { return sqlite3_column_int64(s_, i); }
  void AppendBlob(int i, std::string& out) {
    const void* p = sqlite3_column_blob(s_, i);
    if (p) out.append(static_cast<const char*>(p), sqlite3_column_bytes(s_, i));
  }
  bool IsNull(int i) { return sqlite3_column_type(s_, i) == SQLITE_NULL; }
  std::string Text(int i) {
    const unsigned char* p = sqlite3_column_text(s_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s_, i))
             : std::string();
  }

 private:
  [[noreturn]] void Fail(int saved_errno = 0) {
    throw StoreError(path_ + ": " + Explain(db_, sqlite3_errmsg(db_), saved_errno));
  }
  sqlite3* db_;
  const std::string& path_;
  StmtCache* cache_ = nullptr;
  const char* sql_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace chorus::store_detail
