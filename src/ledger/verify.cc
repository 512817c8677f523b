// The checks behind `quoteledger verify`. Set-wise checks are SQL; checks
// that need a document's bytes (spans, texts, hashes) walk the rows in
// document order so each text is read once.
#include "ledger/verify.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ledger/migrations.h"
#include "ledger/queries.h"
#include "quoteledger/document.h"

namespace quoteledger {
namespace {

// Collects one check's problems, listing at most `max` and counting the rest.
class Check {
 public:
  Check(VerifyReport& report, size_t max) : report_(report), max_(max) {}
  ~Check() {
    if (found_ > max_) {
      report_.problems.push_back(fmt::format("... and {} more like the above", found_ - max_));
    }
  }
  void Add(std::string problem) {
    if (++found_ <= max_) report_.problems.push_back(std::move(problem));
  }

 private:
  VerifyReport& report_;
  size_t max_;
  size_t found_ = 0;
};

// Runs `sql` and calls `fn` for each row.
template <typename Fn>
Status Rows(Ledger& ledger, std::string_view sql, Fn fn) {
  Result<Statement> st = ledger.db().Prepare(sql);
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> row = st.value().Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    fn(st.value());
  }
}

// Each row of `sql` is one problem, worded by `fn`.
template <typename Fn>
Status Problems(Ledger& ledger, VerifyReport& report, size_t max, std::string_view sql, Fn fn) {
  Check check(report, max);
  return Rows(ledger, sql, [&](const Statement& q) { check.Add(fn(q)); });
}

Status CheckSqlite(Ledger& ledger, VerifyReport& report, size_t max) {
  Check check(report, max);
  Status s = Rows(ledger, "PRAGMA integrity_check", [&](const Statement& q) {
    if (q.Text(0) != "ok") check.Add("SQLite integrity check: " + q.Text(0));
  });
  if (!s.ok()) return s;
  s = Rows(ledger, "PRAGMA foreign_key_check", [&](const Statement& q) {
    check.Add(fmt::format("{} row {} refers to a missing row of {}", q.Text(0), q.Int(1),
                          q.Text(2)));
  });
  if (!s.ok()) return s;
  Result<int64_t> version = ledger.db().QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (version.value() != LatestSchemaVersion()) {
    check.Add(fmt::format("schema version is {}, expected {}", version.value(),
                          LatestSchemaVersion()));
  }
  return Status::Ok();
}

Status CheckDocuments(Ledger& ledger, VerifyReport& report, size_t max) {
  Check check(report, max);
  return Rows(ledger,
              "SELECT d.id, d.name, d.size, d.sha256, t.bytes IS NULL, t.bytes FROM documents d "
              "LEFT JOIN document_texts t ON t.document_id = d.id ORDER BY d.id",
              [&](const Statement& q) {
                ++report.documents;
                std::string who = fmt::format("document {} ({})", q.Int(0), q.Text(1));
                std::string_view bytes = q.Blob(5);
                if (q.Int(4)) {
                  check.Add(who + " has no stored text");
                } else if (static_cast<int64_t>(bytes.size()) != q.Int(2)) {
                  check.Add(fmt::format("{} is {} bytes but its size says {}", who,
                                        bytes.size(), q.Int(2)));
                } else if (Sha256Hex(bytes) != q.Text(3)) {
                  check.Add(who + "'s text does not match its SHA-256");
                }
              });
}

Status CheckExtractions(Ledger& ledger, VerifyReport& report, size_t max) {
  Status s = Problems(
      ledger, report, max,
      "SELECT d.id, d.name FROM documents d WHERE NOT EXISTS (SELECT 1 FROM extractions e "
      "WHERE e.document_id = d.id AND e.superseded_by_run IS NULL)",
      [](const Statement& q) {
        return fmt::format("document {} ({}) has no current extraction: it is half-ingested",
                           q.Int(0), q.Text(1));
      });
  if (!s.ok()) return s;
  s = Problems(ledger, report, max,
               "SELECT e.document_id, e.run_id, e.claims, (SELECT count(*) FROM claims c WHERE "
               "c.document_id = e.document_id AND c.run_id = e.run_id) AS n FROM extractions e "
               "WHERE e.claims != n",
               [](const Statement& q) {
                 return fmt::format("document {} run {}: {} claims recorded but {} stored",
                                    q.Int(0), q.Int(1), q.Int(2), q.Int(3));
               });
  if (!s.ok()) return s;
  for (const char* table : {"claims", "roles"}) {
    s = Problems(ledger, report, max,
                 fmt::format("SELECT x.id, x.document_id FROM {} x JOIN extractions e ON "
                             "e.document_id = x.document_id AND e.superseded_by_run IS NULL "
                             "WHERE x.superseded_by_run IS NULL AND x.run_id != e.run_id",
                             table),
                 [table](const Statement& q) {
                   return fmt::format("{} row {} of document {} is current but not from the "
                                      "document's current run",
                                      table, q.Int(0), q.Int(1));
                 });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// A span as stored, read as 64 bits: an offset moved by 2^32 must be seen
// as outside the document, not wrap back into it.
struct StoredSpan {
  int64_t begin = 0;
  int64_t end = 0;
  // The span in a document it Fits().
  Span InText() const { return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}; }
};

// Checks one claim or role against its document's bytes.
class SpanChecker {
 public:
  SpanChecker(Ledger& ledger, Check& check) : ledger_(ledger), check_(check) {}

  Status Load(int64_t document_id) {
    if (document_id == loaded_) return Status::Ok();
    Result<std::string> text = DocumentText(ledger_, document_id);
    text_ = text.ok() ? std::move(text).value() : std::string();
    loaded_ = document_id;
    return Status::Ok();  // a missing text is reported by CheckDocuments
  }

  bool Fits(const std::string& what, StoredSpan s) {
    if (0 <= s.begin && s.begin <= s.end && s.end <= static_cast<int64_t>(text_.size())) {
      return true;
    }
    check_.Add(fmt::format("{}: span [{}, {}) is outside its document's {} bytes", what, s.begin,
                           s.end, text_.size()));
    return false;
  }

  void Same(const std::string& what, const std::string& stored, std::string_view expected) {
    if (stored != expected) check_.Add(what + ": stored text differs from the document's bytes");
  }

  std::string_view text() const { return text_; }

 private:
  Ledger& ledger_;
  Check& check_;
  int64_t loaded_ = -1;
  std::string text_;
};

StoredSpan SpanOf(const Statement& q, int col) { return {q.Int(col), q.Int(col + 1)}; }

void CheckClaimRow(const Statement& q, SpanChecker& spans, Check& check) {
  std::string what = fmt::format("claim {} of document {}", q.Int(0), q.Int(1));
  nlohmann::json j = nlohmann::json::parse(q.Text(2), nullptr, false);
  std::vector<Span> content;
  bool fits = j.is_array(), malformed = !j.is_array();
  for (const auto& s : j.is_array() ? j : nlohmann::json::array()) {
    bool pair = s.is_array() && s.size() == 2 && s[0].is_number_integer() &&
                s[1].is_number_integer();
    StoredSpan span = pair ? StoredSpan{s[0].get<int64_t>(), s[1].get<int64_t>()} : StoredSpan{};
    malformed = malformed || !pair;
    bool in_text = pair && spans.Fits(what, span);
    if (in_text) content.push_back(span.InText());
    fits = fits && in_text;
  }
  if (malformed) check.Add(what + ": malformed content spans");
  if (fits) spans.Same(what, q.Text(3), JoinSpans(spans.text(), content));
  StoredSpan source = SpanOf(q, 4), cue = SpanOf(q, 7);
  if (spans.Fits(what + " source", source)) {
    spans.Same(what, q.Text(6), source.InText().Of(spans.text()));
  }
  if (spans.Fits(what + " cue", cue)) spans.Same(what, q.Text(9), cue.InText().Of(spans.text()));
}

Status CheckSpans(Ledger& ledger, VerifyReport& report, size_t max) {
  Check check(report, max);
  SpanChecker spans(ledger, check);
  Status s = Rows(ledger,
                  "SELECT id, document_id, content_spans, content_text, coalesce(source_begin, 0), "
                  "coalesce(source_end, 0), source_text, coalesce(cue_begin, 0), "
                  "coalesce(cue_end, 0), cue_text FROM claims ORDER BY document_id, id",
                  [&](const Statement& q) {
                    ++report.claims;
                    (void)spans.Load(q.Int(1));
                    CheckClaimRow(q, spans, check);
                  });
  if (!s.ok()) return s;
  return Rows(ledger,
              "SELECT id, document_id, evidence_begin, evidence_end, evidence_text FROM roles "
              "ORDER BY document_id, id",
              [&](const Statement& q) {
                ++report.roles;
                (void)spans.Load(q.Int(1));
                std::string what = fmt::format("role {} of document {}", q.Int(0), q.Int(1));
                StoredSpan e = SpanOf(q, 2);
                if (spans.Fits(what, e)) spans.Same(what, q.Text(4), e.InText().Of(spans.text()));
              });
}

Status CheckFts(Ledger& ledger, VerifyReport& report, size_t max) {
  Status s;
  if (!report.read_only) {
    s = ledger.db().Exec("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)");
    if (!s.ok()) report.problems.push_back("full-text index: " + s.message());
  }
  s = Problems(ledger, report, max,
               "SELECT id FROM claims WHERE id NOT IN (SELECT rowid FROM claims_fts)",
               [](const Statement& q) {
                 return fmt::format("claim {} is missing from the full-text index", q.Int(0));
               });
  if (!s.ok()) return s;
  s = Problems(ledger, report, max,
               "SELECT rowid FROM claims_fts WHERE rowid NOT IN (SELECT id FROM claims)",
               [](const Statement& q) {
                 return fmt::format("the full-text index holds row {}, which is no claim",
                                    q.Int(0));
               });
  if (!s.ok()) return s;
  return Problems(
      ledger, report, max,
      "SELECT c.id FROM claims c JOIN claims_fts f ON f.rowid = c.id WHERE f.text IS NOT "
      "c.content_text OR f.speaker IS NOT coalesce((SELECT name FROM entities WHERE id = "
      "c.speaker_id), c.source_text)",
      [](const Statement& q) {
        return fmt::format("claim {}: the full-text index holds stale text or speaker", q.Int(0));
      });
}

// Every claim and role is on the entity its article's name belongs to
// (ledger/identity.h moves them together).
Status CheckIdentity(Ledger& ledger, VerifyReport& report, size_t max) {
  for (const char* table : {"claims", "roles"}) {
    bool claims = std::string_view(table) == "claims";
    Status s = Problems(
        ledger, report, max,
        fmt::format("SELECT x.id, x.{0}, coalesce(n.entity_id, 0) FROM {1} x LEFT JOIN "
                    "entity_names n ON n.name = x.{0} WHERE x.{0} IS NOT NULL AND "
                    "x.{2} IS NOT n.entity_id",
                    claims ? "speaker_name" : "person_name", table,
                    claims ? "speaker_id" : "entity_id"),
        [table](const Statement& q) {
          return fmt::format("{} row {}: its name \"{}\" belongs to entity {} but the row is "
                             "on another (edited by hand?); `quoteledger entity reconcile` puts it right",
                             table, q.Int(0), q.Text(1), q.Int(2));
        });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Result<VerifyReport> Verify(Ledger& ledger, size_t max_per_check) {
  VerifyReport report;
  report.read_only = ledger.db().read_only();
  for (auto check :
       {CheckSqlite, CheckDocuments, CheckExtractions, CheckSpans, CheckFts, CheckIdentity}) {
    Status s = check(ledger, report, max_per_check);
    // A damaged file is a finding, not a reason to stop the other checks.
    if (s.code() == StatusCode::kCorruption) {
      report.problems.push_back(s.message());
    } else if (!s.ok()) {
      return s;
    }
  }
  return report;
}

}  // namespace quoteledger
