-- 0001_init.sql: the ledger's first schema.
--
-- documents holds each article once, keyed by the SHA-256 of its bytes, and
-- document_texts the bytes themselves, so reports and `verify` need nothing
-- but the database. A run is one ingest that wrote something, with the
-- engine version and rule-set hash it used; an extraction records that a
-- run processed a document. Entities are the sources people quote
-- (persons, organisations, groups, anonymous sources) with their aliases;
-- roles are the titles an article states for a person, with the bytes that
-- state them. Claims are the attributed statements, each pointing at its
-- document, run and speaker. Re-extraction with other rules never deletes:
-- it sets superseded_by_run on the older claims, roles and extraction.
-- claims_fts is a full-text index of claim text and speaker names, kept in
-- step with claims by the triggers at the end.
--
-- Offsets are UTF-8 byte offsets into the document's bytes, half-open
-- [begin, end). Times are UTC ISO 8601 text ("2024-08-18T09:30:00Z").

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,               -- row id, referenced by everything else
  sha256 TEXT NOT NULL UNIQUE           -- lower-case hex SHA-256 of the bytes: the identity
    CHECK (length(sha256) = 64),
  name TEXT NOT NULL,                   -- how the input named it: path, JSON id or url, or file:line
  url TEXT,                             -- "url" from JSON Lines, or NULL
  external_id TEXT,                     -- "id" from JSON Lines, or NULL
  title TEXT,                           -- "title" from JSON Lines, or NULL
  publisher TEXT,                       -- "publisher" from JSON Lines, or NULL
  published_at TEXT,                    -- "published_at" as given (normally ISO 8601), or NULL
  ingested_at TEXT NOT NULL             -- when the bytes were first ingested
    DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  size INTEGER NOT NULL CHECK (size > 0) -- length of the bytes; every span ends at or before it
) STRICT;

CREATE TABLE document_texts (
  document_id INTEGER PRIMARY KEY       -- the document these bytes are
    REFERENCES documents(id),
  bytes BLOB NOT NULL                   -- the original bytes, unchanged
) STRICT;

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,               -- row id; larger is later
  engine_version TEXT NOT NULL,         -- Extractor::Version(), e.g. "0.1.0"
  rule_set_sha256 TEXT NOT NULL,        -- Extractor::RuleSetHash(): which rules made the claims
  options TEXT NOT NULL                 -- JSON object: rule files, built-in rules on or off
    CHECK (json_valid(options)),
  started_at TEXT NOT NULL              -- when the run wrote its first document
    DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  finished_at TEXT                      -- when it ended; NULL if it is running or was killed
) STRICT;

CREATE TABLE extractions (
  document_id INTEGER NOT NULL          -- the document processed
    REFERENCES documents(id),
  run_id INTEGER NOT NULL               -- the run that processed it
    REFERENCES runs(id),
  claims INTEGER NOT NULL               -- how many claims the run found in it
    CHECK (claims >= 0),
  superseded_by_run INTEGER             -- the later run that re-extracted it, or NULL if current
    REFERENCES runs(id),
  PRIMARY KEY (document_id, run_id)
) STRICT;
-- At most one current extraction per document.
CREATE UNIQUE INDEX extractions_current ON extractions(document_id)
  WHERE superseded_by_run IS NULL;

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,               -- row id
  name TEXT NOT NULL UNIQUE             -- canonical name ("Antony Blinken", "Hamas", "Officials")
    COLLATE NOCASE,
  kind TEXT NOT NULL                    -- what sort of source it is
    CHECK (kind IN ('person', 'organization', 'group', 'anonymous', 'unknown')),
  gender TEXT NOT NULL DEFAULT ''       -- 'm', 'f', or '' when unknown
    CHECK (gender IN ('', 'm', 'f'))
) STRICT;

CREATE TABLE entity_aliases (
  entity_id INTEGER NOT NULL            -- the entity this is another name for
    REFERENCES entities(id),
  alias TEXT NOT NULL COLLATE NOCASE,   -- "Blinken", "Mr. Blinken"
  PRIMARY KEY (entity_id, alias)
) STRICT;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);

CREATE TABLE roles (
  id INTEGER PRIMARY KEY,               -- row id
  entity_id INTEGER NOT NULL            -- who holds the role
    REFERENCES entities(id),
  title TEXT NOT NULL,                  -- "Secretary of State"
  affiliation TEXT NOT NULL DEFAULT '', -- "U.S.", or '' when the article gives none
  document_id INTEGER NOT NULL          -- the article that states it
    REFERENCES documents(id),
  run_id INTEGER NOT NULL               -- the run that found it
    REFERENCES runs(id),
  evidence_begin INTEGER NOT NULL,      -- first byte of the text stating the role
  evidence_end INTEGER NOT NULL,        -- one past its last byte
  evidence_text TEXT NOT NULL,          -- those bytes
  stated_at TEXT,                       -- the article's date (published_at), NULL when unknown
  superseded_by_run INTEGER             -- the later run that re-extracted the article, or NULL
    REFERENCES runs(id),
  CHECK (0 <= evidence_begin AND evidence_begin <= evidence_end)
) STRICT;
CREATE INDEX roles_entity ON roles(entity_id);
CREATE INDEX roles_document ON roles(document_id);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,               -- row id, also the claims_fts rowid
  document_id INTEGER NOT NULL          -- the article the claim is in
    REFERENCES documents(id),
  run_id INTEGER NOT NULL               -- the run that made it
    REFERENCES runs(id),
  seq INTEGER NOT NULL,                 -- 0-based position among the run's claims in the article
  kind TEXT NOT NULL                    -- direct, mixed, partial, indirect or according_to
    CHECK (kind IN ('direct', 'mixed', 'partial', 'indirect', 'according_to')),
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
  CHECK (0 <= content_begin AND content_begin <= content_end),
  CHECK ((source_begin IS NULL) = (source_end IS NULL)),
  CHECK ((cue_begin IS NULL) = (cue_end IS NULL))
) STRICT;
CREATE INDEX claims_document ON claims(document_id, seq);
CREATE INDEX claims_speaker ON claims(speaker_id);
CREATE INDEX claims_run ON claims(run_id);

-- Full-text search over what was said (text) and who said it (speaker: the
-- canonical name, or the source as written when unresolved). rowid is
-- claims.id.
CREATE VIRTUAL TABLE claims_fts USING fts5(
  text,                                 -- claims.content_text
  speaker,                              -- entities.name of claims.speaker_id, else claims.source_text
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts(rowid, text, speaker) VALUES (
    new.id, new.content_text,
    coalesce((SELECT name FROM entities WHERE id = new.speaker_id), new.source_text));
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  DELETE FROM claims_fts WHERE rowid = old.id;
END;

CREATE TRIGGER claims_fts_update
AFTER UPDATE OF content_text, speaker_id, source_text ON claims BEGIN
  DELETE FROM claims_fts WHERE rowid = old.id;
  INSERT INTO claims_fts(rowid, text, speaker) VALUES (
    new.id, new.content_text,
    coalesce((SELECT name FROM entities WHERE id = new.speaker_id), new.source_text));
END;

-- Entities are never renamed by quoteledger, but a person editing the
-- ledger by hand might; keep the index's speaker column in step.
CREATE TRIGGER entities_rename_fts AFTER UPDATE OF name ON entities BEGIN
  DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id = new.id);
  INSERT INTO claims_fts(rowid, text, speaker)
    SELECT id, content_text, new.name FROM claims WHERE speaker_id = new.id;
END;
