// Reading predicted claims, the JSON Lines `quoteledger extract` prints (see
// ../shared/eval/README.md), the way score.py reads them: articles matched
// to gold by file name, byte offsets turned into character offsets, spans
// that miss a character boundary counted and dropped.
#ifndef QUOTELEDGER_EVAL_PREDICTIONS_H_
#define QUOTELEDGER_EVAL_PREDICTIONS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/gold.h"
#include "quoteledger/status.h"

namespace quoteledger {

struct Predictions {
  // Gold article name -> its predicted claims with non-empty content, in
  // the order read. Articles with no such claim have no entry.
  std::map<std::string, std::vector<EvalClaim>> by_article;
  // Spans whose start or end is not a character boundary of the article, or
  // whose start is past its end (score.py's "bad offsets").
  int bad_offsets = 0;
};

// The article a record's "doc" (else "path") names: its last '/'-separated
// part without a trailing ".txt". "dev/text/a.txt" -> "a".
std::string ArticleNameOfDoc(const nlohmann::json& record);

// Adds one record, {"doc": ..., "claims": [{"content": SPANS, "source":
// SPANS, "cue": SPANS, "kind", "speaker", "rule"}]}, to `out`. A record for
// an article not in `gold` is skipped. SPANS is [[s, e], ...], [s, e],
// {"start": s, "end": e}, a list mixing those, [] or null; offsets are
// UTF-8 bytes. `where` ("pred.jsonl:7") names the record in errors and in
// each claim's origin. InvalidArgument for shapes score.py would stop on
// (a record that is not an object, a span that is not a pair, ...).
Status AddPredictionRecord(const nlohmann::json& record, const GoldCorpus& gold,
                           const std::string& where, Predictions* out);

// Reads JSON Lines from `path` ("-" for standard input) into predictions
// against `gold`. Blank lines are skipped. IOError when the file cannot be
// read; InvalidArgument naming file and line for a line that is not JSON or
// has a bad shape.
Result<Predictions> LoadPredictions(const std::string& path, const GoldCorpus& gold);

// The same from JSON Lines already in memory; `name` is used in messages.
Result<Predictions> ParsePredictions(std::string_view jsonl, const std::string& name,
                                     const GoldCorpus& gold);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_PREDICTIONS_H_
