#!/usr/bin/env bash
# Tamper evidence (issue 22, defect 5): after an ingest, an edit made with
# SQLite to any claim's text, spans, speaker, kind, rule, stage, confidence or
# role, to a role, or to a document's metadata, and a claim deleted, makes
# `verify` exit 2 naming the claim (or document, or run); the untouched
# ledger verifies clean, and a ledger from before seals verifies with a note
# saying its claims could not be checked, not a failure.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"

cat >"$WORK/articles.jsonl" <<'EOF'
{"id": "t1", "title": "Harbour to reopen", "publisher": "The Coast Gazette", "published_at": "2024-03-05", "url": "https://example.org/t1", "text": "Harbour to reopen\n\nSecretary of State Ada Ferreira said on Tuesday that the harbour would reopen in May.\n\n\"We are not giving up,\" Ferreira told reporters. \"The work goes on.\"\n\nAccording to port officials, the repairs cost $4 million."}
{"id": "t2", "title": "Council budget", "publisher": "The Coast Gazette", "published_at": "2024-03-06", "url": "https://example.org/t2", "text": "Council budget\n\n\"The budget is balanced,\" council member Tom Reyes said on Tuesday. Mayor Lina Park disagreed, saying the numbers \"do not add up.\""}
EOF
base=$WORK/base.db
"$Q" --db "$base" ingest "$WORK/articles.jsonl" >/dev/null 2>"$WORK/err" || { cat "$WORK/err"; exit 1; }
"$Q" --db "$base" verify >"$WORK/out" 2>&1 || fail "untouched ledger does not verify: $(cat "$WORK/out")"
grep -q "note:" "$WORK/out" && fail "a sealed ledger gets a note: $(cat "$WORK/out")"
nclaims=$(val "$base" "SELECT count(*) FROM claims")
[ "$nclaims" -ge 3 ] || fail "expected at least 3 claims, got $nclaims"
[ "$(val "$base" "SELECT count(*) FROM claims WHERE seal IS NULL")" -eq 0 ] || fail "unsealed claims"
[ "$(val "$base" "SELECT count(*) FROM roles")" -ge 1 ] || fail "expected a role in the fixture"

# The claim to tamper with: one with a speaker, a source and a role if any.
C=$(val "$base" "SELECT id FROM claims WHERE speaker_id IS NOT NULL ORDER BY role_title = '', id LIMIT 1")
D=$(val "$base" "SELECT document_id FROM claims WHERE id = $C")
R=$(val "$base" "SELECT id FROM roles ORDER BY id LIMIT 1")
OTHER=$(val "$base" "SELECT coalesce((SELECT id FROM entities WHERE id != (SELECT speaker_id FROM claims WHERE id = $C) LIMIT 1), 0)")

# tamper NAME EXPECTED SQL: a copy of the ledger edited by SQL must fail
# verify with EXPECTED in its output.
tamper() {
  local name=$1 expected=$2 edit=$3 db=$WORK/$1.db
  cp "$base" "$db"
  sql "$db" "$edit"
  "$Q" --db "$db" verify >"$WORK/out" 2>"$WORK/err"
  local rc=$?
  if [ "$rc" -ne 2 ]; then
    fail "$name: verify exit $rc, not 2 ($(cat "$WORK/out"))"
  elif ! grep -qF -- "$expected" "$WORK/out"; then
    fail "$name: verify output lacks '$expected': $(cat "$WORK/out")"
  else
    echo "ok: $name: $(grep -F -- "$expected" "$WORK/out" | head -1)"
  fi
}
claim="claim $C of document $D (run"
# Text and spans moved together, so the bytes still match the document:
# only the seal can tell.
tamper text "$claim" "UPDATE claims SET content_text = content_text || ' (edited)' WHERE id = $C"
tamper spans "$claim" "UPDATE claims SET content_spans = json_array(json_array(0, 7)),
  content_begin = 0, content_end = 7,
  content_text = (SELECT CAST(substr(bytes, 1, 7) AS TEXT) FROM document_texts WHERE document_id = $D)
  WHERE id = $C"
tamper source-span "$claim" "UPDATE claims SET source_begin = 0, source_end = 7,
  source_text = (SELECT CAST(substr(bytes, 1, 7) AS TEXT) FROM document_texts WHERE document_id = $D)
  WHERE id = $C"
tamper speaker-name "$claim" "UPDATE claims SET speaker_name = 'Somebody Else' WHERE id = $C"
if [ "$OTHER" -ne 0 ]; then
  tamper speaker-moved "claims row $C" "UPDATE claims SET speaker_id = $OTHER WHERE id = $C"
