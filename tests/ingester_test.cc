// Tests of ledger/ingester.h with the real extractor on generated articles:
// any number of threads gives the same ledger, row for row; re-ingesting is
// a no-op; batches commit as they fill.
#include "ledger/ingester.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "ledger/queries.h"
#include "ledger/verify.h"
#include "ledger_fixtures.h"

namespace quoteledger {
namespace {

using testing::TempDir;

// Article `i` of a generated corpus: named speakers, a pronoun, a quote
// split by its cue, and an anonymous source, with varying names.
std::string Article(int i) {
  const char* first[] = {"Ana", "Tom", "Maria", "David", "Grace"};
  const char* last[] = {"Lima", "Reyes", "Okafor", "Novak", "Brandt"};
  std::string name = fmt::format("{} {}", first[i % 5], last[(i / 5) % 5]);
  return fmt::format(
      "Council votes on budget, day {0}\n"
      "Mayor {1} said the budget would pass on day {0}.\n"
      "\"We have the votes,\" she said. \"We always did.\"\n"
      "A senior aide said the vote had been delayed twice.\n"
      "\"It is item {0} on the list,\" {2} told reporters.\n",
      i, name, last[(i / 5) % 5]);
}

std::vector<std::string> ClaimKeys(Ledger& ledger) {
  auto rows = FindClaims(ledger, {});
  REQUIRE(rows.ok());
  std::vector<std::string> out;
  for (const ClaimRow& r : rows.value()) {
    out.push_back(fmt::format("{}#{} {} {} {}", r.doc.name, r.seq, r.speaker, r.rule_id, r.text));
  }
  return out;
}

struct Run {
  std::unique_ptr<Ledger> ledger;
  IngestSummary summary;
};

// `threads` workers, each with its own extractor.
Run IngestCorpus(const std::string& path, int threads, int batch, int articles,
                 const Extractor& extractor, bool probe) {
  std::vector<std::unique_ptr<Extractor>> own;
  std::vector<const Extractor*> workers = {&extractor};
  while (static_cast<int>(workers.size()) < threads) {
    own.push_back(Extractor::Create().value());
    workers.push_back(own.back().get());
  }
  auto ledger = Ledger::Open(path, Ledger::OpenMode::kCreate);
  REQUIRE(ledger.ok());
  RunSettings settings{Extractor::Version(), extractor.RuleSetHash(), "{}"};
  ledger.value()->SetRun(settings);
  auto reader = Ledger::Open(path, Ledger::OpenMode::kExisting);
  REQUIRE(reader.ok());
  reader.value()->SetRun(settings);
  Ingester ingester(workers, *ledger.value(), probe ? reader.value().get() : nullptr, {batch},
                    [](const Status& s) { FAIL(s.ToString()); });
  for (int i = 0; i < articles; ++i) {
    auto doc = Document::FromBytes(fmt::format("a{:03}.txt", i), Article(i));
    REQUIRE(doc.ok());
    REQUIRE(ingester.Add(std::move(doc).value()));
  }
  Status s = ingester.Finish();
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  return {std::move(ledger).value(), ingester.Summary()};
}

TEST_CASE("one thread or four give the same ledger, row for row") {
  auto extractor = Extractor::Create();
  REQUIRE(extractor.ok());
  TempDir dir;
  Run serial = IngestCorpus(dir.File("one.db"), 1, 7, 40, *extractor.value(), false);
  Run parallel = IngestCorpus(dir.File("four.db"), 4, 7, 40, *extractor.value(), true);
  std::vector<std::string> a = ClaimKeys(*serial.ledger);
  CHECK(a.size() > 80);  // about three claims an article
  CHECK(a == ClaimKeys(*parallel.ledger));
  CHECK(serial.summary.counts.documents_new == 40);
  CHECK(parallel.summary.counts.claims_added == static_cast<int64_t>(a.size()));
  auto report = Verify(*parallel.ledger);
  REQUIRE(report.ok());
  CHECK(report.value().ok());
}

TEST_CASE("re-ingesting the same articles with the same rules changes nothing") {
  auto extractor = Extractor::Create();
  REQUIRE(extractor.ok());
  TempDir dir;
  Run first = IngestCorpus(dir.File("l.db"), 2, 10, 25, *extractor.value(), true);
  auto before = first.ledger->Stats();
  first.ledger.reset();
  for (bool probe : {true, false}) {
    CAPTURE(probe);
    Run again = IngestCorpus(dir.File("l.db"), 2, 10, 25, *extractor.value(), probe);
    CHECK(again.summary.counts.documents_unchanged == 25);
    CHECK(again.summary.counts.claims_added == 0);
    auto after = again.ledger->Stats();
    REQUIRE((before.ok() && after.ok()));
    CHECK(after.value().runs == before.value().runs);
    CHECK(after.value().claims == before.value().claims);
    CHECK(after.value().entities == before.value().entities);
  }
}

TEST_CASE("batches are committed as they fill, so another connection sees them") {
  auto extractor = Extractor::Create();
  REQUIRE(extractor.ok());
  TempDir dir;
  std::string path = dir.File("l.db");
  auto ledger = Ledger::Open(path, Ledger::OpenMode::kCreate);
  REQUIRE(ledger.ok());
  ledger.value()->SetRun({Extractor::Version(), extractor.value()->RuleSetHash(), "{}"});
  auto reader = Ledger::Open(path, Ledger::OpenMode::kExisting);
  REQUIRE(reader.ok());
  {
    // Two workers sharing one extractor: allowed, only slower.
    Ingester ingester({extractor.value().get(), extractor.value().get()}, *ledger.value(), nullptr,
                      {5}, nullptr);
    for (int i = 0; i < 12; ++i) {
      REQUIRE(ingester.Add(Document::FromBytes(fmt::format("a{}", i), Article(i)).value()));
    }
    // Wait until the writer has passed two full batches.
    while (ingester.Progress().documents < 12) std::this_thread::yield();
    auto seen = reader.value()->db().QueryInt("SELECT count(*) FROM documents");
    REQUIRE(seen.ok());
    CHECK(seen.value() >= 10);
    REQUIRE(ingester.Finish().ok());
  }
  CHECK(reader.value()->db().QueryInt("SELECT count(*) FROM documents").value() == 12);
}

}  // namespace
}  // namespace quoteledger
