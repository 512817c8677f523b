// Bulk indexing. Claims get ids in commit order and are never renumbered,
// so "above indexed_through" is exactly "not yet indexed", whichever
// process wrote them; the watermark moves in the same transaction as the
// rows it covers, so a crash leaves the two in step. A pending claim that
// is somehow in the index already (put there by hand) is skipped rather
// than failing every later ingest on a duplicate rowid.
#include "ledger/fts_index.h"

namespace quoteledger {

Result<int64_t> PendingFtsClaims(Database& db) {
  return db.QueryInt(
      "SELECT count(*) FROM claims WHERE id > (SELECT indexed_through FROM claims_fts_state)");
}

namespace {

Status IndexInTransaction(Database& db) {
  Status s = db.Exec(
      "INSERT INTO claims_fts(rowid, text, speaker) "
      "SELECT c.id, c.content_text, coalesce(e.name, c.source_text) FROM claims c "
      "LEFT JOIN entities e ON e.id = c.speaker_id "
      "WHERE c.id > (SELECT indexed_through FROM claims_fts_state) AND c.id NOT IN "
      "(SELECT rowid FROM claims_fts WHERE rowid > (SELECT indexed_through FROM claims_fts_state)) "
      "ORDER BY c.id");
  if (!s.ok()) return s;
  // Never backwards. quoteledger never deletes claims; should someone
  // delete the last one by hand and a new claim reuse its id, `verify`
  // reports that claim as missing from the index.
  return db.Exec(
      "UPDATE claims_fts_state SET indexed_through = "
      "max(indexed_through, (SELECT coalesce(max(id), 0) FROM claims))");
}

}  // namespace

Status IndexPendingClaims(Database& db) {
  if (db.InTransaction()) return IndexInTransaction(db);
  Status s = db.Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  s = IndexInTransaction(db);
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) (void)db.Exec("ROLLBACK");  // s is what to report
  return s;
}

}  // namespace quoteledger
