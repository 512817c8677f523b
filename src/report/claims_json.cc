// JSON and text rendering of attribution results. JSON is built with
// nlohmann::json, which escapes every string correctly; extract writes it
// claim by claim, so no document's whole tree is held at once.
#include "report/claims_json.h"

#include <cmath>

#include <fmt/format.h>

namespace quoteledger {

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kGroup: return "group";
    case EntityKind::kAnonymous: return "anonymous";
    case EntityKind::kUnresolved: return "unresolved";
    case EntityKind::kUnknown: break;
  }
  return "unknown";
}

const char* ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kDirect: return "direct";
    case ClaimKind::kMixed: return "mixed";
    case ClaimKind::kPartial: return "partial";
    case ClaimKind::kIndirect: return "indirect";
    case ClaimKind::kAccordingTo: return "according_to";
  }
  return "indirect";
}

namespace {

nlohmann::json Spans(const std::vector<Span>& spans) {
  nlohmann::json out = nlohmann::json::array();
  for (Span s : spans) {
    if (!s.empty()) out.push_back({s.begin, s.end});
  }
  return out;
}

std::string Joined(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  for (Span s : spans) {
    if (!out.empty()) out += " … ";
    out += s.Of(text);
  }
  return out;
}

}  // namespace

namespace {

nlohmann::json ClaimToJson(std::string_view text, const Claim& c) {
  return {
      {"kind", ClaimKindName(c.kind)},
      {"content", Spans(c.content)},
      {"source", Spans({c.source})},
      {"cue", Spans({c.cue})},
      {"speaker", c.speaker},
      {"speaker_kind", EntityKindName(c.speaker_kind)},
      {"role", c.role},
      {"affiliation", c.affiliation},
      {"rule", c.rule_id},
      {"stage", c.stage},
      {"confidence", std::round(c.confidence * 1000) / 1000},
      {"text", Joined(text, c.content)},
      {"source_text", std::string(c.source.Of(text))},
      {"cue_text", std::string(c.cue.Of(text))},
  };
}

nlohmann::json RoleToJson(const RoleFact& r) {
  return {{"person", r.person}, {"role", r.title}, {"affiliation", r.affiliation},
          {"evidence", {r.evidence.begin, r.evidence.end}}};
}

nlohmann::json EntityToJson(const EntityFact& e) {
  return {{"name", e.name}, {"kind", EntityKindName(e.kind)}, {"gender", e.gender},
          {"aliases", e.aliases}};
}

// Compact, UTF-8 kept, invalid bytes replaced: the one way JSON is written.
std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Writes `items` as a JSON array, one item's tree at a time.
template <typename T, typename F>
void WriteArray(std::ostream& out, const std::vector<T>& items, F to_json) {
  out << '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out << ',';
    out << Dump(to_json(items[i]));
  }
  out << ']';
}

}  // namespace

nlohmann::json AttributionToJson(const Document& doc, const Attribution& a) {
  std::string_view text = doc.text();
  nlohmann::json claims = nlohmann::json::array();
  for (const Claim& c : a.claims) claims.push_back(ClaimToJson(text, c));
  nlohmann::json roles = nlohmann::json::array();
  for (const RoleFact& r : a.roles) roles.push_back(RoleToJson(r));
  nlohmann::json entities = nlohmann::json::array();
  for (const EntityFact& e : a.entities) entities.push_back(EntityToJson(e));
  nlohmann::json out = {{"doc", doc.name()}, {"sha256", doc.Sha256()}};
  if (!doc.meta().id.empty()) out["id"] = doc.meta().id;
  out["claims"] = std::move(claims);
  out["roles"] = std::move(roles);
  out["entities"] = std::move(entities);
  out["schema"] = kOutputSchema;
  return out;
}

// The keys in the order nlohmann::json writes an object's (sorted), so the
// bytes are those of AttributionToJson(doc, a) dumped; json_test checks it.
void WriteAttributionJson(std::ostream& out, const Document& doc, const Attribution& a) {
  std::string_view text = doc.text();
  out << "{\"claims\":";
  WriteArray(out, a.claims, [&](const Claim& c) { return ClaimToJson(text, c); });
  out << ",\"doc\":" << Dump(doc.name()) << ",\"entities\":";
  WriteArray(out, a.entities, EntityToJson);
  if (!doc.meta().id.empty()) out << ",\"id\":" << Dump(doc.meta().id);
  out << ",\"roles\":";
  WriteArray(out, a.roles, RoleToJson);
  out << ",\"schema\":" << kOutputSchema << ",\"sha256\":" << Dump(doc.Sha256()) << '}';
}

std::string AttributionToText(const Document& doc, const Attribution& a) {
  std::string_view text = doc.text();
  size_t n = a.claims.size();
  std::string out = fmt::format("== {} ({} claim{})\n", doc.name(), n, n == 1 ? "" : "s");
  for (const Claim& c : a.claims) {
    std::string who = c.speaker.empty() ? "(unresolved)" : c.speaker;
    if (!c.role.empty()) {
      who += fmt::format(" [{}{}]", c.role, c.affiliation.empty() ? "" : ", " + c.affiliation);
    }
    out += fmt::format("{} ({}) via \"{}\" / \"{}\"  rule {} stage {} conf {:.2f}\n", who,
                       ClaimKindName(c.kind), c.source.Of(text), c.cue.Of(text), c.rule_id,
                       c.stage, c.confidence);
    for (Span s : c.content) {
      out += fmt::format("    [{}, {}) {}\n", s.begin, s.end, s.Of(text));
    }
  }
  if (!a.roles.empty()) out += "roles:\n";
  for (const RoleFact& r : a.roles) {
    out += fmt::format("    {}: {}{}\n", r.person, r.title,
                       r.affiliation.empty() ? "" : " (" + r.affiliation + ")");
  }
  bool any_alias = false;
  for (const EntityFact& e : a.entities) {
    for (const std::string& alias : e.aliases) {
      if (!any_alias) out += "aliases:\n";
      any_alias = true;
      out += fmt::format("    {} -> {}\n", alias, e.name);
    }
  }
  return out;
}

Status PrintingSink::Accept(const Document& doc, const Attribution& result) {
  if (text_) {
    out_ << AttributionToText(doc, result) << '\n';
  } else {
    WriteAttributionJson(out_, doc, result);
    out_ << '\n';
  }
  if (!out_) return Status::IOError("cannot write the output (disk full or pipe closed?)");
  return Status::Ok();
}

}  // namespace quoteledger
