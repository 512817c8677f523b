// Running the examples a rule file carries, so a rule set is tested like
// code: each `example` must match and capture what it says, each `counter`
// must not match.
#ifndef QUOTELEDGER_RULES_RULE_CHECK_H_
#define QUOTELEDGER_RULES_RULE_CHECK_H_

#include <string>
#include <vector>

#include "rules/rule_set.h"
#include "text/segments.h"

namespace quoteledger {

struct ExampleReport {
  int examples = 0;  // examples and counters run
  int passed = 0;
  std::vector<std::string> failures;  // "file:line: rule ID: what differs"
};

// Runs every example of every rule in `rules`. An example's text is
// segmented like an article; the rule runs on its sentences and the first
// match is compared with the expectations (captured text, trimmed of spaces
// and of , ; : at its ends, in the example's own bytes).
ExampleReport CheckExamples(const RuleSet& rules, const AbbreviationSet& abbreviations);

}  // namespace quoteledger

#endif  // QUOTELEDGER_RULES_RULE_CHECK_H_
