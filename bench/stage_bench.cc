// The staged benchmark (see stage_bench.h). The corpus is written to disk
// first, as JSON Lines (what is timed) and as the bare article bytes (what
// grep reads); then one thread reads it back and runs each article through
// the engine, whose stages time themselves (Engine::Run with StageTimes),
// then JSON output and SQLite writes. Nothing of the corpus is held in
// memory beyond the source articles, so peak RSS is the program's own.
#include "bench/stage_bench.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "attribution/engine.h"
#include "ledger/ledger.h"
#include "quoteledger/extractor.h"
#include "quotes/quote_pairer.h"
#include "report/claims_json.h"
#include "text/article_reader.h"
#include "text/segments.h"

namespace quoteledger {
namespace {

double ProcessCpu() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double ThreadCpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double Wall() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

// Copy `copy` of an article: every non-empty line ends with " (copy)", so
// no paragraph's bytes repeat across copies.
std::string Weave(std::string_view text, size_t copy) {
  std::string mark = fmt::format(" ({})", copy);
  std::string out;
  out.reserve(text.size() + 64);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i > 0 && text[i - 1] != '\n') out += mark;
    out += text[i];
  }
  if (!text.empty() && text.back() != '\n') out += mark;
  return out;
}

struct Corpus {
  std::string jsonl;  // one article per line: {"id", "text"}
  std::string raw;    // the same article bytes, one after another
  size_t articles = 0;
  double bytes = 0;  // article bytes
  std::string source;
};

// Writes distinct copies of `base` until `size` article bytes are out.
Corpus WriteCorpus(const std::vector<Document>& base, double size, const std::string& dir) {
  Corpus c;
  c.jsonl = dir + "/corpus.jsonl";
  c.raw = dir + "/corpus.txt";
  std::ofstream jsonl(c.jsonl, std::ios::binary), raw(c.raw, std::ios::binary);
  for (size_t copy = 0; c.bytes < size; ++copy) {
    for (const Document& d : base) {
      std::string text = Weave(d.text(), copy);
      nlohmann::json line = {{"id", fmt::format("{}#{}", d.name(), copy)}, {"text", text}};
      jsonl << line.dump() << '\n';
      raw << text;
      c.bytes += text.size();
      ++c.articles;
      if (c.bytes >= size) break;
    }
  }
  return c;
}

struct Stage {
  std::string name;
  double cpu = 0;
};

struct GrepResult {
  double wall = 0, cpu = 0;
  std::string count;
};

// One `grep -c said` over the article bytes, in a child process.
GrepResult Grep(const std::string& path) {
  GrepResult g;
  int fds[2];
  if (pipe(fds) != 0) return g;
  double start = Wall();
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    execlp("grep", "grep", "-c", "said", path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  char buf[64];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) g.count.append(buf, n);
  close(fds[0]);
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  g.wall = Wall() - start;
  g.cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec +
          ru.ru_stime.tv_usec * 1e-6;
  while (!g.count.empty() && g.count.back() == '\n') g.count.pop_back();
  return g;
}

}  // namespace

bool ParseSize(const std::string& text, double* bytes) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || v <= 0) return false;
  std::string unit(end);
  double scale = unit.empty() || unit == "B" ? 1
                 : unit == "k" || unit == "K" || unit == "kB" ? 1e3
                 : unit == "M" || unit == "MB" ? 1e6
                 : unit == "G" || unit == "GB" ? 1e9
                                                : 0;
  if (scale == 0) return false;
  *bytes = v * scale;
  return true;
}

