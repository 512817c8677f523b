// Fixtures for the ledger's tests: a temporary folder, and a small article
// written for these tests with a hand-made attribution, so ledger, query
// and report tests do not depend on what the engine finds.
#ifndef QUOTELEDGER_TESTS_LEDGER_FIXTURES_H_
#define QUOTELEDGER_TESTS_LEDGER_FIXTURES_H_

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "quoteledger/claim.h"
#include "quoteledger/document.h"

namespace quoteledger::testing {

// A fresh folder under the system's temporary folder, removed on exit.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("quoteledger-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline constexpr std::string_view kBridgeArticle =
    "Bridge to reopen in May, mayor says\n"
    "Mayor Ana Lima said the bridge would reopen in May.\n"
    "\"We are not giving up,\" Lima told reporters. \"Not now.\"\n"
    "A city official said the repairs cost more than planned.\n"
    "Council member Tom Reyes said the city would audit the contract <fully>.\n";

// The first occurrence of `needle` in `text` (which must hold it).
inline Span Find(std::string_view text, std::string_view needle, size_t from = 0) {
  size_t at = text.find(needle, from);
  if (at == std::string_view::npos) std::abort();
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

// A claim on the line of `text` that starts with `line`; its spans are the
// first occurrences of `content`, `source` and `cue` on or after that line.
inline Claim MakeClaim(std::string_view text, std::string_view line, ClaimKind kind,
                       std::vector<std::string_view> content, std::string_view source,
                       std::string_view cue, std::string speaker, EntityKind speaker_kind,
                       std::string role, std::string rule) {
  Claim c;
  c.kind = kind;
  size_t from = Find(text, line).begin;
  for (std::string_view part : content) c.content.push_back(Find(text, part, from));
  c.source = Find(text, source, from);
  c.cue = Find(text, cue, c.source.end);
  c.speaker = std::move(speaker);
  c.speaker_kind = speaker_kind;
  c.role = std::move(role);
  c.rule_id = std::move(rule);
  c.stage = kind == ClaimKind::kDirect ? 1 : 3;
  c.confidence = kind == ClaimKind::kDirect ? 0.95 : 0.75;
  return c;
}

// The attribution a careful reader would give kBridgeArticle: four claims
// (one direct quote in two spans), two roles, three entities.
inline Attribution BridgeAttribution() {
  std::string_view t = kBridgeArticle;
  Attribution a;
  a.claims.push_back(MakeClaim(t, "Mayor Ana", ClaimKind::kIndirect, {"the bridge would reopen in May"},
                               "Mayor Ana Lima", "said", "Ana Lima", EntityKind::kPerson, "Mayor",
                               "speaker-cue-clause"));
  a.claims.push_back(MakeClaim(t, "\"We are", ClaimKind::kDirect, {"\"We are not giving up,\"", "\"Not now.\""},
                               "Lima", "told", "Ana Lima", EntityKind::kPerson, "Mayor",
                               "quote-speaker-cue-quote"));
  a.claims.push_back(MakeClaim(t, "A city", ClaimKind::kIndirect, {"the repairs cost more than planned"},
                               "A city official", "said", "A city official",
                               EntityKind::kAnonymous, "", "speaker-cue-clause"));
  a.claims.push_back(MakeClaim(t, "Council", ClaimKind::kIndirect,
                               {"the city would audit the contract <fully>"}, "Tom Reyes", "said",
                               "Tom Reyes", EntityKind::kPerson, "Council member",
                               "speaker-cue-clause"));
  a.roles.push_back({"Ana Lima", "Mayor", "", Find(t, "Mayor Ana Lima")});
  a.roles.push_back({"Tom Reyes", "Council member", "City", Find(t, "Council member Tom Reyes")});
  a.entities.push_back({"Ana Lima", EntityKind::kPerson, "f", {"Lima"}, Find(t, "Ana Lima")});
  a.entities.push_back({"Tom Reyes", EntityKind::kPerson, "m", {"Reyes"}, Find(t, "Tom Reyes")});
  a.entities.push_back({"A city official", EntityKind::kAnonymous, "", {}, Find(t, "A city official")});
  return a;
}

inline Document MakeDocument(std::string_view text, DocumentMeta meta = {},
                             std::string name = "bridge.txt") {
  Result<Document> doc = Document::FromBytes(std::move(name), std::string(text), std::move(meta));
  if (!doc.ok()) std::abort();
  return std::move(doc).value();
}

}  // namespace quoteledger::testing

#endif  // QUOTELEDGER_TESTS_LEDGER_FIXTURES_H_
