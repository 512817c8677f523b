// The reference check for `quoteledger eval`: on PolNeAR dev, with the same
// predictions, it must print what ../shared/eval/score.py prints followed by
// what ../shared/eval/speakers.py prints. Three prediction files are scored
// by all three: extract's output, the gold itself, and a seeded mess made
// from the gold (shifted and split spans, wrong sources, duplicates, offsets
// inside characters, every span shape score.py accepts, speaker names
// spelled every way speakers.py compares) that exercises the quirks. The
// running extractor (eval without --pred) is checked against the scripts on
// extract's output.
//
// Needs $QUOTELEDGER_SHARED (the shared folder), $QUOTELEDGER_BIN (the
// built binary) and python3; skips, passing, when the shared folder is not
// there.
#include "eval/eval_report.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "eval/eval_text.h"
#include "eval/gold.h"
#include "eval/misses.h"
#include "eval/name_fold.h"
#include "eval/predictions.h"
#include "eval/scorer.h"
#include "eval/speaker_gold.h"
#include "eval/speaker_names.h"
#include "eval/speaker_scorer.h"
#include "eval_test_util.h"
#include "quoteledger/document.h"

namespace quoteledger {
namespace {

using nlohmann::json;

struct Setup {
  std::string dev;     // SHARED/polnear/dev
  std::string score;   // SHARED/eval/score.py
  std::string speakers;  // SHARED/eval/speakers.py
  std::string bin;     // the quoteledger binary
  std::string python;  // python3
};

// Empty dev when the test cannot run here.
Setup FindSetup() {
  Setup s;
  const char* shared = std::getenv("QUOTELEDGER_SHARED");
  const char* bin = std::getenv("QUOTELEDGER_BIN");
  const char* python = std::getenv("QUOTELEDGER_PYTHON");
  std::error_code ec;
  if (shared == nullptr || bin == nullptr ||
      !std::filesystem::is_directory(std::string(shared) + "/polnear/dev", ec) ||
      !std::filesystem::exists(std::string(shared) + "/eval/score.py", ec) ||
      !std::filesystem::exists(std::string(shared) + "/eval/speakers.py", ec) ||
      !std::filesystem::is_directory(std::string(shared) + "/polnear/dev/speakers", ec)) {
    return s;
  }
  s.dev = std::string(shared) + "/polnear/dev";
  s.score = std::string(shared) + "/eval/score.py";
  s.speakers = std::string(shared) + "/eval/speakers.py";
  s.bin = bin;
  s.python = python && *python ? python : "python3";
  return s;
}

void Skip() {
  const char* shared = std::getenv("QUOTELEDGER_SHARED");
  std::string message =
      "skipped: no polnear/dev(/speakers), eval/score.py and eval/speakers.py under "
      "QUOTELEDGER_SHARED=" +
                        std::string(shared ? shared : "(unset)") + ", or QUOTELEDGER_BIN unset";
  MESSAGE(message);
  eval_test_skipped = true;
}

// Runs one of the scripts (score.py or speakers.py) on `pred`; `flags` are
// added to its command line ("--json", "--errors").
std::string RunPy(const Setup& s, const std::string& script, const std::string& pred,
                  const std::string& flags) {
  std::string out;
  int rc = RunCapture(fmt::format("{} {} --gold {} --pred {} {}", ShellQuote(s.python),
                                  ShellQuote(script), ShellQuote(s.dev), ShellQuote(pred), flags),
                      &out);
  REQUIRE(rc == 0);
  return out;
}

std::string ScorePy(const Setup& s, const std::string& pred, bool as_json) {
  return RunPy(s, s.score, pred, as_json ? "--json" : "");
}

std::string SpeakersPy(const Setup& s, const std::string& pred, bool as_json) {
  return RunPy(s, s.speakers, pred, as_json ? "--json" : "");
}

// eval's JSON: score.py's object with speakers.py's as one more member,
// "speakers", which sorts last, nested one level in. Both arguments end in
// a newline, as print() leaves them.
std::string ScoreAndSpeakersJson(const std::string& score_json,
                                 const std::string& speakers_json) {
  std::string nested;
  for (char c : speakers_json.substr(0, speakers_json.size() - 1)) {
    nested += c;
    if (c == '\n') nested += ' ';
  }
  REQUIRE(score_json.ends_with("\n}\n"));
  return score_json.substr(0, score_json.size() - 3) + ",\n \"speakers\": " + nested + "\n}\n";
}

std::string Eval(const Setup& s, const std::string& args) {
  std::string out;
  int rc = RunCapture(
      fmt::format("{} eval --gold {} {}", ShellQuote(s.bin), ShellQuote(s.dev), args), &out);
  REQUIRE(rc == 0);
  return out;
}

// Every number in `want` (score.py) equals the one at the same place in
// `got` when printed with three decimals; integers exactly.
void CheckAgree(const json& want, const json& got, const std::string& path) {
  if (want.is_object()) {
    REQUIRE(got.is_object());
    CHECK_MESSAGE(want.size() == got.size(), path);
    for (const auto& [key, value] : want.items()) {
      std::string where = path + "/" + key;
      REQUIRE_MESSAGE(got.contains(key), where);
      CheckAgree(value, got[key], where);
    }
    return;
  }
  if (want.is_number_integer()) {
    CHECK_MESSAGE(got == want, path);
    return;
  }
  REQUIRE_MESSAGE(got.is_number(), path);
  CHECK_MESSAGE(fmt::format("{:.3f}", want.get<double>()) ==
                    fmt::format("{:.3f}", got.get<double>()),
                path);
}

// The two scripts and `quoteledger eval --pred` on one prediction file:
// every figure agrees to three decimals, and the JSON is in fact
// byte-identical. Returns {score.py's JSON, speakers.py's JSON}.
std::pair<std::string, std::string> CheckSameFigures(const Setup& s, const std::string& pred) {
  CAPTURE(pred);
  std::string py_json = ScorePy(s, pred, true);
  std::string speakers_json = SpeakersPy(s, pred, true);
  std::string ql_json = Eval(s, "--format json --pred " + ShellQuote(pred));
  json got = json::parse(ql_json);
  CheckAgree(json::parse(speakers_json), got["speakers"], "speakers");
  got.erase("speakers");
  CheckAgree(json::parse(py_json), got, "");
  CHECK(ql_json == ScoreAndSpeakersJson(py_json, speakers_json));
  return {py_json, speakers_json};
}

// A small deterministic generator (a 64-bit LCG), the same on every
// standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint32_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33);
  }
  int Below(int n) { return n > 0 ? static_cast<int>(Next() % static_cast<uint32_t>(n)) : 0; }
  bool Percent(int p) { return Below(100) < p; }
  int Around(int spread) { return Below(2 * spread + 1) - spread; }