int RunStageBench(const StageBenchOptions& opt) {
  // Start-up apart: what `extract` pays before its first article.
  double startup_wall = Wall(), startup_cpu = ProcessCpu();
  auto ex = Extractor::Create();
  if (!ex.ok()) {
    std::fprintf(stderr, "quoteledger-bench: %s\n", ex.status().ToString().c_str());
    return 2;
  }
  startup_wall = Wall() - startup_wall;
  startup_cpu = ProcessCpu() - startup_cpu;
  double startup_rss = PeakRssMb();
  const Engine& engine = ex.value()->engine();

  std::vector<Document> base;
  bool failed = false;
  ReadArticles(opt.sources, InputFormat::kAuto, [&](Result<Document> d) {
    if (!d.ok()) {
      std::fprintf(stderr, "quoteledger-bench: %s\n", d.status().ToString().c_str());
      failed = true;
      return false;
    }
    base.push_back(std::move(d).value());
    return true;
  });
  if (failed) return 2;
  if (base.empty()) {
    std::fprintf(stderr, "quoteledger-bench: no articles under the sources given\n");
    return 2;
  }
  namespace fs = std::filesystem;
  std::string dir = opt.workdir;
  bool made_dir = dir.empty();
  if (made_dir) {
    std::string templ = (fs::temp_directory_path() / "quoteledger-bench-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) {
      std::fprintf(stderr, "quoteledger-bench: cannot make a temporary folder\n");
      return 2;
    }
    dir = templ;
  }
  Corpus corpus = WriteCorpus(base, opt.size_bytes, dir);
  corpus.source = fmt::format("{}", fmt::join(opt.sources, " "));
  base.clear();
  base.shrink_to_fit();

  std::unique_ptr<Ledger> ledger;
  if (opt.sqlite) {
    auto l = Ledger::Open(dir + "/bench.qldb", Ledger::OpenMode::kCreate);
    if (!l.ok()) {
      std::fprintf(stderr, "quoteledger-bench: %s\n", l.status().ToString().c_str());
      return 2;
    }
    ledger = std::move(l).value();
    ledger->SetRun({Extractor::Version(), ex.value()->RuleSetHash(), "{\"bench\":true}"});
  }
  std::ofstream devnull("/dev/null", std::ios::binary);
  StageTimes times;
  double quotes = 0, json = 0, sqlite = 0, inside = 0;
  size_t claims = 0, articles = 0;
  int in_batch = 0;
  Status write_error = Status::Ok();
  const Lexicons& lex = engine.lexicons();
  double pass_start = ThreadCpu(), pass_wall = Wall();
  ReadArticles({corpus.jsonl}, InputFormat::kJsonl, [&](Result<Document> d) {
    double t0 = ThreadCpu();
    if (!d.ok()) {
      std::fprintf(stderr, "quoteledger-bench: %s\n", d.status().ToString().c_str());
      failed = true;
      return false;
    }
    const Document& doc = d.value();
    Attribution a = engine.Run(doc, &times);
    // Quote pairing runs inside segmentation; it is timed again here on its
    // own (on the paragraphs segmentation finds, not timed) and taken out
    // of segmentation's time.
    Segments seg = Segment(doc.text(), lex.abbreviations(), &lex.speech_verb_set(),
                           &lex.intention_verb_set());
    double q0 = ThreadCpu();
    std::vector<Quote> pairs = PairQuotes(doc.text(), seg.paragraphs);
    double q1 = ThreadCpu();
    quotes += q1 - q0;
    WriteAttributionJson(devnull, doc, a);
    devnull << '\n';
    double j1 = ThreadCpu();
    json += j1 - q1;
    if (ledger) {
      Status s = ledger->Accept(doc, a);
      if (s.ok() && ++in_batch == 200) {
        s = ledger->Commit();
        in_batch = 0;
      }
      if (!s.ok()) write_error = s;
    }
    double t2 = ThreadCpu();
    sqlite += t2 - j1;
    claims += a.claims.size();
    ++articles;
    // The bench's own work in here (the second segmentation) counts in no
    // stage, and all of it is kept out of reading.
    inside += t2 - t0;
    return write_error.ok();
  });
  double sqlite_finish = 0;
  if (ledger && write_error.ok()) {
    double f0 = ThreadCpu();
    write_error = ledger->FinishRun();
    sqlite_finish = ThreadCpu() - f0;
    sqlite += sqlite_finish;
  }
  double pass_cpu = ThreadCpu() - pass_start;
  pass_wall = Wall() - pass_wall;
  if (failed) return 2;
  if (!write_error.ok()) {
    std::fprintf(stderr, "quoteledger-bench: %s\n", write_error.ToString().c_str());
    return 2;
  }
  // Reading is what the pass spent outside the callbacks, less FinishRun.
  double read = pass_cpu - inside - (ledger ? sqlite_finish : 0);
  GrepResult grep = Grep(corpus.raw);
  double peak = PeakRssMb();

  std::vector<Stage> stages = {
      {"read", read},
      {"normalize and segment", times.segment - quotes},
      {"quote pairing", quotes},
      {"mentions", times.mentions},
      {"rules", times.rules},
      {"resolution", times.resolve},
      {"JSON output", json},
  };
  double extract_total = 0;
  for (const Stage& st : stages) extract_total += st.cpu;
  if (ledger) stages.push_back({"SQLite writes", sqlite});
  double mb = corpus.bytes / 1e6;
  auto rate = [](double n, double s) { return s > 0 ? n / s : 0.0; };
  unsigned cores = std::thread::hardware_concurrency();
  if (opt.json) {
    nlohmann::json out;
    out["machine"] = {{"cores", cores}};
    out["corpus"] = {{"source", corpus.source}, {"articles", corpus.articles},
                     {"bytes", corpus.bytes}, {"claims", claims}};
    out["startup"] = {{"cpu_seconds", startup_cpu}, {"wall_seconds", startup_wall},
                      {"rss_mb", startup_rss}};
    nlohmann::json rows = nlohmann::json::array();
    auto row = [&](const std::string& name, double s) {
      return nlohmann::json{{"stage", name}, {"cpu_seconds", s}, {"mb_per_s", rate(mb, s)},
                            {"articles_per_s", rate(articles, s)},
                            {"claims_per_s", rate(claims, s)}};
    };
    for (const Stage& st : stages) rows.push_back(row(st.name, st.cpu));
    out["stages"] = rows;
    out["extract"] = row("extract (read to JSON)", extract_total);
    out["grep"] = {{"command", "grep -c said"}, {"cpu_seconds", grep.cpu},
                   {"wall_seconds", grep.wall}, {"mb_per_s", rate(mb, grep.cpu)},
                   {"count", grep.count}};
    out["extract_over_grep"] = rate(extract_total, grep.cpu);
    out["pass_wall_seconds"] = pass_wall;
    out["peak_rss_mb"] = peak;
    fmt::print("{}\n", out.dump(2));
  } else {
    fmt::print("corpus: {} articles, {:.1f} MB, distinct copies of {}; 1 thread, {} cores\n",
               corpus.articles, mb, corpus.source, cores);
    fmt::print("start-up: {:.3f} s CPU, {:.3f} s wall, {:.1f} MB resident\n", startup_cpu,
               startup_wall, startup_rss);
    fmt::print("{:<24} {:>9} {:>9} {:>12} {:>11}\n", "stage", "CPU s", "MB/s", "articles/s",
               "claims/s");
    auto line = [&](const std::string& name, double s) {
      fmt::print("{:<24} {:>9.2f} {:>9.2f} {:>12.0f} {:>11.0f}\n", name, s, rate(mb, s),
                 rate(articles, s), rate(claims, s));
    };
    for (const Stage& st : stages) line(st.name, st.cpu);
    line("extract (read to JSON)", extract_total);
    line("grep -c said", grep.cpu);
    fmt::print("extract / grep: {:.0f} times the CPU time ({} claims; grep counted {} lines)\n",
               rate(extract_total, grep.cpu), claims, grep.count);
    fmt::print("pass wall time {:.1f} s; peak memory {:.1f} MB resident\n", pass_wall, peak);
  }
  if (made_dir) {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  return 0;
}

}  // namespace quoteledger
