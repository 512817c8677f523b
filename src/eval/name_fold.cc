// speakers.py's fold and \w through ICU. ICU is included here only; the
// rest of src/eval sees std::u32string.
#include "eval/name_fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace quoteledger {

std::u32string FoldName(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  // A singleton owned by ICU. Its data is built into libicudata, so getting
  // it fails only on a broken ICU install; the name is then only
  // lower-cased, and the agreement test with speakers.py fails.
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_SUCCESS(status)) s = nfkc->normalize(s, status);
  // The root locale's full mapping is str.lower()'s: SpecialCasing's
  // unconditional mappings and Final_Sigma, no Turkish or Lithuanian rules.
  s.toLower(icu::Locale::getRoot());
  std::u32string out;
  out.reserve(static_cast<size_t>(s.length()));
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    out += static_cast<char32_t>(s.char32At(i));
  }
  return out;
}

bool IsNameWordChar(char32_t c) {
  auto cp = static_cast<UChar32>(c);
  // sre's SRE_UNI_IS_WORD: Py_UNICODE_ISALNUM (isalpha, isdecimal, isdigit,
  // isnumeric) or '_'. isalpha is general category L, which u_isalpha
  // tests (not the wider Alphabetic property, which takes in marks); the
  // other three hold exactly when Numeric_Type is not None.
  return c == U'_' || u_isalpha(cp) ||
         u_getIntPropertyValue(cp, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

}  // namespace quoteledger
