// The ledger's SQL migrations (schema/NNNN_name.sql), compiled into the
// binary by data/embed.py so that the program needs nothing beside it.
#ifndef QUOTELEDGER_LEDGER_SCHEMA_DATA_H_
#define QUOTELEDGER_LEDGER_SCHEMA_DATA_H_

#include <string_view>
#include <vector>

namespace quoteledger {

struct SchemaFile {
  std::string_view name;   // "schema/0001_init.sql"
  std::string_view bytes;  // the file as it is in the source tree
};

// Every migration, in the order schema/meson.build lists them (which is the
// order of their numbers). Lives for the whole program.
const std::vector<SchemaFile>& SchemaFiles();

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_SCHEMA_DATA_H_
