// RuleSet: rule templates expanded into RE2 patterns, each compiled once per
// process when a text first needs it, with an
// RE2::Set prefilter so a sentence is scanned once to learn which rules can
// match before any rule runs on its own. The only place RE2 is used.
//
// Template language: a pattern is RE2 syntax plus placeholders {NAME}.
// Placeholders that capture: {QUOTE}, {CLAUSE} and {QCLAUSE} ("content"),
// {QUOTE2} ("content2"), {SPEAKER} and {SUBJECT} ("source"), {CUE},
// {CUEING}, {CLAUSECUE} and {TELL} ("cue"); each group may be captured once
// per pattern. Other placeholders
// ({START}, {TAIL}, {DAY}, ...) and a file's `define`s expand to
// non-capturing groups. A literal space matches one space of the normalized
// text, where every run of white space is one space.
#ifndef QUOTELEDGER_RULES_RULE_SET_H_
#define QUOTELEDGER_RULES_RULE_SET_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quoteledger/status.h"
#include "rules/precompiled.h"
#include "rules/rule_file.h"

namespace quoteledger {

// Byte ranges into the matched text; begin == end == npos when a group did
// not take part in the match.
struct GroupSpan {
  size_t begin = std::string_view::npos;
  size_t end = std::string_view::npos;
  bool found() const { return begin != std::string_view::npos; }
};

struct RuleMatch {
  GroupSpan whole;
  GroupSpan content;
  GroupSpan content2;
  GroupSpan source;
  GroupSpan cue;
};

// Placeholder name -> regex; capturing placeholders are listed above. An
// entry "NAME?" is NAME's trigger for the prefilter: a regex that matches
// inside the text of every match of {NAME} (a quotation holds its opening
// mark, a cue its verb). So a sentence without it cannot match a pattern
// using {NAME} outside every group, and a match of such a pattern starts
// at or before the trigger's last occurrence (RuleSet::Match uses both).
using PlaceholderMap = std::map<std::string, std::string>;

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // Expands and parses `files`' rules in order; a later rule with an id
  // already seen replaces the earlier one. `placeholders` are the built-ins;
  // a file's defines apply to that file and override built-ins. Fails with
  // RuleSyntax "file:line: rule ID: reason" for an unknown placeholder, a
  // placeholder captured twice, or a pattern RE2 rejects (the message holds
  // RE2's error and the expanded pattern). A rule's RE2 program is built on
  // its first Match(), once, whichever threads ask. A rule whose expansion
  // is one `table` lists (by default the built-in rules' tables, computed
  // at build time) is not parsed again: the table holds what parsing would
  // tell, and its literal condition.
  static Result<RuleSet> Compile(const std::vector<RuleFile>& files,
                                 const PlaceholderMap& placeholders);
  static Result<RuleSet> Compile(const std::vector<RuleFile>& files,
                                 const PlaceholderMap& placeholders,
                                 const PrecompiledRules* table);

  // What a table for these rules holds (see precompiled.h), computed at
  // run time: what quoteledger-rulegen writes into the binary.
  PrecompiledRules Export() const;

  // Builds every rule's program now. A pattern that parses can still fail
  // to compile within RE2's memory budget (1 GB); Match() then finds
  // nothing for that rule and failed_compiles() counts it, and this says
  // which: RuleSyntax "file:line: rule ID: RE2 rejects the pattern: ...".
  // `rules check` calls it. Thread-safe.
  Status CompileAll() const;
  long failed_compiles() const;

  size_t size() const;
  const RuleSpec& spec(size_t rule) const;
  // The expanded RE2 pattern of a rule, for `rules check --verbose`.
  const std::string& expanded(size_t rule) const;

  // Indices of the rules that may match in `text` (all whose triggers the
  // prefilter finds there and whose required literals, derived from the
  // expanded pattern, all occur in it), ordered by stage and then by
  // position in the files. A rule not listed cannot match. Thread-safe.
  void Candidates(std::string_view text, std::vector<int>* out) const;

  // How often Candidates() found the prefilter's DFA out of memory and
  // fell back to every rule (a performance problem, never a wrong answer).
  long prefilter_fallbacks() const;

  // Finds the leftmost match of `rule` in `text` starting at or after byte
  // `from` (anchors ^ and $ refer to the whole of `text`). Thread-safe.
  // Text that is all ASCII runs on a Latin-1 twin of the rule's program,
  // with the same result and a smaller DFA. The rule runs anchored at the
  // places where its opening (StartPrefix) matches, up to the last
  // occurrence of its triggers; what it finds there is what RE2's
  // unanchored search finds. Each thread keeps the openings and trigger
  // positions of the last text it saw, so calls for one sentence share
  // them.
  bool Match(size_t rule, std::string_view text, size_t from, RuleMatch* m) const;

 private:
  Status BuildPrefilter(const PlaceholderMap& placeholders);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Expands a template (exposed for tests). `file_defines` override
// `placeholders`, and may themselves use defines and placeholders. Fails
// with a reason (without file and line) on an unknown or repeated capturing
// placeholder, or on defines that refer to each other in a cycle.
Result<std::string> ExpandTemplate(std::string_view pattern,
                                   const PlaceholderMap& placeholders,
                                   const PlaceholderMap& file_defines);

// A pattern that, compiled in Latin-1, matches text that is all ASCII
// exactly as `pattern` compiled in UTF-8 does (same matches, same
// submatches): Match() runs such a twin of each rule on ASCII text. Exposed
// for tests.
std::string AsciiTwinPattern(std::string_view pattern);

}  // namespace quoteledger

#endif  // QUOTELEDGER_RULES_RULE_SET_H_
