// `quoteledger verify`: checks the ledger's integrity and prints what is
// wrong, one problem a line; exit code 2 when anything is.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "ledger/verify.h"

namespace quoteledger {
namespace {

int RunVerify(const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  auto report = Verify(*ledger.value());
  if (!report.ok()) return ErrorExit(report.status());
  const VerifyReport& r = report.value();
  for (const std::string& problem : r.problems) std::cout << "problem: " << problem << '\n';
  for (const std::string& note : r.notes) std::cout << "note: " << note << '\n';
  std::cout << fmt::format("{}: {} documents, {} claims, {} roles checked: {}{}\n", global.db,
                           r.documents, r.claims, r.roles,
                           r.ok() ? "ok" : fmt::format("{} problem(s)", r.problems.size()),
                           r.read_only ? fmt::format(" (read-only: {}, so FTS5's own index "
                                                     "check, which writes, was skipped)",
                                                     ledger.value()->db().read_only_reason())
                                       : "")
            << std::flush;
  if (r.ok()) return 0;
  PrintError(
      "the ledger has problems (listed above); re-ingest the articles named into a new ledger, "
      "or restore a backup");
  return 2;
}

}  // namespace

void AddVerifyCommand(CLI::App& app, GlobalOptions& global) {
  CLI::App* cmd = app.add_subcommand(
      "verify", "check the ledger: SQLite integrity, foreign keys, spans, full-text index");
  cmd->callback([&global] { global.exit_code = RunVerify(global); });
}

}  // namespace quoteledger
