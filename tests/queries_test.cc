// Tests of ledger/queries.h on a small hand-made ledger: speaker names and
// aliases, every claim filter, roles, speakers and finding documents.
#include "ledger/queries.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "ledger_fixtures.h"

namespace quoteledger {
namespace {

using testing::BridgeAttribution;
using testing::Find;
using testing::kBridgeArticle;
using testing::MakeDocument;
using testing::TempDir;

constexpr std::string_view kHarborArticle =
    "Officials said the harbor would close on Friday.\n"
    "\"The water is too high,\" Lima said.\n";

// Two articles: the bridge story (AP, 2024-08-18) and a harbor story
// (Reuters, 2024-09-02) quoting anonymous officials and Ana Lima again.
class Fixture {
 public:
  Fixture() {
    auto ledger = Ledger::Open(dir_.File("q.db"), Ledger::OpenMode::kCreate);
    REQUIRE(ledger.ok());
    ledger_ = std::move(ledger).value();
    ledger_->SetRun({"0.1.0", std::string(64, 'a'), "{}"});
    DocumentMeta bridge{"b-1", "https://example.com/bridge", "Bridge to reopen", "AP", "2024-08-18", "", ""};
    REQUIRE(ledger_->Accept(MakeDocument(kBridgeArticle, bridge, "bridge.txt"),
                            BridgeAttribution()).ok());
    DocumentMeta harbor{"h-1", "", "Harbor closes", "Reuters", "2024-09-02T08:00:00Z", "", ""};
    REQUIRE(ledger_->Accept(MakeDocument(kHarborArticle, harbor, "news/harbor.txt"),
                            HarborAttribution()).ok());
    REQUIRE(ledger_->FinishRun().ok());
  }
  Ledger& ledger() { return *ledger_; }

