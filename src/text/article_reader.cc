// Input walking. JSON Lines are read a line at a time, so a corpus of any
// size streams through in bounded memory; a bad line is reported and
// skipped, never the whole file.
#include "text/article_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace quoteledger {
namespace fs = std::filesystem;

namespace {

bool IsJsonlName(const std::string& path) {
  auto ends = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".jsonl") || ends(".ndjson");
}

// How deep a JSON Lines record may nest arrays and objects. An article
// record is flat (strings, perhaps a list of authors); the limit exists
// because a value nested 100,000 deep would overflow the stack when it is
// turned back into text (nlohmann's dump() recurses), killing the whole run
// for one line.
constexpr int kMaxJsonDepth = 64;

// The byte offset in `line` where arrays and objects first nest deeper than
// kMaxJsonDepth, or npos. One pass that skips strings (and the escapes in
// them), so brackets inside text do not count; whether the line is valid
// JSON is the parser's business, afterwards.
size_t TooDeepAt(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

std::string OptionalString(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

bool ReadJsonl(std::istream& in, const std::string& name,
               const std::function<bool(Result<Document>)>& fn) {
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (!fn(ParseJsonArticle(line, fmt::format("{}:{}", name, lineno)))) return false;
  }
  return true;
}

bool ReadOne(const std::string& path, InputFormat format,
             const std::function<bool(Result<Document>)>& fn) {
  bool jsonl = format == InputFormat::kJsonl ||
               (format == InputFormat::kAuto && IsJsonlName(path));
  if (path == "-") {
    if (jsonl) return ReadJsonl(std::cin, "<stdin>", fn);
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return fn(Document::FromBytes("-", std::move(bytes)));
  }
  if (!jsonl) return fn(Document::FromFile(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return fn(Status::IOError(fmt::format("{}: cannot open the file", path)));
  return ReadJsonl(in, path, fn);
}

}  // namespace

bool ParseInputFormat(std::string_view name, InputFormat* format) {
  static const std::pair<std::string_view, InputFormat> kNames[] = {
      {"auto", InputFormat::kAuto}, {"text", InputFormat::kText}, {"jsonl", InputFormat::kJsonl}};
  for (const auto& [n, f] : kNames) {
    if (n == name) {
      *format = f;
      return true;
    }
  }
  return false;
}

Result<Document> ParseJsonArticle(std::string_view line, const std::string& where) {
  if (size_t at = TooDeepAt(line); at != std::string_view::npos) {
    return Status::InvalidArgument(fmt::format(
        "{}: byte {} of the line: arrays or objects nested more than {} deep; an article is "
        "one JSON object whose metadata fields are strings: flatten this record",
        where, at, kMaxJsonDepth));
  }
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts from 1 and points just past where parsing stopped; a
    // cut-off line stops at its end.
    size_t at = e.byte > 0 ? e.byte - 1 : 0;
    return Status::InvalidArgument(fmt::format(
        "{}: not valid JSON (byte {} of the line{}); each line must be one JSON object with a "
        "\"text\" field: fix or remove the line",
        where, at, at >= line.size() ? ", its end: the line is cut short" : ""));
  } catch (const nlohmann::json::exception& e) {
    // Not only parse_error: a number too large for a double ("1e999")
    // throws out_of_range even from parse(), and must not end the run.
    return Status::InvalidArgument(fmt::format(
        "{}: not usable JSON ({}); each line must be one JSON object with a \"text\" field: "
        "fix or remove the line",
        where, e.what()));
  }
  if (!obj.is_object() || !obj.contains("text") || !obj["text"].is_string()) {
    return Status::InvalidArgument(
        fmt::format("{}: the object has no \"text\" string; add the article's text", where));
  }
  DocumentMeta meta;
  meta.id = OptionalString(obj, "id");
  meta.url = OptionalString(obj, "url");
  meta.title = OptionalString(obj, "title");
  meta.publisher = OptionalString(obj, "publisher");
  meta.published_at = OptionalString(obj, "published_at");
  meta.author = OptionalString(obj, "author");
  std::string name = !meta.id.empty() ? meta.id : !meta.url.empty() ? meta.url : where;
  Result<Document> doc = Document::FromBytes(name, obj["text"].get<std::string>(), meta);
  if (!doc.ok()) {
    return Status::InvalidArgument(fmt::format("{}: {}", where, doc.status().message()));
  }
  return doc;
}

bool ReadArticles(const std::vector<std::string>& inputs, InputFormat format,
                  const std::function<bool(Result<Document>)>& fn) {
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(input, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::string p = it->path().string();
        std::string ext = it->path().extension().string();
        if (ext == ".txt" || ext == ".jsonl" || ext == ".ndjson") files.push_back(p);
      }
      if (ec) {
        if (!fn(Status::IOError(fmt::format("{}: cannot read the folder: {}", input,
                                            ec.message())))) {
          return false;
        }
      }
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) {
        if (!ReadOne(f, format, fn)) return false;
      }
      continue;
    }
    if (!ReadOne(input, format, fn)) return false;
  }
  return true;
}

}  // namespace quoteledger
