// Finding documents by what a person would type: a SHA-256 prefix, a path
// (or any file with the same bytes), a JSON id or a url.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "ledger/queries.h"
#include "ledger/query_util.h"
#include "quoteledger/document.h"

namespace quoteledger {
namespace {

bool IsHexPrefix(const std::string& s) {
  if (s.size() < 4 || s.size() > 64) return false;
  return s.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

}  // namespace

Result<std::vector<DocumentRow>> FindDocuments(Ledger& ledger, const std::string& key) {
  std::vector<DocumentRow> out;
  std::string sha;
  std::error_code ec;
  // A file that exists is looked up by its bytes, whatever path it was
  // ingested under.
  if (std::filesystem::is_regular_file(key, ec)) {
    std::ifstream in(key, std::ios::binary);
    sha = Sha256Hex(std::string(std::istreambuf_iterator<char>(in), {}));
  }
  std::string prefix = IsHexPrefix(key) ? key : std::string("-");
  for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string sql = fmt::format(
      "SELECT {} FROM documents d WHERE d.sha256 = ?1 OR d.name = ?2 OR d.external_id = ?2 OR "
      "d.url = ?2 OR substr(d.sha256, 1, length(?3)) = ?3 OR d.name LIKE ?4 ESCAPE '\\' "
      "ORDER BY d.id LIMIT 50",
      kDocumentColumns);
  std::string suffix = "%/" + EscapeLike(key);
  Status s = ForEachRow(ledger, sql, {sha, key, prefix, suffix},
                        [&](const Statement& q) { out.push_back(ReadDocument(q, 0)); });
  if (!s.ok()) return s;
  // An exact match wins over prefixes and suffixes that also match.
  std::vector<DocumentRow> exact;
  for (const DocumentRow& d : out) {
    if (d.sha256 == sha || d.name == key || d.sha256 == prefix) exact.push_back(d);
  }
  return exact.empty() ? out : exact;
}

Result<DocumentRow> FindDocument(Ledger& ledger, const std::string& key) {
  Result<std::vector<DocumentRow>> docs = FindDocuments(ledger, key);
  if (!docs.ok()) return docs.status();
  if (docs.value().empty()) {
    return Status::NotFound(fmt::format(
        "no article in {} matches \"{}\"; give a SHA-256 prefix, a path or an id "
        "(`quoteledger articles` lists them)",
        ledger.path(), key));
  }
  if (docs.value().size() == 1) return docs.value().front();
  std::string names;
  for (size_t i = 0; i < docs.value().size() && i < 5; ++i) {
    names += fmt::format("\n  {}  {}", docs.value()[i].sha256.substr(0, 12), docs.value()[i].name);
  }
  size_t n = docs.value().size();
  return Status::InvalidArgument(
      fmt::format("\"{}\" matches {} articles; give a longer SHA-256 prefix or the full path:{}",
                  key, n == 50 ? "50 or more" : std::to_string(n), names));
}

Result<std::vector<ArticleRow>> ListArticles(Ledger& ledger, bool all_runs) {
  std::vector<ArticleRow> out;
  std::string sql = fmt::format(
      "SELECT {}, (SELECT count(*) FROM claims c WHERE c.document_id = d.id {}) "
      "FROM documents d ORDER BY {}, d.name, d.id",
      kDocumentColumns, all_runs ? "" : "AND c.superseded_by_run IS NULL", kByArticleDate);
  Status s = ForEachRow(ledger, sql, {}, [&](const Statement& q) {
    out.push_back({ReadDocument(q, 0), q.Int(kDocumentColumnCount)});
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::string> DocumentText(Ledger& ledger, int64_t document_id) {
  std::string text;
  bool found = false;
  Status s = ForEachRow(ledger, "SELECT bytes FROM document_texts WHERE document_id = ?1",
                        {document_id}, [&](const Statement& q) {
                          text = std::string(q.Blob(0));
                          found = true;
                        });
  if (!s.ok()) return s;
  if (!found) {
    return Status::NotFound(fmt::format(
        "{}: document {} has no stored text; run `quoteledger verify`", ledger.path(),
        document_id));
  }
  return text;
}

}  // namespace quoteledger
