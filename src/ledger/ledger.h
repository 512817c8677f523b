// Ledger: the SQLite quote database. Opening one creates or migrates its
// schema; as a ClaimSink it stores each document's attribution with its
// provenance, in batched transactions; queries (ledger/queries.h) and
// checks (ledger/verify.h) read it back.
#ifndef QUOTELEDGER_LEDGER_LEDGER_H_
#define QUOTELEDGER_LEDGER_LEDGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "ledger/database.h"
#include "ledger/identity.h"
#include "ledger/name_key.h"
#include "quoteledger/claim.h"
#include "quoteledger/document.h"
#include "quoteledger/status.h"

namespace quoteledger {

// What identifies the rules that made a set of claims.
struct RunSettings {
  std::string engine_version;   // Extractor::Version()
  std::string rule_set_sha256;  // Extractor::RuleSetHash()
  std::string options_json = "{}";  // how the run was invoked, for people
};

// What Accept() has done since the Ledger was opened.
struct IngestCounts {
  int64_t documents_new = 0;          // bytes never seen before
  int64_t documents_unchanged = 0;    // already extracted with the same engine and rules
  int64_t documents_reextracted = 0;  // extracted before with other rules: older superseded
  int64_t claims_added = 0;
  int64_t claims_superseded = 0;
};

// Counts over the whole ledger. claims and roles count current rows only
// (not superseded by a later run).
struct LedgerStats {
  int64_t documents = 0;
  int64_t runs = 0;
  int64_t claims = 0;
  int64_t claims_superseded = 0;
  int64_t entities = 0;
  int64_t aliases = 0;
  int64_t roles = 0;
  int64_t bytes = 0;  // total size of the documents
  int schema_version = 0;
};

class Ledger : public ClaimSink {
 public:
  enum class OpenMode {
    kCreate,    // create the file and its schema when missing
    kExisting,  // NotFound (saying how to make one) when the file is missing
  };

  // Opens the ledger at `path` and applies any migrations it lacks. Fails
  // with NotFound (no file in kExisting mode, or no such folder), IOError
  // (cannot read it; or cannot write it in kCreate mode or to migrate it),
  // Corruption (not a SQLite file) or InvalidArgument (another program's
  // SQLite database, or a ledger from a newer quoteledger), each naming the
  // path; on every failure the file is left unchanged. A ledger this process
  // cannot write opens in kExisting mode for reading (db().read_only()).
  static Result<std::unique_ptr<Ledger>> Open(const std::string& path, OpenMode mode);
  ~Ledger() override;

  // Sets the engine and rules the following Accept() calls record. No run
  // row is written until a document actually needs one, so ingesting
  // nothing new leaves the ledger unchanged.
  void SetRun(RunSettings settings);

  // True when the document with these bytes is in the ledger and its
  // current claims were made by the engine and rules of SetRun(), so
  // extracting it again would change nothing. Reads committed data only
  // from other connections; safe to call on a second Ledger opened on the
  // same file while this one writes.
  Result<bool> IsCurrent(const std::string& sha256);

  // Stores `doc` and its attribution inside the open batch transaction
  // (beginning one if needed). New bytes: the document, its text, entities,
  // aliases, roles and claims are inserted. Same bytes and same rules:
  // nothing is written. Same bytes, other rules: a new run's claims and
  // roles are inserted and the older ones marked superseded, never deleted.
  // Each document is all or nothing: on failure its writes are undone, the
  // batch so far is kept, and the Status says what failed.
  Status Accept(const Document& doc, const Attribution& result) override;

  // Commits the open batch, if any. After a crash, everything committed is
  // there and nothing of an uncommitted batch is. New claims wait for the
  // full-text index (ledger/fts_index.h) until kFtsBatchClaims of them
  // have been written; then this commit indexes them too.
  Status Commit();
  // Commits, indexes every claim still waiting for the full-text index
  // (any a killed ingest left too), then stamps the run's finished_at (if a
  // run was written) and reconciles identity across the ledger
  // (ledger/identity.h), so the new names join their entities and people's
  // decisions hold for them. Call it at the end of every ingest: until
  // then a phrase search does not find the run's latest claims.
  Status FinishRun();

  // ReconcileIdentity on this ledger, in the open transaction if any.
  Result<IdentityChanges> ReconcileIdentity();
  // The name parser, loaded on first use and kept.
  Result<const NameParser*> name_parser();

  // What Accept() has done, the open batch included.
  const IngestCounts& counts() const { return counts_; }
  // What is stored: counts() as of the last successful Commit(). A batch
  // whose commit fails (a full disk) is rolled back and not counted here,
  // so a summary made from these says what the ledger holds.
  const IngestCounts& committed_counts() const { return committed_; }
  int64_t run_id() const { return run_id_; }  // 0 until a run row exists
  Result<LedgerStats> Stats();

  // Caps SQLite's page cache for this connection at `kib` KiB (Database
  // opens with 16 MiB, for queries). A bulk writer appends, so a small
  // cache costs it little and keeps its memory flat as the ledger grows.
  Status SetCacheSize(int kib);

  Database& db() { return *db_; }
  const std::string& path() const { return db_->path(); }

 private:
  explicit Ledger(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  struct DocumentState {
    int64_t id = 0;           // 0 when the bytes are not in the ledger
    bool same_rules = false;  // its current extraction used run_'s engine and rules
  };
  Result<DocumentState> CurrentState(const std::string& sha256);
  Status AcceptInSavepoint(const Document& doc, const Attribution& result);
  Result<int64_t> EnsureRun();
  Result<int64_t> InsertDocument(const Document& doc);
  Result<int64_t> Supersede(int64_t document_id, int64_t run_id);
  Result<int64_t> EntityId(const std::string& name, EntityKind kind, const std::string& gender);
  Result<int64_t> NewName(const std::string& name, const std::string& kind,
                          const std::string& gender);
  Status InsertEntities(const Attribution& result);
  Status InsertRoles(const Document& doc, int64_t document_id, const Attribution& result);
  Status InsertClaims(const Document& doc, int64_t document_id, const Attribution& result);
  Status InsertClaim(const Document& doc, int64_t document_id, int seq, const Claim& c);

  std::unique_ptr<Database> db_;
  RunSettings run_;
  int64_t run_id_ = 0;
  IngestCounts counts_;
  IngestCounts committed_;
  int64_t claims_indexed_ = 0;  // counts_.claims_added when this Ledger last indexed
  // name (as stored) -> entity id, for the open batch only, so memory stays
  // bounded by the batch; cleared on commit and on rollback.
  std::unordered_map<std::string, int64_t> entity_ids_;
  std::unique_ptr<NameParser> name_parser_;
};

// The JSON text stored in claims.content_spans: [[begin, end], ...].
std::string SpansToJson(const std::vector<Span>& spans);
// The content text stored for a claim: the spans' bytes joined with " … ".
std::string JoinSpans(std::string_view text, const std::vector<Span>& spans);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_LEDGER_H_
