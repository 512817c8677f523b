// The ingest pipeline. One mutex guards the queues; the writer takes
// results strictly in input order (done_ is keyed by sequence number), so a
// ledger built with 1 thread or 16 is the same row for row.
#include "ledger/ingester.h"

#include <algorithm>

namespace quoteledger {

Ingester::Ingester(std::vector<const Extractor*> extractors, Ledger& writer, Ledger* probe,
                   IngestOptions options, std::function<void(const Status&)> on_reject)
    : writer_(writer),
      probe_(probe),
      options_(options),
      on_reject_(std::move(on_reject)),
      start_(std::chrono::steady_clock::now()) {
  options_.batch = std::max(options_.batch, 1);
  // Enough to keep every worker busy while the writer commits, no more.
  max_in_flight_ = 4 * extractors.size() + 4;
  for (const Extractor* extractor : extractors) {
    workers_.emplace_back([this, extractor] { WorkerLoop(*extractor); });
  }
  writer_thread_ = std::thread([this] { WriterLoop(); });
}

Ingester::~Ingester() {
  if (!finished_) (void)Finish();  // the caller did not want the Status
}

bool Ingester::Add(Document doc) {
  if (failed_) return false;
  if (probe_ != nullptr) {
    // A read error here only costs a redundant extraction: the writer
    // checks again before it writes.
    Result<bool> current = probe_->IsCurrent(doc.Sha256());
    if (current.ok() && current.value()) {
      ++documents_;
      ++current_;
      bytes_ += static_cast<int64_t>(doc.text().size());
      return true;
    }
  }
  std::unique_lock<std::mutex> lock(mu_);
  space_cv_.wait(lock, [this] { return in_flight_ < max_in_flight_ || failed_; });
  if (failed_) return false;
  todo_.emplace_back(next_seq_++, std::move(doc));
  ++in_flight_;
  todo_cv_.notify_one();
  return true;
}

void Ingester::WorkerLoop(const Extractor& extractor) {
  for (;;) {
    std::unique_lock<std::mutex> lock(mu_);
    todo_cv_.wait(lock, [this] { return !todo_.empty() || closing_; });
    if (todo_.empty()) return;
    auto [seq, doc] = std::move(todo_.front());
    todo_.pop_front();
    lock.unlock();
    // After a failure the result is thrown away; skip the work.
    Attribution result = failed_ ? Attribution{} : extractor.Extract(doc);
    lock.lock();
    done_.emplace(seq, Item{std::move(doc), std::move(result)});
    done_cv_.notify_one();
  }
}

// Results are gathered in memory, in input order, and written only when a
// whole batch is there (or input pauses, or ends), so the write lock is
// held for the writing alone and never while articles are extracted: a
// second process writing the same ledger waits for one short transaction,
// not for this process's extraction (issue 22). Taking an item off done_
// frees its place in flight at once, so memory is bounded by the batch
// plus what is in flight.
void Ingester::WriterLoop() {
  std::vector<Item> batch;
  for (;;) {
    std::unique_lock<std::mutex> lock(mu_);
    bool ready = done_cv_.wait_for(lock, options_.idle_commit, [this] {
      return done_.count(next_write_) > 0 || (closing_ && in_flight_ == 0);
    });
    bool closed = ready && done_.count(next_write_) == 0;
    if (ready && !closed) {
      auto node = done_.extract(next_write_++);
      --in_flight_;
      space_cv_.notify_one();
      lock.unlock();
      batch.push_back(std::move(node.mapped()));
      if (batch.size() < static_cast<size_t>(options_.batch)) continue;
    } else {
      lock.unlock();
    }
    WriteBatch(batch);
    batch.clear();
    if (closed) return;
  }
}

void Ingester::WriteBatch(std::vector<Item>& batch) {
  if (batch.empty() || failed_) return;
  for (Item& item : batch) {
    if (failed_) return;
    Write(std::move(item));
  }
  Status s = writer_.Commit();
  if (!s.ok()) Fail(s);
}

void Ingester::Write(Item item) {
  int64_t before = writer_.counts().claims_added;
  Status s = writer_.Accept(item.doc, item.result);
  if (s.ok()) {
    ++documents_;
    bytes_ += static_cast<int64_t>(item.doc.text().size());
    claims_ += writer_.counts().claims_added - before;
  } else if (s.code() == StatusCode::kInvalidArgument) {
    // This document only: the Ledger undid its writes.
    ++rejected_;
    if (on_reject_) on_reject_(s);
  } else {
    Fail(s);
  }
}

void Ingester::Fail(Status s) {
  std::lock_guard<std::mutex> lock(mu_);
  if (error_.ok()) error_ = std::move(s);
  failed_ = true;
  space_cv_.notify_all();
}

Status Ingester::Finish() {
  if (finished_) return error_;
  finished_ = true;
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
  }
  todo_cv_.notify_all();
  done_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
  done_cv_.notify_all();
  writer_thread_.join();
  if (!failed_) {
    Status s = writer_.FinishRun();
    if (!s.ok()) error_ = s;
  }
  return error_;
}

IngestProgress Ingester::Progress() const {
  IngestProgress p;
  p.documents = documents_;
  p.bytes = bytes_;
  p.claims = claims_;
  p.rejected = rejected_;
  p.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return p;
}

IngestSummary Ingester::Summary() const {
  IngestSummary s;
  s.counts = writer_.committed_counts();
  s.counts.documents_unchanged += current_;
  s.rejected = rejected_;
  s.bytes = bytes_;
  s.seconds = Progress().seconds;
  return s;
}

}  // namespace quoteledger
