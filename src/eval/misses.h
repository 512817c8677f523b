// Error analysis: every way a prediction run falls short of the gold, one
// Miss per problem, classified so that the team can count, grep and read
// them. Matching is score.py's at threshold 0.3, so the counts tie to the
// figures: content_not_found = gold - found, wrong_source = found x (1 -
// source acc), missed_cue = found x (1 - cue acc), spurious = pred - found.
#ifndef QUOTELEDGER_EVAL_MISSES_H_
#define QUOTELEDGER_EVAL_MISSES_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/gold.h"
#include "eval/predictions.h"
#include "eval/scorer.h"

namespace quoteledger {

enum class MissClass {
  kContentNotFound,  // a gold claim no prediction covers more than 30% of
  kWrongSpan,        // found, but the spans differ markedly (see below)
  kWrongSource,      // found, but the predicted source is wrong
  kMissedCue,        // found, but the predicted cue does not overlap the gold
  kSpurious,         // a prediction that matches no gold claim
};
inline constexpr MissClass kMissClasses[] = {
    MissClass::kContentNotFound, MissClass::kWrongSpan, MissClass::kWrongSource,
    MissClass::kMissedCue, MissClass::kSpurious};
inline constexpr int kMissClassCount = 5;

const char* MissClassName(MissClass c);     // "content_not_found", "wrong_span", ...
const char* MissClassMeaning(MissClass c);  // a one-line explanation
std::optional<MissClass> ParseMissClass(std::string_view name);

// A found claim's span is wrong when 80% or less of the gold content is
// covered, or 80% or less of the predicted content is gold: it would not
// count at score.py's stricter threshold, or it runs far past the gold.
inline constexpr double kGoodSpanShare = 0.8;

// Pointers refer into the GoldCorpus and Predictions the misses were found
// in, which must outlive them.
struct Miss {
  MissClass kind = MissClass::kContentNotFound;
  const EvalArticle* article = nullptr;
  const EvalClaim* gold = nullptr;  // null for kSpurious
  const EvalClaim* pred = nullptr;  // null for kContentNotFound
  double gold_covered = 0;          // |gold & pred| / |gold| content characters
  double pred_in_gold = 0;          // |gold & pred| / |pred|
  std::vector<MissClass> also;      // the same claim's other misses
  // For kContentNotFound the prediction, for kSpurious the gold claim, whose
  // content overlaps most (|gold & pred| / |gold|, score.py's measure), and
  // that share; null when nothing overlaps. It tells a span or matching
  // problem from a claim that was never seen.
  const EvalClaim* nearest = nullptr;
  double nearest_covered = 0;
};

// The misses of claims in `subset`, by article name, then by position in
// the article, then by class.
std::vector<Miss> FindMisses(const GoldCorpus& gold, const Predictions& preds, Subset subset);

std::array<int, kMissClassCount> CountMisses(const std::vector<Miss>& misses);

// One block of lines for people and grep: the first line is
// "CLASS  ARTICLE  bytes [B,E)" (content offsets in UTF-8 bytes), then
// indented lines "gold content", "gold source", "gold cue", "pred content",
// "pred source", "pred cue", "overlap", "speaker", "rule", "nearest pred"
// or "nearest gold", "gold from", "also", each with byte offsets and
// the text on one line (long texts clipped in the middle).
std::string MissToText(const Miss& miss);

// The counts per class, with what each class means; `subset` names the
// claims considered.
std::string MissCountsToText(const std::array<int, kMissClassCount>& counts, Subset subset);

// The same facts as MissToText, untrimmed: {"class", "article", "gold":
// {"content": [[b, e]], "content_text", "source", ...}, "pred": {...},
// "gold_covered", "pred_in_gold", "also"}.
nlohmann::json MissToJson(const Miss& miss);

// The pieces MissToText and MissToJson are made of, for other error lists
// to look the same: a set's byte offsets "[b,e)" ("+"-joined runs, "-" if
// empty), one indented line "LABEL [B,E) "text"" (the text on one line,
// clipped when long), and a set's byte spans as JSON [[b, e], ...].
std::string MissByteOffsets(const EvalText& text, const CharSet& set);
std::string MissField(const char* label, const EvalText& text, const CharSet& set);
nlohmann::json MissByteSpans(const EvalText& text, const CharSet& set);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_MISSES_H_
