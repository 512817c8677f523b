-- 0002_views.sql: read-only views for people who open the ledger with the
-- sqlite3 shell. quoteledger's own queries do not depend on them.
--
-- claim_details is one row per claim that is still current (not superseded
-- by a later run), with its article and speaker spelled out.

CREATE VIEW claim_details AS
SELECT
  c.id AS claim_id,                     -- claims.id
  d.sha256 AS document_sha256,          -- the article's identity
  d.name AS document,                   -- the article's path, id or url
  d.published_at AS published_at,       -- the article's date, or NULL
  d.publisher AS publisher,             -- the article's publisher, or NULL
  c.kind AS kind,                       -- direct, mixed, partial, indirect, according_to
  coalesce(e.name, '') AS speaker,      -- canonical speaker name, '' when unresolved
  coalesce(e.kind, 'unknown') AS speaker_kind, -- person, organization, group, anonymous, unknown
  c.role_title AS role,                 -- the speaker's role at the time
  c.role_affiliation AS affiliation,    -- that role's affiliation
  c.content_spans AS spans,             -- JSON [[begin, end], ...]
  c.content_text AS text,               -- what was said
  c.rule_id AS rule_id,                 -- the rule that fired
  c.run_id AS run_id                    -- the run that made it
FROM claims c
JOIN documents d ON d.id = c.document_id
LEFT JOIN entities e ON e.id = c.speaker_id
WHERE c.superseded_by_run IS NULL;
