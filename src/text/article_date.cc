// Finding an article's date. Only the top of the text is read, and only
// lines whose shape says they carry the article's own date: a line that is
// a date and nothing else but labels and a time, a byline, or a dateline
// before the story's first dash. Headlines and sentences that mention a
// date are passed over, and reading stops where the story's prose begins,
// because the dates in a story are what it is about, not when it ran.
#include "text/article_date.h"

#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

// The lexicons are compiled into the binary with the rest of data/; the
// table's header lives with the lexicon loader that reads most of them.
#include "mentions/builtin_data.h"

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

struct DateWords {
  std::unordered_map<std::string, int> months;  // "sept" -> 9
  std::unordered_set<std::string> labels;       // "published", "monday", "et"
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Calls fn(words) for every line of `bytes` that is neither blank nor a
// "#" comment, split at spaces.
template <typename Fn>
void ForEachDataLine(std::string_view bytes, Fn fn) {
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    std::string_view line = bytes.substr(0, nl);
    bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
    std::vector<std::string> words;
    size_t i = 0;
    while (i < line.size()) {
      size_t j = line.find_first_of(" \t\r", i);
      if (j == std::string_view::npos) j = line.size();
      if (j > i) words.emplace_back(line.substr(i, j - i));
      i = j + 1;
    }
    if (!words.empty() && words[0][0] != '#') fn(words);
  }
}

const DateWords& Words() {
  static const DateWords words = [] {
    DateWords w;
    for (const BuiltinFile& f : BuiltinData()) {
      if (f.name == "lexicons/months.txt") {
        ForEachDataLine(f.bytes, [&](const std::vector<std::string>& line) {
          for (size_t i = 1; i < line.size(); ++i) w.months[line[i]] = std::stoi(line[0]);
        });
      } else if (f.name == "lexicons/date_labels.txt") {
        ForEachDataLine(f.bytes, [&](const std::vector<std::string>& line) {
          for (const std::string& word : line) w.labels.insert(word);
        });
      }
    }
    return w;
  }();
  return words;
}

bool IsDigits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// A word as written, and its core: without the punctuation that clings to
// words in a heading ("(Sept.", "2016,", "|").
struct Token {
  std::string_view text;
  std::string core;  // lower case
};

std::vector<Token> Tokenize(std::string_view line) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find_first_of(" \t", i);
    if (j == std::string_view::npos) j = line.size();
    std::string_view word = line.substr(i, j - i);
    i = j + 1;
    if (word.empty()) continue;
    std::string_view core = word;
    while (!core.empty() && std::string_view("(\"'|[").find(core.front()) != std::string_view::npos) {
      core.remove_prefix(1);
    }
    while (!core.empty() && std::string_view(",.;:)\"'|]").find(core.back()) != std::string_view::npos) {
      core.remove_suffix(1);
    }
    out.push_back({word, Lower(core)});
  }
  return out;
}

std::string DayString(int year, int month, int day) {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

// Years an article of ours can carry; a number outside is not a year.
bool PlausibleYear(int year) { return year >= 1900 && year <= 2199; }

// "12", "12th" -> 12; 0 when not a day of the month's shape.
int DayNumber(const std::string& core) {
  size_t digits = 0;
  while (digits < core.size() && std::isdigit(static_cast<unsigned char>(core[digits]))) ++digits;
  if (digits == 0 || digits > 2) return 0;
  std::string_view rest = std::string_view(core).substr(digits);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  return Number(std::string_view(core).substr(0, digits));
}

int MonthNumber(const std::string& core) {
  auto it = Words().months.find(core);
  return it == Words().months.end() ? 0 : it->second;
}

int YearNumber(const std::string& core) {
  if (!IsDigits(core, 4)) return 0;
  int year = Number(core);
  return PlausibleYear(year) ? year : 0;
}

// "2016-09-12" or "2016-09-12T..." at the start of `s`: the day, or "".
std::string IsoDayAtStart(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return "";
  if (!IsDigits(s.substr(0, 4), 4) || !IsDigits(s.substr(5, 2), 2) || !IsDigits(s.substr(8, 2), 2)) {
    return "";
  }
  int y = Number(s.substr(0, 4)), m = Number(s.substr(5, 2)), d = Number(s.substr(8, 2));
  if (!PlausibleYear(y) || !IsRealDay(y, m, d)) return "";
  return DayString(y, m, d);
}

struct FoundDate {
  size_t first = 0, count = 0;  // the tokens it takes
  std::string day;
};

// A date that starts at token i: ISO, "Sept. 12, 2016" or "12 September 2016".
std::optional<FoundDate> DateAt(const std::vector<Token>& t, size_t i) {
  const std::string& a = t[i].core;
  std::string iso = IsoDayAtStart(a);
  if (!iso.empty() && (a.size() == 10 || (a[10] == 't' && a.size() > 11 && std::isdigit(static_cast<unsigned char>(a[11]))))) {
    return FoundDate{i, 1, iso};
  }
  if (i + 2 >= t.size()) return std::nullopt;
  int month = MonthNumber(a), day = DayNumber(t[i + 1].core);
  if (month == 0) month = MonthNumber(t[i + 1].core), day = DayNumber(a);
  int year = YearNumber(t[i + 2].core);
  if (month == 0 || day == 0 || year == 0 || !IsRealDay(year, month, day)) return std::nullopt;
  return FoundDate{i, 3, DayString(year, month, day)};
}

std::optional<FoundDate> FirstDate(const std::vector<Token>& t, size_t from = 0) {
  for (size_t i = from; i < t.size(); ++i) {
    if (auto d = DateAt(t, i)) return d;
  }
  return std::nullopt;
}

// "10:31", "10:31:05", "10:31am", "+0000", "-05:00": parts of a time.
bool IsTimeWord(const std::string& core) {
  std::string_view s = core;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) return s.size() >= 3 && std::isdigit(static_cast<unsigned char>(s[1]));
  for (std::string_view suffix : {"a.m", "p.m", "am", "pm"}) {
    if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix) {
      s.remove_suffix(suffix.size());
      break;
    }
  }
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
  }
  return s.find(':') != std::string_view::npos;
}

