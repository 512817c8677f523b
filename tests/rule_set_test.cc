// Template expansion, compilation errors, the RE2::Set prefilter, and the
// examples of the built-in rule set.
#include "rules/rule_set.h"

#include <doctest/doctest.h>

#include "attribution/engine.h"
#include "mentions/builtin_data.h"
#include "mentions/lexicon.h"
#include "rules/rule_check.h"

namespace quoteledger {
namespace {

const Lexicons& Lex() {
  static const Lexicons lex = Lexicons::LoadBuiltin().value();
  return lex;
}

Result<RuleSet> CompileText(const std::string& text) {
  auto file = ParseRuleFile("t.rules", text);
  if (!file.ok()) return file.status();
  return RuleSet::Compile({file.value()}, Engine::BuiltinPlaceholders(Lex()));
}

}  // namespace

TEST_CASE("templates expand placeholders into named groups") {
  PlaceholderMap p = {{"QUOTE", "q"}, {"SPEAKER", "s"}, {"DAY", "d"}};
  auto r = ExpandTemplate("{QUOTE} {SPEAKER} x{1,3} \\{DAY} {DAY}", p, {});
  REQUIRE(r.ok());
  CHECK(r.value() == "(?P<content>q) (?P<source>s) x{1,3} \\{DAY} (?:d)");
  auto own = ExpandTemplate("{DAY}", p, {{"DAY", "mine"}});
  CHECK(own.value() == "(?:mine)");
  // Braces of RE2 escapes are not placeholders.
  CHECK(ExpandTemplate("\\p{Lu}\\x{2014}\\P{L}", p, {}).value() == "\\p{Lu}\\x{2014}\\P{L}");
  CHECK_FALSE(ExpandTemplate("{NOPE}", p, {}).ok());
  CHECK_FALSE(ExpandTemplate("{QUOTE} {QUOTE}", p, {}).ok());
}

TEST_CASE("compile errors name the file, line and rule") {
  auto bad = CompileText("\n\nrule broken\n  pattern {SPEAKER} (unclosed\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("t.rules:3: rule broken: RE2 rejects") == 0);
  auto unknown = CompileText("rule u\n  pattern {WHAT}\n");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message().find("unknown placeholder {WHAT}") != std::string::npos);
}

TEST_CASE("the prefilter picks candidate rules in stage order") {
  auto set = CompileText(
      "rule late\n  stage 3\n  pattern {SPEAKER} {CUE} {CLAUSE}$\n"
      "rule early\n  stage 1\n  pattern {QUOTE} {SPEAKER} {CUE}\n");
  REQUIRE(set.ok());
  std::vector<int> c;
  // Both may match here (a quote and a verb): stage order decides.
  set.value().Candidates("\x02Hi,\x03 Ann said.", &c);
  REQUIRE(c.size() == 2);
  CHECK(set.value().spec(c[0]).id == "early");
  CHECK(set.value().spec(c[1]).id == "late");
  // No quote: the quote rule's trigger is absent.
  set.value().Candidates("Ann said it rains.", &c);
  REQUIRE(c.size() == 1);
  CHECK(set.value().spec(c[0]).id == "late");
  set.value().Candidates("Nothing to see.", &c);
  CHECK(c.empty());
  std::string text = "\x02Hi,\x03 Ann said.";
  set.value().Candidates(text, &c);
  RuleMatch m;
  REQUIRE(set.value().Match(c[0], text, 0, &m));
  CHECK(text.substr(m.source.begin, m.source.end - m.source.begin) == "Ann");
  CHECK(text.substr(m.cue.begin, m.cue.end - m.cue.begin) == "said");
}

TEST_CASE("a placeholder inside a group does not make the prefilter require it") {
  auto set = CompileText(
      "rule either\n  pattern {SPEAKER} (?:{VERB}|[a-z]+ed) it\n"
      "rule bare\n  pattern {SPEAKER} {VERB} it\n");
  REQUIRE(set.ok());
  std::vector<int> c;
  set.value().Candidates("Ann knocked it.", &c);
  REQUIRE(c.size() == 1);
  CHECK(set.value().spec(c[0]).id == "either");
  set.value().Candidates("Ann said it.", &c);
  CHECK(c.size() == 2);
}

TEST_CASE("later rule files replace rules with the same id") {
  auto a = ParseRuleFile("a.rules", "rule x\n  stage 1\n  pattern {QUOTE} {SPEAKER} {CUE}\n");
  auto b = ParseRuleFile("b.rules", "rule x\n  stage 4\n  pattern {SPEAKER} {CUE} {CLAUSE}$\n");
  auto set = RuleSet::Compile({a.value(), b.value()}, Engine::BuiltinPlaceholders(Lex()));
  REQUIRE(set.ok());
  REQUIRE(set.value().size() == 1);
  CHECK(set.value().spec(0).stage == 4);
}

TEST_CASE("every example in the built-in rule set passes") {
  for (const BuiltinFile& f : BuiltinData()) {
    if (f.name.substr(0, 6) != "rules/") continue;
    auto file = ParseRuleFile(std::string(f.name), f.bytes);
    REQUIRE(file.ok());
    auto set = RuleSet::Compile({file.value()}, Engine::BuiltinPlaceholders(Lex()));
    REQUIRE(set.ok());
    ExampleReport report = CheckExamples(set.value(), Lex().abbreviations());
    for (const std::string& failure : report.failures) FAIL_CHECK(failure);
    CHECK(report.examples > 20);
    CHECK(report.passed == report.examples);
  }
}

}  // namespace quoteledger
