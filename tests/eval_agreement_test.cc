// The reference check for `quoteledger eval`: on PolNeAR dev, with the same
// predictions, it must print what ../shared/eval/score.py prints. Three
// prediction files are scored by both: extract's output, the gold itself,
// and a seeded mess made from the gold (shifted and split spans, wrong
// sources, duplicates, offsets inside characters, every span shape score.py
// accepts) that exercises the quirks. The running extractor (eval without
// --pred) is checked against score.py on extract's output.
//
// Needs $QUOTELEDGER_SHARED (the shared folder), $QUOTELEDGER_BIN (the
// built binary) and python3; skips, passing, when the shared folder is not
// there.
#include "eval/eval_report.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "eval/gold.h"
#include "eval/misses.h"
#include "eval/predictions.h"
#include "eval/scorer.h"
#include "eval_test_util.h"
#include "quoteledger/document.h"

namespace quoteledger {
namespace {

using nlohmann::json;

struct Setup {
  std::string dev;     // SHARED/polnear/dev
  std::string score;   // SHARED/eval/score.py
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
      !std::filesystem::exists(std::string(shared) + "/eval/score.py", ec)) {
    return s;
  }
  s.dev = std::string(shared) + "/polnear/dev";
  s.score = std::string(shared) + "/eval/score.py";
  s.bin = bin;
  s.python = python && *python ? python : "python3";
  return s;
}

void Skip() {
  const char* shared = std::getenv("QUOTELEDGER_SHARED");
  std::string message = "skipped: no polnear/dev and eval/score.py under QUOTELEDGER_SHARED=" +
                        std::string(shared ? shared : "(unset)") + ", or QUOTELEDGER_BIN unset";
  MESSAGE(message);
  eval_test_skipped = true;
}

std::string ScorePy(const Setup& s, const std::string& pred, bool as_json) {
  std::string out;
  int rc = RunCapture(fmt::format("{} {} --gold {} --pred {}{}", ShellQuote(s.python),
                                  ShellQuote(s.score), ShellQuote(s.dev), ShellQuote(pred),
                                  as_json ? " --json" : ""),
                      &out);
  REQUIRE(rc == 0);
  return out;
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

// score.py and `quoteledger eval --pred` on one prediction file: every
// figure agrees to three decimals, and the JSON is in fact byte-identical.
// Returns score.py's JSON text.
std::string CheckSameFigures(const Setup& s, const std::string& pred) {
  CAPTURE(pred);
  std::string py_json = ScorePy(s, pred, true);
  std::string ql_json = Eval(s, "--format json --pred " + ShellQuote(pred));
  CheckAgree(json::parse(py_json), json::parse(ql_json), "");
  CHECK(ql_json == py_json);
  return py_json;
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

json Spurious(const EvalArticle& a, Rng& rng) {
  int64_t b = rng.Below(static_cast<int>(a.text.size()));
  int64_t e = std::min<int64_t>(a.text.size(), b + 1 + rng.Below(200));
  return {{"content", json::array({json::array({a.text.CharToByte(b), a.text.CharToByte(e)})})},
          {"source", SpanShape(Bytes(a.text, CharSet::Of(b, b + 3)), rng)}};
}

json MessyClaims(const EvalArticle& a, Rng& rng) {
  json claims = json::array();
  for (size_t i = 0; i < a.claims.size(); ++i) {
    if (rng.Percent(25)) continue;
    const EvalClaim& other = a.claims[static_cast<size_t>(rng.Below(static_cast<int>(a.claims.size())))];
    json c = MessyClaim(a, a.claims[i], other, rng);
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

std::string MessyPredictions(const GoldCorpus& gold, uint64_t seed) {
  Rng rng(seed);
  std::string out = "{\"doc\": \"not_in_gold.txt\", \"claims\": [{\"content\": [0, 5]}]}\n\n";
  for (const EvalArticle& a : gold.articles) {
    if (rng.Percent(8)) continue;  // no line at all
    json claims = MessyClaims(a, rng);
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

std::string GoldPredictions(const GoldCorpus& gold) {
  std::string out;
  for (const EvalArticle& a : gold.articles) {
    json claims = json::array();
    for (const EvalClaim& c : a.claims) {
      auto spans = [&](const CharSet& set) {
        json j = json::array();
        for (const auto& [b, e] : Bytes(a.text, set)) j.push_back({b, e});
        return j;
      };
      claims.push_back({{"content", spans(c.content)}, {"source", spans(c.source)},
                        {"cue", spans(c.cue)}});
    }
    out += json{{"doc", a.name + ".txt"}, {"claims", claims}}.dump() + "\n";
  }
  return out;
}

TEST_SUITE("eval_agreement") {

TEST_CASE("quoteledger eval prints what score.py prints on PolNeAR dev") {
  Setup s = FindSetup();
  if (s.dev.empty()) return Skip();
  TempDir dir;
  // The two extractor runs, the slow part, side by side: extract to a file
  // for score.py, and eval running the extractor itself.
  std::string extract = dir / "extract.jsonl", in_process = dir / "in_process.json";
  std::string ignored;
  REQUIRE(RunCapture(fmt::format("{0} extract {1}/text > {2} & p=$!; {0} eval --gold {1} "
                                 "--format json > {3}; r=$?; wait $p && exit $r",
                                 ShellQuote(s.bin), ShellQuote(s.dev), ShellQuote(extract),
                                 ShellQuote(in_process)),
                     &ignored) == 0);
  Result<GoldCorpus> gold = LoadGold(s.dev);
  REQUIRE(gold.ok());

  // Plain blocks, not SUBCASEs: doctest would rerun the extraction above
  // for each SUBCASE.
  {
    INFO("extract's predictions, read from a file and made in process");
    std::string py_json = CheckSameFigures(s, extract);
    json want = json::parse(py_json);
    CHECK(want["all"]["0.3"]["pred"].get<int>() > 0);
    CheckAgree(want, json::parse(ReadFileBytes(in_process).value()), "in process");
    CHECK(ReadFileBytes(in_process).value() == py_json);
    CHECK(Eval(s, "--pred " + ShellQuote(extract)) == ScorePy(s, extract, false));
  }
  {
    INFO("the gold as predictions scores 1.000 everywhere");
    dir.Write("gold.jsonl", GoldPredictions(gold.value()));
    json want = json::parse(CheckSameFigures(s, dir / "gold.jsonl"));
    CHECK(want["all"]["0.3"]["attribution_f1"] == 1.0);
    CHECK(want["indirect"]["exact"]["attribution_f1"] == 1.0);
  }
  for (uint64_t seed : {1, 2}) {
    INFO("messy predictions exercise score.py's quirks, seed ", seed);
    std::string name = fmt::format("messy{}.jsonl", seed);
    dir.Write(name, MessyPredictions(gold.value(), seed));
    json want = json::parse(CheckSameFigures(s, dir / name));
    CHECK(want["bad_offsets"].get<int>() > 0);
    CHECK(want["articles_without_prediction_line"].get<int>() > 0);
  }
}

TEST_CASE("miss counts tie to the figures on PolNeAR dev") {
  Setup s = FindSetup();
  if (s.dev.empty()) return Skip();
  Result<GoldCorpus> gold = LoadGold(s.dev);
  REQUIRE(gold.ok());
  Result<Predictions> preds = ParsePredictions(MessyPredictions(gold.value(), 3), "m", gold.value());
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
}

}  // TEST_SUITE("eval_agreement")

}  // namespace
}  // namespace quoteledger
