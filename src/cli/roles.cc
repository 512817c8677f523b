// `quoteledger roles NAME`: every role the ledger holds for a person, with
// the article and the bytes that state it.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "ledger/queries.h"
#include "report/records.h"

namespace quoteledger {
namespace {

struct RolesOptions {
  QueryOptions query;
  std::string name;
};

int RunRoles(const RolesOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  int64_t entity_id = 0;
  int rc = SelectSpeaker(*ledger.value(), opt.name, global.db, &entity_id);
  if (rc != 0) return rc;
  auto roles = EntityRoles(*ledger.value(), entity_id, opt.query.all_runs);
  if (!roles.ok()) return ErrorExit(roles.status());
  return EmitRecords(RoleRecords(roles.value()), FormatOf(opt.query, global),
                     {"person", "role", "date", "article", "evidence_span", "evidence"},
                     fmt::format("no article in {} states a role for \"{}\"", global.db, opt.name));
}

}  // namespace

void AddRolesCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<RolesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "roles", "every role held by a person, with the article and bytes that state it");
  cmd->add_option("name", opt->name, "a name or alias (\"Blinken\")")->required();
  AddQueryOptions(cmd, opt->query);
  cmd->callback([opt, &global] { global.exit_code = RunRoles(*opt, global); });
}

}  // namespace quoteledger
