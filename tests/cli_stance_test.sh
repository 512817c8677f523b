#!/usr/bin/env bash
# Claims of stance (issue 19, item 6): a ledger made at schema version 6,
# when stances were stored as 'indirect', upgrades to 7
# (schema/0007_stance_kind.sql) keeping every row, id, seal, index, trigger
# and view, and verifies clean; ingested again it holds 'stance' claims,
# which `quotes --kind stance` selects and `speakers` counts apart from
# direct, mixed and indirect ones in table, CSV and JSON.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Ann Roe: 1 direct, 1 mixed, 1 indirect, 2 stances; Tom Reyes: 1 stance.
cat >"$WORK/a.txt" <<'TXT'
Levy vote

"The levy pays for itself," Mayor Ann Roe said on Monday.

Roe said the plan would cost "less than a coffee a week."

Roe said the council would vote in June.

Roe criticized the board's lack of staff.

Roe is a fierce critic of the county's tax rules.

Council member Tom Reyes endorsed the levy.
TXT

# A ledger at schema version 6: the rules of the time (stances indirect),
# and claims rebuilt with 0001's CHECK, as 0007 run backwards.
v6=$WORK/v6.db
sed 's/^  kind stance$/  kind indirect/' "$SRC/data/rules/default.rules" >"$WORK/v6.rules"
"$Q" --db "$v6" ingest --no-builtin-rules --rules "$WORK/v6.rules" "$WORK/a.txt" \
  >/dev/null 2>"$WORK/err" || fail "ingest with the rules of schema 6: $(cat "$WORK/err")"
sql "$v6" "$(sed "s/'according_to', 'stance'))/'according_to'))/" "$SRC/schema/0007_stance_kind.sql")
  PRAGMA user_version = 6;"
[ "$(val "$v6" "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%''stance''%'")" -eq 0 ] ||
  fail "the schema-6 fixture still allows 'stance'"
[ "$(val "$v6" "SELECT count(*) FROM claims WHERE kind = 'stance'")" -eq 0 ] ||
  fail "the schema-6 fixture holds stance claims"
rows() { val "$1" "SELECT group_concat(id || ':' || kind || ':' || seal || ':' || rule_id, ',')
  FROM (SELECT * FROM claims ORDER BY id)"; }
objects() { val "$1" "SELECT group_concat(type || ' ' || name, ', ')
  FROM (SELECT * FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name)"; }
before=$(rows "$v6")
objects_before=$(objects "$v6")

run 0 "$Q" --db "$v6" verify
lacks "error" out
[ "$(val "$v6" "PRAGMA user_version")" -eq 7 ] || fail "verify did not migrate to schema 7"
[ "$(rows "$v6")" = "$before" ] || fail "0007 changed claims: $before -> $(rows "$v6")"
[ "$(objects "$v6")" = "$objects_before" ] ||
  fail "0007 changed the schema's objects: $objects_before -> $(objects "$v6")"
[ "$(val "$v6" "SELECT count(*) FROM claims")" -eq "$(val "$v6" "SELECT count(*) FROM claims_fts")" ] ||
  fail "after 0007 not every claim is in the full-text index"
# The triggers work on the rebuilt table: a rename reaches the index.
run 0 "$Q" --db "$v6" quotes --speaker "Roe"
has "levy pays" out

# Ingested again with today's rules: the stances are 'stance', still sealed.
run 0 "$Q" --db "$v6" ingest "$WORK/a.txt"
run 0 "$Q" --db "$v6" verify
[ "$(val "$v6" "SELECT count(*) FROM claims WHERE kind = 'stance' AND superseded_by_run IS NULL")" -eq 3 ] ||
  fail "expected 3 current stance claims after re-ingest, got $(val "$v6" "SELECT group_concat(kind || ' ' || content_text, ' | ') FROM claims WHERE superseded_by_run IS NULL")"

# quotes --kind stance: the stances and nothing else.
run 0 "$Q" --db "$v6" --format json quotes --kind stance
python3 - "$WORK/out" <<'PY' || fail "quotes --kind stance: $(head -c 600 "$WORK/out")"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 3 and all(r["kind"] == "stance" for r in rows), rows
texts = sorted(r["text"] for r in rows)
assert texts == ["the board's lack of staff", "the county's tax rules", "the levy"], texts
PY
run 2 "$Q" --db "$v6" quotes --kind stances

# speakers counts each kind apart: table, CSV and JSON.
for format in json csv table; do
  run 0 "$Q" --db "$v6" --format "$format" speakers
  cp "$WORK/out" "$WORK/speakers.$format"
done
python3 - "$WORK/speakers.json" <<'PY' || fail "speakers JSON counts: $(cat "$WORK/speakers.json")"
import json, sys
by = {r["speaker"]: r for r in json.load(open(sys.argv[1]))}
roe, reyes = by["Ann Roe"], by["Tom Reyes"]
kinds = ("direct", "mixed", "partial", "indirect", "according_to", "stance")
got = {k: roe[k] for k in kinds}
assert got == {"direct": 1, "mixed": 1, "partial": 0, "indirect": 1, "according_to": 0,
               "stance": 2}, got
assert roe["claims"] == sum(got.values()) and reyes["stance"] == 1 and reyes["indirect"] == 0
PY
head -1 "$WORK/speakers.csv" | grep -q "indirect,according_to,stance," ||
  fail "speakers CSV lacks a stance column: $(head -1 "$WORK/speakers.csv")"
grep -q "^Ann Roe,person,5,1,1,0,1,0,2," "$WORK/speakers.csv" ||
  fail "speakers CSV counts for Ann Roe: $(cat "$WORK/speakers.csv")"
head -1 "$WORK/speakers.table" | grep -q "stance" || fail "speakers table has no stance column"

# --min-confidence counts only the claims at or above it: the stance rules
# are the least sure (0.5 to 0.6), so 0.7 leaves Ann Roe no stances.
run 0 "$Q" --db "$v6" --format json speakers --min-confidence 0.7
python3 -c 'import json, sys
by = {r["speaker"]: r for r in json.load(open(sys.argv[1]))}
assert by["Ann Roe"]["stance"] == 0 and by["Ann Roe"]["direct"] == 1, by
assert "Tom Reyes" not in by, by' "$WORK/out" || fail "speakers --min-confidence: $(cat "$WORK/out")"

# report --by speaker names the stance count beside the others.
run 0 "$Q" --db "$v6" report --by speaker "Ann Roe"
has "stance 2" out

finish "stance claims migrate, query and count apart"
