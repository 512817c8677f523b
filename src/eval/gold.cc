// The brat reader. It follows score.py line by line rather than the brat
// specification, because the point of `quoteledger eval` is to print the
// figures score.py prints: T kinds are not checked, an E line sees only the
// T lines above it, a later T line with the same id replaces the earlier,
// and the text is read with Python's universal newlines.
#include "eval/gold.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "quoteledger/document.h"

namespace quoteledger {
namespace {

namespace fs = std::filesystem;

using Ranges = std::vector<std::vector<int64_t>>;  // "S E;S E" as numbers

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// Python's int() on one token: optional sign, then ASCII digits.
std::optional<int64_t> ParseInt(std::string_view token) {
  if (!token.empty() && token[0] == '+') token.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (token.empty() || ec != std::errc() || end != token.data() + token.size()) {
    return std::nullopt;
  }
  return v;
}

// "S E;S E": each ';' piece split on white space into numbers (score.py
// checks how many only when an E line uses the span).
Result<Ranges> ParseOffsets(std::string_view offs, const std::string& where) {
  Ranges ranges;
  for (std::string_view piece : Split(offs, ';')) {
    std::vector<int64_t> numbers;
    size_t i = 0;
    while (i < piece.size()) {
      if (static_cast<unsigned char>(piece[i]) < 0x80 && IsPythonSpace(piece[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < piece.size() && !(static_cast<unsigned char>(piece[j]) < 0x80 &&
                                   IsPythonSpace(piece[j]))) {
        ++j;
      }
      std::optional<int64_t> n = ParseInt(piece.substr(i, j - i));
      if (!n) {
        return Status::Corruption(fmt::format(
            "{}: offset \"{}\" is not a number; T lines read TYPE START END[;START END]",
            where, piece.substr(i, j - i)));
      }
      numbers.push_back(*n);
      i = j;
    }
    ranges.push_back(std::move(numbers));
  }
  return ranges;
}

Result<CharSet> RoleChars(const Ranges& ranges, const std::string& where) {
  CharSet set;
  for (const std::vector<int64_t>& r : ranges) {
    if (r.size() != 2) {
      return Status::Corruption(fmt::format(
          "{}: a span range has {} numbers instead of START END", where, r.size()));
    }
    set.AddRange(r[0], r[1]);
  }
  return set;
}

bool InText(const CharSet& set, const EvalText& text) {
  return set.empty() || (set.min() >= 0 && set.max_end() <= text.size());
}

// The claim an E line describes, or nullopt when it has no content.
Result<std::optional<EvalClaim>> ClaimOfEvent(
    std::string_view roles_field, const std::map<std::string, Ranges, std::less<>>& spans,
    const std::string& where) {
  std::map<std::string, std::string, std::less<>> roles;  // later roles win
  for (std::string_view x : Split(roles_field, ' ')) {
    size_t colon = x.find(':');
    if (colon != std::string_view::npos) {
      roles[std::string(x.substr(0, colon))] = std::string(x.substr(colon + 1));
    }
  }
  EvalClaim claim;
  CharSet* targets[] = {&claim.content, &claim.source, &claim.cue};
  const char* names[] = {"Content", "Source", "Cue"};
  for (int k = 0; k < 3; ++k) {
    auto role = roles.find(names[k]);
    if (role == roles.end()) continue;
    auto span = spans.find(role->second);
    if (span == spans.end()) continue;
    Result<CharSet> set = RoleChars(span->second, where);
    if (!set.ok()) return set.status();
    *targets[k] = std::move(set).value();
  }
  if (claim.content.empty()) return std::optional<EvalClaim>();
  return std::optional<EvalClaim>(std::move(claim));
}

Status AddEvent(std::string_view id, std::string_view roles_field,
                const std::map<std::string, Ranges, std::less<>>& spans,
                const EvalText& text, const std::string& where,
                std::vector<EvalClaim>* claims) {
  Result<std::optional<EvalClaim>> claim = ClaimOfEvent(roles_field, spans, where);
  if (!claim.ok()) return claim.status();
  if (!claim.value()) return Status::Ok();
  EvalClaim& c = *claim.value();
  // score.py indexes the text with content and source offsets (not cue).
  if (!InText(c.content, text) || !InText(c.source, text)) {
    return Status::Corruption(fmt::format(
        "{}: {} has content or source offsets outside the text ({} characters); "
        "is this the .ann file of this text?",
        where, id, text.size()));
  }
  c.direct = HasQuoteMark(text, c.content);
  c.origin = fmt::format("{} {}", where, id);
  claims->push_back(std::move(c));
  return Status::Ok();
}

}  // namespace

const EvalArticle* GoldCorpus::Find(std::string_view name) const {
  auto it = std::lower_bound(
      articles.begin(), articles.end(), name,
      [](const EvalArticle& a, std::string_view n) { return a.name < n; });
  return it != articles.end() && it->name == name ? &*it : nullptr;
}

std::string ArticleNameOfAnnFile(std::string_view file_name) {
  size_t cut = file_name.rfind('_');
  return std::string(cut == std::string_view::npos ? file_name
                                                   : file_name.substr(0, cut));
}

Result<std::vector<EvalClaim>> ParseAnn(std::string_view ann_bytes,
                                        const EvalText& text,
                                        const std::string& where) {
  Result<std::string> ann = PythonTextBytes(ann_bytes, where);
  if (!ann.ok()) return ann.status();
  std::vector<std::string_view> lines = Split(ann.value(), '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::map<std::string, Ranges, std::less<>> spans;
  std::vector<EvalClaim> claims;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::string_view> parts = Split(lines[i], '\t');
    if (parts.size() < 2) continue;
    std::string here = fmt::format("{}:{}", where, i + 1);
    if (parts[0].starts_with('T')) {
      size_t space = parts[1].find(' ');
      std::string_view offs =
          space == std::string_view::npos ? std::string_view() : parts[1].substr(space + 1);
      Result<Ranges> ranges = ParseOffsets(offs, here);
      if (!ranges.ok()) return ranges.status();
      spans[std::string(parts[0])] = std::move(ranges).value();
    } else if (parts[0].starts_with('E')) {
      Status s = AddEvent(parts[0], parts[1], spans, text, here, &claims);
      if (!s.ok()) return s;
    }
  }
  std::stable_sort(claims.begin(), claims.end(), [](const EvalClaim& a, const EvalClaim& b) {
    return a.content.min() < b.content.min();
  });
  return claims;
}


namespace {

// name -> the first .ann file (in sorted order) that annotates it.
Result<std::map<std::string, std::string>> ChooseAnnFiles(const fs::path& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string file = it->path().filename().string();
    if (file.ends_with(".ann") && !file.starts_with('.') && !it->is_directory(ec)) {
      files.push_back(file);
    }
  }
  if (ec || files.empty()) {
    return Status::NotFound(fmt::format(
        "{}: no .ann files there; --gold wants a split folder holding text/ and "
        "attributions/ (like polnear/dev)",
        dir.string()));
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> chosen;
  for (const std::string& f : files) chosen.emplace(ArticleNameOfAnnFile(f), f);
  return chosen;
}

Result<EvalArticle> LoadArticle(const fs::path& split, const std::string& name,
                                const std::string& ann_file) {
  std::string text_path = (split / "text" / (name + ".txt")).string();
  std::error_code ec;
  if (!fs::exists(text_path, ec)) {
    return Status::NotFound(fmt::format("{}: missing; attributions/{} annotates it",
                                        text_path, ann_file));
  }
  Result<std::string> bytes = ReadFileBytes(text_path);
  if (!bytes.ok()) return bytes.status();
  Result<EvalText> text = EvalText::Decode(bytes.value(), text_path);
  if (!text.ok()) return text.status();
  Result<std::string> ann = ReadFileBytes((split / "attributions" / ann_file).string());
  if (!ann.ok()) return ann.status();
  EvalArticle article{name, ann_file, std::move(text).value(), {}};
  Result<std::vector<EvalClaim>> claims = ParseAnn(ann.value(), article.text, ann_file);
  if (!claims.ok()) return claims.status();
  article.claims = std::move(claims).value();
  return article;
}

}  // namespace

Result<GoldCorpus> LoadGold(const std::string& split_dir) {
  fs::path split(split_dir);
  Result<std::map<std::string, std::string>> chosen = ChooseAnnFiles(split / "attributions");
  if (!chosen.ok()) return chosen.status();
  GoldCorpus gold;
  gold.split_dir = split_dir;
  for (const auto& [name, ann_file] : chosen.value()) {
    Result<EvalArticle> article = LoadArticle(split, name, ann_file);
    if (!article.ok()) return article.status();
    gold.articles.push_back(std::move(article).value());
  }
  return gold;
}

}  // namespace quoteledger
