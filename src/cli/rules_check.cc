// `quoteledger rules check FILE...`: parse and compile rule files and run
// the examples they carry. Prints every failure as file:line: reason.
#include <iostream>

#include <fmt/format.h>

#include "attribution/engine.h"
#include "cli/commands.h"
#include "mentions/lexicon.h"
#include "rules/rule_check.h"

namespace quoteledger {
namespace {

int RunCheck(const std::vector<std::string>& files, bool verbose) {
  Result<Lexicons> lex = Lexicons::LoadBuiltin();
  if (!lex.ok()) {
    PrintError(lex.status().ToString());
    return 2;
  }
  int failures = 0;
  for (const std::string& path : files) {
    Result<std::string> bytes = ReadFileBytes(path, "rule file");
    if (!bytes.ok()) {
      PrintError(bytes.status().ToString());
      ++failures;
      continue;
    }
    Result<RuleFile> file = ParseRuleFile(path, bytes.value());
    if (!file.ok()) {
      PrintError(file.status().ToString());
      ++failures;
      continue;
    }
    Result<RuleSet> rules = RuleSet::Compile({file.value()}, Engine::BuiltinPlaceholders(lex.value()));
    if (!rules.ok()) {
      PrintError(rules.status().ToString());
      ++failures;
      continue;
    }
    // Extraction builds a rule's program when a text first needs it; the
    // check builds them all, so a rule over RE2's memory budget is named.
    if (Status built = rules.value().CompileAll(); !built.ok()) {
      PrintError(built.ToString());
      ++failures;
      continue;
    }
    ExampleReport report = CheckExamples(rules.value(), lex.value().abbreviations());
    for (const std::string& f : report.failures) PrintError(f);
    failures += static_cast<int>(report.failures.size());
    if (verbose) {
      for (size_t r = 0; r < rules.value().size(); ++r) {
        std::cout << rules.value().spec(r).id << ": " << rules.value().expanded(r) << '\n';
      }
    }
    std::cout << fmt::format("{}: {} rules compiled, {}/{} examples passed\n", path,
                             rules.value().size(), report.passed, report.examples);
  }
  return failures > 0 ? 2 : 0;
}

}  // namespace

void AddRulesCommand(CLI::App& app, GlobalOptions& global) {
  CLI::App* rules = app.add_subcommand("rules", "work with rule files");
  rules->require_subcommand(1);
  CLI::App* check = rules->add_subcommand(
      "check", "compile rule files and run their examples; errors name file and line");
  auto files = std::make_shared<std::vector<std::string>>();
  auto verbose = std::make_shared<bool>(false);
  check->add_option("files", *files, "rule files")->required()->check(CLI::ExistingFile);
  check->add_flag("--verbose", *verbose, "also print each rule's expanded RE2 pattern");
  check->callback([files, verbose, &global] { global.exit_code = RunCheck(*files, *verbose); });
}

}  // namespace quoteledger
