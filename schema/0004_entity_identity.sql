-- 0004_entity_identity.sql: one entity per person across the ledger, and
-- the decisions people make about it.
--
-- Before this migration an entity was one exact name. Now the names that
-- articles resolve their sources to are kept apart from the entities they
-- belong to. entity_names holds every such name ("Donald J. Trump",
-- "Donald Trump", "Trump"), with the entity it is assigned to and how;
-- name_aliases the shorter forms an article used for it ("Mr. Trump").
-- Claims and roles keep the name their article gave, so the assignment can
-- be recomputed at any time from the names, the name key
-- (src/ledger/name_key.h) and the decisions (src/ledger/identity.h) and
-- the claims follow. entity_aliases becomes what that recomputation
-- derives: every other name and short form of each entity.
--
-- entity_decisions holds what people decided (merge, split, rename), in
-- the order they decided it; every recomputation re-applies them, so they
-- hold after re-ingest and for the claims of a run with new rules.
--
-- Entities are now renamed and removed by quoteledger itself (a removed
-- entity is one no name, claim or role points at any more); 0001's
-- entities_rename_fts trigger keeps claims_fts in step with renames.

CREATE TABLE entity_names (
  name TEXT PRIMARY KEY COLLATE NOCASE, -- a name an article resolved a source to, as written there
  entity_id INTEGER NOT NULL            -- the entity it belongs to now
    REFERENCES entities(id),
  name_key TEXT NOT NULL DEFAULT '',    -- PersonName::Key() for a person ("trump|donald|"), else ''
  kind TEXT NOT NULL                    -- the kind articles gave it
    CHECK (kind IN ('person', 'organization', 'group', 'anonymous', 'unknown')),
  gender TEXT NOT NULL DEFAULT ''       -- 'm', 'f', or '' when no article said
    CHECK (gender IN ('', 'm', 'f')),
  link TEXT NOT NULL DEFAULT 'own'      -- why it belongs there: own (its own entity), key (same
    CHECK (link IN ('own', 'key', 'surname', 'apart', 'curated'))
                                        -- first and last name), surname (the one person with that
                                        -- surname), apart (a surname alone that names several people
                                        -- or none), curated (a person's decision)
) STRICT;
CREATE INDEX entity_names_entity ON entity_names(entity_id);
CREATE INDEX entity_names_key ON entity_names(name_key);

CREATE TABLE name_aliases (
  name TEXT NOT NULL COLLATE NOCASE     -- the name (entity_names.name) an article also called so
    REFERENCES entity_names(name),
  alias TEXT NOT NULL COLLATE NOCASE,   -- the other form the article used ("Trump", "Mr. Trump")
  PRIMARY KEY (name, alias)
) STRICT;

CREATE TABLE entity_decisions (
  id INTEGER PRIMARY KEY,               -- order of application: later decisions apply after earlier
  action TEXT NOT NULL                  -- what was decided
    CHECK (action IN ('merge', 'split', 'rename')),
  entity TEXT NOT NULL,                 -- the entity's name when it was decided (A)
  other TEXT NOT NULL,                  -- merge: the entity absorbed into A; split: the name or
                                        -- alias taken from A; rename: A's new name
  target TEXT NOT NULL DEFAULT '',      -- split: the entity it goes to, '' for a new one of its own
  note TEXT NOT NULL DEFAULT '',        -- why, in the person's words
  decided_at TEXT NOT NULL              -- when it was decided
    DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  revoked_at TEXT,                      -- when `entity undo` withdrew it, or NULL while it holds
  applied INTEGER NOT NULL DEFAULT 1    -- 0 when the last recomputation could not apply it
    CHECK (applied IN (0, 1)),
  outcome TEXT NOT NULL DEFAULT ''      -- why it could not, or ''
) STRICT;

-- How each entity came to be, for `speakers` and reports.
ALTER TABLE entities ADD COLUMN curated INTEGER NOT NULL DEFAULT 0 -- 1 when a decision shaped it
  CHECK (curated IN (0, 1));
ALTER TABLE entities ADD COLUMN identity_note TEXT NOT NULL DEFAULT ''; -- why it stands apart
  -- ("surname only; 5 people named Trump"), or ''

-- The name the article gave; speaker_id / entity_id is where it belongs now.
ALTER TABLE claims ADD COLUMN speaker_name TEXT COLLATE NOCASE; -- Claim::speaker, NULL if none
ALTER TABLE roles ADD COLUMN person_name TEXT COLLATE NOCASE;   -- RoleFact::person
CREATE INDEX claims_speaker_name ON claims(speaker_name);
CREATE INDEX roles_person_name ON roles(person_name);

-- A ledger from before: every entity was one name, and every claim and
-- role was by that name. The name keys and merges are computed by the
-- next ingest or `entity` command, which the program runs.
INSERT INTO entity_names(name, entity_id, kind, gender)
  SELECT name, id, kind, gender FROM entities;
INSERT OR IGNORE INTO name_aliases(name, alias)
  SELECT e.name, a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id;
UPDATE claims SET speaker_name = (SELECT name FROM entities WHERE id = claims.speaker_id)
  WHERE speaker_id IS NOT NULL;
UPDATE roles SET person_name = (SELECT name FROM entities WHERE id = roles.entity_id);
