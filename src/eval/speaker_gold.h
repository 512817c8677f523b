// Reading who each gold source is: SPLIT/speakers/NAME.tsv, as
// ../shared/eval/speakers.py reads it. One row per gold Source span, columns
// tid, start, end, source, canonical, context (start/end are character
// offsets as in the .ann file); `canonical` is the fullest proper name of
// the person or organization the source refers to, several joined by
// " + ", or "-" for a source that is no specific named entity.
#ifndef QUOTELEDGER_EVAL_SPEAKER_GOLD_H_
#define QUOTELEDGER_EVAL_SPEAKER_GOLD_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "eval/gold.h"
#include "quoteledger/status.h"

namespace quoteledger {

struct SpeakerGold {
  std::string dir;  // the folder read
  // Article name (file name without ".tsv") -> first character of a gold
  // source -> canonical name, never empty ("-" for a blank cell). A later
  // row with the same start replaces an earlier one, as in speakers.py.
  std::map<std::string, std::map<int64_t, std::string>, std::less<>> by_article;

  // The canonical name of a gold claim's speaker: the row at the first
  // character of its source; "-" when the claim has no source, its article
  // has no file or the file no such row.
  const std::string& CanonicalOf(std::string_view article, const EvalClaim& gold) const;
};

// speakers.py's reading of one NAME.tsv's bytes: the first line is a header;
// lines with fewer than five tab-separated columns are skipped; the start
// column is an integer (Corruption naming `where` and the line if not); the
// canonical column is stripped of white space, "-" when that leaves nothing.
Result<std::map<int64_t, std::string>> ParseSpeakerTsv(std::string_view bytes,
                                                       const std::string& where);

// Reads every *.tsv in `dir`. NotFound when `dir` is not a folder: a split
// without speaker gold (only PolNeAR dev has one); IOError, Corruption or
// InvalidArgument (not UTF-8) for a file that cannot be read as above.
Result<SpeakerGold> LoadSpeakerGold(const std::string& dir);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_SPEAKER_GOLD_H_
