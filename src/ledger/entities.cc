// Choosing and describing entities. Names are compared as the schema
// does (COLLATE NOCASE), so SQL does the case folding.
#include "ledger/entities.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "ledger/identity_model.h"
#include "ledger/query_util.h"

namespace quoteledger {
namespace {

constexpr const char* kEntityColumns =
    "e.id, e.name, e.kind, e.gender, e.curated, e.identity_note, "
    "(SELECT count(*) FROM claims c WHERE c.speaker_id = e.id AND c.superseded_by_run IS NULL)";

EntityDetail ReadEntity(const Statement& q) {
  EntityDetail d;
  d.entity.id = q.Int(0);
  d.entity.name = q.Text(1);
  d.entity.kind = q.Text(2);
  d.entity.gender = q.Text(3);
  d.entity.curated = q.Int(4) != 0;
  d.entity.identity_note = q.Text(5);
  d.claims = q.Int(6);
  return d;
}

Result<std::vector<EntityDetail>> EntitiesWhere(Ledger& ledger, const std::string& where,
                                                const std::vector<Param>& params) {
  std::vector<EntityDetail> out;
  std::string sql = fmt::format("SELECT {} FROM entities e WHERE {} ORDER BY 7 DESC, e.name",
                                kEntityColumns, where);
  Status s = ForEachRow(ledger, sql, params,
                        [&](const Statement& q) { out.push_back(ReadEntity(q)); });
  if (!s.ok()) return s;
  return out;
}

// Steps 2 and 3 of SelectEntity: by name or alias, else by whole words.
// `how` says which step found them.
Result<std::vector<EntityDetail>> Candidates(Ledger& ledger, const std::string& name,
                                             bool exact_only, std::string* how = nullptr) {
  if (how) *how = "alias";
  Result<std::vector<EntityDetail>> found = EntitiesWhere(
      ledger,
      "e.name = ?1 OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias = ?1)", {name});
  if (!found.ok() || !found.value().empty() || exact_only) return found;
  bool has_word = std::any_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c >= 0x80;
  });
  if (!has_word) return found;
  if (how) *how = "words";
  return EntitiesWhere(ledger, "' ' || e.name || ' ' LIKE ?1 ESCAPE '\\'",
                       {"% " + EscapeLike(name) + " %"});
}

std::string Ambiguity(const std::string& name, const std::vector<EntityDetail>& candidates) {
  std::string list;
  size_t shown = std::min<size_t>(candidates.size(), 6);
  for (size_t i = 0; i < shown; ++i) {
    const EntityDetail& c = candidates[i];
    if (!list.empty()) list += ", ";
    list += fmt::format("\"{}\" ({} claim{}{})", c.entity.name, c.claims, c.claims == 1 ? "" : "s",
                        c.entity.identity_note.empty() ? "" : "; surname only, not linked");
  }
  if (candidates.size() > shown) list += fmt::format(" and {} more", candidates.size() - shown);
  return fmt::format("\"{}\" could be {} entities: {}; give a fuller name, e.g. \"{}\"", name,
                     candidates.size(), list, candidates.front().entity.name);
}

Status AddAliases(Ledger& ledger, EntityRow& e) {
  e.aliases.clear();
  return ForEachRow(ledger, "SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias",
                    {e.id}, [&](const Statement& q) { e.aliases.push_back(q.Text(0)); });
}

}  // namespace

Result<EntitySelection> SelectEntity(Ledger& ledger, const std::string& name, bool exact_only) {
  Result<std::vector<EntityDetail>> exact = EntitiesWhere(
      ledger,
      "(e.identity_note = '' OR (?2 AND e.name = ?1)) AND (e.name = ?1 OR e.id = (SELECT "
      "entity_id FROM entity_names WHERE name = ?1))",
      {name, int64_t{exact_only}});
  if (!exact.ok()) return exact.status();
  std::string how = "name";
  std::vector<EntityDetail> found = std::move(exact).value();
  // Shown by the name beats holding it as an article's name: a rename can
  // give one entity another's old name.
  std::stable_sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
    return FoldCase(a.entity.name) == FoldCase(name) && FoldCase(b.entity.name) != FoldCase(name);
  });
  if (found.size() > 1) found.resize(1);
  if (found.empty()) {
    Result<std::vector<EntityDetail>> candidates = Candidates(ledger, name, exact_only, &how);
    if (!candidates.ok()) return candidates.status();
    found = std::move(candidates).value();
  }
  if (found.empty()) {
    return Status::NotFound(fmt::format("no entity in {} is named \"{}\"", ledger.path(), name));
  }
  if (found.size() > 1) return Status::InvalidArgument(Ambiguity(name, found));
  EntitySelection out{found.front().entity, how};
  Status s = AddAliases(ledger, out.entity);
  if (!s.ok()) return s;
  return out;
}

