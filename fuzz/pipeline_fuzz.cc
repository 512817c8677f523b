// libFuzzer target for the article pipeline: bytes in, claims out. The
// extractor (lexicons, built-in rules) is built once per process, so the
// target runs at thousands of inputs a second. Invariants checked on every
// input the document accepts: every span lies inside the input and starts
// and ends on a UTF-8 character boundary, and the JSON written for a claim
// holds exactly the bytes its spans point at.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "quoteledger/document.h"
#include "quoteledger/extractor.h"
#include "report/claims_json.h"

namespace quoteledger {
namespace {

[[noreturn]] void Fail(const char* what, Span s, size_t size) {
  std::fprintf(stderr, "invariant broken: %s span [%u, %u) in %zu bytes\n", what,
               s.begin, s.end, size);
  std::abort();
}

bool IsBoundary(std::string_view text, uint32_t pos) {
  if (pos == text.size()) return true;
  return (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

// An empty span (begin == end) means "none" and may be {0, 0}; a non-empty
// one must be a slice of whole characters.
void CheckSpan(const char* what, std::string_view text, Span s) {
  if (s.begin == s.end) {
    if (s.begin > text.size()) Fail(what, s, text.size());
    return;
  }
  if (s.begin > s.end || s.end > text.size()) Fail(what, s, text.size());
  if (!IsBoundary(text, s.begin) || !IsBoundary(text, s.end)) Fail(what, s, text.size());
}

const Extractor& TheExtractor() {
  static const Extractor* extractor = [] {
    auto made = Extractor::Create();
    if (!made.ok()) {
      std::fprintf(stderr, "%s\n", made.status().ToString().c_str());
      std::abort();
    }
    return std::move(made).value().release();
  }();
  return *extractor;
}

// The JSON line extract writes for this document: each claim's "text" is its
// content spans' bytes joined by " … ", "source_text" and "cue_text" the
// source's and cue's bytes.
void CheckJson(const Document& doc, const Attribution& a) {
  std::ostringstream out;
  WriteAttributionJson(out, doc, a);
  nlohmann::json j = nlohmann::json::parse(out.str());  // throws, and so aborts, on bad JSON
  const auto& claims = j.at("claims");
  if (claims.size() != a.claims.size()) std::abort();
  std::string_view text = doc.text();
  for (size_t i = 0; i < a.claims.size(); ++i) {
    const Claim& c = a.claims[i];
    std::string joined;
    for (Span s : c.content) {
      if (!joined.empty()) joined += " … ";
      joined += s.Of(text);
    }
    if (claims[i].at("text").get<std::string>() != joined) std::abort();
    if (claims[i].at("source_text").get<std::string>() != c.source.Of(text)) std::abort();
    if (claims[i].at("cue_text").get<std::string>() != c.cue.Of(text)) std::abort();
  }
}

}  // namespace
}  // namespace quoteledger

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quoteledger;
  const Extractor& extractor = TheExtractor();
  auto doc = Document::FromBytes("fuzz", std::string(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) return 0;  // invalid UTF-8 and the like: a clear error, not a claim
  const Document& d = doc.value();
  Attribution a = extractor.Extract(d);
  std::string_view text = d.text();
  for (const Claim& c : a.claims) {
    if (c.content.empty()) std::abort();
    for (Span s : c.content) CheckSpan("content", text, s);
    CheckSpan("source", text, c.source);
    CheckSpan("cue", text, c.cue);
    if (!(c.confidence >= 0.0 && c.confidence <= 1.0)) std::abort();
  }
  for (const RoleFact& r : a.roles) CheckSpan("role evidence", text, r.evidence);
  for (const EntityFact& e : a.entities) CheckSpan("first mention", text, e.first_mention);
  CheckJson(d, a);
  return 0;
}
