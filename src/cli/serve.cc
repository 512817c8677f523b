// `quoteledger serve`: the local web app over the ledger (src/web/), on
// 127.0.0.1 only, read-only.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "quoteledger/extractor.h"
#include "web/server.h"
#include "web/web_app.h"

namespace quoteledger {
namespace {

struct ServeOptions {
  int port = 8080;
};

int RunServe(const ServeOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  ReportContext ctx;
  ctx.ledger = global.db;
  ctx.version = Extractor::Version();
  WebApp app(*ledger.value(), ctx);
  Status s = ServeHttp(app, "127.0.0.1", opt.port, [&](int port) {
    std::cerr << fmt::format("quoteledger: serving {} on http://127.0.0.1:{}/ (Ctrl-C stops)\n",
                             global.db, port)
              << std::flush;
  });
  if (!s.ok()) return ErrorExit(s);
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "browse the ledger in a web browser: search, speakers, articles, a JSON API");
  cmd->add_option("--port", opt->port,
                  "the port on 127.0.0.1 (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  cmd->callback([opt, &global] { global.exit_code = RunServe(*opt, global); });
}

}  // namespace quoteledger
