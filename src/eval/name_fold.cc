// Lookups in the generated tables, with ASCII answered directly since it is
// nearly every character of a news name.
#include "eval/name_fold.h"

#include <algorithm>

#include "text/utf8.h"

namespace quoteledger {
namespace {

constexpr char32_t kCapitalSigma = U'\u03A3', kFinalSigma = U'\u03C2';

NameCharClass AsciiClass(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return NameCharClass::kCasedLetter;
  if ((c >= '0' && c <= '9') || c == '_') return NameCharClass::kWord;
  if (c == '\'' || c == '.' || c == ':' || c == '^' || c == '`') {
    return NameCharClass::kCaseIgnorable;
  }
  return NameCharClass::kOther;
}

bool IsCased(char32_t c) { return ClassOfNameChar(c) == NameCharClass::kCasedLetter; }

bool IsCaseIgnorable(char32_t c) {
  NameCharClass k = ClassOfNameChar(c);
  return k == NameCharClass::kMark || k == NameCharClass::kCaseIgnorable;
}

// str.lower()'s Final_Sigma context: a cased letter before, none after,
// case-ignorable characters skipped both ways.
bool IsFinalSigma(const std::u32string& s, size_t i) {
  size_t before = i;
  while (before > 0 && IsCaseIgnorable(s[before - 1])) --before;
  if (before == 0 || !IsCased(s[before - 1])) return false;
  size_t after = i + 1;
  while (after < s.size() && IsCaseIgnorable(s[after])) ++after;
  return after == s.size() || !IsCased(s[after]);
}

}  // namespace

NameCharClass ClassOfNameChar(char32_t c) {
  if (c < 0x80) return AsciiClass(c);
  const NameClassRun* end = kNameClassRuns + kNameClassRunCount;
  // The last run starting at or before c; the first run starts at 0x80.
  const NameClassRun* run = std::upper_bound(
      kNameClassRuns, end, c, [](char32_t x, const NameClassRun& r) { return x < r.start; });
  return (run - 1)->char_class;
}

char32_t ComposeNamePair(char32_t first, char32_t second) {
  const NameComposition* end = kNameCompositions + kNameCompositionCount;
  const NameComposition* it =
      std::lower_bound(kNameCompositions, end, NameComposition{first, second, 0},
                       [](const NameComposition& a, const NameComposition& b) {
                         return a.first != b.first ? a.first < b.first : a.second < b.second;
                       });
  return it != end && it->first == first && it->second == second ? it->composite : 0;
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
  std::u32string in, out;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    in += static_cast<char32_t>(DecodeAt(utf8, i, &len));
    i += len;
  }
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == kCapitalSigma && IsFinalSigma(in, i)) {
      out += kFinalSigma;
    } else {
      AppendNameFold(in[i], &out);
    }
  }
  return out;
}

}  // namespace quoteledger
