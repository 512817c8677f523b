// Migrations are applied by number, never by name, so renaming a file does
// not re-run it; the numbers are checked once for gaps.
#include "ledger/migrations.h"

#include <charconv>

#include <fmt/format.h>

#include "ledger/schema_data.h"

namespace quoteledger {
namespace {

// "schema/0012_roles.sql" -> 12, or 0 when the name has no number.
int VersionOf(std::string_view name) {
  size_t slash = name.rfind('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  int version = 0;
  auto [end, ec] = std::from_chars(base.data(), base.data() + base.size(), version);
  if (ec != std::errc() || end == base.data() || *end != '_') return 0;
  return version;
}

}  // namespace

Result<std::vector<Migration>> BuiltinMigrations() {
  std::vector<Migration> out;
  for (const SchemaFile& f : SchemaFiles()) {
    int version = VersionOf(f.name);
    if (version != static_cast<int>(out.size()) + 1) {
      return Status::Corruption(fmt::format(
          "{}: migration number {} out of order; expected {} (fix schema/meson.build)", f.name,
          version, out.size() + 1));
    }
    out.push_back({version, f.name, f.bytes});
  }
  return out;
}

int LatestSchemaVersion() { return static_cast<int>(SchemaFiles().size()); }

Status Migrate(Database& db, const std::vector<Migration>& migrations) {
  Result<int64_t> current = db.QueryInt("PRAGMA user_version");
  if (!current.ok()) return current.status();
  int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current.value() > latest) {
    return Status::InvalidArgument(fmt::format(
        "{}: the ledger has schema version {} but this quoteledger knows only up to {}; "
        "use a newer quoteledger",
        db.path(), current.value(), latest));
  }
  if (current.value() == 0) {
    // A fresh ledger is an empty file. A database that already has tables
    // but no schema version belongs to some other program: leave it alone.
    Result<int64_t> tables = db.QueryInt("SELECT count(*) FROM sqlite_schema");
    if (!tables.ok()) return tables.status();
    if (tables.value() > 0) {
      return Status::InvalidArgument(fmt::format(
          "{}: a SQLite database but not a quoteledger ledger (it has tables and no schema "
          "version); point --db at a ledger or at a new file",
          db.path()));
    }
  }
  for (const Migration& m : migrations) {
    if (m.version <= current.value()) continue;
    // BEGIN IMMEDIATE takes the write lock first, so two processes opening
    // a new ledger at once do not both apply the same migration.
    Status s = db.Exec("BEGIN IMMEDIATE");
    if (!s.ok()) return s;
    Result<int64_t> again = db.QueryInt("PRAGMA user_version");
    if (!again.ok() || again.value() >= m.version) {
      (void)db.Exec("ROLLBACK");  // only read inside; nothing to undo
      if (!again.ok()) return again.status();
      continue;
    }
    s = db.Exec(m.sql);
    if (s.ok()) s = db.Exec(fmt::format("PRAGMA user_version = {}", m.version));
    if (s.ok()) s = db.Exec("COMMIT");
    if (!s.ok()) {
      (void)db.Exec("ROLLBACK");  // the failure to report is s
      if (s.code() == StatusCode::kCorruption) return s;
      return Status::IOError(fmt::format("applying {}: {}", m.name, s.message()));
    }
  }
  return Status::Ok();
}

}  // namespace quoteledger
