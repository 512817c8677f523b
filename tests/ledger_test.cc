// Tests of src/ledger/: opening and migrating, storing attributions with
// provenance, idempotent re-ingest, superseding on new rules, per-document
// atomicity, crash safety of uncommitted batches, and verify's findings.
#include "ledger/ledger.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "ledger/migrations.h"
#include "ledger/queries.h"
#include "ledger/verify.h"
#include "ledger_fixtures.h"

namespace quoteledger {
namespace {

using testing::BridgeAttribution;
using testing::kBridgeArticle;
using testing::MakeDocument;
using testing::TempDir;

RunSettings RulesA() { return {"0.1.0", std::string(64, 'a'), "{}"}; }
RunSettings RulesB() { return {"0.1.0", std::string(64, 'b'), "{}"}; }

std::unique_ptr<Ledger> OpenLedger(const std::string& path, RunSettings run = RulesA()) {
  auto ledger = Ledger::Open(path, Ledger::OpenMode::kCreate);
  REQUIRE_MESSAGE(ledger.ok(), ledger.status().ToString());
  ledger.value()->SetRun(std::move(run));
  return std::move(ledger).value();
}

int64_t Count(Ledger& ledger, const std::string& sql) {
  auto n = ledger.db().QueryInt(sql);
  REQUIRE_MESSAGE(n.ok(), n.status().ToString());
  return n.value();
}

void Ingest(Ledger& ledger, const Document& doc, const Attribution& a) {
  Status s = ledger.Accept(doc, a);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  s = ledger.FinishRun();
  REQUIRE_MESSAGE(s.ok(), s.ToString());
}

bool SameStats(const LedgerStats& a, const LedgerStats& b) {
  return a.documents == b.documents && a.runs == b.runs && a.claims == b.claims &&
         a.claims_superseded == b.claims_superseded && a.entities == b.entities &&
         a.aliases == b.aliases && a.roles == b.roles && a.bytes == b.bytes;
}

TEST_CASE("a new ledger has the whole schema, WAL, foreign keys and STRICT tables") {
  TempDir dir;
  auto ledger = OpenLedger(dir.File("l.db"));
  CHECK(Count(*ledger, "PRAGMA user_version") == LatestSchemaVersion());
  CHECK(Count(*ledger, "PRAGMA foreign_keys") == 1);
  auto mode = ledger->db().Prepare("PRAGMA journal_mode");
  REQUIRE(mode.ok());
  REQUIRE(mode.value().Step().value());
  CHECK(mode.value().Text(0) == "wal");
  const char* tables[] = {"documents", "document_texts", "runs", "extractions", "entities",
                          "entity_aliases", "roles", "claims"};
  for (const char* table : tables) {
    CAPTURE(table);
    CHECK(Count(*ledger, std::string("SELECT strict FROM pragma_table_list WHERE name = '") +
                             table + "'") == 1);
  }
  CHECK(Count(*ledger, "SELECT count(*) FROM sqlite_schema WHERE name = 'claims_fts'") == 1);
}

TEST_CASE("migrations are numbered 1, 2, ... and a reopened ledger is not migrated again") {
  auto migrations = BuiltinMigrations();
  REQUIRE(migrations.ok());
  for (size_t i = 0; i < migrations.value().size(); ++i) {
    CHECK(migrations.value()[i].version == static_cast<int>(i) + 1);
  }
  TempDir dir;
  { auto ledger = OpenLedger(dir.File("l.db")); }
  auto again = Ledger::Open(dir.File("l.db"), Ledger::OpenMode::kExisting);
  REQUIRE(again.ok());
  CHECK(Count(*again.value(), "PRAGMA user_version") == LatestSchemaVersion());
}

TEST_CASE("opening refuses what is not a ledger") {
  TempDir dir;
  SUBCASE("a missing file in kExisting mode") {
    auto ledger = Ledger::Open(dir.File("none.db"), Ledger::OpenMode::kExisting);
    CHECK(ledger.status().code() == StatusCode::kNotFound);
    CHECK(ledger.status().message().find("quoteledger --db") != std::string::npos);
  }
  SUBCASE("a ledger from a newer quoteledger") {
    { auto ledger = OpenLedger(dir.File("l.db"));
      REQUIRE(ledger->db().Exec("PRAGMA user_version = 999").ok()); }
    auto ledger = Ledger::Open(dir.File("l.db"), Ledger::OpenMode::kExisting);
    CHECK(ledger.status().code() == StatusCode::kInvalidArgument);
    CHECK(ledger.status().message().find("newer quoteledger") != std::string::npos);
  }
}

TEST_CASE("a document's claims, roles, entities and aliases are stored with provenance") {
  TempDir dir;
  auto ledger = OpenLedger(dir.File("l.db"));
  Ingest(*ledger, MakeDocument(kBridgeArticle), BridgeAttribution());
  auto stats = ledger->Stats();
  REQUIRE(stats.ok());
  CHECK(stats.value().documents == 1);
  CHECK(stats.value().runs == 1);
  CHECK(stats.value().claims == 4);
  CHECK(stats.value().entities == 3);
  CHECK(stats.value().aliases == 2);
  CHECK(stats.value().roles == 2);
  CHECK(ledger->counts().documents_new == 1);
  CHECK(Count(*ledger, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL") == 1);
  CHECK(Count(*ledger, "SELECT count(*) FROM claims_fts") == 4);
  auto claims = FindClaims(*ledger, {});
  REQUIRE(claims.ok());
  REQUIRE(claims.value().size() == 4);
  const ClaimRow& quote = claims.value()[1];
  CHECK(quote.kind == "direct");
  CHECK(quote.content.size() == 2);
  CHECK(quote.text == "\"We are not giving up,\" … \"Not now.\"");
  CHECK(quote.speaker == "Ana Lima");
  CHECK(quote.source_text == "Lima");
  CHECK(quote.rule_id == "quote-speaker-cue-quote");
  CHECK(quote.role == "Mayor");
}

TEST_CASE("the same bytes with the same rules change nothing") {
  TempDir dir;
  auto ledger = OpenLedger(dir.File("l.db"));
  Ingest(*ledger, MakeDocument(kBridgeArticle), BridgeAttribution());
  auto before = ledger->Stats();
  auto second = OpenLedger(dir.File("l.db"));
  // Another name for the same bytes is still the same document.
  Ingest(*second, MakeDocument(kBridgeArticle, {}, "copy.txt"), BridgeAttribution());
  auto after = second->Stats();
  REQUIRE((before.ok() && after.ok()));
  CHECK(SameStats(before.value(), after.value()));
  CHECK(second->counts().documents_unchanged == 1);
  CHECK(second->run_id() == 0);  // no run row was written
  auto current = second->IsCurrent(MakeDocument(kBridgeArticle).Sha256());
  CHECK((current.ok() && current.value()));
}

TEST_CASE("other rules add a run and supersede the older claims without deleting them") {
  TempDir dir;
  { auto ledger = OpenLedger(dir.File("l.db"));
    Ingest(*ledger, MakeDocument(kBridgeArticle), BridgeAttribution()); }
  auto ledger = OpenLedger(dir.File("l.db"), RulesB());
  auto current = ledger->IsCurrent(MakeDocument(kBridgeArticle).Sha256());
  CHECK((current.ok() && !current.value()));
  Attribution fewer = BridgeAttribution();
  fewer.claims.pop_back();
  Ingest(*ledger, MakeDocument(kBridgeArticle), fewer);
  auto stats = ledger->Stats();
  REQUIRE(stats.ok());
  CHECK(stats.value().runs == 2);
  CHECK(stats.value().claims == 3);
  CHECK(stats.value().claims_superseded == 4);
  CHECK(ledger->counts().documents_reextracted == 1);
  CHECK(ledger->counts().claims_superseded == 4);
  ClaimFilter all;
  all.all_runs = true;
  CHECK(FindClaims(*ledger, all).value().size() == 7);
  CHECK(FindClaims(*ledger, {}).value().size() == 3);
  auto report = Verify(*ledger);
  REQUIRE(report.ok());
  CHECK_MESSAGE(report.value().ok(), report.value().problems.front());
}

TEST_CASE("a document the ledger refuses leaves nothing behind and the batch goes on") {
  TempDir dir;
  auto ledger = OpenLedger(dir.File("l.db"));
  REQUIRE(ledger->Accept(MakeDocument(kBridgeArticle), BridgeAttribution()).ok());
  Attribution bad = BridgeAttribution();
  bad.claims.back().content.push_back({5000, 5010});  // past the end of the text
  Document other = MakeDocument(std::string(kBridgeArticle) + "More.\n", {}, "other.txt");
  Status s = ledger->Accept(other, bad);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("other.txt") != std::string::npos);
  REQUIRE(ledger->FinishRun().ok());
  CHECK(Count(*ledger, "SELECT count(*) FROM documents") == 1);
  CHECK(Count(*ledger, "SELECT count(*) FROM claims") == 4);
  CHECK(Verify(*ledger).value().ok());
}

TEST_CASE("an uncommitted batch is gone after a crash; committed ones stay") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir.File("l.db"));
    REQUIRE(ledger->Accept(MakeDocument(kBridgeArticle), BridgeAttribution()).ok());
    REQUIRE(ledger->Commit().ok());
    Document second = MakeDocument(std::string(kBridgeArticle) + "Later.\n", {}, "b.txt");
    REQUIRE(ledger->Accept(second, BridgeAttribution()).ok());
    // Destroyed without Commit(), as a killed process would leave it.
  }
  auto ledger = OpenLedger(dir.File("l.db"));
  CHECK(Count(*ledger, "SELECT count(*) FROM documents") == 1);
  auto report = Verify(*ledger);
  REQUIRE(report.ok());
  CHECK(report.value().ok());
}