 private:
  static Attribution HarborAttribution() {
    std::string_view t = kHarborArticle;
    Attribution a;
    a.claims.push_back(testing::MakeClaim(t, "Officials", ClaimKind::kIndirect,
                                          {"the harbor would close on Friday"}, "Officials", "said",
                                          "Officials", EntityKind::kAnonymous, "", "speaker-cue-clause"));
    a.claims.push_back(testing::MakeClaim(t, "\"The", ClaimKind::kDirect,
                                          {"\"The water is too high,\""}, "Lima", "said", "Ana Lima",
                                          EntityKind::kPerson, "", "quote-speaker-cue"));
    a.entities.push_back({"Ana Lima", EntityKind::kPerson, "f", {"Lima", "Mayor Lima"}, {}});
    return a;
  }
  TempDir dir_;
  std::unique_ptr<Ledger> ledger_;
};

std::vector<std::string> Texts(const Result<std::vector<ClaimRow>>& rows) {
  REQUIRE_MESSAGE(rows.ok(), rows.status().ToString());
  std::vector<std::string> out;
  for (const ClaimRow& r : rows.value()) out.push_back(r.text);
  return out;
}

TEST_CASE("speaker names match canonical names and aliases, ignoring case") {
  Fixture f;
  struct Case {
    const char* name;
    const char* expected;  // "" when nothing should match
  };
  const Case cases[] = {
      {"Ana Lima", "Ana Lima"}, {"ana lima", "Ana Lima"},   {"Lima", "Ana Lima"},
      {"LIMA", "Ana Lima"},     {"Mayor Lima", "Ana Lima"}, {"Reyes", "Tom Reyes"},
      {"Tom", "Tom Reyes"},     {"Lim", ""},                {"%", ""},
      {"official", "A city official"},  // a whole word of the name
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto entities = MatchEntities(f.ledger(), c.name);
    REQUIRE(entities.ok());
    if (*c.expected == '\0') {
      CHECK(entities.value().empty());
    } else {
      REQUIRE(entities.value().size() == 1);
      CHECK(entities.value()[0].name == c.expected);
    }
  }
}

TEST_CASE("claim filters") {
  Fixture f;
  struct Case {
    const char* what;
    ClaimFilter filter;
    std::vector<std::string> texts;
  };
  auto filter = [](auto set) {
    ClaimFilter c;
    set(c);
    return c;
  };
  const std::string quote = "\"We are not giving up,\" … \"Not now.\"";
  const Case cases[] = {
      {"all", {}, {"the bridge would reopen in May", quote, "the repairs cost more than planned",
                   "the city would audit the contract <fully>", "the harbor would close on Friday",
                   "\"The water is too high,\""}},
      {"speaker by alias", filter([](ClaimFilter& c) { c.speaker = "lima"; }),
       {"the bridge would reopen in May", quote, "\"The water is too high,\""}},
      {"unknown speaker", filter([](ClaimFilter& c) { c.speaker = "Nobody"; }), {}},
      {"kind", filter([](ClaimFilter& c) { c.kind = "direct"; }),
       {quote, "\"The water is too high,\""}},
      {"since a month", filter([](ClaimFilter& c) { c.since = "2024-09"; }),
       {"the harbor would close on Friday", "\"The water is too high,\""}},
      {"until a day, inclusive", filter([](ClaimFilter& c) { c.until = "2024-09-02"; }),
       {"the bridge would reopen in May", quote, "the repairs cost more than planned",
        "the city would audit the contract <fully>", "the harbor would close on Friday",
        "\"The water is too high,\""}},
      {"until the day before", filter([](ClaimFilter& c) { c.until = "2024-09-01"; }),
       {"the bridge would reopen in May", quote, "the repairs cost more than planned",
        "the city would audit the contract <fully>"}},
      {"publisher, any case", filter([](ClaimFilter& c) { c.publisher = "reuters"; }),
       {"the harbor would close on Friday", "\"The water is too high,\""}},
      {"anonymous", filter([](ClaimFilter& c) { c.anonymous = true; }),
       {"the repairs cost more than planned", "the harbor would close on Friday"}},
      {"phrase", filter([](ClaimFilter& c) { c.phrase = "giving up"; }), {quote}},
      {"phrase with quotes", filter([](ClaimFilter& c) { c.phrase = "\"not now\""; }), {quote}},
      {"phrase and speaker", filter([](ClaimFilter& c) {
         c.phrase = "would";
         c.speaker = "Reyes";
       }),
       {"the city would audit the contract <fully>"}},
      {"limit", filter([](ClaimFilter& c) { c.limit = 1; }), {"the bridge would reopen in May"}},
      {"min confidence", filter([](ClaimFilter& c) { c.min_confidence = 0.9; }),
       {quote, "\"The water is too high,\""}},
      {"min confidence, inclusive", filter([](ClaimFilter& c) { c.min_confidence = 0.75; }),
       {"the bridge would reopen in May", quote, "the repairs cost more than planned",
        "the city would audit the contract <fully>", "the harbor would close on Friday",
        "\"The water is too high,\""}},
      {"FTS query over the speaker column", filter([](ClaimFilter& c) {
         c.phrase = "speaker:reyes OR harb*";
         c.fts_query = true;
       }),
       {"the city would audit the contract <fully>", "the harbor would close on Friday"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CHECK(Texts(FindClaims(f.ledger(), c.filter)) == c.texts);
  }
}

TEST_CASE("a phrase search marks the matched words and rejects punctuation alone") {
  Fixture f;
  ClaimFilter filter;
  filter.phrase = "giving up";
  auto rows = FindClaims(f.ledger(), filter);
  REQUIRE(rows.ok());
  REQUIRE(rows.value().size() == 1);
  CHECK(rows.value()[0].highlight.find("\x02giving up\x03") != std::string::npos);
  filter.phrase = "\"--\"";
  CHECK(FindClaims(f.ledger(), filter).status().code() == StatusCode::kInvalidArgument);
  filter.phrase = "speaker:(reyes";
  filter.fts_query = true;
  CHECK(FindClaims(f.ledger(), filter).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("roles come with the article and bytes that state them") {
  Fixture f;
  auto roles = FindRoles(f.ledger(), "Reyes", false);
  REQUIRE(roles.ok());
  REQUIRE(roles.value().size() == 1);
  const RoleRow& r = roles.value()[0];
  CHECK(r.person == "Tom Reyes");
  CHECK(RoleLabel(r.title, r.affiliation) == "Council member (City)");
  CHECK(r.doc.name == "bridge.txt");
  CHECK(r.evidence == Find(kBridgeArticle, "Council member Tom Reyes"));
  CHECK(r.evidence_text == "Council member Tom Reyes");
  CHECK(FindRoles(f.ledger(), "Nobody", false).value().empty());
}

TEST_CASE("speakers are listed most quoted first, with first and last seen") {
  Fixture f;
  auto speakers = ListSpeakers(f.ledger(), {});
  REQUIRE(speakers.ok());
  REQUIRE(speakers.value().size() == 4);
  const SpeakerRow& lima = speakers.value()[0];
  CHECK(lima.entity.name == "Ana Lima");
  CHECK(lima.claims == 3);
  CHECK(lima.documents == 2);
  CHECK(lima.first_seen == "2024-08-18");
  CHECK(lima.last_seen == "2024-09-02");  // the day of published_at, as written
  CHECK(lima.kinds == KindCounts{2, 0, 0, 1, 0, 0});  // direct ... according_to, stance
  CHECK(lima.roles == std::vector<std::string>{"Mayor"});
  CHECK(lima.entity.aliases == std::vector<std::string>{"Lima", "Mayor Lima"});
  SpeakerFilter anonymous;
  anonymous.kind = "anonymous";
  CHECK(ListSpeakers(f.ledger(), anonymous).value().size() == 2);
  // Only Lima's two direct quotes (0.95) pass 0.9; the indirect claims (0.75) do not.
  SpeakerFilter confident;
  confident.min_confidence = 0.9;
  auto sure = ListSpeakers(f.ledger(), confident);
  REQUIRE(sure.ok());
  REQUIRE(sure.value().size() == 1);
  CHECK(sure.value()[0].claims == 2);
  CHECK(sure.value()[0].kinds == KindCounts{2, 0, 0, 0, 0});
}

TEST_CASE("an article whose date is unknown sorts last and passes no date bound") {
  TempDir dir;
  auto opened = Ledger::Open(dir.File("u.db"), Ledger::OpenMode::kCreate);
  REQUIRE(opened.ok());
  Ledger& ledger = *opened.value();
  ledger.SetRun({"0.1.0", std::string(64, 'a'), "{}"});
  DocumentMeta filed;
  filed.file = "wire_2016-10-03_harbor.txt";
  // The undated one goes in first, so only its date can put it last.
  REQUIRE(ledger.Accept(MakeDocument(kBridgeArticle, {}, "undated.txt"), BridgeAttribution()).ok());
  std::string harbor = "Harbor\n\nOfficials said the harbor would close.\n";
  Attribution a;
  a.claims.push_back(testing::MakeClaim(harbor, "Officials", ClaimKind::kIndirect,
                                        {"the harbor would close"}, "Officials", "said",
                                        "Officials", EntityKind::kAnonymous, "", "speaker-cue-clause"));
  REQUIRE(ledger.Accept(MakeDocument(harbor, filed, filed.file), a).ok());
  REQUIRE(ledger.FinishRun().ok());
  auto all = FindClaims(ledger, {});
  REQUIRE(all.ok());
  REQUIRE(all.value().size() == 5);
  CHECK(all.value()[0].doc.date == "2016-10-03");
  CHECK(all.value()[0].doc.date_source == "file_name");
  CHECK(all.value()[4].doc.date.empty());
  CHECK(all.value()[4].doc.date_source.empty());
  ClaimFilter since;
  since.since = "1900";
  CHECK(Texts(FindClaims(ledger, since)) == std::vector<std::string>{"the harbor would close"});
  ClaimFilter until;
  until.until = "2100";
  CHECK(Texts(FindClaims(ledger, until)) == std::vector<std::string>{"the harbor would close"});
  auto speakers = ListSpeakers(ledger, {});
  REQUIRE(speakers.ok());
  for (const SpeakerRow& r : speakers.value()) {
    CAPTURE(r.entity.name);
    CHECK(r.first_seen == (r.entity.name == "Officials" ? "2016-10-03" : ""));
  }
}

TEST_CASE("documents are found by what a person would type") {
  Fixture f;
  std::string sha = MakeDocument(kBridgeArticle).Sha256();
  struct Case {
    std::string key;
    size_t found;
  };
  const Case cases[] = {
      {sha, 1},         {sha.substr(0, 8), 1}, {"bridge.txt", 1}, {"harbor.txt", 1},
      {"b-1", 1},       {"https://example.com/bridge", 1},        {"nothing", 0},
      {"news/harbor.txt", 1},                  {"%", 0},          {"0", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.key);
    auto docs = FindDocuments(f.ledger(), c.key);
    REQUIRE(docs.ok());
    CHECK(docs.value().size() == c.found);
  }
  CHECK(FindDocument(f.ledger(), "nothing").status().code() == StatusCode::kNotFound);
  auto text = DocumentText(f.ledger(), FindDocument(f.ledger(), "b-1").value().id);
  REQUIRE(text.ok());
  CHECK(text.value() == kBridgeArticle);
}

}  // namespace
}  // namespace quoteledger
