// Curation: people's decisions about identity. A decision is validated
// against the ledger as it is, recorded, and applied by reconciling, all
// in one transaction; if the reconciliation could not apply it after all,
// the transaction is rolled back so no decision is kept that does nothing.
// Decisions name entities by the names shown when they were made: a name
// outlives entity ids, which reconciliations may change.
#include <fmt/format.h>

#include "ledger/entities.h"
#include "ledger/query_util.h"

namespace quoteledger {
namespace {

struct Decision {
  std::string action, entity, other, target, note;
};

Result<int64_t> Count(Ledger& ledger, const std::string& sql, const std::vector<Param>& params) {
  int64_t n = 0;
  Status s = ForEachRow(ledger, sql, params, [&](const Statement& q) { n = q.Int(0); });
  if (!s.ok()) return s;
  return n;
}

Result<int64_t> Claims(Ledger& ledger, int64_t entity_id) {
  return Count(ledger,
               "SELECT count(*) FROM claims WHERE speaker_id = ?1 AND superseded_by_run IS NULL",
               {entity_id});
}

// Records `d`, reconciles, and checks it was applied. Inside the caller's
// transaction.
Result<CurationResult> Record(Ledger& ledger, const Decision& d) {
  Result<Statement*> st = ledger.db().Cached(
      "INSERT INTO entity_decisions(action, entity, other, target, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!st.ok()) return st.status();
  Status s = st.value()->Bind(1, d.action).Bind(2, d.entity).Bind(3, d.other).Bind(4, d.target)
                 .Bind(5, d.note).Run();
  if (!s.ok()) return s;
  CurationResult out;
  out.decision = ledger.db().LastInsertId();
  Result<IdentityChanges> changes = ledger.ReconcileIdentity();
  if (!changes.ok()) return changes.status();
  out.changes = changes.value();
  std::string outcome;
  int64_t applied = 0;
  s = ForEachRow(ledger, "SELECT applied, outcome FROM entity_decisions WHERE id = ?1",
                 {out.decision}, [&](const Statement& q) {
                   applied = q.Int(0);
                   outcome = q.Text(1);
                 });
  if (!s.ok()) return s;
  if (applied == 0) {
    return Status::InvalidArgument(fmt::format("the {} cannot be applied: {}", d.action, outcome));
  }
  return out;
}

// Runs `fn` in a write transaction on a reconciled ledger; commits only
// when it succeeds.
template <typename Fn>
Result<CurationResult> InTransaction(Ledger& ledger, Fn fn) {
  Status s = ledger.db().Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  Result<IdentityChanges> before = ledger.ReconcileIdentity();
  Result<CurationResult> out = before.ok() ? fn() : Result<CurationResult>(before.status());
  s = ledger.db().Exec(out.ok() ? "COMMIT" : "ROLLBACK");
  if (!s.ok()) return s;
  return out;
}

Result<EntityRow> Exact(Ledger& ledger, const std::string& name) {
  Result<EntitySelection> chosen = SelectEntity(ledger, name, /*exact_only=*/true);
  if (!chosen.ok()) return chosen.status();
  return chosen.value().entity;
}

std::string Plural(int64_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

Result<CurationResult> MergeEntities(Ledger& ledger, const std::string& into,
                                     const std::string& from, const std::string& note) {
  return InTransaction(ledger, [&]() -> Result<CurationResult> {
    Result<EntityRow> a = Exact(ledger, into);
    if (!a.ok()) return a.status();
    Result<EntityRow> b = Exact(ledger, from);
    if (!b.ok()) return b.status();
    if (a.value().id == b.value().id) {
      return Status::InvalidArgument(
          fmt::format("\"{}\" and \"{}\" are one entity already", into, from));
    }
    Result<int64_t> moved = Claims(ledger, b.value().id);
    if (!moved.ok()) return moved.status();
    Result<CurationResult> out =
        Record(ledger, {"merge", a.value().name, b.value().name, "", note});
    if (out.ok()) {
      out.value().summary = fmt::format("merged \"{}\" ({}) into \"{}\"", b.value().name,
                                        Plural(moved.value(), "claim"), a.value().name);
    }
    return out;
  });
}

Result<CurationResult> SplitAlias(Ledger& ledger, const std::string& entity,
                                  const std::string& alias, const std::string& into,
                                  const std::string& note) {
  return InTransaction(ledger, [&]() -> Result<CurationResult> {
    Result<EntityRow> a = Exact(ledger, entity);
    if (!a.ok()) return a.status();
    Result<int64_t> has = Count(ledger,
                                "SELECT (SELECT count(*) FROM entity_names WHERE entity_id = ?1 "
                                "AND name = ?2) + (SELECT count(*) FROM entity_aliases WHERE "
                                "entity_id = ?1 AND alias = ?2)",
                                {a.value().id, alias});
    if (!has.ok()) return has.status();
    if (has.value() == 0) {
      return Status::InvalidArgument(fmt::format(
          "\"{}\" is not a name or alias of \"{}\"; `quoteledger entity show \"{}\"` lists them",
          alias, a.value().name, a.value().name));
    }
    std::string target;
    if (!into.empty()) {
      Result<EntityRow> c = Exact(ledger, into);
      if (!c.ok()) return c.status();
      target = c.value().name;
    }
    Result<int64_t> moving = Count(ledger,
                                   "SELECT count(*) FROM claims WHERE speaker_name = ?1 AND "
                                   "speaker_id = ?2 AND superseded_by_run IS NULL",
                                   {alias, a.value().id});
    if (!moving.ok()) return moving.status();
    Result<CurationResult> out = Record(ledger, {"split", a.value().name, alias, target, note});
    if (out.ok()) {
      out.value().summary = fmt::format(
          "split \"{}\" ({}) off \"{}\" into {}", alias, Plural(moving.value(), "claim"),
          a.value().name, target.empty() ? "an entity of its own" : "\"" + target + "\"");
    }
    return out;
  });
}

Result<CurationResult> RenameEntity(Ledger& ledger, const std::string& entity,
                                    const std::string& new_name, const std::string& note) {
  return InTransaction(ledger, [&]() -> Result<CurationResult> {
    if (new_name.find_first_not_of(" \t") == std::string::npos) {
      return Status::InvalidArgument("the new name is empty; give the name to show");
    }
    Result<EntityRow> a = Exact(ledger, entity);
    if (!a.ok()) return a.status();
    Result<int64_t> taken = Count(ledger,
                                  "SELECT (SELECT count(*) FROM entities WHERE name = ?1 AND id "
                                  "!= ?2) + (SELECT count(*) FROM entity_names WHERE name = ?1 "
                                  "AND entity_id != ?2)",
                                  {new_name, a.value().id});
    if (!taken.ok()) return taken.status();
    if (taken.value() > 0) {
      return Status::InvalidArgument(fmt::format(
          "\"{}\" is another entity's name; to make them one, use `quoteledger entity merge`",
          new_name));
    }
    Result<CurationResult> out = Record(ledger, {"rename", a.value().name, new_name, "", note});
    if (out.ok()) {
      out.value().summary = fmt::format("renamed \"{}\" to \"{}\"", a.value().name, new_name);
    }
    return out;
  });
}

Result<CurationResult> UndoDecision(Ledger& ledger, int64_t id) {
  return InTransaction(ledger, [&]() -> Result<CurationResult> {
    Result<Statement*> st = ledger.db().Cached(
        "UPDATE entity_decisions SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
        "WHERE id = ?1 AND revoked_at IS NULL");
    if (!st.ok()) return st.status();
    Status s = st.value()->Bind(1, id).Run();
    if (!s.ok()) return s;
    if (ledger.db().Changes() == 0) {
      return Status::NotFound(fmt::format(
          "no decision #{} in force; `quoteledger entity decisions` lists them", id));
    }
    Result<IdentityChanges> changes = ledger.ReconcileIdentity();
    if (!changes.ok()) return changes.status();
    CurationResult out;
    out.decision = id;
    out.changes = changes.value();
    out.summary = fmt::format("withdrew decision #{} ({} claims moved back)", id,
                              changes.value().claims_moved);
    return out;
  });
}

}  // namespace quoteledger
