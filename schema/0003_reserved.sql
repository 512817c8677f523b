-- 0003_reserved.sql: a placeholder. Migration 3 belongs to the article
-- dates of branch ledger-dates; this branch (ledger-entities) adds 0004
-- and needs the numbers without a gap. When the branches are merged, this
-- file goes and ledger-dates' 0003 takes its place in schema/meson.build.
-- It changes nothing.
SELECT 1;
