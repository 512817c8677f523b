// The figures ../shared/eval/score.py prints, computed the same way: greedy
// overlap matching of content spans at thresholds 0.3 and 0.8 (the Gender
// Gap Tracker's convention), source and cue accuracy of the matches,
// attribution precision/recall/F1, and exact (Citron-style) content and
// attribution F1, for all claims, direct claims and indirect claims.
#ifndef QUOTELEDGER_EVAL_SCORER_H_
#define QUOTELEDGER_EVAL_SCORER_H_

#include <optional>
#include <string_view>
#include <vector>

#include "eval/gold.h"
#include "eval/predictions.h"

namespace quoteledger {

// direct: content holds a quotation mark; indirect: it does not.
enum class Subset { kAll = 0, kDirect = 1, kIndirect = 2 };
inline constexpr Subset kSubsets[] = {Subset::kAll, Subset::kDirect, Subset::kIndirect};
const char* SubsetName(Subset s);  // "all", "direct", "indirect"
std::optional<Subset> ParseSubset(std::string_view name);
bool InSubset(const EvalClaim& c, Subset s);

// The overlap thresholds, in score.py's order and spelling ("0.3", "0.8").
inline constexpr double kThresholds[] = {0.3, 0.8};
inline constexpr const char* kThresholdNames[] = {"0.3", "0.8"};

struct OverlapScores {
  int gold = 0;   // gold claims in the subset
  int pred = 0;   // predicted claims in the subset
  int found = 0;  // gold claims matched
  double content_p = 0, content_r = 0, content_f1 = 0;
  double source_acc = 0, cue_acc = 0;  // shares of the found claims
  double attribution_p = 0, attribution_r = 0, attribution_f1 = 0;
};

struct ExactScores {
  double content_f1 = 0;
  double attribution_f1 = 0;
};

struct SubsetScores {
  OverlapScores overlap[2];  // indexed like kThresholds
  ExactScores exact;
};

struct EvalScores {
  int articles = 0;                     // gold articles
  int articles_without_prediction = 0;  // gold articles with no predicted claim
  int bad_offsets = 0;
  SubsetScores subsets[3];  // indexed by static_cast<int>(Subset)
};

// score.py's match(): gold claims in order each take the unused prediction
// covering the largest share of their content characters, if that share is
// above `threshold` (the first such prediction on ties). Pointers must stay
// valid for the call only.
struct Matching {
  std::vector<int> pred_of_gold;      // index into preds, or -1
  std::vector<double> gold_coverage;  // |gold & pred| / |gold| of the match, or 0
  std::vector<int> unmatched;         // preds never matched, in order
};
Matching MatchClaims(const std::vector<const EvalClaim*>& gold,
                     const std::vector<const EvalClaim*>& preds, double threshold);

// The predicted source overlaps the gold one, or both are absent.
bool SourceOk(const EvalClaim& gold, const EvalClaim& pred);

// The claims of `claims` in `subset`, in order.
std::vector<const EvalClaim*> Select(const std::vector<EvalClaim>& claims, Subset subset);

SubsetScores ScoreSubset(const GoldCorpus& gold, const Predictions& preds, Subset subset);

// Every figure score.py prints. Pure; safe to call from several threads.
EvalScores Score(const GoldCorpus& gold, const Predictions& preds);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_SCORER_H_
