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

// The tables 0001_init.sql makes. A file with all of them is a ledger
// (perhaps from before kLedgerApplicationId was set); one with tables but
// not these belongs to some other program.
constexpr const char* kCoreTables =
    "'documents', 'document_texts', 'runs', 'extractions', 'claims'";

std::string ForeignMessage(const Database& db, int64_t user_version, int64_t app_id,
                           int64_t tables) {
  std::string what =
      app_id != 0 ? fmt::format("its application_id is {:#x}", app_id)
                  : fmt::format("it has {} table(s) and user_version {} but not quoteledger's tables",
                                tables, user_version);
  return fmt::format(
      "{}: a SQLite database of another program, not a quoteledger ledger ({}); it was left "
      "unchanged. Point --db at a ledger, or at a new file to make one",
      db.path(), what);
}

}  // namespace

Result<LedgerFile> CheckLedgerFile(Database& db, int latest) {
  // One statement reads everything, so a migration committed meanwhile by
  // another process is seen whole or not at all.
  Result<Statement> st = db.Prepare(fmt::format(
      "SELECT (SELECT user_version FROM pragma_user_version), "
      "(SELECT application_id FROM pragma_application_id), "
      "(SELECT count(*) FROM sqlite_schema), "
      "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ({}))",
      kCoreTables));
  if (!st.ok()) return st.status();
  Result<bool> row = st.value().Step();
  if (!row.ok()) return row.status();
  int64_t version = st.value().Int(0), app_id = st.value().Int(1);
  int64_t objects = st.value().Int(2), core = st.value().Int(3);
  bool ours = app_id == 0 || app_id == kLedgerApplicationId;
  if (ours && objects == 0 && version == 0) return LedgerFile{true, 0};
  if (!ours || core != 5 || version == 0) {
    return Status::InvalidArgument(ForeignMessage(db, version, app_id, objects));
  }
  if (version > latest) {
    return Status::InvalidArgument(fmt::format(
        "{}: the ledger has schema version {} but this quoteledger knows only up to {}; it was "
        "left unchanged: use a newer quoteledger",
        db.path(), version, latest));
  }
  return LedgerFile{false, static_cast<int>(version)};
}

namespace {

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
  if (s.ok() && m.version == 1) {
    s = db.Exec(fmt::format("PRAGMA application_id = {}", kLedgerApplicationId));
  }
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
  int latest = migrations.empty() ? 0 : migrations.back().version;
  Result<LedgerFile> file = CheckLedgerFile(db, latest);
  if (!file.ok()) return file.status();
  Status s;
  for (const Migration& m : migrations) {
    if (!s.ok()) break;
    if (m.version > file.value().version) s = Apply(db, m);
  }
  return s;
}

}  // namespace quoteledger
