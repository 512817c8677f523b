// Verify: checks that a ledger is whole and consistent, beyond what SQLite's
// own constraints enforce, and says what is wrong in words a person can act
// on.
#ifndef QUOTELEDGER_LEDGER_VERIFY_H_
#define QUOTELEDGER_LEDGER_VERIFY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ledger/ledger.h"
#include "quoteledger/status.h"

namespace quoteledger {

struct VerifyReport {
  std::vector<std::string> problems;  // empty when the ledger is sound
  // What could not be checked, not a problem: rows stored before seals
  // existed (schema 5) cannot be checked for edits made after ingest.
  std::vector<std::string> notes;
  int64_t documents = 0;              // how many were checked
  int64_t claims = 0;
  int64_t roles = 0;
  // This process cannot write the ledger. Every check still runs but
  // FTS5's own integrity check, which SQLite runs as a write; the FTS
  // checks written as queries still compare the index with the claims.
  bool read_only = false;
  bool ok() const { return problems.empty(); }
};

// Runs every check and collects what fails:
//  - SQLite's integrity_check and foreign_key_check, and the schema version;
//  - each document's text is there, has the stored size and SHA-256;
//  - each document has exactly one current extraction, whose claim count
//    matches its current claims, all from that extraction's run;
//  - each claim's and role's spans lie within its document, and the stored
//    texts are exactly those bytes;
//  - the full-text index holds exactly the claims, with their current text
//    and speaker, and passes FTS5's own integrity check;
//  - nothing was edited after ingest (ledger/seals.h): each document's
//    metadata, claim and role matches its seal, and each run's chain of
//    extractions is whole (no claim or role added or removed). Rows ingested
//    before seals existed are counted in `notes`, not `problems`.
// At most `max_per_check` problems are listed per check (then a count).
// A failed Status means the checks themselves could not run (an unreadable
// file), not that the ledger has problems.
Result<VerifyReport> Verify(Ledger& ledger, size_t max_per_check = 20);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_VERIFY_H_
