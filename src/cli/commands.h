// The sub-commands of the quoteledger binary. Each file adds one to the
// CLI11 app; its callback does the work and stores the exit code (0 done,
// 1 a query found nothing, 2 an error). Only this layer prints errors.
#ifndef QUOTELEDGER_CLI_COMMANDS_H_
#define QUOTELEDGER_CLI_COMMANDS_H_

#include <string>

#include <CLI/CLI.hpp>

#include "quoteledger/status.h"

namespace quoteledger {

struct GlobalOptions {
  std::string db;      // --db, else $QUOTELEDGER_DB, else quoteledger.db
  std::string format;  // --format given before or after the command, or ""
  int exit_code = 0;
};

void AddExtractCommand(CLI::App& app, GlobalOptions& global);
void AddRulesCommand(CLI::App& app, GlobalOptions& global);
void AddEvalCommand(CLI::App& app, GlobalOptions& global);

// The ledger: writing it, querying it, reporting from it, checking it.
void AddIngestCommand(CLI::App& app, GlobalOptions& global);
void AddMergeCommand(CLI::App& app, GlobalOptions& global);
void AddWhoCommand(CLI::App& app, GlobalOptions& global);
void AddQuotesCommand(CLI::App& app, GlobalOptions& global);
void AddSpeakersCommand(CLI::App& app, GlobalOptions& global);
void AddRolesCommand(CLI::App& app, GlobalOptions& global);
void AddShowCommand(CLI::App& app, GlobalOptions& global);
void AddStatsCommand(CLI::App& app, GlobalOptions& global);
void AddReportCommand(CLI::App& app, GlobalOptions& global);
void AddVerifyCommand(CLI::App& app, GlobalOptions& global);
void AddEntityCommand(CLI::App& app, GlobalOptions& global);
void AddArticlesCommand(CLI::App& app, GlobalOptions& global);
void AddServeCommand(CLI::App& app, GlobalOptions& global);

// Prints "quoteledger: MESSAGE" to stderr.
void PrintError(const std::string& message);
// Prints the status as PrintError does and returns 2, the error exit code.
int ErrorExit(const Status& status);

}  // namespace quoteledger

#endif  // QUOTELEDGER_CLI_COMMANDS_H_
