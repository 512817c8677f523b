// Reading shards back. Records are checked field by field rather than
// trusted: a shard is a file that sat on a cluster's shared disk, and one
// cut short or edited must be refused with its line, never half-stored.
#include "ledger/shard_index.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace quoteledger {
namespace {

using nlohmann::json;

// The format nests five deep (record, claims, claim, content, span); a
// deeper line is corrupt, and is refused before the parser recurses into it.
constexpr int kMaxDepth = 6;

bool NestsTooDeep(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

Status Bad(std::string_view what) { return Status::Corruption(std::string(what)); }

Status GetString(const json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return Bad(fmt::format("\"{}\" is not a string", key));
  *out = it->get<std::string>();
  return Status::Ok();
}

bool IsOffset(const json& v) {
  return v.is_number_unsigned() && v.get<uint64_t>() <= UINT32_MAX;
}

Result<Span> SpanOf(const json& v, const char* key) {
  if (!v.is_array() || v.size() != 2 || !IsOffset(v[0]) || !IsOffset(v[1]) ||
      v[0].get<uint32_t>() > v[1].get<uint32_t>()) {
    return Bad(fmt::format("\"{}\" holds a span that is not [begin, end]", key));
  }
  return Span{v[0].get<uint32_t>(), v[1].get<uint32_t>()};
}

// A span list: `at_most_one` for source and cue, which extract writes as
// [] or [[begin, end]].
Status GetSpans(const json& j, const char* key, bool at_most_one, std::vector<Span>* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array() || (at_most_one && it->size() > 1)) {
    return Bad(fmt::format("\"{}\" is not a span list", key));
  }
  for (const json& v : *it) {
    Result<Span> s = SpanOf(v, key);
    if (!s.ok()) return s.status();
    out->push_back(s.value());
  }
  return Status::Ok();
}

template <typename Enum, size_t N>
Status GetName(const json& j, const char* key, const std::pair<const char*, Enum> (&names)[N],
               Enum* out) {
  std::string name;
  Status s = GetString(j, key, &name);
  if (!s.ok()) return s;
  for (const auto& [text, value] : names) {
    if (name == text) {
      *out = value;
      return Status::Ok();
    }
  }
  return Bad(fmt::format("\"{}\" is \"{}\", which this quoteledger does not know", key, name));
}

constexpr std::pair<const char*, EntityKind> kEntityKinds[] = {
    {"person", EntityKind::kPerson},       {"organization", EntityKind::kOrganization},
    {"group", EntityKind::kGroup},         {"anonymous", EntityKind::kAnonymous},
    {"unknown", EntityKind::kUnknown},     {"unresolved", EntityKind::kUnresolved}};
constexpr std::pair<const char*, ClaimKind> kClaimKinds[] = {
    {"direct", ClaimKind::kDirect},     {"mixed", ClaimKind::kMixed},
    {"partial", ClaimKind::kPartial},   {"indirect", ClaimKind::kIndirect},
    {"according_to", ClaimKind::kAccordingTo}, {"stance", ClaimKind::kStance}};

Status ParseClaim(const json& j, Claim* c) {
  if (!j.is_object()) return Bad("a claim is not an object");
  std::vector<Span> source, cue;
  Status s = GetName(j, "kind", kClaimKinds, &c->kind);
  if (s.ok()) s = GetSpans(j, "content", false, &c->content);
  if (s.ok()) s = GetSpans(j, "source", true, &source);
  if (s.ok()) s = GetSpans(j, "cue", true, &cue);
  if (s.ok()) s = GetString(j, "speaker", &c->speaker);
  if (s.ok()) s = GetName(j, "speaker_kind", kEntityKinds, &c->speaker_kind);
  if (s.ok()) s = GetString(j, "role", &c->role);
  if (s.ok()) s = GetString(j, "affiliation", &c->affiliation);
  if (s.ok()) s = GetString(j, "rule", &c->rule_id);
  if (!s.ok()) return s;
  auto stage = j.find("stage");
  auto confidence = j.find("confidence");
  if (stage == j.end() || !stage->is_number_integer()) return Bad("\"stage\" is not an integer");
  if (confidence == j.end() || !confidence->is_number() || confidence->get<double>() < 0 ||
      confidence->get<double>() > 1) {
    return Bad("\"confidence\" is not a number from 0 to 1");
  }
  c->stage = stage->get<int>();
  c->confidence = confidence->get<double>();
  if (!source.empty()) c->source = source.front();
  if (!cue.empty()) c->cue = cue.front();
  return Status::Ok();
}

Status ParseRole(const json& j, RoleFact* r) {
  if (!j.is_object()) return Bad("a role is not an object");
  Status s = GetString(j, "person", &r->person);
  if (s.ok()) s = GetString(j, "role", &r->title);
  if (s.ok()) s = GetString(j, "affiliation", &r->affiliation);
  if (!s.ok()) return s;
  auto evidence = j.find("evidence");
  if (evidence == j.end()) return Bad("a role has no \"evidence\"");
  Result<Span> span = SpanOf(*evidence, "evidence");
  if (!span.ok()) return span.status();
  r->evidence = span.value();
  return Status::Ok();
}

Status ParseEntity(const json& j, EntityFact* e) {
  if (!j.is_object()) return Bad("an entity is not an object");
  Status s = GetString(j, "name", &e->name);
  if (s.ok()) s = GetName(j, "kind", kEntityKinds, &e->kind);
  if (s.ok()) s = GetString(j, "gender", &e->gender);
  if (!s.ok()) return s;
  auto aliases = j.find("aliases");
  if (aliases == j.end() || !aliases->is_array()) return Bad("\"aliases\" is not a list");
  for (const json& a : *aliases) {
    if (!a.is_string()) return Bad("an alias is not a string");
    e->aliases.push_back(a.get<std::string>());
  }
  return Status::Ok();
}

// Parses the array at `key` with `parse` into `out`.
template <typename T, typename F>
Status ParseList(const json& j, const char* key, F parse, std::vector<T>* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return Bad(fmt::format("\"{}\" is not a list", key));
  out->resize(it->size());
  for (size_t i = 0; i < it->size(); ++i) {
    Status s = parse((*it)[i], &(*out)[i]);
    if (!s.ok()) return Bad(fmt::format("{} {}: {}", key, i, s.message()));
  }
  return Status::Ok();
}

bool IsSha256(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

Result<ShardRecord> ParseShardLine(std::string_view line) {
  if (NestsTooDeep(line)) return Bad("nested deeper than extract's records");
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Bad("not valid JSON");
  if (!j.is_object()) return Bad("not a JSON object");
  ShardRecord r;
  Status s = GetString(j, "doc", &r.doc);
  if (s.ok()) s = GetString(j, "sha256", &r.sha256);
  if (s.ok() && !IsSha256(r.sha256)) s = Bad("\"sha256\" is not 64 lower-case hex digits");
  if (s.ok()) s = ParseList(j, "claims", ParseClaim, &r.attribution.claims);
  if (s.ok()) s = ParseList(j, "roles", ParseRole, &r.attribution.roles);
  if (s.ok()) s = ParseList(j, "entities", ParseEntity, &r.attribution.entities);
  if (!s.ok()) return s;
  return r;
}

Result<ShardIndex> ShardIndex::Build(std::vector<std::string> shards) {
  std::sort(shards.begin(), shards.end());
  shards.erase(std::unique(shards.begin(), shards.end()), shards.end());
  ShardIndex index;
  for (std::string& path : shards) index.files_.push_back({std::move(path), nullptr});
  for (uint32_t i = 0; i < index.files_.size(); ++i) {
    Status s = index.IndexFile(i);
    if (!s.ok()) return s;
  }
  return index;
}

Status ShardIndex::IndexFile(uint32_t shard) {
  const std::string& path = files_[shard].path;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound(fmt::format(
        "{}: no such shard file; nothing was written. Run the extract that makes it again "
        "(with contrib/slurm, rerun its array index), or leave it out", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("{}: cannot read it; nothing was written", path));
  std::string line;
  uint64_t offset = 0;
  uint32_t number = 0;
  const std::string redo =
      "nothing was written. The shard is truncated or corrupt: run the extract that makes it "
      "again (with contrib/slurm, rerun its array index)";
  while (std::getline(in, line)) {
    ++number;
    if (in.eof()) {
      return Status::Corruption(fmt::format(
          "{}:{}: the last line has no newline, so the shard was cut short; {}", path, number,
          redo));
    }
    Result<ShardRecord> r = ParseShardLine(line);
    if (!r.ok()) {
      return Status::Corruption(fmt::format("{}:{}: not an extract record ({}); {}", path,
                                            number, r.status().message(), redo));
    }
    where_.emplace(r.value().sha256, Location{shard, number, offset, false});
    offset += line.size() + 1;
  }
  if (in.bad()) return Status::IOError(fmt::format("{}: reading failed; nothing was written", path));
  if (number == 0) {
    return Status::Corruption(fmt::format("{}: the shard is empty; {}", path, redo));
  }
  return Status::Ok();
}

Result<std::string> ShardIndex::ReadLine(const Location& at) {
  File& f = files_[at.shard];
  if (!f.in) f.in = std::make_unique<std::ifstream>(f.path, std::ios::binary);
  f.in->clear();
  f.in->seekg(static_cast<std::streamoff>(at.offset));
  std::string line;
  if (!std::getline(*f.in, line)) {
    return Status::IOError(fmt::format("{}:{}: cannot read the line again (the shard changed "
                                       "during the merge?)", f.path, at.line));
  }
  return line;
}

ShardIndex::Location* ShardIndex::Find(const std::string& sha256) {
  auto it = where_.find(sha256);
  return it == where_.end() ? nullptr : &it->second;
}

std::string ShardIndex::Where(const Location& at) const {
  return fmt::format("{}:{}", files_[at.shard].path, at.line);
}

Result<ShardRecord> ShardIndex::Load(const Location& at, std::string* line) {
  Result<std::string> text = ReadLine(at);
  if (!text.ok()) return text.status();
  Result<ShardRecord> r = ParseShardLine(text.value());
  if (!r.ok()) {
    return Status::Corruption(Where(at) + ": the line changed since it was checked (the shard "
                                          "was rewritten during the merge?); run the merge again");
  }
  if (line != nullptr) *line = std::move(text).value();
  return r;
}

std::vector<std::string> ShardIndex::Unused(size_t max, size_t* count) const {
  std::vector<const Location*> unused;
  for (const auto& [sha256, at] : where_) {
    if (!at.used) unused.push_back(&at);
  }
  *count = unused.size();
  // In file and line order, so the message does not depend on hashing.
  std::sort(unused.begin(), unused.end(), [](const Location* a, const Location* b) {
    return std::tie(a->shard, a->line) < std::tie(b->shard, b->line);
  });
  std::vector<std::string> out;
  for (size_t i = 0; i < unused.size() && i < max; ++i) out.push_back(Where(*unused[i]));
  return out;
}

}  // namespace quoteledger
