// `quoteledger ingest`: articles into the ledger, extracted on every core
// with one writer. A bad article is reported with file and line and
// skipped; the rest go in, and the exit code is 2 when anything was skipped.
#include <algorithm>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/console.h"
#include "ledger/ingester.h"
#include "ledger/ledger.h"
#include "quoteledger/extractor.h"
#include "text/article_date.h"
#include "cli/stdin_input.h"
#include "text/article_reader.h"

namespace quoteledger {
namespace {

struct IngestCliOptions {
  std::vector<std::string> inputs;
  std::string input = "auto";
  std::vector<std::string> rules;
  bool no_builtin = false;
  int batch = 200;
  int threads = 0;
};

RunSettings Settings(const IngestCliOptions& opt, const Extractor& extractor) {
  nlohmann::ordered_json options = {{"rules", opt.rules},
                                    {"builtin_rules", !opt.no_builtin},
                                    {"input", opt.input}};
  return {Extractor::Version(), extractor.RuleSetHash(), options.dump()};
}

std::string Summary(const IngestSummary& s, int64_t skipped, const std::string& db) {
  const IngestCounts& c = s.counts;
  double rate = s.seconds > 0 ? static_cast<double>(s.bytes) / s.seconds : 0;
  int64_t articles = c.documents_new + c.documents_reextracted + c.documents_unchanged;
  return fmt::format(
      "ingested {} article{} into {}: {} new, {} re-extracted, {} unchanged, {} skipped; "
      "{} claims added, {} superseded; {} in {:.1f} s ({}/s)",
      Thousands(articles), articles == 1 ? "" : "s", db,
      Thousands(c.documents_new), Thousands(c.documents_reextracted),
      Thousands(c.documents_unchanged), Thousands(skipped), Thousands(c.claims_added),
      Thousands(c.claims_superseded), HumanBytes(static_cast<double>(s.bytes)), s.seconds,
      HumanBytes(rate));
}

// A published_at that is not a date is stored as given but not used as
// the article's date; say so, since the article is ingested all the same.
void WarnOfBadDate(const Document& doc, Console& console) {
  const std::string& published_at = doc.meta().published_at;
  if (published_at.empty() || !PublishedDate(published_at).empty()) return;
  console.Message(fmt::format(
      "{}: warning: published_at \"{}\" is not a date (give YYYY-MM-DD, optionally with a "
      "time); it is kept as given, and the article is dated from its text or file name instead",
      doc.name(), published_at));
}

// Reads every input into the ingester; returns how many articles were bad.
int64_t Feed(const IngestCliOptions& opt, Ingester& ingester, Console& console) {
  InputFormat format = InputFormat::kAuto;
  ParseInputFormat(opt.input, &format);  // CLI11 already checked the name
  int64_t bad = 0;
  ReadInputs(opt.inputs, format, [&](Result<Document> doc) {
    if (!doc.ok()) {
      console.Message(doc.status().message() + " (skipped)");
      ++bad;
      return true;
    }
    WarnOfBadDate(doc.value(), console);
    return ingester.Add(std::move(doc).value());
  });
  return bad;
}

// One extractor per worker thread (see Ingester for why), all from the
// same rules. The first is built here so a bad rule file fails at once;
// the rest are built side by side, since each compiles every rule.
Result<std::vector<std::unique_ptr<Extractor>>> Extractors(const IngestCliOptions& opt) {
  int threads = opt.threads > 0 ? opt.threads : static_cast<int>(std::thread::hardware_concurrency());
  ExtractorOptions options{opt.rules, !opt.no_builtin};
  auto first = Extractor::Create(options);
  if (!first.ok()) return first.status();
  std::vector<std::unique_ptr<Extractor>> out(static_cast<size_t>(std::max(threads, 1)));
  out[0] = std::move(first).value();
  std::vector<std::thread> builders;
  for (size_t i = 1; i < out.size(); ++i) {
    builders.emplace_back([&out, &options, i] {
      auto e = Extractor::Create(options);
      if (e.ok()) out[i] = std::move(e).value();
    });
  }
  for (std::thread& t : builders) t.join();
  // Should a later one fail after the first succeeded (out of memory),
  // run with the ones there are.
  out.erase(std::remove(out.begin(), out.end(), nullptr), out.end());
  return out;
}

// Prints the summary and what went wrong; returns the exit code.
int Finish(const IngestSummary& summary, int64_t bad, const Status& s, const std::string& db) {
  int64_t skipped = bad + summary.rejected;
  std::cout << Summary(summary, skipped, db) << '\n' << std::flush;
  if (!s.ok()) {
    PrintError(s.ToString() +
               "; the batch being written was rolled back, earlier ones are kept (counted above): "
               "run the same command again once that is fixed, and what is stored is skipped");
    return 2;
  }
  if (skipped > 0) PrintError(fmt::format("{} article(s) skipped; see above", skipped));
  const IngestCounts& c = summary.counts;
  if (c.documents_new + c.documents_reextracted + c.documents_unchanged + skipped == 0) {
    PrintError("no articles in the inputs; give .txt, .jsonl or .ndjson files, folders holding "
               "them, or - for standard input");
    return 2;
  }
  return skipped > 0 ? 2 : 0;
}

int RunIngest(const IngestCliOptions& opt, const GlobalOptions& global) {
  auto extractors = Extractors(opt);
  if (!extractors.ok()) return ErrorExit(extractors.status());
  std::vector<const Extractor*> workers;
  for (const auto& e : extractors.value()) workers.push_back(e.get());
  auto ledger = Ledger::Open(global.db, Ledger::OpenMode::kCreate);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  RunSettings settings = Settings(opt, *workers.front());
  ledger.value()->SetRun(settings);
  Status cache = ledger.value()->SetCacheSize(kWriterCacheKiB);
  if (!cache.ok()) return ErrorExit(cache);
  // A second connection lets the reader skip documents already current
  // without waiting for the writer; without it everything is extracted.
  auto probe = Ledger::Open(global.db, Ledger::OpenMode::kExisting);
  if (probe.ok()) {
    probe.value()->SetRun(settings);
    (void)probe.value()->SetCacheSize(kProbeCacheKiB);  // only a smaller cache lost
  }

  Console console(StderrIsTerminal());
  Ingester ingester(workers, *ledger.value(), probe.ok() ? probe.value().get() : nullptr,
                    {opt.batch},
                    [&](const Status& s) { console.Message(s.message() + " (skipped)"); });
  // (Drawn only when stderr is a terminal.)
  const int64_t total_bytes = InputsSize(opt.inputs);
  ProgressThread ticker(console, [&ingester, total_bytes] {
    IngestProgress p = ingester.Progress();
    return ProgressLine(p.documents, p.bytes, p.claims, p.seconds, total_bytes);
  });
  int64_t bad = Feed(opt, ingester, console);
  Status s = ingester.Finish();
  ticker.Stop();
  return Finish(ingester.Summary(), bad, s, global.db);
}

}  // namespace

void AddIngestCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<IngestCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "extract claims from articles and store them in the ledger (--db)");
  cmd->add_option("inputs", opt->inputs,
                  "articles: .txt files, .jsonl/.ndjson files (text plus optional id, url, "
                  "title, publisher, published_at), folders (recursively), or - for stdin")
      ->required();
  cmd->add_option("--input", opt->input, "how to read inputs: auto (by file name), text, or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  cmd->add_option("--rules", opt->rules, "a rule file to add (may be repeated)");
  cmd->add_flag("--no-builtin-rules", opt->no_builtin, "use only the --rules files");
  cmd->add_option("--batch", opt->batch, "articles per transaction (default 200)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--threads", opt->threads, "extraction threads (default: one per core)")
      ->check(CLI::Range(0, 1024));
  cmd->callback([opt, &global] { global.exit_code = RunIngest(*opt, global); });
}

}  // namespace quoteledger
