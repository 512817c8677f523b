// libFuzzer target for the JSON Lines reader: each line of the input is
// parsed as one article, as `extract` and `ingest` read a .jsonl file. A line
// gives a Document or a status that names it, never a crash; an accepted
// article's text is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "quoteledger/document.h"
#include "text/article_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quoteledger;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  int line_no = 0;
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    std::string_view line = bytes.substr(0, nl);
    bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
    std::string where = "fuzz.jsonl:" + std::to_string(++line_no);
    auto doc = ParseJsonArticle(line, where);
    if (!doc.ok()) {
      if (doc.status().message().empty()) std::abort();
      continue;
    }
    if (FindInvalidUtf8(doc.value().text()) != std::string_view::npos) std::abort();
  }
  return 0;
}
