// Loading report data: thin compositions of the ledger's queries.
#include "report/report_data.h"

#include <algorithm>

#include <fmt/format.h>

#include "ledger/entities.h"

namespace quoteledger {

Result<ArticleReport> LoadArticleReport(Ledger& ledger, const std::string& key, bool all_runs,
                                        double min_confidence) {
  Result<DocumentRow> doc = FindDocument(ledger, key);
  if (!doc.ok()) return doc.status();
  ArticleReport report;
  report.doc = doc.value();
  Result<std::string> text = DocumentText(ledger, report.doc.id);
  if (!text.ok()) return text.status();
  report.text = std::move(text).value();
  ClaimFilter filter;
  filter.document_id = report.doc.id;
  filter.all_runs = all_runs;
  filter.min_confidence = min_confidence;
  Result<std::vector<ClaimRow>> claims = FindClaims(ledger, filter);
  if (!claims.ok()) return claims.status();
  report.claims = std::move(claims).value();
  Result<std::vector<RoleRow>> roles = DocumentRoles(ledger, report.doc.id, all_runs);
  if (!roles.ok()) return roles.status();
  report.roles = std::move(roles).value();
  return report;
}

Result<std::vector<SpeakerReport>> LoadSpeakerReports(Ledger& ledger, const std::string& name,
                                                      bool all_runs, double min_confidence) {
  // One entity, never a mix: a name several entities answer to is an error
  // that lists them (ledger/entities.h).
  Result<EntitySelection> chosen = SelectEntity(ledger, name);
  if (!chosen.ok() && chosen.status().code() == StatusCode::kNotFound) {
    return Status::NotFound(fmt::format(
        "no speaker in {} is named \"{}\"; `quoteledger speakers` lists them", ledger.path(), name));
  }
  if (!chosen.ok()) return chosen.status();
  SpeakerReport report;
  report.entity = chosen.value().entity;
  ClaimFilter filter;
  filter.speaker_id = report.entity.id;
  filter.all_runs = all_runs;
  filter.min_confidence = min_confidence;
  Result<std::vector<ClaimRow>> claims = FindClaims(ledger, filter);
  if (!claims.ok()) return claims.status();
  Result<std::vector<RoleRow>> roles = EntityRoles(ledger, report.entity.id, all_runs);
  if (!roles.ok()) return roles.status();
  // An entity that is only ever mentioned, never quoted and never given
  // a role, has nothing to report.
  if (claims.value().empty() && roles.value().empty()) {
    return Status::NotFound(fmt::format("{} in {} has no claims and no roles to report",
                                        report.entity.name, ledger.path()));
  }
  report.claims = std::move(claims).value();
  report.roles = std::move(roles).value();
  return std::vector<SpeakerReport>{std::move(report)};
}

Result<TopicReport> LoadTopicReport(Ledger& ledger, const std::string& phrase, bool all_runs,
                                    double min_confidence) {
  ClaimFilter filter;
  filter.phrase = phrase;
  filter.all_runs = all_runs;
  filter.min_confidence = min_confidence;
  Result<std::vector<ClaimRow>> claims = FindClaims(ledger, filter);
  if (!claims.ok()) return claims.status();
  if (claims.value().empty()) {
    return Status::NotFound(fmt::format("no claim in {} says \"{}\"; try fewer or other words",
                                        ledger.path(), phrase));
  }
  return TopicReport{phrase, std::move(claims).value()};
}

std::string DisplaySpeaker(const ClaimRow& claim) {
  if (!claim.speaker.empty()) return claim.speaker;
  return claim.source_text.empty() ? "(unresolved)" : claim.source_text + " (unresolved)";
}

std::string Counted(size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::map<std::string, int> SpeakerColours(const std::vector<ClaimRow>& claims) {
  std::vector<std::string> order;  // first appearance
  std::map<std::string, int> count;
  for (const ClaimRow& c : claims) {
    if (c.speaker.empty()) continue;
    if (count[c.speaker]++ == 0) order.push_back(c.speaker);
  }
  std::stable_sort(order.begin(), order.end(), [&count](const std::string& a, const std::string& b) {
    return count[a] > count[b];
  });
  std::map<std::string, int> out;
  for (const std::string& s : order) out.emplace(s, static_cast<int>(out.size()));
  return out;
}

std::string ArticleTitle(const DocumentRow& doc, std::string_view text) {
  if (!doc.title.empty()) return doc.title;
  size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte order mark
  std::string_view line = text.substr(start, text.find('\n', start) - start);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  if (line.empty()) return doc.name;
  if (line.size() <= 120) return std::string(line);
  size_t cut = 120;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return std::string(line.substr(0, cut)) + "…";
}

std::vector<SpeakerGroup> GroupBySpeaker(const std::vector<ClaimRow>& claims) {
  std::vector<SpeakerGroup> out;
  std::map<std::string, size_t> index;
  for (const ClaimRow& c : claims) {
    std::string who = DisplaySpeaker(c);
    auto [it, added] = index.emplace(who, out.size());
    if (added) out.push_back({who, {}});
    out[it->second].claims.push_back(&c);
  }
  std::stable_sort(out.begin(), out.end(), [](const SpeakerGroup& a, const SpeakerGroup& b) {
    if (a.claims.size() != b.claims.size()) return a.claims.size() > b.claims.size();
    return a.speaker < b.speaker;
  });
  return out;
}

std::string ShortDate(const std::string& date) {
  if (date.empty()) return "undated";
  bool iso = date.size() > 10 && date[4] == '-' && date[7] == '-' && date[10] == 'T';
  return iso ? date.substr(0, 10) : date;
}

std::string Shorten(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
  return std::string(text.substr(0, cut)) + "…";
}

std::string SpanList(const std::vector<Span>& spans) {
  std::string out;
  for (Span s : spans) out += fmt::format("{}[{}, {})", out.empty() ? "" : " ", s.begin, s.end);
  return out;
}

namespace {

// The ClaimKind of a stored kind name; kinds the ledger might hold beyond
// the five (none today) are not counted.
bool KindIndex(const std::string& kind, size_t* index) {
  for (size_t k = 0; k < KindCounts().size(); ++k) {
    if (kind == ClaimKindName(static_cast<ClaimKind>(k))) {
      *index = k;
      return true;
    }
  }
  return false;
}

}  // namespace

KindCounts CountKinds(const std::vector<const ClaimRow*>& claims) {
  KindCounts counts{};
  size_t k = 0;
  for (const ClaimRow* c : claims) {
    if (KindIndex(c->kind, &k)) ++counts[k];
  }
  return counts;
}

KindCounts CountKinds(const std::vector<ClaimRow>& claims) {
  std::vector<const ClaimRow*> all;
  for (const ClaimRow& c : claims) all.push_back(&c);
  return CountKinds(all);
}

std::string KindSummary(const KindCounts& counts) {
  std::string out;
  for (size_t k = 0; k < counts.size(); ++k) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", ClaimKindName(static_cast<ClaimKind>(k)),
                       counts[k]);
  }
  return out;
}

std::vector<std::string> KindNames() {
  std::vector<std::string> out;
  for (size_t k = 0; k < KindCounts().size(); ++k) {
    out.push_back(ClaimKindName(static_cast<ClaimKind>(k)));
  }
  return out;
}

}  // namespace quoteledger
