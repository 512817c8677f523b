// Engine: the attribution pipeline for one document, from segments to
// claims. Owns the lexicons and the compiled rule set; immutable after
// construction, so one Engine serves any number of threads.
#ifndef QUOTELEDGER_ATTRIBUTION_ENGINE_H_
#define QUOTELEDGER_ATTRIBUTION_ENGINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mentions/lexicon.h"
#include "mentions/mention_finder.h"
#include "quoteledger/claim.h"
#include "quoteledger/document.h"
#include "rules/rule_file.h"
#include "rules/rule_set.h"

namespace quoteledger {

class Engine {
 public:
  // Compiles `files` (built-in rules first) with the built-in placeholders
  // made from `lex`. Fails as RuleSet::Compile does.
  static Result<std::unique_ptr<Engine>> Create(Lexicons lex,
                                                const std::vector<RuleFile>& files);

  Attribution Run(const Document& doc) const;
  // Runs on text (no Document needed): what `rules check` and tests use.
  Attribution Run(std::string_view text) const;

  const RuleSet& rules() const { return rules_; }
  // The same rules compiled for the calling thread alone. RE2 objects are
  // thread-safe, but they share a DFA cache behind a lock, and with two
  // threads that lock cost more than the matching (two threads ran slower
  // than one). Each thread gets its own copy on first use; rule indices
  // are the same as in rules().
  const RuleSet& ThreadRules() const;
  const Lexicons& lexicons() const { return lex_; }
  // The placeholders patterns may use, built from the lexicons.
  static PlaceholderMap BuiltinPlaceholders(const Lexicons& lex);

 private:
  Engine(Lexicons lex, RuleSet rules, std::vector<RuleFile> files, PlaceholderMap placeholders);

  Lexicons lex_;
  MentionFinder finder_;
  RuleSet rules_;
  std::vector<RuleFile> files_;  // to compile per-thread copies
  PlaceholderMap placeholders_;
  uint64_t id_;                  // never reused: keys the per-thread copies
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_ATTRIBUTION_ENGINE_H_
