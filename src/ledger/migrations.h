// Migrations: bring a ledger's schema up to the version this program was
// built with. A migration is schema/NNNN_name.sql; the ledger's PRAGMA
// user_version holds the number of the last one applied.
#ifndef QUOTELEDGER_LEDGER_MIGRATIONS_H_
#define QUOTELEDGER_LEDGER_MIGRATIONS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "ledger/database.h"
#include "quoteledger/status.h"

namespace quoteledger {

struct Migration {
  int version = 0;        // NNNN from the file name
  std::string_view name;  // "schema/0001_init.sql"
  std::string_view sql;
  // Work the migration needs beyond its SQL (filling a new column from
  // what only C++ can compute), run after it in the same transaction; or
  // null.
  Status (*after)(Database& db) = nullptr;
};

// The built-in migrations in order. Corruption (a build mistake) when the
// numbers are not 1, 2, 3 ... with no gap.
Result<std::vector<Migration>> BuiltinMigrations();

// The version a fully migrated ledger has.
int LatestSchemaVersion();

// PRAGMA application_id of a ledger made by this or a later quoteledger
// ("QLed"; ledgers made before it was set have 0 and are known by their
// tables).
inline constexpr int64_t kLedgerApplicationId = 0x514C6564;

// What CheckLedgerFile found.
struct LedgerFile {
  bool fresh = false;  // an empty database: migrating makes it a ledger
  int version = 0;     // the ledger's schema version (0 when fresh)
};

// Reads, and only reads, whether `db` is a new empty file or a ledger this
// program can use, before anything is written to it. InvalidArgument, saying
// the file was left unchanged, for another program's SQLite database (at any
// user_version) and for a ledger with a schema newer than `latest`.
Result<LedgerFile> CheckLedgerFile(Database& db, int latest);

// Applies, in order, each migration newer than the ledger's user_version,
// each in its own transaction together with the new user_version, so a
// crash leaves the ledger at the last whole migration. Fails as
// CheckLedgerFile does, first, for what is not a ledger this program knows.
Status Migrate(Database& db, const std::vector<Migration>& migrations);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_MIGRATIONS_H_
