// `quoteledger articles`: what the ledger holds, one row an article: where
// it came from (a path as ingested, an absolute one shown relative to the
// current folder; a JSON id or url; or file:line), title, date, publisher
// and claim count.
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "ledger/queries.h"
#include "report/records.h"

namespace quoteledger {
namespace {

// An absolute path as the user would type it from here: relative when it
// lies under the current folder or near it, else unchanged. Other names
// (ids, urls) are not paths and stay as they are.
std::string RelativeToHere(const std::string& name) {
  if (name.empty() || name.front() != '/') return name;
  std::error_code ec;
  std::filesystem::path here = std::filesystem::current_path(ec);
  if (ec) return name;
  std::string rel = std::filesystem::path(name).lexically_relative(here).string();
  // Past two levels up the absolute path reads better.
  if (rel.empty() || rel.rfind("../../../", 0) == 0) return name;
  return rel;
}

int RunArticles(const QueryOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  auto rows = ListArticles(*ledger.value(), opt.all_runs);
  if (!rows.ok()) return ErrorExit(rows.status());
  for (ArticleRow& r : rows.value()) r.doc.name = RelativeToHere(r.doc.name);
  return EmitRecords(ArticleRecords(rows.value()), FormatOf(opt, global),
                     {"article", "title", "date", "publisher", "claims"},
                     fmt::format("{} holds no articles yet; run `quoteledger ingest`", global.db));
}

}  // namespace

void AddArticlesCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand(
      "articles", "the articles the ledger holds: path or id, title, date, claims");
  AddQueryOptions(cmd, *opt);
  cmd->callback([opt, &global] { global.exit_code = RunArticles(*opt, global); });
}

}  // namespace quoteledger
