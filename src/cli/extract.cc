// `quoteledger extract`: articles in, claims out as JSON Lines or text. No
// database. A bad article is reported and skipped; the exit code is 2 when
// any was.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
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
  ReadInputs(opt.inputs, format, [&](Result<Document> doc) {
    if (!doc.ok()) {
      PrintError(doc.status().ToString() + " (skipped)");
      ++failed;
      return true;
    }
    ++done;
    Status s = sink.Accept(doc.value(), extractor.value()->Extract(doc.value()));
    if (!s.ok()) {
      PrintError(s.ToString());
      write_error = true;
      return false;
    }
    return true;
  });
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
