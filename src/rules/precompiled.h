// What can be known about the built-in rules before the program runs,
// computed at build time by quoteledger-rulegen (src/rules/rulegen.cc) from
// data/rules/default.rules and the lexicons, and compiled into the binary:
// each rule's expanded pattern (already checked by RE2, so not parsed again
// at start-up), its named groups, and the literal prefilter's tables. Rule
// files given at run time are checked and filtered as before.
#ifndef QUOTELEDGER_RULES_PRECOMPILED_H_
#define QUOTELEDGER_RULES_PRECOMPILED_H_

#include <array>
#include <map>
#include <string>
#include <vector>

namespace quoteledger {

struct PrecompiledRule {
  // The pattern as RuleSet::Compile expands it; the entry applies to a rule
  // only when its expansion at run time is this very string.
  std::string expanded;
  std::map<std::string, int> groups;  // RE2's NamedCapturingGroups()
  std::array<int, 4> slots{};         // submatch of content, content2, source, cue; -1: none
  int submatches = 1;                 // how many submatches Match() asks for
  // The literal prefilter's condition, in conjunctive form: each clause
  // lists indices into PrecompiledRules::atoms, and the rule may match a
  // text only if every clause has an atom the text holds (in any case). No
  // clause: the rule always passes. Derived from re2::FilteredRE2's
  // condition (DeriveLiteralClauses): never stricter, and on PolNeAR dev
  // a few percent more rules pass (tests/precompiled_rules_test.cc).
  std::vector<std::vector<int>> clauses;
};

struct PrecompiledRules {
  std::vector<std::string> atoms;  // lowercased literals, as re2::FilteredRE2 gives them
  std::vector<PrecompiledRule> rules;
};

// The tables for the built-in rules, or null in the generator itself (which
// links src/rules/precompiled_none.cc instead of the generated file).
const PrecompiledRules* BuiltinPrecompiledRules();

}  // namespace quoteledger

#endif  // QUOTELEDGER_RULES_PRECOMPILED_H_
