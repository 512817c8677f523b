// Predicted claims, read as score.py's load_pred() reads them. Python's
// duck typing decides what score.py accepts; the comments below say which
// Python rule each branch copies. Where score.py would stop with an
// exception, this returns InvalidArgument instead.
#include "eval/predictions.h"

#include <cmath>
#include <iostream>
#include <iterator>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "quoteledger/document.h"
#include "text/utf8.h"

namespace quoteledger {
namespace {

using nlohmann::json;
using RawRange = std::pair<json, json>;  // (start, end) as written

// score.py tests `offset in bmap`, a dict keyed by int. Booleans are ints
// in Python, an integral float hashes like its int, strings and null are
// never keys; lists and objects cannot be hashed (an exception).
enum class KeyKind { kOffset, kNotAKey, kUnhashable };

std::pair<KeyKind, int64_t> OffsetKey(const json& v) {
  if (v.is_boolean()) return {KeyKind::kOffset, v.get<bool>() ? 1 : 0};
  if (v.is_number_unsigned()) {
    uint64_t u = v.get<uint64_t>();
    if (u > static_cast<uint64_t>(INT64_MAX)) return {KeyKind::kNotAKey, 0};
    return {KeyKind::kOffset, static_cast<int64_t>(u)};
  }
  if (v.is_number_integer()) return {KeyKind::kOffset, v.get<int64_t>()};
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) {
      return {KeyKind::kOffset, static_cast<int64_t>(d)};
    }
    return {KeyKind::kNotAKey, 0};
  }
  if (v.is_string() || v.is_null()) return {KeyKind::kNotAKey, 0};
  return {KeyKind::kUnhashable, 0};
}

bool IsPythonInt(const json& v) { return v.is_number_integer() || v.is_boolean(); }

Status BadShape(const std::string& where, const char* role, const char* what) {
  return Status::InvalidArgument(fmt::format(
      "{}: \"{}\" {}; write spans as [[start, end], ...] in UTF-8 bytes", where, role, what));
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// One element of a span list, as `tuple(r)` or `(r['start'], r['end'])`.
Result<RawRange> RangeOf(const json& r, const std::string& where, const char* role) {
  if (r.is_object()) {
    if (!r.contains("start") || !r.contains("end")) {
      return BadShape(where, role, "has a span object without \"start\" and \"end\"");
    }
    return RawRange(r["start"], r["end"]);
  }
  if (r.is_array() && r.size() == 2) return RawRange(r[0], r[1]);
  // A two-character string unpacks into two one-character strings.
  if (r.is_string() && CodePoints(r.get<std::string>()) == 2) {
    return RawRange(json("?"), json("?"));
  }
  return BadShape(where, role, "has a span that is not a [start, end] pair");
}

// score.py's as_ranges().
Result<std::vector<RawRange>> RangesOf(const json& v, const std::string& where,
                                       const char* role) {
  if (v.is_null()) return std::vector<RawRange>();
  if (v.is_object()) {
    Result<RawRange> r = RangeOf(v, where, role);
    if (!r.ok()) return r.status();
    return std::vector<RawRange>{r.value()};
  }
  if (!v.is_array()) return BadShape(where, role, "is neither a list nor a span object");
  if (v.size() == 2 && IsPythonInt(v[0]) && IsPythonInt(v[1])) {
    return std::vector<RawRange>{RawRange(v[0], v[1])};
  }
  std::vector<RawRange> out;
  for (const json& r : v) {
    Result<RawRange> one = RangeOf(r, where, role);
    if (!one.ok()) return one.status();
    out.push_back(one.value());
  }
  return out;
}

// Character offset of a range end, nullopt when score.py counts it bad.
Result<std::optional<int64_t>> CharOf(const json& v, const EvalText& text,
                                      const std::string& where, const char* role) {
  auto [kind, value] = OffsetKey(v);
  if (kind == KeyKind::kUnhashable) {
    return BadShape(where, role, "has an offset that is a list or an object");
  }
  if (kind == KeyKind::kNotAKey) return std::optional<int64_t>();
  return text.ByteToChar(value);
}

// The characters a role's spans cover; bad spans are counted and skipped,
// in score.py's order (start checked first, then end, then start > end).
Result<CharSet> RoleChars(const json& claim, const char* role, const EvalText& text,
                          const std::string& where, int* bad) {
  Result<std::vector<RawRange>> ranges =
      RangesOf(claim.contains(role) ? claim[role] : json(), where, role);
  if (!ranges.ok()) return ranges.status();
  CharSet set;
  for (const auto& [s, e] : ranges.value()) {
    Result<std::optional<int64_t>> cs = CharOf(s, text, where, role);
    if (!cs.ok()) return cs.status();
    if (!cs.value()) {
      ++*bad;
      continue;
    }
    Result<std::optional<int64_t>> ce = CharOf(e, text, where, role);
    if (!ce.ok()) return ce.status();
    if (!ce.value() || OffsetKey(s).second > OffsetKey(e).second) {
      ++*bad;
      continue;
    }
    set.AddRange(*cs.value(), *ce.value());
  }
  return set;
}

std::string StringField(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// One claim object; nullopt when its content is empty (score.py drops it).
Result<std::optional<EvalClaim>> ClaimOf(const json& c, const EvalText& text,
                                         const std::string& where, int* bad) {
  if (!c.is_object()) {
    return Status::InvalidArgument(fmt::format("{}: a claim is not a JSON object", where));
  }
  EvalClaim claim;
  CharSet* targets[] = {&claim.content, &claim.source, &claim.cue};
  const char* roles[] = {"content", "source", "cue"};
  for (int k = 0; k < 3; ++k) {
    Result<CharSet> set = RoleChars(c, roles[k], text, where, bad);
    if (!set.ok()) return set.status();
    *targets[k] = std::move(set).value();
  }
  if (claim.content.empty()) return std::optional<EvalClaim>();
  claim.direct = HasQuoteMark(text, claim.content);
  claim.kind = StringField(c, "kind");
  claim.speaker = StringField(c, "speaker");
  // speakers.py lower-cases it; ASCII is enough to recognize its kinds.
  claim.speaker_kind = StringField(c, "speaker_kind");
  for (char& ch : claim.speaker_kind) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  claim.rule = StringField(c, "rule");
  return std::optional<EvalClaim>(std::move(claim));
}

// Python's str() of a JSON value, for the few shapes a "doc" can have.
std::string PythonStr(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "None";
  if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
  return v.dump();
}

bool IsBlank(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    size_t len = 1;
    if (!IsPythonSpace(DecodeAt(line, i, &len))) return false;
    i += len;
  }
  return true;
}

}  // namespace

