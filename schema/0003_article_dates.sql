-- 0003_article_dates.sql: each article's own date, and how it was found.
--
-- Before this migration an article without published_at was dated by when
-- it was ingested, which is wrong for every corpus of files. Now the date
-- is found once, when the article is first stored: published_at when it is
-- a date, else a date line, byline or dateline at the top of the text,
-- else a YYYY-MM-DD in the file name, else unknown (NULL). ingested_at
-- keeps the ingest time and is never an article date. published_at keeps
-- what the input gave, date or not.
--
-- The documents already in the ledger are dated by quoteledger right after
-- this file runs, in the same transaction (see src/ledger/document_dates.cc),
-- since reading a dateline takes more than SQL; their roles' stated_at is
-- set to the same date.

ALTER TABLE documents ADD COLUMN article_date TEXT -- the day it was published, YYYY-MM-DD; NULL when unknown
  CHECK (article_date IS NULL OR date(article_date, '+0 days') = article_date); -- a real day
ALTER TABLE documents ADD COLUMN date_source TEXT  -- where article_date came from; NULL when unknown
  CHECK ((date_source IS NULL) = (article_date IS NULL)
         AND (date_source IS NULL OR date_source IN ('published_at', 'dateline', 'file_name')));
CREATE INDEX documents_article_date ON documents(article_date);

-- roles.stated_at now holds the stating article's article_date.

-- claim_details (0002) with the article's date as queries use it.
DROP VIEW claim_details;
CREATE VIEW claim_details AS
SELECT
  c.id AS claim_id,                     -- claims.id
  d.sha256 AS document_sha256,          -- the article's identity
  d.name AS document,                   -- the article's path, id or url
  d.article_date AS date,               -- the article's date (YYYY-MM-DD), or NULL when unknown
  d.date_source AS date_source,         -- published_at, dateline or file_name; NULL when unknown
  d.published_at AS published_at,       -- published_at as the input gave it, or NULL
  d.publisher AS publisher,             -- the article's publisher, or NULL
  c.kind AS kind,                       -- direct, mixed, partial, indirect, according_to
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
