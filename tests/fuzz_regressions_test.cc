// Regression tests for what the libFuzzer targets in fuzz/ found, one case
// per crasher, the input written here. Each input must now give a clear
// error naming where it is (or a result), never a crash. Run the targets
// with scripts/fuzz TARGET SECONDS.
#include "text/article_reader.h"

#include <doctest/doctest.h>

#include <string>

namespace quoteledger {

// jsonl_fuzz, first minute: a number too large for a double made
// nlohmann::json::parse throw out_of_range, which ParseJsonArticle did not
// catch, so one such line ended a whole `extract` or `ingest`.
TEST_CASE("a JSON Lines number out of range is an error naming the line, not a crash") {
  const std::string lines[] = {
      R"({"id": "a1", "text": "“Yes,” she said.", "published_at": 1e999})",
      R"({"text": "hi, he said.", "n": -1e400})",
      R"({"text": "hi", "n": 1e999)",  // cut short as well
  };
  for (const std::string& line : lines) {
    CAPTURE(line);
    Result<Document> doc = ParseJsonArticle(line, "in.jsonl:7");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == StatusCode::kInvalidArgument);
    CHECK(doc.status().message().find("in.jsonl:7") != std::string::npos);
    CHECK(doc.status().message().find("fix or remove the line") != std::string::npos);
  }
  // A large number that fits is metadata like any other.
  Result<Document> ok = ParseJsonArticle(R"({"text": "hi, he said.", "id": 1e300})", "x:1");
  REQUIRE(ok.ok());
  CHECK(ok.value().meta().id == "1e+300");
}

}  // namespace quoteledger
