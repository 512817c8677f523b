// The full-text index (claims_fts), filled in bulk. Since migration 0006
// no trigger indexes a claim as it is inserted: the writer indexes the
// claims above claims_fts_state.indexed_through many at a time, with one
// INSERT ... SELECT, which costs a fraction of indexing them one by one.
#ifndef QUOTELEDGER_LEDGER_FTS_INDEX_H_
#define QUOTELEDGER_LEDGER_FTS_INDEX_H_

#include <cstdint>

#include "ledger/database.h"
#include "quoteledger/status.h"

namespace quoteledger {

// Claims a Ledger lets wait before it indexes them inside a batch's
// transaction; the rest wait for FinishRun(). Large enough that indexing is
// done in bulk, small enough that a long ingest keeps search fresh and a
// killed one leaves little pending.
constexpr int64_t kFtsBatchClaims = 50000;

// How many claims are not yet in the index (ids above indexed_through).
Result<int64_t> PendingFtsClaims(Database& db);

// Indexes every pending claim (text, and the speaker's entity name or the
// source as written) and moves indexed_through to the largest claim id.
// Runs inside the open transaction if there is one, else in its own
// (BEGIN IMMEDIATE, so it waits for other writers). All or nothing.
Status IndexPendingClaims(Database& db);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_FTS_INDEX_H_
