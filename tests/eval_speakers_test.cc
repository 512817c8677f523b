// Unit tests of speaker identity in src/eval: the speakers/NAME.tsv reader,
// ScoreSpeakers' counts on a tiny gold folder, the classes of wrong
// speakers, and the speakers.py layout of the figures. The name comparison
// itself is tabled in eval_test.cc; agreement with speakers.py on PolNeAR
// dev in eval_agreement_test.cc.
#include "eval/speaker_scorer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/gold.h"
#include "eval/predictions.h"
#include "eval/speaker_gold.h"
#include "eval/speaker_report.h"
#include "eval_test_util.h"

namespace quoteledger {
namespace {

// “We won,” Ann said. Officials said it was late. Characters (bytes): the
// quote 0-9 (0-13), Ann 10-13 (14-17), Officials 20-29 (24-33), it was
// late 35-46 (39-50).
const char kText[] = "\u201cWe won,\u201d Ann said. Officials said it was late.\n";
const char kAnn[] =
    "T1\tSource 10 13\tAnn\nT2\tCue 14 18\tsaid\nT3\tContent 0 9\tq\n"
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    "T4\tSource 20 29\tOfficials\nT5\tCue 30 34\tsaid\nT6\tContent 35 46\tq\n"
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n";
const char kSpeakersTsv[] =
    "tid\tstart\tend\tsource\tcanonical\tcontext\n"
    "T1\t10\t13\tAnn\tAnn Lee\t[[Ann]] said\n"
    "T4\t20\t29\tOfficials\t-\t[[Officials]] said\n";

struct Tiny {
  TempDir dir;
  GoldCorpus gold;
  SpeakerGold speakers;
};

void Load(Tiny* t) {
  t->dir.Write("text/doc.txt", kText);
  t->dir.Write("attributions/doc_A.ann", kAnn);
  t->dir.Write("speakers/doc.tsv", kSpeakersTsv);
  Result<GoldCorpus> gold = LoadGold(t->dir.path());
  REQUIRE(gold.ok());
  t->gold = std::move(gold).value();
  Result<SpeakerGold> speakers = LoadSpeakerGold(t->dir / "speakers");
  REQUIRE(speakers.ok());
  t->speakers = std::move(speakers).value();
}

// Predictions for the quote (speaker `quote_speaker`), the indirect claim
// (speaker Ann, a person) and a spurious claim on "Officials" (a PERSON).
SpeakerEval ScoreWith(const Tiny& t, const std::string& quote_speaker) {
  nlohmann::json claims = {
      {{"content", {{0, 13}}}, {"speaker", quote_speaker}, {"speaker_kind", "person"}},
      {{"content", {{39, 50}}}, {"speaker", "Ann"}, {"speaker_kind", "person"}},
      {{"content", {{24, 33}}}, {"speaker", "Bob"}, {"speaker_kind", "PERSON"}}};
  std::string jsonl = nlohmann::json{{"doc", "doc.txt"}, {"claims", claims}}.dump();
  Result<Predictions> preds = ParsePredictions(jsonl, "p", t.gold);
  REQUIRE(preds.ok());
  return ScoreSpeakers(t.gold, preds.value(), t.speakers);
}

TEST_SUITE("eval") {

TEST_CASE("ParseSpeakerTsv reads speakers.py's columns") {
  Result<std::map<int64_t, std::string>> rows = ParseSpeakerTsv(
      "tid\tstart\tend\tsource\tcanonical\tcontext\r\n"
      "T1\t10\t13\tAnn\t Ann Lee \tctx\r\n"  // CRLF, and a padded name
      "T2\t20\t29\tOfficials\t\tctx\n"        // blank: unnamed
      "T3\t 40 \t45\the\tBob\n"               // five columns are enough
      "T4\t50\n"                              // too few: skipped
      "T5\t40\t45\the\tBob Ray\tctx",         // the same start: the later row wins
      "doc.tsv");
  REQUIRE(rows.ok());
  CHECK(rows.value() == std::map<int64_t, std::string>{
                            {10, "Ann Lee"}, {20, "-"}, {40, "Bob Ray"}});
  Result<std::map<int64_t, std::string>> bad =
      ParseSpeakerTsv("header\nT1\tten\t13\tAnn\tAnn Lee\n", "doc.tsv");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kCorruption);
  CHECK(bad.status().message().starts_with("doc.tsv:2: the start column \"ten\""));
}

TEST_CASE("LoadSpeakerGold: a split without speakers/ is NotFound, not an error") {
  Tiny t;
  Load(&t);
  CHECK(t.speakers.by_article.size() == 1);
  CHECK(t.speakers.CanonicalOf("doc", t.gold.articles[0].claims[0]) == "Ann Lee");
  CHECK(t.speakers.CanonicalOf("doc", t.gold.articles[0].claims[1]) == "-");
  CHECK(t.speakers.CanonicalOf("other", t.gold.articles[0].claims[0]) == "-");
  CHECK(LoadSpeakerGold(t.dir / "nope").status().code() == StatusCode::kNotFound);
}

TEST_CASE("ScoreSpeakers counts as speakers.py does") {
  Tiny t;
  Load(&t);
  struct Case {
    const char* quote_speaker;
    int strict, lenient, pronoun_left;
    double p, r;
    std::vector<SpeakerMissClass> misses;
  };
  using C = SpeakerMissClass;
  const Case cases[] = {
      {"Ms. Ann Lee", 1, 1, 0, 1.0 / 3, 1.0, {C::kUnnamedGivenName}},
      {"Lee", 0, 1, 0, 0, 0, {C::kSurnameOnly, C::kUnnamedGivenName}},
      {"Ann", 0, 0, 0, 0, 0, {C::kFirstNameOnly, C::kUnnamedGivenName}},
      {"she", 0, 0, 1, 0, 0, {C::kPronounLeft, C::kUnnamedGivenName}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.quote_speaker);
    SpeakerEval e = ScoreWith(t, c.quote_speaker);
    const SpeakerScores& s = e.scores;
    CHECK(s.gold_named == 1);
    CHECK(s.found_named == 1);
    CHECK(s.strict == c.strict);
    CHECK(s.lenient == c.lenient);
    CHECK(s.pronoun_left == c.pronoun_left);
    CHECK(s.found_unnamed == 1);
    CHECK(s.unnamed_given_name == 1);
    CHECK(s.pred_named == 3);  // the spurious claim counts; "PERSON" read as person
    CHECK(s.identity_strict == c.strict);
    CHECK(s.who_said_what_p == doctest::Approx(c.p));
    CHECK(s.who_said_what_r == c.r);
    std::vector<SpeakerMissClass> got;
    for (const SpeakerMiss& m : e.misses) got.push_back(m.kind);
    CHECK(got == c.misses);
  }
}

TEST_CASE("wrong speakers are classified by what went wrong") {
  struct Case {
    const char* pred;
    const char* kind;
    const char* gold;
    const char* want;  // nullptr: strictly right
  };
  const Case cases[] = {
      {"President Donald Trump", "person", "Donald Trump", nullptr},
      {"he", "person", "Donald Trump", "pronoun_left"},
      {"", "unknown", "Donald Trump", "pronoun_left"},
      {"Trump", "person", "Donald Trump", "surname_only"},
      {"Donald John Trump", "person", "Donald Trump", "name_variant"},
      {"Hillary", "person", "Hillary Clinton", "first_name_only"},
      {"Ted CruzSaid", "person", "Ted Cruz", "glued_words"},
      {"Trump Tower", "organization", "Trump", "glued_words"},  // not "Trump" + a surname
      {"Clinton Foundation", "organization", "Hillary Clinton", "wrong_person"},
      {"Donald Trump Jr.", "person", "Donald Trump", "glued_words"},
      {"the campaign", "group", "Hillary Clinton", "description_left"},
      {"Mike Pence", "person", "Donald Trump", "wrong_person"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pred);
    std::optional<SpeakerMissClass> got = ClassifyNamedSpeaker(c.pred, c.kind, c.gold);
    CHECK((got ? SpeakerMissClassName(*got) : "(right)") ==
          std::string(c.want ? c.want : "(right)"));
  }
  for (SpeakerMissClass c : kSpeakerMissClasses) {
    CHECK(ParseSpeakerMissClass(SpeakerMissClassName(c)) == c);
  }
  CHECK_FALSE(ParseSpeakerMissClass("spurious"));
}

TEST_CASE("speaker figures keep speakers.py's layout; wrong speakers name both sides") {
  Tiny t;
  Load(&t);
  SpeakerEval e = ScoreWith(t, "Lee");
  CHECK(SpeakerScoresToText(e.scores) ==
        "named gold claims 1, found 1\n"
        "speaker identity on found claims: strict 0.000, lenient 1.000\n"
        "who-said-what (found, fully named, right): P 0.000 R 0.000 F1 0.000\n"
        "named gold, speaker left a pronoun or empty: 0; unnamed gold given a named "
        "speaker: 1 of 1\n");
  CHECK(SpeakerScoresToJson(e.scores, 0) ==
        "{\n \"found_named\": 1,\n \"found_unnamed\": 1,\n \"gold_named\": 1,\n"
        " \"identity_lenient\": 1.0,\n \"identity_strict\": 0.0,\n \"pred_named\": 3,\n"
        " \"pronoun_left\": 0,\n \"unnamed_given_name\": 1,\n \"who_said_what_f1\": 0.0,\n"
        " \"who_said_what_p\": 0.0,\n \"who_said_what_r\": 0.0\n}");
  REQUIRE(e.misses.size() == 2);
  std::string block = SpeakerMissToText(e.misses[0]);
  CHECK(block.starts_with("surname_only  doc  bytes [0,13)\n"));
  CHECK(block.find("    gold source   [14,17)      \"Ann\"\n") != std::string::npos);
  CHECK(block.find("    gold speaker  Ann Lee\n") != std::string::npos);
  CHECK(block.find("    pred speaker  Lee  (kind person)\n") != std::string::npos);
  nlohmann::json j = SpeakerMissToJson(e.misses[1]);
  CHECK(j["class"] == "unnamed_given_name");
  CHECK(j["gold"]["canonical"] == "-");
  CHECK(j["gold"]["source_text"] == "Officials");
  CHECK(j["pred"]["speaker"] == "Ann");
  CHECK(j["content"] == nlohmann::json::parse("[[39, 50]]"));
  std::string counts = SpeakerMissCountsToText(CountSpeakerMisses(e.misses));
  CHECK(counts.find("  surname_only           1  ") != std::string::npos);
}

}  // TEST_SUITE("eval")

}  // namespace
}  // namespace quoteledger
