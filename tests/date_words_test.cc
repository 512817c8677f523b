// Written dates on one line: the forms a date takes, what may stand beside
// it on a date line, and what is not a date.
#include "text/date_words.h"

#include <doctest/doctest.h>

#include <string>

namespace quoteledger {

TEST_CASE("the first date on a line, in the forms newsrooms write") {
  struct Case {
    const char* line;
    const char* day;  // "" when there is none
  };
  const Case cases[] = {
      {"Sept. 12, 2016", "2016-09-12"},
      {"Sep 12 2016", "2016-09-12"},
      {"September 12th, 2016", "2016-09-12"},
      {"12 September 2016", "2016-09-12"},
      {"(2016-09-12)", "2016-09-12"},
      {"2016-09-12T10:00:00Z", "2016-09-12"},
      {"May 3, 2016", "2016-05-03"},
      {"on Friday, Feb. 29, 2016 at noon", "2016-02-29"},
      {"Feb. 29, 2015", ""},        // not a leap year
      {"Sept. 12", ""},             // no year
      {"September 2016", ""},       // no day
      {"Sept. 12, 16", ""},         // a two-digit year
      {"Sept. 12, 1066", ""},       // out of range
      {"2016-09-12x", ""},          // not ISO
      {"Sept. 123, 2016", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    std::optional<FoundDate> d = FirstDate(TokenizeDateLine(c.line));
    CHECK((d ? d->day : std::string()) == c.day);
  }
}

TEST_CASE("a date line holds a date and only labels, weekdays, times and punctuation") {
  struct Case {
    const char* line;
    const char* day;  // "" when the line is not a date line
  };
  const Case cases[] = {
      {"Sept. 12, 2016", "2016-09-12"},
      {"Published: Monday, Sept. 12, 2016 | 10:31 a.m. ET", "2016-09-12"},
      {"Updated 2016-09-12 09:30 +0000", "2016-09-12"},
      {"Mon, 12 Sep 2016 10:00:00 GMT", "2016-09-12"},
      {"— Sept. 12, 2016 —", "2016-09-12"},
      {"Remembering Sept. 11, 2001", ""},
      {"On Sept. 12, 2016, the Senate voted.", ""},
      {"Posted Sept. 12, 2016 by Jane Roe", ""},
      {"Published Monday", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    CHECK(DateLineDate(TokenizeDateLine(c.line)) == c.day);
  }
}

}  // namespace quoteledger
