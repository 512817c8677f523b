// libFuzzer target for the rule-file parser: any bytes give a RuleFile or a
// RuleSyntax status naming file:line, never a crash. A parsed rule's line
// and its examples' lines are inside the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rules/rule_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quoteledger;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto parsed = ParseRuleFile("fuzz.rules", bytes);
  if (!parsed.ok()) {
    if (parsed.status().message().empty()) std::abort();
    return 0;
  }
  long lines = 1;
  for (char c : bytes) lines += c == '\n';
  for (const RuleSpec& r : parsed.value().rules) {
    if (r.line < 1 || r.line > lines) std::abort();
    for (const RuleExample& e : r.examples) {
      if (e.line < 1 || e.line > lines) std::abort();
    }
  }
  return 0;
}
