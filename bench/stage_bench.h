// The staged benchmark of issue 20: a corpus of a chosen size made of
// distinct copies of a source corpus, read from disk and run through every
// stage on one thread, each stage timed on its own, beside one `grep -c`
// pass over the same bytes.
#ifndef QUOTELEDGER_BENCH_STAGE_BENCH_H_
#define QUOTELEDGER_BENCH_STAGE_BENCH_H_

#include <string>
#include <vector>

namespace quoteledger {

struct StageBenchOptions {
  std::vector<std::string> sources;  // articles to repeat: files or folders
  double size_bytes = 200e6;         // article bytes in the corpus, at least
  bool json = false;                 // print JSON instead of a table
  bool sqlite = true;                // time SQLite writes into a fresh ledger
  std::string workdir;               // where the corpus is written; "" = a temporary folder
};

// Runs the benchmark and prints its report to stdout; returns the exit
// code (2 with a message on stderr when a source cannot be read).
int RunStageBench(const StageBenchOptions& options);

// "200M", "1.5G", "64k" or a plain number of bytes; false if malformed.
bool ParseSize(const std::string& text, double* bytes);

}  // namespace quoteledger

#endif  // QUOTELEDGER_BENCH_STAGE_BENCH_H_
