// Tests of identity across the ledger (ledger/identity.h) and curation
// (ledger/entities.h): names merged by key, surnames alone linked only when
// unambiguous, --speaker choosing one entity, and merge, split, rename and
// undo decisions that hold across re-ingest with new rules. Articles are
// one line per speaker, written for these tests.
#include "ledger/entities.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "ledger_fixtures.h"

namespace quoteledger {
namespace {

using testing::Find;
using testing::MakeDocument;
using testing::TempDir;

RunSettings RulesA() { return {"0.1.0", std::string(64, 'a'), "{}"}; }
RunSettings RulesB() { return {"0.1.0", std::string(64, 'b'), "{}"}; }

struct Said {
  std::string speaker;
  std::string gender;                // "m", "f" or ""
  std::vector<std::string> aliases;  // the article's short forms
};

// An article in which each speaker says one thing, on a line of its own.
void Ingest(Ledger& ledger, const std::string& name, const std::vector<Said>& said) {
  std::string text;
  for (size_t i = 0; i < said.size(); ++i) {
    text += fmt::format("{} said that point {} of {} stands.\n", said[i].speaker, i, name);
  }
  Attribution a;
  for (size_t i = 0; i < said.size(); ++i) {
    std::string line = fmt::format("{} said that point {} ", said[i].speaker, i);
    size_t from = Find(text, line).begin;
    Claim c;
    c.content = {Find(text, fmt::format("point {} of {} stands", i, name), from)};
    c.source = Find(text, said[i].speaker, from);
    c.cue = Find(text, "said", c.source.end);
    c.speaker = said[i].speaker;
    c.speaker_kind = EntityKind::kPerson;
    c.rule_id = "test";
    c.confidence = 0.8;
    a.claims.push_back(c);
    a.entities.push_back({said[i].speaker, EntityKind::kPerson, said[i].gender,
                          said[i].aliases, c.source});
  }
  Status s = ledger.Accept(MakeDocument(text, {}, name), a);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  s = ledger.FinishRun();
  REQUIRE_MESSAGE(s.ok(), s.ToString());
}

// The campaign: the same articles whatever the rules (a new run
// re-extracts them and supersedes the claims).
void IngestCampaign(Ledger& ledger) {
  Ingest(ledger, "a1", {{"Donald J. Trump", "m", {"Trump"}}, {"Eric Trump", "m", {"Trump"}}});
  Ingest(ledger, "a2", {{"Donald Trump", "m", {"Mr. Trump"}}, {"Donald Trump Jr.", "m", {}}});
  Ingest(ledger, "a3", {{"Hillary Clinton", "f", {"Clinton"}}, {"Bill Clinton", "m", {}}});
  Ingest(ledger, "a4", {{"Hillary Rodham Clinton", "f", {}}, {"Mike Pence", "m", {}},
                        {"Karen Pence", "f", {}}});
  Ingest(ledger, "a5", {{"Trump", "", {}}, {"Clinton", "f", {}}, {"Pence", "m", {}}});
}

std::unique_ptr<Ledger> Open(const std::string& path, RunSettings run = RulesA()) {
  auto ledger = Ledger::Open(path, Ledger::OpenMode::kCreate);
  REQUIRE_MESSAGE(ledger.ok(), ledger.status().ToString());
  ledger.value()->SetRun(std::move(run));
  return std::move(ledger).value();
}

// The entity `name` selects, or the error's message.
std::string Selected(Ledger& ledger, const std::string& name) {
  Result<EntitySelection> e = SelectEntity(ledger, name);
  return e.ok() ? e.value().entity.name : "error: " + e.status().message();
}

int64_t ClaimsOf(Ledger& ledger, const std::string& name) {
  Result<EntitySelection> e = SelectEntity(ledger, name);
  REQUIRE_MESSAGE(e.ok(), e.status().ToString());
  ClaimFilter f;
  f.speaker_id = e.value().entity.id;
  return static_cast<int64_t>(FindClaims(ledger, f).value().size());
}

std::string NoteOf(Ledger& ledger, const std::string& name) {
  Result<EntitySelection> e = SelectEntity(ledger, name, /*exact_only=*/true);
  REQUIRE_MESSAGE(e.ok(), e.status().ToString());
  return e.value().entity.identity_note;
}

TEST_CASE("one entity per person: same key merges, a suffix or another first name does not") {
  TempDir dir;
  auto ledger = Open(dir.File("l.db"));
  IngestCampaign(*ledger);
  struct Case {
    const char* name;
    const char* entity;
    int64_t claims;
  };
  const Case cases[] = {
      {"Donald J. Trump", "Donald Trump", 2},  {"Donald Trump", "Donald Trump", 2},
      {"Donald Trump Jr.", "Donald Trump Jr.", 1}, {"Eric Trump", "Eric Trump", 1},
      {"Hillary Rodham Clinton", "Hillary Clinton", 3},  // with "Clinton" (f)
      {"Bill Clinton", "Bill Clinton", 1},
      {"Mike Pence", "Mike Pence", 2},  // with "Pence" (m): the one male Pence
      {"Pence", "Mike Pence", 2},       {"Karen Pence", "Karen Pence", 1},
  };
  for (const Case& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    CHECK(Selected(*ledger, c.name) == c.entity);
    CHECK(ClaimsOf(*ledger, c.name) == c.claims);
  }
}

TEST_CASE("a surname alone is linked only while exactly one person of its gender has it") {
  TempDir dir;
  auto ledger = Open(dir.File("l.db"));
  IngestCampaign(*ledger);
  // "Clinton" (f): only Hillary so far.
  CHECK(Selected(*ledger, "Clinton") == "Hillary Clinton");
  CHECK(ClaimsOf(*ledger, "Hillary Clinton") == 3);
  // "Trump": Donald and Eric (Donald Trump Jr. has a suffix): kept apart.
  CHECK(NoteOf(*ledger, "Trump").find("2 people named Trump") != std::string::npos);
  CHECK(Selected(*ledger, "Trump").find("could be") != std::string::npos);
  // A second woman named Clinton arrives: the link no longer holds.
  Ingest(*ledger, "a6", {{"Chelsea Clinton", "f", {}}});
  CHECK(NoteOf(*ledger, "Clinton").find("2 people named Clinton") != std::string::npos);
  CHECK(ClaimsOf(*ledger, "Hillary Clinton") == 2);
  std::string ambiguous = Selected(*ledger, "Clinton");
  CHECK(ambiguous.find("\"Hillary Clinton\"") != std::string::npos);
  CHECK(ambiguous.find("\"Clinton\" (1 claim; surname only, not linked)") != std::string::npos);
  CHECK(ambiguous.find("give a fuller name") != std::string::npos);
}

TEST_CASE("an article's short form that names someone else by the key is not an alias") {
  TempDir dir;
  auto ledger = Open(dir.File("l.db"));
  Ingest(*ledger, "b1", {{"Donald J. Trump", "m", {"Trump", "Donald Trump Jr."}}});
  Ingest(*ledger, "b2", {{"Donald Trump Jr.", "m", {}}});
  auto e = SelectEntity(*ledger, "Donald J. Trump");
  REQUIRE(e.ok());
  CHECK(e.value().entity.aliases == std::vector<std::string>{"Trump"});
  CHECK(Selected(*ledger, "Donald Trump Jr.") == "Donald Trump Jr.");
}

TEST_CASE("merge, split and rename move claims and are recorded as decisions") {
  TempDir dir;
  auto ledger = Open(dir.File("l.db"));
  IngestCampaign(*ledger);
  auto merged = MergeEntities(*ledger, "Donald Trump", "Trump", "the articles mean Donald");
  REQUIRE_MESSAGE(merged.ok(), merged.status().ToString());
  CHECK(merged.value().summary == "merged \"Trump\" (1 claim) into \"Donald Trump\"");
  CHECK(ClaimsOf(*ledger, "Donald Trump") == 3);
  CHECK(Selected(*ledger, "Trump") != "Trump");

  auto split = SplitAlias(*ledger, "Donald Trump", "Donald J. Trump", "", "");
  REQUIRE_MESSAGE(split.ok(), split.status().ToString());
  CHECK(ClaimsOf(*ledger, "Donald Trump") == 2);
  CHECK(Selected(*ledger, "Donald J. Trump") == "Donald J. Trump");

  auto renamed = RenameEntity(*ledger, "Hillary Clinton", "Hillary R. Clinton", "");
  REQUIRE_MESSAGE(renamed.ok(), renamed.status().ToString());
  CHECK(Selected(*ledger, "Hillary Clinton") == "Hillary R. Clinton");

  // Into another entity: the claims the articles gave "Trump" go to Eric.
  auto into = SplitAlias(*ledger, "Donald Trump", "Trump", "Eric Trump", "");
  REQUIRE_MESSAGE(into.ok(), into.status().ToString());
  CHECK(into.value().summary == "split \"Trump\" (1 claim) off \"Donald Trump\" into \"Eric Trump\"");
  CHECK(ClaimsOf(*ledger, "Eric Trump") == 2);
  CHECK(ClaimsOf(*ledger, "Donald Trump") == 1);
  REQUIRE(UndoDecision(*ledger, into.value().decision).ok());

  auto decisions = ListDecisions(*ledger);
  REQUIRE(decisions.ok());
  REQUIRE(decisions.value().size() == 4);
  CHECK(decisions.value()[0].action == "merge");
  CHECK(decisions.value()[0].note == "the articles mean Donald");
  CHECK(!decisions.value()[0].decided_at.empty());
  auto speakers = ListSpeakers(*ledger, {});
  REQUIRE(speakers.ok());
  REQUIRE(AddIdentity(*ledger, speakers.value()).ok());
  for (const SpeakerRow& r : speakers.value()) {
    CAPTURE(r.entity.name);
    bool touched = r.entity.name == "Donald Trump" || r.entity.name == "Donald J. Trump" ||
                   r.entity.name == "Hillary R. Clinton";
    CHECK(r.entity.curated == touched);
  }
}

TEST_CASE("decisions that do not fit are refused and change nothing") {
  TempDir dir;
  auto ledger = Open(dir.File("l.db"));
  IngestCampaign(*ledger);
  struct Case {
    const char* what;
    Result<CurationResult> (*run)(Ledger&);
    const char* message;
  };
  const Case cases[] = {
      {"merge with itself",
       [](Ledger& l) { return MergeEntities(l, "Donald Trump", "Donald J. Trump", ""); },
       "one entity already"},
      {"merge an unknown name", [](Ledger& l) { return MergeEntities(l, "Donald Trump", "Nobody", ""); },
       "Nobody"},
      {"split a name the entity lacks",
       [](Ledger& l) { return SplitAlias(l, "Donald Trump", "Eric Trump", "", ""); },
       "not a name or alias"},
      {"split the only name", [](Ledger& l) { return SplitAlias(l, "Eric Trump", "Eric Trump", "", ""); },
       "nothing to split"},
      {"rename to another's name",
       [](Ledger& l) { return RenameEntity(l, "Eric Trump", "Bill Clinton", ""); },
       "use `quoteledger entity merge`"},
  };
  for (const Case& c : cases) {
    std::string what = c.what;
    CAPTURE(what);
    Result<CurationResult> r = c.run(*ledger);
    REQUIRE(!r.ok());
    CHECK_MESSAGE(r.status().message().find(c.message) != std::string::npos, r.status().message());
  }
  CHECK(ListDecisions(*ledger).value().empty());
}

TEST_CASE("curation survives re-ingest with new rules and holds for the new claims") {
  TempDir dir;
  {
    auto ledger = Open(dir.File("l.db"));
    IngestCampaign(*ledger);
    REQUIRE(MergeEntities(*ledger, "Donald Trump", "Trump", "").ok());
    REQUIRE(SplitAlias(*ledger, "Hillary Clinton", "Hillary Rodham Clinton", "", "").ok());
    REQUIRE(RenameEntity(*ledger, "Bill Clinton", "William J. Clinton", "").ok());
  }
  auto ledger = Open(dir.File("l.db"), RulesB());
  IngestCampaign(*ledger);  // every article re-extracted: the claims are new rows
  CHECK(ledger->counts().documents_reextracted == 5);
  CHECK(ClaimsOf(*ledger, "Donald Trump") == 3);
  CHECK(Selected(*ledger, "Hillary Rodham Clinton") == "Hillary Rodham Clinton");
  CHECK(ClaimsOf(*ledger, "Hillary Rodham Clinton") == 1);
  CHECK(Selected(*ledger, "Bill Clinton") == "William J. Clinton");
  std::vector<DecisionRow> decisions = ListDecisions(*ledger).value();
  for (const DecisionRow& d : decisions) {
    CAPTURE(d.id);
    CHECK(d.applied);
  }
  // Reconciling again changes nothing.
  auto again = ledger->ReconcileIdentity();
  REQUIRE(again.ok());
  CHECK(again.value().names_moved == 0);
  CHECK(again.value().claims_moved == 0);
}

TEST_CASE("undo withdraws a decision; one that no longer fits is marked, not applied") {
  TempDir dir;
  auto ledger = Open(dir.File("l.db"));
  IngestCampaign(*ledger);
  auto merged = MergeEntities(*ledger, "Donald Trump", "Eric Trump", "a mistake");
  REQUIRE(merged.ok());
  CHECK(Selected(*ledger, "Eric Trump") == "Donald Trump");
  REQUIRE(UndoDecision(*ledger, merged.value().decision).ok());
  CHECK(Selected(*ledger, "Eric Trump") == "Eric Trump");
  CHECK(UndoDecision(*ledger, merged.value().decision).status().code() == StatusCode::kNotFound);

  REQUIRE(RenameEntity(*ledger, "Bill Clinton", "William Clinton", "").ok());
  Ingest(*ledger, "a7", {{"William Clinton", "m", {}}});  // now someone else's name
  auto decisions = ListDecisions(*ledger).value();
  REQUIRE(decisions.size() == 2);
  CHECK(!decisions[0].revoked_at.empty());
  CHECK(!decisions[1].applied);
  CHECK(decisions[1].outcome.find("another entity's name") != std::string::npos);
  CHECK(Selected(*ledger, "Bill Clinton") == "Bill Clinton");
}

}  // namespace
}  // namespace quoteledger
