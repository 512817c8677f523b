// Extractor: the public face of the engine. Gathers the built-in data and
// the user's rule files, and identifies the rule set by a hash of its bytes.
#include "quoteledger/extractor.h"

#include <algorithm>

#include "attribution/engine.h"
#include "mentions/builtin_data.h"
#include "quoteledger_config.h"

namespace quoteledger {

Extractor::Extractor(std::unique_ptr<Engine> engine) : engine_(std::move(engine)) {}
Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  Result<Lexicons> lex = Lexicons::LoadBuiltin();
  if (!lex.ok()) return lex.status();
  std::vector<RuleFile> files;
  std::string all_bytes;
  if (options.builtin_rules) {
    for (const BuiltinFile& f : BuiltinData()) {
      if (f.name.substr(0, 6) != "rules/") continue;
      Result<RuleFile> rf = ParseRuleFile("builtin:" + std::string(f.name), f.bytes);
      if (!rf.ok()) return rf.status();
      files.push_back(std::move(rf).value());
      all_bytes += f.bytes;
    }
  }
  for (const std::string& path : options.rule_files) {
    Result<std::string> bytes = ReadFileBytes(path, "rule file");
    if (!bytes.ok()) return bytes.status();
    Result<RuleFile> rf = ParseRuleFile(path, bytes.value());
    if (!rf.ok()) return rf.status();
    files.push_back(std::move(rf).value());
    all_bytes += bytes.value();
  }
  if (files.empty() || std::all_of(files.begin(), files.end(),
                                   [](const RuleFile& f) { return f.rules.empty(); })) {
    return Status::InvalidArgument("no rules to run: give a rule file with --rules");
  }
  Result<std::unique_ptr<Engine>> engine = Engine::Create(std::move(lex).value(), files);
  if (!engine.ok()) return engine.status();
  auto ex = std::unique_ptr<Extractor>(new Extractor(std::move(engine).value()));
  ex->rule_set_hash_ = Sha256Hex(all_bytes);
  return ex;
}

Attribution Extractor::Extract(const Document& doc) const { return engine_->Run(doc); }

const std::string& Extractor::RuleSetHash() const { return rule_set_hash_; }

const char* Extractor::Version() { return QUOTELEDGER_VERSION; }

const Engine& Extractor::engine() const { return *engine_; }

}  // namespace quoteledger
