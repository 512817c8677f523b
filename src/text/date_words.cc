// Reading written dates: the words of one line of a heading, and the dates
// and date-line words among them. Month names and the words that may stand
// beside a date are data (data/lexicons/months.txt, date_labels.txt), read
// once from the files compiled into the binary.
#include "text/date_words.h"

#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

// The lexicons are compiled into the binary with the rest of data/; the
// table's header lives with the lexicon loader that reads most of them.
#include "mentions/builtin_data.h"
#include "text/article_date.h"

namespace quoteledger {
namespace {

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
  return DigitsValue(std::string_view(core).substr(0, digits));
}

int MonthNumber(const std::string& core) {
  auto it = Words().months.find(core);
  return it == Words().months.end() ? 0 : it->second;
}

int YearNumber(const std::string& core) {
  if (!AllDigits(core, 4)) return 0;
  int year = DigitsValue(core);
  return PlausibleYear(year) ? year : 0;
}





// "10:31", "10:31:05", "10:31am", "+0000", "-05:00": parts of a time.
bool IsTimeWord(const std::string& core) {
  std::string_view s = core;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    return s.size() >= 3 && std::isdigit(static_cast<unsigned char>(s[1]));
  }
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

}  // namespace

bool AllDigits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int DigitsValue(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

std::vector<DateToken> TokenizeDateLine(std::string_view line) {
  std::vector<DateToken> out;
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find_first_of(" \t", i);
    if (j == std::string_view::npos) j = line.size();
    std::string_view word = line.substr(i, j - i);
    i = j + 1;
    if (word.empty()) continue;
    std::string_view core = word;
    while (!core.empty() &&
           std::string_view("(\"'|[").find(core.front()) != std::string_view::npos) {
      core.remove_prefix(1);
    }
    while (!core.empty() &&
           std::string_view(",.;:)\"'|]").find(core.back()) != std::string_view::npos) {
      core.remove_suffix(1);
    }
    out.push_back({word, Lower(core)});
  }
  return out;
}

std::string IsoDayAt(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return "";
  if (!AllDigits(s.substr(0, 4), 4) || !AllDigits(s.substr(5, 2), 2) ||
      !AllDigits(s.substr(8, 2), 2)) {
    return "";
  }
  int y = DigitsValue(s.substr(0, 4)), m = DigitsValue(s.substr(5, 2)), d = DigitsValue(s.substr(8, 2));
  if (!PlausibleYear(y) || !IsRealDay(y, m, d)) return "";
  return DayString(y, m, d);
}

std::optional<FoundDate> DateAt(const std::vector<DateToken>& t, size_t i) {
  const std::string& a = t[i].core;
  std::string iso = IsoDayAt(a);
  if (!iso.empty() && (a.size() == 10 || (a[10] == 't' && a.size() > 11 &&
                                          std::isdigit(static_cast<unsigned char>(a[11]))))) {
    return FoundDate{i, 1, iso};
  }
  if (i + 2 >= t.size()) return std::nullopt;
  int month = MonthNumber(a), day = DayNumber(t[i + 1].core);
  if (month == 0) month = MonthNumber(t[i + 1].core), day = DayNumber(a);
  int year = YearNumber(t[i + 2].core);
  if (month == 0 || day == 0 || year == 0 || !IsRealDay(year, month, day)) return std::nullopt;
  return FoundDate{i, 3, DayString(year, month, day)};
}

std::optional<FoundDate> FirstDate(const std::vector<DateToken>& t, size_t from) {
  for (size_t i = from; i < t.size(); ++i) {
    if (auto d = DateAt(t, i)) return d;
  }
  return std::nullopt;
}

bool IsDateFiller(const DateToken& t) {
  if (t.core.empty()) return true;
  bool letters = false;
  for (char c : t.core) letters = letters || std::isalnum(static_cast<unsigned char>(c));
  return !letters || Words().labels.count(t.core) > 0 || IsTimeWord(t.core);
}

std::string DateLineDate(const std::vector<DateToken>& t) {
  std::optional<FoundDate> date = FirstDate(t);
  if (!date) return "";
  for (size_t i = 0; i < t.size(); ++i) {
    bool in_date = i >= date->first && i < date->first + date->count;
    if (!in_date && !IsDateFiller(t[i])) return "";
  }
  return date->day;
}

bool IsRealDay(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace quoteledger
