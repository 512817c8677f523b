// `quoteledger merge SHARD... --manifest FILE`: stores what `extract` wrote
// per shard (a Slurm job array, contrib/slurm/) in the ledger, as `ingest`
// of the same articles would have, without extracting them again. A shard
// carries each article's SHA-256 and attribution but not its bytes or
// metadata, which the ledger keeps; so merge reads the articles too, pairs
// them with their records by SHA-256, and writes in the articles' order:
// the ledger is the same whatever order the shards are given in, and the
// same (bar timestamps and the run's options) as `ingest` of the articles
// in that order. Everything is checked before the first write: every
// shard's every line, a record for every article, and the rules, by
// extracting each shard's first article again and comparing.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/console.h"
#include "ledger/ingester.h"
#include "ledger/ledger.h"
#include "ledger/shard_index.h"
#include "quoteledger/extractor.h"
#include "report/claims_json.h"
#include "text/article_reader.h"

namespace quoteledger {
namespace {

struct MergeOptions {
  std::vector<std::string> shards;
  std::string manifest;               // one article path a line, in order
  std::vector<std::string> articles;  // more, after the manifest's
  std::string input = "auto";
  std::vector<std::string> rules;
  bool no_builtin = false;
  int batch = 200;
};

Result<std::vector<std::string>> ArticleInputs(const MergeOptions& opt) {
  std::vector<std::string> inputs;
  if (!opt.manifest.empty()) {
    std::ifstream in(opt.manifest);
    if (!in) {
      return Status::NotFound(fmt::format("{}: cannot read the manifest; give the file that "
                                          "lists the articles, one path a line", opt.manifest));
    }
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) inputs.push_back(line);
    }
  }
  inputs.insert(inputs.end(), opt.articles.begin(), opt.articles.end());
  for (const std::string& in : inputs) {
    if (in == "-") {
      return Status::InvalidArgument("merge reads the articles twice, so they cannot come "
                                     "from standard input: give files, folders or --manifest");
    }
  }
  if (inputs.empty()) {
    return Status::InvalidArgument(
        "merge needs the articles the shards were extracted from (their bytes and metadata go "
        "into the ledger): give --manifest FILE or --articles PATH");
  }
  return inputs;
}

// The record as extract would write it now for `doc`, less the fields
// that depend on how the article was named.
nlohmann::json Comparable(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_object()) {
    j.erase("doc");
    j.erase("id");
  }
  return j;
}

// Extracts `doc` again and compares with its shard record: a shard made by
// other rules or another version would store claims ingest would not.
Status CheckRules(const Extractor& extractor, const Document& doc, const std::string& line,
                  const std::string& where) {
  std::ostringstream now;
  WriteAttributionJson(now, doc, extractor.Extract(doc));
  if (Comparable(now.str()) == Comparable(line)) return Status::Ok();
  return Status::InvalidArgument(fmt::format(
      "{}: article {} gives other claims with these rules (rule set {}, quoteledger {}) than "
      "the shard holds, so the shard was made with other --rules or another quoteledger; "
      "nothing was written. Merge with the rules extract used, or extract the shard again",
      where, doc.name(), extractor.RuleSetHash().substr(0, 12), Extractor::Version()));
}

struct Precheck {
  int64_t articles = 0;
  int64_t unreadable = 0;
  std::vector<std::string> missing;  // the first few articles without a record
  int64_t missing_count = 0;
  Status error;
};

// Pass one: every article has a record, every record an article, and each
// shard's first article extracts as its record says.
Status CheckAll(const std::vector<std::string>& inputs, InputFormat format, ShardIndex& index,
                const Extractor& extractor) {
  Precheck p;
  std::vector<bool> checked(index.shards(), false);
  ReadArticles(inputs, format, [&](Result<Document> doc) {
    if (!doc.ok()) {
      ++p.unreadable;  // reported, and skipped, when writing
      return true;
    }
    ++p.articles;
    ShardIndex::Location* at = index.Find(doc.value().Sha256());
    if (at == nullptr) {
      if (p.missing.size() < 5) p.missing.push_back(doc.value().name());
      ++p.missing_count;
      return true;
    }
    at->used = true;
    if (checked[at->shard]) return true;
    checked[at->shard] = true;
    std::string line;
    Result<ShardRecord> r = index.Load(*at, &line);
    p.error = r.ok() ? CheckRules(extractor, doc.value(), line, index.Where(*at)) : r.status();
    return p.error.ok();
  });
  if (!p.error.ok()) return p.error;
  if (p.missing_count > 0) {
    return Status::NotFound(fmt::format(
        "{} article(s) have no record in the {} shard(s) given, among them {}; nothing was "
        "written. Their shard is missing or was made from other articles: run the extract that "
        "makes it again (with contrib/slurm, rerun its array index) and give every shard",
        p.missing_count, index.shards(), fmt::join(p.missing, ", ")));
  }
  size_t unused = 0;
  std::vector<std::string> examples = index.Unused(3, &unused);
  if (unused > 0) {
    return Status::InvalidArgument(fmt::format(
        "{} shard record(s) match none of the articles given, among them {}; nothing was "
        "written. Give the articles the shards were extracted from (the same manifest)",
        unused, fmt::join(examples, ", ")));
  }
  if (p.articles + p.unreadable == 0) {
    return Status::InvalidArgument("no articles in the inputs; give .txt, .jsonl or .ndjson "
                                   "files, folders holding them, or --manifest");
  }
  return Status::Ok();
}

