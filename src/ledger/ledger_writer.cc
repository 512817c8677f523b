// The write path: one document's attribution into the open batch. Every
// document is written inside a SAVEPOINT, so a failure half-way through
// undoes that document only and the batch stays whole.
#include <algorithm>

#include <fmt/format.h>

#include "ledger/ledger.h"
#include "ledger/seals.h"
#include "text/article_date.h"

namespace quoteledger {
namespace {

std::string FoldAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Gender as the schema allows it; anything else the engine might say is
// "unknown".
std::string CleanGender(const std::string& g) { return g == "m" || g == "f" ? g : ""; }

// A personal pronoun is never anyone's name. The resolver marks a
// pronoun speaker kUnresolved, but a title before a first-person quote
// ("president, \"I ...") can still reach the ledger as a person "I" of
// an entity or role fact; like an unresolved speaker it gets no entity.
bool IsPronoun(std::string_view name) {
  static constexpr std::string_view kPronouns[] = {"i",   "me",  "we",   "us", "you",
                                                    "he",  "him", "she",  "her", "it",
                                                    "they", "them"};
  std::string folded = FoldAscii(name);
  for (std::string_view p : kPronouns) {
    if (folded == p) return true;
  }
  return false;
}

bool SpanFits(Span s, size_t size) { return s.begin <= s.end && s.end <= size; }

Status CheckSpans(const Document& doc, const Claim& c) {
  size_t size = doc.text().size();
  bool ok = SpanFits(c.source, size) && SpanFits(c.cue, size);
  for (Span s : c.content) ok = ok && SpanFits(s, size);
  if (ok) return Status::Ok();
  return Status::InvalidArgument(fmt::format(
      "{}: rule {} produced a span outside the document's {} bytes (an engine bug; "
      "report it with this article)",
      doc.name(), c.rule_id, size));
}

Statement& BindSpan(Statement& st, int index, Span s) {
  if (s.empty()) return st.BindNull(index).BindNull(index + 1);
  return st.Bind(index, int64_t{s.begin}).Bind(index + 1, int64_t{s.end});
}

}  // namespace

Status Ledger::Accept(const Document& doc, const Attribution& result) {
  if (!db_->InTransaction()) {
    Status s = db_->Exec("BEGIN IMMEDIATE");
    if (!s.ok()) return s;
  }
  Status s = db_->Exec("SAVEPOINT document");
  if (!s.ok()) return s;
  IngestCounts before = counts_;
  int64_t run_before = run_id_;
  s = AcceptInSavepoint(doc, result);
  if (s.ok()) return db_->Exec("RELEASE document");
  (void)db_->Exec("ROLLBACK TO document; RELEASE document");  // s is what to report
  counts_ = before;
  run_id_ = run_before;  // a run row written in the savepoint is gone too
  entity_ids_.clear();
  return s;
}

Result<Ledger::DocumentState> Ledger::CurrentState(const std::string& sha256) {
  Result<Statement*> st = db_->Cached(
      "SELECT d.id, r.engine_version, r.rule_set_sha256 FROM documents d "
      "LEFT JOIN extractions e ON e.document_id = d.id AND e.superseded_by_run IS NULL "
      "LEFT JOIN runs r ON r.id = e.run_id WHERE d.sha256 = ?1");
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  Result<bool> row = q.Bind(1, sha256).Step();
  if (!row.ok()) return row.status();
  DocumentState state;
  if (row.value()) {
    state.id = q.Int(0);
    state.same_rules = q.Text(1) == run_.engine_version && q.Text(2) == run_.rule_set_sha256;
  }
  q.Reset();
  return state;
}

Status Ledger::AcceptInSavepoint(const Document& doc, const Attribution& result) {
  for (const Claim& c : result.claims) {
    Status s = CheckSpans(doc, c);
    if (!s.ok()) return s;
  }
  Result<DocumentState> state = CurrentState(doc.Sha256());
  if (!state.ok()) return state.status();
  int64_t document_id = state.value().id;
  if (state.value().same_rules) {
    ++counts_.documents_unchanged;
    return Status::Ok();
  }
  Result<int64_t> run = EnsureRun();
  if (!run.ok()) return run.status();
  if (document_id != 0) {
    Result<int64_t> superseded = Supersede(document_id, run.value());
    if (!superseded.ok()) return superseded.status();
    counts_.claims_superseded += superseded.value();
    ++counts_.documents_reextracted;
  } else {
    Result<int64_t> inserted = InsertDocument(doc);
    if (!inserted.ok()) return inserted.status();
    document_id = inserted.value();
    ++counts_.documents_new;
  }
  Status s = InsertEntities(result);
  if (s.ok()) s = InsertRoles(doc, document_id, result);
  if (s.ok()) s = InsertClaims(doc, document_id, result);
  // Sealed as stored, in the document's savepoint: what verify checks.
  if (s.ok()) s = SealExtraction(*db_, document_id, run_id_, state.value().id == 0);
  return s;
}

Result<int64_t> Ledger::InsertDocument(const Document& doc) {
  Result<Statement*> st = db_->Cached(
      "INSERT INTO documents(sha256, name, url, external_id, title, publisher, published_at, "
      "size, article_date, date_source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!st.ok()) return st.status();
  const DocumentMeta& m = doc.meta();
  // Found once, from the bytes and what the input said; never the ingest time.
  ArticleDate date = FindArticleDate(m.published_at, doc.text(), m.file);
  st.value()->Bind(1, doc.Sha256()).Bind(2, doc.name()).BindOrNull(3, m.url);
  st.value()->BindOrNull(4, m.id).BindOrNull(5, m.title).BindOrNull(6, m.publisher);
  st.value()->BindOrNull(7, m.published_at).Bind(8, static_cast<int64_t>(doc.text().size()));
  st.value()->BindOrNull(9, date.date).BindOrNull(10, DateSourceName(date.source));
  Status s = st.value()->Run();
  if (!s.ok()) return s;
  int64_t id = db_->LastInsertId();
  st = db_->Cached("INSERT INTO document_texts(document_id, bytes) VALUES (?1, ?2)");
  if (!st.ok()) return st.status();
  s = st.value()->Bind(1, id).BindBlob(2, doc.text()).Run();
  if (!s.ok()) return s;
  return id;
}

// Marks the document's current claims, roles and extraction as replaced by
// `run_id`; returns how many claims that was.
Result<int64_t> Ledger::Supersede(int64_t document_id, int64_t run_id) {
  int64_t claims = 0;
  for (const char* table : {"claims", "roles", "extractions"}) {
    std::string sql = fmt::format(
        "UPDATE {} SET superseded_by_run = ?2 "
        "WHERE document_id = ?1 AND superseded_by_run IS NULL",
        table);
    Result<Statement*> st = db_->Cached(sql);
    if (!st.ok()) return st.status();
    Status s = st.value()->Bind(1, document_id).Bind(2, run_id).Run();
    if (!s.ok()) return s;
    if (std::string_view(table) == "claims") claims = db_->Changes();
  }
  return claims;
}

// The entity a name belongs to now, recording the name when new. A kind
// or gender learnt later fills in an "unknown" one on the name; entities
// take theirs from their names when identity is reconciled at the end of
// the run (ledger/identity.h), which also settles where a new name goes.
Result<int64_t> Ledger::EntityId(const std::string& name, EntityKind kind,
                                 const std::string& gender) {
  std::string key = FoldAscii(name);
  auto it = entity_ids_.find(key);
  std::string kind_name = EntityKindName(kind);
  std::string g = CleanGender(gender);
  bool may_learn = kind != EntityKind::kUnknown || !g.empty();
  if (it != entity_ids_.end() && !may_learn) return it->second;
  Result<Statement*> st = db_->Cached(
      "UPDATE entity_names SET "
      "kind = CASE WHEN kind = 'unknown' THEN ?2 ELSE kind END, "
      "gender = CASE WHEN gender = '' THEN ?3 ELSE gender END "
      "WHERE name = ?1 AND ((kind = 'unknown' AND ?2 != 'unknown') OR (gender = '' AND ?3 != ''))");
  if (!st.ok()) return st.status();
  Status s = st.value()->Bind(1, name).Bind(2, kind_name).Bind(3, g).Run();
  if (!s.ok()) return s;
  if (it != entity_ids_.end()) return it->second;
  st = db_->Cached("SELECT entity_id FROM entity_names WHERE name = ?1");
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  Result<bool> row = q.Bind(1, name).Step();
  if (!row.ok()) return row.status();
  int64_t id = row.value() ? q.Int(0) : 0;
  q.Reset();
  if (id == 0) {
    Result<int64_t> added = NewName(name, kind_name, g);
    if (!added.ok()) return added.status();
    id = added.value();
  }
  entity_ids_.emplace(key, id);
  return id;
}

// Records a name never seen before, on the entity of a name with the same
// key if there is one (the reconciliation will agree), else on an entity of
// its own.
Result<int64_t> Ledger::NewName(const std::string& name, const std::string& kind,
                                const std::string& gender) {
  Result<const NameParser*> parser = name_parser();
  if (!parser.ok()) return parser.status();
  std::string name_key = StoredNameKey(*parser.value(), name, kind);
  auto first_id = [&](const char* sql, const std::string& value) -> Result<int64_t> {
    Result<Statement*> st = db_->Cached(sql);
    if (!st.ok()) return st.status();
    Result<bool> row = st.value()->Bind(1, value).Step();
    if (!row.ok()) return row.status();
    int64_t found = row.value() ? st.value()->Int(0) : 0;
    st.value()->Reset();
    return found;
  };
  Result<int64_t> found = int64_t{0};
  if (!name_key.empty()) {
    found = first_id("SELECT entity_id FROM entity_names WHERE name_key = ?1", name_key);
  }
  if (found.ok() && found.value() == 0) {
    found = first_id("SELECT id FROM entities WHERE name = ?1", name);
  }
  if (!found.ok()) return found.status();
  int64_t id = found.value();
  if (id == 0) {
    Result<Statement*> st = db_->Cached(
        "INSERT INTO entities(name, kind, gender) VALUES (?1, ?2, ?3)");
    if (!st.ok()) return st.status();
    Status s = st.value()->Bind(1, name).Bind(2, kind).Bind(3, gender).Run();
    if (!s.ok()) return s;
    id = db_->LastInsertId();
  }
  Result<Statement*> st = db_->Cached(
      "INSERT INTO entity_names(name, entity_id, name_key, kind, gender) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!st.ok()) return st.status();
  Status s = st.value()->Bind(1, name).Bind(2, id).Bind(3, name_key).Bind(4, kind).Bind(5, gender).Run();
  if (!s.ok()) return s;
  return id;
}

Status Ledger::InsertEntities(const Attribution& result) {
  for (const EntityFact& e : result.entities) {
    if (e.name.empty() || e.kind == EntityKind::kUnresolved || IsPronoun(e.name)) continue;
    Result<int64_t> id = EntityId(e.name, e.kind, e.gender);
    if (!id.ok()) return id.status();
    for (const std::string& alias : e.aliases) {
      if (alias.empty() || IsPronoun(alias) || FoldAscii(alias) == FoldAscii(e.name)) continue;
      // The article's short form is kept with its name; the entity's
      // aliases are derived from those when identity is reconciled, and
      // meanwhile the entity has it too.
      for (const char* sql : {"INSERT OR IGNORE INTO name_aliases(name, alias) VALUES (?2, ?3)",
                              "INSERT OR IGNORE INTO entity_aliases(entity_id, alias) "
                              "VALUES (?1, ?3)"}) {
        Result<Statement*> st = db_->Cached(sql);
        if (!st.ok()) return st.status();
        Status s = st.value()->Bind(1, id.value()).Bind(2, e.name).Bind(3, alias).Run();
        if (!s.ok()) return s;
      }
    }
  }
  return Status::Ok();
}

Status Ledger::InsertRoles(const Document& doc, int64_t document_id, const Attribution& result) {
  for (const RoleFact& r : result.roles) {
    if (r.person.empty() || IsPronoun(r.person) || r.title.empty() ||
        !SpanFits(r.evidence, doc.text().size())) {
      continue;
    }
    Result<int64_t> entity = EntityId(r.person, EntityKind::kPerson, "");
    if (!entity.ok()) return entity.status();
    Result<Statement*> st = db_->Cached(
        "INSERT INTO roles(entity_id, title, affiliation, document_id, run_id, evidence_begin, "
        "evidence_end, evidence_text, stated_at, person_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
        "?8, (SELECT article_date FROM documents WHERE id = ?4), ?9)");
    if (!st.ok()) return st.status();
    Statement& q = *st.value();
    q.Bind(1, entity.value()).Bind(2, r.title).Bind(3, r.affiliation).Bind(4, document_id);
    q.Bind(5, run_id_).Bind(6, int64_t{r.evidence.begin}).Bind(7, int64_t{r.evidence.end});
    q.Bind(8, r.evidence.Of(doc.text())).Bind(9, r.person);
    Status s = q.Run();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Ledger::InsertClaims(const Document& doc, int64_t document_id, const Attribution& result) {
  for (size_t i = 0; i < result.claims.size(); ++i) {
    Status s = InsertClaim(doc, document_id, static_cast<int>(i), result.claims[i]);
    if (!s.ok()) return s;
  }
  counts_.claims_added += static_cast<int64_t>(result.claims.size());
  Result<Statement*> st = db_->Cached(
      "INSERT INTO extractions(document_id, run_id, claims) VALUES (?1, ?2, ?3)");
  if (!st.ok()) return st.status();
  return st.value()
      ->Bind(1, document_id)
      .Bind(2, run_id_)
      .Bind(3, static_cast<int64_t>(result.claims.size()))
      .Run();
}

Status Ledger::InsertClaim(const Document& doc, int64_t document_id, int seq, const Claim& c) {
  std::string_view text = doc.text();
  int64_t speaker_id = 0;
  // An unresolved speaker ("he", "the judge") is no entity: the claim
  // keeps its source as written.
  if (!c.speaker.empty() && c.speaker_kind != EntityKind::kUnresolved && !IsPronoun(c.speaker)) {
    Result<int64_t> id = EntityId(c.speaker, c.speaker_kind, "");
    if (!id.ok()) return id.status();
    speaker_id = id.value();
  }
  Result<Statement*> st = db_->Cached(
      "INSERT INTO claims(document_id, run_id, seq, kind, content_spans, content_begin, "
      "content_end, content_text, source_begin, source_end, source_text, cue_begin, cue_end, "
      "cue_text, speaker_id, role_title, role_affiliation, rule_id, stage, confidence, "
      "speaker_name) VALUES "
      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
      "?20, ?21)");
  if (!st.ok()) return st.status();
  Statement& q = *st.value();
  Span first = c.content.empty() ? Span{} : c.content.front();
  Span last = c.content.empty() ? Span{} : c.content.back();
  q.Bind(1, document_id).Bind(2, run_id_).Bind(3, int64_t{seq}).Bind(4, ClaimKindName(c.kind));
  q.Bind(5, SpansToJson(c.content)).Bind(6, int64_t{first.begin});
  q.Bind(7, int64_t{std::max(first.begin, last.end)}).Bind(8, JoinSpans(text, c.content));
  BindSpan(q, 9, c.source).Bind(11, c.source.Of(text));
  BindSpan(q, 12, c.cue).Bind(14, c.cue.Of(text));
  if (speaker_id != 0) q.Bind(15, speaker_id).Bind(21, c.speaker);
  q.Bind(16, c.role).Bind(17, c.affiliation).Bind(18, c.rule_id).Bind(19, int64_t{c.stage});
  q.Bind(20, std::clamp(c.confidence, 0.0, 1.0));
  return q.Run();
}

}  // namespace quoteledger
