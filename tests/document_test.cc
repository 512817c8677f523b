// Document loading: validation of encoding, NUL bytes and emptiness, with
// byte offsets in the messages, and SHA-256 identity.
#include "quoteledger/document.h"

#include <doctest/doctest.h>

#include <string>

namespace quoteledger {

TEST_CASE("FindInvalidUtf8 finds the first bad byte") {
  struct Case {
    std::string bytes;
    size_t bad;
  };
  const Case cases[] = {
      {"plain ascii", std::string::npos},
      {"curly \xE2\x80\x9Cquotes\xE2\x80\x9D", std::string::npos},
      {"emoji \xF0\x9F\x98\x80 ok", std::string::npos},
      {"bad \xFF byte", 4},
      {"cut \xE2\x80", 4},                 // truncated sequence at the end
      {"overlong \xC0\xAF", 9},            // overlong '/'
      {"surrogate \xED\xA0\x80", 10},      // UTF-16 surrogate
      {"too big \xF4\x90\x80\x80", 8},     // past U+10FFFF
      {"lone continuation \x80", 18},
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes);
    CHECK(FindInvalidUtf8(c.bytes) == c.bad);
  }
}

TEST_CASE("FromBytes rejects what is not an article, naming where") {
  auto empty = Document::FromBytes("a.txt", "");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message().find("a.txt") != std::string::npos);

  auto nul = Document::FromBytes("b.txt", std::string("line one\nab\0cd", 14));
  REQUIRE_FALSE(nul.ok());
  CHECK(nul.status().message().find("byte offset 11") != std::string::npos);
  CHECK(nul.status().message().find("line 2") != std::string::npos);

  auto latin1 = Document::FromBytes("c.txt", "caf\xE9 au lait");
  REQUIRE_FALSE(latin1.ok());
  CHECK(latin1.status().message().find("byte offset 3") != std::string::npos);
  CHECK(latin1.status().message().find("iconv") != std::string::npos);
}

TEST_CASE("a document keeps its bytes and knows their SHA-256") {
  auto doc = Document::FromBytes("d.txt", "abc");
  REQUIRE(doc.ok());
  CHECK(doc.value().text() == "abc");
  CHECK(doc.value().Sha256() ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("FromFile reports a missing file as an I/O error") {
  auto doc = Document::FromFile("/nonexistent/quoteledger/file.txt");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::kIOError);
}

}  // namespace quoteledger
