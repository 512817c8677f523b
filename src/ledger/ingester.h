// Ingester: documents in, ledger out, on every core. The caller's thread
// hands documents in; worker threads run the extractor; one writer thread
// stores the results in input order through the Ledger, one transaction
// per `batch` documents, opened only once the whole batch is extracted so
// that other processes writing the same ledger wait for the writing alone.
// The number of documents in flight is bounded, so memory does not grow
// with the corpus.
#ifndef QUOTELEDGER_LEDGER_INGESTER_H_
#define QUOTELEDGER_LEDGER_INGESTER_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "ledger/ledger.h"
#include "quoteledger/extractor.h"

namespace quoteledger {

// SQLite page cache of a bulk writer and of its probe, in KiB: fixed, so
// that memory does not grow with the ledger (tests/ingest_memory_test.sh).
constexpr int kWriterCacheKiB = 4096;
constexpr int kProbeCacheKiB = 1024;

struct IngestOptions {
  int batch = 200;  // documents per transaction (at least 1)
  // An open batch is also committed once input has paused this long, so a
  // slow stream (a pipe) does not hold its documents uncommitted.
  std::chrono::milliseconds idle_commit{1000};
};

// A snapshot for progress displays; all counts since the Ingester started.
struct IngestProgress {
  int64_t documents = 0;  // through the writer, or skipped as already current
  int64_t bytes = 0;      // their size
  int64_t claims = 0;     // claims added to the ledger
  int64_t rejected = 0;   // documents the ledger refused (see on_reject)
  double seconds = 0;     // since the Ingester started
};

struct IngestSummary {
  IngestCounts counts;       // committed by the writer Ledger, plus documents skipped as current
  int64_t rejected = 0;
  int64_t bytes = 0;
  double seconds = 0;
};

class Ingester {
 public:
  // Starts one worker thread per extractor in `extractors` (at least one;
  // all built from the same rules). An Extractor is thread-safe, but the
  // RE2 objects inside it guard their caches with locks, and several
  // threads sharing one Extractor ran slower than one thread alone on
  // PolNeAR; so each worker has its own. The extractors and `writer` must
  // outlive the Ingester; `writer` is used only from the writer thread
  // until Finish() returns. `probe`, if not null, is a second Ledger on the
  // same file, used from the caller's thread to skip extracting documents
  // that are already current. `on_reject` is called from the writer thread
  // with the reason when the ledger refuses one document (the rest go on).
  Ingester(std::vector<const Extractor*> extractors, Ledger& writer, Ledger* probe,
           IngestOptions options, std::function<void(const Status&)> on_reject);
  // Finishes if Finish() was not called.
  ~Ingester();
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  // Queues one document; blocks while too many are in flight. Returns
  // false, without queueing, once writing has failed: stop and call
  // Finish() to learn why.
  bool Add(Document doc);

  // Waits for every queued document, commits the last batch and stamps the
  // run finished. Returns the first write failure (which rolled back only
  // the open batch). Call once, from the thread that calls Add().
  Status Finish();

  IngestProgress Progress() const;  // thread-safe
  // Valid after Finish().
  IngestSummary Summary() const;

 private:
  struct Item {
    Document doc;
    Attribution result;
  };
  void WorkerLoop(const Extractor& extractor);
  void WriterLoop();
  // Writes `batch` in one transaction and commits it.
  void WriteBatch(std::vector<Item>& batch);
  void Write(Item item);
  void Fail(Status s);

  Ledger& writer_;
  Ledger* probe_;
  IngestOptions options_;
  std::function<void(const Status&)> on_reject_;
  std::chrono::steady_clock::time_point start_;

  mutable std::mutex mu_;
  std::condition_variable todo_cv_, done_cv_, space_cv_;
  std::deque<std::pair<uint64_t, Document>> todo_;  // waiting for a worker
  std::map<uint64_t, Item> done_;                   // extracted, waiting for the writer
  uint64_t next_seq_ = 0;                           // the next Add()'s number
  uint64_t next_write_ = 0;                         // the number the writer waits for
  size_t in_flight_ = 0;                            // added and not yet written
  size_t max_in_flight_;
  bool closing_ = false;
  bool finished_ = false;
  Status error_;  // the first write failure

  std::atomic<bool> failed_{false};
  std::atomic<int64_t> documents_{0}, bytes_{0}, claims_{0}, rejected_{0}, current_{0};
  std::vector<std::thread> workers_;
  std::thread writer_thread_;
};

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_INGESTER_H_
