// Printing the figures of an evaluation exactly as ../shared/eval/score.py
// prints them, as text lines or as its --json object, so that the two can be
// compared with diff and scripts written for one work with the other.
#ifndef QUOTELEDGER_EVAL_EVAL_REPORT_H_
#define QUOTELEDGER_EVAL_EVAL_REPORT_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eval/scorer.h"

namespace quoteledger {

// Python's repr() of a float: the shortest digits that read back as `x`,
// in fixed notation for 1e-4 <= |x| < 1e16 ("0.5", "1.0", "0.0001") and in
// exponent notation otherwise ("1e-05", "1.5e+16").
std::string PythonFloatRepr(double x);

// score.py's text: the "articles ..." line, then per subset two overlap
// lines and one exact line, three decimals. `only` prints one subset.
std::string ScoresToText(const EvalScores& scores, std::optional<Subset> only = {});

// Extra top-level members for ScoresToJson: key and an already rendered
// JSON value.
using JsonMembers = std::vector<std::pair<std::string, std::string>>;

// A JSON object laid out as Python's json.dumps(indent=1) at nesting
// `depth` (0 for the top level), from members given in order, their keys
// plain ASCII and their values already rendered.
std::string PythonJsonObject(const JsonMembers& members, int depth);

// score.py --json: json.dumps(result, indent=1, sort_keys=True), byte for
// byte, without the final newline. `only` leaves out the other subsets;
// `extra` members are merged in, keeping the keys sorted.
std::string ScoresToJson(const EvalScores& scores, std::optional<Subset> only = {},
                         JsonMembers extra = {});

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_EVAL_REPORT_H_
