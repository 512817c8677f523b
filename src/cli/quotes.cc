// `quoteledger quotes`: claims filtered by speaker, kind, date, publisher,
// anonymity and phrase, oldest article first.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "ledger/queries.h"
#include "report/records.h"

namespace quoteledger {
namespace {

struct QuotesOptions {
  QueryOptions query;
  ClaimFilter filter;
};

int RunQuotes(const QuotesOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  ClaimFilter filter = opt.filter;
  filter.all_runs = opt.query.all_runs;
  if (!filter.speaker.empty()) {
    int rc = SelectSpeaker(*ledger.value(), filter.speaker, global.db, &filter.speaker_id);
    if (rc != 0) return rc;
    filter.speaker.clear();
  }
  auto claims = FindClaims(*ledger.value(), filter);
  if (!claims.ok()) return ErrorExit(claims.status());
  std::string format = FormatOf(opt.query, global);
  nlohmann::ordered_json records = ClaimRecords(claims.value());
  return EmitRecords(format == "table" ? ClaimTableRecords(records) : records, format,
                     {"date", "speaker", "role", "kind", "article", "content", "text"},
                     "no claims match these filters");
}

}  // namespace

void AddQuotesCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<QuotesOptions>();
  ClaimFilter& f = opt->filter;
  CLI::App* cmd = app.add_subcommand(
      "quotes", "claims by speaker, kind, date and publisher, oldest article first");
  cmd->add_option("--speaker", f.speaker,
                  "one speaker, by name or alias (\"Blinken\"); a name several entities "
                  "share is an error that lists them");
  cmd->add_option("--kind", f.kind, "direct, mixed, partial, indirect, according_to or stance")
      ->check(
          CLI::IsMember({"direct", "mixed", "partial", "indirect", "according_to", "stance"}));
  cmd->add_option("--since", f.since,
                  "articles dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD); articles "
                  "whose date is unknown are left out")
      ->check(IsoDate());
  cmd->add_option("--until", f.until, "articles dated on or before this (YYYY[-MM[-DD]])")
      ->check(IsoDate());
  cmd->add_option("--min-confidence", f.min_confidence,
                  "only claims with at least this confidence (0 to 1)")
      ->check(Confidence());
  cmd->add_option("--publisher", f.publisher, "only this publisher (case-insensitive)");
  cmd->add_flag("--anonymous", f.anonymous, "only anonymous sources (\"a senior official\")");
  cmd->add_option("--about", f.phrase, "only claims whose text holds this phrase");
  cmd->add_option("--limit", f.limit, "at most this many claims")->check(Limit());
  AddQueryOptions(cmd, opt->query);
  cmd->callback([opt, &global] { global.exit_code = RunQuotes(*opt, global); });
}

}  // namespace quoteledger
