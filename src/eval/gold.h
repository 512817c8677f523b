// Reading a gold split in standoff (brat) format, as ../shared/eval/score.py
// reads it: SPLIT/text/NAME.txt and SPLIT/attributions/NAME_ANNOTATOR.ann,
// the first .ann per article in sorted order being the gold. Also the claim
// shape both gold and predictions are reduced to for scoring.
#ifndef QUOTELEDGER_EVAL_GOLD_H_
#define QUOTELEDGER_EVAL_GOLD_H_

#include <string>
#include <string_view>
#include <vector>

#include "eval/char_set.h"
#include "eval/eval_text.h"
#include "quoteledger/status.h"

namespace quoteledger {

// One attribution, gold or predicted, as scoring sees it: sets of character
// offsets into the article's EvalText.
struct EvalClaim {
  CharSet content;           // never empty
  CharSet source;            // empty when there is none
  CharSet cue;               // empty when there is none
  bool direct = false;       // content holds one of “ ” " « »
  std::string kind;          // predictions: "direct", "indirect", ...; gold: ""
  std::string speaker;       // predictions: the resolved speaker; gold: ""
  std::string speaker_kind;  // predictions: "person", "organization", ...; gold: ""
  std::string rule;          // predictions: the rule that made it; gold: ""
  // Where it came from, for people: "NAME_ANN.ann:14 E3" or
  // "pred.jsonl:7 claim 2".
  std::string origin;
};

struct EvalArticle {
  std::string name;      // the text file's name without ".txt"
  std::string ann_file;  // the .ann file used as gold (file name only)
  EvalText text;
  // Gold claims ordered by their first content character; claims starting
  // at the same character keep their order in the .ann file.
  std::vector<EvalClaim> claims;
};

struct GoldCorpus {
  std::string split_dir;
  std::vector<EvalArticle> articles;  // ordered by name
  // The article called `name`, or nullptr.
  const EvalArticle* Find(std::string_view name) const;
};

// The article an .ann file belongs to: its name up to the last '_'
// ("a_b_ANN.ann" -> "a_b"); the whole name when it has no '_'.
std::string ArticleNameOfAnnFile(std::string_view file_name);

// Parses one .ann file's bytes against the article `text`, as score.py
// does: T lines give spans by id (offsets in characters, ranges joined by
// ';'), each E line makes a claim from its Content, Source and Cue roles
// using the spans defined above it; a claim without content is dropped;
// other lines (Discuss, Discard, notes) are ignored. Fails with Corruption
// naming `where` and the line when an offset is not a number, a range does
// not have two numbers, or content or source falls outside the text (the
// cases where score.py would stop with a Python error).
Result<std::vector<EvalClaim>> ParseAnn(std::string_view ann_bytes,
                                        const EvalText& text,
                                        const std::string& where);

// Loads SPLIT/attributions/*.ann (names starting with '.' are skipped, as
// glob skips them) and the text each one annotates. NotFound when there
// are no .ann files or a text file is missing; errors from ParseAnn and
// EvalText::Decode otherwise.
Result<GoldCorpus> LoadGold(const std::string& split_dir);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_GOLD_H_
