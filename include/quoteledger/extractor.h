// Extractor: the whole attribution pipeline behind one call. Built once from
// lexicons and rule files (compiling every rule), then used for any number of
// documents, from any number of threads at once.
#ifndef QUOTELEDGER_EXTRACTOR_H_
#define QUOTELEDGER_EXTRACTOR_H_

#include <memory>
#include <string>
#include <vector>

#include "quoteledger/claim.h"
#include "quoteledger/document.h"
#include "quoteledger/status.h"

namespace quoteledger {

class Engine;  // src/attribution: lexicons, compiled rules, sieves

struct ExtractorOptions {
  // Rule files added after the built-in rule set, in order. A rule whose id
  // is already defined replaces the earlier one.
  std::vector<std::string> rule_files;
  // When false, only the user's rule files are used.
  bool builtin_rules = true;
};

class Extractor {
 public:
  // Loads the built-in lexicons and rules plus options.rule_files. Fails with
  // RuleSyntax naming file, line and reason when a rule does not parse or
  // compile, or IOError when a file cannot be read.
  static Result<std::unique_ptr<Extractor>> Create(
      const ExtractorOptions& options = {});
  ~Extractor();

  // Attributes every statement in `doc`. Never fails on odd text: a document
  // with nothing to attribute gives an empty result. Thread-safe.
  Attribution Extract(const Document& doc) const;

  // Hex SHA-256 over the rule files' bytes (built-in first), identifying the
  // rule set a run used.
  const std::string& RuleSetHash() const;
  // The engine's version, e.g. "0.1.0".
  static const char* Version();

  // The engine inside, for tools that inspect rules (rules check).
  const Engine& engine() const;

 private:
  explicit Extractor(std::unique_ptr<Engine> engine);
  std::unique_ptr<Engine> engine_;
  std::string rule_set_hash_;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_EXTRACTOR_H_
