// `quoteledger eval`: score attributions against a standoff (brat) gold
// split, printing what ../shared/eval/score.py prints and, where the split
// has speaker gold (SPLIT/speakers/), what ../shared/eval/speakers.py
// prints; with --errors every miss and every wrong speaker, classified, for
// error analysis. Predictions come from --pred (JSON Lines as `extract`
// prints them) or from running the extractor.
#include <algorithm>
#include <filesystem>
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
#include "eval/speaker_gold.h"
#include "eval/speaker_report.h"
#include "eval/speaker_scorer.h"
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
  std::string speakers;              // empty: GOLD/speakers, if it is there
};

// Speaker identity for one run, or why there is none.
struct SpeakerPart {
  std::optional<SpeakerEval> eval;
  std::string unavailable;  // the reason, when !eval
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

bool Wanted(const EvalOptions& opt, const char* class_name) {
  return opt.classes.empty() ||
         std::find(opt.classes.begin(), opt.classes.end(), class_name) != opt.classes.end();
}

// Whether the list asked for holds a class of this family: span misses
// (MissClass) or wrong speakers (SpeakerMissClass).
template <typename Classes, typename NameOf>
bool WantsFamily(const EvalOptions& opt, const Classes& classes, NameOf name_of) {
  for (auto c : classes) {
    if (Wanted(opt, name_of(c))) return true;
  }
  return false;
}

std::vector<Miss> SelectedMisses(const EvalOptions& opt, const GoldCorpus& gold,
                                 const Predictions& preds, Subset subset,
                                 std::array<int, kMissClassCount>* counts) {
  std::vector<Miss> all = FindMisses(gold, preds, subset);
  *counts = CountMisses(all);
  if (opt.classes.empty()) return all;
  std::vector<Miss> kept;
  for (Miss& m : all) {
    if (Wanted(opt, MissClassName(m.kind))) kept.push_back(std::move(m));
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
  if (!WantsFamily(opt, kMissClasses, MissClassName)) return {};
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

// The same for wrong speakers; nothing when the split has no speaker gold.
JsonMembers PrintSpeakerMisses(const EvalOptions& opt, const SpeakerPart& speakers) {
  if (!speakers.eval || !WantsFamily(opt, kSpeakerMissClasses, SpeakerMissClassName)) return {};
  const std::vector<SpeakerMiss>& all = speakers.eval->misses;
  nlohmann::json list = nlohmann::json::array();
  for (const SpeakerMiss& m : all) {
    if (!Wanted(opt, SpeakerMissClassName(m.kind))) continue;
    if (opt.format == "json") {
      list.push_back(SpeakerMissToJson(m));
    } else {
      std::cout << SpeakerMissToText(m) << '\n';
    }
  }
  std::array<int, kSpeakerMissClassCount> counts = CountSpeakerMisses(all);
  if (opt.format != "json") {
    std::cout << SpeakerMissCountsToText(counts) << '\n';
    return {};
  }
  nlohmann::json by_class = nlohmann::json::object();
  for (SpeakerMissClass c : kSpeakerMissClasses) {
    by_class[SpeakerMissClassName(c)] = counts[static_cast<size_t>(c)];
  }
  return {{"speaker_error_counts", by_class.dump()}, {"speaker_errors", Nested(list)}};
}

// The speakers.py figures as the "speakers" member, or null and the reason.
void AddSpeakerJson(const SpeakerPart& speakers, JsonMembers* extra) {
  if (speakers.eval) {
    extra->emplace_back("speakers", SpeakerScoresToJson(speakers.eval->scores, 1));
    return;
  }
  extra->emplace_back("speakers", "null");
  extra->emplace_back("speakers_unavailable", nlohmann::json(speakers.unavailable).dump());
}

void Print(const EvalOptions& opt, const GoldCorpus& gold, const Predictions& preds,
           const SpeakerPart& speakers) {
  std::optional<Subset> only = ParseSubset(opt.subset);
  JsonMembers extra;
  if (opt.errors) {
    extra = PrintMisses(opt, gold, preds, only.value_or(Subset::kAll));
    JsonMembers more = PrintSpeakerMisses(opt, speakers);
    extra.insert(extra.end(), more.begin(), more.end());
  }
  EvalScores scores = Score(gold, preds);
  if (opt.format == "json") {
    AddSpeakerJson(speakers, &extra);
    std::cout << ScoresToJson(scores, only, std::move(extra)) << '\n';
    return;
  }
  std::cout << ScoresToText(scores, only)
            << (speakers.eval ? SpeakerScoresToText(speakers.eval->scores)
                              : "speaker identity: unavailable, " + speakers.unavailable + "\n");
}

// Speaker identity against --speakers or GOLD/speakers. A split without
// the default folder is not an error: only some splits have speaker gold.
Result<SpeakerPart> ScoreSpeakerPart(const EvalOptions& opt, const GoldCorpus& gold,
                                     const Predictions& preds) {
  std::string dir = opt.speakers.empty()
                        ? (std::filesystem::path(opt.gold) / "speakers").string()
                        : opt.speakers;
  Result<SpeakerGold> speakers = LoadSpeakerGold(dir);
  SpeakerPart part;
  if (!speakers.ok()) {
    if (!opt.speakers.empty() || speakers.status().code() != StatusCode::kNotFound) {
      return speakers.status();
    }
    part.unavailable = speakers.status().message();
    return part;
  }
  part.eval = ScoreSpeakers(gold, preds, speakers.value());
  return part;
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
  Result<SpeakerPart> speakers = ScoreSpeakerPart(opt, gold.value(), preds.value());
  if (!speakers.ok()) {
    PrintError(speakers.status().ToString());
    return 2;
  }
  Print(opt, gold.value(), preds.value(), speakers.value());
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
                  "all, direct or indirect: print only these figures and misses (speaker "
                  "identity is always over all claims, as speakers.py scores it)")
      ->check(CLI::IsMember({"all", "direct", "indirect"}));
  cmd->add_option("--speakers", opt->speakers,
                  "speaker gold, a folder of NAME.tsv (default: GOLD/speakers when there; "
                  "speaker identity is scored as ../shared/eval/speakers.py scores it)")
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--errors", opt->errors,
                "list every miss and every wrong speaker with its class, then counts per class");
  std::vector<std::string> classes;
  for (MissClass c : kMissClasses) classes.push_back(MissClassName(c));
  for (SpeakerMissClass c : kSpeakerMissClasses) classes.push_back(SpeakerMissClassName(c));
  cmd->add_option("--class", opt->classes,
                  "list only the misses or wrong speakers of this class (implies --errors; "
                  "may be repeated)")
      ->check(CLI::IsMember(classes));
  cmd->callback([opt, &global] {
    if (!opt->classes.empty()) opt->errors = true;
    global.exit_code = RunEval(*opt);
  });
}

}  // namespace quoteledger
