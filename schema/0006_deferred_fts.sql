-- 0006_deferred_fts.sql: the full-text index is filled in bulk, not claim
-- by claim.
--
-- Until now the claims_fts_insert trigger indexed each claim as it was
-- inserted, which was two thirds of the writer's time. From here the
-- writer indexes new claims itself, many at a time (src/ledger/fts_index.h:
-- at the end of an ingest or merge and whenever enough are pending), with
-- one INSERT ... SELECT. claims_fts_state says how far the index has got:
-- every claim whose id is at most indexed_through is in claims_fts; claims
-- above it are pending. An ingest killed before indexing leaves claims
-- pending, never half-indexed: the next writer indexes them, and `verify`
-- counts them as pending rather than missing. The update and rename
-- triggers now touch indexed claims only; a pending claim is indexed with
-- whatever it holds when its turn comes.

DROP TRIGGER claims_fts_insert;

CREATE TABLE claims_fts_state (
  indexed_through INTEGER NOT NULL      -- claims with id <= this are in claims_fts; larger ones pending
) STRICT;
INSERT INTO claims_fts_state(indexed_through) SELECT coalesce(max(id), 0) FROM claims;

DROP TRIGGER claims_fts_update;
CREATE TRIGGER claims_fts_update
AFTER UPDATE OF content_text, speaker_id, source_text ON claims
WHEN old.id <= (SELECT indexed_through FROM claims_fts_state) BEGIN
  DELETE FROM claims_fts WHERE rowid = old.id;
  INSERT INTO claims_fts(rowid, text, speaker) VALUES (
    new.id, new.content_text,
    coalesce((SELECT name FROM entities WHERE id = new.speaker_id), new.source_text));
END;

DROP TRIGGER entities_rename_fts;
CREATE TRIGGER entities_rename_fts AFTER UPDATE OF name ON entities BEGIN
  DELETE FROM claims_fts WHERE rowid IN (
    SELECT id FROM claims WHERE speaker_id = new.id
      AND id <= (SELECT indexed_through FROM claims_fts_state));
  INSERT INTO claims_fts(rowid, text, speaker)
    SELECT id, content_text, new.name FROM claims WHERE speaker_id = new.id
      AND id <= (SELECT indexed_through FROM claims_fts_state);
END;
