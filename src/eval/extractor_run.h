// Predictions made on the spot: the extractor run over a gold split's texts,
// giving exactly what `quoteledger extract SPLIT/text` followed by reading
// its JSON Lines would give, without the file in between.
#ifndef QUOTELEDGER_EVAL_EXTRACTOR_RUN_H_
#define QUOTELEDGER_EVAL_EXTRACTOR_RUN_H_

#include <vector>

#include "eval/gold.h"
#include "eval/predictions.h"
#include "quoteledger/extractor.h"
#include "quoteledger/status.h"

namespace quoteledger {

// Runs `extractor` on SPLIT/text/NAME.txt for every article of `gold` (other
// texts could not be scored), on up to `threads` threads, and reads each
// result through AddPredictionRecord in article order, so the outcome does
// not depend on `threads`. An article that is not a valid Document (empty,
// not UTF-8, unreadable) gets no predictions; its Status is appended to
// `*skipped`. Fails only on an error from AddPredictionRecord.
Result<Predictions> PredictGold(const Extractor& extractor, const GoldCorpus& gold,
                                int threads, std::vector<Status>* skipped);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_EXTRACTOR_RUN_H_
