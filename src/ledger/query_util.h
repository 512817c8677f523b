// Helpers shared by the query files of src/ledger/: reading rows into the
// structs of ledger/queries.h. Internal to src/ledger/.
#ifndef QUOTELEDGER_LEDGER_QUERY_UTIL_H_
#define QUOTELEDGER_LEDGER_QUERY_UTIL_H_

#include <string>
#include <variant>
#include <vector>

#include "ledger/queries.h"

namespace quoteledger {

using Param = std::variant<int64_t, std::string, double>;

// The columns of a DocumentRow, read back by ReadDocument.
inline constexpr const char* kDocumentColumns =
    "d.id, d.sha256, d.name, coalesce(d.url, ''), coalesce(d.external_id, ''), "
    "coalesce(d.title, ''), coalesce(d.publisher, ''), coalesce(d.published_at, ''), "
    "d.ingested_at, coalesce(d.article_date, ''), d.size, coalesce(d.date_source, '')";
inline constexpr int kDocumentColumnCount = 12;

// Orders rows by article date, the undated last.
inline constexpr const char* kByArticleDate = "d.article_date IS NULL, d.article_date";

inline DocumentRow ReadDocument(const Statement& q, int col) {
  DocumentRow d;
  d.id = q.Int(col);
  d.sha256 = q.Text(col + 1);
  d.name = q.Text(col + 2);
  d.url = q.Text(col + 3);
  d.external_id = q.Text(col + 4);
  d.title = q.Text(col + 5);
  d.publisher = q.Text(col + 6);
  d.published_at = q.Text(col + 7);
  d.ingested_at = q.Text(col + 8);
  d.date = q.Text(col + 9);
  d.size = q.Int(col + 10);
  d.date_source = q.Text(col + 11);
  return d;
}

// Prepares `sql`, binds `params` in order and calls `read` for every row.
template <typename Fn>
Status ForEachRow(Ledger& ledger, const std::string& sql, const std::vector<Param>& params,
                  Fn read) {
  Result<Statement> st = ledger.db().Prepare(sql);
  if (!st.ok()) return st.status();
  Statement& q = st.value();
  for (size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    if (auto* n = std::get_if<int64_t>(&params[i])) q.Bind(index, *n);
    if (auto* s = std::get_if<std::string>(&params[i])) q.Bind(index, *s);
    if (auto* d = std::get_if<double>(&params[i])) q.Bind(index, *d);
  }
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    read(q);
  }
}

// `text` with LIKE's wildcards escaped (for ESCAPE '\\').
std::string EscapeLike(const std::string& text);

}  // namespace quoteledger

#endif  // QUOTELEDGER_LEDGER_QUERY_UTIL_H_
