#!/usr/bin/env bash
# End-to-end test of article dates and claim kinds on a small corpus of .txt
# files written for this test ($QUOTELEDGER_TESTDATA/dated): an article
# dated by its file name alone (with a date inside its story that must not
# be taken), one whose date line overrides its file name, and one with no
# date at all. Checks --since/--until, first/last seen in `speakers`, the
# per-kind counts in `speakers` and reports, --min-confidence, and that bad
# dates and confidences are refused with exit 2 naming the value.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
CORPUS=${QUOTELEDGER_TESTDATA:?set QUOTELEDGER_TESTDATA to tests/data}/dated
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"
export QUOTELEDGER_DB=$WORK/ledger.db

# json PYTHON_EXPR: fails unless EXPR, with r = the last stdout as JSON, is true.
json() {
  python3 - "$WORK/out" "$1" <<'PY' || fail "JSON check failed: $1"
import json, sys
r = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}
# Keeps the last stdout as $WORK/NAME.json for later comparisons.
keep() { cp "$WORK/out" "$WORK/$1.json"; }

run 0 "$Q" ingest "$CORPUS"
has "4 new" out

# Every article's date, and how it was found; never the ingest time.
run 0 "$Q" quotes --format json
keep all
json 'all(c["date"] in (None, "2016-09-20", "2016-10-04", "2016-10-17") for c in r)'
json '{c["article"].rsplit("/", 1)[1]: (c["date"], c["date_source"]) for c in r} == {"wire_2016-09-20_budget.txt": ("2016-09-20", "file_name"), "wire_2016-10-04_debate.txt": ("2016-10-04", "file_name"), "wire_2016-10-30_rally.txt": ("2016-10-17", "dateline"), "notes_undated.txt": (None, None)}'
# Oldest first, the undated last.
json '[c["date"] for c in r] == sorted((c["date"] for c in r if c["date"]), key=str) + [None] * sum(1 for c in r if not c["date"])'
run 0 "$Q" show notes_undated.txt --format json
json 'r["document"]["date"] is None and r["document"]["ingested_at"]'

# --since on a corpus dated by file name: October only. The budget story
# mentions Oct. 5, 2016 but ran in September; the undated notes are out.
run 0 "$Q" quotes --since 2016-10-01 --format json
json 'len(r) >= 2 and all(c["date"] >= "2016-10-01" for c in r) and {c["article"].rsplit("/", 1)[1] for c in r} == {"wire_2016-10-04_debate.txt", "wire_2016-10-30_rally.txt"}'
# The rally story's date line (Oct. 17) counts, not its file name (Oct. 30).
run 1 "$Q" quotes --since 2016-10-18
has "no claims" err
run 0 "$Q" quotes --until 2016-09 --format json
json 'len(r) >= 1 and all(c["date"] == "2016-09-20" for c in r)'

# Bad bounds: exit 2, naming the value and what is wrong.
run 2 "$Q" quotes --since 2024-02-30
has "2024-02-30" err
has "has 29 days" err
run 2 "$Q" quotes --until 2016-13
has "2016-13" err
run 2 "$Q" quotes --since yesterday
has "yesterday" err

# speakers: first and last seen are article dates; counts by kind add up.
run 0 "$Q" speakers Ortiz --format json
keep ortiz
json 'len(r) == 1 and r[0]["first_seen"] == "2016-09-20" and r[0]["last_seen"] == "2016-10-17"'
json 'all(k in r[0] for k in ("direct", "mixed", "partial", "indirect", "according_to", "stance"))'
json 'r[0]["claims"] == sum(r[0][k] for k in ("direct", "mixed", "partial", "indirect", "according_to", "stance"))'
json 'r[0]["direct"] >= 4 and r[0]["indirect"] >= 1'
# Each count is the number of claims of that kind `quotes` lists.
for kind in direct mixed partial indirect according_to stance; do
  want=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[0][sys.argv[2]])" "$WORK/ortiz.json" "$kind")
  "$Q" quotes --speaker Ortiz --kind "$kind" --format json >"$WORK/out" 2>/dev/null
  got=$(python3 -c "import json,sys; t=open(sys.argv[1]).read(); print(len(json.loads(t)) if t.strip() else 0)" "$WORK/out")
  [ "$want" = "$got" ] || fail "speakers says $want $kind claims by Ortiz, quotes lists $got"
