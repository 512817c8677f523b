// Paragraphs, sentences (abbreviations do not end one; quotes stay whole)
// and the normalized view's map back to original bytes.
#include "text/segments.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "mentions/lexicon.h"

namespace quoteledger {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  static const Lexicons lex = Lexicons::LoadBuiltin().value();
  Segments seg = Segment(text, lex.abbreviations(), &lex.speech_verb_set(),
                         &lex.intention_verb_set());
  std::vector<std::string> out;
  for (const Sentence& s : seg.sentences) out.emplace_back(s.span.Of(text));
  return out;
}

}  // namespace

TEST_CASE("sentences survive abbreviations") {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"U.S. Secretary of State Antony Blinken spoke. He left.",
       {"U.S. Secretary of State Antony Blinken spoke.", "He left."}},
      {"Sen. Roe and Mr. Doe met in Moon, Pa., on Friday. They talked.",
       {"Sen. Roe and Mr. Doe met in Moon, Pa., on Friday.", "They talked."}},
      {"House Speaker Paul D. Ryan spoke. Then he left.",
       {"House Speaker Paul D. Ryan spoke.", "Then he left."}},
      {"It began Oct. 7 and ended. Really?  Yes!",
       {"It began Oct. 7 and ended.", "Really?", "Yes!"}},
      {"Asked if he would run, Roe said no. But he said he might.",
       {"Asked if he would run, Roe said no.", "But he said he might."}},
      {"It was No. 5 on the list.", {"It was No. 5 on the list."}},
      // A place may end a sentence; a title never does.
      // Initials before a name end no sentence; before "He" they do.
      {"Fans cited J.K. Rowling's book. It sold in the U.K. He says so.",
       {"Fans cited J.K. Rowling's book.", "It sold in the U.K.", "He says so."}},
      {"Roe sells it in the U.S. He says it works.",
       {"Roe sells it in the U.S.", "He says it works."}},
      {"They met Dr. He Jian in the U.S. Army base.",
       {"They met Dr. He Jian in the U.S. Army base."}},
      // A state after a party's letter: "(R-Wis.)", "(D-N.Y.)".
      {"Rep. Ann Roe (R-Wis.) said it. Rep. Tom Lee (D-N.Y.) did not.",
       {"Rep. Ann Roe (R-Wis.) said it.", "Rep. Tom Lee (D-N.Y.) did not."}},
      // A title opening a paragraph is read as one word, not with the
      // paragraph before it.
      {"Lawmaker urges retaliation.\n\nRep. Adam Roe said it. Ann Lee agreed.",
       {"Lawmaker urges retaliation.", "Rep. Adam Roe said it.", "Ann Lee agreed."}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(Sentences(c.text) == c.want);
  }
}

TEST_CASE("a quote of several sentences stays in one sentence") {
  CHECK(Sentences("“We’re still underway. We’re not giving up. Still possible,” he said. Then he left.") ==
        std::vector<std::string>{
            "“We’re still underway. We’re not giving up. Still possible,” he said.",
            "Then he left."});
  CHECK(Sentences("“We won.” Smith said it twice.") ==
        std::vector<std::string>{"“We won.”", "Smith said it twice."});
}

TEST_CASE("a quote ending in . ? or ! keeps its short trailing attribution") {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"“Who do they think they are?” Mayor Ana Ruiz said. She left.",
       {"“Who do they think they are?” Mayor Ana Ruiz said.", "She left."}},
      {"“We did it!” he said as the votes came in.",
       {"“We did it!” he said as the votes came in."}},
      {"“The bridge is closed.” said Tom Acker, an engineer.",
       {"“The bridge is closed.” said Tom Acker, an engineer."}},
      {"“It is late.” The council told reporters on Monday.",
       {"“It is late.” The council told reporters on Monday."}},
      // A sentence with its own content, or no speech verb, stands alone.
      {"“We won.” Smith said the count was over.",
       {"“We won.”", "Smith said the count was over."}},
      {"“We won.” The crowd cheered loudly.", {"“We won.”", "The crowd cheered loudly."}},
      {"“We won.” Smith, a clerk, said.", {"“We won.”", "Smith, a clerk, said."}},
      {"“Why wait?” Roe asked county leaders.", {"“Why wait?” Roe asked county leaders."}},
      {"“Who knows?” Roe told the county's radio station.",
       {"“Who knows?” Roe told the county's radio station."}},
      // Whoever was told may take many words, and the sentence run on.
      {"“Who knows?” Roe told the county's radio station in an interview aired on Monday when "
       "asked how the talks would go if he won the U.S. race.",
       {"“Who knows?” Roe told the county's radio station in an interview aired on Monday when "
        "asked how the talks would go if he won the U.S. race."}},
      {"“A win.” He thanked leaders for what he described as good faith.",
       {"“A win.”", "He thanked leaders for what he described as good faith."}},
      {"“We won.” Roe told the crowd that it was over.",
       {"“We won.”", "Roe told the crowd that it was over."}},
      {"“Why not?” a narrator in the county ad asks.",
       {"“Why not?” a narrator in the county ad asks."}},
      // A cue with a comma before the next quotation introduces that one.
      {"“It is a trap.” She adds, “Who pays?”", {"“It is a trap.”", "She adds, “Who pays?”"}},
      // A cue with a period ends the quotation's sentence, a quotation after it or not.
      {"“Is it a trap?” Roe said. “Who pays?”", {"“Is it a trap?” Roe said.", "“Who pays?”"}},
      // An abbreviated title or an initial goes on with the name.
      {"“Can we win?” Mr. Roe asked.", {"“Can we win?” Mr. Roe asked."}},
      {"“Can we win?” J. Roe asked.", {"“Can we win?” J. Roe asked."}},
      // A conjunction opens a sentence; an infinitive is no listener.
      {"“No.” But Ms. Roe also said in an interview that it was late.",
       {"“No.”", "But Ms. Roe also said in an interview that it was late."}},
      {"“No.” A spokesman for Mr. Roe declined to comment.",
       {"“No.”", "A spokesman for Mr. Roe declined to comment."}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(Sentences(c.text) == c.want);
  }
}

TEST_CASE("paragraphs are lines; blank lines and CRLF are fine") {
  Segments seg = Segment("One.\r\n\r\nTwo.\nThree.", AbbreviationSet{});
  REQUIRE(seg.paragraphs.size() == 3);
  CHECK(seg.sentences.size() == 3);
}

TEST_CASE("the normalized view maps back to whole original characters") {
  std::string text = "He said:\xC2\xA0 “Go now,” she\t said.";
  Segments seg = Segment(text, AbbreviationSet{});
  const std::string& norm = seg.norm.text();
  CHECK(norm == "He said: \x02Go now,\x03 she said.");
  size_t q = norm.find('\x02');
  size_t e = norm.find('\x03') + 1;
  Span back = seg.norm.ToOriginal(static_cast<uint32_t>(q), static_cast<uint32_t>(e));
  CHECK(back.Of(text) == "“Go now,”");
  CHECK(seg.norm.FromOriginal(back.begin) == q);
}

TEST_CASE("a byte order mark is skipped") {
  Segments seg = Segment("\xEF\xBB\xBFHello there.", AbbreviationSet{});
  REQUIRE(seg.sentences.size() == 1);
  CHECK(seg.sentences[0].span.begin == 3);
}

}  // namespace quoteledger
