#!/usr/bin/env bash
# The conventions users expect of the command line (issue 21): `articles`
# lists what the ledger holds, with paths relative to where the user
# stands.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
die() { echo "FAIL: $*"; exit 1; }
mkdir -p "$WORK/in"
cp "$HERE"/../samples/articles/*.txt "$WORK/in/"
cd "$WORK"
export QUOTELEDGER_DB=$WORK/ledger.db
printf '{"id": "feed-1", "title": "A feed, with a comma", "published_at": "2024-05-01", "text": "Mayor Ann Roe said the bridge would open in May."}\n' >feed.jsonl
"$Q" ingest in feed.jsonl >/dev/null 2>&1 || die "ingest"

# articles: table, json, csv; paths relative to the current folder.
out=$("$Q" articles) || die "articles failed"
grep -q '^in/harbor-bridge.txt ' <<<"$out" || die "articles table: no relative path: $out"
grep -q 'feed-1' <<<"$out" || die "articles table: no JSON id: $out"
"$Q" articles --format json | python3 -c '
import json, sys
rows = json.load(sys.stdin)
assert len(rows) == 4, rows
feed = [r for r in rows if r["id"] == "feed-1"][0]
assert feed["title"] == "A feed, with a comma" and feed["date"] == "2024-05-01", feed
assert all(r["claims"] >= 1 and len(r["sha256"]) == 64 for r in rows), rows
assert any(r["article"] == "in/clinic-report.txt" for r in rows), rows
' || die "articles --format json"
"$Q" articles --format csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert len(rows) == 4 and "A feed, with a comma" in [r["title"] for r in rows], rows
' || die "articles --format csv"
# A path ingested as absolute is shown relative to where one stands.
"$Q" --db abs.db ingest "$WORK/in/school-budget.txt" >/dev/null 2>&1 || die "ingest absolute"
(cd in && "$Q" --db ../abs.db articles --format json) | grep -q '"article": "school-budget.txt"' ||
  die "articles from a subfolder: $(cd in && "$Q" --db ../abs.db articles)"
echo "all checks passed"
