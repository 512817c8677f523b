// What the query sub-commands (who, quotes, speakers, roles, show, stats,
// report, verify) share: opening the ledger, the --format and --all-runs
// options, and printing records with the 0/1/2 exit-code convention.
#ifndef QUOTELEDGER_CLI_QUERY_COMMON_H_
#define QUOTELEDGER_CLI_QUERY_COMMON_H_

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "ledger/ledger.h"

namespace quoteledger {

struct QueryOptions {
  std::string format;            // table, json, csv, or "" when not given here
  bool all_runs = false;         // include claims superseded by later runs
};

// Adds --format table|json|csv and --all-runs to `cmd`.
void AddQueryOptions(CLI::App* cmd, QueryOptions& options);

// The format to print in: the command's --format, else the one given
// before the command, else "table".
std::string FormatOf(const QueryOptions& options, const GlobalOptions& global);

// A CLI11 check accepting YYYY, YYYY-MM or YYYY-MM-DD naming a year, month
// or day that exists ("2024-02-30" is refused, saying why).
CLI::Validator IsoDate();

// A CLI11 check accepting a number from 0 to 1 (--min-confidence).
CLI::Validator Confidence();

// A CLI11 check for --limit: a whole number from 1 to 2^63-1, in decimal.
// 0 is refused (it would read as "no limit"), and so is a number too big
// to hold, which CLI11 would otherwise clamp without a word.
CLI::Validator Limit();

// Opens the ledger named by --db, which must exist (the error says how to
// make one).
Result<std::unique_ptr<Ledger>> OpenLedgerForQuery(const GlobalOptions& global);

// Prints `records` in `format` to stdout and returns 0, or, when there are
// none, prints `empty_message` to stderr (and `[]` to stdout in JSON, so a
// script always reads a JSON array) and returns 1. Table output shows
// `table_columns`; JSON and CSV carry every key, and JSON adds "schema"
// (WithSchema, report/records.h) to each record.
int EmitRecords(const nlohmann::ordered_json& records, const std::string& format,
                const std::vector<std::string>& table_columns, const std::string& empty_message);

// Resolves a --speaker NAME to one entity (SelectEntity, ledger/entities.h)
// and stores its id in *entity_id. Returns 0 when found (with a note on
// stderr when NAME matched only as words of a longer name), 1 after saying
// no one has that name, 2 after listing the entities an ambiguous NAME
// could be, or on an error.
int SelectSpeaker(Ledger& ledger, const std::string& name, const std::string& db,
                  int64_t* entity_id);

}  // namespace quoteledger

#endif  // QUOTELEDGER_CLI_QUERY_COMMON_H_
