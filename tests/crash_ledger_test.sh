#!/usr/bin/env bash
# Crash safety: SIGKILL an ingest part-way through a large corpus (batches of
# 400 generated articles), three times, each time checking that the ledger
# holds only whole committed batches and verifies clean, then ingest again
# and check that every article is there exactly once with the same claims
# as a ledger built without a crash, and that every claim is in the
# full-text index.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
INGEST_PID=
cleanup() {
  [ -n "$INGEST_PID" ] && kill -9 "$INGEST_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
N=4000
BATCH=400
python3 "$HERE/gen_articles.py" "$N" "$WORK/corpus.jsonl" || exit 1

documents() {  # documents committed in ledger $1, per another connection
  "$Q" --db "$1" stats --format json 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])' 2>/dev/null || echo 0
}

# The full-text index is filled in bulk (schema/0006_deferred_fts.sql): a
# killed run's claims wait for it, counted apart, never half-indexed.
pending() {
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(*c.execute(
    "SELECT (SELECT count(*) FROM claims WHERE id > (SELECT indexed_through FROM claims_fts_state)),"
    " (SELECT count(*) FROM claims), (SELECT count(*) FROM claims_fts)").fetchone())' "$1"
}

# Three times: ingest the corpus (the committed articles are skipped), poll
# until another batch is committed, wait a random moment, then kill without
# warning. One thread so each run is long enough to kill.
KILLS=3
AT_KILL=0
for round in $(seq 1 "$KILLS"); do
  "$Q" --db "$WORK/crash.db" ingest --threads 1 --batch "$BATCH" "$WORK/corpus.jsonl" \
    >"$WORK/run$round.out" 2>&1 &
  INGEST_PID=$!
  for _ in $(seq 1 600); do
    [ "$(documents "$WORK/crash.db")" -ge $((AT_KILL + BATCH)) ] && break
    kill -0 "$INGEST_PID" 2>/dev/null || break
    sleep 0.05
  done
  sleep "0.$((RANDOM % 4))"
  kill -9 "$INGEST_PID" 2>/dev/null
  wait "$INGEST_PID" 2>/dev/null
  INGEST_PID=
  BEFORE=$AT_KILL
  AT_KILL=$(documents "$WORK/crash.db")
  echo "kill $round: $AT_KILL of $N articles committed"
  if [ "$AT_KILL" -lt $((BEFORE + BATCH)) ] || [ "$AT_KILL" -ge "$N" ]; then
    echo "FAIL: kill $round did not land part-way through (committed $AT_KILL of $N, $BEFORE before)"
    exit 1
  fi
  "$Q" --db "$WORK/crash.db" verify >"$WORK/verify.out" 2>&1 ||
    { echo "FAIL: the ledger does not verify after kill $round"; cat "$WORK/verify.out"; exit 1; }
  read -r PENDING CLAIMS INDEXED < <(pending "$WORK/crash.db")
  echo "  $CLAIMS claims, $INDEXED indexed, $PENDING waiting for the index"
  [ $((INDEXED + PENDING)) -eq "$CLAIMS" ] ||
    { echo "FAIL: claims are neither indexed nor pending"; exit 1; }
done

"$Q" --db "$WORK/crash.db" ingest --batch "$BATCH" "$WORK/corpus.jsonl" >"$WORK/second.out" ||
  { echo "FAIL: re-ingest failed"; cat "$WORK/second.out"; exit 1; }
cat "$WORK/second.out"
GROUPED=$(python3 -c "import sys; print(f'{int(sys.argv[1]):,}')" "$AT_KILL")
grep -qF "$GROUPED unchanged" "$WORK/second.out" ||
  { echo "FAIL: the committed articles were not recognised as already ingested"; exit 1; }
"$Q" --db "$WORK/crash.db" verify || { echo "FAIL: the recovered ledger does not verify"; exit 1; }
read -r PENDING CLAIMS INDEXED < <(pending "$WORK/crash.db")
[ "$PENDING" -eq 0 ] && [ "$INDEXED" -eq "$CLAIMS" ] ||
  { echo "FAIL: after the re-run $PENDING claims still wait for the index ($INDEXED of $CLAIMS)"; exit 1; }

"$Q" --db "$WORK/clean.db" ingest --batch "$BATCH" "$WORK/corpus.jsonl" >/dev/null ||
  { echo "FAIL: the reference ingest failed"; exit 1; }
python3 - "$WORK/crash.db" "$WORK/clean.db" "$N" <<'EOF'
import sqlite3, sys
def per_article(path):
    db = sqlite3.connect(path)
    rows = db.execute("""
        SELECT d.external_id, count(DISTINCT d.id), count(e.run_id),
               (SELECT count(*) FROM claims c WHERE c.document_id = d.id
                  AND c.superseded_by_run IS NULL)
        FROM documents d LEFT JOIN extractions e
          ON e.document_id = d.id AND e.superseded_by_run IS NULL
        GROUP BY d.external_id""").fetchall()
    return {r[0]: r[1:] for r in rows}
crash, clean, n = per_article(sys.argv[1]), per_article(sys.argv[2]), int(sys.argv[3])
problems = []
if len(crash) != n:
    problems.append(f"{len(crash)} articles in the ledger, expected {n}")
for article, (docs, extractions, claims) in crash.items():
    if docs != 1 or extractions != 1:
        problems.append(f"{article}: {docs} documents, {extractions} current extractions")
    if clean.get(article, (0, 0, -1))[2] != claims:
        problems.append(f"{article}: {claims} claims, {clean.get(article)} without a crash")
for p in problems[:20]:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
EOF
[ $? -eq 0 ] || exit 1
echo "every article is in the ledger exactly once, with the claims a clean run gives"
