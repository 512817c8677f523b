#!/usr/bin/env bash
# End-to-end test of identity across the ledger with the built binary, on
# four short articles written for it ($QUOTELEDGER_TESTDATA/entities): one
# person under two spellings, her brother, and a surname alone. Checks
# that --speaker never mixes people (exit 2 listing them), that `entity`
# curation moves claims, is shown as curated, and holds after re-ingest
# with other rules, and that undo withdraws it.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
DATA=${QUOTELEDGER_TESTDATA:?set QUOTELEDGER_TESTDATA to tests/data}
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"
export QUOTELEDGER_DB=$WORK/ledger.db

# json PYTHON_EXPR: EXPR with r = the last stdout as JSON and s = {speaker: record}.
json() {
  python3 - "$WORK/out" "$1" <<'PY' || fail "JSON check failed: $1"
import json, sys
r = json.load(open(sys.argv[1]))
s = {x.get("speaker", x.get("entity")): x for x in r} if isinstance(r, list) else {}
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

run 0 "$Q" ingest "$DATA/entities"
run 0 "$Q" speakers --format json
json 's["Jane Holloway"]["claims"] == 3 and s["Jane Holloway"]["identity"] == ""'
json '"Jane M. Holloway" in s["Jane Holloway"]["aliases"] and "Mark Holloway" in s'
json '"not linked: 2 people named Holloway" in s["Holloway"]["identity"]'

# --speaker means one entity: a shared surname is an error listing them.
run 2 "$Q" quotes --speaker Holloway
has '"Holloway" could be' err
has '"Jane Holloway"' err
has "give a fuller name" err
run 2 "$Q" roles Holloway
run 2 "$Q" report --by speaker Holloway
run 0 "$Q" quotes --speaker "Jane M. Holloway" --format json
json 'len(r) == 3 and all(c["speaker"] == "Jane Holloway" for c in r)'
run 0 "$Q" who "bridge" --speaker "jane holloway" --format json
json 'all(c["speaker"] == "Jane Holloway" for c in r)'
run 1 "$Q" quotes --speaker "Nobody Known"

# Curation: merge and rename, shown as curated.
run 0 "$Q" entity merge "Jane Holloway" Holloway --note "the senator, says the desk"
has 'merged "Holloway" (1 claim) into "Jane Holloway"' out
run 0 "$Q" entity rename "Mark Holloway" "Mark A. Holloway"
run 0 "$Q" speakers --format json
json 's["Jane Holloway"]["claims"] == 4 and s["Jane Holloway"]["identity"] == "curated"'
json '"Mark A. Holloway" in s and "Holloway" not in s'
run 0 "$Q" entity show "Jane Holloway" --format json
json 'r["identity"] == "curated" and {n["name"] for n in r["names"]} == {"Jane Holloway", "Jane M. Holloway", "Holloway"} and r["decisions"][0]["note"] == "the senator, says the desk"'
run 0 "$Q" report --by speaker "Jane Holloway"
has "identity curated by a person" out

# Other rules: every article re-extracted, the decisions still hold.
run 0 "$Q" ingest --rules "$DATA/extra.rules" "$DATA/entities"
has "4 re-extracted" out
run 0 "$Q" speakers --format json
json 's["Jane Holloway"]["claims"] == 4 and s["Jane Holloway"]["identity"] == "curated" and "Mark A. Holloway" in s'
run 0 "$Q" entity decisions --format json
json 'len(r) == 2 and all(d["status"] == "in force" for d in r)'

# Bad decisions change nothing; undo withdraws one.
run 2 "$Q" entity merge "Jane Holloway" "Nobody Known"
has "Nobody Known" err
run 2 "$Q" entity split "Jane Holloway" --alias "Mark A. Holloway"
has "not a name or alias" err
run 0 "$Q" entity undo 1
run 0 "$Q" speakers --format json
json 's["Jane Holloway"]["claims"] == 3 and "not linked" in s["Holloway"]["identity"]'
run 0 "$Q" entity decisions --format json
json 'r[0]["status"].startswith("withdrawn") and r[1]["status"] == "in force"'
run 0 "$Q" verify

finish "all checks passed"
