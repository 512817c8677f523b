// Tests of ledger/shard_index.h: extract's records read back give the
// attribution they were written from; lines a shard should never hold are
// refused with what is wrong; the index refuses missing, empty and cut-short
// shards and takes the shards in path order, whatever order they are given.
#include "ledger/shard_index.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "ledger_fixtures.h"
#include "report/claims_json.h"

namespace quoteledger {
namespace {

using testing::TempDir;

std::string Record(const Document& doc, const Attribution& a) {
  std::ostringstream out;
  WriteAttributionJson(out, doc, a);
  return out.str();
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST_CASE("a record reads back as the attribution it was written from") {
  Document doc = testing::MakeDocument(testing::kBridgeArticle);
  Attribution a = testing::BridgeAttribution();
  Result<ShardRecord> r = ParseShardLine(Record(doc, a));
  REQUIRE(r.ok());
  CHECK(r.value().sha256 == doc.Sha256());
  CHECK(r.value().doc == doc.name());
  // Written again, it gives the same bytes: nothing was lost on the way.
  CHECK(Record(doc, r.value().attribution) == Record(doc, a));
}

TEST_CASE("lines that are not records are refused with the reason") {
  Document doc = testing::MakeDocument(testing::kBridgeArticle);
  std::string good = Record(doc, testing::BridgeAttribution());
  auto with = [&](std::string from, std::string to) {
    std::string s = good;
    size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
  };
  struct Case {
    std::string line;
    std::string says;
  } cases[] = {
      {"", "not valid JSON"},
      {good.substr(0, good.size() - 5), "not valid JSON"},
      {"[1, 2]", "not a JSON object"},
      {std::string(100000, '[') + std::string(100000, ']'), "nested deeper"},
      {with("\"sha256\":\"", "\"sha256\":\"x"), "64 lower-case hex"},
      {with("\"kind\":\"direct\"", "\"kind\":\"opinion\""), "\"kind\" is \"opinion\""},
      {with("\"stage\":", "\"stage\":\"1\",\"x\":"), "\"stage\" is not an integer"},
      {with("\"confidence\":", "\"confidence\":2,\"x\":"), "from 0 to 1"},
      {with("\"content\":[[", "\"content\":[[-1,"), "not [begin, end]"},
      {with("\"claims\":[", "\"claims\":[7,"), "claims 0: a claim is not an object"},
      {with("\"roles\":", "\"roles\":{},\"x\":"), "\"roles\" is not a list"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.says);
    Result<ShardRecord> r = ParseShardLine(c.line);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kCorruption);
    CHECK(r.status().message().find(c.says) != std::string::npos);
  }
}

TEST_CASE("the index refuses missing, empty, cut-short and corrupt shards") {
  TempDir dir;
  Document doc = testing::MakeDocument(testing::kBridgeArticle);
  std::string good = Record(doc, testing::BridgeAttribution()) + "\n";
  Write(dir.File("good.jsonl"), good);
  Write(dir.File("empty.jsonl"), "");
  Write(dir.File("cut.jsonl"), good + good.substr(0, 30));
  Write(dir.File("bad.jsonl"), good + "{\"doc\": 1}\n");
  struct Case {
    std::string shard;
    StatusCode code;
    std::string says;
  } cases[] = {
      {"none.jsonl", StatusCode::kNotFound, "none.jsonl: no such shard file"},
      {"empty.jsonl", StatusCode::kCorruption, "empty.jsonl: the shard is empty"},
      {"cut.jsonl", StatusCode::kCorruption, "cut.jsonl:2: the last line has no newline"},
      {"bad.jsonl", StatusCode::kCorruption, "bad.jsonl:2: not an extract record"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.shard);
    Result<ShardIndex> index = ShardIndex::Build({dir.File("good.jsonl"), dir.File(c.shard)});
    REQUIRE_FALSE(index.ok());
    CHECK(index.status().code() == c.code);
    CHECK(index.status().message().find(c.says) != std::string::npos);
    CHECK(index.status().message().find("rerun its array index") != std::string::npos);
  }
}

TEST_CASE("records are found by SHA-256, from the first shard in path order") {
  TempDir dir;
  Document doc = testing::MakeDocument(testing::kBridgeArticle);
  Attribution a = testing::BridgeAttribution();
  Attribution fewer = a;
  fewer.claims.pop_back();
  Write(dir.File("b.jsonl"), Record(doc, fewer) + "\n");
  Write(dir.File("a.jsonl"), Record(doc, a) + "\n");
  for (auto order : {std::vector<std::string>{"a.jsonl", "b.jsonl"},
                     std::vector<std::string>{"b.jsonl", "a.jsonl"}}) {
    Result<ShardIndex> index = ShardIndex::Build({dir.File(order[0]), dir.File(order[1])});
    REQUIRE(index.ok());
    CHECK(index.value().size() == 1);
    ShardIndex::Location* at = index.value().Find(doc.Sha256());
    REQUIRE(at != nullptr);
    CHECK(index.value().Where(*at) == dir.File("a.jsonl") + ":1");
    Result<ShardRecord> r = index.value().Load(*at);
    REQUIRE(r.ok());
    CHECK(r.value().attribution.claims.size() == a.claims.size());
    CHECK(index.value().Find(std::string(64, '0')) == nullptr);
    size_t unused = 0;
    CHECK(index.value().Unused(5, &unused).size() == 1);
    at->used = true;
    CHECK(index.value().Unused(5, &unused).empty());
  }
}

}  // namespace
}  // namespace quoteledger
