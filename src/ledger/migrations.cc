// Migrations are applied by number, never by name, so renaming a file does
// not re-run it; the numbers are checked once for gaps.
#include "ledger/migrations.h"

#include <charconv>

#include <fmt/format.h>

#include "ledger/document_dates.h"
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

// The C++ half of the migrations that have one, by number.
struct AfterSql {
  int version;
  Status (*run)(Database& db);
};
constexpr AfterSql kAfterSql[] = {
    {3, &DateStoredDocuments},  // 0003_article_dates.sql: date the documents stored before it
};

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
    for (const AfterSql& a : kAfterSql) {
      if (a.version == version) out.back().after = a.run;
    }
  }
  return out;
}

int LatestSchemaVersion() { return static_cast<int>(SchemaFiles().size()); }

namespace {

// A fresh ledger is an empty file. A database that already has tables but
// no schema version belongs to some other program: leave it alone. One
// statement reads both, so a migration committed meanwhile by another
// process is seen whole or not at all.
Status CheckNotForeign(Database& db) {
  Result<int64_t> tables = db.QueryInt(
      "SELECT count(*) FROM sqlite_schema "
      "WHERE (SELECT user_version FROM pragma_user_version) = 0");
  if (!tables.ok()) return tables.status();
  if (tables.value() == 0) return Status::Ok();
  return Status::InvalidArgument(fmt::format(
      "{}: a SQLite database but not a quoteledger ledger (it has tables and no schema "
      "version); point --db at a ledger or at a new file",
      db.path()));
}

// Applies `m` with its user_version in one transaction, unless another
// process got there first. BEGIN IMMEDIATE takes the write lock before the
// version is read again, so two processes opening a new ledger at once do
// not both apply it.
Status Apply(Database& db, const Migration& m) {
  Status s = db.Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  Result<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok() || version.value() >= m.version) {
    (void)db.Exec("ROLLBACK");  // only read inside; nothing to undo
    return version.status();
  }
  s = db.Exec(m.sql);
  if (s.ok() && m.after != nullptr) s = m.after(db);
  if (s.ok()) s = db.Exec(fmt::format("PRAGMA user_version = {}", m.version));
  if (s.ok()) s = db.Exec("COMMIT");
  if (s.ok()) return s;
  (void)db.Exec("ROLLBACK");  // the failure to report is s
  if (s.code() == StatusCode::kCorruption) return s;
  return Status::IOError(fmt::format("applying {}: {}", m.name, s.message()));
}

}  // namespace

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
  Status s = CheckNotForeign(db);
  for (const Migration& m : migrations) {
    if (!s.ok()) break;
    if (m.version > current.value()) s = Apply(db, m);
  }
  return s;
}

}  // namespace quoteledger