Status AddIdentity(Ledger& ledger, std::vector<SpeakerRow>& rows) {
  for (SpeakerRow& r : rows) {
    Status s = ForEachRow(ledger, "SELECT curated, identity_note FROM entities WHERE id = ?1",
                          {r.entity.id}, [&](const Statement& q) {
                            r.entity.curated = q.Int(0) != 0;
                            r.entity.identity_note = q.Text(1);
                          });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

namespace {

Status AddDetail(Ledger& ledger, EntityDetail& d) {
  Status s = AddAliases(ledger, d.entity);
  if (s.ok()) {
    s = ForEachRow(ledger,
                   "SELECT n.name, n.link, (SELECT count(*) FROM claims c WHERE c.speaker_name = "
                   "n.name AND c.superseded_by_run IS NULL) FROM entity_names n "
                   "WHERE n.entity_id = ?1 ORDER BY 3 DESC, n.name",
                   {d.entity.id}, [&](const Statement& q) {
                     d.names.push_back({q.Text(0), q.Text(1), q.Int(2)});
                   });
  }
  if (!s.ok()) return s;
  // Decisions naming the entity or any of its names, as they were written.
  Result<std::vector<DecisionRow>> all = ListDecisions(ledger);
  if (!all.ok()) return all.status();
  std::set<std::string> names = {FoldCase(d.entity.name)};
  for (const NameRow& n : d.names) names.insert(FoldCase(n.name));
  for (const DecisionRow& r : all.value()) {
    if (names.count(FoldCase(r.entity)) + names.count(FoldCase(r.other)) +
            names.count(FoldCase(r.target)) > 0) {
      d.decisions.push_back(r);
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<EntityDetail>> ListEntities(Ledger& ledger, const std::string& name,
                                               bool curated_only) {
  Result<std::vector<EntityDetail>> rows =
      name.empty() ? EntitiesWhere(ledger, "1", {}) : Candidates(ledger, name, false);
  if (!rows.ok()) return rows.status();
  std::vector<EntityDetail> out;
  for (EntityDetail& d : rows.value()) {
    if (curated_only && !d.entity.curated) continue;
    Status s = AddAliases(ledger, d.entity);
    if (!s.ok()) return s;
    out.push_back(std::move(d));
  }
  return out;
}

Result<EntityDetail> ShowEntity(Ledger& ledger, const std::string& name) {
  Result<EntitySelection> chosen = SelectEntity(ledger, name);
  if (!chosen.ok()) return chosen.status();
  Result<std::vector<EntityDetail>> rows =
      EntitiesWhere(ledger, "e.id = ?1", {chosen.value().entity.id});
  if (!rows.ok()) return rows.status();
  EntityDetail d = std::move(rows.value().front());
  Status s = AddDetail(ledger, d);
  if (!s.ok()) return s;
  return d;
}

Result<std::vector<DecisionRow>> ListDecisions(Ledger& ledger) {
  std::vector<DecisionRow> out;
  Status s = ForEachRow(
      ledger,
      "SELECT id, action, entity, other, target, note, decided_at, coalesce(revoked_at, ''), "
      "applied, outcome FROM entity_decisions ORDER BY id",
      {}, [&](const Statement& q) {
        out.push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5),
                       q.Text(6), q.Text(7), q.Int(8) != 0, q.Text(9)});
      });
  if (!s.ok()) return s;
  return out;
}

}  // namespace quoteledger
