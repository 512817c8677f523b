// Queries over the ledger: claims by phrase, speaker, kind, date and
// publisher; speakers; roles; documents. Each returns plain rows that the
// report layer renders. Speaker names match canonical names and aliases,
// case-insensitively ("blinken" finds Antony Blinken).
//
// An article's date is documents.article_date, found when it was first
// stored (see text/article_date.h) and never the ingest time; --since and
// --until, ordering and first/last seen all use it, and an article whose
// date is unknown passes no date bound and sorts last. Unless all_runs is
// set, only current claims and roles (not superseded by a later run) are
// returned.
#ifndef QUOTELEDGER_LEDGER_QUERIES_H_
#define QUOTELEDGER_LEDGER_QUERIES_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "ledger/ledger.h"
#include "quoteledger/claim.h"
#include "quoteledger/span.h"
#include "quoteledger/status.h"

namespace quoteledger {

struct DocumentRow {
  int64_t id = 0;
  std::string sha256;
  std::string name;  // path, JSON id or url, or file:line
  std::string url, external_id, title, publisher, published_at, ingested_at;
  std::string date;         // the article's date, YYYY-MM-DD, or "" when unknown
  std::string date_source;  // how it was found: published_at, dateline, file_name, or ""
  int64_t size = 0;
};

struct ClaimRow {
  int64_t id = 0;
  DocumentRow doc;  // id, sha256, name, title, publisher, date filled in
  int seq = 0;      // position among its run's claims in the document
  std::string kind;
  std::vector<Span> content;
  std::string text;       // content bytes joined with " … "
  std::string highlight;  // text with \x02 ... \x03 around phrase matches, or ""
  Span source, cue;
  std::string source_text, cue_text;
  std::string speaker;       // canonical name, or "" when unresolved
  std::string speaker_kind;  // person, organization, group, anonymous, unknown
  std::string role, affiliation;
  std::string rule_id;
  int stage = 0;
  double confidence = 0;
  int64_t run_id = 0;
  bool superseded = false;
};

struct ClaimFilter {
  std::string phrase;     // full-text phrase in the claim text, or ""
  bool fts_query = false; // phrase is an FTS5 query over columns text and speaker
  std::string speaker;    // the one entity this means (SelectEntity), or ""
  int64_t speaker_id = 0; // only this entity
  std::string kind;       // direct, mixed, partial, indirect, according_to, stance, or ""
  std::string since;      // article date >= this (a prefix like 2016-09 works)
  std::string until;      // article date <= this, compared on its length
  std::string publisher;  // exact, case-insensitive
  bool anonymous = false; // only anonymous sources
  double min_confidence = 0;  // only claims with at least this confidence (0..1)
  int64_t document_id = 0;  // only this document
  bool all_runs = false;    // include superseded claims
  int64_t limit = 0;        // 0: no limit
};

// Claims matching every given filter, ordered by article date, article and
// position. A speaker filter that names no entity gives no rows; one that
// could name several is InvalidArgument listing them. The
// phrase is searched as one phrase in the claim text, or, with fts_query,
// run as an FTS5 query ("speaker:netanyahu AND cease*"); InvalidArgument
// when a phrase holds no letter or digit or a query does not parse.
Result<std::vector<ClaimRow>> FindClaims(Ledger& ledger, const ClaimFilter& filter);

struct EntityRow {
  int64_t id = 0;
  std::string name, kind, gender;
  std::vector<std::string> aliases;
  bool curated = false;        // a person's decision shaped it (ledger/entities.h)
  std::string identity_note;   // why it stands apart ("surname only; ..."), or ""
};

// Entities whose canonical name or an alias equals `name` (ignoring ASCII
// case); when none does, those with `name` as whole words of their
// canonical name ("Harris" finds Kamala Harris). By name.
Result<std::vector<EntityRow>> MatchEntities(Ledger& ledger, const std::string& name);

// Claims counted by kind, indexed by ClaimKind (direct, mixed, partial,
// indirect, according_to, stance).
using KindCounts = std::array<int64_t, kClaimKindCount>;

struct SpeakerRow {
  EntityRow entity;
  int64_t claims = 0;
  KindCounts kinds{};  // those claims by kind
  int64_t documents = 0;
  std::vector<std::string> roles;  // "Secretary of State (U.S.)", distinct
  std::string first_seen, last_seen;  // article dates; "" when none is known
};

struct SpeakerFilter {
  std::string kind;  // only this entity kind, or ""
  std::string name;  // only entities matching this name (as MatchEntities), or ""
  double min_confidence = 0;  // count only claims with at least this confidence
  bool all_runs = false;
  int64_t limit = 0;
};

// Speakers with at least one claim, most quoted first.
Result<std::vector<SpeakerRow>> ListSpeakers(Ledger& ledger, const SpeakerFilter& filter);

struct RoleRow {
  std::string person;
  std::string title, affiliation;
  DocumentRow doc;  // the article that states it
  Span evidence;
  std::string evidence_text;
  bool superseded = false;
};

// Every role held by the one entity `name` means (SelectEntity in
// ledger/entities.h; none when it means no one, InvalidArgument when it
// could mean several), with the article that states it, by article date.
Result<std::vector<RoleRow>> FindRoles(Ledger& ledger, const std::string& name, bool all_runs);

// Roles held by one entity, or stated in one document.
Result<std::vector<RoleRow>> EntityRoles(Ledger& ledger, int64_t entity_id, bool all_runs);
Result<std::vector<RoleRow>> DocumentRoles(Ledger& ledger, int64_t document_id, bool all_runs);

// Documents that `key` names: a SHA-256 prefix (4 or more hex digits), a
// stored name, a path ending in "/key", a JSON id, or a url.
Result<std::vector<DocumentRow>> FindDocuments(Ledger& ledger, const std::string& key);

// The one document `key` names: NotFound when none does; InvalidArgument
// listing the candidates when several do.
Result<DocumentRow> FindDocument(Ledger& ledger, const std::string& key);

struct ArticleRow {
  DocumentRow doc;
  int64_t claims = 0;  // its current claims (every claim with all_runs)
};

// Every document in the ledger with its claim count, by article date (the
// undated last), then name. For `quoteledger articles` and the web app.
Result<std::vector<ArticleRow>> ListArticles(Ledger& ledger, bool all_runs);

// The document's original bytes; NotFound when there is no such document.
Result<std::string> DocumentText(Ledger& ledger, int64_t document_id);

// "Prime Minister (Israel)", "President", or "".
std::string RoleLabel(const std::string& title, const std::string& affiliation);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_QUERIES_H_