 private:
  uint64_t state_;
};

using ByteSpans = std::vector<std::pair<json, json>>;

ByteSpans Bytes(const EvalText& text, const CharSet& set) {
  ByteSpans out;
  for (const CharInterval& iv : set.intervals()) {
    out.emplace_back(text.CharToByte(iv.begin), text.CharToByte(iv.end));
  }
  return out;
}

// One of the span shapes score.py reads, chosen at random.
json SpanShape(const ByteSpans& spans, Rng& rng) {
  if (spans.empty()) return rng.Percent(50) ? json() : json::array();
  bool ints = spans[0].first.is_number_integer() && spans[0].second.is_number_integer();
  int shape = rng.Below(4);
  if (spans.size() == 1 && shape == 0 && ints) return {spans[0].first, spans[0].second};
  if (spans.size() == 1 && shape == 1) {
    return {{"start", spans[0].first}, {"end", spans[0].second}};
  }
  json out = json::array();
  for (const auto& [b, e] : spans) {
    if (shape == 2) {
      out.push_back({{"start", b}, {"end", e}});
    } else {
      out.push_back(json::array({b, e}));
    }
  }
  return out;
}

// A character range moved by up to `spread` characters at each end.
CharSet Shifted(const EvalText& text, const CharSet& set, int spread, Rng& rng) {
  if (set.empty()) return set;
  int64_t b = std::clamp<int64_t>(set.min() + rng.Around(spread), 0, text.size());
  int64_t e = std::clamp<int64_t>(set.max_end() + rng.Around(spread), 0, text.size());
  return CharSet::Of(b, e);
}

