// `quoteledger who PHRASE`: who said it. A full-text search of claim text,
// printing speaker, role, article, date, byte offsets and the claim.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "ledger/queries.h"
#include "report/records.h"

namespace quoteledger {
namespace {

struct WhoOptions {
  QueryOptions query;
  std::string phrase;
  std::string speaker;
  bool fts = false;
  int64_t limit = 0;
};

int RunWho(const WhoOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  ClaimFilter filter;
  filter.phrase = opt.phrase;
  filter.fts_query = opt.fts;
  if (!opt.speaker.empty()) {
    int rc = SelectSpeaker(*ledger.value(), opt.speaker, global.db, &filter.speaker_id);
    if (rc != 0) return rc;
  }
  filter.all_runs = opt.query.all_runs;
  filter.limit = opt.limit;
  auto claims = FindClaims(*ledger.value(), filter);
  if (!claims.ok()) return ErrorExit(claims.status());
  std::string format = FormatOf(opt.query, global);
  nlohmann::ordered_json records = ClaimRecords(claims.value());
  return EmitRecords(format == "table" ? ClaimTableRecords(records) : records, format,
                     {"speaker", "role", "date", "article", "content", "text"},
                     fmt::format("no claim in {} says \"{}\"; try fewer or other words",
                                 global.db, opt.phrase));
}

}  // namespace

void AddWhoCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<WhoOptions>();
  CLI::App* cmd = app.add_subcommand(
      "who", "who said PHRASE: speaker, role, article, date and byte offsets of each claim");
  cmd->add_option("phrase", opt->phrase, "words of the claim, searched as one phrase")
      ->required();
  cmd->add_option("--speaker", opt->speaker,
                  "only this speaker (a name or alias; one that several entities share is an "
                  "error that lists them)");
  cmd->add_flag("--fts", opt->fts,
                "PHRASE is an FTS5 query over the columns text and speaker, e.g. "
                "'speaker:netanyahu AND cease*'");
  cmd->add_option("--limit", opt->limit, "at most this many claims")->check(Limit());
  AddQueryOptions(cmd, opt->query);
  cmd->callback([opt, &global] { global.exit_code = RunWho(*opt, global); });
}

}  // namespace quoteledger
