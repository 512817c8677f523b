// Engine: the attribution pipeline for one document, from segments to
// claims. Owns the lexicons and the compiled rule set; immutable after
// construction, so one Engine serves any number of threads.
#ifndef QUOTELEDGER_ATTRIBUTION_ENGINE_H_
#define QUOTELEDGER_ATTRIBUTION_ENGINE_H_

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

// CPU time of the calling thread a Run() spent in each stage, in seconds,
// added to what the fields hold: for the benchmark (bench/).
struct StageTimes {
  double segment = 0;   // paragraphs, quote pairing, normalization, sentences
  double mentions = 0;  // names in every sentence
  double rules = 0;     // rule matching, paragraph extension, continuations
  double resolve = 0;   // the article's inventory, speakers, claims
};

class Engine {
 public:
  // Compiles `files` (built-in rules first) with the built-in placeholders
  // made from `lex`. Fails as RuleSet::Compile does.
  static Result<std::unique_ptr<Engine>> Create(Lexicons lex,
                                                const std::vector<RuleFile>& files);

  Attribution Run(const Document& doc) const;
  // The same, adding the time each stage took to `*times` (when not null).
  // Measuring costs a few clock reads per document; output is the same.
  Attribution Run(const Document& doc, StageTimes* times) const;
  // Runs on text (no Document needed): what `rules check` and tests use.
  Attribution Run(std::string_view text) const;

  // One rule set for the process, shared by every thread: RE2 objects are
  // thread-safe for matching, and compiling a copy per thread cost each
  // thread as much start-up time and memory as the first.
  const RuleSet& rules() const { return rules_; }
  const Lexicons& lexicons() const { return lex_; }
  // The placeholders patterns may use, built from the lexicons.
  static PlaceholderMap BuiltinPlaceholders(const Lexicons& lex);

 private:
  Engine(Lexicons lex, RuleSet rules);

  Lexicons lex_;
  MentionFinder finder_;
  RuleSet rules_;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_ATTRIBUTION_ENGINE_H_
