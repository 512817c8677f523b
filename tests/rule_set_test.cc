// Template expansion, compilation errors, the RE2::Set prefilter, and the
// examples of the built-in rule set.
#include "rules/rule_set.h"

#include <doctest/doctest.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "attribution/engine.h"
#include "mentions/builtin_data.h"
#include "mentions/lexicon.h"
#include "rules/literal_filter.h"
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

// Random ASCII sentences built from pieces the rules look for (speakers,
// cues, quotes, clauses, punctuation), so most rules match some of them.
std::vector<std::string> GeneratedSentences(int count) {
  const std::vector<std::string> pieces = {
      "\x02We will win,\x03", "\x02No.\x03", "Ann Roe", "the mayor", "he", "She", "officials",
      "said", "says", "has said", "told reporters", "added", "according to", "saying",
      "endorsed", "in a statement", "Monday", "that", "the plan is sound", "U.S.", "(R-Ohio)",
      ",", ":", ";", ".", "and", "but", "who said", "Asked about", "seemed", "TAPPER:", "--"};
  std::mt19937 rng(20261125);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string s;
    int n = 2 + static_cast<int>(rng() % 9);
    for (int k = 0; k < n; ++k) {
      const std::string& p = pieces[rng() % pieces.size()];
      if (!s.empty() && p != "," && p != ":" && p != ";" && p != ".") s += ' ';
      s += p;
    }
    out.push_back(s);
  }
  return out;
}

// The slow reference: the rule's pattern as one UTF-8 RE2, all groups.
std::vector<std::pair<size_t, size_t>> ReferenceGroups(const RE2& re, const std::string& text) {
  std::vector<re2::StringPiece> g(re.NumberOfCapturingGroups() + 1);
  std::vector<std::pair<size_t, size_t>> out;
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
    return out;
  }
  for (const auto& p : g) {
    out.emplace_back(p.data() ? p.data() - text.data() : std::string::npos, p.size());
  }
  return out;
}

// Sentences whose middle, where the rules look for a speaker, is random
// pieces that steer {SPEAKER} and the verb lists into their corners: words
// ending in a period or "!", lone capitals, parentheses, pronouns, verbs
// that are prefixes of others, non-ASCII letters.
std::vector<std::string> SpeakerStressSentences(int count) {
  const std::vector<std::string> openings = {
      "", "\x02Yes,\x03 said", "\x02No.\x03", "\x02We won,\x03 says", "But", "The plan, ",
      "According to", "Asked about it,"};
  const std::vector<std::string> pieces = {
      "A", "b", "he", "I", "it", "We", "she", "(", ")", "(R-Ohio)", ".", "U.S.", "Sen.", "!", "?",
      ",", ":", "\x02", "\x03", "said", "say", "says", "has", "also", "has also", "told", "tell",
      "added", "Jos\xc3\xa9", "\xc3\x89mile", "the", "officials", "_"};
  const std::vector<std::string> endings = {
      "", ".", "!", ":", " said.", " said it rains.", ", he said.", " told reporters it rains.",
      " said, \x02Yes.\x03", ": \x02Yes.\x03"};
  std::mt19937 rng(20261126);
  // Corners written out, then random ones.
  std::vector<std::string> out = {
      "\x02Yes,\x03 said A!", "\x02Yes,\x03 said Sen. Roe.", "\x02Yes,\x03 said he.",
      "Roe (R-Ohio) said it rains.", "I said it rains.", "U.S. officials said it rains.",
      "A said it.", "He said: \x02Yes.\x03", "\x02Yes,\x03 said Ann Roe (R-Ohio)."};
  for (int i = 0; i < count; ++i) {
    std::string s = openings[rng() % openings.size()];
    int n = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < n; ++k) {
      if (rng() % 2) s += ' ';  // mostly words, sometimes glued together
      s += pieces[rng() % pieces.size()];
    }
    out.push_back(s + endings[rng() % endings.size()]);
  }
  return out;
}

// A word alternation as placeholders.cc built it before, longest word first,
// or as it builds it now, alphabetical with every word before its prefixes.
std::string WordAlternation(std::vector<std::string> words, bool longest_first) {
  std::sort(words.begin(), words.end(), [&](const std::string& a, const std::string& b) {
    if (longest_first) return a.size() > b.size() || (a.size() == b.size() && a < b);
    return a + '\xff' < b + '\xff';
  });
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += '|';
    for (char c : w) {
      if (c == '.' || c == '-') out += '\\';
      out += c;
    }
  }
  return out;
}

