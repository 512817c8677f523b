// Reading articles given on the command line, with standard input ("-")
// recognised by its content when --input is auto: JSON Lines when its first
// non-blank line starts with "{" and is a JSON object with a "text" string,
// one plain-text article otherwise.
#ifndef QUOTELEDGER_CLI_STDIN_INPUT_H_
#define QUOTELEDGER_CLI_STDIN_INPUT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "text/article_reader.h"

namespace quoteledger {

// As ReadArticles (text/article_reader.h), except that "-" with kAuto is
// read as above, streaming (only the first non-blank line is looked at
// before deciding). Input that starts with "{" but whose first line is not
// such an object is ambiguous: `fn` gets an InvalidArgument saying so and
// naming --input jsonl and --input text, and nothing of stdin is read as an
// article.
bool ReadInputs(const std::vector<std::string>& inputs, InputFormat format,
                const std::function<bool(Result<Document>)>& fn);

// The bytes of the article files `inputs` name (.txt, .jsonl and .ndjson
// files, and those in folders, recursively), for a progress bar; 0 when
// unknown (standard input is among them). Unreadable entries count 0.
int64_t InputsSize(const std::vector<std::string>& inputs);

}  // namespace quoteledger

#endif  // QUOTELEDGER_CLI_STDIN_INPUT_H_
