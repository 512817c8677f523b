// Quote pairing on the cases real wire copy throws at it: curly and
// straight marks, mixed pairs, apostrophes, nested quotes, guillemets,
// multi-paragraph quotes and unclosed quotes.
#include "quotes/quote_pairer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/segments.h"

namespace quoteledger {
namespace {

struct Want {
  std::string text;  // the quote's bytes, marks included
  int depth = 0;
  bool closed = true;
  bool continues = false;
};

std::vector<Want> Pair(const std::string& text) {
  Segments seg = Segment(text, AbbreviationSet{});
  std::vector<Want> out;
  for (const Quote& q : seg.quotes) {
    out.push_back({std::string(q.span.Of(text)), q.depth, !q.close_mark.empty(), q.continues});
  }
  return out;
}

void Expect(const std::string& text, const std::vector<Want>& want) {
  CAPTURE(text);
  std::vector<Want> got = Pair(text);
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].text == want[i].text);
    CHECK(got[i].depth == want[i].depth);
    CHECK(got[i].closed == want[i].closed);
    CHECK(got[i].continues == want[i].continues);
  }
}

}  // namespace

TEST_CASE("curly and straight pairs") {
  Expect("“We won,” she said.", {{"“We won,”"}});
  Expect("\"We won,\" she said.", {{"\"We won,\""}});
  Expect("He said “yes” and “no” today.", {{"“yes”"}, {"“no”"}});
}

TEST_CASE("mixed pairs, as in real wire copy") {
  // A curly opening closed by a straight mark, and the reverse.
  Expect("“I will not speak for him,\" the nominee said. \"We’ve got to go.”",
         {{"“I will not speak for him,\""}, {"\"We’ve got to go.”"}});
}

TEST_CASE("apostrophes are not quote marks") {
  Expect("“We’ve won, and Jones’ team knows it,” he said.",
         {{"“We’ve won, and Jones’ team knows it,”"}});
  Expect("It's the ’90s again, isn’t it?", {});
  Expect("The Joneses’ house and the Smiths’ car.", {});
}

TEST_CASE("nested quotes") {
  Expect("“He told me ‘never again,’ and left,” she said.",
         {{"“He told me ‘never again,’ and left,”"}, {"‘never again,’", 1}});
  Expect("“He said \"no\" to me,” she said.",
         {{"“He said \"no\" to me,”"}, {"\"no\"", 1}});
  // In the same family: two closing marks follow before anything opens.
  Expect("“I’d rather live in what he calls “hell” than here,” she said.",
         {{"“I’d rather live in what he calls “hell” than here,”"}, {"“hell”", 1}});
  Expect("\"He calls it \"hell\" now,\" she said.",
         {{"\"He calls it \"hell\" now,\""}, {"\"hell\"", 1}});
  // Not when a mark opens after the first close: the outer was left open.
  Expect("“One. “Two,” he said, “three.”", {{"“One. ", 0, false}, {"“Two,”"}, {"“three.”"}});
}

TEST_CASE("guillemets and typewriter pairs") {
  Expect("«Nous gagnerons», a-t-il dit.", {{"«Nous gagnerons»"}});
  Expect("Not paying taxes ''makes me smart,'' he said.", {{"''makes me smart,''"}});
  // Three typewriter marks close the inner single quote, then the double;
  // opening, the double comes first.
  Expect("''He asked me, 'Why not?''' Roe said.",
         {{"''He asked me, 'Why not?'''"}, {"'Why not?'", 1}});
  Expect("Roe said, '''No,' I told him.''",
         {{"'''No,' I told him.''"}, {"'No,'", 1}});
}

TEST_CASE("a quote running over paragraphs continues into the next") {
  Expect("“First part of it.\n“Second part,” he said.",
         {{"“First part of it.", 0, false, true}, {"“Second part,”"}});
}

TEST_CASE("an unclosed quote ends with its paragraph") {
  Expect("“This never closes, he said.\nThe next paragraph is plain text.", {{"“This never closes, he said.", 0, false, false}});
  // And a quote that reopens in the same family before closing.
  Expect("“One. “Two,” he said.", {{"“One. ", 0, false}, {"“Two,”"}});
}

TEST_CASE("single-quoted headline quotes pair up") {
  Expect("Trump: 'We will win' in Ohio", {{"'We will win'"}});
}

}  // namespace quoteledger
