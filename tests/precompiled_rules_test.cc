// The built-in rules' tables computed at build time (rules/precompiled.h)
// against what RuleSet computes at run time without them: the same rules,
// the same groups, and a literal filter that keeps the rules FilteredRE2
// keeps (and never drops one that matches) on generated and real sentences.
#include "rules/precompiled.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>

#include "attribution/engine.h"
#include "mentions/builtin_data.h"
#include "mentions/lexicon.h"
#include "rules/literal_filter.h"
#include "rules/rule_set.h"
#include "quoteledger/document.h"
#include "text/segments.h"

namespace quoteledger {
namespace {

const Lexicons& Lex() {
  static const Lexicons lex = Lexicons::LoadBuiltin().value();
  return lex;
}

std::vector<RuleFile> BuiltinRuleFiles() {
  std::vector<RuleFile> files;
  for (const BuiltinFile& f : BuiltinData()) {
    if (f.name.substr(0, 6) != "rules/") continue;
    files.push_back(ParseRuleFile("builtin:" + std::string(f.name), f.bytes).value());
  }
  return files;
}

// The normalized sentences of every article under `dir` (at most `limit`
// articles), as the engine gives them to RuleSet::Candidates.
void AddSentences(const std::filesystem::path& dir, size_t limit, std::vector<std::string>* out) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  if (files.size() > limit) files.resize(limit);
  for (const auto& path : files) {
    Result<Document> doc = Document::FromFile(path.string());
    if (!doc.ok()) continue;
    Segments seg = Segment(doc.value().text(), Lex().abbreviations(), &Lex().speech_verb_set(),
                           &Lex().intention_verb_set());
    for (const Sentence& s : seg.sentences) {
      out->emplace_back(seg.norm.text().substr(s.norm_begin, s.norm_end - s.norm_begin));
    }
  }
}

std::vector<std::string> RealSentences() {
  std::vector<std::string> out;
  const char* src = std::getenv("QUOTELEDGER_SOURCE");
  const char* shared = std::getenv("QUOTELEDGER_SHARED");
  if (src != nullptr) AddSentences(std::filesystem::path(src) / "samples" / "articles", 100, &out);
  if (shared != nullptr) {
    AddSentences(std::filesystem::path(shared) / "polnear" / "dev" / "text", 40, &out);
  }
  return out;
}

TEST_CASE("the table covers every built-in rule with the groups RE2 finds") {
  const PrecompiledRules* table = BuiltinPrecompiledRules();
  REQUIRE(table != nullptr);
  PlaceholderMap placeholders = Engine::BuiltinPlaceholders(Lex());
  auto with = RuleSet::Compile(BuiltinRuleFiles(), placeholders);
  REQUIRE(with.ok());
  REQUIRE(with.value().size() == table->rules.size());
  for (size_t r = 0; r < table->rules.size(); ++r) {
    const PrecompiledRule& pre = table->rules[r];
    CHECK(pre.expanded == with.value().expanded(r));
    RE2::Options opt;
    opt.set_log_errors(false);
    RE2 re(pre.expanded, opt);
    REQUIRE_MESSAGE(re.ok(), with.value().spec(r).id);
    CHECK(pre.groups == re.NamedCapturingGroups());
    CHECK(pre.submatches <= re.NumberOfCapturingGroups() + 1);
    for (int slot : pre.slots) CHECK(slot < pre.submatches);
    for (const auto& clause : pre.clauses) {
      CHECK(!clause.empty());
      for (int a : clause) CHECK(static_cast<size_t>(a) < table->atoms.size());
    }
  }
  // A filter takes from the table every pattern it lists and leaves the
  // others (a user's rules) to FilteredRE2.
  std::vector<std::string> patterns;
  for (const PrecompiledRule& pre : table->rules) patterns.push_back(pre.expanded);
  patterns.push_back("(?:not a built-in rule) (?:said|says)");
  LiteralFilter filter(patterns, table);
  CHECK(filter.from_table() == table->rules.size());
  std::vector<char> may;
  filter.MayMatch("Ann Roe shouted.", &may);
  CHECK(may.back() == 0);
  filter.MayMatch("Not a built-in rule said so.", &may);
  CHECK(may.back() == 1);
}

// The table's clauses are each checked against FilteredRE2 at build time,
// so the filter keeps every rule FilteredRE2 keeps; the search for them
// can miss some (a condition that is an OR of ANDs has many), which leaves
// the filter weaker, never wrong: a few more rules run, and find nothing.
TEST_CASE("the table's literal filter keeps the rules FilteredRE2 keeps, and few more") {
  PlaceholderMap placeholders = Engine::BuiltinPlaceholders(Lex());
  auto with = RuleSet::Compile(BuiltinRuleFiles(), placeholders);
  auto without = RuleSet::Compile(BuiltinRuleFiles(), placeholders, nullptr);
  REQUIRE(with.ok());
  REQUIRE(without.ok());
  std::vector<std::string> sentences = RealSentences();
  MESSAGE(sentences.size(), " real sentences");
  int differ = 0, total = 0, total_table = 0;
  std::map<std::string, int> extra;
  for (const std::string& text : sentences) {
    std::vector<int> a, b;
    with.value().Candidates(text, &a);
    without.value().Candidates(text, &b);
    total += static_cast<int>(b.size());
    total_table += static_cast<int>(a.size());
    if (a == b) continue;
    ++differ;
    for (int r : a) {
      if (std::find(b.begin(), b.end(), r) == b.end()) extra[with.value().spec(r).id]++;
    }
    for (int r : b) {
      CHECK_MESSAGE(std::find(a.begin(), a.end(), r) != a.end(), with.value().spec(r).id,
                    " dropped on ", text);
    }
  }
  MESSAGE(differ, " sentences with other candidates; ", total, " candidates at run time, ", total_table,
          " with the table");
  for (auto& [id, n] : extra) MESSAGE(id, " kept in ", n, " more sentences");
  CHECK(total_table <= total * 11 / 10);
}

}  // namespace
}  // namespace quoteledger
