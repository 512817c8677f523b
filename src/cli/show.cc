// `quoteledger show DOC`: one article's claims in document order, with
// spans, speakers and the rules that made them. DOC is a SHA-256 prefix, a
// path (or any file with the same bytes), a JSON id or a url.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "ledger/queries.h"
#include "report/claims_json.h"
#include "report/records.h"
#include "report/report_data.h"
#include "report/table.h"

namespace quoteledger {
namespace {

struct ShowOptions {
  QueryOptions query;
  std::string doc;
};

std::string Heading(const DocumentRow& d, size_t claims) {
  std::string out;
  auto line = [&out](const char* key, const std::string& value) {
    if (!value.empty()) out += fmt::format("{:<10} {}\n", key, value);
  };
  line("article", d.name);
  line("sha256", d.sha256);
  line("title", d.title);
  line("publisher", d.publisher);
  line("url", d.url);
  line("date", d.date.empty() ? "unknown" : fmt::format("{} (from {})", d.date, d.date_source));
  line("ingested", d.ingested_at);
  line("size", fmt::format("{}, {}", Counted(static_cast<size_t>(d.size), "byte"), Counted(claims, "claim")));
  return out + "\n";
}

int RunShow(const ShowOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  auto doc = FindDocument(*ledger.value(), opt.doc);
  if (!doc.ok() && doc.status().code() == StatusCode::kNotFound) {
    PrintError(doc.status().message());
    return 1;
  }
  if (!doc.ok()) return ErrorExit(doc.status());
  ClaimFilter filter;
  filter.document_id = doc.value().id;
  filter.all_runs = opt.query.all_runs;
  auto claims = FindClaims(*ledger.value(), filter);
  if (!claims.ok()) return ErrorExit(claims.status());
  nlohmann::ordered_json records = ClaimRecords(claims.value());
  std::string format = FormatOf(opt.query, global);
  if (format == "json") {
    nlohmann::ordered_json out = {{"schema", kOutputSchema},
                                  {"document", WithSchema(DocumentRecord(doc.value()))},
                                  {"claims", WithSchema(records)}};
    std::cout << RenderObject(out, OutputFormat::kJson) << std::flush;
    return records.empty() ? 1 : 0;
  }
  if (format == "table") std::cout << Heading(doc.value(), claims.value().size());
  std::vector<std::string> columns = {"kind", "speaker", "role", "rule", "stage", "confidence",
                                      "content", "text"};
  if (opt.query.all_runs) columns.insert(columns.begin(), {"run", "superseded"});
  return EmitRecords(format == "table" ? ClaimTableRecords(records) : records, format, columns,
                     fmt::format("{} has no claims", doc.value().name));
}

}  // namespace

void AddShowCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand(
      "show", "one article's claims in order, with spans, speakers and rule ids");
  cmd->add_option("doc", opt->doc, "a SHA-256 prefix, a path, a JSON id or a url")->required();
  AddQueryOptions(cmd, opt->query);
  cmd->callback([opt, &global] { global.exit_code = RunShow(*opt, global); });
}

}  // namespace quoteledger
