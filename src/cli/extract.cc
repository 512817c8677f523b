// `quoteledger extract`: articles in, claims out as JSON Lines or text. No
// database. A bad article is reported and skipped; the exit code is 2 when
// any was. A long run shows ingest's progress line on a terminal.
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/console.h"
#include "quoteledger/extractor.h"
#include "report/claims_json.h"
#include "cli/stdin_input.h"
#include "text/article_reader.h"

namespace quoteledger {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string input = "auto";
  std::vector<std::string> rules;
  bool no_builtin = false;
  std::string output;  // -o FILE, or "" (and "-") for stdout
};

// What the progress line shows, written by the extracting thread and read
// by the drawing one.
struct ExtractProgress {
  std::atomic<int64_t> articles{0}, bytes{0}, claims{0};
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

  std::string Line(int64_t total_bytes) const {
    std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    return ProgressLine(articles, bytes, claims, seconds.count(), total_bytes);
  }
};

// Progress only on a terminal, and not when the claims themselves go to
// that terminal (the line would be drawn over them).
bool ShowProgress(bool to_file) { return StderrIsTerminal() && (to_file || !StdoutIsTerminal()); }

int RunExtract(const ExtractOptions& opt) {
  ExtractorOptions eo;
  eo.rule_files = opt.rules;
  eo.builtin_rules = !opt.no_builtin;
  auto extractor = Extractor::Create(eo);
  if (!extractor.ok()) {
    PrintError(extractor.status().ToString());
    return 2;
  }
  InputFormat format = InputFormat::kAuto;
  ParseInputFormat(opt.input, &format);  // CLI11 already checked the name
  std::ofstream file;
  bool to_file = !opt.output.empty() && opt.output != "-";
  if (to_file) {
    file.open(opt.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      PrintError(fmt::format("{}: cannot write there; check that the folder exists and is "
                             "writable", opt.output));
      return 2;
    }
  }
  std::ostream& out = to_file ? static_cast<std::ostream&>(file) : std::cout;
  PrintingSink sink(out, opt.format == "text");
  int failed = 0, done = 0;
  bool write_error = false;
  Console console(ShowProgress(to_file));
  ExtractProgress progress;
  int64_t total_bytes = InputsSize(opt.inputs);
  // A run shorter than a second shows no progress at all.
  ProgressThread ticker(console, [&] { return progress.Line(total_bytes); },
                        std::chrono::seconds(1));
  ReadInputs(opt.inputs, format, [&](Result<Document> doc) {
    if (!doc.ok()) {
      console.Message(doc.status().ToString() + " (skipped)");
      ++failed;
      return true;
    }
    ++done;
    Attribution result = extractor.value()->Extract(doc.value());
    Status s = sink.Accept(doc.value(), result);
    if (!s.ok()) {
      console.Message(s.ToString());
      write_error = true;
      return false;
    }
    progress.articles += 1;
    progress.bytes += static_cast<int64_t>(doc.value().text().size());
    progress.claims += static_cast<int64_t>(result.claims.size());
    return true;
  });
  ticker.Stop();
  out.flush();
  if (to_file) file.close();
  if (to_file && !file && !write_error) {
    PrintError(fmt::format("{}: writing failed (disk full?)", opt.output));
    write_error = true;
  }
  if (failed > 0) PrintError(std::to_string(failed) + " article(s) skipped; see above");
  if (done == 0 && failed == 0) {
    PrintError("no articles found: give .txt or .jsonl files, folders holding them, or -");
    return 2;
  }
  return failed > 0 || write_error ? 2 : 0;
}

}  // namespace

void AddExtractCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "attribute the statements in articles; print claims (no database)");
  cmd->add_option("inputs", opt->inputs, "articles: .txt files, .jsonl files, folders, or -")
      ->required();
  cmd->add_option("--format", opt->format, "jsonl (default) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  cmd->add_option("--input", opt->input,
                  "how to read inputs: auto (by file name), text, or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  cmd->add_option("--rules", opt->rules, "a rule file to add (may be repeated)");
  cmd->add_flag("--no-builtin-rules", opt->no_builtin, "use only the --rules files");
  cmd->add_option("-o,--output", opt->output, "write the claims to this file instead of stdout");
  cmd->callback([opt, &global] { global.exit_code = RunExtract(*opt); });
}

}  // namespace quoteledger
