// `quoteledger report`: attribution reports as Markdown or HTML.
#include "cli/commands.h"

namespace quoteledger {

void AddReportCommand(CLI::App& app, GlobalOptions& global) {
  (void)app;
  (void)global;
}

}  // namespace quoteledger
