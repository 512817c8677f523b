// The ledger's name key: what two spellings of a person's name must share
// to be merged into one entity without a person deciding it.
//
// A name is read as [honorifics] first [middles] surname [suffix]:
//
//   "Mrs. Hillary Rodham Clinton"  -> first "hillary", surname "clinton",
//                                     gender 'f' (from "Mrs.")
//   "Donald J. Trump"              -> first "donald", surname "trump"
//   "Donald Trump Jr."             -> first "donald", surname "trump", suffix "jr"
//   "Bill de Blasio"               -> first "bill", surname "de blasio"
//   "Mr. Trump", "Trump"           -> a surname alone: "trump"
//
// The key of a full name is surname|first|suffix ("trump|donald|jr"):
// middle names and initials are left out, because articles add and drop
// them ("Donald J. Trump" = "Donald Trump", "Hillary Rodham Clinton" =
// "Hillary Clinton"); the first name and the generational suffix are kept,
// because a different first name ("Eric Trump", "Bill Clinton") or a
// suffix ("Donald Trump Jr.") is a different person, and so is a nickname
// ("Bill" and "William Clinton" stay apart until a person merges them).
//
// Details that make the key careful rather than clever:
// - Comparison folds ASCII case and a token's final "." or ","; other
//   characters are compared as bytes, so "José" and "Jose" differ. The
//   typographic apostrophe is read as "'" ("O’Rourke" = "O'Rourke").
// - What stands before the name is dropped: honorifics ("Mrs.", which
//   give the gender; data/lexicons/honorifics.txt), and a description
//   ending in a title word ("Virginia Sen. Tim Kaine", "Former Clinton
//   Senior Adviser Sidney Blumenthal"; data/lexicons/titles.txt). When
//   the first word left is not a known first name but a later one is
//   ("Republican Donald Trump", "Neither Donald J. Trump";
//   data/lexicons/first_names.txt), the name starts there.
// - Generational suffixes come from data/lexicons/name_suffixes.txt.
// - Lower-case words before the last one are surname particles ("de",
//   "van", "bin"): "Bill de Blasio" has surname "de blasio", and
//   "de Blasio" alone is that surname alone.
// - A name of one word (after all that) is a surname alone. It has no key
//   of its own: whether it may stand for a full name is SurnameMayMean's
//   question, which the ledger asks only when exactly one person has that
//   surname (src/ledger/identity.h).
// - Text that is not a plausible name has no key and is never merged:
//   the first and last words must be capitalised, not possessive ("Trump's
//   Indiana") and the first not an abbreviation ("Pres. Obama") or a word
//   that never starts a name ("On Trump"; data/lexicons/stop_capitals.txt);
//   between them at most one middle name besides initials, so a headline
//   taken for a name ("Chuck Grassley Compares Trump") is not a Trump.
// - Gender comes from an honorific, else from the first name's usual
//   gender; 0 when neither says.
#ifndef QUOTELEDGER_LEDGER_NAME_KEY_H_
#define QUOTELEDGER_LEDGER_NAME_KEY_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "mentions/lexicon.h"
#include "quoteledger/status.h"

namespace quoteledger {

struct PersonName {
  std::string first;   // folded first given name ("donald"); "" for a surname alone
  std::string last;    // folded surname with its particles ("trump", "de gaulle"); "" if none
  std::string suffix;  // folded generational suffix ("jr"), or ""
  char gender = 0;     // 'm' or 'f' when an honorific says so, else 0

  // Whether the text held a surname at all ("Mr." alone does not).
  bool ok() const { return !last.empty(); }
  bool surname_only() const { return ok() && first.empty(); }
  // "trump|donald|jr" for a full name, "trump||" for a surname alone, ""
  // when !ok(). Equal keys of full names mean the same person.
  std::string Key() const;
};

// Reads names. Immutable after construction; safe to share across threads.
class NameParser {
 public:
  // Loads the lexicons compiled into the binary. InvalidArgument naming
  // file and line for a malformed entry (a build mistake the tests catch).
  static Result<NameParser> LoadBuiltin();

  // The parts of `name`; !ok() when it holds no plausible name.
  PersonName Parse(std::string_view name) const;
  // The gender a first name usually carries ('m', 'f'), or 0; as written.
  char FirstNameGender(std::string_view word) const { return lex_->FirstNameGender(word); }

 private:
  bool Plausible(const std::vector<std::string_view>& tokens, size_t begin, size_t surname,
                 size_t end) const;

  std::shared_ptr<const Lexicons> lex_;     // honorifics, titles, first names
  std::unordered_set<std::string> suffixes_;  // folded
};

// Genders agree unless both are known and differ.
inline bool GendersAgree(char a, char b) { return a == 0 || b == 0 || a == b; }

// Whether a surname alone (`alone`, of gender `alone_gender`) may stand for
// the full name `full` (of gender `full_gender`): same surname and suffix,
// genders agreeing. A necessary condition only: the ledger links the two
// when exactly one full name in it passes.
bool SurnameMayMean(const PersonName& alone, char alone_gender, const PersonName& full,
                    char full_gender);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_NAME_KEY_H_
