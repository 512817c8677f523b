// `quoteledger report`: attribution reports as Markdown or self-contained
// HTML, per article, per speaker or per topic phrase.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/query_common.h"
#include "quoteledger/extractor.h"
#include "report/html_report.h"
#include "report/markdown_report.h"
#include "report/report_data.h"

namespace quoteledger {
namespace {

struct ReportOptions {
  std::string by = "article";
  std::string key;
  std::string format;  // md or html; by -o's extension when not given
  std::string output;  // a file, or "" for stdout
  bool all_runs = false;
  double min_confidence = 0;  // leave out claims below this confidence
};

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<std::string> Render(Ledger& ledger, const ReportOptions& opt, const ReportContext& ctx) {
  bool html = opt.format == "html" ||
              (opt.format.empty() && (EndsWith(opt.output, ".html") || EndsWith(opt.output, ".htm")));
  if (opt.by == "article") {
    auto r = LoadArticleReport(ledger, opt.key, opt.all_runs, opt.min_confidence);
    if (!r.ok()) return r.status();
    return html ? ArticleHtml(r.value(), ctx) : ArticleMarkdown(r.value(), ctx);
  }
  if (opt.by == "speaker") {
    auto r = LoadSpeakerReports(ledger, opt.key, opt.all_runs, opt.min_confidence);
    if (!r.ok()) return r.status();
    return html ? SpeakersHtml(r.value(), opt.key, ctx) : SpeakersMarkdown(r.value(), opt.key, ctx);
  }
  auto r = LoadTopicReport(ledger, opt.key, opt.all_runs, opt.min_confidence);
  if (!r.ok()) return r.status();
  return html ? TopicHtml(r.value(), ctx) : TopicMarkdown(r.value(), ctx);
}

Status Write(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text << std::flush;
    return std::cout ? Status::Ok() : Status::IOError("cannot write the report to stdout");
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    return Status::IOError(fmt::format(
        "{}: cannot write the report; check that the folder exists and is writable", path));
  }
  return Status::Ok();
}

int RunReport(const ReportOptions& opt, const GlobalOptions& global) {
  auto ledger = OpenLedgerForQuery(global);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  ReportContext ctx{global.db, Extractor::Version(), opt.all_runs, opt.min_confidence, ""};
  Result<std::string> text = Render(*ledger.value(), opt, ctx);
  if (!text.ok() && text.status().code() == StatusCode::kNotFound) {
    PrintError(text.status().message());
    return 1;
  }
  if (!text.ok()) return ErrorExit(text.status());
  Status s = Write(opt.output, text.value());
  if (!s.ok()) return ErrorExit(s);
  if (!opt.output.empty() && opt.output != "-") std::cerr << "wrote " << opt.output << '\n';
  return 0;
}

}  // namespace

void AddReportCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", "an attribution report (Markdown or HTML) for an article, a speaker or a topic");
  cmd->add_option("--by", opt->by,
                  "article (KEY: SHA-256 prefix, path, id or url), speaker (KEY: a name or "
                  "alias) or topic (KEY: a phrase); default article")
      ->check(CLI::IsMember({"article", "speaker", "topic"}));
  cmd->add_option("key", opt->key, "what the report is about")->required();
  cmd->add_option("--format", opt->format,
                  "md or html (default: html when -o ends in .html, else md)")
      ->check(CLI::IsMember({"md", "html"}));
  cmd->add_option("-o,--output", opt->output, "write to this file instead of stdout");
  cmd->add_flag("--all-runs", opt->all_runs, "include claims superseded by later runs");
  cmd->add_option("--min-confidence", opt->min_confidence,
                  "only claims with at least this confidence (0 to 1)")
      ->check(Confidence());
  cmd->callback([opt, &global] { global.exit_code = RunReport(*opt, global); });
}

}  // namespace quoteledger
