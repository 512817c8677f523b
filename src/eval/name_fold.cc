// Lookups in the generated tables, with ASCII answered directly since it is
// nearly every character of a news name.
#include "eval/name_fold.h"

#include <algorithm>
#include <string_view>

#include "text/utf8.h"

namespace quoteledger {

NameCharClass ClassOfNameChar(char32_t c) {
  if (c < 0x80) {
    bool word =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return word ? NameCharClass::kWord : NameCharClass::kOther;
  }
  const NameClassRun* end = kNameClassRuns + kNameClassRunCount;
  // The last run starting at or before c; the first run starts at 0x80.
  const NameClassRun* run = std::upper_bound(
      kNameClassRuns, end, c, [](char32_t x, const NameClassRun& r) { return x < r.start; });
  return (run - 1)->char_class;
}

void AppendNameFold(char32_t c, std::u32string* out) {
  if (c < 0x80) {
    *out += (c >= 'A' && c <= 'Z') ? static_cast<char32_t>(c + ('a' - 'A')) : c;
    return;
  }
  const NameFoldEntry* end = kNameFolds + kNameFoldCount;
  const NameFoldEntry* e = std::lower_bound(
      kNameFolds, end, c, [](const NameFoldEntry& x, char32_t y) { return x.code_point < y; });
  if (e != end && e->code_point == c) {
    *out += e->fold;
  } else {
    *out += c;
  }
}

std::u32string FoldName(std::string_view utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    AppendNameFold(DecodeAt(utf8, i, &len), &out);
    i += len;
  }
  return out;
}

}  // namespace quoteledger