// The built-in placeholders as they were before two rewrites meant to
// change no match: {SPEAKER} written as five alternatives, and word lists
// ordered longest first.
PlaceholderMap ReferencePlaceholders() {
  PlaceholderMap p = Engine::BuiltinPlaceholders(Lex());
  p["SPEAKER"] =
      R"re([^\x02\x03,;:]*?(?:\p{Lu}[^\x02\x03,;:() ]*[^\x02\x03,;:() .]|\p{Lu}\.?|[^\x02\x03,;:() ]{1,}[^\x02\x03,;:() .]|\b(?:he|she|it|we|I)|\([^()\x02\x03,;:]+\)|(?:Jr|Sr)\.))re";
  for (const std::vector<std::string>* words :
       {&Lex().speech_verb_forms(), &Lex().speech_verb_ing_forms(), &Lex().stance_verb_forms(),
        &Lex().cue_adverbs()}) {
    const std::string now = WordAlternation(*words, false);
    const std::string before = WordAlternation(*words, true);
    int replaced = 0;
    for (auto& [name, regex] : p) {
      for (size_t at = regex.find(now); at != std::string::npos; at = regex.find(now, at)) {
        regex.replace(at, now.size(), before);
        at += before.size();
        ++replaced;
      }
    }
    CHECK(replaced > 0);
  }
  return p;
}

}  // namespace

TEST_CASE("the rewritten placeholders match exactly as the reference ones") {
  const PlaceholderMap reference = ReferencePlaceholders();
  const PlaceholderMap builtin = Engine::BuiltinPlaceholders(Lex());
  REQUIRE(reference.at("SPEAKER") != builtin.at("SPEAKER"));
  REQUIRE(reference.at("CUE") != builtin.at("CUE"));
  std::vector<std::string> texts = GeneratedSentences(500);
  for (std::string& t : SpeakerStressSentences(3000)) texts.push_back(std::move(t));
  std::mt19937 rng(7);
  for (const BuiltinFile& f : BuiltinData()) {
    if (f.name.substr(0, 6) != "rules/") continue;
    RuleFile file = ParseRuleFile(std::string(f.name), f.bytes).value();
    auto set = RuleSet::Compile({file}, builtin);
    REQUIRE(set.ok());
    const RuleSet& rules = set.value();
    int matched = 0;
    for (size_t r = 0; r < rules.size(); ++r) {
      auto pattern = ExpandTemplate(rules.spec(r).pattern, reference, file.defines);
      REQUIRE(pattern.ok());
      RE2::Options opt;
      opt.set_max_mem(int64_t{1} << 30);
      RE2 before(pattern.value(), opt);
      REQUIRE(before.ok());
      for (const std::string& text : texts) {
        size_t from = text.empty() ? 0 : rng() % (text.size() / 2 + 1);
        for (size_t start : {size_t{0}, from}) {
          std::vector<re2::StringPiece> g(before.NumberOfCapturingGroups() + 1);
          bool want = before.Match(text, start, text.size(), RE2::UNANCHORED, g.data(),
                                   static_cast<int>(g.size()));
          RuleMatch m;
          REQUIRE(rules.Match(r, text, start, &m) == want);
          if (!want) continue;
          ++matched;
          auto at = [&](const char* name) {
            auto it = before.NamedCapturingGroups().find(name);
            const re2::StringPiece* p = it == before.NamedCapturingGroups().end() ? nullptr : &g[it->second];
            GroupSpan s;
            if (p && p->data()) s.begin = p->data() - text.data(), s.end = s.begin + p->size();
            return s;
          };
          CHECK(m.whole.begin == static_cast<size_t>(g[0].data() - text.data()));
          CHECK(m.whole.end == m.whole.begin + g[0].size());
          const std::pair<const char*, const GroupSpan*> named[] = {
              {"content", &m.content}, {"content2", &m.content2}, {"source", &m.source},
              {"cue", &m.cue}};
          // Not a structured binding: doctest's messages capture `name` in a
          // lambda, which clang before 16 refuses for structured bindings.
          for (const auto& entry : named) {
            const char* name = entry.first;
            const GroupSpan* span = entry.second;
            GroupSpan want_span = at(name);
            CHECK_MESSAGE(span->begin == want_span.begin, rules.spec(r).id, " ", name, " on ", text);
            CHECK_MESSAGE(span->end == want_span.end, rules.spec(r).id, " ", name, " on ", text);
          }
        }
      }
    }
    CHECK(matched > 800);
  }
}

