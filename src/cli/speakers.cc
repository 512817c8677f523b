// `quoteledger speakers`: everyone the ledger quotes, most quoted first,
// with claim counts (in all and by kind), roles, aliases, the article dates
// first and last seen, and how the identity was settled ("curated" by a
// person, or why a surname alone stands apart).
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "ledger/entities.h"
#include "ledger/queries.h"
#include "report/records.h"

namespace quoteledger {
namespace {

struct SpeakersOptions {
  QueryOptions query;
  SpeakerFilter filter;
};

int RunSpeakers(const SpeakersOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  SpeakerFilter filter = opt.filter;
  filter.all_runs = opt.query.all_runs;
  auto speakers = ListSpeakers(*ledger.value(), filter);
  if (!speakers.ok()) return ErrorExit(speakers.status());
  Status s = AddIdentity(*ledger.value(), speakers.value());
  if (!s.ok()) return ErrorExit(s);
  std::string empty = filter.name.empty() && filter.kind.empty()
                          ? fmt::format("{} holds no claims yet; run `quoteledger ingest`", global.db)
                          : "no speaker matches these filters";
  return EmitRecords(SpeakerRecords(speakers.value()), FormatOf(opt.query, global),
                     {"speaker", "kind", "claims", "direct", "mixed", "partial", "indirect",
                      "according_to", "stance", "articles", "first_seen", "last_seen", "roles",
                      "identity"},
                     empty);
}

}  // namespace

void AddSpeakersCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<SpeakersOptions>();
  CLI::App* cmd = app.add_subcommand(
      "speakers", "who is quoted: claim counts, roles, first and last seen");
  cmd->add_option("name", opt->filter.name, "only speakers matching this name or alias");
  cmd->add_option("--kind", opt->filter.kind, "person, organization, group, anonymous or unknown")
      ->check(CLI::IsMember({"person", "organization", "group", "anonymous", "unknown"}));
  cmd->add_option("--min-confidence", opt->filter.min_confidence,
                  "count only claims with at least this confidence (0 to 1)")
      ->check(Confidence());
  cmd->add_option("--limit", opt->filter.limit, "at most this many speakers")
      ->check(Limit());
  AddQueryOptions(cmd, opt->query);
  cmd->callback([opt, &global] { global.exit_code = RunSpeakers(*opt, global); });
}

}  // namespace quoteledger
