// Query plumbing. Table output is the default whether or not stdout is a
// terminal, so a command prints the same thing in a shell and in a script;
// scripts that want structure ask for --format json or csv.
#include "cli/query_common.h"

#include <charconv>
#include <cstdint>
#include <iostream>

#include <fmt/format.h>

#include "cli/console.h"
#include "ledger/entities.h"
#include "report/records.h"
#include "report/table.h"
#include "text/article_date.h"

namespace quoteledger {

void AddQueryOptions(CLI::App* cmd, QueryOptions& options) {
  cmd->add_option("--format", options.format, "table (default), json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->add_flag("--all-runs", options.all_runs,
                "include claims superseded by a later run with other rules");
}

std::string FormatOf(const QueryOptions& options, const GlobalOptions& global) {
  if (!options.format.empty()) return options.format;
  return global.format.empty() ? "table" : global.format;
}

CLI::Validator IsoDate() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::string why;
        if (IsDateBound(value, &why)) return "";
        return "\"" + value + "\" is not a date: " + why;
      },
      "DATE");
}

CLI::Validator Confidence() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        double x = -1;
        size_t used = 0;
        try {
          x = std::stod(value, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        // NaN fails both comparisons, so it is refused with the rest.
        if (used == value.size() && x >= 0 && x <= 1) return "";
        return "\"" + value + "\" is not a confidence; give a number from 0 to 1 (0.5)";
      },
      "0..1");
}

CLI::Validator Limit() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        int64_t n = 0;
        const char* end = value.data() + value.size();
        auto [stop, ec] = std::from_chars(value.data(), end, n);
        bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
        if (digits && ec == std::errc() && stop == end && n > 0) return "";
        if (digits && ec == std::errc::result_out_of_range) {
          return "\"" + value + "\" is too large a limit; give a number up to " +
                 std::to_string(INT64_MAX) + ", or leave --limit out for every row";
        }
        if (digits && n == 0 && ec == std::errc()) {
          return "a limit of 0 would return nothing; give a number from 1, or leave --limit "
                 "out for every row";
        }
        return "\"" + value + "\" is not a limit; give a whole number from 1 (100)";
      },
      "N>=1");
}

Result<std::unique_ptr<Ledger>> OpenLedgerForQuery(const GlobalOptions& global) {
  return Ledger::Open(global.db, Ledger::OpenMode::kExisting);
}

int EmitRecords(const nlohmann::ordered_json& records, const std::string& format,
                const std::vector<std::string>& table_columns, const std::string& empty_message) {
  if (records.empty()) {
    // An empty answer is still JSON; the exit code 1 still says "nothing".
    if (format == "json") std::cout << "[]\n" << std::flush;
    PrintError(empty_message);
    return 1;
  }
  Result<OutputFormat> f = ParseOutputFormat(format);
  if (!f.ok()) return ErrorExit(f.status());
  // Only JSON carries the schema's version; a table or CSV has no place for it.
  nlohmann::ordered_json versioned;
  if (f.value() == OutputFormat::kJson) versioned = WithSchema(records);
  std::cout << RenderRecords(f.value() == OutputFormat::kJson ? versioned : records, f.value(),
                             table_columns, OutputWidth())
            << std::flush;
  if (!std::cout) return ErrorExit(Status::IOError("cannot write the output (pipe closed?)"));
  return 0;
}

int SelectSpeaker(Ledger& ledger, const std::string& name, const std::string& db,
                  int64_t* entity_id) {
  Result<EntitySelection> chosen = SelectEntity(ledger, name);
  if (!chosen.ok() && chosen.status().code() == StatusCode::kNotFound) {
    PrintError(fmt::format("no speaker in {} is named \"{}\"; `quoteledger speakers` lists them",
                           db, name));
    return 1;
  }
  if (!chosen.ok()) {
    PrintError(chosen.status().message() + " (`quoteledger entity list \"" + name +
               "\"` shows them)");
    return 2;
  }
  if (chosen.value().how == "words") {
    std::cerr << fmt::format("quoteledger: note: taking \"{}\" as {}\n", name,
                             chosen.value().entity.name);
  }
  *entity_id = chosen.value().entity.id;
  return 0;
}

}  // namespace quoteledger
