// `quoteledger entity`: who is who in the ledger, and people's corrections.
// list and show read; merge, split, rename and undo record a decision that
// every later ingest re-applies (ledger/entities.h); decisions lists them.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "ledger/entities.h"
#include "report/records.h"

namespace quoteledger {
namespace {

using Json = nlohmann::ordered_json;

struct EntityOptions {
  QueryOptions query;
  std::string name, other, alias, into, note;
  bool curated = false;
  int64_t decision = 0;
};

Json DecisionJson(const DecisionRow& d) {
  Json r;
  r["id"] = d.id;
  r["action"] = d.action;
  r["entity"] = d.entity;
  r["other"] = d.other;
  r["target"] = d.target;
  r["note"] = d.note;
  r["decided_at"] = d.decided_at;
  r["status"] = !d.revoked_at.empty() ? "withdrawn " + d.revoked_at
                : d.applied          ? "in force"
                                     : "not applied: " + d.outcome;
  return r;
}

Json EntityJson(const EntityDetail& d) {
  Json r;
  r["entity"] = d.entity.name;
  r["kind"] = d.entity.kind;
  r["gender"] = d.entity.gender;
  r["claims"] = d.claims;
  r["aliases"] = d.entity.aliases;
  r["identity"] = IdentityLabel(d.entity);
  return r;
}

int RunList(const EntityOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  auto rows = ListEntities(*ledger.value(), opt.name, opt.curated);
  if (!rows.ok()) return ErrorExit(rows.status());
  Json out = Json::array();
  for (const EntityDetail& d : rows.value()) out.push_back(EntityJson(d));
  return EmitRecords(out, FormatOf(opt.query, global),
                     {"entity", "kind", "claims", "identity", "aliases"},
                     opt.name.empty() ? "no entities match" : "no entity is named \"" + opt.name + "\"");
}

int RunShow(const EntityOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  auto detail = ShowEntity(*ledger.value(), opt.name);
  if (!detail.ok() && detail.status().code() == StatusCode::kNotFound) {
    PrintError(detail.status().message());
    return 1;
  }
  if (!detail.ok()) return ErrorExit(detail.status());
  const EntityDetail& d = detail.value();
  Json names = Json::array();
  for (const NameRow& n : d.names) {
    names.push_back({{"name", n.name}, {"how", n.link}, {"claims", n.claims}});
  }
  Json decisions = Json::array();
  for (const DecisionRow& r : d.decisions) decisions.push_back(DecisionJson(r));
  if (FormatOf(opt.query, global) == "json") {
    Json r = EntityJson(d);
    r["names"] = names;
    r["decisions"] = decisions;
    std::cout << r.dump(2) << '\n';
    return 0;
  }
  std::cout << fmt::format("{} ({}{}; {} current claims)\n", d.entity.name, d.entity.kind,
                           d.entity.gender.empty() ? "" : ", " + d.entity.gender, d.claims);
  std::string identity = IdentityLabel(d.entity);
  std::cout << "identity: " << (identity.empty() ? "automatic" : identity) << "\n\n";
  std::cout << "names the articles gave (how: own, key = same first and last name, surname = "
               "the one person with it, apart, curated):\n";
  int rc =
      EmitRecords(names, FormatOf(opt.query, global), {"name", "how", "claims"}, "no names");
  if (!decisions.empty()) {
    std::cout << "\ndecisions:\n" << std::flush;
    rc = EmitRecords(decisions, FormatOf(opt.query, global),
                     {"id", "action", "entity", "other", "target", "decided_at", "status", "note"},
                     "");
  }
  return rc;
}

int RunDecisions(const EntityOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  auto rows = ListDecisions(*ledger.value());
  if (!rows.ok()) return ErrorExit(rows.status());
  Json out = Json::array();
  for (const DecisionRow& d : rows.value()) out.push_back(DecisionJson(d));
  return EmitRecords(out, FormatOf(opt.query, global),
                     {"id", "action", "entity", "other", "target", "decided_at", "status", "note"},
                     "no curation decisions in " + global.db);
}

// Runs one curation and prints what it did.
template <typename Fn>
int Curate(const GlobalOptions& global, Fn fn) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  Result<CurationResult> done = fn(*ledger.value());
  if (!done.ok()) return ErrorExit(done.status());
  std::cout << fmt::format("{} (decision #{}; kept in {} and applied again after every ingest)\n",
                           done.value().summary, done.value().decision, global.db);
  return 0;
}

void AddNote(CLI::App* cmd, EntityOptions& opt) {
  cmd->add_option("--note", opt.note, "why, kept with the decision");
}

}  // namespace

void AddEntityCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<EntityOptions>();
  CLI::App* cmd = app.add_subcommand(
      "entity", "who is who: list and show entities; merge, split and rename them by hand");
  cmd->require_subcommand(1);

  CLI::App* list = cmd->add_subcommand("list", "entities, most quoted first, with their aliases");
  list->add_option("name", opt->name, "only those this name or alias could mean");
  list->add_flag("--curated", opt->curated, "only entities a person's decision shaped");
  AddQueryOptions(list, opt->query);
  list->callback([opt, &global] { global.exit_code = RunList(*opt, global); });

  CLI::App* show = cmd->add_subcommand("show", "one entity: its names, aliases and decisions");
  show->add_option("name", opt->name, "a name or alias")->required();
  AddQueryOptions(show, opt->query);
  show->callback([opt, &global] { global.exit_code = RunShow(*opt, global); });

  CLI::App* merge = cmd->add_subcommand("merge", "make B part of A (A keeps its name)");
  merge->add_option("a", opt->name, "the entity that stays")->required();
  merge->add_option("b", opt->other, "the entity merged into it")->required();
  AddNote(merge, *opt);
  merge->callback([opt, &global] {
    global.exit_code = Curate(global, [&](Ledger& l) {
      return MergeEntities(l, opt->name, opt->other, opt->note);
    });
  });

  CLI::App* split = cmd->add_subcommand(
      "split", "move a name or alias of A, and the claims articles gave that name, elsewhere");
  split->add_option("a", opt->name, "the entity that has the name")->required();
  split->add_option("--alias", opt->alias, "the name or alias to move")->required();
  split->add_option("--into", opt->into, "an existing entity to move it to (default: a new one)");
  AddNote(split, *opt);
  split->callback([opt, &global] {
    global.exit_code = Curate(global, [&](Ledger& l) {
      return SplitAlias(l, opt->name, opt->alias, opt->into, opt->note);
    });
  });

  CLI::App* rename = cmd->add_subcommand("rename", "show entity A by a new name");
  rename->add_option("a", opt->name, "the entity")->required();
  rename->add_option("new_name", opt->other, "the name to show it by")->required();
  AddNote(rename, *opt);
  rename->callback([opt, &global] {
    global.exit_code = Curate(global, [&](Ledger& l) {
      return RenameEntity(l, opt->name, opt->other, opt->note);
    });
  });

  CLI::App* decisions = cmd->add_subcommand("decisions", "every curation decision, oldest first");
  AddQueryOptions(decisions, opt->query);
  decisions->callback([opt, &global] { global.exit_code = RunDecisions(*opt, global); });

  CLI::App* reconcile = cmd->add_subcommand(
      "reconcile", "recompute who is who now (every ingest does; for a ledger from before)");
  reconcile->callback([&global] {
    auto ledger = OpenLedgerForQuery(global);
    if (!ledger.ok()) {
      global.exit_code = ErrorExit(ledger.status());
      return;
    }
    auto changes = ledger.value()->ReconcileIdentity();
    if (!changes.ok()) {
      global.exit_code = ErrorExit(changes.status());
      return;
    }
    const IdentityChanges& c = changes.value();
    std::cout << fmt::format("{} names moved, {} claims moved, {} empty entities removed, {} "
                             "decisions not applied\n",
                             c.names_moved, c.claims_moved, c.entities_removed,
                             c.decisions_skipped);
  });

  CLI::App* undo = cmd->add_subcommand("undo", "withdraw a decision (it stays listed, withdrawn)");
  undo->add_option("id", opt->decision, "the decision's number")->required();
  undo->callback([opt, &global] {
    global.exit_code = Curate(global, [&](Ledger& l) { return UndoDecision(l, opt->decision); });
  });
}

}  // namespace quoteledger
