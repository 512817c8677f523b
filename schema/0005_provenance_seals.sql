-- 0005_provenance_seals.sql: tamper evidence for what an ingest recorded.
--
-- At ingest each new document's metadata, and each claim and role a run
-- writes, gets a seal: the SHA-256 of its provenance as stored (see
-- src/ledger/seals.h for exactly which columns, in which order). A run's
-- extractions are chained: each extraction's seal covers the seal before it
-- in the run, the document's identity and the seals of the claims and
-- roles it wrote; the run keeps the last link. `verify` recomputes every
-- seal and walks every chain, so an edit made after ingest to a claim's
-- text, spans, speaker, kind, rule, stage, confidence or role, to a role,
-- or to a document's metadata, and a claim or role added or deleted, is
-- reported. The seals are not keyed: someone who recomputes them can hide
-- an edit; they catch edits by hand, by other tools and by bugs.
--
-- Rows written before this migration have no seal (NULL); `verify` says how
-- many it could not check rather than failing. Runs up to
-- seal_start.last_unsealed_run are those.

ALTER TABLE documents ADD COLUMN seal TEXT;   -- SHA-256 of the metadata as ingested, NULL before 0005
ALTER TABLE claims ADD COLUMN seal TEXT;      -- SHA-256 of the claim's provenance, NULL before 0005
ALTER TABLE roles ADD COLUMN seal TEXT;       -- SHA-256 of the role as found, NULL before 0005
ALTER TABLE extractions ADD COLUMN seal TEXT; -- the run's chain link for this document, NULL before 0005
ALTER TABLE runs ADD COLUMN seal_head TEXT;   -- the run's last chain link, NULL before 0005 or if empty

CREATE TABLE seal_start (
  last_unsealed_run INTEGER NOT NULL    -- runs with larger ids were sealed at ingest
) STRICT;
INSERT INTO seal_start(last_unsealed_run) SELECT coalesce(max(id), 0) FROM runs;
