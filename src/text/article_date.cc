// Finding an article's date. Only the top of the text is read, and only
// lines whose shape says they carry the article's own date: a line that is
// a date and nothing else but labels and a time, a byline, or a dateline
// before the story's first dash. Headlines and sentences that mention a
// date are passed over, and reading stops where the story's prose begins,
// because the dates in a story are what it is about, not when it ran.
#include "text/article_date.h"

#include <cctype>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "text/date_words.h"

namespace quoteledger {
namespace {

// How far down the top of an article reaches: headline, standfirst,
// byline, date line and the dateline that opens the story fit well inside.
constexpr int kTopLines = 8;
constexpr size_t kTopBytes = 2000;
// A line longer than this is a paragraph of the story, not a heading.
constexpr size_t kHeadingBytes = 200;
constexpr size_t kBylineBytes = 160;
// A line of this many words or more that ends like a sentence is prose.
constexpr size_t kSentenceWords = 4;

bool EndsLikeSentence(std::string_view line) {
  for (std::string_view end : {".", "?", "!", "\"", "'", "”", "’"}) {
    if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return true;
  }
  return false;
}

// "By Jane Roe | Sept. 12, 2016": a short line naming its writer, not a
// sentence ("By the time polls closed on Nov. 8, 2016, ..." is one).
std::string BylineDate(std::string_view line, const std::vector<DateToken>& t) {
  if (line.size() > kBylineBytes || t.size() < 3 || t[0].core != "by") return "";
  if (!std::isupper(static_cast<unsigned char>(t[1].text[0]))) return "";
  if (EndsLikeSentence(line) && !IsDateFiller(t.back())) return "";
  std::optional<FoundDate> date = FirstDate(t, 1);
  return date ? date->day : "";
}

// Where the first dash of a dateline is ("WASHINGTON (AP) — ..."), or npos.
size_t FirstDash(std::string_view line) {
  size_t best = std::string_view::npos;
  for (std::string_view dash : {"—", "–", " -- ", " - "}) {
    size_t at = line.find(dash);
    if (at < best) best = at;
  }
  return best;
}

size_t DashLength(std::string_view at) {
  for (std::string_view dash : {"—", "–", " -- ", " - "}) {
    if (at.substr(0, dash.size()) == dash) return dash.size();
  }
  return 0;
}

// True when `head`, the part of a line before its first dash, is a
// dateline's: it opens with a place in capitals ("WASHINGTON", "ST.
// LOUIS") and every word is capitalised, a number or in parentheses
// ("NEW YORK, N.Y., Sept. 12, 2016 (AP)").
bool IsDatelineHead(std::string_view head) {
  std::vector<DateToken> t = TokenizeDateLine(head);
  if (t.empty()) return false;
  int letters = 0;
  for (char c : t[0].text) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
  }
  if (letters < 2) return false;
  for (const DateToken& w : t) {
    unsigned char c = static_cast<unsigned char>(w.text[0]);
    if (!std::isupper(c) && !std::isdigit(c) && c != '(') return false;
  }
  return true;
}

// The date of a dateline: in its head ("WASHINGTON, Sept. 12, 2016 (AP)
// —") or standing alone right after the first dash ("WASHINGTON (AP) —
// Sept. 12, 2016 — ..."). `opening` tells whether the line opens the story
// with a dateline at all, dated or not.
std::string DatelineOf(std::string_view line, bool* opening) {
  size_t dash = FirstDash(line);
  *opening = dash != std::string_view::npos && dash > 0 && IsDatelineHead(line.substr(0, dash));
  if (!*opening) return "";
  std::optional<FoundDate> date = FirstDate(TokenizeDateLine(line.substr(0, dash)));
  if (date) return date->day;
  std::string_view rest = line.substr(dash + DashLength(line.substr(dash)));
  size_t next = FirstDash(rest);
  std::vector<DateToken> t = TokenizeDateLine(rest.substr(0, next));
  date = t.empty() ? std::nullopt : DateAt(t, 0);
  return date && date->count == t.size() ? date->day : "";
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

const char* DateSourceName(DateSource source) {
  switch (source) {
    case DateSource::kPublishedAt:
      return "published_at";
    case DateSource::kDateline:
      return "dateline";
    case DateSource::kFileName:
      return "file_name";
    case DateSource::kUnknown:
      break;
  }
  return "";
}

namespace {

// "09:30", "09:30:00", "09:30:00.250" then "", "Z", "+02:00", "+0200" or
// "-05": the time part of an ISO 8601 date and time.
bool IsIsoTime(std::string_view s) {
  auto two = [&](size_t at, int max) {
    return s.size() >= at + 2 && AllDigits(s.substr(at, 2), 2) && DigitsValue(s.substr(at, 2)) <= max;
  };
  if (!two(0, 23) || s.size() < 5 || s[2] != ':' || !two(3, 59)) return false;
  size_t i = 5;
  if (i < s.size() && s[i] == ':') {
    if (!two(i + 1, 60)) return false;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      size_t digits = i + 1;
      while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
      if (digits == i + 1) return false;
      i = digits;
    }
  }
  std::string_view zone = s.substr(i);
  if (zone.empty() || zone == "Z" || zone == "z") return true;
  if (zone[0] != '+' && zone[0] != '-') return false;
  zone.remove_prefix(1);
  std::string_view hours = zone.substr(0, 2), minutes;
  if (zone.size() == 4) minutes = zone.substr(2);
  if (zone.size() == 5 && zone[2] == ':') minutes = zone.substr(3);
  if (zone.size() != 2 && minutes.empty()) return false;
  return AllDigits(hours, 2) && DigitsValue(hours) <= 23 &&
         (minutes.empty() || (AllDigits(minutes, 2) && DigitsValue(minutes) <= 59));
}

}  // namespace

std::string PublishedDate(std::string_view published_at) {
  std::string_view v = Trim(published_at);
  std::string iso = IsoDayAt(v);
  if (!iso.empty()) {
    if (v.size() == 10) return iso;
    bool separator = v[10] == 'T' || v[10] == 't' || v[10] == ' ';
    return separator && IsIsoTime(v.substr(11)) ? iso : "";
  }
  // Feeds write RFC 822 dates ("Mon, 12 Sep 2016 10:00:00 +0000") and
  // people write "September 12, 2016": a date line of one line.
  return DateLineDate(TokenizeDateLine(v));
}

std::string DatelineDate(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
  int lines = 0;
  size_t at = 0;
  while (at < text.size() && at < kTopBytes) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(at, nl - at));
    at = nl + 1;
    if (line.empty()) continue;
    if (++lines > kTopLines) break;
    std::vector<DateToken> t = TokenizeDateLine(line);
    std::string day = DateLineDate(t);
    if (day.empty()) day = BylineDate(line, t);
    bool opening = false;
    if (day.empty()) day = DatelineOf(line, &opening);
    if (!day.empty()) return day;
    // The story has begun: a dateline opens it, or prose does: a long
    // paragraph, or a sentence after the first line (which, even with a
    // full stop, is the headline).
    if (opening || line.size() > kHeadingBytes) break;
    if (lines > 1 && EndsLikeSentence(line) && t.size() >= kSentenceWords) break;
  }
  return "";
}

