-- 0007_stance_kind.sql: claims of stance get their own kind.
--
-- "Roe endorsed the plan", "Roe is a fierce critic of the levy": the rules
-- of stance used to store these as 'indirect'; now their kind is 'stance'.
-- claims.kind's CHECK constraint (0001) cannot be altered in place, so the
-- table is rebuilt the way SQLite documents (https://sqlite.org/lang_altertable.html,
-- "Making Other Kinds Of Table Schema Changes"): a new table with the same
-- columns in the same order, every row copied with its id, the old table
-- dropped, the new one renamed, and the indexes, triggers and view that
-- name claims made again exactly as 0001..0006 left them. No table refers
-- to claims by foreign key, and claims_fts is keyed by claims.id, so both
-- stay valid. Every stored value is unchanged, so every seal (0005) still
-- verifies. Claims stored before this migration keep their kind: a stance
-- ingested earlier stays 'indirect' until its article is ingested again.

CREATE TABLE claims_new (
  id INTEGER PRIMARY KEY,               -- row id, also the claims_fts rowid
  document_id INTEGER NOT NULL          -- the article the claim is in
    REFERENCES documents(id),
  run_id INTEGER NOT NULL               -- the run that made it
    REFERENCES runs(id),
  seq INTEGER NOT NULL,                 -- 0-based position among the run's claims in the article
  kind TEXT NOT NULL                    -- direct, mixed, partial, indirect, according_to or stance
    CHECK (kind IN ('direct', 'mixed', 'partial', 'indirect', 'according_to', 'stance')),
  content_spans TEXT NOT NULL           -- JSON [[begin, end], ...]: one or more content spans
    CHECK (json_valid(content_spans)),
  content_begin INTEGER NOT NULL,       -- begin of the first content span
  content_end INTEGER NOT NULL,         -- end of the last content span
  content_text TEXT NOT NULL,           -- the spans' bytes, joined with ' … '
  source_begin INTEGER,                 -- the in-text source mention's first byte, NULL if none
  source_end INTEGER,                   -- one past its last byte, NULL if none
  source_text TEXT NOT NULL DEFAULT '', -- the mention as written ("he", "Israeli Prime Minister ...")
  cue_begin INTEGER,                    -- the cue's first byte, NULL if none
  cue_end INTEGER,                      -- one past its last byte, NULL if none
  cue_text TEXT NOT NULL DEFAULT '',    -- "said", "according to"
  speaker_id INTEGER                    -- the resolved speaker, NULL when unresolved
    REFERENCES entities(id),
  role_title TEXT NOT NULL DEFAULT '',  -- the speaker's role in this article at the time
  role_affiliation TEXT NOT NULL DEFAULT '', -- that role's affiliation ("Israel")
  rule_id TEXT NOT NULL,                -- the rule that fired
  stage INTEGER NOT NULL,               -- the sieve stage that attributed it
  confidence REAL NOT NULL              -- in [0, 1]
    CHECK (confidence >= 0 AND confidence <= 1),
  superseded_by_run INTEGER             -- the later run that replaced it, or NULL if current
    REFERENCES runs(id),
  speaker_name TEXT COLLATE NOCASE,     -- Claim::speaker, NULL if none (0004)
  seal TEXT,                            -- SHA-256 of the claim's provenance, NULL before 0005
  CHECK (0 <= content_begin AND content_begin <= content_end),
  CHECK ((source_begin IS NULL) = (source_end IS NULL)),
  CHECK ((cue_begin IS NULL) = (cue_end IS NULL))
) STRICT;

INSERT INTO claims_new (
  id, document_id, run_id, seq, kind, content_spans, content_begin, content_end, content_text,
  source_begin, source_end, source_text, cue_begin, cue_end, cue_text, speaker_id, role_title,
  role_affiliation, rule_id, stage, confidence, superseded_by_run, speaker_name, seal)
SELECT
  id, document_id, run_id, seq, kind, content_spans, content_begin, content_end, content_text,
  source_begin, source_end, source_text, cue_begin, cue_end, cue_text, speaker_id, role_title,
  role_affiliation, rule_id, stage, confidence, superseded_by_run, speaker_name, seal
FROM claims;

-- What names claims goes first, so that nothing refers to a missing table
-- while it is renamed; the indexes and claims' own triggers go with it.
DROP VIEW claim_details;
DROP TRIGGER entities_rename_fts;
DROP TABLE claims;
ALTER TABLE claims_new RENAME TO claims;

CREATE INDEX claims_document ON claims(document_id, seq);
CREATE INDEX claims_speaker ON claims(speaker_id);
CREATE INDEX claims_run ON claims(run_id);
CREATE INDEX claims_speaker_name ON claims(speaker_name);

-- 0001: a deleted claim leaves the full-text index.
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  DELETE FROM claims_fts WHERE rowid = old.id;
END;

-- 0006: an edited claim is indexed again once it is in the index.
CREATE TRIGGER claims_fts_update
AFTER UPDATE OF content_text, speaker_id, source_text ON claims
WHEN old.id <= (SELECT indexed_through FROM claims_fts_state) BEGIN
  DELETE FROM claims_fts WHERE rowid = old.id;
  INSERT INTO claims_fts(rowid, text, speaker) VALUES (
    new.id, new.content_text,
    coalesce((SELECT name FROM entities WHERE id = new.speaker_id), new.source_text));
END;

-- 0006: a renamed entity is indexed under its new name.
CREATE TRIGGER entities_rename_fts AFTER UPDATE OF name ON entities BEGIN
  DELETE FROM claims_fts WHERE rowid IN (
    SELECT id FROM claims WHERE speaker_id = new.id
      AND id <= (SELECT indexed_through FROM claims_fts_state));
  INSERT INTO claims_fts(rowid, text, speaker)
    SELECT id, content_text, new.name FROM claims WHERE speaker_id = new.id
      AND id <= (SELECT indexed_through FROM claims_fts_state);
END;

-- claim_details as 0003 left it, with the new kind in its comment.
CREATE VIEW claim_details AS
SELECT
  c.id AS claim_id,                     -- claims.id
  d.sha256 AS document_sha256,          -- the article's identity
  d.name AS document,                   -- the article's path, id or url
  d.article_date AS date,               -- the article's date (YYYY-MM-DD), or NULL when unknown
  d.date_source AS date_source,         -- published_at, dateline or file_name; NULL when unknown
  d.published_at AS published_at,       -- published_at as the input gave it, or NULL
  d.publisher AS publisher,             -- the article's publisher, or NULL
  c.kind AS kind,                       -- direct, mixed, partial, indirect, according_to, stance
  coalesce(e.name, '') AS speaker,      -- canonical speaker name, '' when unresolved
  coalesce(e.kind, 'unknown') AS speaker_kind, -- person, organization, group, anonymous, unknown
  c.role_title AS role,                 -- the speaker's role at the time
  c.role_affiliation AS affiliation,    -- that role's affiliation
  c.content_spans AS spans,             -- JSON [[begin, end], ...]
  c.content_text AS text,               -- what was said
  c.confidence AS confidence,           -- in [0, 1]
  c.rule_id AS rule_id,                 -- the rule that fired
  c.run_id AS run_id                    -- the run that made it
FROM claims c
JOIN documents d ON d.id = c.document_id
LEFT JOIN entities e ON e.id = c.speaker_id
WHERE c.superseded_by_run IS NULL;
