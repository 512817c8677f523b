// The checks behind `quoteledger verify`. Set-wise checks are SQL; checks
// that need a document's bytes (spans, texts, hashes) walk the rows in
// document order so each text is read once.
#include "ledger/verify.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ledger/fts_index.h"
#include "ledger/migrations.h"
#include "ledger/queries.h"
#include "ledger/seals.h"
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
               "SELECT id FROM claims WHERE id <= (SELECT indexed_through FROM claims_fts_state) "
               "AND id NOT IN (SELECT rowid FROM claims_fts)",
               [](const Statement& q) {
                 return fmt::format("claim {} is missing from the full-text index", q.Int(0));
               });
  if (!s.ok()) return s;
  // Claims above the watermark wait for the next ingest to index them
  // (schema/0006_deferred_fts.sql): an interrupted ingest, not damage.
  Result<int64_t> pending = PendingFtsClaims(ledger.db());
  if (!pending.ok()) return pending.status();
  if (pending.value() > 0) {
    report.notes.push_back(fmt::format(
        "{} claim(s) are not yet in the full-text index (an ingest was interrupted before "
        "indexing them), so a phrase search does not find them; the next ingest or merge "
        "into this ledger indexes them",
        pending.value()));
  }
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

// `select` (one of ledger/seals.h's) with `column` added after its others.
std::string WithColumn(const char* select, std::string_view column) {
  std::string sql(select);
  sql.insert(sql.find(" FROM "), fmt::format(", {}", column));
  return sql;
}

// A row of a run sealed at ingest must have a seal (runs after seal_start).
constexpr const char* kSealedRun =
    "{}.run_id > coalesce((SELECT max(last_unsealed_run) FROM seal_start), 0)";

// Recomputes the seal of every row `sql` selects. A row without a seal is a
// problem when column `must_col` says its run was sealed at ingest (the
// seal was cleared by hand), else it is counted in `unsealed`.
// `what` names the row, `fields` says what its seal covers.
template <typename SealFn, typename WhatFn>
Status CheckRowSeals(Ledger& ledger, Check& check, const std::string& sql, int seal_col,
                     int must_col, SealFn seal_of, WhatFn what, std::string_view fields,
                     int64_t* unsealed) {
  return Rows(ledger, sql, [&](const Statement& q) {
    if (q.IsNull(seal_col)) {
      if (q.Int(must_col) != 0) {
        check.Add(what(q) + ": its seal was removed after ingest, so its " +
                  std::string(fields) + " may have been edited");
      } else {
        ++*unsealed;
      }
    } else if (seal_of(q) != q.Text(seal_col)) {
      check.Add(fmt::format("{}: its {} was edited after ingest: it no longer matches its seal",
                            what(q), fields));
    }
  });
}

Status CheckClaimAndRoleSeals(Ledger& ledger, VerifyReport& report, size_t max,
                              int64_t* unsealed) {
  Check check(report, max);
  Status s = CheckRowSeals(
      ledger, check,
      WithColumn(kClaimSealSelect, fmt::format(kSealedRun, "c")) + "1 ORDER BY c.id",
      kClaimSealColumn, kClaimDocumentColumn + 1, ClaimSealOf,
      [](const Statement& q) {
        return fmt::format("claim {} of document {} (run {}, claim {} there)", q.Int(0),
                           q.Int(kClaimDocumentColumn), q.Int(2), q.Int(3));
      },
      "text, spans, speaker, kind, rule, stage, confidence or role", unsealed);
  if (!s.ok()) return s;
  return CheckRowSeals(
      ledger, check,
      WithColumn(kRoleSealSelect, fmt::format(kSealedRun, "r")) + "1 ORDER BY r.id",
      kRoleSealColumn, kRoleDocumentColumn + 1, RoleSealOf,
      [](const Statement& q) {
        return fmt::format("role {} of document {} (run {})", q.Int(0),
                           q.Int(kRoleDocumentColumn), q.Int(2));
      },
      "person, title, affiliation, evidence or date", unsealed);
}

// A document's metadata is sealed when the document is first stored; one
// stored before seals has none, which is no problem (its claims say more).
Status CheckDocumentSeals(Ledger& ledger, VerifyReport& report, size_t max) {
  Check check(report, max);
  return Rows(ledger, std::string(kDocumentSealSelect) + "d.seal IS NOT NULL ORDER BY d.id",
              [&](const Statement& q) {
                if (DocumentSealOf(q) == q.Text(kDocumentSealColumn)) return;
                check.Add(fmt::format(
                    "document {} ({}): its metadata (name, url, id, title, publisher, "
                    "published_at, date, size or SHA-256) was edited after ingest; it no "
                    "longer matches its seal",
                    q.Int(0), q.Text(2)));
              });
}