done
run 0 "$Q" speakers Ortiz
has "according_to" out
has "2016-10-17" out
run 0 "$Q" speakers --format csv
head -1 "$WORK/out" | grep -qF "speaker,kind,claims,direct,mixed,partial,indirect,according_to,stance,articles" ||
  fail "speakers CSV header: $(head -1 "$WORK/out")"

# --min-confidence: only claims at or above it, in quotes, speakers and reports.
python3 - "$WORK/all.json" >"$WORK/threshold" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
levels = sorted({c["confidence"] for c in r})
print(levels[-1] if len(levels) > 1 else "")
PY
T=$(cat "$WORK/threshold")
[ -n "$T" ] || fail "the corpus's claims all have one confidence; --min-confidence is not tested"
if [ -n "$T" ]; then
  run 0 "$Q" quotes --min-confidence "$T" --format json
  json "0 < len(r) < len(json.load(open('$WORK/all.json'))) and all(c['confidence'] >= $T for c in r)"
  run 0 "$Q" speakers Ortiz --min-confidence "$T" --format json
  json "r[0]['claims'] <= json.load(open('$WORK/ortiz.json'))[0]['claims'] and r[0]['claims'] == sum(r[0][k] for k in ('direct', 'mixed', 'partial', 'indirect', 'according_to', 'stance'))"
  run 0 "$Q" report --by speaker Ortiz --min-confidence "$T"
  has "only claims with confidence $T or more" out
fi
run 0 "$Q" quotes --min-confidence 0 --format json
cmp -s "$WORK/out" "$WORK/all.json" || fail "--min-confidence 0 left claims out"
for bad in 1.5 -0.1 nan high; do
  run 2 "$Q" speakers --min-confidence "$bad"
  has "$bad" err
done
run 2 "$Q" report --by topic vote --min-confidence 2
has "from 0 to 1" err

# Reports count the kinds apart: Markdown and HTML, by article, speaker, topic.
run 0 "$Q" report "$CORPUS/wire_2016-10-04_debate.txt"
has "| direct | mixed | partial | indirect | according\_to |" out
has "claims by" out
run 0 "$Q" report --by speaker Ortiz
has "direct " out
has ", mixed " out
has ", indirect " out
has "### 2016-09-20" out
has "### undated" out
run 0 "$Q" report --by speaker Ortiz --format html
has "according_to" out
run 0 "$Q" report --by topic plan
has "| Speaker | Kind | Role (first claim) | Claims | direct | mixed | partial | indirect |" out
run 0 "$Q" report --by topic plan --format html
has "<th>indirect</th>" out

# A published_at that is not a date: kept, warned of, not used.
printf '%s\n' '{"id": "j1", "published_at": "soon", "text": "Vote Set\n\nOct. 9, 2016\n\n\"We are ready,\" Ortiz said.\n"}' \
  '{"id": "j2", "published_at": "2016-10-11T09:00:00-04:00", "text": "Vote Held\n\n\"We won,\" Ortiz said.\n"}' >"$WORK/in.jsonl"
run 0 "$Q" ingest "$WORK/in.jsonl"
has 'published_at "soon" is not a date' err
run 0 "$Q" show j1 --format json
json 'r["document"]["published_at"] == "soon" and r["document"]["date"] == "2016-10-09" and r["document"]["date_source"] == "dateline"'
run 0 "$Q" show j2 --format json
json 'r["document"]["date"] == "2016-10-11" and r["document"]["date_source"] == "published_at"'

finish "all checks passed"
