// The literal prefilter: a pattern is dropped only when a literal every
// match needs is missing from the text, whatever its case.
#include "rules/literal_filter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace quoteledger {
namespace {

TEST_CASE("a pattern passes only when the text holds its required literals") {
  LiteralFilter filter({
      R"re(\p{Lu}\w+ (?:called|dubbed) (?:him|her))re",  // needs a verb and a pronoun
      R"re([a-z]+ed)re",                                 // needs only "ed"
      R"re(according to \w+)re",
      R"re((unclosed)re",                                // rejected by RE2: always passes
  });
  CHECK(filter.literals() > 0);
  struct Case {
    const char* text;
    std::vector<char> want;
  } cases[] = {
      {"Roe called him a liar.", {1, 1, 0, 1}},
      {"Roe called them liars.", {0, 1, 0, 1}},
      {"ROE DUBBED HER A LIAR.", {1, 1, 0, 1}},  // literals are found in any case
      {"According to Roe, it rained.", {0, 1, 1, 1}},
      {"Roe, in short.", {0, 0, 0, 1}},
  };
  for (const Case& c : cases) {
    std::vector<char> got;
    filter.MayMatch(c.text, &got);
    CHECK_MESSAGE(got == c.want, std::string(c.text));
  }
}

TEST_CASE("patterns with no literal at all always pass") {
  LiteralFilter filter({R"re(\p{Lu}+)re", R"re(.*)re"});
  std::vector<char> got;
  filter.MayMatch("no capitals", &got);
  CHECK(got == std::vector<char>{1, 1});
  LiteralFilter none({});
  none.MayMatch("anything", &got);
  CHECK(got.empty());
}

TEST_CASE("a skeleton keeps the literals and widens the rest") {
  struct Case {
    const char* pattern;
    const char* skeleton;
  } cases[] = {
      {R"re(\p{Lu}\w+ said)re", R"re((?s:.)(?s:.)+ said)re"},
      {R"re([^\x02\x03]*?, (?:he|she) said)re", R"re((?s:.)*, (?:he|she) said)re"},
      {R"re((?P<cue>(?:(?:also|still) )*(?:said|says)))re", R"re((?P<cue>(?s:.)*(?:said|says)))re"},
      {R"re([,;] [a-c]x{2,3} y{0,2}z?)re", R"re([,;] [a-c]x{2,3} (?s:.)*(?s:.)*)re"},
      {R"re([[:alpha:]\]]+ \Q(*)\E [\p{L}.'\-]+)re", R"re((?s:.)+ \Q(*)\E (?s:.)+)re"},
      {R"re((?i)according to(?: him)??$)re", R"re((?i)according to(?s:.)*$)re"},
      {R"re(\x{2014}|\pL\{1\})re", R"re(\x{2014}|(?s:.)\{1\})re"},
  };
  for (const Case& c : cases) CHECK(LiteralSkeleton(c.pattern) == c.skeleton);
}

}  // namespace
}  // namespace quoteledger