std::string FileNameDate(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto digit = [&](size_t i) {
    return i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]));
  };
  for (size_t i = 0; i + 10 <= name.size(); ++i) {
    if ((i > 0 && digit(i - 1)) || digit(i + 10)) continue;
    std::string day = IsoDayAt(name.substr(i, 10));
    if (!day.empty()) return day;
  }
  return "";
}

ArticleDate FindArticleDate(std::string_view published_at, std::string_view text,
                            std::string_view file_name) {
  std::string day = PublishedDate(published_at);
  if (!day.empty()) return {day, DateSource::kPublishedAt};
  day = DatelineDate(text);
  if (!day.empty()) return {day, DateSource::kDateline};
  day = file_name.empty() ? "" : FileNameDate(file_name);
  if (!day.empty()) return {day, DateSource::kFileName};
  return {};
}

bool IsDateBound(std::string_view value, std::string* why) {
  static const std::string kShape = "dddd-dd-dd";
  bool shape = value.size() == 4 || value.size() == 7 || value.size() == 10;
  for (size_t i = 0; shape && i < value.size(); ++i) {
    shape = kShape[i] == 'd' ? std::isdigit(static_cast<unsigned char>(value[i])) != 0
                             : value[i] == '-';
  }
  if (!shape) {
    *why = "it is not a date; write YYYY, YYYY-MM or YYYY-MM-DD";
    return false;
  }
  int year = DigitsValue(value.substr(0, 4));
  int month = value.size() >= 7 ? DigitsValue(value.substr(5, 2)) : 1;
  if (month < 1 || month > 12) {
    *why = fmt::format("there is no month {:02}", month);
    return false;
  }
  if (value.size() == 10 && !IsRealDay(year, month, DigitsValue(value.substr(8, 2)))) {
    int days = 28;
    while (days < 31 && IsRealDay(year, month, days + 1)) ++days;
    *why = fmt::format("{:04}-{:02} has {} days", year, month, days);
    return false;
  }
  return true;
}

}  // namespace quoteledger
