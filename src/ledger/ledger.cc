// Ledger: opening, runs, batches and counts. The per-document write path is
// in ledger_writer.cc.
#include "ledger/ledger.h"

#include <fmt/format.h>

#include "ledger/fts_index.h"
#include "ledger/migrations.h"

namespace quoteledger {

namespace {

// A Status for a ledger this process cannot write, saying what needs it.
Status ReadOnlyError(const Database& db, std::string_view needs) {
  return Status::IOError(fmt::format(
      "{}: {} needs to write the ledger, but {}; it was left unchanged. Make it writable, or "
      "copy the ledger to a writable folder and point --db at the copy",
      db.path(), needs, db.read_only_reason()));
}

// Everything is read and checked before the first write (WAL, then the
// migrations), so a file that is not a usable ledger is left byte for byte
// as it was.
Status Prepare(Database& db, Ledger::OpenMode mode) {
  Result<std::vector<Migration>> migrations = BuiltinMigrations();
  if (!migrations.ok()) return migrations.status();
  int latest = migrations.value().empty() ? 0 : migrations.value().back().version;
  Result<LedgerFile> file = CheckLedgerFile(db, latest);
  if (!file.ok() && db.read_only() && file.status().code() == StatusCode::kIOError) {
    return db.CannotRead();
  }
  if (!file.ok()) return file.status();
  if (db.read_only()) {
    if (mode == Ledger::OpenMode::kCreate) return ReadOnlyError(db, "ingesting");
    if (file.value().fresh || file.value().version < latest) {
      return ReadOnlyError(db, fmt::format("bringing its schema from version {} to {}",
                                           file.value().version, latest));
    }
    return Status::Ok();  // queries read it as it is
  }
  Status s = db.UseWal();
  if (!s.ok()) return s;
  return Migrate(db, migrations.value());
}

}  // namespace

Result<std::unique_ptr<Ledger>> Ledger::Open(const std::string& path, OpenMode mode) {
  Result<std::unique_ptr<Database>> db = Database::Open(
      path, mode == OpenMode::kCreate ? Database::Mode::kCreate : Database::Mode::kExisting);
  if (!db.ok()) return db.status();
  Status s = Prepare(*db.value(), mode);
  if (!s.ok()) return s;
  return std::unique_ptr<Ledger>(new Ledger(std::move(db).value()));
}

Ledger::~Ledger() {
  // An open batch is committed only by Commit(); dropping the Ledger
  // without it rolls the batch back, as a crash would.
  if (db_ && db_->InTransaction()) (void)db_->Exec("ROLLBACK");
}

void Ledger::SetRun(RunSettings settings) {
  run_ = std::move(settings);
  run_id_ = 0;
}

Result<bool> Ledger::IsCurrent(const std::string& sha256) {
  Result<DocumentState> state = CurrentState(sha256);
  if (!state.ok()) return state.status();
  return state.value().same_rules;
}

Result<int64_t> Ledger::EnsureRun() {
  if (run_id_ != 0) return run_id_;
  if (run_.rule_set_sha256.empty()) {
    return Status::InvalidArgument("Ledger::Accept called before SetRun (a bug in the caller)");
  }
  Result<Statement*> st = db_->Cached(
      "INSERT INTO runs(engine_version, rule_set_sha256, options) VALUES (?1, ?2, ?3)");
  if (!st.ok()) return st.status();
  st.value()->Bind(1, run_.engine_version).Bind(2, run_.rule_set_sha256).Bind(3, run_.options_json);
  Status s = st.value()->Run();
  if (!s.ok()) return s;
  run_id_ = db_->LastInsertId();
  return run_id_;
}

Status Ledger::Commit() {
  entity_ids_.clear();
  if (!db_->InTransaction()) return Status::Ok();
  // Once enough claims wait, they are indexed in this batch's transaction:
  // in bulk, and never apart from the claims they index.
  bool index = counts_.claims_added - claims_indexed_ >= kFtsBatchClaims;
  Status s = index ? IndexPendingClaims(*db_) : Status::Ok();
  if (s.ok()) s = db_->Exec("COMMIT");
  if (!s.ok()) {
    // The batch is lost, and with it a run row written inside it and its
    // counts.
    (void)db_->Exec("ROLLBACK");
    run_id_ = 0;
    counts_ = committed_;
    return s;
  }
  if (index) claims_indexed_ = counts_.claims_added;
  committed_ = counts_;
  return s;
}

Status Ledger::FinishRun() {
  Status s = Commit();
  if (!s.ok()) return s;
  // Every pending claim, this run's and any a killed run left, goes into
  // the full-text index now, in one transaction of its own.
  Result<int64_t> pending = PendingFtsClaims(*db_);
  if (!pending.ok()) return pending.status();
  if (pending.value() > 0) s = IndexPendingClaims(*db_);
  if (!s.ok()) return s;
  claims_indexed_ = counts_.claims_added;
  if (run_id_ == 0) return s;
  Result<Statement*> st = db_->Cached(
      "UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1");
  if (!st.ok()) return st.status();
  s = st.value()->Bind(1, run_id_).Run();
  if (!s.ok()) return s;
  return ReconcileIdentity().status();
}

Status Ledger::SetCacheSize(int kib) {
  return db_->Exec(fmt::format("PRAGMA cache_size = -{}", kib));
}

Result<const NameParser*> Ledger::name_parser() {
  if (!name_parser_) {
    Result<NameParser> parser = NameParser::LoadBuiltin();
    if (!parser.ok()) return parser.status();
    name_parser_ = std::make_unique<NameParser>(std::move(parser).value());
  }
  return name_parser_.get();
}

Result<IdentityChanges> Ledger::ReconcileIdentity() {
  Result<const NameParser*> parser = name_parser();
  if (!parser.ok()) return parser.status();
  entity_ids_.clear();  // names may move to other entities
  return quoteledger::ReconcileIdentity(*db_, *parser.value());
}

Result<LedgerStats> Ledger::Stats() {
  Result<Statement> st = db_->Prepare(
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM runs),"
      " (SELECT count(*) FROM claims WHERE superseded_by_run IS NULL),"
      " (SELECT count(*) FROM claims WHERE superseded_by_run IS NOT NULL),"
      " (SELECT count(*) FROM entities), (SELECT count(*) FROM entity_aliases),"
      " (SELECT count(*) FROM roles WHERE superseded_by_run IS NULL),"
      " (SELECT coalesce(sum(size), 0) FROM documents)");
  if (!st.ok()) return st.status();
  Statement& q = st.value();
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  LedgerStats s;
  s.documents = q.Int(0);
  s.runs = q.Int(1);
  s.claims = q.Int(2);
  s.claims_superseded = q.Int(3);
  s.entities = q.Int(4);
  s.aliases = q.Int(5);
  s.roles = q.Int(6);
  s.bytes = q.Int(7);
  Result<int64_t> version = db_->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  s.schema_version = static_cast<int>(version.value());
  return s;
}

std::string SpansToJson(const std::vector<Span>& spans) {
  std::string out = "[";
  for (Span s : spans) {
    if (out.size() > 1) out += ',';
    out += fmt::format("[{},{}]", s.begin, s.end);
  }
  return out + "]";
}

std::string JoinSpans(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  for (Span s : spans) {
    if (!out.empty()) out += " … ";
    if (s.end <= text.size() && s.begin <= s.end) out += s.Of(text);
  }
  return out;
}

}  // namespace quoteledger
