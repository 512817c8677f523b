// The rule file format: what parses, and errors that name file and line.
#include "rules/rule_file.h"

#include <doctest/doctest.h>

#include <string>

namespace quoteledger {

TEST_CASE("a rule file parses into specs with examples") {
  const char* text =
      "# comment\n"
      "define DAY = (?:Monday|Tuesday)\n"
      "\n"
      "rule r-one\n"
      "  kind direct\n"
      "  stage 2\n"
      "  confidence 0.9\n"
      "  pattern {QUOTE} {SPEAKER} {CUE}\n"
      "  example “Hi,” Ann said.\n"
      "    source Ann\n"
      "    cue said\n"
      "  counter Nothing here.\n"
      "rule r-two\n"
      "  scope paragraph\n"
      "  pattern {SPEAKER} {CUE} {CLAUSE}\n";
  auto file = ParseRuleFile("t.rules", text);
  REQUIRE(file.ok());
  const RuleFile& f = file.value();
  REQUIRE(f.rules.size() == 2);
  CHECK(f.defines.at("DAY") == "(?:Monday|Tuesday)");
  CHECK(f.rules[0].id == "r-one");
  CHECK(f.rules[0].kind == ClaimKind::kDirect);
  CHECK(f.rules[0].stage == 2);
  CHECK(f.rules[0].confidence == doctest::Approx(0.9));
  CHECK(f.rules[0].line == 4);
  REQUIRE(f.rules[0].examples.size() == 2);
  CHECK(f.rules[0].examples[0].expect.at("source") == "Ann");
  CHECK_FALSE(f.rules[0].examples[1].must_match);
  CHECK(f.rules[1].kind == ClaimKind::kIndirect);  // the default
  CHECK_FALSE(f.rules[0].paragraph_scope);           // the default
  CHECK(f.rules[1].paragraph_scope);
}

TEST_CASE("malformed rule files name file, line and reason") {
  struct Case {
    std::string text;
    std::string where;  // "t.rules:LINE:"
    std::string reason;
  };
  const Case cases[] = {
      {"kind direct\n", "t.rules:1:", "outside a rule"},
      {"rule a\n  kind loud\n  pattern x\n", "t.rules:2:", "unknown kind"},
      {"rule a\n  stage zero\n  pattern x\n", "t.rules:2:", "stage"},
      {"rule a\n  confidence 2\n  pattern x\n", "t.rules:2:", "confidence"},
      {"rule a\n  pattern x\nrule a\n  pattern y\n", "t.rules:3:", "defined twice"},
      {"rule a\n  kind direct\n", "t.rules:1:", "no pattern"},
      {"rule a\n  pattern x\n  source Ann\n", "t.rules:3:", "must follow an 'example'"},
      {"rule a\n  patern x\n", "t.rules:2:", "unknown keyword"},
      {"rule a\n  scope page\n  pattern x\n", "t.rules:2:", "unknown scope"},
      {"define lower = x\n", "t.rules:1:", "upper case"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto f = ParseRuleFile("t.rules", c.text);
    REQUIRE_FALSE(f.ok());
    CHECK(f.status().code() == StatusCode::kRuleSyntax);
    CHECK(f.status().message().find(c.where) == 0);
    CHECK(f.status().message().find(c.reason) != std::string::npos);
  }
}

}  // namespace quoteledger
