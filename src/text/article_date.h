// Article dates: when an article was published, found from what the input
// says about it and never from when it was read. In order: the
// "published_at" of JSON Lines; else a date line, byline or dateline in the
// top lines of the text ("Sept. 12, 2016", "By Jane Roe | 2016-09-12",
// "WASHINGTON, Sept. 12, 2016 (AP) —"); else a YYYY-MM-DD in the file name
// ("breitbart_2016-09-12_slug.txt"); else unknown. A date inside the story
// ("On Sept. 12, 2016, the senator ...") is not the article's date.
#ifndef QUOTELEDGER_TEXT_ARTICLE_DATE_H_
#define QUOTELEDGER_TEXT_ARTICLE_DATE_H_

#include <string>
#include <string_view>

namespace quoteledger {

// How an article's date was found.
enum class DateSource { kUnknown, kPublishedAt, kDateline, kFileName };

// "published_at", "dateline", "file_name", or "" for kUnknown: the values
// of the ledger's documents.date_source column.
const char* DateSourceName(DateSource source);

struct ArticleDate {
  std::string date;  // "YYYY-MM-DD", a day that exists; "" when unknown
  DateSource source = DateSource::kUnknown;
};

// The article's date from, in order, `published_at` (as PublishedDate
// reads it), the top of `text` (DatelineDate), and `file_name` (FileNameDate;
// pass "" when the article does not fill a file of its own, as in JSON
// Lines). Pure and thread-safe.
ArticleDate FindArticleDate(std::string_view published_at, std::string_view text,
                            std::string_view file_name);

// The day a published_at value names: an ISO 8601 date or date and time
// ("2016-09-12", "2016-09-12T09:30:00Z", "2016-09-12 09:30:00+02:00") or a
// written date with an optional weekday and time ("Mon, 12 Sep 2016
// 10:00:00 +0000", "September 12, 2016"). The date is the one written, not
// converted to UTC. "" when the value is not such a date or names a day
// that does not exist ("2016-02-30").
std::string PublishedDate(std::string_view published_at);

// The date of the article's date line, byline or dateline among its top
// lines (before the story's prose begins), or "".
std::string DatelineDate(std::string_view text);

// The first YYYY-MM-DD, not part of a longer run of digits, that names a
// real day, in the last component of `path`; or "".
std::string FileNameDate(std::string_view path);

// True when `value` is YYYY, YYYY-MM or YYYY-MM-DD naming a year, month or
// day that exists. Otherwise false, with `*why` saying what is wrong for a
// person ("February 2024 has 29 days").
bool IsDateBound(std::string_view value, std::string* why);

// True when year-month-day is a day of the Gregorian calendar.
bool IsRealDay(int year, int month, int day);

}  // namespace quoteledger

#endif  // QUOTELEDGER_TEXT_ARTICLE_DATE_H_
