// The openings RuleSet::Match searches for before it runs a rule anchored,
// and the table scan that stands in for the prefilters' RE2::Sets on ASCII
// text: each checked against RE2 itself.
#include "rules/start_prefix.h"

#include <doctest/doctest.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <random>
#include <string>
#include <vector>

#include "rules/atom_finder.h"

namespace quoteledger {
namespace {

TEST_CASE("the opening of a pattern is a prefix every match starts with") {
  struct Case {
    const char* pattern;
    const char* opening;
  } cases[] = {
      // Groups of one alternative open up; names go; a short literal that
      // must follow is kept.
      {R"re((?:^\(?|[,:;] )(?P<content>\x02[^\x03]*\x03),? said)re", R"re((?:^\(?|[,:;] )\x02)re"},
      {R"re(\b(?P<source>who) said)re", R"re(\bwho)re"},
      {R"re(\x03,? (?P<source>[^,]+) said)re", R"re(\x03)re"},
      // An optional item is kept with the selective one after it.
      {R"re((?:But )?[Aa]s \w+)re", R"re((?:But )?[Aa]s)re"},
      // A space is weak: the opening goes on to a strong item after it.
      {R"re((?:^|[ (])(?P<source>[Hh]is|[Tt]he) said)re", R"re((?:^|[ (])(?P<source>[Hh]is|[Tt]he))re"},
      {R"re(   \w)re", ""},
      // A broad item first: no opening worth searching for.
      {R"re((?P<content>[^,]+), said)re", ""},
      {R"re(.*said)re", ""},
      {R"re([^,]*?, said)re", ""},
      {R"re([\p{L}]+ said)re", ""},
      // ^ at the start: RE2 tries one start already.
      {R"re(^\x02[^\x03]*\x03)re", ""},
      // Alternatives must each open selectively, or soon after a broad item.
      {R"re((?:, |[\p{L}.']+ \x02)x)re", R"re((?:, |[\p{L}.']+ \x02)x)re"},
      {R"re((?:, |[a-z]+)x)re", ""},
      {R"re((?:, |)x)re", ""},
  };
  for (const Case& c : cases) {
    CHECK_MESSAGE(StartPrefix(c.pattern) == c.opening, c.pattern);
    if (*c.opening != '\0') CHECK(RE2(c.opening).ok());
  }
}

// Random ASCII texts over letters of both cases, spaces and punctuation.
std::vector<std::string> RandomTexts(int count) {
  const std::string alphabet = "saidSAIDtoldTKkeEn ,.\x02\x03";
  std::mt19937 rng(20261208);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string s;
    for (int n = static_cast<int>(rng() % 40); n > 0; --n) s += alphabet[rng() % alphabet.size()];
    out.push_back(s);
  }
  return out;
}

TEST_CASE("the table scan finds the literals an RE2::Set finds") {
  const std::vector<std::string> atoms = {
      "said", "s", "ai", "told", " to", "\x02", "ld, ", "", "k",
      "\xC5\xBF" "aid",      // 'ſ': folds to 's', so it matches "said" in any case
      "\xE2\x84\xAA" "en",   // the Kelvin sign: folds to 'k'
      "\xE2\x80\x94 he",  // an em dash: never in ASCII text
      "Said"};
  for (bool fold : {true, false}) {
    RE2::Options opt;
    opt.set_literal(true);
    opt.set_case_sensitive(!fold);
    RE2::Set set(opt, RE2::UNANCHORED);
    for (const std::string& a : atoms) REQUIRE(set.Add(a, nullptr) >= 0);
    REQUIRE(set.Compile());
    AtomFinder finder(atoms, fold);
    for (const std::string& text : RandomTexts(3000)) {
      std::vector<int> hits;
      set.Match(text, &hits);
      std::vector<char> want(atoms.size(), 0), got;
      for (int h : hits) want[h] = 1;
      REQUIRE(finder.Find(text, &got));
      CHECK_MESSAGE(got == want, text, fold ? " (any case)" : "");
    }
  }
  std::vector<char> got;
  CHECK_FALSE(AtomFinder(atoms, true).Find("caf\xC3\xA9 said", &got));  // not ASCII: RE2's
}

TEST_CASE("the table scan finds where each literal last starts") {
  const std::vector<std::string> atoms = {"said", "s", "ai", " to", "\x02", "", "zz"};
  AtomFinder finder(atoms, false);
  for (const std::string& text : RandomTexts(2000)) {
    std::vector<int32_t> last;
    REQUIRE(finder.FindLast(text, &last));
    for (size_t a = 0; a < atoms.size(); ++a) {
      // The reference: the last place the atom occurs; an empty one "ends" the text.
      size_t at = atoms[a].empty() ? text.size() : text.rfind(atoms[a]);
      int32_t want = at == std::string::npos ? -1 : static_cast<int32_t>(at);
      CHECK_MESSAGE(last[a] == want, atoms[a], " in ", text);
    }
  }
}

TEST_CASE("word alternations read as their literals") {
  std::vector<std::string> words;
  REQUIRE(LiteralAlternatives(R"re((?:said|says|U\.S\.|co\-host))re", &words));
  CHECK(words == std::vector<std::string>{"said", "says", "U.S.", "co-host"});
  REQUIRE(LiteralAlternatives(R"re((?:also )?(?:saying|telling))re", &words));
  CHECK(words == std::vector<std::string>{"saying", "telling"});
  REQUIRE(LiteralAlternatives(R"re(\x02)re", &words));
  CHECK(words == std::vector<std::string>{"\x02"});
  CHECK_FALSE(LiteralAlternatives(R"re((?:said|[a-z]+ed))re", &words));
  CHECK_FALSE(LiteralAlternatives(R"re(said.*)re", &words));
  CHECK_FALSE(LiteralAlternatives(R"re((?:a|b)(?:c|d))re", &words));
}

}  // namespace
}  // namespace quoteledger