fi
tamper kind "$claim" "UPDATE claims SET kind = CASE kind WHEN 'direct' THEN 'indirect' ELSE 'direct' END WHERE id = $C"
tamper rule "$claim" "UPDATE claims SET rule_id = 'hand-made' WHERE id = $C"
tamper stage "$claim" "UPDATE claims SET stage = stage + 1 WHERE id = $C"
tamper confidence "$claim" "UPDATE claims SET confidence = CASE WHEN confidence > 0.5 THEN confidence - 0.000000000001 ELSE confidence + 0.000000000001 END WHERE id = $C"
tamper role-title "$claim" "UPDATE claims SET role_title = 'Pope' WHERE id = $C"
tamper role-affiliation "$claim" "UPDATE claims SET role_affiliation = 'Vatican' WHERE id = $C"
tamper seal-cleared "its seal was removed after ingest" "UPDATE claims SET seal = NULL WHERE id = $C"
tamper role-row "role $R of document" "UPDATE roles SET title = 'Pope' WHERE id = $R"
tamper role-date "role $R of document" "UPDATE roles SET stated_at = '1999-01-01' WHERE id = $R"
for field in title publisher published_at url external_id name; do
  tamper "document-$field" "document $D (" "UPDATE documents SET $field = 'edited' WHERE id = $D"
done
tamper document-date "document $D (" "UPDATE documents SET article_date = '1999-01-01' WHERE id = $D"
# A claim deleted, with its extraction's count kept right: the run's chain
# breaks at its document.
tamper claim-deleted "document $D: its claims or roles were added, removed" "
  DELETE FROM claims WHERE id = $C;
  UPDATE extractions SET claims = claims - 1 WHERE document_id = $D"
tamper extraction-deleted "the extraction it wrote last was removed" "
  DELETE FROM claims WHERE document_id = (SELECT document_id FROM extractions ORDER BY rowid DESC LIMIT 1);
  DELETE FROM roles WHERE document_id = (SELECT document_id FROM extractions ORDER BY rowid DESC LIMIT 1);
  DELETE FROM extractions WHERE rowid = (SELECT max(rowid) FROM extractions);
  DELETE FROM document_texts WHERE document_id NOT IN (SELECT document_id FROM extractions);
  DELETE FROM documents WHERE id NOT IN (SELECT document_id FROM extractions)"

# A ledger from before seals (schema 4): made here by taking the seals out
# again. verify migrates it, checks all it can, and says what it could not.
old=$WORK/old.db
cp "$base" "$old"
# Taking out 0007 (the stance kind) first: claims rebuilt with 0001's CHECK,
# as 0007 run backwards (the fixture holds no stance claims).
sql "$old" "$(sed "s/'according_to', 'stance'))/'according_to'))/" \
  "$(dirname "${BASH_SOURCE[0]}")/../schema/0007_stance_kind.sql")"
# Taking out 0006 (the deferred full-text index) too: its state table goes
# and 0001's triggers come back.
sql "$old" "DROP TABLE claims_fts_state; DROP TRIGGER claims_fts_update;
  DROP TRIGGER entities_rename_fts;
  CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text, speaker) VALUES (new.id, new.content_text,
      coalesce((SELECT name FROM entities WHERE id = new.speaker_id), new.source_text)); END;
  CREATE TRIGGER claims_fts_update AFTER UPDATE OF content_text, speaker_id, source_text ON claims
  BEGIN DELETE FROM claims_fts WHERE rowid = old.id;
    INSERT INTO claims_fts(rowid, text, speaker) VALUES (new.id, new.content_text,
      coalesce((SELECT name FROM entities WHERE id = new.speaker_id), new.source_text)); END;
  CREATE TRIGGER entities_rename_fts AFTER UPDATE OF name ON entities BEGIN
    DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE speaker_id = new.id);
    INSERT INTO claims_fts(rowid, text, speaker)
      SELECT id, content_text, new.name FROM claims WHERE speaker_id = new.id; END;"
sql "$old" "ALTER TABLE documents DROP COLUMN seal; ALTER TABLE claims DROP COLUMN seal;
  ALTER TABLE roles DROP COLUMN seal; ALTER TABLE extractions DROP COLUMN seal;
  ALTER TABLE runs DROP COLUMN seal_head; DROP TABLE seal_start; PRAGMA user_version = 4"
"$Q" --db "$old" verify >"$WORK/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] || fail "a ledger from before seals fails verify (exit $rc): $(cat "$WORK/out")"
grep -q "note: .*ingested before this ledger kept seals" "$WORK/out" ||
  fail "a ledger from before seals gets no note: $(cat "$WORK/out")"
# New articles ingested into it are sealed, the old ones stay noted.
printf '"It works," engineer Sam Ortiz said.\n' >"$WORK/c.txt"
"$Q" --db "$old" ingest "$WORK/c.txt" >/dev/null 2>&1 || fail "ingest into a migrated ledger"
"$Q" --db "$old" verify >"$WORK/out" 2>&1 || fail "migrated ledger after ingest: $(cat "$WORK/out")"
[ "$(val "$old" "SELECT count(*) FROM claims")" -eq "$(val "$old" "SELECT count(*) FROM claims_fts")" ] ||
  fail "after migrating to the deferred index and ingesting, not every claim is indexed"
[ "$(val "$old" "SELECT count(*) FROM claims WHERE seal IS NOT NULL")" -ge 1 ] ||
  fail "claims ingested after the migration are not sealed"

finish "all tamper cases detected"
