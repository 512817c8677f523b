// AtomFinder: which of a list of literal strings occur in an ASCII text, in
// one pass over it with a table lookup per byte. It answers what an
// unanchored RE2::Set of the same literals answers (the prefilters of
// RuleSet::Candidates), without the DFA states such a Set builds for every
// new text: on text the process has not seen, the Set spent about a
// thousand cycles a byte building them.
#ifndef QUOTELEDGER_RULES_ATOM_FINDER_H_
#define QUOTELEDGER_RULES_ATOM_FINDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quoteledger {

class AtomFinder {
 public:
  // `atoms` are byte strings; with `fold_case`, ASCII letters match in
  // either case (as RE2 matches a case-insensitive literal in ASCII text).
  AtomFinder(const std::vector<std::string>& atoms, bool fold_case);

  // Sets (*present)[i] to 1 when atom i occurs in `text` and 0 when not,
  // and returns true; returns false, leaving *present alone, when `text`
  // is not all ASCII (the caller asks RE2 then). An empty atom is present
  // in every text. An atom holding a character outside ASCII is never
  // present, except, with `fold_case`, for 'ſ' and the Kelvin sign, which
  // Unicode folds to 's' and 'k' and which therefore match those.
  // Thread-safe.
  bool Find(std::string_view text, std::vector<char>* present) const;

  // The same scan, setting (*last)[i] to where the last occurrence of atom
  // i starts, or -1 when there is none (an empty atom, or one taken as
  // present above, counts as starting at the text's end).
  bool FindLast(std::string_view text, std::vector<int32_t>* last) const;

 private:
  uint8_t Fold(unsigned char c) const { return fold_[c]; }
  // Calls found(id, start) for every occurrence, in text order; false when
  // `text` is not all ASCII.
  template <typename Found>
  bool Scan(std::string_view text, Found found) const;

  size_t count_ = 0;
  uint8_t fold_[256];
  std::vector<int> always_;                 // atoms present in every ASCII text
  std::vector<std::vector<int>> single_;    // by (folded) byte: one-byte atoms
  std::vector<std::string> folded_;         // each atom, folded
  // Atoms of two bytes or more by their first two (folded) bytes:
  // ids_[head_[key] .. head_[key + 1]).
  std::vector<uint32_t> head_;
  std::vector<uint64_t> has_key_;  // a bit per key: whether any atom opens so
  std::vector<int> ids_;
};

// The literals an RE2 pattern made of alternatives of plain words matches
// ("(?:said|says|s\.)", "\x02"), for an unanchored search: a leading
// optional group ("(?:also )?(?:...)") is dropped, since a text holds a
// match of it exactly when it holds one of the rest. False when the
// pattern is anything else.
bool LiteralAlternatives(std::string_view pattern, std::vector<std::string>* out);

}  // namespace quoteledger

#endif  // QUOTELEDGER_RULES_ATOM_FINDER_H_
