// The quoteledger command: global options and the list of sub-commands.
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "quoteledger/extractor.h"

namespace quoteledger {

void PrintError(const std::string& message) {
  std::cerr << "quoteledger: " << message << '\n';
}

int ErrorExit(const Status& status) {
  PrintError(status.ToString());
  return 2;
}

}  // namespace quoteledger

int main(int argc, char** argv) {
  using namespace quoteledger;
  std::ios::sync_with_stdio(false);
  CLI::App app{"quoteledger: who said what, where, in what role"};
  app.set_version_flag("--version", std::string(Extractor::Version()));
  app.require_subcommand(1);
  GlobalOptions global;
  const char* env_db = std::getenv("QUOTELEDGER_DB");
  global.db = env_db && *env_db ? env_db : "quoteledger.db";
  app.add_option("--db", global.db, "the ledger (default $QUOTELEDGER_DB or quoteledger.db)");
  app.add_option("--format", global.format,
                 "table, json or csv for the queries (also accepted after the command)")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  // Options of the app given after a sub-command ("stats --db x.db") pass
  // up to it; sub-commands made from here on inherit this.
  app.fallthrough();
  AddExtractCommand(app, global);
  AddRulesCommand(app, global);
  AddEvalCommand(app, global);
  AddIngestCommand(app, global);
  AddMergeCommand(app, global);
  AddWhoCommand(app, global);
  AddQuotesCommand(app, global);
  AddSpeakersCommand(app, global);
  AddRolesCommand(app, global);
  AddShowCommand(app, global);
  AddStatsCommand(app, global);
  AddReportCommand(app, global);
  AddVerifyCommand(app, global);
  AddEntityCommand(app, global);
  AddArticlesCommand(app, global);
  AddServeCommand(app, global);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return global.exit_code;
}
