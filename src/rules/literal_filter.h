// LiteralFilter: which of a list of patterns can match a text, judged from
// the literal strings every match of a pattern must contain. RE2 derives
// those strings (re2::FilteredRE2); one case-insensitive scan of the text
// finds which of them occur. Rules built on a define the placeholder map
// knows nothing of ("{NAMING}", a list of verbs) get a cheap necessary
// condition this way without anyone writing a trigger for them.
#ifndef QUOTELEDGER_RULES_LITERAL_FILTER_H_
#define QUOTELEDGER_RULES_LITERAL_FILTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/precompiled.h"

namespace quoteledger {

class LiteralFilter {
 public:
  // Derives the required literals of `patterns` (RE2 syntax, UTF-8). A
  // pattern RE2 rejects, or one with no required literal, always passes.
  // A pattern that `table` lists (by its expanded text) takes its condition
  // from there instead of being compiled: the built-in rules' conditions
  // are derived at build time (DeriveLiteralClauses). `table` must outlive
  // the filter.
  explicit LiteralFilter(const std::vector<std::string>& patterns,
                         const PrecompiledRules* table = nullptr);
  ~LiteralFilter();
  LiteralFilter(LiteralFilter&&) noexcept;
  LiteralFilter& operator=(LiteralFilter&&) noexcept;

  // Sets (*may_match)[i] to 0 when pattern i cannot match anywhere in
  // `text`, and to 1 when it may (always 1 if the scan runs out of memory).
  // A pattern that cannot match `text` cannot match it from any start
  // offset either. Thread-safe.
  void MayMatch(std::string_view text, std::vector<char>* may_match) const;

  // How many distinct literals the filter looks for (for tests).
  size_t literals() const;
  // How many patterns took their condition from the table (for tests).
  size_t from_table() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A pattern that matches wherever `pattern` matches and that RE2 derives the
// same required literals from, but compiles far smaller: classes of more
// than four characters and optional or repeated-from-zero parts become
// "any text". FilteredRE2 compiles every pattern it is given; the filter
// gives it skeletons. Exposed for tests.
std::string LiteralSkeleton(std::string_view pattern);

// Build time: the literals the filter of `patterns` looks for (*atoms) and,
// per pattern, a condition on them in conjunctive form (*clauses, as in
// PrecompiledRule). Each clause is checked against re2::FilteredRE2: a text
// holding none of a clause's atoms is one FilteredRE2 rejects the pattern
// for, so the condition never drops a pattern that can match. Clauses are
// searched for until sets of atoms that satisfy them all are also accepted
// by FilteredRE2, or a limit is reached (a condition that is an OR of ANDs
// has a great many); a clause not found leaves the filter weaker, never
// wrong. Deterministic.
void DeriveLiteralClauses(const std::vector<std::string>& patterns,
                          std::vector<std::string>* atoms,
                          std::vector<std::vector<std::vector<int>>>* clauses);

}  // namespace quoteledger

#endif  // QUOTELEDGER_RULES_LITERAL_FILTER_H_