TEST_CASE("the Latin-1 twin of a pattern keeps what ASCII text can match") {
  struct Case {
    const char* pattern;
    const char* twin;
  } cases[] = {
      {R"re(a\x{2014}b)re", R"re(a\xFFb)re"},
      {R"re([\x{2013}\x{2014}-])re", R"re([\xFF\xFF-])re"},
      {R"re([a-\x{2014}])re", R"re([a-\xFF])re"},
      {R"re(\x{41}\x{e9}\xE9)re", R"re(\x{41}\x{e9}\xE9)re"},
      {R"re(\\x{2014})re", R"re(\\x{2014})re"},  // an escaped backslash, then text
      {R"re(\Q\x{2014}\E\x{2014})re", R"re(\Q\x{2014}\E\xFF)re"},
      {R"re(\p{Lu}\x{10FFFF})re", R"re(\p{Lu}\xFF)re"},
  };
  for (const Case& c : cases) CHECK(AsciiTwinPattern(c.pattern) == c.twin);
}

TEST_CASE("rules match ASCII text as their UTF-8 programs do") {
  PlaceholderMap placeholders = Engine::BuiltinPlaceholders(Lex());
  for (const BuiltinFile& f : BuiltinData()) {
    if (f.name.substr(0, 6) != "rules/") continue;
    auto set = RuleSet::Compile({ParseRuleFile(std::string(f.name), f.bytes).value()},
                                placeholders);
    REQUIRE(set.ok());
    const RuleSet& rules = set.value();
    std::vector<std::string> texts = GeneratedSentences(400);
    texts.push_back("\x02Tout est fini,\x03 a dit Jos\xc3\xa9 Roe.");  // UTF-8 path
    int matched = 0;
    for (size_t r = 0; r < rules.size(); ++r) {
      RE2 reference(rules.expanded(r));
      REQUIRE(reference.ok());
      for (const std::string& text : texts) {
        auto want = ReferenceGroups(reference, text);
        RuleMatch m;
        bool found = rules.Match(r, text, 0, &m);
        REQUIRE(found == !want.empty());
        if (!found) continue;
        ++matched;
        CHECK(m.whole.begin == want[0].first);
        CHECK(m.whole.end == want[0].first + want[0].second);
        const std::pair<const char*, const GroupSpan*> named[] = {
            {"content", &m.content}, {"content2", &m.content2}, {"source", &m.source},
            {"cue", &m.cue}};
        for (auto [name, span] : named) {
          auto it = reference.NamedCapturingGroups().find(name);
          if (it == reference.NamedCapturingGroups().end()) continue;
          CHECK(span->begin == want[it->second].first);
          if (span->found()) CHECK(span->end == want[it->second].first + want[it->second].second);
        }
      }
    }
    CHECK(matched > 200);
  }
}

