// Dating stored documents. The dates are computed while reading and written
// afterwards, because updating a table while a statement still steps over
// it is undefined in SQLite; only the dates are held, not the bytes.
#include "ledger/document_dates.h"

#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "text/article_date.h"

namespace quoteledger {
namespace {

struct Dated {
  int64_t id = 0;
  ArticleDate date;
};

}  // namespace

bool IsStoredFileName(std::string_view name) {
  if (name.empty() || name == "-") return false;
  size_t colon = name.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == name.size()) return true;
  for (char c : name.substr(colon + 1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;  // "file:line": a JSON Lines record
}

Status DateStoredDocuments(Database& db) {
  Result<Statement> read = db.Prepare(
      "SELECT d.id, d.name, coalesce(d.published_at, ''), "
      "d.url IS NULL AND d.external_id IS NULL, t.bytes "
      "FROM documents d JOIN document_texts t ON t.document_id = d.id "
      "WHERE d.date_source IS NULL ORDER BY d.id");
  if (!read.ok()) return read.status();
  std::vector<Dated> dated;
  for (;;) {
    Result<bool> row = read.value().Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    const Statement& q = read.value();
    std::string name = q.Text(1);
    bool own_file = q.Int(3) != 0 && IsStoredFileName(name);
    ArticleDate date = FindArticleDate(q.Text(2), q.Blob(4), own_file ? name : "");
    if (date.source != DateSource::kUnknown) dated.push_back({q.Int(0), std::move(date)});
  }
  Result<Statement> write =
      db.Prepare("UPDATE documents SET article_date = ?2, date_source = ?3 WHERE id = ?1");
  if (!write.ok()) return write.status();
  for (const Dated& d : dated) {
    Status s = write.value()
                   .Bind(1, d.id)
                   .Bind(2, std::string_view(d.date.date))
                   .Bind(3, std::string_view(DateSourceName(d.date.source)))
                   .Run();
    if (!s.ok()) return s;
  }
  return db.Exec(
      "UPDATE roles SET stated_at = "
      "(SELECT article_date FROM documents WHERE documents.id = roles.document_id)");
}

}  // namespace quoteledger
