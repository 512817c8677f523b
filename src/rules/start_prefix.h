// StartPrefix: the opening of a rule's pattern, as a pattern of its own,
// that every match of the rule must begin with. RuleSet::Match uses it to
// find the few places where a match can start, then runs the rule anchored
// at each, rather than scanning the sentence with the rule's unanchored
// program: an anchored program has far fewer DFA states to build than one
// that carries a thread from every start at once.
#ifndef QUOTELEDGER_RULES_START_PREFIX_H_
#define QUOTELEDGER_RULES_START_PREFIX_H_

#include <string>
#include <string_view>

namespace quoteledger {

// A pattern S such that `pattern` = S T for some T, as RE2 reads them (the
// first few items of the pattern's top-level sequence, groups without a
// top-level alternation opened up, names of groups dropped): wherever
// `pattern` matches starting at byte s, S matches starting at s too. Zero-
// width items (^, \b) are kept with the item after them. Returns "" when
// the pattern opens on ^ (RE2 already tries one start only), or when no
// prefix is selective enough to be worth it (it would match almost
// anywhere, as an opening {CLAUSE} does).
std::string StartPrefix(std::string_view pattern);

}  // namespace quoteledger

#endif  // QUOTELEDGER_RULES_START_PREFIX_H_
