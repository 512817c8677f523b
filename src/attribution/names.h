// Small readings of a person's or organisation's name, shared by the
// resolver's passes.
#ifndef QUOTELEDGER_ATTRIBUTION_NAMES_H_
#define QUOTELEDGER_ATTRIBUTION_NAMES_H_

#include <string>

namespace quoteledger {

// The surname of a name: its last word, a generational suffix aside
// ("Paul D. Ryan Jr." -> "Ryan").
std::string LastToken(const std::string& name);

// How many words a name has.
int TokenCount(const std::string& s);

// Whether a name is written in capitals, as a transcript's label or an
// acronym is ("PENCE", "WBUR").
bool AllCaps(const std::string& name);

}  // namespace quoteledger

#endif  // QUOTELEDGER_ATTRIBUTION_NAMES_H_
