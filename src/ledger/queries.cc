// Query implementations. SQL is assembled from fixed fragments; every value
// a user typed is bound as a parameter, never spliced into the text (entity
// ids, which are integers from the ledger itself, are the one exception).
#include "ledger/queries.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ledger/entities.h"
#include "ledger/query_util.h"

namespace quoteledger {
namespace {

std::vector<Span> ParseSpans(const std::string& json) {
  std::vector<Span> out;
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& s : j) {
    if (s.is_array() && s.size() == 2 && s[0].is_number_unsigned() && s[1].is_number_unsigned()) {
      out.push_back({s[0].get<uint32_t>(), s[1].get<uint32_t>()});
    }
  }
  return out;
}

Span SpanAt(const Statement& q, int col) {
  return {static_cast<uint32_t>(q.Int(col)), static_cast<uint32_t>(q.Int(col + 1))};
}

std::string IdList(const std::vector<EntityRow>& entities) {
  std::string out;
  for (const EntityRow& e : entities) {
    if (!out.empty()) out += ',';
    out += std::to_string(e.id);
  }
  return out;
}

// "Harris" -> "% Harris %": the word anywhere in a space-padded name.
std::string WordPattern(const std::string& word) { return "% " + EscapeLike(word) + " %"; }

bool HasWordCharacter(const std::string& s) {
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

// The FTS5 query for one phrase in the text column: quotes doubled.
std::string FtsPhrase(const std::string& phrase) {
  std::string out = "text : \"";
  for (char c : phrase) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string EscapeLike(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string RoleLabel(const std::string& title, const std::string& affiliation) {
  if (affiliation.empty()) return title;
  if (title.empty()) return affiliation;
  return fmt::format("{} ({})", title, affiliation);
}

Result<std::vector<EntityRow>> MatchEntities(Ledger& ledger, const std::string& name) {
  std::vector<EntityRow> out;
  auto read = [&](const Statement& q) {
    out.push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), {}, false, {}});
  };
  Status s = ForEachRow(ledger,
                        "SELECT id, name, kind, gender FROM entities WHERE id IN ("
                        "SELECT id FROM entities WHERE name = ?1 UNION "
                        "SELECT entity_id FROM entity_aliases WHERE alias = ?1) ORDER BY name",
                        {name}, read);
  if (s.ok() && out.empty() && HasWordCharacter(name)) {
    s = ForEachRow(ledger,
                   "SELECT id, name, kind, gender FROM entities "
                   "WHERE ' ' || name || ' ' LIKE ?1 ESCAPE '\\' ORDER BY name",
                   {WordPattern(name)}, read);
  }
  for (EntityRow& e : out) {
    if (!s.ok()) break;
    s = ForEachRow(ledger, "SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias",
                   {e.id}, [&](const Statement& q) { e.aliases.push_back(q.Text(0)); });
  }
  if (!s.ok()) return s;
  return out;
}

namespace {

struct Query {
  std::string sql;
  std::vector<Param> params;
  bool impossible = false;  // a filter no row can pass (an unknown speaker)
};

Status AddClaimConditions(Ledger& ledger, const ClaimFilter& f, std::string& where,
                          std::vector<Param>& params, bool& impossible) {
  if (!f.speaker.empty()) {
    // One entity, chosen as ledger/entities.h says; never a mix.
    Result<EntitySelection> chosen = SelectEntity(ledger, f.speaker);
    if (!chosen.ok() && chosen.status().code() != StatusCode::kNotFound) return chosen.status();
    impossible = !chosen.ok();
    where += fmt::format(" AND c.speaker_id = {}", chosen.ok() ? chosen.value().entity.id : 0);
  }
  if (f.speaker_id != 0) {
    where += " AND c.speaker_id = ?";
    params.push_back(f.speaker_id);
  }
  if (!f.all_runs) where += " AND c.superseded_by_run IS NULL";
  if (!f.kind.empty()) {
    where += " AND c.kind = ?";
    params.push_back(f.kind);
  }
  if (!f.since.empty()) {
    where += " AND d.article_date >= ?";
    params.push_back(f.since);
  }
  if (!f.until.empty()) {
    where += fmt::format(" AND substr(d.article_date, 1, {}) <= ?", f.until.size());
    params.push_back(f.until);
  }
  if (f.min_confidence > 0) {
    where += " AND c.confidence >= ?";
    params.push_back(f.min_confidence);
  }
  if (!f.publisher.empty()) {
    where += " AND d.publisher = ? COLLATE NOCASE";
    params.push_back(f.publisher);
  }
  if (f.anonymous) where += " AND e.kind = 'anonymous'";
  if (f.document_id != 0) {
    where += " AND c.document_id = ?";
    params.push_back(f.document_id);
  }
  return Status::Ok();
}

Result<Query> ClaimQuery(Ledger& ledger, const ClaimFilter& f) {
  Query query;
  std::string from = "claims c";
  std::string where = "1";
  std::string highlight = "''";
  if (!f.phrase.empty()) {
    if (!f.fts_query && !HasWordCharacter(f.phrase)) {
      return Status::InvalidArgument(fmt::format(
          "\"{}\" has no letters or digits to search for; give words from the claim", f.phrase));
    }
    from = "claims_fts JOIN claims c ON c.id = claims_fts.rowid";
    where += " AND claims_fts MATCH ?";
    query.params.push_back(f.fts_query ? f.phrase : FtsPhrase(f.phrase));
    highlight = "highlight(claims_fts, 0, char(2), char(3))";
  }
  Status s = AddClaimConditions(ledger, f, where, query.params, query.impossible);
  if (!s.ok()) return s;
  query.sql = fmt::format(
      "SELECT {}, c.id, c.seq, c.kind, c.content_spans, c.content_text, "
      "coalesce(c.source_begin, 0), coalesce(c.source_end, 0), c.source_text, "
      "coalesce(c.cue_begin, 0), coalesce(c.cue_end, 0), c.cue_text, coalesce(e.name, ''), "
      "coalesce(e.kind, 'unknown'), c.role_title, c.role_affiliation, c.rule_id, c.stage, "
      "c.confidence, c.run_id, c.superseded_by_run IS NOT NULL, {} "
      "FROM {} JOIN documents d ON d.id = c.document_id "
      "LEFT JOIN entities e ON e.id = c.speaker_id WHERE {} "
      "ORDER BY {}, d.id, c.run_id, c.seq",
      kDocumentColumns, highlight, from, where, kByArticleDate);
  if (f.limit > 0) query.sql += fmt::format(" LIMIT {}", f.limit);
  return query;
}

ClaimRow ReadClaim(const Statement& q) {
  int k = kDocumentColumnCount;
  ClaimRow r;
  r.doc = ReadDocument(q, 0);
  r.id = q.Int(k);
  r.seq = static_cast<int>(q.Int(k + 1));
  r.kind = q.Text(k + 2);
  r.content = ParseSpans(q.Text(k + 3));
  r.text = q.Text(k + 4);
  r.source = SpanAt(q, k + 5);
  r.source_text = q.Text(k + 7);
  r.cue = SpanAt(q, k + 8);
  r.cue_text = q.Text(k + 10);
  r.speaker = q.Text(k + 11);
  r.speaker_kind = q.Text(k + 12);
  r.role = q.Text(k + 13);
  r.affiliation = q.Text(k + 14);
  r.rule_id = q.Text(k + 15);
  r.stage = static_cast<int>(q.Int(k + 16));
  r.confidence = q.Double(k + 17);
  r.run_id = q.Int(k + 18);
  r.superseded = q.Int(k + 19) != 0;
  r.highlight = q.Text(k + 20);
  return r;
}

}  // namespace

Result<std::vector<ClaimRow>> FindClaims(Ledger& ledger, const ClaimFilter& filter) {
  std::vector<ClaimRow> out;
  Result<Query> query = ClaimQuery(ledger, filter);
  if (!query.ok()) return query.status();
  if (query.value().impossible) return out;
  Status s = ForEachRow(ledger, query.value().sql, query.value().params,
                        [&](const Statement& q) { out.push_back(ReadClaim(q)); });
  if (!s.ok() && filter.fts_query && s.message().find("fts5") != std::string::npos) {
    return Status::InvalidArgument(fmt::format(
        "\"{}\" is not a valid full-text query ({}); write words, \"phrases\", prefix*, AND, "
        "OR, NOT, and column:word for the columns text and speaker",
        filter.phrase, s.message().substr(s.message().rfind("failed: ") + 8)));
  }
  if (!s.ok()) return s;
  return out;
}

namespace {

// Fills in each speaker's aliases and distinct roles.
Status AddSpeakerDetails(Ledger& ledger, bool all_runs, std::vector<SpeakerRow>& rows) {
  std::string role_sql = fmt::format(
      "SELECT DISTINCT title, affiliation FROM roles WHERE entity_id = ?1 {} "
      "ORDER BY title, affiliation",
      all_runs ? "" : "AND superseded_by_run IS NULL");
  for (SpeakerRow& r : rows) {
    Status s = ForEachRow(
        ledger, "SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias",
        {r.entity.id}, [&](const Statement& q) { r.entity.aliases.push_back(q.Text(0)); });
    if (!s.ok()) return s;
    s = ForEachRow(ledger, role_sql, {r.entity.id}, [&](const Statement& q) {
      r.roles.push_back(RoleLabel(q.Text(0), q.Text(1)));
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<SpeakerRow>> ListSpeakers(Ledger& ledger, const SpeakerFilter& f) {
  std::vector<SpeakerRow> out;
  std::string where = f.all_runs ? "1" : "c.superseded_by_run IS NULL";
  std::vector<Param> params;
  if (!f.kind.empty()) where += " AND e.kind = ?", params.push_back(f.kind);
  if (f.min_confidence > 0) where += " AND c.confidence >= ?", params.push_back(f.min_confidence);
  if (!f.name.empty()) {
    Result<std::vector<EntityRow>> entities = MatchEntities(ledger, f.name);
    if (!entities.ok()) return entities.status();
    if (entities.value().empty()) return out;
    where += " AND e.id IN (" + IdList(entities.value()) + ")";
  }
  std::string sql = fmt::format(
      "SELECT e.id, e.name, e.kind, e.gender, count(*), count(DISTINCT c.document_id), "
      "coalesce(min(d.article_date), ''), coalesce(max(d.article_date), ''), "
      "sum(c.kind = 'direct'), sum(c.kind = 'mixed'), sum(c.kind = 'partial'), "
      "sum(c.kind = 'indirect'), sum(c.kind = 'according_to'), sum(c.kind = 'stance') "
      "FROM claims c JOIN entities e ON e.id = c.speaker_id JOIN documents d ON "
      "d.id = c.document_id WHERE {} GROUP BY e.id ORDER BY count(*) DESC, e.name",
      where);
  if (f.limit > 0) sql += fmt::format(" LIMIT {}", f.limit);
  Status s = ForEachRow(ledger, sql, params, [&](const Statement& q) {
    SpeakerRow r;
    r.entity = {q.Int(0), q.Text(1), q.Text(2), q.Text(3), {}, false, {}};
    r.claims = q.Int(4);
    r.documents = q.Int(5);
    r.first_seen = q.Text(6);
    r.last_seen = q.Text(7);
    for (size_t k = 0; k < r.kinds.size(); ++k) r.kinds[k] = q.Int(8 + static_cast<int>(k));
    out.push_back(std::move(r));
  });
  if (s.ok()) s = AddSpeakerDetails(ledger, f.all_runs, out);
  if (!s.ok()) return s;
  return out;
}

namespace {

// Roles whose row r, entity e and document d pass `where`.
Result<std::vector<RoleRow>> RolesWhere(Ledger& ledger, const std::string& where,
                                        const std::vector<Param>& params, bool all_runs) {
  std::vector<RoleRow> out;
  std::string sql = fmt::format(
      "SELECT {}, e.name, r.title, r.affiliation, r.evidence_begin, r.evidence_end, "
      "r.evidence_text, r.superseded_by_run IS NOT NULL FROM roles r JOIN entities e ON e.id = "
      "r.entity_id JOIN documents d ON d.id = r.document_id WHERE {} {} "
      "ORDER BY e.name, {}, d.id, r.evidence_begin",
      kDocumentColumns, where, all_runs ? "" : "AND r.superseded_by_run IS NULL", kByArticleDate);
  Status s = ForEachRow(ledger, sql, params, [&](const Statement& q) {
    int k = kDocumentColumnCount;
    RoleRow r;
    r.doc = ReadDocument(q, 0);
    r.person = q.Text(k);
    r.title = q.Text(k + 1);
    r.affiliation = q.Text(k + 2);
    r.evidence = SpanAt(q, k + 3);
    r.evidence_text = q.Text(k + 5);
    r.superseded = q.Int(k + 6) != 0;
    out.push_back(std::move(r));
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace

Result<std::vector<RoleRow>> FindRoles(Ledger& ledger, const std::string& name, bool all_runs) {
  Result<EntitySelection> chosen = SelectEntity(ledger, name);
  if (!chosen.ok() && chosen.status().code() == StatusCode::kNotFound) {
    return std::vector<RoleRow>{};
  }
  if (!chosen.ok()) return chosen.status();
  return EntityRoles(ledger, chosen.value().entity.id, all_runs);
}

Result<std::vector<RoleRow>> EntityRoles(Ledger& ledger, int64_t entity_id, bool all_runs) {
  return RolesWhere(ledger, "r.entity_id = ?1", {entity_id}, all_runs);
}

Result<std::vector<RoleRow>> DocumentRoles(Ledger& ledger, int64_t document_id, bool all_runs) {
  return RolesWhere(ledger, "r.document_id = ?1", {document_id}, all_runs);
}

}  // namespace quoteledger
