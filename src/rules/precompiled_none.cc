// The generator of the built-in rule tables is linked with this instead of
// the tables it writes: it computes everything at run time.
#include "rules/precompiled.h"

namespace quoteledger {

const PrecompiledRules* BuiltinPrecompiledRules() { return nullptr; }

}  // namespace quoteledger
