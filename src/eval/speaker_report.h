// Printing speaker identity: the figures as ../shared/eval/speakers.py
// prints them (its four text lines, or its --json object, byte for byte),
// and the wrong speakers, one block or JSON object each, in the manner of
// misses.h so that the same grep and jq habits work on both lists.
#ifndef QUOTELEDGER_EVAL_SPEAKER_REPORT_H_
#define QUOTELEDGER_EVAL_SPEAKER_REPORT_H_

#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "eval/speaker_scorer.h"

namespace quoteledger {

// speakers.py's text: "named gold claims N, found N", then strict and
// lenient identity, who-said-what P/R/F1, and the pronoun and unnamed
// counts, three decimals, each line ending in '\n'.
std::string SpeakerScoresToText(const SpeakerScores& s);

// speakers.py --json: json.dumps(res, indent=1, sort_keys=True), laid out
// at nesting `depth` (0: exactly speakers.py's bytes, without the final
// newline; 1: a member of eval's top-level object).
std::string SpeakerScoresToJson(const SpeakerScores& s, int depth);

// "CLASS  ARTICLE  bytes [B,E)" (the gold content), then indented lines
// "gold source", "gold speaker" (the canonical name), "pred speaker" (with
// its kind), "pred source", "gold content", "rule" and "gold from".
std::string SpeakerMissToText(const SpeakerMiss& m);

// The counts per class with what each class means, and how they tie to the
// figures.
std::string SpeakerMissCountsToText(const std::array<int, kSpeakerMissClassCount>& counts);

// {"class", "article", "content": [[b, e]], "content_text", "gold":
// {"source", "source_text", "canonical", "origin"}, "pred": {"speaker",
// "speaker_kind", "source", "source_text", "rule", "origin"}}; offsets are
// UTF-8 bytes.
nlohmann::json SpeakerMissToJson(const SpeakerMiss& m);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_SPEAKER_REPORT_H_
