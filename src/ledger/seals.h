// Seals: tamper evidence for the ledger (schema/0005_provenance_seals.sql).
// A seal is the SHA-256 of a row's provenance columns as stored, each
// column written with its length so no two rows give the same bytes; a
// run's extractions are chained, each link covering the one before. The
// writer seals rows right after inserting them, reading them back with the
// same queries `verify` uses, so the two cannot disagree on what a value
// is.
#ifndef QUOTELEDGER_LEDGER_SEALS_H_
#define QUOTELEDGER_LEDGER_SEALS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/database.h"
#include "quoteledger/status.h"

namespace quoteledger {

// Queries whose rows a seal is computed from. Column 0 is the row's id,
// then come the sealed columns, then the stored seal (NULL if none) and, for
// claims and roles, the document id. Each ends in "WHERE " for the caller
// to complete (the writer selects one extraction's rows, `verify` all).
//  documents: sha256, name, url, external_id, title, publisher,
//             published_at, size, article_date, date_source
//  claims:    document sha256, run, seq, kind, content spans and text,
//             source and cue spans and texts, speaker name, role title and
//             affiliation, rule, stage, confidence
//  roles:     document sha256, run, person name, title, affiliation,
//             evidence span and text, stated_at
extern const char* const kDocumentSealSelect;  // ... FROM documents d WHERE
extern const char* const kClaimSealSelect;     // ... FROM claims c JOIN documents d ... WHERE
extern const char* const kRoleSealSelect;      // ... FROM roles r JOIN documents d ... WHERE
constexpr int kDocumentSealColumn = 11;
constexpr int kClaimSealColumn = 19;
constexpr int kClaimDocumentColumn = 20;
constexpr int kRoleSealColumn = 10;
constexpr int kRoleDocumentColumn = 11;

// The seal of the current row of a statement made from one of the above.
std::string DocumentSealOf(const Statement& row);
std::string ClaimSealOf(const Statement& row);
std::string RoleSealOf(const Statement& row);

// A run's chain link for one document: covers the previous link ("" for
// the run's first), the document's SHA-256 and the seals of the claims (in
// seq order) and roles (in id order) the run wrote for it.
std::string ChainLink(std::string_view previous, std::string_view document_sha256,
                      const std::vector<std::string>& claim_seals,
                      const std::vector<std::string>& role_seals);

// Seals what run `run_id` just wrote for document `document_id` inside the
// open transaction: the document's metadata when `new_document`, each
// claim and role, the extraction's chain link, and the run's head. Fails
// with the database's Status; the caller rolls the document back.
Status SealExtraction(Database& db, int64_t document_id, int64_t run_id, bool new_document);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_SEALS_H_
