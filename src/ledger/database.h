// Database and Statement: a thin owning layer over one SQLite connection and
// its prepared statements, turning SQLite's result codes into Status. This
// header only forward-declares SQLite's types; sqlite3.h is included by the
// .cc files of src/ledger/ and nowhere else.
#ifndef QUOTELEDGER_LEDGER_DATABASE_H_
#define QUOTELEDGER_LEDGER_DATABASE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "quoteledger/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace quoteledger {

// One prepared statement. Move-only; finalized on destruction. Not
// thread-safe: use it from the thread that owns its Database.
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are numbered from 1. Text and blobs are copied by SQLite,
  // so the arguments need not outlive the call.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  // Binds `text`, or NULL when it is empty.
  Statement& BindOrNull(int index, std::string_view text);

  // Runs one step: true when a row is ready to read, false when the
  // statement is done. A failure carries SQLite's message.
  Result<bool> Step();
  // Steps until done, ignoring rows, then resets for the next use.
  Status Run();
  // Makes the statement ready to run again and clears its bindings.
  void Reset();

  // Columns of the current row, numbered from 0. NULL reads as 0 or "".
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  std::string_view Blob(int col) const;  // valid until the next Step()
  bool IsNull(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// One connection. Not thread-safe: each thread opens its own (SQLite in WAL
// mode lets readers run beside the one writer).
class Database {
 public:
  enum class Mode {
    kCreate,    // create the file when it does not exist
    kExisting,  // NotFound when the file does not exist
  };

  // Opens `path` with foreign keys on and a busy timeout, so a second
  // process waits for the writer instead of failing at once. Opening writes
  // nothing to an existing file (UseWal() is the first write), so a file
  // that turns out not to be a ledger is left as it was. NotFound names the
  // path and says how to create a ledger, or names a folder that does not
  // exist; IOError when SQLite cannot open it.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  // Prepares `sql`; InvalidArgument with SQLite's message when it does not
  // compile.
  Result<Statement> Prepare(std::string_view sql);
  // A statement prepared once per connection and kept: the pointer stays
  // valid until the Database is destroyed. Reset before it is returned.
  Result<Statement*> Cached(std::string_view sql);
  // The first column of the first row of `sql` (0 when there is no row).
  Result<int64_t> QueryInt(std::string_view sql);

  // Switches the file to WAL journaling (kept in the file, so a no-op
  // after the first time): queries read while an ingest writes, and a
  // killed writer loses only its open transaction.
  Status UseWal();

  // True when this process cannot write the file or the folder holding it
  // (SQLite needs the folder for its journal, -wal and -shm files).
  bool read_only() const { return read_only_; }
  // Why read_only() is true, for messages: "the file is read-only" or
  // "its folder ... is read-only"; empty when it is writable.
  const std::string& read_only_reason() const { return read_only_reason_; }
  // The Status for a read that failed because the ledger is read_only().
  Status CannotRead() const;

  int64_t LastInsertId() const;
  int64_t Changes() const;  // rows changed by the last statement
  bool InTransaction() const;
  const std::string& path() const { return path_; }

  // A Status for SQLite result code `rc`, naming the file and `what` was
  // being done. Corruption for a damaged file, IOError otherwise.
  Status Error(int rc, std::string_view what) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  bool read_only_ = false;
  std::string read_only_reason_;
  std::map<std::string, Statement, std::less<>> cache_;  // keyed by SQL text
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_DATABASE_H_
