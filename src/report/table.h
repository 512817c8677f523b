// Records rendered as an aligned text table, CSV or JSON. A record set is a
// JSON array of flat objects whose keys, in order, are the columns; every
// query command builds one and picks a format.
#ifndef QUOTELEDGER_REPORT_TABLE_H_
#define QUOTELEDGER_REPORT_TABLE_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "quoteledger/status.h"

namespace quoteledger {

enum class OutputFormat { kTable, kJson, kCsv };

// "table", "json" or "csv"; InvalidArgument naming the choices otherwise.
Result<OutputFormat> ParseOutputFormat(const std::string& name);

// How one value reads in a table or CSV cell: strings as they are, numbers
// plainly (confidences to 2 decimals), booleans as yes/no, null as "",
// spans ([[b, e], ...]) as "[b,e) [b,e)", other arrays joined with "; ".
std::string CellText(const nlohmann::ordered_json& value);

// Renders `records` (an array of objects). kTable shows `table_columns`
// (all keys of the first record when empty), pads columns to the widest
// cell counting UTF-8 code points, right-aligns numbers, turns line breaks
// into spaces and shows only the first 4 items of a list (with a count);
// with `max_width` > 0 its lines are at most that many code points: the
// widest columns are narrowed (text to no less than 8 code points, numbers
// never below their widest number, so a very narrow terminal still wraps)
// and cells cut to fit end in "…". kCsv writes every key as
// RFC 4180 CSV with a header; kJson writes the array itself, indented; both
// ignore `max_width` and carry full values. The result ends in a newline.
std::string RenderRecords(const nlohmann::ordered_json& records, OutputFormat format,
                          const std::vector<std::string>& table_columns = {},
                          size_t max_width = 0);

// Renders one object: as JSON, or as "key  value" lines for kTable, or as a
// one-row CSV.
std::string RenderObject(const nlohmann::ordered_json& object, OutputFormat format);

}  // namespace quoteledger

#endif  // QUOTELEDGER_REPORT_TABLE_H_