// A word that may stand beside a date on a date line: a label, a weekday,
// a time, or punctuation alone ("|", "—").
bool IsFiller(const Token& t) {
  if (t.core.empty()) return true;
  bool letters = false;
  for (char c : t.core) letters = letters || std::isalnum(static_cast<unsigned char>(c));
  return !letters || Words().labels.count(t.core) > 0 || IsTimeWord(t.core);
}

// The date of a line that holds one date and nothing but filler beside it.
std::string DateOnlyLine(const std::vector<Token>& t) {
  std::optional<FoundDate> date = FirstDate(t);
  if (!date) return "";
  for (size_t i = 0; i < t.size(); ++i) {
    bool in_date = i >= date->first && i < date->first + date->count;
    if (!in_date && !IsFiller(t[i])) return "";
  }
  return date->day;
}

bool EndsLikeSentence(std::string_view line) {
  for (std::string_view end : {".", "?", "!", "\"", "'", "”", "’"}) {
    if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return true;
  }
  return false;
}

// "By Jane Roe | Sept. 12, 2016": a short line naming its writer, not a
// sentence ("By the time polls closed on Nov. 8, 2016, ..." is one).
std::string BylineDate(std::string_view line, const std::vector<Token>& t) {
  if (line.size() > kBylineBytes || t.size() < 3 || t[0].core != "by") return "";
  if (!std::isupper(static_cast<unsigned char>(t[1].text[0]))) return "";
  if (EndsLikeSentence(line) && !IsFiller(t.back())) return "";
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
  std::vector<Token> t = Tokenize(head);
  if (t.empty()) return false;
  int letters = 0;
  for (char c : t[0].text) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
  }
  if (letters < 2) return false;
  for (const Token& w : t) {
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
  std::optional<FoundDate> date = FirstDate(Tokenize(line.substr(0, dash)));
  if (date) return date->day;
  std::string_view rest = line.substr(dash + DashLength(line.substr(dash)));
  size_t next = FirstDash(rest);
  std::vector<Token> t = Tokenize(rest.substr(0, next));
  date = t.empty() ? std::nullopt : DateAt(t, 0);
  return date && date->count == t.size() ? date->day : "";
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

const char* DateSourceName(DateSource source) {
  switch (source) {
    case DateSource::kPublishedAt: return "published_at";
    case DateSource::kDateline: return "dateline";
    case DateSource::kFileName: return "file_name";
    case DateSource::kUnknown: break;
  }
  return "";
}

bool IsRealDay(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {

// "09:30", "09:30:00", "09:30:00.250" then "", "Z", "+02:00", "+0200" or
// "-05": the time part of an ISO 8601 date and time.
bool IsIsoTime(std::string_view s) {
  auto two = [&](size_t at, int max) {
    return s.size() >= at + 2 && IsDigits(s.substr(at, 2), 2) && Number(s.substr(at, 2)) <= max;
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
  return IsDigits(hours, 2) && Number(hours) <= 23 &&
         (minutes.empty() || (IsDigits(minutes, 2) && Number(minutes) <= 59));
}

}  // namespace

std::string PublishedDate(std::string_view published_at) {
  std::string_view v = Trim(published_at);
  std::string iso = IsoDayAtStart(v);
  if (!iso.empty()) {
    if (v.size() == 10) return iso;
    bool separator = v[10] == 'T' || v[10] == 't' || v[10] == ' ';
    return separator && IsIsoTime(v.substr(11)) ? iso : "";
  }
  // Feeds write RFC 822 dates ("Mon, 12 Sep 2016 10:00:00 +0000") and
  // people write "September 12, 2016": a date line of one line.
  return DateOnlyLine(Tokenize(v));
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
    std::vector<Token> t = Tokenize(line);
    std::string day = DateOnlyLine(t);
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
    std::string day = IsoDayAtStart(name.substr(i, 10));
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
  int year = Number(value.substr(0, 4));
  int month = value.size() >= 7 ? Number(value.substr(5, 2)) : 1;
  if (month < 1 || month > 12) {
    *why = fmt::format("there is no month {:02}", month);
    return false;
  }
  if (value.size() == 10 && !IsRealDay(year, month, Number(value.substr(8, 2)))) {
    int days = 28;
    while (days < 31 && IsRealDay(year, month, days + 1)) ++days;
    *why = fmt::format("{:04}-{:02} has {} days", year, month, days);
    return false;
  }
  return true;
}

}  // namespace quoteledger
