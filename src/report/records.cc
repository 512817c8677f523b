// Record builders. Dates are the article's date, the same one queries use
// (documents.article_date), and null when it is unknown: never the ingest
// time, which is shown apart as ingested_at.
#include "report/records.h"

#include <cmath>

#include "report/claims_json.h"
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

// Empty spans are left out, as extract leaves them out: no source is [].
Json SpansJson(const std::vector<Span>& spans) {
  Json out = Json::array();
  for (Span s : spans) {
    if (!s.empty()) out.push_back({s.begin, s.end});
  }
  return out;
}

}  // namespace

Json ClaimRecord(const ClaimRow& row) {
  Json r;
  r["id"] = row.id;
  // The claim's own fields, named and filled as extract names and fills
  // them (report/claims_json.cc). A claim the ledger gave no speaker entity
  // is one extract called unresolved, its speaker the source as written,
  // or, with no source at all, unknown (the ledger's views say "unknown"
  // for both); a missing source or cue is []. A resolved speaker is its
  // entity across articles, which may be fuller than the article's name
  // ("Barack Obama" where extract says "Obama").
  bool no_entity = row.speaker.empty();
  r["speaker"] = no_entity ? row.source_text : row.speaker;
  r["speaker_kind"] = !no_entity ? row.speaker_kind
                      : row.source_text.empty() ? "unknown" : "unresolved";
  r["role"] = row.role;
  r["affiliation"] = row.affiliation;
  r["kind"] = row.kind;
  r["date"] = DateJson(row.doc.date);
  r["date_source"] = DateJson(row.doc.date_source);
  r["article"] = row.doc.name;
  r["title"] = row.doc.title;
  r["publisher"] = row.doc.publisher;
  r["sha256"] = row.doc.sha256;
  r["content"] = SpansJson(row.content);
  r["text"] = row.text;
  r["source"] = SpansJson({row.source});
  r["source_text"] = row.source_text;
  r["cue"] = SpansJson({row.cue});
  r["cue_text"] = row.cue_text;
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

Json ClaimTableRecords(const Json& records) {
  Json out = records;
  for (Json& r : out) {
    r["role"] = RoleLabel(r["role"].get<std::string>(), r["affiliation"].get<std::string>());
    if (r["speaker"] == "" || r["speaker_kind"] == "unresolved") {
      std::string who = r["speaker"].get<std::string>();
      r["speaker"] = who.empty() ? "(unresolved)" : who + " (unresolved)";
    }
  }
  return out;
}

Json WithSchema(const Json& value) {
  auto versioned = [](const Json& object) {
    Json out = {{"schema", kOutputSchema}};
    for (const auto& [key, item] : object.items()) out[key] = item;
    return out;
  };
  if (value.is_object()) return versioned(value);
  Json out = Json::array();
  for (const Json& item : value) out.push_back(item.is_object() ? versioned(item) : item);
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
