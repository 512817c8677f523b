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

// Claims whose strings hold every byte JSON escapes, DEL, multi-byte
// UTF-8, and bytes that are not UTF-8 (overlong, surrogate, past U+10FFFF,
// cut short, a lone continuation byte): the claim writer, which escapes by
// itself, must give nlohmann's bytes for each.
TEST_CASE("a claim's strings are escaped exactly as nlohmann escapes them") {
  std::string text = "\"Quote\\d\" tab\there caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d "
                     "\xf0\x9f\x98\x80 said Ann.\n";
  Document doc = Document::FromBytes("odd.txt", text).value();
  const std::string odd[] = {
      "",        "plain",       "q\"b\\s/",        std::string("nul\0x", 5), "\b\f\n\r\t\x0b\x1b",
      "\x7f",    "caf\xc3\xa9", "\xf0\x9f\x98\x80", "\xc0\xaf",                "\xed\xa0\x80",
      "\xf4\x90\x80\x80", "cut \xe2\x80", "\x80lone", "\xff",              "\xe0\x80\xaf",
  };
  Attribution a;
  uint32_t n = static_cast<uint32_t>(text.size());
  for (const std::string& s : odd) {
    Claim c;
    c.kind = ClaimKind::kDirect;
    c.content = {{0, 15}, {16, 28}, {30, 30}};  // the empty span is left out
    c.source = {n - 5, n - 1};
    c.speaker = s;
    c.role = s + "r";
    c.affiliation = "a" + s;
    c.rule_id = s.empty() ? "r" : s;
    c.stage = 3;
    c.confidence = 1.0 / 3;
    a.claims.push_back(c);
  }
  for (double confidence : {0.0, 1.0, 0.95, 0.1 + 0.2, 0.6375}) {
    Claim c;
    c.content = {{0, 1}};
    c.confidence = confidence;
    a.claims.push_back(c);
  }
  CHECK(Streamed(doc, a) == Tree(doc, a));
}

}  // namespace
}  // namespace quoteledger
