// Every span the engine reports is a byte range into the original input
// that falls on character boundaries, checked on real news (polnear dev,
// the seed) and on generated text full of odd marks, against the slow
// obvious check: decode the slice and compare.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "quoteledger/document.h"
#include "test_util.h"

namespace quoteledger {
namespace {

bool OnBoundary(std::string_view text, uint32_t pos) {
  if (pos > text.size()) return false;
  if (pos == text.size()) return true;
  return (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

// Checks every span of every claim and role of `doc`; returns the number of
// spans checked.
int CheckSpans(const Document& doc, const Attribution& a) {
  std::string_view text = doc.text();
  int n = 0;
  auto check = [&](Span s, bool may_be_empty) {
    if (s.empty() && may_be_empty) return;
    CAPTURE(doc.name());
    CAPTURE(s.begin);
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= text.size());
    CHECK(OnBoundary(text, s.begin));
    CHECK(OnBoundary(text, s.end));
    CHECK(FindInvalidUtf8(s.Of(text)) == std::string_view::npos);
    ++n;
  };
  for (const Claim& c : a.claims) {
    REQUIRE(!c.content.empty());
    for (Span s : c.content) check(s, false);
    check(c.source, true);
    check(c.cue, true);
  }
  for (const RoleFact& r : a.roles) check(r.evidence, false);
  return n;
}

}  // namespace

TEST_CASE("offsets slice the original bytes on all of polnear dev") {
  std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) {
    MESSAGE("../shared is absent: skipped");
    return;
  }
  int spans = 0, docs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "polnear/dev/text")) {
    auto doc = Document::FromFile(entry.path().string());
    REQUIRE(doc.ok());
    spans += CheckSpans(doc.value(), testing::BuiltinExtractor().Extract(doc.value()));
    ++docs;
  }
  CHECK(docs == 84);
  CHECK(spans > 2000);
}

TEST_CASE("the seed article's quote slices back exactly") {
  std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) return;
  auto doc = Document::FromFile((shared / "seed/article.txt").string());
  REQUIRE(doc.ok());
  Attribution a = testing::BuiltinExtractor().Extract(doc.value());
  CheckSpans(doc.value(), a);
  bool found = false;
  for (const Claim& c : a.claims) {
    for (Span s : c.content) {
      found |= s.Of(doc.value().text()) ==
               "“We are conducting negotiations and not a scenario in which we just give and "
               "give,”";
    }
  }
  CHECK(found);
}

TEST_CASE("generated text full of quote marks never breaks offsets") {
  const char* pieces[] = {"“", "”", "\"", "‘", "’", "'", "«", "»", " ", "\n", "\n\n",
                          "said", "Ann Lee", "he", ",", ".", "U.S.", "é", "—", "according to",
                          "told reporters:", "Officials", "the mayor", "saying", "''"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = 0; i < 80; ++i) {
      text += pieces[pick(rng)];
      text += ' ';
    }
    auto doc = Document::FromBytes("gen.txt", text);
    REQUIRE(doc.ok());
    CheckSpans(doc.value(), testing::BuiltinExtractor().Extract(doc.value()));
  }
}

}  // namespace quoteledger
