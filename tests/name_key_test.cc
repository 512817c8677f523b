// Tests of ledger/name_key.h: how names are read and which spellings share
// a key, as tables.
#include "ledger/name_key.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

namespace quoteledger {
namespace {

const NameParser& Parser() {
  static const NameParser* parser = [] {
    Result<NameParser> p = NameParser::LoadBuiltin();
    REQUIRE_MESSAGE(p.ok(), p.status().ToString());
    return new NameParser(std::move(p).value());
  }();
  return *parser;
}

TEST_CASE("a name is read as honorifics, first name, middles, surname and suffix") {
  struct Case {
    const char* name;
    const char* first;
    const char* last;
    const char* suffix;
    char gender;
  };
  const Case cases[] = {
      {"Donald J. Trump", "donald", "trump", "", 'm'},
      {"Donald Trump Jr.", "donald", "trump", "jr", 'm'},
      {"Donald Trump, Jr.", "donald", "trump", "jr", 'm'},
      {"Hillary Rodham Clinton", "hillary", "clinton", "", 'f'},
      {"Mrs. Clinton", "", "clinton", "", 'f'},
      {"Mr. Clinton", "", "clinton", "", 'm'},
      {"Clinton", "", "clinton", "", 0},
      {"Dr. Ben Carson", "ben", "carson", "", 'm'},
      {"Bill de Blasio", "bill", "de blasio", "", 'm'},
      {"de Blasio", "", "de blasio", "", 0},
      {"Beto O’Rourke", "beto", "o'rourke", "", 'm'},
      {"Virginia Sen. Tim Kaine", "tim", "kaine", "", 'm'},
      {"Republican Donald Trump", "donald", "trump", "", 'm'},
      {"George H. W. Bush", "george", "bush", "", 'm'},
      {"DONALD TRUMP", "donald", "trump", "", 0},
      // Not plausible names: no key, never merged.
      {"Mr.", "", "", "", 'm'},
      {"Trump's Indiana", "", "", "", 0},
      {"Chuck Grassley Compares Trump", "", "", "", 0},
      {"Supporters of Republican Donald Trump", "", "", "", 0},
      {"I", "", "", "", 0},
  };
  for (const Case& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    PersonName p = Parser().Parse(c.name);
    CHECK(p.first == c.first);
    CHECK(p.last == c.last);
    CHECK(p.suffix == c.suffix);
    if (p.ok()) CHECK(p.gender == c.gender);
  }
}

TEST_CASE("full names with the same key are one person; a suffix or another first name is not") {
  struct Case {
    const char* a;
    const char* b;
    bool same;
  };
  const Case cases[] = {
      {"Donald J. Trump", "Donald Trump", true},
      {"Donald John Trump", "Donald Trump", true},
      {"Hillary Rodham Clinton", "Hillary Clinton", true},
      {"Mrs. Hillary Clinton", "Hillary Clinton", true},
      {"DONALD J. TRUMP", "Donald Trump", true},
      {"Donald Trump Jr.", "Donald Trump", false},
      {"Donald Trump Jr.", "Donald J. Trump Jr", true},
      {"Donald Trump Sr.", "Donald Trump", false},
      {"Eric Trump", "Donald Trump", false},
      {"Ivanka Trump", "Donald Trump", false},
      {"Bill Clinton", "Hillary Clinton", false},
      {"Bill Clinton", "William Clinton", false},  // nicknames are a person's call
      {"Charles de Gaulle", "Charles Gaulle", false},
  };
  for (const Case& c : cases) {
    std::string pair = std::string(c.a) + " / " + c.b;
    CAPTURE(pair);
    PersonName a = Parser().Parse(c.a), b = Parser().Parse(c.b);
    REQUIRE((a.ok() && b.ok() && !a.surname_only() && !b.surname_only()));
    CHECK((a.Key() == b.Key()) == c.same);
  }
}

TEST_CASE("a surname alone may mean a full name of that surname, suffix and gender") {
  struct Case {
    const char* alone;
    char alone_gender;  // as the article said, else what the name says
    const char* full;
    char full_gender;
    bool may;
  };
  const Case cases[] = {
      {"Trump", 0, "Donald Trump", 'm', true},
      {"Mr. Trump", 'm', "Donald Trump", 'm', true},
      {"Mrs. Clinton", 'f', "Hillary Clinton", 'f', true},
      {"Mrs. Clinton", 'f', "Bill Clinton", 'm', false},
      {"Mr. Clinton", 'm', "Hillary Clinton", 'f', false},
      {"Trump", 0, "Donald Trump Jr.", 'm', false},
      {"Obama", 'm', "Barack Obama", 'm', true},
      {"Obama", 'm', "Michelle Obama", 'f', false},
      {"Pence", 0, "Mike Pence", 'm', true},
      {"Kaine", 0, "Mike Pence", 'm', false},
  };
  for (const Case& c : cases) {
    std::string pair = std::string(c.alone) + " / " + c.full;
    CAPTURE(pair);
    PersonName alone = Parser().Parse(c.alone), full = Parser().Parse(c.full);
    REQUIRE(alone.surname_only());
    CHECK(SurnameMayMean(alone, c.alone_gender, full, c.full_gender) == c.may);
  }
}

TEST_CASE("genders agree unless both are known and differ") {
  CHECK(GendersAgree(0, 0));
  CHECK(GendersAgree('m', 0));
  CHECK(GendersAgree(0, 'f'));
  CHECK(GendersAgree('f', 'f'));
  CHECK(!GendersAgree('m', 'f'));
}

}  // namespace
}  // namespace quoteledger