struct Written {
  int64_t skipped = 0;
  Status error;
};

// Pass two: each article with its record, through the ledger's write path,
// one transaction per `batch` articles, as ingest writes.
Written WriteAll(const std::vector<std::string>& inputs, InputFormat format, ShardIndex& index,
                 Ledger& ledger, int batch) {
  Written w;
  int in_batch = 0;
  ReadArticles(inputs, format, [&](Result<Document> doc) {
    if (!doc.ok()) {
      PrintError(doc.status().message() + " (skipped)");
      ++w.skipped;
      return true;
    }
    const ShardIndex::Location* at = index.Find(doc.value().Sha256());
    Result<ShardRecord> r = index.Load(*at);  // pass one found every article's
    Status s = r.ok() ? ledger.Accept(doc.value(), r.value().attribution) : r.status();
    if (s.code() == StatusCode::kInvalidArgument) {
      PrintError(s.message() + " (skipped)");
      ++w.skipped;
    } else if (!s.ok()) {
      w.error = s;
      return false;
    }
    if (++in_batch >= batch) {
      in_batch = 0;
      w.error = ledger.Commit();
    }
    return w.error.ok();
  });
  if (w.error.ok()) w.error = ledger.FinishRun();
  return w;
}

int RunMerge(const MergeOptions& opt, const GlobalOptions& global) {
  Result<std::vector<std::string>> inputs = ArticleInputs(opt);
  if (!inputs.ok()) return ErrorExit(inputs.status());
  InputFormat format = InputFormat::kAuto;
  ParseInputFormat(opt.input, &format);  // CLI11 already checked the name
  Result<ShardIndex> index = ShardIndex::Build(opt.shards);
  if (!index.ok()) return ErrorExit(index.status());
  auto extractor = Extractor::Create({opt.rules, !opt.no_builtin});
  if (!extractor.ok()) return ErrorExit(extractor.status());
  Status s = CheckAll(inputs.value(), format, index.value(), *extractor.value());
  if (!s.ok()) return ErrorExit(s);

  auto ledger = Ledger::Open(global.db, Ledger::OpenMode::kCreate);
  if (!ledger.ok()) return ErrorExit(ledger.status());
  nlohmann::ordered_json options = {{"rules", opt.rules},
                                    {"builtin_rules", !opt.no_builtin},
                                    {"input", opt.input},
                                    {"merged_shards", index.value().shards()}};
  ledger.value()->SetRun({Extractor::Version(), extractor.value()->RuleSetHash(), options.dump()});
  Status cache = ledger.value()->SetCacheSize(kWriterCacheKiB);
  if (!cache.ok()) return ErrorExit(cache);
  Written w = WriteAll(inputs.value(), format, index.value(), *ledger.value(), opt.batch);
  const IngestCounts& c = ledger.value()->committed_counts();
  std::cout << fmt::format(
      "merged {} shard(s) into {}: {} new, {} re-extracted, {} unchanged, {} skipped; {} claims "
      "added, {} superseded\n",
      index.value().shards(), global.db, Thousands(c.documents_new),
      Thousands(c.documents_reextracted), Thousands(c.documents_unchanged), Thousands(w.skipped),
      Thousands(c.claims_added), Thousands(c.claims_superseded));
  if (!w.error.ok()) {
    PrintError(w.error.ToString() +
               "; the batch being written was rolled back, earlier ones are kept (counted above): "
               "run the same merge again once that is fixed, and what is stored is skipped");
    return 2;
  }
  if (w.skipped > 0) PrintError(fmt::format("{} article(s) skipped; see above", w.skipped));
  return w.skipped > 0 ? 2 : 0;
}

}  // namespace

void AddMergeCommand(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "store the shards `extract` wrote (one per job of an array) in the ledger (--db), "
               "as ingest of their articles would");
  cmd->add_option("shards", opt->shards, "shard files: the JSON Lines `extract` wrote")
      ->required();
  cmd->add_option("--manifest", opt->manifest,
                  "a file listing the articles the shards were extracted from, one path a "
                  "line, in order (contrib/slurm's manifest)");
  cmd->add_option("--articles", opt->articles,
                  "more articles (files or folders), after the manifest's (may be repeated)");
  cmd->add_option("--input", opt->input, "how to read articles: auto (by file name), text, or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  cmd->add_option("--rules", opt->rules, "a rule file extract used (may be repeated)");
  cmd->add_flag("--no-builtin-rules", opt->no_builtin, "extract used only the --rules files");
  cmd->add_option("--batch", opt->batch, "articles per transaction (default 200)")
      ->check(CLI::Range(1, 1000000));
  cmd->callback([opt, &global] { global.exit_code = RunMerge(*opt, global); });
}

}  // namespace quoteledger
