// Comparing a predicted speaker's name with the gold canonical name the way
// ../shared/eval/speakers.py does (tokens(), same_strict(), same_lenient()),
// so that `quoteledger eval` prints its figures to the digit. The Unicode
// side of that (NFKC, lower case, \w) is in name_fold.h.
#ifndef QUOTELEDGER_EVAL_SPEAKER_NAMES_H_
#define QUOTELEDGER_EVAL_SPEAKER_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace quoteledger {

// speakers.py's tokens(): the name folded (NFKC, lower case, ’ read as '),
// parenthesised parts dropped ("(R-Texas)"), possessive 's dropped, every
// character but word characters, white space, ' and - made a space, split
// on white space, ' and - trimmed from each word, leading titles and
// honorifics dropped while more than one word is left ("President Donald
// Trump" -> donald trump, but "President" alone stays), and with more than
// two words the one-letter words between first and last dropped (middle
// initials). Words are UTF-8, the strings tokens() returns (see name_fold.h
// for where ICU and Python may differ).
std::vector<std::string> NameTokens(std::string_view name);

// gold.split(' + '): the names of a canonical that names several speakers.
std::vector<std::string_view> GoldNames(std::string_view gold);

// same_strict(): `pred` has the tokens of one of the " + "-joined gold names,
// or that gold name is a single word (the article never gives more) and
// `pred`'s last token is that word. An empty `pred` is never right.
bool SameSpeakerStrict(std::string_view pred, std::string_view gold);

// same_lenient(): `pred`'s last token is the last token of one of the gold
// names, and their first tokens agree unless either is a single word.
bool SameSpeakerLenient(std::string_view pred, std::string_view gold);

// A speaker with no tokens, or whose tokens are a pronoun ("he", "they",
// "who", ...): a claim whose speaker resolution never happened.
bool IsPronounOrEmpty(std::string_view speaker);

// speaker_kind values that name someone in the ledger: "person",
// "organization", "org" (lower-cased by the caller).
bool IsNamedKind(std::string_view kind);

// The gold canonical for a source that is no specific named entity.
inline constexpr std::string_view kUnnamedCanonical = "-";

}  // namespace quoteledger

#endif  // QUOTELEDGER_EVAL_SPEAKER_NAMES_H_