std::string ArticleNameOfDoc(const json& record) {
  auto doc = record.find("doc");
  std::string s = doc != record.end() ? PythonStr(*doc)
                                      : PythonStr(record.value("path", json("")));
  size_t slash = s.rfind('/');
  if (slash != std::string::npos) s.erase(0, slash + 1);
  if (s.ends_with(".txt")) s.resize(s.size() - 4);
  return s;
}

Status AddPredictionRecord(const json& record, const GoldCorpus& gold,
                           const std::string& where, Predictions* out) {
  if (!record.is_object()) {
    return Status::InvalidArgument(fmt::format(
        "{}: not a JSON object; each line holds one article: {{\"doc\": ..., \"claims\": "
        "[...]}}", where));
  }
  std::string name = ArticleNameOfDoc(record);
  const EvalArticle* article = gold.Find(name);
  if (article == nullptr) return Status::Ok();
  const json claims = record.value("claims", json::array());
  // Python iterates an empty dict or string as zero claims.
  bool empty_container = (claims.is_object() && claims.empty()) || claims == json("");
  if (!claims.is_array() && !empty_container) {
    return Status::InvalidArgument(fmt::format("{}: \"claims\" is not a list", where));
  }
  for (size_t i = 0; claims.is_array() && i < claims.size(); ++i) {
    std::string origin = fmt::format("{} claim {}", where, i + 1);
    Result<std::optional<EvalClaim>> c =
        ClaimOf(claims[i], article->text, origin, &out->bad_offsets);
    if (!c.ok()) return c.status();
    if (!c.value()) continue;
    c.value()->origin = std::move(origin);
    out->by_article[name].push_back(std::move(*c.value()));
  }
  return Status::Ok();
}

Result<Predictions> ParsePredictions(std::string_view jsonl, const std::string& name,
                                     const GoldCorpus& gold) {
  Result<std::string> text = PythonTextBytes(jsonl, name);
  if (!text.ok()) return text.status();
  Predictions preds;
  std::string_view rest = text.value();
  for (int lineno = 1; !rest.empty(); ++lineno) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (IsBlank(line)) continue;
    std::string where = fmt::format("{}:{}", name, lineno);
    json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded()) {
      return Status::InvalidArgument(fmt::format(
          "{}: not valid JSON; each line must be one article's JSON object", where));
    }
    Status s = AddPredictionRecord(record, gold, where, &preds);
    if (!s.ok()) return s;
  }
  return preds;
}

Result<Predictions> LoadPredictions(const std::string& path, const GoldCorpus& gold) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    Result<std::string> read = ReadFileBytes(path);
    if (!read.ok()) return read.status();
    bytes = std::move(read).value();
  }
  return ParsePredictions(bytes, path == "-" ? "<stdin>" : path, gold);
}

}  // namespace quoteledger
