// Helpers shared by the test suites: the built-in extractor, a document
// from a literal, and the location of ../shared data (tests that use it
// skip when it is absent).
#ifndef QUOTELEDGER_TESTS_TEST_UTIL_H_
#define QUOTELEDGER_TESTS_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <string>

#include "quoteledger/extractor.h"

namespace quoteledger::testing {

inline const Extractor& BuiltinExtractor() {
  static const std::unique_ptr<Extractor> ex = [] {
    auto r = Extractor::Create();
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  return *ex;
}

inline Document Doc(const std::string& text) {
  return Document::FromBytes("test.txt", text).value();
}

// The claim of `a` (made from `text`) whose content holds `fragment`, or
// null.
inline const Claim* FindClaim(const Attribution& a, const std::string& text,
                              const std::string& fragment) {
  for (const Claim& c : a.claims) {
    for (Span s : c.content) {
      if (s.Of(text).find(fragment) != std::string_view::npos) return &c;
    }
  }
  return nullptr;
}

// ../shared, from $QUOTELEDGER_SHARED (set by meson) or "" when absent.
inline std::filesystem::path SharedDir() {
  const char* env = std::getenv("QUOTELEDGER_SHARED");
  std::filesystem::path p = env ? env : "../shared";
  std::error_code ec;
  return std::filesystem::is_directory(p / "polnear", ec) ? p : std::filesystem::path();
}

}  // namespace quoteledger::testing

#endif  // QUOTELEDGER_TESTS_TEST_UTIL_H_
