// The extractor over a gold split. Claims go through AttributionToJson, the
// renderer `quoteledger extract` prints with, and then through the same
// reader as a --pred file: one path from claims to figures, so evaluating
// in process cannot drift from scoring extract's output with score.py.
#include "eval/extractor_run.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <thread>
#include <variant>

#include "report/claims_json.h"

namespace quoteledger {
namespace {

// An article's extraction as the JSON Lines record extract would print, or
// the Status saying why the article was skipped.
using Outcome = std::variant<nlohmann::json, Status>;

Outcome ExtractOne(const Extractor& extractor, const std::string& path) {
  Result<Document> doc = Document::FromFile(path);
  if (!doc.ok()) return doc.status();
  return AttributionToJson(doc.value(), extractor.Extract(doc.value()));
}

std::string TextPath(const GoldCorpus& gold, const EvalArticle& a) {
  return (std::filesystem::path(gold.split_dir) / "text" / (a.name + ".txt")).string();
}

}  // namespace

Result<Predictions> PredictGold(const Extractor& extractor, const GoldCorpus& gold,
                                int threads, std::vector<Status>* skipped) {
  const size_t n = gold.articles.size();
  std::vector<Outcome> outcomes(n);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) {
      outcomes[i] = ExtractOne(extractor, TextPath(gold, gold.articles[i]));
    }
  };
  size_t workers = std::clamp<size_t>(static_cast<size_t>(std::max(threads, 1)), 1, n ? n : 1);
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  Predictions preds;
  for (size_t i = 0; i < n; ++i) {
    if (const Status* s = std::get_if<Status>(&outcomes[i])) {
      skipped->push_back(*s);
      continue;
    }
    const auto& record = std::get<nlohmann::json>(outcomes[i]);
    Status s = AddPredictionRecord(record, gold, TextPath(gold, gold.articles[i]), &preds);
    if (!s.ok()) return s;
  }
  return preds;
}

}  // namespace quoteledger
