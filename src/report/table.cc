// Text tables, CSV and JSON for query results. JSON strings are dumped with
// invalid UTF-8 replaced, so a damaged ledger cannot make the output throw.
#include "report/table.h"

#include <algorithm>

#include <fmt/format.h>

namespace quoteledger {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool IsSpanList(const Json& v) {
  if (!v.is_array() || v.empty()) return false;
  return std::all_of(v.begin(), v.end(), [](const Json& s) {
    return s.is_array() && s.size() == 2 && s[0].is_number() && s[1].is_number();
  });
}

// Code points, which is how wide most text is in a terminal.
size_t DisplayWidth(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::vector<std::string> Columns(const Json& records, const std::vector<std::string>& wanted) {
  if (!wanted.empty()) return wanted;
  std::vector<std::string> out;
  if (records.empty() || !records[0].is_object()) return out;
  for (auto it = records[0].begin(); it != records[0].end(); ++it) out.push_back(it.key());
  return out;
}

// A table cell: long lists are cut to their first few items, since a table
// row should fit a screen; JSON and CSV carry them whole.
std::string TableCell(const Json& v) {
  constexpr size_t kMaxItems = 4;
  if (!v.is_array() || v.size() <= kMaxItems || IsSpanList(v)) return OneLine(CellText(v));
  Json head(v.begin(), v.begin() + kMaxItems);
  return OneLine(CellText(head)) + fmt::format(" (+{} more)", v.size() - kMaxItems);
}

// `s` cut to `width` code points, the last one "…", when it is longer.
std::string Fit(const std::string& s, size_t width) {
  if (DisplayWidth(s) <= width) return s;
  size_t kept = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (kept == width - 1) break;
    ++kept;
  }
  return s.substr(0, i) + "…";
}

// Narrows the widest columns that can give, one code point at a time,
// until a line (columns and the two spaces between them) fits `max_width`
// or no column can give more. A column gives down to `least[c]`.
void Narrow(std::vector<size_t>& width, const std::vector<size_t>& least, size_t max_width) {
  size_t total = 0;
  for (size_t w : width) total += w + 2;
  total -= width.empty() ? 0 : 2;
  while (total > max_width) {
    size_t widest = width.size();
    for (size_t c = 0; c < width.size(); ++c) {
      if (width[c] > least[c] && (widest == width.size() || width[c] > width[widest])) widest = c;
    }
    if (widest == width.size()) break;
    --width[widest];
    --total;
  }
}

std::string Table(const Json& records, const std::vector<std::string>& columns,
                  size_t max_width) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(columns.size());
  std::vector<bool> numeric(columns.size(), true);
  for (size_t c = 0; c < columns.size(); ++c) width[c] = DisplayWidth(columns[c]);
  for (const Json& r : records) {
    std::vector<std::string>& row = cells.emplace_back();
    for (size_t c = 0; c < columns.size(); ++c) {
      const Json& v = r.contains(columns[c]) ? r[columns[c]] : Json();
      row.push_back(TableCell(v));
      width[c] = std::max(width[c], DisplayWidth(row.back()));
      numeric[c] = numeric[c] && (v.is_number() || v.is_null());
    }
  }
  if (max_width > 0) {
    // Text keeps 8 code points, so a cut cell still says something; a
    // number column keeps its numbers whole and cuts only its heading.
    constexpr size_t kMinText = 8, kMinNumber = 3;
    std::vector<size_t> least(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
      size_t widest = 0;
      for (const auto& row : cells) widest = std::max(widest, DisplayWidth(row[c]));
      least[c] = numeric[c] ? std::max(widest, kMinNumber) : std::min(width[c], kMinText);
    }
    Narrow(width, least, max_width);
  }
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (size_t c = 0; c < columns.size(); ++c) {
      std::string cell = Fit(row[c], width[c]);
      size_t pad = width[c] - DisplayWidth(cell);
      bool last = c + 1 == columns.size();
      if (numeric[c]) out.append(pad, ' ');
      out += cell;
      if (!numeric[c] && !last) out.append(pad, ' ');
      if (!last) out += "  ";
    }
    return out + "\n";
  };
  std::string out = line(columns);
  std::vector<std::string> rule;
  for (size_t w : width) rule.push_back(std::string(w, '-'));
  out += line(rule);
  for (const auto& row : cells) out += line(row);
  return out;
}

std::string Csv(const Json& records, const std::vector<std::string>& columns) {
  std::string out;
  for (size_t c = 0; c < columns.size(); ++c) {
    if (c) out += ',';
    out += CsvField(columns[c]);
  }
  out += "\n";
  for (const Json& r : records) {
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c) out += ',';
      out += CsvField(r.contains(columns[c]) ? CellText(r[columns[c]]) : "");
    }
    out += "\n";
  }
  return out;
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(const std::string& name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  return Status::InvalidArgument(
      fmt::format("unknown output format \"{}\"; use table, json or csv", name));
}

std::string CellText(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_number_float()) return fmt::format("{:.2f}", v.get<double>());
  if (v.is_number()) return Dump(v, -1);
  if (IsSpanList(v)) {
    std::string out;
    for (const Json& s : v) {
      out += fmt::format("{}[{},{})", out.empty() ? "" : " ", Dump(s[0], -1), Dump(s[1], -1));
    }
    return out;
  }
  if (v.is_array()) {
    std::string out;
    for (const Json& e : v) out += (out.empty() ? "" : "; ") + CellText(e);
    return out;
  }
  return Dump(v, -1);
}

std::string RenderRecords(const Json& records, OutputFormat format,
                          const std::vector<std::string>& table_columns, size_t max_width) {
  switch (format) {
    case OutputFormat::kJson:
      return Dump(records, 2) + "\n";
    case OutputFormat::kCsv:
      return Csv(records, Columns(records, {}));
    case OutputFormat::kTable:
      break;
  }
  return Table(records, Columns(records, table_columns), max_width);
}

std::string RenderObject(const Json& object, OutputFormat format) {
  if (format == OutputFormat::kJson) return Dump(object, 2) + "\n";
  if (format == OutputFormat::kCsv) {
    Json records = Json::array({object});
    return Csv(records, Columns(records, {}));
  }
  size_t width = 0;
  for (auto it = object.begin(); it != object.end(); ++it) {
    width = std::max(width, DisplayWidth(it.key()));
  }
  std::string out;
  for (auto it = object.begin(); it != object.end(); ++it) {
    out += fmt::format("{:<{}}  {}\n", it.key(), width, OneLine(CellText(it.value())));
  }
  return out;
}

}  // namespace quoteledger