// Byte spans with the odd offsets score.py must count as bad or accept.
ByteSpans Oddities(const ByteSpans& spans, Rng& rng) {
  ByteSpans out = spans;
  if (out.empty()) return out;
  switch (rng.Below(6)) {
    case 0: out[0].first = out[0].first.get<int64_t>() + 1; break;  // maybe inside a char
    case 1: std::swap(out[0].first, out[0].second); break;           // reversed
    case 2: out[0].first = static_cast<double>(out[0].first.get<int64_t>()); break;
    case 3: out[0].second = out[0].second.get<int64_t>() + 0.5; break;
    case 4: out[0].first = -out[0].first.get<int64_t>() - 1; break;
    default: out[0].second = out[0].second.get<int64_t>() + 100000; break;
  }
  return out;
}

json MessyClaim(const EvalArticle& a, const EvalClaim& g, const EvalClaim& other, Rng& rng) {
  const EvalText& t = a.text;
  CharSet content = rng.Percent(50) ? Shifted(t, g.content, 25, rng) : g.content;
  if (rng.Percent(10) && content.size() > 10) {  // split by a gap
    int64_t cut = content.min() + content.size() / 2;
    CharSet split = CharSet::Of(content.min(), cut - 2);
    split.AddRange(cut + 2, content.max_end());
    content = split;
  }
  CharSet source = rng.Percent(15) ? CharSet() : rng.Percent(20) ? other.source : g.source;
  if (rng.Percent(10)) source = Shifted(t, source, 8, rng);
  CharSet cue = rng.Percent(20) ? CharSet() : Shifted(t, g.cue, rng.Percent(20) ? 6 : 0, rng);
  ByteSpans content_bytes = Bytes(t, content);
  if (rng.Percent(8)) content_bytes = Oddities(content_bytes, rng);
  ByteSpans source_bytes = Bytes(t, source);
  if (rng.Percent(5)) source_bytes = Oddities(source_bytes, rng);
  json c = {{"content", SpanShape(content_bytes, rng)}, {"kind", "x"}};
  if (!source_bytes.empty() || rng.Percent(50)) c["source"] = SpanShape(source_bytes, rng);
  if (!cue.empty() || rng.Percent(50)) c["cue"] = SpanShape(Bytes(t, cue), rng);
  return c;
}

// speaker_kind as written by extract, by other tools, or not at all.
json MessyKind(Rng& rng) {
  const char* kinds[] = {"person", "person", "organization", "ORG", "Person", "group",
                         "anonymous", "unknown", ""};
  return rng.Percent(10) ? json() : json(kinds[rng.Below(9)]);
}

// A speaker for a claim whose gold speaker is `canonical`, spelled one of
// the ways speakers.py must see through (titles, possessives, party tags,
// curly apostrophes, case) or must not (surname or first name alone, a
// middle name, "Jr.", a pronoun, someone else).
json MessySpeaker(const std::string& canonical, const std::string& other, Rng& rng) {
  std::string first = canonical.substr(0, canonical.find(" + "));
  std::string last = first.substr(first.rfind(' ') + 1);
  std::string given = first.substr(0, first.find(' '));
  const std::string forms[] = {canonical, first, "President " + first, "Mr. " + last + "'s",
                               last, first + " (R-Texas)", "he", "", other,
                               "THE " + first + "\u2019s", first + " Jr.",
                               "Sen. " + given.substr(0, 1) + ". " + last, given,
                               given + " Quincy " + last};
  return rng.Percent(5) ? json() : json(forms[rng.Below(14)]);
}

