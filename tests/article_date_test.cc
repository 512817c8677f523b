// Article dates: published_at values, date lines, bylines and datelines at
// the top of an article, dates in file names, the order they are tried in,
// dates inside a story that must not be taken, and --since/--until bounds.
#include "text/article_date.h"

#include <doctest/doctest.h>

#include <string>

namespace quoteledger {

TEST_CASE("published_at is a date when it is ISO 8601 or a written date") {
  struct Case {
    const char* value;
    const char* day;  // "" when it is not a date
  };
  const Case cases[] = {
      {"2016-09-12", "2016-09-12"},
      {"2016-09-12T09:30:00Z", "2016-09-12"},
      {"2016-09-12T09:30Z", "2016-09-12"},
      {"2016-09-12 09:30:00", "2016-09-12"},
      {"2016-09-12T23:30:00-05:00", "2016-09-12"},  // the day as written, not UTC's
      {"2016-09-12T09:30:00.125+0200", "2016-09-12"},
      {" 2016-09-12 ", "2016-09-12"},
      {"Mon, 12 Sep 2016 10:00:00 +0000", "2016-09-12"},  // RFC 822, as feeds write it
      {"September 12, 2016", "2016-09-12"},
      {"Sept. 12, 2016 10:31 a.m. ET", "2016-09-12"},
      {"2016-02-29", "2016-02-29"},
      {"2015-02-29", ""},  // not a leap year
      {"2016-09-31", ""},
      {"2016-13-01", ""},
      {"2016-09-12T25:00:00Z", ""},
      {"2016-09-12Tnoon", ""},
      {"2016-09", ""},  // a month is not a day
      {"yesterday", ""},
      {"12/09/2016", ""},  // day or month first? not guessed
      {"Sept. 12, 2016 at the rally", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.value);
    CHECK(PublishedDate(c.value) == c.day);
  }
}

TEST_CASE("the date at the top of an article: date lines, bylines, datelines") {
  struct Case {
    const char* what;
    const char* text;
    const char* day;  // "" when the article has no date of its own at the top
  };
  const Case cases[] = {
      {"a date line under the headline",
       "Senate Passes Budget.\n\nSept. 12, 2016\n\nThe Senate passed the budget on Monday.\n",
       "2016-09-12"},
      {"a full month name", "Senate Passes Budget\nSeptember 12, 2016\n\nThe Senate voted.\n",
       "2016-09-12"},
      {"ISO", "Senate Passes Budget\n2016-09-12\n\nThe Senate voted.\n", "2016-09-12"},
      {"day before month", "Senate Passes Budget\n12 September 2016\n\nThe Senate voted.\n",
       "2016-09-12"},
      {"labels, weekday and time",
       "Senate Passes Budget\nPublished: Monday, Sept. 12, 2016 | 10:31 a.m. ET\n\nThe Senate "
       "voted.\n",
       "2016-09-12"},
      {"an ordinal day", "Senate Passes Budget\nUpdated September 12th, 2016\n\nText.\n",
       "2016-09-12"},
      {"a date line first of all", "Sept. 12, 2016\nSenate Passes Budget\n\nText.\n",
       "2016-09-12"},
      {"a byline with a date",
       "Senate Passes Budget\nBy Jane Roe and Sam Poe | Associated Press | Sept. 12, 2016\n\n"
       "The Senate voted.\n",
       "2016-09-12"},
      {"an AP dateline with the date in its head",
       "Senate Passes Budget\n\nWASHINGTON, Sept. 12, 2016 (AP) — The Senate passed the budget "
       "on Monday after a long night.\n",
       "2016-09-12"},
      {"an AP dateline with the date after the dash",
       "Senate Passes Budget\n\nWASHINGTON (AP) — Sept. 12, 2016 — The Senate passed the "
       "budget.\n",
       "2016-09-12"},
      {"a dateline with a state",
       "NEW YORK, N.Y., September 12, 2016 -- The mayor spoke.\n", "2016-09-12"},
      {"a byte order mark", "\xEF\xBB\xBF" "2016-09-12\nSenate Passes Budget\n", "2016-09-12"},
      {"CRLF line ends", "Senate Passes Budget\r\nSept. 12, 2016\r\n\r\nText.\r\n", "2016-09-12"},
      // Dates that are not the article's.
      {"a date in the story's first sentence",
       "Senate Passes Budget.\n\nOn Sept. 12, 2016, the Senate passed the budget.\n", ""},
      {"a date in a headline", "Remembering September 11, 2001\n\nThe city fell silent.\n", ""},
      {"a dateline without a date, then a date line in the story",
       "WASHINGTON (AP) — The Senate voted.\n\nSept. 12, 2016\n", ""},
      {"a dash after the dateline, then a story date",
       "WASHINGTON (AP) — On Sept. 12, 2016, the Senate voted.\n", ""},
      {"a dateline with no year", "WASHINGTON, Sept. 12 — The Senate voted.\n", ""},
      {"a sentence beginning with By",
       "Senate Passes Budget\nBy the time polls closed on Nov. 8, 2016, it was over.\n", ""},
      {"a date line after the story's prose has begun",
       "Senate Passes Budget.\n\nThe Senate passed the budget on Monday after a long night of "
       "debate.\n\nLawmakers went home.\n\nSeptember 12, 2016\n",
       ""},
      {"a date line after a long paragraph",
       "Budget\n\nThe Senate passed the budget on Monday after a long night of debate in which "
       "senators from both parties spoke for hours about spending, taxes, the deficit and what "
       "the country owes to those who will pay for it later on\n\nSept. 12, 2016\n",
       ""},
      {"a day that does not exist", "Senate Passes Budget\nFebruary 30, 2016\n\nText.\n", ""},
      {"a year out of range", "Senate Passes Budget\nSept. 12, 1066\n\nText.\n", ""},
      {"a lone month and year", "Senate Passes Budget\nSeptember 2016\n\nText.\n", ""},
      {"no date at all", "Senate Passes Budget\n\nThe Senate voted.\n", ""},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CHECK(DatelineDate(c.text) == c.day);
  }
}

TEST_CASE("a date in a file name") {
  struct Case {
    const char* path;
    const char* day;
  };
  const Case cases[] = {
      {"breitbart_2016-09-12_stealth-over-health.txt", "2016-09-12"},
      {"/data/polnear/dev/text/nyt_2016-10-03_debate.txt", "2016-10-03"},
      {"corpus\\wash-post_2016-11-01_a.txt", "2016-11-01"},
      {"2016-09-12.txt", "2016-09-12"},
      {"/archive/2016-09-12/story.txt", ""},  // a folder's date is not the file's
      {"story_2016-09-31.txt", ""},          // no such day
      {"id-12016-09-12.txt", ""},            // part of a longer number
      {"story_2016-09-123.txt", ""},
      {"story_2016-9-12.txt", ""},
      {"bad_2016-02-30_then_2016-03-01.txt", "2016-03-01"},  // the first real day
      {"story.txt", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    CHECK(FileNameDate(c.path) == c.day);
  }
}

TEST_CASE("published_at, then the top of the text, then the file name, else unknown") {
  const char* dated_text = "Budget\nSept. 13, 2016\n\nThe Senate voted.\n";
  const char* plain_text = "Budget\n\nOn Sept. 14, 2016, the Senate voted.\n";
  const char* file = "wire_2016-09-15_budget.txt";
  struct Case {
    const char* what;
    const char* published_at;
    const char* text;
    const char* file_name;
    const char* day;
    DateSource source;
  };
  const Case cases[] = {
      {"published_at first", "2016-09-12", dated_text, file, "2016-09-12",
       DateSource::kPublishedAt},
      {"a bad published_at is passed over", "last Monday", dated_text, file, "2016-09-13",
       DateSource::kDateline},
      {"the dateline before the file name", "", dated_text, file, "2016-09-13",
       DateSource::kDateline},
      {"the file name", "", plain_text, file, "2016-09-15", DateSource::kFileName},
      {"no file name (JSON Lines)", "", plain_text, "", "", DateSource::kUnknown},
      {"nothing", "", plain_text, "wire_budget.txt", "", DateSource::kUnknown},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    ArticleDate d = FindArticleDate(c.published_at, c.text, c.file_name);
    CHECK(d.date == c.day);
    CHECK(d.source == c.source);
  }
  CHECK(std::string(DateSourceName(DateSource::kPublishedAt)) == "published_at");
  CHECK(std::string(DateSourceName(DateSource::kDateline)) == "dateline");
  CHECK(std::string(DateSourceName(DateSource::kFileName)) == "file_name");
  CHECK(std::string(DateSourceName(DateSource::kUnknown)).empty());
}

TEST_CASE("--since and --until bounds name a real year, month or day") {
  struct Case {
    const char* value;
    const char* why;  // "" when valid
  };
  const Case cases[] = {
      {"2016", ""},
      {"2016-10", ""},
      {"2016-10-01", ""},
      {"2024-02-29", ""},
      {"2024-02-30", "2024-02 has 29 days"},
      {"2023-02-29", "2023-02 has 28 days"},
      {"2016-04-31", "2016-04 has 30 days"},
      {"2016-13", "there is no month 13"},
      {"2016-00-10", "there is no month 00"},
      {"2016-10-00", "2016-10 has 31 days"},
      {"2016-1-1", "it is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"},
      {"2016-10-01T00:00", "it is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"},
      {"Sept", "it is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"},
      {"", "it is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.value);
    std::string why;
    CHECK(IsDateBound(c.value, &why) == (*c.why == '\0'));
    CHECK(why == c.why);
  }
}

}  // namespace quoteledger
