#!/usr/bin/env bash
# Memory bounded by the batch, not by the corpus (issues 20 and 22): peak
# RSS of `ingest` into a fresh ledger over N generated articles and over
# 10 N may differ by at most 20%. Then the same for `merge` of the extract
# output of both. Generated articles are templated, so the rule engine's
# caches fill on the first few; what is measured is everything after
# extraction: the articles in flight, the batch, the writer, SQLite and the
# full-text index.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/cli_lib.sh"
SECONDS=0
N=${N:-1000}
BATCH=100

# peak_rss OUT CMD...: runs CMD (stdout and stderr to OUT.log), prints its
# peak RSS in KB; fails the test when CMD fails.
peak_rss() {
  local out=$1; shift
  python3 - "$out" "$@" <<'PY'
import resource, subprocess, sys
with open(sys.argv[1] + ".log", "wb") as log:
    rc = subprocess.run(sys.argv[2:], stdout=log, stderr=log, timeout=240).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if rc == 0 else f"exit {rc}")
PY
}

python3 "$HERE/gen_articles.py" "$N" "$WORK/small.jsonl" || exit 1
python3 "$HERE/gen_articles.py" $((10 * N)) "$WORK/large.jsonl" || exit 1

# within WHAT SMALL_KB LARGE_KB: the larger run's peak is at most 20% above.
within() {
  echo "$1: peak RSS $(($2 / 1024)) MB for $N articles, $(($3 / 1024)) MB for $((10 * N))"
  [[ $2 =~ ^[0-9]+$ && $3 =~ ^[0-9]+$ ]] || { fail "$1 failed: $2 / $3"; return; }
  [ "$3" -le $(($2 * 120 / 100)) ] ||
    fail "$1: peak RSS grew from $2 KB to $3 KB (over 20%) for ten times the articles"
}

small=$(peak_rss "$WORK/ingest-small" "$Q" --db "$WORK/small.db" ingest --threads 2 --batch "$BATCH" "$WORK/small.jsonl")
large=$(peak_rss "$WORK/ingest-large" "$Q" --db "$WORK/large.db" ingest --threads 2 --batch "$BATCH" "$WORK/large.jsonl")
within ingest "$small" "$large"
run 0 "$Q" --db "$WORK/large.db" stats --format json
has "\"documents\": $((10 * N))" out

run 0 "$Q" extract -o "$WORK/small.shard" "$WORK/small.jsonl"
run 0 "$Q" extract -o "$WORK/large.shard" "$WORK/large.jsonl"
small=$(peak_rss "$WORK/merge-small" "$Q" --db "$WORK/msmall.db" merge --batch "$BATCH" --articles "$WORK/small.jsonl" "$WORK/small.shard")
large=$(peak_rss "$WORK/merge-large" "$Q" --db "$WORK/mlarge.db" merge --batch "$BATCH" --articles "$WORK/large.jsonl" "$WORK/large.shard")
within merge "$small" "$large"
echo "took $SECONDS s"
finish "peak RSS flat in corpus size for ingest and merge"
