// Written dates on one line of a heading: its words, the dates among them
// ("Sept. 12, 2016", "12 September 2016", "2016-09-12"), and whether the
// rest of the line is only what may stand beside a date ("Published:",
// "Monday,", "10:31 a.m. ET"). Internal to src/text (article_date.cc).
#ifndef QUOTELEDGER_TEXT_DATE_WORDS_H_
#define QUOTELEDGER_TEXT_DATE_WORDS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quoteledger {

// A word as written, and its core: without the punctuation that clings to
// words in a heading ("(Sept.", "2016,", "|").
struct DateToken {
  std::string_view text;
  std::string core;  // lower case
};

// The line's words, split at spaces and tabs.
std::vector<DateToken> TokenizeDateLine(std::string_view line);

struct FoundDate {
  size_t first = 0, count = 0;  // the tokens it takes
  std::string day;
};

// The date that starts at word `i`: ISO ("2016-09-12", also the start of
// "2016-09-12T10:00"), month first ("Sept. 12, 2016", "September 12th
// 2016") or day first ("12 September 2016"), naming a day that exists in a
// year from 1900 to 2199; nullopt otherwise.
std::optional<FoundDate> DateAt(const std::vector<DateToken>& t, size_t i);

// The first date at or after word `from`, or nullopt.
std::optional<FoundDate> FirstDate(const std::vector<DateToken>& t, size_t from = 0);

// True when the word may stand beside a date on a date line: a label or
// weekday from date_labels.txt, a time ("10:31", "+0000"), or punctuation.
bool IsDateFiller(const DateToken& t);

// The date of a line holding one date and nothing but filler beside it,
// as "YYYY-MM-DD"; "" otherwise.
std::string DateLineDate(const std::vector<DateToken>& t);

// "YYYY-MM-DD" when `s` starts with a real day so written (years 1900 to
// 2199), whatever follows; "" otherwise.
std::string IsoDayAt(std::string_view s);

// True when `s` is exactly `n` ASCII digits.
bool AllDigits(std::string_view s, size_t n);
// The value of a run of ASCII digits.
int DigitsValue(std::string_view digits);

}  // namespace quoteledger

#endif  // QUOTELEDGER_TEXT_DATE_WORDS_H_
