// JSON output of claims: the streamed writer extract uses gives the bytes of
// the whole tree dumped at once (the slow, obviously correct reference).
#include "report/claims_json.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace quoteledger {
namespace {

std::string Streamed(const Document& doc, const Attribution& a) {
  std::ostringstream out;
  WriteAttributionJson(out, doc, a);
  return out.str();
}

std::string Tree(const Document& doc, const Attribution& a) {
  return AttributionToJson(doc, a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST_CASE("claims written one at a time read as the whole tree dumped") {
  std::vector<Document> docs;
  const char* src = std::getenv("QUOTELEDGER_SOURCE");
  std::filesystem::path samples = std::filesystem::path(src ? src : ".") / "samples" / "articles";
  for (const auto& entry : std::filesystem::directory_iterator(samples)) {
    docs.push_back(Document::FromFile(entry.path().string()).value());
  }
  REQUIRE(docs.size() >= 3);
  DocumentMeta meta;
  meta.id = "a\"1\\\x01 caf\xc3\xa9";  // escapes, a control byte, UTF-8
  docs.push_back(Document::FromBytes("odd \"name\".txt",
                                     "\xe2\x80\x9cWe won,\xe2\x80\x9d Ann Lee said. "
                                     "Officials said the talks had stalled.\n",
                                     meta)
                     .value());
  docs.push_back(Document::FromBytes("none.txt", "Nothing here.\n").value());
  for (const Document& doc : docs) {
    CAPTURE(doc.name());
    Attribution a = testing::BuiltinExtractor().Extract(doc);
    CHECK(Streamed(doc, a) == Tree(doc, a));
  }
}

}  // namespace
}  // namespace quoteledger
