// Shards: the JSON Lines that `quoteledger extract` writes, one record per
// article, read back so `quoteledger merge` can store what a job array
// extracted without extracting it again. A shard carries each article's
// SHA-256 and its attribution (claims, roles, entities) but not the
// article's bytes or metadata, so merge pairs each record with the article
// it came from by SHA-256.
#ifndef QUOTELEDGER_LEDGER_SHARD_INDEX_H_
#define QUOTELEDGER_LEDGER_SHARD_INDEX_H_

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quoteledger/claim.h"
#include "quoteledger/status.h"

namespace quoteledger {

// One record of a shard, parsed.
struct ShardRecord {
  std::string doc;          // the article's name as extract saw it
  std::string sha256;       // 64 lower-case hex digits
  Attribution attribution;  // spans into the article's bytes
};

// Parses one line of `extract --format jsonl` (docs/schema.md) back into
// the attribution it was written from. Every field the ledger stores is
// required and checked for type; nesting deeper than the format's is
// refused before parsing. Fails with Corruption saying what is wrong (the
// caller adds the file and line).
Result<ShardRecord> ParseShardLine(std::string_view line);

// Where every article's record is, across a set of shards. Build() reads
// each shard whole and checks every line, so a missing, empty, truncated
// or corrupt shard is reported before anything is written. Memory: one
// entry (about 150 bytes) per article; records are read again from the
// files, one at a time, by Load(). Not thread-safe.
class ShardIndex {
 public:
  // Indexes `shards` in the order of their paths (so the order given does
  // not matter). An article in several shards (the same bytes under two
  // names) is taken from the first. Fails with NotFound (no such file),
  // IOError (cannot read it) or Corruption (an empty shard, a line that is
  // not a record, a last line without its newline: a shard cut short),
  // each naming the file and line and saying what to do.
  static Result<ShardIndex> Build(std::vector<std::string> shards);

  // Where a record is; `used` is for the caller to mark the records it
  // took, so records no article matched can be reported.
  struct Location {
    uint32_t shard;   // index into the sorted shard paths
    uint32_t line;    // 1-based
    uint64_t offset;  // of the line's first byte
    bool used = false;
  };

  size_t size() const { return where_.size(); }  // articles indexed
  size_t shards() const { return files_.size(); }
  const std::string& path(uint32_t shard) const { return files_[shard].path; }
  // The record for the article with this SHA-256, or null when no shard
  // holds it. Valid as long as the index.
  Location* Find(const std::string& sha256);
  std::string Where(const Location& at) const;  // "FILE:LINE"

  // The record at `at`, read again from its shard and parsed; its raw line
  // (without the newline) in `line` if not null. Corruption if the file
  // changed since Build().
  Result<ShardRecord> Load(const Location& at, std::string* line = nullptr);
  // The first `max` records no one marked used, as "FILE:LINE", and how
  // many there are in all.
  std::vector<std::string> Unused(size_t max, size_t* count) const;

 private:
  struct File {
    std::string path;
    std::unique_ptr<std::ifstream> in;  // opened on first Load
  };
  Status IndexFile(uint32_t shard);
  Result<std::string> ReadLine(const Location& at);

  std::vector<File> files_;
  std::unordered_map<std::string, Location> where_;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_SHARD_INDEX_H_
