// `quoteledger stats`: how much the ledger holds. With --format json, an
// object whose keys (documents, runs, claims, entities, ...) hold counts.
#include <iostream>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "report/records.h"
#include "report/table.h"

namespace quoteledger {
namespace {

int RunStats(const std::string& format, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  auto stats = ledger.value()->Stats();
  if (!stats.ok()) return ErrorExit(stats.status());
  Result<OutputFormat> f = ParseOutputFormat(format);
  if (!f.ok()) return ErrorExit(f.status());
  std::cout << RenderObject(StatsRecord(stats.value()), f.value()) << std::flush;
  return 0;
}

}  // namespace

void AddStatsCommand(CLI::App& app, GlobalOptions& global) {
  auto format = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "stats", "counts: documents, runs, claims (current and superseded), entities, roles");
  cmd->add_option("--format", *format, "table (default), json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->callback([format, &global] {
    // As FormatOf (cli/query_common.h): this command's --format, else the
    // one given before it.
    std::string f = !format->empty() ? *format : global.format.empty() ? "table" : global.format;
    global.exit_code = RunStats(f, global);
  });
}

}  // namespace quoteledger
