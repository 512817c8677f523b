// Seals are computed from rows read back from the database, never from the
// values the writer meant to store, so an affinity conversion or a clamp
// cannot make the writer and `verify` disagree. Every column is written as
// a tag and its length before its bytes, so moving bytes from one column to
// the next changes the seal; NULL has a tag of its own. The one REAL column
// (confidence) is written in the shortest form that reads back to the same
// double, so an edit in its 17th digit is seen too.
#include "ledger/seals.h"

#include <fmt/format.h>

#include "quoteledger/document.h"

namespace quoteledger {

const char* const kDocumentSealSelect =
    "SELECT d.id, d.sha256, d.name, d.url, d.external_id, d.title, d.publisher, "
    "d.published_at, d.size, d.article_date, d.date_source, d.seal FROM documents d WHERE ";
const char* const kClaimSealSelect =
    "SELECT c.id, d.sha256, c.run_id, c.seq, c.kind, c.content_spans, c.content_text, "
    "c.source_begin, c.source_end, c.source_text, c.cue_begin, c.cue_end, c.cue_text, "
    "c.speaker_name, c.role_title, c.role_affiliation, c.rule_id, c.stage, c.confidence, "
    "c.seal, c.document_id FROM claims c JOIN documents d ON d.id = c.document_id WHERE ";
const char* const kRoleSealSelect =
    "SELECT r.id, d.sha256, r.run_id, r.person_name, r.title, r.affiliation, "
    "r.evidence_begin, r.evidence_end, r.evidence_text, r.stated_at, r.seal, r.document_id "
    "FROM roles r JOIN documents d ON d.id = r.document_id WHERE ";

namespace {

constexpr int kConfidenceColumn = 18;  // in kClaimSealSelect

// Columns [first, last] of the current row, tagged, under a name that
// keeps a claim's seal from ever equalling a role's.
std::string SealOf(std::string_view kind, const Statement& row, int first, int last,
                   int real_column = -1) {
  std::string bytes(kind);
  for (int col = first; col <= last; ++col) {
    if (row.IsNull(col)) {
      bytes += "n;";
    } else if (col == real_column) {
      bytes += fmt::format("r{};", row.Double(col));
    } else {
      std::string text = row.Text(col);
      bytes += fmt::format("s{}:", text.size());
      bytes += text;
    }
  }
  return Sha256Hex(bytes);
}

// Calls fn(row) for each row of `sql` bound to (document_id, run_id).
template <typename Fn>
Status EachRow(Database& db, const std::string& sql, int64_t document_id, int64_t run_id,
               Fn fn) {
  Result<Statement*> st = db.Cached(sql);
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  q.Bind(1, document_id);
  if (run_id != 0) q.Bind(2, run_id);
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok() || !row.value()) {
      q.Reset();
      return row.status();
    }
    fn(q);
  }
}

Status Store(Database& db, const char* sql, std::string_view seal, int64_t id,
             int64_t other = 0) {
  Result<Statement*> st = db.Cached(sql);
  if (!st.ok()) return st.status();
  st.value()->Bind(1, seal).Bind(2, id);
  if (other != 0) st.value()->Bind(3, other);
  return st.value()->Run();
}

struct Sealed {
  int64_t id;
  std::string seal;
};

}  // namespace

std::string DocumentSealOf(const Statement& row) { return SealOf("document-1", row, 1, 10); }
std::string ClaimSealOf(const Statement& row) {
  return SealOf("claim-1", row, 1, 18, kConfidenceColumn);
}
std::string RoleSealOf(const Statement& row) { return SealOf("role-1", row, 1, 9); }

std::string ChainLink(std::string_view previous, std::string_view document_sha256,
                      const std::vector<std::string>& claim_seals,
                      const std::vector<std::string>& role_seals) {
  std::string bytes = fmt::format("link-1 {} {} claims {}", previous, document_sha256,
                                  claim_seals.size());
  for (const std::string& s : claim_seals) bytes += " " + s;
  bytes += fmt::format(" roles {}", role_seals.size());
  for (const std::string& s : role_seals) bytes += " " + s;
  return Sha256Hex(bytes);
}

Status SealExtraction(Database& db, int64_t document_id, int64_t run_id, bool new_document) {
  std::string sha256;
  std::vector<Sealed> documents, claims, roles;
  Status s = EachRow(db, std::string(kDocumentSealSelect) + "d.id = ?1", document_id, 0,
                     [&](const Statement& q) {
                       sha256 = q.Text(1);
                       documents.push_back({q.Int(0), DocumentSealOf(q)});
                     });
  if (s.ok()) {
    s = EachRow(db, std::string(kClaimSealSelect) + "c.document_id = ?1 AND c.run_id = ?2 "
                "ORDER BY c.seq, c.id", document_id, run_id,
                [&](const Statement& q) { claims.push_back({q.Int(0), ClaimSealOf(q)}); });
  }
  if (s.ok()) {
    s = EachRow(db, std::string(kRoleSealSelect) + "r.document_id = ?1 AND r.run_id = ?2 "
                "ORDER BY r.id", document_id, run_id,
                [&](const Statement& q) { roles.push_back({q.Int(0), RoleSealOf(q)}); });
  }
  if (!s.ok()) return s;
  if (new_document) {
    for (const Sealed& d : documents) {
      s = Store(db, "UPDATE documents SET seal = ?1 WHERE id = ?2", d.seal, d.id);
      if (!s.ok()) return s;
    }
  }
  std::vector<std::string> claim_seals, role_seals;
  for (const Sealed& c : claims) {
    s = Store(db, "UPDATE claims SET seal = ?1 WHERE id = ?2", c.seal, c.id);
    if (!s.ok()) return s;
    claim_seals.push_back(c.seal);
  }
  for (const Sealed& r : roles) {
    s = Store(db, "UPDATE roles SET seal = ?1 WHERE id = ?2", r.seal, r.id);
    if (!s.ok()) return s;
    role_seals.push_back(r.seal);
  }
  Result<Statement*> head = db.Cached("SELECT coalesce(seal_head, '') FROM runs WHERE id = ?1");
  if (!head.ok()) return head.status();
  Result<bool> row = head.value()->Bind(1, run_id).Step();
  if (!row.ok()) return row.status();
  std::string previous = row.value() ? head.value()->Text(0) : "";
  head.value()->Reset();
  std::string link = ChainLink(previous, sha256, claim_seals, role_seals);
  s = Store(db, "UPDATE extractions SET seal = ?1 WHERE document_id = ?2 AND run_id = ?3", link,
            document_id, run_id);
  if (s.ok()) s = Store(db, "UPDATE runs SET seal_head = ?1 WHERE id = ?2", link, run_id);
  return s;
}

}  // namespace quoteledger
