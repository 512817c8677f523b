// Dating the documents already in a ledger: the work migration 0003 needs
// beyond its SQL, since finding a dateline in an article takes the date
// finder of text/article_date.h.
#ifndef QUOTELEDGER_LEDGER_DOCUMENT_DATES_H_
#define QUOTELEDGER_LEDGER_DOCUMENT_DATES_H_

#include <string_view>

#include "ledger/database.h"
#include "quoteledger/status.h"

namespace quoteledger {

// Sets documents.article_date and date_source for every document that has
// no date_source yet, from its stored published_at, bytes and name (taken
// as a file name only when the document was read from a file of its own:
// no JSON id or url, and not a "file:line" of JSON Lines or "-"), and sets
// each current or superseded role's stated_at to its article's date. Runs
// inside the caller's transaction; on failure the caller rolls back.
Status DateStoredDocuments(Database& db);

// True when a stored document name is a path to a file holding that one
// article, as ingest stores .txt inputs; false for "-" and for
// "corpus.jsonl:12", the name of a JSON Lines record without id or url.
bool IsStoredFileName(std::string_view name);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_DOCUMENT_DATES_H_