json Spurious(const EvalArticle& a, Rng& rng) {
  int64_t b = rng.Below(static_cast<int>(a.text.size()));
  int64_t e = std::min<int64_t>(a.text.size(), b + 1 + rng.Below(200));
  return {{"content", json::array({json::array({a.text.CharToByte(b), a.text.CharToByte(e)})})},
          {"source", SpanShape(Bytes(a.text, CharSet::Of(b, b + 3)), rng)},
          {"speaker", "Someone Else"},
          {"speaker_kind", MessyKind(rng)}};
}

json MessyClaims(const EvalArticle& a, const SpeakerGold& speakers, Rng& rng) {
  json claims = json::array();
  for (size_t i = 0; i < a.claims.size(); ++i) {
    if (rng.Percent(25)) continue;
    const EvalClaim& other = a.claims[static_cast<size_t>(rng.Below(static_cast<int>(a.claims.size())))];
    json c = MessyClaim(a, a.claims[i], other, rng);
    c["speaker"] = MessySpeaker(speakers.CanonicalOf(a.name, a.claims[i]),
                                speakers.CanonicalOf(a.name, other), rng);
    c["speaker_kind"] = MessyKind(rng);
    claims.push_back(c);
    if (rng.Percent(5)) claims.push_back(c);  // an exact duplicate
  }
  for (int k = rng.Below(4); k > 0; --k) claims.push_back(Spurious(a, rng));
  if (rng.Percent(30)) std::reverse(claims.begin(), claims.end());
  return claims;
}

// The doc field in one of the forms score.py matches by basename.
json DocRecord(const EvalArticle& a, Rng& rng) {
  const char* forms[] = {"{}", "{}.txt", "some/dir/text/{}.txt"};
  std::string doc = fmt::format(fmt::runtime(forms[rng.Below(3)]), a.name);
  return rng.Percent(15) ? json{{"path", doc}} : json{{"doc", doc}};
}

std::string MessyPredictions(const GoldCorpus& gold, const SpeakerGold& speakers,
                             uint64_t seed) {
  Rng rng(seed);
  std::string out = "{\"doc\": \"not_in_gold.txt\", \"claims\": [{\"content\": [0, 5]}]}\n\n";
  for (const EvalArticle& a : gold.articles) {
    if (rng.Percent(8)) continue;  // no line at all
    json claims = MessyClaims(a, speakers, rng);
    json record = DocRecord(a, rng);
    if (rng.Percent(10) && claims.size() > 1) {  // the article on two lines
      json first = record, rest = record;
      first["claims"] = json(claims.begin(), claims.begin() + 1);
      rest["claims"] = json(claims.begin() + 1, claims.end());
      out += first.dump() + "\n" + rest.dump() + "\n";
      continue;
    }
    record["claims"] = claims;
    out += record.dump() + "\n";
  }
  return out;
}

// The gold claims with their canonical speakers, named ones as persons.
std::string GoldPredictions(const GoldCorpus& gold, const SpeakerGold& speakers) {
  std::string out;
  for (const EvalArticle& a : gold.articles) {
    json claims = json::array();
    for (const EvalClaim& c : a.claims) {
      auto spans = [&](const CharSet& set) {
        json j = json::array();
        for (const auto& [b, e] : Bytes(a.text, set)) j.push_back({b, e});
        return j;
      };
      // The first of several speakers: "A + B" as a whole names neither.
      const std::string& canonical = speakers.CanonicalOf(a.name, c);
      bool named = canonical != "-";
      std::string first = canonical.substr(0, canonical.find(" + "));
      claims.push_back({{"content", spans(c.content)}, {"source", spans(c.source)},
                        {"cue", spans(c.cue)}, {"speaker", named ? first : "officials"},
                        {"speaker_kind", named ? "person" : "group"}});
    }
    out += json{{"doc", a.name + ".txt"}, {"claims", claims}}.dump() + "\n";
  }
  return out;
}