// Match() runs a rule anchored at each place its opening matches
// (StartPrefix), and unanchored after kMaxAnchoredStarts of them: from any
// offset, the match must be the one RE2's unanchored search finds.
TEST_CASE("rules tried at their openings match as the unanchored search does, from any offset") {
  PlaceholderMap placeholders = Engine::BuiltinPlaceholders(Lex());
  for (const BuiltinFile& f : BuiltinData()) {
    if (f.name.substr(0, 6) != "rules/") continue;
    auto set = RuleSet::Compile({ParseRuleFile(std::string(f.name), f.bytes).value()},
                                placeholders);
    REQUIRE(set.ok());
    const RuleSet& rules = set.value();
    std::vector<std::string> texts = GeneratedSentences(150);
    for (const std::string& s : SpeakerStressSentences(150)) texts.push_back(s);
    // More openings than Match() tries anchored, then a match.
    std::string many;
    for (int i = 0; i < 40; ++i) many += "one, and two; ";
    texts.push_back(many + "Ann Roe said the plan is sound, \x02We will win,\x03 he said.");
    texts.push_back(many + "\x02No,\x03 said Tom Acker, who said it.");
    int matched = 0;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(int64_t{1} << 30);
    for (size_t r = 0; r < rules.size(); ++r) {
      RE2 reference(rules.expanded(r), options);
      REQUIRE(reference.ok());
      std::vector<re2::StringPiece> g(reference.NumberOfCapturingGroups() + 1);
      for (const std::string& text : texts) {
        for (size_t from = 0; from <= text.size(); from += 1 + from % 7) {
          bool want = reference.Match(text, from, text.size(), RE2::UNANCHORED, g.data(),
                                      static_cast<int>(g.size()));
          RuleMatch m;
          bool found = rules.Match(r, text, from, &m);
          REQUIRE_MESSAGE(found == want, rules.spec(r).id, " from ", from, " on ", text);
          if (!found) continue;
          ++matched;
          CHECK(m.whole.begin == static_cast<size_t>(g[0].data() - text.data()));
          CHECK(m.whole.end == m.whole.begin + g[0].size());
          const std::pair<const char*, const GroupSpan*> named[] = {
              {"content", &m.content}, {"content2", &m.content2}, {"source", &m.source},
              {"cue", &m.cue}};
          for (auto [name, span] : named) {
            auto it = reference.NamedCapturingGroups().find(name);
            if (it == reference.NamedCapturingGroups().end()) continue;
            const re2::StringPiece& want_span = g[it->second];
            CHECK(span->found() == (want_span.data() != nullptr));
            if (!span->found()) continue;
            CHECK(span->begin == static_cast<size_t>(want_span.data() - text.data()));
            CHECK(span->end == span->begin + want_span.size());
          }
        }
      }
    }
    CHECK(matched > 1000);
  }
}

TEST_CASE("rules compiled on first use give every thread the same matches") {
  PlaceholderMap placeholders = Engine::BuiltinPlaceholders(Lex());
  for (const BuiltinFile& f : BuiltinData()) {
    if (f.name.substr(0, 6) != "rules/") continue;
    RuleFile file = ParseRuleFile(std::string(f.name), f.bytes).value();
    auto one = RuleSet::Compile({file}, placeholders);
    auto shared = RuleSet::Compile({file}, placeholders);
    REQUIRE(one.ok());
    REQUIRE(shared.ok());
    std::vector<std::string> texts = GeneratedSentences(60);
    texts.push_back("\x02Tout est fini,\x03 a dit Jos\xc3\xa9 Roe.");
    // Every match as "rule:begin:end", from a set used by one thread.
    auto all_matches = [&](const RuleSet& rules) {
      std::string out;
      for (size_t r = 0; r < rules.size(); ++r) {
        for (const std::string& text : texts) {
          RuleMatch m;
          if (!rules.Match(r, text, 0, &m)) continue;
          out += fmt::format("{}:{}:{} ", r, m.whole.begin, m.whole.end);
        }
      }
      return out;
    };
    std::string want = all_matches(one.value());
    // Four threads race to build the programs of a fresh set.
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (auto& g : got) threads.emplace_back([&] { g = all_matches(shared.value()); });
    for (auto& t : threads) t.join();
    for (const std::string& g : got) CHECK(g == want);
    CHECK(shared.value().CompileAll().ok());
    CHECK(shared.value().failed_compiles() == 0);
  }
}

TEST_CASE("the prefilters never drop a rule that matches") {
  PlaceholderMap placeholders = Engine::BuiltinPlaceholders(Lex());
  for (const BuiltinFile& f : BuiltinData()) {
    if (f.name.substr(0, 6) != "rules/") continue;
    auto set = RuleSet::Compile({ParseRuleFile(std::string(f.name), f.bytes).value()},
                                placeholders);
    REQUIRE(set.ok());
    const RuleSet& rules = set.value();
    int dropped = 0;
    for (const std::string& text : GeneratedSentences(2000)) {
      std::vector<int> candidates;
      rules.Candidates(text, &candidates);
      for (size_t r = 0; r < rules.size(); ++r) {
        bool candidate =
            std::find(candidates.begin(), candidates.end(), static_cast<int>(r)) != candidates.end();
        RuleMatch m;
        if (!candidate) {
          ++dropped;
          CHECK_MESSAGE(!rules.Match(r, text, 0, &m), rules.spec(r).id, " on ", text);
        }
      }
    }
    CHECK(dropped > 0);
  }
}

