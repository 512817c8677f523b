// The built-in lexicons load and answer the lookups the pipeline relies on.
#include "mentions/lexicon.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace quoteledger {

TEST_CASE("built-in lexicons load") {
  auto lex = Lexicons::LoadBuiltin();
  REQUIRE(lex.ok());
  const Lexicons& l = lex.value();
  // At least the Gender Gap Tracker's ~70 verbs, in all their forms.
  CHECK(l.speech_verb_forms().size() > 300);
  for (const char* w : {"said", "says", "saying", "told", "warned", "denied", "signaled",
                        "reported", "acknowledged", "tweeted"}) {
    CAPTURE(w);
    CHECK(l.IsSpeechVerb(w));
  }
  CHECK_FALSE(l.IsSpeechVerb("table"));
  CHECK(std::find(l.speech_verb_ing_forms().begin(), l.speech_verb_ing_forms().end(),
                  "saying") != l.speech_verb_ing_forms().end());
  // Verbs that take an infinitive, in every form, any case.
  for (const char* w : {"declined", "Wants", "hoped", "refuses"}) {
    CAPTURE(w);
    CHECK(l.IsIntentionVerb(w));
  }
  CHECK_FALSE(l.IsIntentionVerb("said"));
}

TEST_CASE("lexicon lookups") {
  const Lexicons l = Lexicons::LoadBuiltin().value();
  struct TitleCase {
    const char* word;
    TitleClass cls;
  };
  const TitleCase titles[] = {{"Secretary", TitleClass::kHead}, {"minister", TitleClass::kHead},
                              {"Prime", TitleClass::kMod},      {"Sen.", TitleClass::kHead},
                              {"Antony", TitleClass::kNone}};
  for (const TitleCase& t : titles) {
    CAPTURE(t.word);
    CHECK(l.Title(t.word) == t.cls);
  }
  CHECK(l.FirstNameGender("Kamala") == 'f');
  CHECK(l.FirstNameGender("Benjamin") == 'm');
  CHECK(l.FirstNameGender("Blinken") == 0);
  CHECK(l.Honorific("Mrs.") == 'f');
  CHECK(l.Demonym("Israeli") == "Israel");
  CHECK(l.IsOrganizationWord("Ministry"));
  CHECK(l.IsAnonymousHead("officials"));
  CHECK(l.IsStopCapital("The"));
  CHECK(l.abbreviations().count("u.s") == 1);
}

}  // namespace quoteledger
