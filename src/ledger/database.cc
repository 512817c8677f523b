// SQLite behind Status: every result code that is not SQLITE_OK, _ROW or
// _DONE becomes a Status naming the database file and what was being done.
#include "ledger/database.h"

#include <sqlite3.h>

#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include <fmt/format.h>

namespace quoteledger {
namespace {

constexpr int kBusyTimeoutMs = 120'000;

std::string FileOf(sqlite3* db) {
  const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
  return name && *name ? name : "the ledger";
}

Status StatusFor(sqlite3* db, int rc, std::string_view what, std::string where = "") {
  if (where.empty()) where = FileOf(db);
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      return Status::Corruption(fmt::format(
          "{}: not a ledger (SQLite: {}); point --db at a quoteledger ledger or at a new file",
          where, msg));
    case SQLITE_CORRUPT:
      return Status::Corruption(fmt::format(
          "{}: {} failed: {}; the ledger is damaged: run `quoteledger verify` to see where, and "
          "restore it from a backup or re-ingest into a new ledger",
          where, what, msg));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IOError(fmt::format(
          "{}: {} failed: {}; another process held the ledger's write lock for {} s: wait "
          "for it to finish (or end it) and retry",
          where, what, msg, kBusyTimeoutMs / 1000));
    case SQLITE_FULL:
      return Status::IOError(
          fmt::format("{}: {} failed: the disk is full; free some space and retry", where, what));
    case SQLITE_IOERR:
      // A write refused for want of space (ENOSPC) or past a file-size
      // limit (EFBIG, `ulimit -f`) reaches SQLite as a failed write, and
      // sqlite3_system_errno() is not always left set to say which.
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE) {
        return Status::IOError(fmt::format(
            "{}: {} failed: {}: could not write the ledger (the disk may be full, or a file-size "
            "limit reached); free some space and retry",
            where, what, msg));
      }
      return Status::IOError(fmt::format("{}: {} failed: {}", where, what, msg));
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return Status::IOError(fmt::format(
          "{}: {} failed: {}; check that the file and its folder are writable", where, what,
          msg));
    default:
      return Status::IOError(fmt::format("{}: {} failed: {}", where, what, msg));
  }
}

}  // namespace

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

// Bind failures (an index out of range, a too-big value) are programming
// errors or resource limits; SQLite remembers them and Step() reports them.
Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::BindOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const char* sql = sqlite3_sql(stmt_);
  std::string what = fmt::format("running \"{:.60}\"", sql ? sql : "?");
  Status s = StatusFor(db_, rc, what);
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
  }
  Reset();
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), n) : std::string();
}

std::string_view Statement::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(static_cast<const char*>(p), n) : std::string_view();
}

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

namespace {

// The folder holding `path` ("." for a bare file name).
std::filesystem::path FolderOf(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  return folder.empty() ? std::filesystem::path(".") : folder;
}

// Why this process cannot write the ledger at `path`, or "" when it can.
// access(2) answers for this process's user, root included, which is what
// SQLite will meet when it writes.
std::string ReadOnlyReason(const std::string& path) {
  if (::access(path.c_str(), W_OK) != 0 && errno != ENOENT) return "the file is read-only";
  std::string folder = FolderOf(path).string();
  if (::access(folder.c_str(), W_OK) != 0) {
    return fmt::format("its folder {} is read-only (SQLite writes its journal beside the file)",
                       folder);
  }
  return "";
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Mode mode) {
  std::error_code ec;
  std::filesystem::path folder = FolderOf(path);
  if (!std::filesystem::is_directory(folder, ec)) {
    return Status::NotFound(fmt::format(
        "{}: the folder {} does not exist; create it (mkdir -p {}) or point --db at a file in "
        "an existing folder",
        path, folder.string(), folder.string()));
  }
  if (mode == Mode::kExisting && !std::filesystem::exists(path, ec)) {
    return Status::NotFound(fmt::format(
        "{}: no ledger here; create one with `quoteledger --db {} ingest FILE...` "
        "or point --db (or $QUOTELEDGER_DB) at an existing ledger",
        path, path));
  }
  if (mode == Mode::kCreate && !std::filesystem::exists(path, ec) &&
      ::access(folder.c_str(), W_OK) != 0) {
    return Status::IOError(fmt::format(
        "{}: cannot create a ledger there: the folder {} is read-only; point --db at a writable "
        "folder, or make this one writable",
        path, folder.string()));
  }
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
              (mode == Mode::kCreate ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = StatusFor(raw, rc, "opening the ledger", path);
    sqlite3_close(raw);
    return s;
  }
  auto db = std::unique_ptr<Database>(new Database(raw, path));
  db->read_only_reason_ = sqlite3_db_readonly(raw, "main") == 1 ? "the file is read-only"
                                                                 : ReadOnlyReason(path);
  db->read_only_ = !db->read_only_reason_.empty();
  sqlite3_extended_result_codes(raw, 1);
  // Writers hold the lock only while they write a batch (ledger/ingester.h),
  // so a wait is short; the limit is for a lock held by something stuck
  // (a sqlite3 shell left in a transaction), and is then reported as busy.
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  // These set the connection, not the file. synchronous=NORMAL keeps every
  // commit across a process crash; only a power cut may lose the last
  // commits (in WAL mode).
  Status s = db->Exec(
      "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16000;");
  if (!s.ok() && db->read_only_) return db->CannotRead();
  if (!s.ok()) return s;
  return db;
}

Status Database::CannotRead() const {
  // SQLite reads a WAL file only beside its -shm file, which it makes.
  return Status::IOError(fmt::format(
      "{}: cannot read the ledger: {}, and SQLite must create {}-shm beside it to read it; "
      "make the folder writable, or copy the ledger to a writable folder",
      path_, read_only_reason_, path_));
}

Status Database::UseWal() { return Exec("PRAGMA journal_mode = WAL"); }

Database::~Database() {
  cache_.clear();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

Status Database::Exec(std::string_view sql) {
  std::string copy(sql);
  int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return StatusFor(db_, rc, fmt::format("running \"{:.60}\"", copy));
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return StatusFor(db_, rc, fmt::format("preparing \"{:.60}\"", sql));
  }
  return Statement(db_, stmt);
}

Result<Statement*> Database::Cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    Result<Statement> stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    it = cache_.emplace(std::string(sql), std::move(stmt).value()).first;
  }
  it->second.Reset();
  return &it->second;
}

Result<int64_t> Database::QueryInt(std::string_view sql) {
  Result<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt.value().Step();
  if (!row.ok()) return row.status();
  return row.value() ? stmt.value().Int(0) : 0;
}

int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int64_t Database::Changes() const { return sqlite3_changes64(db_); }

bool Database::InTransaction() const { return !sqlite3_get_autocommit(db_); }

Status Database::Error(int rc, std::string_view what) const { return StatusFor(db_, rc, what); }

}  // namespace quoteledger
