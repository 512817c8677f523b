// Query rows as records: the JSON objects that `who`, `quotes`, `speakers`,
// `roles`, `show` and `stats` print as tables, CSV or JSON. Keys are the
// column names, in the order a table shows them; spans are [[begin, end]]
// in UTF-8 bytes of the article.
#ifndef QUOTELEDGER_REPORT_RECORDS_H_
#define QUOTELEDGER_REPORT_RECORDS_H_

#include <vector>

#include <nlohmann/json.hpp>

#include "ledger/ledger.h"
#include "ledger/queries.h"

namespace quoteledger {

// One claim: id, speaker, speaker_kind, role, affiliation, kind, date,
// date_source, article, title, publisher, sha256, content, text, source,
// source_text, cue, cue_text, rule, stage, confidence, run, superseded. The
// claim's own fields have extract's names and values (content, source and
// cue are span lists, [] when there is none; role is the title alone).
nlohmann::ordered_json ClaimRecord(const ClaimRow& row);
nlohmann::ordered_json ClaimRecords(const std::vector<ClaimRow>& rows);

// The same records as a table shows them to people: role with its
// affiliation ("Prime Minister (Israel)"), an unresolved speaker marked
// "(unresolved)". JSON and CSV print ClaimRecords as they are.
nlohmann::ordered_json ClaimTableRecords(const nlohmann::ordered_json& records);

// `value` as JSON prints it: each object of an array (or the object
// itself) with "schema": kOutputSchema as its first key. Tables and CSV
// leave the version out.
nlohmann::ordered_json WithSchema(const nlohmann::ordered_json& value);

// One speaker: speaker, kind, claims, direct, mixed, partial, indirect,
// according_to (those claims by kind), articles, roles, aliases,
// first_seen, last_seen, identity (IdentityLabel).
nlohmann::ordered_json SpeakerRecords(const std::vector<SpeakerRow>& rows);

// How the entity's identity was settled, for people: "curated" when a
// person's decision shaped it, its note when it stands apart ("surname
// only; not linked: ..."), else "" (merged automatically by name, or one
// name).
std::string IdentityLabel(const EntityRow& entity);

// One role: person, role, title, affiliation, article, date, sha256,
// evidence_span, evidence, superseded.
nlohmann::ordered_json RoleRecords(const std::vector<RoleRow>& rows);

// One document: sha256, name, title, publisher, url, id, date,
// date_source, published_at (as given), ingested_at, size.
nlohmann::ordered_json DocumentRecord(const DocumentRow& doc);

// One article a row of ListArticles: article (its stored name: a path, a
// JSON id or url, or file:line), title, date, date_source, publisher, url,
// id (the id its JSON Lines gave, or ""), claims, sha256, size.
nlohmann::ordered_json ArticleRecords(const std::vector<ArticleRow>& rows);

// The ledger's counts: documents, runs, claims, claims_superseded,
// entities, aliases, roles, bytes, schema_version.
nlohmann::ordered_json StatsRecord(const LedgerStats& stats);

}  // namespace quoteledger

#endif  // QUOTELEDGER_REPORT_RECORDS_H_
