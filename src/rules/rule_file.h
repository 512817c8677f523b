// Rule files: the text format rules are written in, parsed into RuleSpecs.
//
//   # a comment
//   define DAY = (?:Monday|Tuesday|...)      a placeholder of the file's own
//   rule quote-comma-speaker-cue             starts a rule; ids are unique
//     kind direct                            direct|mixed|partial|indirect|according_to|stance
//     stage 1                                sieve stage, 1 runs first
//     confidence 0.95                        in [0, 1]
//     pattern {QUOTE} {SPEAKER} {CUE}{TAIL}  the template (see rule_set.h)
//     example “We won,” Smith said.          text the rule must match...
//       content “We won,”                    ...and what it must capture
//       source Smith                         (content, content2, source, cue)
//       cue said
//     counter We won, Smith said nothing.    text the rule must not match
//
// Indentation is for people; the first word of a line decides what it is.
#ifndef QUOTELEDGER_RULES_RULE_FILE_H_
#define QUOTELEDGER_RULES_RULE_FILE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "quoteledger/claim.h"
#include "quoteledger/status.h"

namespace quoteledger {

struct RuleExample {
  int line = 0;
  std::string text;
  bool must_match = true;                     // false for `counter`
  std::map<std::string, std::string> expect;  // group name -> captured text
};

struct RuleSpec {
  std::string id;
  ClaimKind kind = ClaimKind::kIndirect;
  int stage = 1;
  double confidence = 0.5;
  std::string pattern;
  // "scope paragraph": the content runs on to the end of the paragraph,
  // through sentences no other rule claimed (a transcript's turn).
  bool paragraph_scope = false;
  std::string file;  // where it was defined, for messages
  int line = 0;
  std::vector<RuleExample> examples;
};

struct RuleFile {
  std::string name;
  std::vector<RuleSpec> rules;
  std::map<std::string, std::string> defines;  // placeholder -> regex
};

// Parses `bytes` (named `name` in messages). Fails with RuleSyntax,
// "name:line: reason", at the first malformed line: an unknown keyword, a
// missing value, a duplicate id, a rule without a pattern, an expectation
// outside an example, a bad number.
Result<RuleFile> ParseRuleFile(std::string name, std::string_view bytes);

// Parses a kind name ("direct", "according_to"); false if unknown.
bool ParseClaimKind(std::string_view name, ClaimKind* kind);

}  // namespace quoteledger

#endif  // QUOTELEDGER_RULES_RULE_FILE_H_