struct Damage {
  const char* what;
  const char* sql;
  const char* expected;  // a phrase verify must report
};

TEST_CASE("verify finds each kind of damage") {
  const Damage cases[] = {
      {"a claim missing from the index", "DELETE FROM claims_fts WHERE rowid = 1",
       "missing from the full-text index"},
      {"stale index text", "UPDATE claims_fts SET text = 'nothing' WHERE rowid = 2",
       "stale text"},
      {"a span past the end", "UPDATE claims SET content_spans = '[[0, 99999]]' WHERE id = 3",
       "outside its document"},
      {"stored text that differs", "UPDATE claims SET source_text = 'Bob' WHERE id = 1",
       "stored text differs"},
      {"a half-ingested document", "DELETE FROM extractions", "half-ingested"},
      {"a wrong claim count", "UPDATE extractions SET claims = 9", "9 claims recorded"},
      {"changed document bytes", "UPDATE document_texts SET bytes = zeroblob(size) FROM "
       "documents WHERE documents.id = document_id", "SHA-256"},
      {"a dangling foreign key",
       "PRAGMA foreign_keys = OFF; UPDATE claims SET speaker_id = 999 WHERE id = 4",
       "refers to a missing row"},
  };
  for (const Damage& d : cases) {
    CAPTURE(d.what);
    TempDir dir;
    auto ledger = OpenLedger(dir.File("l.db"));
    Ingest(*ledger, MakeDocument(kBridgeArticle), BridgeAttribution());
    REQUIRE(Verify(*ledger).value().ok());
    REQUIRE(ledger->db().Exec(d.sql).ok());
    auto report = Verify(*ledger);
    REQUIRE(report.ok());
    CHECK(!report.value().ok());
    bool found = false;
    for (const std::string& p : report.value().problems) {
      found = found || p.find(d.expected) != std::string::npos;
    }
    CHECK_MESSAGE(found, (report.value().problems.empty() ? "" : report.value().problems[0]));
  }
}

TEST_CASE("stored span helpers") {
  struct Case {
    std::vector<Span> spans;
    const char* json;
    const char* joined;
  };
  const Case cases[] = {
      {{}, "[]", ""},
      {{{0, 6}}, "[[0,6]]", "Bridge"},
      {{{0, 6}, {10, 16}}, "[[0,6],[10,16]]", "Bridge … reopen"},
  };
  for (const Case& c : cases) {
    CHECK(SpansToJson(c.spans) == c.json);
    CHECK(JoinSpans(kBridgeArticle, c.spans) == c.joined);
  }
}

}  // namespace
}  // namespace quoteledger
