// ReconcileIdentity: loads the names and decisions, runs the identity
// model, and writes back only what changed, so a reconciliation that finds
// nothing new writes nothing (and re-indexes no claim).
#include <map>
#include <set>
#include <variant>

#include <fmt/format.h>

#include "ledger/identity.h"
#include "ledger/identity_model.h"

namespace quoteledger {
namespace {

template <typename Fn>
Status EachRow(Database& db, std::string_view sql, Fn read) {
  Result<Statement> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> row = st.value().Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    read(st.value());
  }
}

Result<std::vector<NameRec>> LoadNames(Database& db) {
  std::vector<NameRec> names;
  std::unordered_map<std::string, size_t> index;
  Status s = EachRow(db,
                     "SELECT n.name, n.kind, n.gender, n.name_key, n.link, n.entity_id, "
                     "(SELECT count(*) FROM claims c WHERE c.speaker_name = n.name AND "
                     "c.superseded_by_run IS NULL) FROM entity_names n ORDER BY n.name",
                     [&](const Statement& q) {
                       NameRec n;
                       n.name = q.Text(0);
                       n.kind = q.Text(1);
                       n.gender = q.Text(2);
                       n.stored_key = q.Text(3);
                       n.stored_link = q.Text(4);
                       n.entity_id = q.Int(5);
                       n.claims = q.Int(6);
                       index[FoldCase(n.name)] = names.size();
                       names.push_back(std::move(n));
                     });
  if (s.ok()) {
    s = EachRow(db, "SELECT name, alias FROM name_aliases ORDER BY name, alias",
                [&](const Statement& q) {
                  auto it = index.find(FoldCase(q.Text(0)));
                  if (it != index.end()) names[it->second].aliases.push_back(q.Text(1));
                });
  }
  if (!s.ok()) return s;
  return names;
}

Result<std::vector<DecisionRec>> LoadDecisions(Database& db) {
  std::vector<DecisionRec> out;
  Status s = EachRow(db,
                     "SELECT id, action, entity, other, target, applied, outcome "
                     "FROM entity_decisions WHERE revoked_at IS NULL ORDER BY id",
                     [&](const Statement& q) {
                       DecisionRec d;
                       d.id = q.Int(0);
                       d.action = q.Text(1);
                       d.entity = q.Text(2);
                       d.other = q.Text(3);
                       d.target = q.Text(4);
                       d.stored_applied = q.Int(5) != 0;
                       d.stored_outcome = q.Text(6);
                       out.push_back(std::move(d));
                     });
  if (!s.ok()) return s;
  return out;
}

struct EntityState {
  std::string name, kind, gender, note;
  bool curated = false;
};

// Writes the model back. `rows` holds the entity rows as they are.
class Writer {
 public:
  Writer(Database& db, IdentityModel& model, std::map<int64_t, EntityState> rows)
      : db_(db), model_(model), rows_(std::move(rows)) {}

  Result<IdentityChanges> Run(const std::vector<DecisionRec>& decisions);

 private:
  Status ChooseRows();
  Status UpdateEntity(int c);
  Status MoveNames();
  Status RemoveEmptyEntities();
  Status SyncAliases();
  Status Exec(std::string_view sql, const std::vector<std::variant<int64_t, std::string>>& args);

  Database& db_;
  IdentityModel& model_;
  std::map<int64_t, EntityState> rows_;
  std::vector<int64_t> row_of_;  // cluster -> entity id
  IdentityChanges changes_;
};

Status Writer::Exec(std::string_view sql,
                    const std::vector<std::variant<int64_t, std::string>>& args) {
  Result<Statement*> st = db_.Cached(sql);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < args.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    if (auto* n = std::get_if<int64_t>(&args[i])) st.value()->Bind(index, *n);
    if (auto* s = std::get_if<std::string>(&args[i])) st.value()->Bind(index, *s);
  }
  return st.value()->Run();
}

