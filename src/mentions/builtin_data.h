// The data files compiled into the binary (see data/embed.py): lexicons and
// the default rule set, by their path under data/.
#ifndef QUOTELEDGER_MENTIONS_BUILTIN_DATA_H_
#define QUOTELEDGER_MENTIONS_BUILTIN_DATA_H_

#include <string_view>
#include <vector>

namespace quoteledger {

struct BuiltinFile {
  std::string_view name;   // "lexicons/titles.txt", "rules/default.rules"
  std::string_view bytes;  // the file as it is in the source tree
};

// All built-in files, in a fixed order. Lives for the whole program.
const std::vector<BuiltinFile>& BuiltinData();

}  // namespace quoteledger

#endif  // QUOTELEDGER_MENTIONS_BUILTIN_DATA_H_
