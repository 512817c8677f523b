// Standard input has no file name to say what it holds, so its first
// non-blank line decides. The bytes read to decide are kept, so a
// plain-text article is passed on exactly as it came.
#include "cli/stdin_input.h"

#include <filesystem>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

namespace quoteledger {
namespace {

bool IsBlank(const std::string& line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string::npos;
}

// The rest of stdin as JSON Lines, numbering lines from `lineno` + 1.
bool ReadJsonLines(int lineno, const std::function<bool(Result<Document>)>& fn) {
  std::string line;
  while (std::getline(std::cin, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (IsBlank(line)) continue;
    if (!fn(ParseJsonArticle(line, fmt::format("<stdin>:{}", lineno)))) return false;
  }
  return true;
}

bool ReadStdinAuto(const std::function<bool(Result<Document>)>& fn) {
  std::string head, line;
  int lineno = 0;
  bool found = false;
  while (std::getline(std::cin, line)) {
    ++lineno;
    head += line;
    if (!std::cin.eof()) head += '\n';
    if (!IsBlank(line)) {
      found = true;
      break;
    }
  }
  size_t first = found ? line.find_first_not_of(" \t\r\f\v") : std::string::npos;
  if (first == std::string::npos || line[first] != '{') {
    std::string rest((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return fn(Document::FromBytes("-", head + rest));
  }
  if (line.back() == '\r') line.pop_back();
  std::string where = fmt::format("<stdin>:{}", lineno);
  Result<Document> doc = ParseJsonArticle(line, where);
  if (!doc.ok()) {
    return fn(Status::InvalidArgument(fmt::format(
        "standard input starts with \"{{\" but is not JSON Lines ({}); give --input jsonl to "
        "read it as JSON Lines, one article a line, or --input text to take it as one "
        "plain-text article",
        doc.status().message())));
  }
  if (!fn(std::move(doc))) return false;
  return ReadJsonLines(lineno, fn);
}

}  // namespace

int64_t InputsSize(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  int64_t total = 0;
  std::error_code ec;
  for (const std::string& in : inputs) {
    if (in == "-") return 0;
    if (fs::is_regular_file(in, ec)) total += static_cast<int64_t>(fs::file_size(in, ec));
    if (!fs::is_directory(in, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(in, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string ext = it->path().extension().string();
      bool article = ext == ".txt" || ext == ".jsonl" || ext == ".ndjson";
      if (article && it->is_regular_file(ec)) total += static_cast<int64_t>(it->file_size(ec));
    }
  }
  return total;
}

bool ReadInputs(const std::vector<std::string>& inputs, InputFormat format,
                const std::function<bool(Result<Document>)>& fn) {
  for (const std::string& input : inputs) {
    bool more = input == "-" && format == InputFormat::kAuto
                    ? ReadStdinAuto(fn)
                    : ReadArticles({input}, format, fn);
    if (!more) return false;
  }
  return true;
}

}  // namespace quoteledger
