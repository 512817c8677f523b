// Reading articles from the command line's inputs: text files (one article
// each), JSON Lines (one article a line: "text" and optional "id", "url",
// "title", "publisher", "published_at"), folders, and standard input.
#ifndef QUOTELEDGER_TEXT_ARTICLE_READER_H_
#define QUOTELEDGER_TEXT_ARTICLE_READER_H_

#include <functional>
#include <string>
#include <vector>

#include "quoteledger/document.h"

namespace quoteledger {

enum class InputFormat {
  kAuto,   // by file name: .jsonl/.ndjson are JSON Lines, all else text
  kText,   // every input is one article
  kJsonl,  // every input is JSON Lines
};

// "auto", "text" or "jsonl" (the --input option) to an InputFormat; false
// for anything else.
bool ParseInputFormat(std::string_view name, InputFormat* format);

// Calls `fn` once per article in `inputs`, in order, with the Document or
// the Status saying why that article could not be read (file, line, byte
// offset, what to do). "-" is standard input. A folder is walked
// recursively in name order, taking *.txt, *.jsonl and *.ndjson files.
// Stops early, returning false, when `fn` returns false.
bool ReadArticles(const std::vector<std::string>& inputs, InputFormat format,
                  const std::function<bool(Result<Document>)>& fn);

// Parses one JSON Lines record; `where` ("file:line") names it in errors.
Result<Document> ParseJsonArticle(std::string_view line, const std::string& where);

}  // namespace quoteledger

#endif  // QUOTELEDGER_TEXT_ARTICLE_READER_H_
