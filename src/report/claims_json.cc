// JSON and text rendering of attribution results. AttributionToJson builds
// an nlohmann::json tree, the reference; extract's WriteAttributionJson
// writes the same bytes as a stream, each claim straight from its fields
// (no tree) and each role and entity as a small tree, so memory stays that
// of one claim whatever the document holds.
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
    case ClaimKind::kStance: return "stance";
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

// Whether `s` is UTF-8 as nlohmann's decoder takes it (RFC 3629: no
// overlong forms, no surrogates, nothing past U+10FFFF).
bool IsUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    // The second byte's range is narrower after E0, ED, F0 and F4.
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (c1 < lo || c1 > hi) return false;
    for (size_t k = 2; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// Appends `s` as a JSON string, byte for byte as Dump writes it: quotes,
// backslashes and control characters escaped (\u00XX in lower case where
// there is no short form), UTF-8 copied. Text that is not UTF-8 goes through Dump,
// which replaces the bad bytes with U+FFFD.
void AppendString(std::string& out, std::string_view s) {
  if (!IsUtf8(s)) {
    out += Dump(std::string(s));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// [[begin,end],...], empty spans left out, as Spans() has it.
void AppendSpans(std::string& out, const std::vector<Span>& spans) {
  out += '[';
  bool first = true;
  for (Span sp : spans) {
    if (sp.empty()) continue;
    out += first ? "[" : ",[";
    first = false;
    out += std::to_string(sp.begin);
    out += ',';
    out += std::to_string(sp.end);
    out += ']';
  }
  out += ']';
}

// The bytes Dump(ClaimToJson(text, c)) gives, written straight from the
// claim with no tree: keys in the sorted order nlohmann keeps an object's.
void AppendClaim(std::string& out, std::string_view text, const Claim& c) {
  out += "{\"affiliation\":";
  AppendString(out, c.affiliation);
  out += ",\"confidence\":";
  out += Dump(std::round(c.confidence * 1000) / 1000);  // nlohmann's spelling of a double
  out += ",\"content\":";
  AppendSpans(out, c.content);
  out += ",\"cue\":";
  AppendSpans(out, {c.cue});
  out += ",\"cue_text\":";
  AppendString(out, c.cue.Of(text));
  out += ",\"kind\":";
  AppendString(out, ClaimKindName(c.kind));
  out += ",\"role\":";
  AppendString(out, c.role);
  out += ",\"rule\":";
  AppendString(out, c.rule_id);
  out += ",\"source\":";
  AppendSpans(out, {c.source});
  out += ",\"source_text\":";
  AppendString(out, c.source.Of(text));
  out += ",\"speaker\":";
  AppendString(out, c.speaker);
  out += ",\"speaker_kind\":";
  AppendString(out, EntityKindName(c.speaker_kind));
  out += ",\"stage\":";
  out += std::to_string(c.stage);
  out += ",\"text\":";
  AppendString(out, Joined(text, c.content));
  out += '}';
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
  out << "{\"claims\":[";
  std::string claim;  // one claim's bytes, the buffer reused
  for (size_t i = 0; i < a.claims.size(); ++i) {
    claim.clear();
    if (i > 0) claim += ',';
    AppendClaim(claim, text, a.claims[i]);
    out << claim;
  }
  out << ']';
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
