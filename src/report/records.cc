// Record builders. Dates are the article's date, the same one queries use
// (documents.article_date), and null when it is unknown: never the ingest
// time, which is shown apart as ingested_at.
#include "report/records.h"

#include <cmath>

#include "report/report_data.h"

namespace quoteledger {
namespace {

using Json = nlohmann::ordered_json;

Json SpanJson(Span s) {
  if (s.empty()) return Json();
  return Json::array({Json::array({s.begin, s.end})});
}

// A date, or null when unknown.
Json DateJson(const std::string& date) { return date.empty() ? Json() : Json(date); }

Json SpansJson(const std::vector<Span>& spans) {
  Json out = Json::array();
  for (Span s : spans) out.push_back({s.begin, s.end});
  return out;
}

}  // namespace

Json ClaimRecord(const ClaimRow& row) {
  Json r;
  r["id"] = row.id;
  r["speaker"] = DisplaySpeaker(row);
  r["speaker_kind"] = row.speaker_kind;
  r["role"] = RoleLabel(row.role, row.affiliation);
  r["kind"] = row.kind;
  r["date"] = DateJson(row.doc.date);
  r["date_source"] = DateJson(row.doc.date_source);
  r["article"] = row.doc.name;
  r["title"] = row.doc.title;
  r["publisher"] = row.doc.publisher;
  r["sha256"] = row.doc.sha256;
  r["spans"] = SpansJson(row.content);
  r["text"] = row.text;
  r["source"] = row.source_text;
  r["source_span"] = SpanJson(row.source);
  r["cue"] = row.cue_text;
  r["cue_span"] = SpanJson(row.cue);
  r["rule"] = row.rule_id;
  r["stage"] = row.stage;
  r["confidence"] = std::round(row.confidence * 1000) / 1000;
  r["run"] = row.run_id;
  r["superseded"] = row.superseded;
  return r;
}

Json ClaimRecords(const std::vector<ClaimRow>& rows) {
  Json out = Json::array();
  for (const ClaimRow& row : rows) out.push_back(ClaimRecord(row));
  return out;
}

Json SpeakerRecords(const std::vector<SpeakerRow>& rows) {
  Json out = Json::array();
  for (const SpeakerRow& row : rows) {
    Json r;
    r["speaker"] = row.entity.name;
    r["kind"] = row.entity.kind;
    r["claims"] = row.claims;
    for (size_t k = 0; k < row.kinds.size(); ++k) {
      r[ClaimKindName(static_cast<ClaimKind>(k))] = row.kinds[k];
    }
    r["articles"] = row.documents;
    r["roles"] = row.roles;
    r["aliases"] = row.entity.aliases;
    r["first_seen"] = DateJson(row.first_seen);
    r["last_seen"] = DateJson(row.last_seen);
    r["identity"] = IdentityLabel(row.entity);
    out.push_back(std::move(r));
  }
  return out;
}

std::string IdentityLabel(const EntityRow& entity) {
  if (entity.curated) return "curated";
  return entity.identity_note;
}

Json RoleRecords(const std::vector<RoleRow>& rows) {
  Json out = Json::array();
  for (const RoleRow& row : rows) {
    Json r;
    r["person"] = row.person;
    r["role"] = RoleLabel(row.title, row.affiliation);
    r["title"] = row.title;
    r["affiliation"] = row.affiliation;
    r["article"] = row.doc.name;
    r["date"] = DateJson(row.doc.date);
    r["sha256"] = row.doc.sha256;
    r["evidence_span"] = SpanJson(row.evidence);
    r["evidence"] = row.evidence_text;
    r["superseded"] = row.superseded;
    out.push_back(std::move(r));
  }
  return out;
}

Json DocumentRecord(const DocumentRow& doc) {
  Json r;
  r["sha256"] = doc.sha256;
  r["name"] = doc.name;
  r["title"] = doc.title;
  r["publisher"] = doc.publisher;
  r["url"] = doc.url;
  r["id"] = doc.external_id;
  r["date"] = DateJson(doc.date);
  r["date_source"] = DateJson(doc.date_source);
  r["published_at"] = doc.published_at;
  r["ingested_at"] = doc.ingested_at;
  r["size"] = doc.size;
  return r;
}

Json ArticleRecords(const std::vector<ArticleRow>& rows) {
  Json out = Json::array();
  for (const ArticleRow& r : rows) {
    const DocumentRow& d = r.doc;
    out.push_back({{"article", d.name}, {"title", d.title}, {"date", DateJson(d.date)},
                   {"date_source", DateJson(d.date_source)}, {"publisher", d.publisher},
                   {"url", d.url},
                   {"id", d.external_id}, {"claims", r.claims}, {"sha256", d.sha256},
                   {"size", d.size}});
  }
  return out;
}

Json StatsRecord(const LedgerStats& s) {
  Json r;
  r["documents"] = s.documents;
  r["runs"] = s.runs;
  r["claims"] = s.claims;
  r["claims_superseded"] = s.claims_superseded;
  r["entities"] = s.entities;
  r["aliases"] = s.aliases;
  r["roles"] = s.roles;
  r["bytes"] = s.bytes;
  r["schema_version"] = s.schema_version;
  return r;
}

}  // namespace quoteledger