// Names built from pieces that exercise every step of tokens(): titles,
// party tags, possessives, initials, accents composed and decomposed,
// compatibility forms (full-width letters, ligatures, no-break spaces),
// other scripts, punctuation and stray marks.
std::vector<std::string> GeneratedNames(uint64_t seed, int count) {
  const char* titles[] = {"", "", "President ", "Sen. ", "the ", "Mr. ", "Lt-Gov. ", "FORMER ",
                          "Former Vice President ", "Dr.\u00a0", "PRESIDENT-ELECT "};
  const char* given[] = {"Donald", "Jos\u00e9", "Jose\u0301", "Zo\u00eb", "\u00d8ystein",
                         "\u00c6gir", "\ufb01ona", "\uff34\uff52\uff55\uff4d\uff50", "Stra\u00dfe",
                         "\u03a3\u03a9\u039a\u03a1\u0391\u03a4\u0397\u03a3", "\u0414\u043c\u0438",
                         "N\u0303u\u00f1o", "\u0130lhan", "J", "A.", "\u1ea0nh", "Jo\u0332e",
                         "\u01c4ab", "Ma\u0308\u0304rta", "\u2160V", "K\u212aelvin", "x\u00b2"};
  const char* middle[] = {"", "", "", " J.", " H. W.", " \u00c1.", " de la", " bin", " Q", " 2"};
  const char* last[] = {" Trump", " O\u2019Neill", " Casta\u00f1eda", " Castan\u0303eda",
                        " M\u00fcller", " Smith-Jones", " _x_", " Clintons'", " Rowling\u200b",
                        " \u00d8re", " l\u2019\u00c9cole", " \u0639\u0644\u064a", " \u5f20\u4f1f",
                        " Ng\u00f4 \u0110\u00ecnh", " -Lee-", ""};
  const char* suffix[] = {"", "", "", " (R-Texas)", "'s", "\u2019s", " Jr.", " (D-N.Y.", ")",
                          " \u00a9", "\u2026", "\u00a0Tower", "\u2028Said", ",", " -- ", "\u0301",
                          "'S", "\u2019s\u0301", " (a) (b", " \U0001F600"};
  Rng rng(seed);
  auto pick = [&](const auto& list) {
    return std::string(list[rng.Below(static_cast<int>(std::size(list)))]);
  };
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    out.push_back(pick(titles) + pick(given) + pick(middle) + pick(last) + pick(suffix));
  }
  return out;
}

