// Tests of src/ledger/: opening and migrating, storing attributions with
// provenance, idempotent re-ingest, superseding on new rules, per-document
// atomicity, crash safety of uncommitted batches, and verify's findings.
#include "ledger/ledger.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "ledger/document_dates.h"
#include "ledger/migrations.h"
#include "ledger/queries.h"
#include "ledger/verify.h"
#include "ledger_fixtures.h"

namespace quoteledger {
namespace {

using testing::BridgeAttribution;
using testing::Find;
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

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
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
    std::string before = FileBytes(dir.File("l.db"));
    auto ledger = Ledger::Open(dir.File("l.db"), Ledger::OpenMode::kExisting);
    CHECK(ledger.status().code() == StatusCode::kInvalidArgument);
    CHECK(ledger.status().message().find("newer quoteledger") != std::string::npos);
    CHECK(FileBytes(dir.File("l.db")) == before);
  }
}

// Another program's database, at whatever user_version it keeps, is refused
// before anything is written: it used to be switched to WAL first, and one
// at user_version 1 was migrated as if it were an old ledger.
TEST_CASE("another program's SQLite database is refused and left byte for byte") {
  const char* versions[] = {"0", "1", "2", "3", "4", "99"};
  for (const char* version : versions) {
    CAPTURE(version);
    TempDir dir;
    std::string path = dir.File("other.db");
    {
      auto db = Database::Open(path, Database::Mode::kCreate);
      REQUIRE(db.ok());
      REQUIRE(db.value()->Exec(std::string("CREATE TABLE notes(id INTEGER PRIMARY KEY, body); "
                                           "INSERT INTO notes(body) VALUES ('x'); "
                                           "PRAGMA user_version = ") + version).ok());
    }
    std::string before = FileBytes(path);
    for (auto mode : {Ledger::OpenMode::kCreate, Ledger::OpenMode::kExisting}) {
      auto ledger = Ledger::Open(path, mode);
      CHECK(ledger.status().code() == StatusCode::kInvalidArgument);
      CHECK(ledger.status().message().find("another program") != std::string::npos);
      CHECK(FileBytes(path) == before);
    }
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

TEST_CASE("claims wait for the full-text index until the run finishes; a crash leaves them "
          "pending, and the next run indexes them") {
  TempDir dir;
  int64_t claims = 0;
  {
    auto ledger = OpenLedger(dir.File("l.db"));
    REQUIRE(ledger->Accept(MakeDocument(kBridgeArticle), BridgeAttribution()).ok());
    REQUIRE(ledger->Commit().ok());
    claims = Count(*ledger, "SELECT count(*) FROM claims");
    REQUIRE(claims > 0);
    CHECK(Count(*ledger, "SELECT count(*) FROM claims_fts") == 0);
    // Killed before FinishRun(): the claims are committed, not indexed.
  }
  auto ledger = OpenLedger(dir.File("l.db"));
  auto report = Verify(*ledger);
  REQUIRE(report.ok());
  CHECK(report.value().ok());  // pending is not damage...
  bool noted = false;
  for (const std::string& n : report.value().notes) {
    noted = noted || n.find(fmt::format("{} claim(s) are not yet in the full-text index", claims)) !=
                         std::string::npos;
  }
  CHECK(noted);  // ...but it is said
  // A run that writes nothing new still indexes what is pending.
  REQUIRE(ledger->Accept(MakeDocument(kBridgeArticle), BridgeAttribution()).ok());
  REQUIRE(ledger->FinishRun().ok());
  CHECK(Count(*ledger, "SELECT count(*) FROM claims_fts") == claims);
  CHECK(Count(*ledger, "SELECT indexed_through FROM claims_fts_state") ==
        Count(*ledger, "SELECT max(id) FROM claims"));
  report = Verify(*ledger);
  REQUIRE(report.ok());
  CHECK(report.value().ok());
  CHECK(report.value().notes.empty());
  // A claim put into the index by hand while pending does not stop the
  // next indexing on a duplicate row id.
  Document second = MakeDocument(std::string(kBridgeArticle) + "Later.\n", {}, "b.txt");
  REQUIRE(ledger->Accept(second, BridgeAttribution()).ok());
  REQUIRE(ledger->Commit().ok());
  REQUIRE(ledger->db()
              .Exec("INSERT INTO claims_fts(rowid, text, speaker) SELECT id, content_text, "
                    "source_text FROM claims ORDER BY id DESC LIMIT 1")
              .ok());
  REQUIRE(ledger->FinishRun().ok());
  CHECK(Count(*ledger, "SELECT count(*) FROM claims_fts") == 2 * claims);
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
      // Spans moved by 2^32 read back as the same 32-bit offsets.
      {"a source span moved by 2^32",
       "UPDATE claims SET source_begin = source_begin + 4294967296, source_end = source_end + "
       "4294967296 WHERE id = 1",
       "outside its document"},
      {"a content span moved by 2^32",
       "UPDATE claims SET content_spans = json_array(json_array(json_extract(content_spans, "
       "'$[0][0]') + 4294967296, json_extract(content_spans, '$[0][1]') + 4294967296)) "
       "WHERE id = 3",
       "outside its document"},
      {"a role's evidence moved by 2^32",
       "UPDATE roles SET evidence_begin = evidence_begin + 4294967296, evidence_end = "
       "evidence_end + 4294967296 WHERE id = 1",
       "outside its document"},
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

// The article's date and how it was found, as stored: "date|source".
std::string StoredDate(Ledger& ledger, const std::string& name) {
  auto st = ledger.db().Prepare(
      "SELECT coalesce(article_date, 'NULL') || '|' || coalesce(date_source, 'NULL') "
      "FROM documents WHERE name = ?1");
  REQUIRE(st.ok());
  st.value().Bind(1, name);
  auto row = st.value().Step();
  REQUIRE(row.ok());
  REQUIRE_MESSAGE(row.value(), name);
  return st.value().Text(0);
}

TEST_CASE("an article's date is found once, stored with how it was found, never the ingest time") {
  TempDir dir;
  auto ledger = OpenLedger(dir.File("l.db"));
  std::string dateline = "Budget\nSept. 13, 2016\n\nOn Sept. 1, 2016, the mayor said no.\n";
  std::string plain = "Budget\n\nOn Sept. 1, 2016, the mayor said no.\n";
  DocumentMeta file;
  file.file = "corpus/wire_2016-09-15_budget.txt";
  DocumentMeta jsonl_bad;
  jsonl_bad.published_at = "last Monday";
  DocumentMeta jsonl_good;
  jsonl_good.published_at = "2016-09-12T23:30:00-05:00";
  struct Case {
    const char* name;
    std::string text;
    DocumentMeta meta;
    const char* stored;  // article_date|date_source
  };
  const Case cases[] = {
      {"good", plain + "1", jsonl_good, "2016-09-12|published_at"},
      {"bad", plain + "2", jsonl_bad, "NULL|NULL"},
      {"bad-dateline", dateline + "3", jsonl_bad, "2016-09-13|dateline"},
      {"corpus/wire_2016-09-15_budget.txt", plain + "4", file, "2016-09-15|file_name"},
      {"dateline-over-file", dateline + "5", file, "2016-09-13|dateline"},
      // A name with a date is not a file name unless the article filled that file.
      {"x_2016-09-15.jsonl:4", plain + "6", {}, "NULL|NULL"},
  };
  for (const Case& c : cases) {
    Status s = ledger->Accept(MakeDocument(c.text, c.meta, c.name), Attribution{});
    REQUIRE_MESSAGE(s.ok(), s.ToString());
  }
  REQUIRE(ledger->FinishRun().ok());
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(StoredDate(*ledger, c.name) == c.stored);
  }
  // published_at is kept as given, date or not.
  CHECK(Count(*ledger, "SELECT count(*) FROM documents WHERE published_at = 'last Monday'") == 2);
  CHECK(Count(*ledger, "SELECT count(*) FROM documents WHERE ingested_at IS NULL") == 0);
}

TEST_CASE("roles are stated on the article's date") {
  TempDir dir;
  auto ledger = OpenLedger(dir.File("l.db"));
  DocumentMeta file;
  file.file = "wire_2016-09-15_bridge.txt";
  Ingest(*ledger, MakeDocument(kBridgeArticle, file, file.file), BridgeAttribution());
  CHECK(Count(*ledger, "SELECT count(*) FROM roles WHERE stated_at = '2016-09-15'") == 2);
}

TEST_CASE("an unresolved or pronoun speaker is no entity, no entity name and holds no role") {
  TempDir dir;
  auto ledger = OpenLedger(dir.File("l.db"));
  std::string_view t = kBridgeArticle;
  Attribution a = BridgeAttribution();
  a.claims[2].speaker = "A city official";
  a.claims[2].speaker_kind = EntityKind::kUnresolved;
  // What a title before a first-person quote can give ("Mayor \"I ...").
  a.roles.push_back({"I", "Mayor", "", Find(t, "Mayor Ana Lima")});
  a.entities.push_back({"I", EntityKind::kPerson, "", {"he"}, Find(t, "Ana Lima")});
  a.entities.push_back({"she", EntityKind::kUnresolved, "f", {}, Find(t, "Ana Lima")});
  a.entities[2].kind = EntityKind::kUnresolved;
  Ingest(*ledger, MakeDocument(kBridgeArticle), a);
  CHECK(Count(*ledger, "SELECT count(*) FROM entities WHERE name IN ('I', 'he', 'she', "
                       "'A city official')") == 0);
  CHECK(Count(*ledger, "SELECT count(*) FROM entity_names WHERE name IN ('I', 'he', 'she', "
                       "'A city official')") == 0);
  CHECK(Count(*ledger, "SELECT count(*) FROM roles") == 2);
  CHECK(Count(*ledger, "SELECT count(*) FROM claims WHERE source_text = 'A city official' "
                       "AND speaker_id IS NULL AND speaker_name IS NULL") == 1);
}

TEST_CASE("a ledger of schema version 2 is migrated: its documents are dated, ingest time unused") {
  TempDir dir;
  std::string path = dir.File("old.db");
  {
    auto db = Database::Open(path, Database::Mode::kCreate);
    REQUIRE(db.ok());
    auto all = BuiltinMigrations();
    REQUIRE(all.ok());
    std::vector<Migration> first_two(all.value().begin(), all.value().begin() + 2);
    REQUIRE(Migrate(*db.value(), first_two).ok());
    // Rows as quoteledger 2 wrote them: no article_date; published_at as given.
    const char* rows[] = {
        "INSERT INTO documents(id, sha256, name, external_id, published_at, size) VALUES "
        "(1, printf('%064d', 1), 'j-1', 'j-1', '2016-09-12T10:00:00Z', 9)",
        "INSERT INTO documents(id, sha256, name, external_id, published_at, size) VALUES "
        "(2, printf('%064d', 2), 'j-2', 'j-2', 'soon', 9)",
        "INSERT INTO documents(id, sha256, name, size) VALUES "
        "(3, printf('%064d', 3), 'texts/nyt_2016-10-03_debate.txt', 9)",
        "INSERT INTO documents(id, sha256, name, size) VALUES "
        "(4, printf('%064d', 4), 'texts/wire_2016-10-05_x.txt', 9)",
        "INSERT INTO documents(id, sha256, name, size) VALUES "
        "(5, printf('%064d', 5), 'feed_2016-10-07.jsonl:3', 9)",
        "INSERT INTO document_texts VALUES (1, CAST('Budget\n\nNo date here.\n' AS BLOB))",
        "INSERT INTO document_texts VALUES (2, CAST('Budget\n\nNo date here.\n' AS BLOB))",
        "INSERT INTO document_texts VALUES (3, CAST('Debate\n\nOn Sept. 1, 2016, no.\n' AS BLOB))",
        "INSERT INTO document_texts VALUES (4, CAST('Vote\nOct. 4, 2016\n\nText.\n' AS BLOB))",
        "INSERT INTO document_texts VALUES (5, CAST('Budget\n\nNo date here.\n' AS BLOB))",
        "INSERT INTO runs(id, engine_version, rule_set_sha256, options) VALUES (1, '0', 'x', '{}')",
        "INSERT INTO entities(id, name, kind) VALUES (1, 'Ana Lima', 'person')",
        "INSERT INTO roles(entity_id, title, document_id, run_id, evidence_begin, evidence_end, "
        "evidence_text, stated_at) VALUES (1, 'Mayor', 3, 1, 0, 1, 'D', NULL)",
        "INSERT INTO roles(entity_id, title, document_id, run_id, evidence_begin, evidence_end, "
        "evidence_text, stated_at) VALUES (1, 'Mayor', 2, 1, 0, 1, 'B', 'soon')",
    };
    for (const char* sql : rows) REQUIRE_MESSAGE(db.value()->Exec(sql).ok(), sql);
    REQUIRE(db.value()->QueryInt("PRAGMA user_version").value() == 2);
  }
  auto ledger = Ledger::Open(path, Ledger::OpenMode::kExisting);
  REQUIRE_MESSAGE(ledger.ok(), ledger.status().ToString());
  CHECK(Count(*ledger.value(), "PRAGMA user_version") == LatestSchemaVersion());
  CHECK(StoredDate(*ledger.value(), "j-1") == "2016-09-12|published_at");
  CHECK(StoredDate(*ledger.value(), "j-2") == "NULL|NULL");
  CHECK(StoredDate(*ledger.value(), "texts/nyt_2016-10-03_debate.txt") == "2016-10-03|file_name");
  CHECK(StoredDate(*ledger.value(), "texts/wire_2016-10-05_x.txt") == "2016-10-04|dateline");
  CHECK(StoredDate(*ledger.value(), "feed_2016-10-07.jsonl:3") == "NULL|NULL");
  CHECK(Count(*ledger.value(), "SELECT count(*) FROM roles WHERE document_id = 3 AND "
                               "stated_at = '2016-10-03'") == 1);
  CHECK(Count(*ledger.value(), "SELECT count(*) FROM roles WHERE document_id = 2 AND "
                               "stated_at IS NULL") == 1);
  // The view people use in the sqlite3 shell carries the date too.
  CHECK(Count(*ledger.value(), "SELECT count(*) FROM pragma_table_info('claim_details') "
                               "WHERE name IN ('date', 'date_source')") == 2);
}

TEST_CASE("stored names that are files of their own") {
  struct Case {
    const char* name;
    bool file;
  };
  const Case cases[] = {
      {"texts/nyt_2016-10-03_debate.txt", true}, {"C:\\texts\\a.txt", true},
      {"feed.jsonl:12", false},                   {"-", false},
      {"", false},                                {"odd:name.txt", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(IsStoredFileName(c.name) == c.file);
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
