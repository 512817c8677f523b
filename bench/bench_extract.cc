// quoteledger-bench: extraction throughput.
//
//   quoteledger-bench [--size 200M] [--json] [--no-sqlite] [--workdir DIR] [SOURCE...]
//   quoteledger-bench [--repeat N] [--threads N] PATH...
//
// The first form (also when no path is given) is the staged benchmark of
// stage_bench.h: a corpus of --size article bytes made of distinct copies
// of SOURCE (by default ../shared/polnear/train/text, or samples/articles
// when that is absent), timed per stage beside `grep -c`, as a table or
// JSON. The second loads every article under PATH (as `extract` reads
// them), runs the engine over all of them N times on T threads, and prints
// MB/s, articles per second, claims found and the process's peak resident
// memory. The first pass is reported separately: it includes RE2's DFA
// warm-up.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bench/stage_bench.h"
#include "quoteledger/extractor.h"
#include "text/article_reader.h"

using namespace quoteledger;

namespace {

struct Pass {
  double seconds = 0;
  double cpu_seconds = 0;  // of the whole process, all threads
  size_t claims = 0;
};

// Process CPU time: unlike wall time it does not count the time other
// work on a shared machine holds the cores.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// Runs `passes` passes over `docs` on `threads` long-lived threads, which
// meet at a barrier between passes.
std::vector<Pass> RunPasses(const Extractor& ex, const std::vector<Document>& docs, int threads,
                            int passes) {
  std::vector<Pass> out(passes);
  std::atomic<size_t> next{0};
  std::atomic<size_t> claims{0};
  std::chrono::steady_clock::time_point start;
  double cpu_start = 0;
  int pass = 0;
  std::barrier sync(threads, [&]() noexcept {
    if (pass > 0) {
      out[pass - 1].seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      out[pass - 1].cpu_seconds = CpuSeconds() - cpu_start;
      out[pass - 1].claims = claims.exchange(0);
    }
    next = 0;
    ++pass;
    start = std::chrono::steady_clock::now();
    cpu_start = CpuSeconds();
  });
  auto work = [&] {
    sync.arrive_and_wait();
    for (int p = 0; p < passes; ++p) {
      size_t local = 0;
      for (size_t i; (i = next.fetch_add(1)) < docs.size();) {
        local += ex.Extract(docs[i]).claims.size();
      }
      claims += local;
      sync.arrive_and_wait();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  return out;
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"quoteledger-bench: extraction throughput on a corpus held in memory"};
  int repeat = 3, threads = 1;
  std::vector<std::string> paths;
  std::string size;
  StageBenchOptions staged;
  app.add_option("--repeat", repeat, "warm passes after the first")->check(CLI::Range(1, 1000));
  app.add_option("--threads", threads, "threads sharing the articles")->check(CLI::Range(1, 256));
  app.add_option("--size", size,
                 "staged benchmark: corpus size in article bytes (200M, 1G, 64k; default 200M)");
  app.add_flag("--json", staged.json, "staged benchmark: print JSON instead of a table");
  app.add_flag("!--no-sqlite", staged.sqlite, "staged benchmark: leave out SQLite writes");
  app.add_option("--workdir", staged.workdir,
                 "staged benchmark: folder for the corpus files (default: a temporary one)");
  app.add_option("paths", paths, "articles: .txt files, .jsonl files or folders");
  CLI11_PARSE(app, argc, argv);
  if (!size.empty() || staged.json || paths.empty()) {
    if (!size.empty() && !ParseSize(size, &staged.size_bytes)) {
      std::fprintf(stderr, "quoteledger-bench: --size %s: give bytes, e.g. 200M or 1G\n",
                   size.c_str());
      return 2;
    }
    staged.sources = paths;
    if (staged.sources.empty()) {
      std::error_code ec;
      staged.sources = {std::filesystem::is_directory("../shared/polnear/train/text", ec)
                            ? "../shared/polnear/train/text"
                            : "samples/articles"};
    }
    return RunStageBench(staged);
  }
  auto ex = Extractor::Create();
  if (!ex.ok()) {
    std::fprintf(stderr, "quoteledger-bench: %s\n", ex.status().ToString().c_str());
    return 2;
  }
  // A pass over part of the corpus would report a speed for a corpus no
  // one asked about: any article that cannot be read stops the bench.
  std::vector<Document> docs;
  size_t bytes = 0;
  bool failed = false;
  ReadArticles(paths, InputFormat::kAuto, [&](Result<Document> d) {
    if (!d.ok()) {
      std::fprintf(stderr, "quoteledger-bench: %s\n", d.status().ToString().c_str());
      failed = true;
      return false;
    }
    bytes += d.value().text().size();
    docs.push_back(std::move(d).value());
    return true;
  });
  if (failed) return 2;
  if (docs.empty()) {
    std::fprintf(stderr, "quoteledger-bench: no articles under the paths given\n");
    return 2;
  }
  double mb = bytes / 1e6;
  fmt::print("corpus: {} articles, {:.1f} MB; {} thread(s)\n", docs.size(), mb, threads);
  std::vector<Pass> passes = RunPasses(*ex.value(), docs, threads, repeat + 1);
  const Pass& first = passes[0];
  fmt::print("first pass (cold DFA): {:.2f} s, {:.1f} MB/s, {} claims; CPU {:.2f} s\n",
             first.seconds, mb / first.seconds, first.claims, first.cpu_seconds);
  double total = 0, best = passes[1].seconds, best_cpu = passes[1].cpu_seconds;
  for (int r = 1; r <= repeat; ++r) {
    total += passes[r].seconds;
    best = std::min(best, passes[r].seconds);
    best_cpu = std::min(best_cpu, passes[r].cpu_seconds);
  }
  fmt::print("warm: {:.1f} MB/s, {:.0f} articles/s, {:.0f} words/s (avg of {} passes)\n",
             mb * repeat / total, docs.size() * repeat / total, mb * 1e6 / 6.0 * repeat / total,
             repeat);
  // On a shared machine the fastest pass is the one least disturbed by
  // other work, which makes it the steadier figure for comparing builds.
  fmt::print("fastest warm pass: {:.3f} s, {:.2f} MB/s; least CPU: {:.3f} s\n", best, mb / best,
             best_cpu);
  fmt::print("peak memory: {:.1f} MB resident\n", PeakRssKb() / 1024.0);
  return 0;
}