// speakers.py --errors: "article, gold source, canonical, speaker, surname
// only|wrong" per line, up to the first blank line; each line reduced to
// what eval's JSON also gives, sorted.
std::vector<std::string> PyWrongSpeakers(const std::string& errors_output) {
  std::vector<std::string> out;
  size_t at = 0;
  for (size_t nl; (nl = errors_output.find('\n', at)) != std::string::npos; at = nl + 1) {
    std::string line = errors_output.substr(at, nl - at);
    if (line.empty()) break;
    std::vector<std::string> cols;
    for (size_t b = 0, tab;; b = tab + 1) {
      tab = line.find('\t', b);
      cols.push_back(line.substr(b, tab == std::string::npos ? tab : tab - b));
      if (tab == std::string::npos) break;
    }
    REQUIRE(cols.size() == 5);
    out.push_back(fmt::format("{} | {} | {} | {}", cols[0], cols[2], cols[3], cols[4]));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The same from eval's "speaker_errors": the classes speakers.py calls
// "surname only" are the lenient ones, unnamed_given_name is not listed
// by it.
std::vector<std::string> EvalWrongSpeakers(const json& errors) {
  std::vector<std::string> out;
  for (const json& e : errors) {
    std::string kind = e["class"];
    if (kind == "unnamed_given_name") continue;
    bool lenient = kind == "surname_only" || kind == "name_variant";
    out.push_back(fmt::format("{} | {} | {} | {}", e["article"].get<std::string>(),
                              e["gold"]["canonical"].get<std::string>(),
                              e["pred"]["speaker"].get<std::string>(),
                              lenient ? "surname only" : "wrong"));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The wrong-speaker classes split exactly the claims the figures count.
void CheckSpeakerCountsTie(const json& counts, const json& figures) {
  int named = 0;
  for (const auto& [name, n] : counts.items()) {
    if (name != "unnamed_given_name") named += n.get<int>();
  }
  CHECK(named == figures["found_named"].get<int>() - std::lround(figures["identity_strict"].get<double>() *
                                                                 figures["found_named"].get<int>()));
  CHECK(counts["unnamed_given_name"] == figures["unnamed_given_name"]);
  CHECK(counts["pronoun_left"] == figures["pronoun_left"]);
}

TEST_SUITE("eval_agreement") {

TEST_CASE("quoteledger eval prints what score.py and speakers.py print on PolNeAR dev") {
  Setup s = FindSetup();
  if (s.dev.empty()) return Skip();
  TempDir dir;
  // The two extractor runs, the slow part, side by side: extract to a file
  // for the scripts, and eval running the extractor itself.
  std::string extract = dir / "extract.jsonl", in_process = dir / "in_process.json";
  std::string ignored;
  REQUIRE(RunCapture(fmt::format("{0} extract {1}/text > {2} & p=$!; {0} eval --gold {1} "
                                 "--format json > {3}; r=$?; wait $p && exit $r",
                                 ShellQuote(s.bin), ShellQuote(s.dev), ShellQuote(extract),
                                 ShellQuote(in_process)),
                     &ignored) == 0);
  Result<GoldCorpus> gold = LoadGold(s.dev);
  REQUIRE(gold.ok());
  Result<SpeakerGold> speakers = LoadSpeakerGold(s.dev + "/speakers");
  REQUIRE(speakers.ok());

  // Plain blocks, not SUBCASEs: doctest would rerun the extraction above
  // for each SUBCASE.
  {
    INFO("extract's predictions, read from a file and made in process");
    auto [py_json, speakers_json] = CheckSameFigures(s, extract);
    json want = json::parse(py_json);
    CHECK(want["all"]["0.3"]["pred"].get<int>() > 0);
    CHECK(json::parse(speakers_json)["found_named"].get<int>() > 0);
    std::string figures = "speakers.py on extract's output: " + json::parse(speakers_json).dump();
    MESSAGE(figures);
    std::string made = ReadFileBytes(in_process).value();
    CheckAgree(json::parse(speakers_json), json::parse(made)["speakers"], "in process");
    CHECK(made == ScoreAndSpeakersJson(py_json, speakers_json));
    CHECK(Eval(s, "--pred " + ShellQuote(extract)) ==
          ScorePy(s, extract, false) + SpeakersPy(s, extract, false));
  }
  {
    INFO("--errors lists the wrong speakers speakers.py lists, classified");
    json got = json::parse(Eval(s, "--format json --errors --pred " + ShellQuote(extract)));
    CHECK(EvalWrongSpeakers(got["speaker_errors"]) ==
          PyWrongSpeakers(RunPy(s, s.speakers, extract, "--errors")));
    CheckSpeakerCountsTie(got["speaker_error_counts"], got["speakers"]);
    std::string text = Eval(s, "--class surname_only --pred " + ShellQuote(extract));
    int blocks = 0;
    for (size_t at = 0; (at = text.find("\nsurname_only  ", at)) != std::string::npos; ++at) {
      ++blocks;
    }
    CHECK(blocks + text.starts_with("surname_only  ") ==
          got["speaker_error_counts"]["surname_only"].get<int>());
    CHECK(text.find("\ncontent_not_found  ") == std::string::npos);
  }
  {
    INFO("a split without speakers/ scores the spans and says identity is unavailable");
    TempDir split;
    std::filesystem::create_directory_symlink(s.dev + "/text", split / "text");
    std::filesystem::create_directory_symlink(s.dev + "/attributions", split / "attributions");
    std::string out;
    REQUIRE(RunCapture(fmt::format("{} eval --gold {} --format json --pred {}", ShellQuote(s.bin),
                                   ShellQuote(split.path()), ShellQuote(extract)),
                       &out) == 0);
    json got = json::parse(out);
    CHECK(got["speakers"].is_null());
    CHECK(got["speakers_unavailable"].get<std::string>().find("speakers: no such folder") !=
          std::string::npos);
    got.erase("speakers");
    got.erase("speakers_unavailable");
    CHECK(got == json::parse(ScorePy(s, extract, true)));
    REQUIRE(RunCapture(fmt::format("{} eval --gold {} --pred {}", ShellQuote(s.bin),
                                   ShellQuote(split.path()), ShellQuote(extract)),
                       &out) == 0);
    CHECK(out.starts_with(ScorePy(s, extract, false) + "speaker identity: unavailable, "));
  }
  {
    INFO("the gold as predictions scores 1.000 everywhere");
    dir.Write("gold.jsonl", GoldPredictions(gold.value(), speakers.value()));
    auto [py_json, speakers_json] = CheckSameFigures(s, dir / "gold.jsonl");
    json want = json::parse(py_json);
    CHECK(want["all"]["0.3"]["attribution_f1"] == 1.0);
    CHECK(want["indirect"]["exact"]["attribution_f1"] == 1.0);
    json who = json::parse(speakers_json);
    CHECK(who["identity_strict"] == 1.0);
    CHECK(who["who_said_what_f1"] == 1.0);
    CHECK(who["unnamed_given_name"] == 0);
  }
  for (uint64_t seed : {1, 2}) {
    INFO("messy predictions exercise the scripts' quirks, seed ", seed);
    std::string name = fmt::format("messy{}.jsonl", seed);
    dir.Write(name, MessyPredictions(gold.value(), speakers.value(), seed));
    auto [py_json, speakers_json] = CheckSameFigures(s, dir / name);
    json want = json::parse(py_json);
    CHECK(want["bad_offsets"].get<int>() > 0);
    CHECK(want["articles_without_prediction_line"].get<int>() > 0);
    json who = json::parse(speakers_json);
    CHECK(who["identity_strict"].get<double>() > 0.1);
    CHECK(who["identity_lenient"].get<double>() > who["identity_strict"].get<double>());
    CHECK(who["pronoun_left"].get<int>() > 0);
    CHECK(who["unnamed_given_name"].get<int>() > 0);
  }
}

TEST_CASE("NameTokens gives speakers.py's tokens() on generated names") {
  Setup s = FindSetup();
  if (s.dev.empty()) return Skip();
  TempDir dir;
  std::vector<std::string> names = GeneratedNames(7, 3000);
  dir.Write("names.json", json(names).dump());
  // Python's tokens as they are: NameTokens gives the same strings. The
  // names use no character Unicode 15.0 added, where ICU 72 and Python 3.11
  // may differ (see name_fold.h).
  dir.Write("tokens.py",
            "import json, os, sys\n"
            "sys.path.insert(0, os.path.dirname(sys.argv[1]))\n"
            "import speakers\n"
            "names = json.load(open(sys.argv[2], encoding='utf-8'))\n"
            "print(json.dumps([speakers.tokens(n) for n in names]))\n");
  std::string out;
  REQUIRE(RunCapture(fmt::format("{} {} {} {}", ShellQuote(s.python), ShellQuote(dir / "tokens.py"),
                                 ShellQuote(s.speakers), ShellQuote(dir / "names.json")),
                     &out) == 0);
  json want = json::parse(out);
  REQUIRE(want.size() == names.size());
  int differ = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    std::vector<std::string> got = NameTokens(names[i]);
    if (json(got) == want[i]) continue;
    if (++differ <= 10) {
      std::string what = "name " + json(names[i]).dump() + ": tokens() " + want[i].dump() +
                         ", NameTokens " + json(got).dump();
      MESSAGE(what);
    }
  }
  CHECK(differ == 0);
}

// name_fold.h's claim: ICU folds and classes every character Python's
// unicodedata assigns as speakers.py sees it. One line per such code point
// from both sides: the code point, 1 when \w matches it, the code points
// of NFKC-then-lower; all in hex.
TEST_CASE("FoldName and IsNameWordChar agree with Python on every assigned character") {
  Setup s = FindSetup();
  if (s.dev.empty()) return Skip();
  TempDir dir;
  dir.Write("chars.py",
            "import re, unicodedata\n"
            "word = re.compile(r'\\w')\n"
            "for c in map(chr, range(0x110000)):\n"
            "    if unicodedata.category(c) in ('Cn', 'Cs'):\n"
            "        continue\n"
            "    fold = unicodedata.normalize('NFKC', c).lower()\n"
            "    print('%X %d%s' % (ord(c), bool(word.match(c)),\n"
            "                       ''.join(' %X' % ord(f) for f in fold)))\n");
  std::string out;
  REQUIRE(RunCapture(fmt::format("{} {}", ShellQuote(s.python), ShellQuote(dir / "chars.py")),
                     &out) == 0);
  std::istringstream lines(out);
  int checked = 0, differ = 0;
  for (std::string want; std::getline(lines, want); ++checked) {
    auto c = static_cast<char32_t>(std::stoul(want, nullptr, 16));
    std::string got = fmt::format("{:X} {:d}", static_cast<uint32_t>(c), IsNameWordChar(c));
    for (char32_t f : FoldName(ToUtf8(std::u32string(1, c)))) {
      got += fmt::format(" {:X}", static_cast<uint32_t>(f));
    }
    if (got == want || ++differ > 10) continue;
    std::string what = "Python " + want + ", ICU " + got;
    MESSAGE(what);
  }
  CHECK(checked > 280000);  // 282,230 with Python 3.11 (Unicode 14.0)
  CHECK(differ == 0);
}

TEST_CASE("miss counts tie to the figures on PolNeAR dev") {
  Setup s = FindSetup();
  if (s.dev.empty()) return Skip();
  Result<GoldCorpus> gold = LoadGold(s.dev);
  REQUIRE(gold.ok());
  Result<SpeakerGold> speakers = LoadSpeakerGold(s.dev + "/speakers");
  REQUIRE(speakers.ok());
  Result<Predictions> preds = ParsePredictions(
      MessyPredictions(gold.value(), speakers.value(), 3), "m", gold.value());
  REQUIRE(preds.ok());
  EvalScores scores = Score(gold.value(), preds.value());
  for (Subset subset : kSubsets) {
    CAPTURE(SubsetName(subset));
    auto counts = CountMisses(FindMisses(gold.value(), preds.value(), subset));
    const OverlapScores& o = scores.subsets[static_cast<int>(subset)].overlap[0];
    auto count = [&](MissClass c) { return counts[static_cast<size_t>(c)]; };
    CHECK(count(MissClass::kContentNotFound) == o.gold - o.found);
    CHECK(count(MissClass::kSpurious) == o.pred - o.found);
    CHECK(count(MissClass::kWrongSource) == o.found - std::lround(o.source_acc * o.found));
    CHECK(count(MissClass::kMissedCue) == o.found - std::lround(o.cue_acc * o.found));
  }
  SpeakerEval who = ScoreSpeakers(gold.value(), preds.value(), speakers.value());
  auto counts = CountSpeakerMisses(who.misses);
  int named = 0;
  for (SpeakerMissClass c : kSpeakerMissClasses) {
    if (c != SpeakerMissClass::kUnnamedGivenName) named += counts[static_cast<size_t>(c)];
  }
  CHECK(named == who.scores.found_named - who.scores.strict);
  CHECK(counts[static_cast<size_t>(SpeakerMissClass::kUnnamedGivenName)] ==
        who.scores.unnamed_given_name);
  CHECK(counts[static_cast<size_t>(SpeakerMissClass::kPronounLeft)] == who.scores.pronoun_left);
  for (SpeakerMissClass c : kSpeakerMissClasses) {
    CAPTURE(SpeakerMissClassName(c));
    CHECK(counts[static_cast<size_t>(c)] > 0);  // the mess reaches every class
  }
}

}  // TEST_SUITE("eval_agreement")

}  // namespace
}  // namespace quoteledger