// Each cluster keeps the row already named as it is shown; else a row one
// of its names is on now (renamed); else a new row.
Status Writer::ChooseRows() {
  int count = static_cast<int>(model_.clusters().size());
  row_of_.assign(count, 0);
  std::unordered_map<std::string, int64_t> by_name;
  for (const auto& [id, row] : rows_) by_name[FoldCase(row.name)] = id;
  std::set<int64_t> used;
  for (int c = 0; c < count; ++c) {
    if (!model_.Live(c)) continue;
    auto it = by_name.find(FoldCase(model_.Display(c)));
    if (it != by_name.end()) used.insert(row_of_[c] = it->second);
  }
  for (int c = 0; c < count; ++c) {
    if (!model_.Live(c) || row_of_[c] != 0) continue;
    for (int n : model_.clusters()[c].names) {
      int64_t id = model_.names()[n].entity_id;
      if (rows_.count(id) > 0 && used.count(id) == 0) {
        used.insert(row_of_[c] = id);
        break;
      }
    }
    if (row_of_[c] != 0) continue;
    Status s = Exec("INSERT INTO entities(name, kind) VALUES (?1, ?2)",
                    {model_.Display(c), model_.Kind(c)});
    if (!s.ok()) return s;
    used.insert(row_of_[c] = db_.LastInsertId());
    rows_[row_of_[c]] = {model_.Display(c), model_.Kind(c), "", "", false};
  }
  // Renames last, once every row's new name is free: a row may take the
  // name another row gives up.
  for (int c = 0; c < count; ++c) {
    if (!model_.Live(c)) continue;
    Status s = UpdateEntity(c);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Writer::UpdateEntity(int c) {
  int64_t id = row_of_[c];
  EntityState want{model_.Display(c), model_.Kind(c),
                   model_.Gender(c) ? std::string(1, model_.Gender(c)) : "",
                   model_.clusters()[c].note, model_.clusters()[c].curated};
  const EntityState& have = rows_[id];
  if (have.name == want.name && have.kind == want.kind && have.gender == want.gender &&
      have.note == want.note && have.curated == want.curated) {
    return Status::Ok();
  }
  Status s = Status::Ok();
  if (have.name != want.name) {
    s = Exec("UPDATE entities SET name = ?2 WHERE id = ?1", {id, want.name});
  }
  if (s.ok()) {
    s = Exec("UPDATE entities SET kind = ?2, gender = ?3, identity_note = ?4, curated = ?5 "
             "WHERE id = ?1",
             {id, want.kind, want.gender, want.note, int64_t{want.curated}});
  }
  rows_[id] = want;
  return s;
}

Status Writer::MoveNames() {
  for (NameRec& n : model_.names()) {
    int64_t id = row_of_[n.cluster];
    if (id != n.entity_id) {
      ++changes_.names_moved;
      Status s = Exec("UPDATE claims SET speaker_id = ?1 WHERE speaker_name = ?2", {id, n.name});
      changes_.claims_moved += db_.Changes();
      if (s.ok()) s = Exec("UPDATE roles SET entity_id = ?1 WHERE person_name = ?2", {id, n.name});
      if (!s.ok()) return s;
    }
    if (id != n.entity_id || n.link != n.stored_link || n.key != n.stored_key) {
      Status s = Exec("UPDATE entity_names SET entity_id = ?1, link = ?2, name_key = ?3 "
                      "WHERE name = ?4",
                      {id, n.link, n.key, n.name});
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

Status Writer::RemoveEmptyEntities() {
  std::set<int64_t> used(row_of_.begin(), row_of_.end());
  for (const auto& [id, row] : rows_) {
    if (used.count(id) > 0) continue;
    // Only rows nothing points at: a claim or role written by a program
    // older than the names (no speaker_name) keeps its row.
    Status s = Exec(
        "DELETE FROM entity_aliases WHERE entity_id = ?1 AND NOT EXISTS (SELECT 1 FROM claims "
        "WHERE speaker_id = ?1) AND NOT EXISTS (SELECT 1 FROM roles WHERE entity_id = ?1)",
        {id});
    if (s.ok()) {
      s = Exec("DELETE FROM entities WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM claims WHERE "
               "speaker_id = ?1) AND NOT EXISTS (SELECT 1 FROM roles WHERE entity_id = ?1)",
               {id});
    }
    if (!s.ok()) return s;
    changes_.entities_removed += db_.Changes();
  }
  return Status::Ok();
}

Status Writer::SyncAliases() {
  std::set<std::pair<int64_t, std::string>> have, want;
  Status s = EachRow(db_, "SELECT entity_id, alias FROM entity_aliases", [&](const Statement& q) {
    have.emplace(q.Int(0), q.Text(1));
  });
  if (!s.ok()) return s;
  for (int c = 0; c < static_cast<int>(row_of_.size()); ++c) {
    if (!model_.Live(c)) continue;
    for (const std::string& alias : model_.Aliases(c)) want.emplace(row_of_[c], alias);
  }
  for (const auto& [id, alias] : have) {
    if (want.count({id, alias}) > 0 || rows_.count(id) == 0) continue;
    s = Exec("DELETE FROM entity_aliases WHERE entity_id = ?1 AND alias = ?2", {id, alias});
    if (!s.ok()) return s;
  }
  for (const auto& [id, alias] : want) {
    if (have.count({id, alias}) > 0) continue;
    s = Exec("INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES (?1, ?2)", {id, alias});
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<IdentityChanges> Writer::Run(const std::vector<DecisionRec>& decisions) {
  Status s = ChooseRows();
  if (s.ok()) s = MoveNames();
  if (s.ok()) s = SyncAliases();
  if (s.ok()) s = RemoveEmptyEntities();
  for (const DecisionRec& d : decisions) {
    if (!s.ok()) break;
    if (!d.applied) ++changes_.decisions_skipped;
    if (d.applied == d.stored_applied && d.outcome == d.stored_outcome) continue;
    s = Exec("UPDATE entity_decisions SET applied = ?2, outcome = ?3 WHERE id = ?1",
             {d.id, int64_t{d.applied}, d.outcome});
  }
  if (!s.ok()) return s;
  return changes_;
}

Result<IdentityChanges> ReconcileIn(Database& db, const NameParser& parser) {
  Result<std::vector<NameRec>> names = LoadNames(db);
  if (!names.ok()) return names.status();
  Result<std::vector<DecisionRec>> decisions = LoadDecisions(db);
  if (!decisions.ok()) return decisions.status();
  std::map<int64_t, EntityState> rows;
  Status s = EachRow(db, "SELECT id, name, kind, gender, identity_note, curated FROM entities",
                     [&](const Statement& q) {
                       rows[q.Int(0)] = {q.Text(1), q.Text(2), q.Text(3), q.Text(4),
                                         q.Int(5) != 0};
                     });
  if (!s.ok()) return s;
  IdentityModel model(std::move(names).value(), parser);
  model.ClusterAutomatically();
  for (DecisionRec& d : decisions.value()) model.Apply(d);
  model.FinishDisplayNames();
  return Writer(db, model, std::move(rows)).Run(decisions.value());
}

}  // namespace

Result<IdentityChanges> ReconcileIdentity(Database& db, const NameParser& parser) {
  bool own = !db.InTransaction();
  if (own) {
    Status s = db.Exec("BEGIN IMMEDIATE");
    if (!s.ok()) return s;
  }
  Status s = db.Exec("SAVEPOINT identity");
  if (!s.ok()) return s;
  Result<IdentityChanges> changes = ReconcileIn(db, parser);
  s = changes.ok() ? db.Exec("RELEASE identity") : changes.status();
  if (!s.ok()) (void)db.Exec("ROLLBACK TO identity; RELEASE identity");
  if (own) {
    Status end = db.Exec(s.ok() ? "COMMIT" : "ROLLBACK");
    if (s.ok()) s = end;
  }
  if (!s.ok()) return s;
  return changes;
}

}  // namespace quoteledger