// The literal filter derives its literals from skeletons (LiteralSkeleton),
// which must match wherever the rules do and keep the rules' literals.
TEST_CASE("skeletons of the built-in rules match where the rules do, with their literals") {
  PlaceholderMap placeholders = Engine::BuiltinPlaceholders(Lex());
  for (const BuiltinFile& f : BuiltinData()) {
    if (f.name.substr(0, 6) != "rules/") continue;
    auto set = RuleSet::Compile({ParseRuleFile(std::string(f.name), f.bytes).value()},
                                placeholders);
    REQUIRE(set.ok());
    const RuleSet& rules = set.value();
    std::vector<std::string> texts = GeneratedSentences(300);
    texts.push_back("\x02Tout est fini,\x03 a dit Jos\xc3\xa9 Roe.");
    // The reference: RE2's literals of the full patterns, as the filter
    // found them before it used skeletons.
    re2::FilteredRE2 full(1);
    std::vector<std::string> expanded;
    for (size_t r = 0; r < rules.size(); ++r) {
      int id;
      REQUIRE(full.Add(rules.expanded(r), RE2::Options(), &id) == RE2::NoError);
      expanded.push_back(rules.expanded(r));
    }
    std::vector<std::string> atoms;
    full.Compile(&atoms);
    LiteralFilter filter(expanded);
    int same = 0, total = 0;
    for (size_t r = 0; r < rules.size(); ++r) {
      RE2 skeleton(LiteralSkeleton(rules.expanded(r)));
      REQUIRE_MESSAGE(skeleton.ok(), rules.spec(r).id);
      RE2 pattern(rules.expanded(r));
      for (const std::string& text : texts) {
        if (RE2::PartialMatch(text, pattern)) CHECK_MESSAGE(RE2::PartialMatch(text, skeleton), rules.spec(r).id);
      }
    }
    for (const std::string& text : texts) {
      std::vector<int> found;
      for (size_t a = 0; a < atoms.size(); ++a) {
        RE2::Options literal;
        literal.set_literal(true);
        literal.set_case_sensitive(false);
        if (RE2::PartialMatch(text, RE2(atoms[a], literal))) found.push_back(static_cast<int>(a));
      }
      std::vector<int> passed;
      full.AllPotentials(found, &passed);
      std::vector<char> want(rules.size(), 0), got;
      for (int id : passed) want[id] = 1;
      filter.MayMatch(text, &got);
      for (size_t r = 0; r < rules.size(); ++r) {
        if (want[r]) CHECK_MESSAGE(got[r] == 1, rules.spec(r).id, " on ", text);
        same += want[r] == got[r];
        ++total;
      }
    }
    // Wider patterns may keep a rule the full one ruled out, never the
    // reverse; in practice the literals are the same.
    CHECK(same == total);
  }
}

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

TEST_CASE("a define may use other defines and placeholders") {
  PlaceholderMap p = {{"QUOTE", "q"}, {"DAY", "d{1,2}"}};
  PlaceholderMap defines = {{"NOUN", "claims?|calls?"}, {"OWNED", "(?:his|her) {NOUN} {DAY}"}};
  auto r = ExpandTemplate("{QUOTE} {OWNED}", p, defines);
  REQUIRE(r.ok());
  CHECK(r.value() == "(?P<content>q) (?:(?:his|her) (?:claims?|calls?) (?:d{1,2}))");
  // A capture inside a define counts once for the whole pattern.
  CHECK_FALSE(ExpandTemplate("{QUOTE} {Q2}", p, {{"Q2", "{QUOTE}"}}).ok());
  // A cycle is an error, not a hang.
  auto cycle = ExpandTemplate("{A}", p, {{"A", "x{B}"}, {"B", "y{A}"}});
  REQUIRE_FALSE(cycle.ok());
  CHECK(cycle.status().message().find("refer to itself") != std::string::npos);
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