// Walks each sealed run's chain of extractions in the order they were
// written, from the stored claim and role seals (each checked on its own
// above), so a claim or role added or deleted, or an extraction removed,
// breaks it.
class ChainWalker {
 public:
  ChainWalker(Ledger& ledger, Check& check) : ledger_(ledger), check_(check) {}

  Status Walk(int64_t run_id, const std::string& head) {
    std::string previous;
    Result<Statement> st = ledger_.db().Prepare(
        "SELECT e.document_id, d.sha256, e.seal FROM extractions e JOIN documents d ON "
        "d.id = e.document_id WHERE e.run_id = ?1 ORDER BY e.rowid");
    if (!st.ok()) return st.status();
    Statement& q = st.value();
    q.Bind(1, run_id);
    for (;;) {
      Result<bool> row = q.Step();
      if (!row.ok()) return row.status();
      if (!row.value()) break;
      Result<std::string> link = Link(previous, q.Int(0), q.Text(1), run_id);
      if (!link.ok()) return link.status();
      if (q.IsNull(2) || link.value() != q.Text(2)) {
        check_.Add(fmt::format("run {}, document {}: its claims or roles were added, removed or "
                               "moved after ingest (the run's seal chain breaks there)",
                               run_id, q.Int(0)));
        return Status::Ok();
      }
      previous = q.Text(2);
    }
    if (previous != head) {
      check_.Add(fmt::format("run {}: the extraction it wrote last was removed after ingest "
                             "(the run's seal chain ends early)",
                             run_id));
    }
    return Status::Ok();
  }

 private:
  Result<std::string> Link(const std::string& previous, int64_t document_id,
                           const std::string& sha256, int64_t run_id) {
    std::vector<std::string> seals[2];
    const char* sql[2] = {
        "SELECT coalesce(seal, '') FROM claims WHERE document_id = ?1 AND run_id = ?2 "
        "ORDER BY seq, id",
        "SELECT coalesce(seal, '') FROM roles WHERE document_id = ?1 AND run_id = ?2 "
        "ORDER BY id"};
    for (int k = 0; k < 2; ++k) {
      Result<Statement*> st = ledger_.db().Cached(sql[k]);
      if (!st.ok()) return st.status();
      Statement& q = *st.value();
      q.Bind(1, document_id).Bind(2, run_id);
      for (;;) {
        Result<bool> row = q.Step();
        if (!row.ok()) return row.status();
        if (!row.value()) break;
        seals[k].push_back(q.Text(0));
      }
      q.Reset();
    }
    return ChainLink(previous, sha256, seals[0], seals[1]);
  }

  Ledger& ledger_;
  Check& check_;
};

Status CheckChains(Ledger& ledger, VerifyReport& report, size_t max) {
  Check check(report, max);
  ChainWalker walker(ledger, check);
  std::vector<std::pair<int64_t, std::string>> runs;
  Status s = Rows(ledger,
                  "SELECT id, seal_head, seal_head IS NULL FROM runs WHERE id > "
                  "coalesce((SELECT max(last_unsealed_run) FROM seal_start), 0) ORDER BY id",
                  [&](const Statement& q) {
                    // A sealed run with no head wrote nothing, or its head was cleared;
                    // its extractions then fail to match "".
                    runs.emplace_back(q.Int(0), q.Int(2) ? "" : q.Text(1));
                  });
  for (const auto& [run, head] : runs) {
    if (s.ok()) s = walker.Walk(run, head);
  }
  return s;
}

Status CheckSeals(Ledger& ledger, VerifyReport& report, size_t max) {
  int64_t unsealed = 0;
  Status s = CheckDocumentSeals(ledger, report, max);
  if (s.ok()) s = CheckClaimAndRoleSeals(ledger, report, max, &unsealed);
  if (s.ok()) s = CheckChains(ledger, report, max);
  if (s.ok() && unsealed > 0) {
    report.notes.push_back(fmt::format(
        "{} claim(s) and role(s) were ingested before this ledger kept seals (schema version "
        "5), so edits made to them after ingest cannot be detected; re-ingest their articles "
        "into a new ledger to seal them",
        unsealed));
  }
  return s;
}

}  // namespace

Result<VerifyReport> Verify(Ledger& ledger, size_t max_per_check) {
  VerifyReport report;
  report.read_only = ledger.db().read_only();
  for (auto check :
       {CheckSqlite, CheckDocuments, CheckExtractions, CheckSpans, CheckFts, CheckIdentity,
        CheckSeals}) {
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
