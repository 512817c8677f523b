// `quoteledger eval`: score attributions against a standoff (brat) gold
// split, printing what ../shared/eval/score.py prints, and with --errors
// every miss, classified, for error analysis. Predictions come from --pred
// (JSON Lines as `extract` prints them) or from running the extractor.
#include <algorithm>
#include <iostream>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "eval/eval_report.h"
#include "eval/extractor_run.h"
#include "eval/gold.h"
#include "eval/misses.h"
#include "eval/predictions.h"
#include "eval/scorer.h"
#include "quoteledger/extractor.h"

namespace quoteledger {
namespace {

struct EvalOptions {
  std::string gold;
  std::string pred;  // empty: run the extractor
  std::vector<std::string> rules;
  std::string format = "text";
  std::string subset;  // empty: figures for all three subsets, misses for "all"
  bool errors = false;
  std::vector<std::string> classes;  // empty: every class
};

// Predictions from the built-in extractor; skipped articles are reported
// and counted in *skipped.
Result<Predictions> RunExtractor(const EvalOptions& opt, const GoldCorpus& gold,
                                 int* skipped) {
  ExtractorOptions eo;
  eo.rule_files = opt.rules;
  auto extractor = Extractor::Create(eo);
  if (!extractor.ok()) return extractor.status();
  std::vector<Status> problems;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Result<Predictions> preds = PredictGold(*extractor.value(), gold, threads, &problems);
  for (const Status& s : problems) PrintError(s.ToString() + " (skipped: no predictions)");
  *skipped = static_cast<int>(problems.size());
  return preds;
}

std::vector<Miss> SelectedMisses(const EvalOptions& opt, const GoldCorpus& gold,
                                 const Predictions& preds, Subset subset,
                                 std::array<int, kMissClassCount>* counts) {
  std::vector<Miss> all = FindMisses(gold, preds, subset);
  *counts = CountMisses(all);
  if (opt.classes.empty()) return all;
  std::vector<Miss> kept;
  for (Miss& m : all) {
    if (std::find(opt.classes.begin(), opt.classes.end(), MissClassName(m.kind)) !=
        opt.classes.end()) {
      kept.push_back(std::move(m));
    }
  }
  return kept;
}

std::string CountsJson(const std::array<int, kMissClassCount>& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (MissClass c : kMissClasses) j[MissClassName(c)] = counts[static_cast<size_t>(c)];
  return j.dump();
}

// nlohmann's dump(1), shifted one level in to sit inside the top object.
std::string Nested(const nlohmann::json& j) {
  std::string out;
  for (char c : j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace)) {
    out += c;
    if (c == '\n') out += ' ';
  }
  return out;
}

// Prints the misses as text blocks and counts, or returns them as extra
// members of the JSON object.
JsonMembers PrintMisses(const EvalOptions& opt, const GoldCorpus& gold,
                        const Predictions& preds, Subset subset) {
  std::array<int, kMissClassCount> counts{};
  std::vector<Miss> misses = SelectedMisses(opt, gold, preds, subset, &counts);
  if (opt.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const Miss& m : misses) list.push_back(MissToJson(m));
    return {{"error_counts", CountsJson(counts)}, {"errors", Nested(list)}};
  }
  for (const Miss& m : misses) std::cout << MissToText(m) << '\n';
  std::cout << MissCountsToText(counts, subset) << '\n';
  return {};
}

void Print(const EvalOptions& opt, const GoldCorpus& gold, const Predictions& preds) {
  std::optional<Subset> only = ParseSubset(opt.subset);
  JsonMembers extra;
  if (opt.errors) extra = PrintMisses(opt, gold, preds, only.value_or(Subset::kAll));
  EvalScores scores = Score(gold, preds);
  std::cout << (opt.format == "json" ? ScoresToJson(scores, only, std::move(extra)) + "\n"
                                     : ScoresToText(scores, only));
}

int RunEval(const EvalOptions& opt) {
  Result<GoldCorpus> gold = LoadGold(opt.gold);
  if (!gold.ok()) {
    PrintError(gold.status().ToString());
    return 2;
  }
  int skipped = 0;
  Result<Predictions> preds = opt.pred.empty() ? RunExtractor(opt, gold.value(), &skipped)
                                               : LoadPredictions(opt.pred, gold.value());
  if (!preds.ok()) {
    PrintError(preds.status().ToString());
    return 2;
  }
  Print(opt, gold.value(), preds.value());
  std::cout.flush();
  if (!std::cout) {
    PrintError("cannot write the output (disk full or pipe closed?)");
    return 2;
  }
  if (skipped > 0) {
    PrintError(fmt::format("{} article(s) could not be read and were scored as having no "
                           "claims; see above", skipped));
    return 2;
  }
  return 0;
}

}  // namespace

void AddEvalCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "score attributions against standoff gold (as ../shared/eval/score.py does)");
  cmd->add_option("--gold", opt->gold, "a gold split folder holding text/ and attributions/")
      ->required()
      ->check(CLI::ExistingDirectory);
  CLI::Option* pred = cmd->add_option(
      "--pred", opt->pred,
      "predictions as JSON Lines (what `extract` prints; - for stdin); "
      "default: run the extractor on the split's texts");
  cmd->add_option("--rules", opt->rules, "a rule file to add when running the extractor")
      ->excludes(pred)
      ->check(CLI::ExistingFile);
  cmd->add_option("--format", opt->format, "text (default, score.py's lines) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--subset", opt->subset,
                  "all, direct or indirect: print only these figures and misses")
      ->check(CLI::IsMember({"all", "direct", "indirect"}));
  cmd->add_flag("--errors", opt->errors, "list every miss with its class, then a count per class");
  cmd->add_option("--class", opt->classes,
                  "list only the misses of this class (implies --errors; may be repeated)")
      ->check(CLI::IsMember({"content_not_found", "wrong_span", "wrong_source", "missed_cue",
                             "spurious"}));
  cmd->callback([opt, &global] {
    if (!opt->classes.empty()) opt->errors = true;
    global.exit_code = RunEval(*opt);
  });
}

}  // namespace quoteledger
