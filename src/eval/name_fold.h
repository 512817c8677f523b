// The Unicode behaviour ../shared/eval/speakers.py relies on when it compares
// names, taken from ICU: unicodedata.normalize('NFKC', s).lower(), and which
// characters the regex class \w matches. speaker_names.cc applies
// speakers.py's token rules to the folded code points, so its words are the
// very strings Python compares.
//
// Known differences from Python: ICU 72 follows Unicode 15.0, Python 3.11
// follows Unicode 14.0. Checked code point by code point, the two agree on
// every character Unicode 14.0 assigns. They differ on 4,388 of the code
// points Unicode 15.0 added (letters and digits of Kawi, Nag Mundari,
// Kaktovik numerals, CJK extension H, ...): word characters here,
// unassigned and so not \w to Python 3.11; the 62 Cyrillic modifier
// letters among them (U+1E030..U+1E06D) also fold to Cyrillic letters
// here. None occurs in PolNeAR or in the names eval_agreement_test.cc
// generates.
#ifndef QUOTELEDGER_EVAL_NAME_FOLD_H_
#define QUOTELEDGER_EVAL_NAME_FOLD_H_

#include <string>
#include <string_view>

namespace quoteledger {

// unicodedata.normalize('NFKC', s).lower() of a UTF-8 string, as code
// points: NFKC, then full lower-casing with the root locale (one code point
// may become several, "İ" -> "i̇"; a capital sigma ending a word becomes ς).
// As in Python, the lower-cased text is not normalized again. Bytes that
// are not UTF-8 fold to U+FFFD. Thread-safe.
std::u32string FoldName(std::string_view utf8);

// Whether re's \w matches `c` in a str pattern: str.isalnum() (a letter, of
// general category L, or a character with a numeric value: digits, Ⅳ, ²,
// 五) or '_'. Combining marks are not word characters, as in Python.
bool IsNameWordChar(char32_t c);

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_NAME_FOLD_H_
