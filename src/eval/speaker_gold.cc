// The speaker gold reader. Python's text mode, int() and str.strip() decide
// what speakers.py accepts; each is copied where the files could differ.
#include "eval/speaker_gold.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <optional>
#include <vector>

#include "eval/eval_text.h"
#include "eval/speaker_names.h"
#include "quoteledger/document.h"
#include "text/utf8.h"

namespace quoteledger {
namespace {

namespace fs = std::filesystem;

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t at = 0;;) {
    size_t next = s.find(sep, at);
    out.push_back(s.substr(at, next == std::string_view::npos ? next : next - at));
    if (next == std::string_view::npos) return out;
    at = next + 1;
  }
}

// str.strip(): Python white space (not only ASCII) off both ends.
std::string_view StripPython(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t len = 1;
    if (!IsPythonSpace(DecodeAt(s, b, &len))) break;
    b += len;
  }
  while (e > b) {
    size_t start = PrevStart(s, e), len = 1;
    if (!IsPythonSpace(DecodeAt(s, start, &len))) break;
    e = start;
  }
  return s.substr(b, e - b);
}

// int(s): white space around an optional sign and decimal digits.
std::optional<int64_t> PythonInt(std::string_view s) {
  s = StripPython(s);
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

const std::string& SpeakerGold::CanonicalOf(std::string_view article, const EvalClaim& gold) const {
  static const std::string kUnnamed(kUnnamedCanonical);
  auto file = by_article.find(article);
  if (gold.source.empty() || file == by_article.end()) return kUnnamed;
  auto row = file->second.find(gold.source.min());
  return row == file->second.end() ? kUnnamed : row->second;
}

Result<std::map<int64_t, std::string>> ParseSpeakerTsv(std::string_view bytes,
                                                       const std::string& where) {
  Result<std::string> text = PythonTextBytes(bytes, where);
  if (!text.ok()) return text.status();
  std::vector<std::string_view> lines = SplitOn(text.value(), '\n');
  if (lines.back().empty()) lines.pop_back();  // the file's final newline
  std::map<int64_t, std::string> rows;
  for (size_t i = 1; i < lines.size(); ++i) {  // line 0 is the header
    std::vector<std::string_view> cols = SplitOn(lines[i], '\t');
    if (cols.size() < 5) continue;
    std::optional<int64_t> start = PythonInt(cols[1]);
    if (!start) {
      return Status::Corruption(
          fmt::format("{}:{}: the start column \"{}\" is not a number; each "
                      "row is tid, start, end, "
                      "source, canonical, context",
                      where, i + 1, cols[1]));
    }
    std::string_view canonical = StripPython(cols[4]);
    rows[*start] = canonical.empty() ? std::string(kUnnamedCanonical) : std::string(canonical);
  }
  return rows;
}

Result<SpeakerGold> LoadSpeakerGold(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NotFound(
        fmt::format("{}: no such folder, so no speaker gold for this split "
                    "(PolNeAR dev has one)",
                    dir));
  }
  SpeakerGold gold;
  gold.dir = dir;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string file = it->path().filename().string();
    if (!file.ends_with(".tsv")) continue;
    Result<std::string> bytes = ReadFileBytes(it->path().string());
    if (!bytes.ok()) return bytes.status();
    Result<std::map<int64_t, std::string>> rows =
        ParseSpeakerTsv(bytes.value(), it->path().string());
    if (!rows.ok()) return rows.status();
    gold.by_article[file.substr(0, file.size() - 4)] = std::move(rows).value();
  }
  if (ec) return Status::IOError(fmt::format("{}: cannot list: {}", dir, ec.message()));
  return gold;
}

}  // namespace quoteledger
