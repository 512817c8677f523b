// libFuzzer target for the gold reader of `eval`: the input is an article's
// text and its brat standoff (.ann) annotations, split at the first NUL
// byte. Decoding and parsing give claims or a status naming the file, never
// a crash; every claim's content and source characters lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eval/eval_text.h"
#include "eval/gold.h"

namespace {

void CheckInside(const quoteledger::CharSet& set, int64_t size) {
  for (const quoteledger::CharInterval& i : set.intervals()) {
    if (i.begin < 0 || i.end > size || i.begin >= i.end) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quoteledger;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t nul = bytes.find('\0');
  if (nul == std::string_view::npos) return 0;
  auto text = EvalText::Decode(bytes.substr(0, nul), "fuzz.txt");
  if (!text.ok()) return 0;
  auto claims = ParseAnn(bytes.substr(nul + 1), text.value(), "fuzz.ann");
  if (!claims.ok()) return 0;
  for (const EvalClaim& c : claims.value()) {
    if (c.content.empty()) std::abort();
    CheckInside(c.content, text.value().size());
    CheckInside(c.source, text.value().size());
    // Cue offsets are not checked against the text (score.py never indexes
    // the text with them), so only content and source are.
  }
  return 0;
}
