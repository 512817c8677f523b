#!/usr/bin/env bash
# Idempotence and superseding on real articles: ingest PolNeAR train
# ($QUOTELEDGER_SHARED/polnear/train/text, 840 articles), ingest it again
# and expect identical stats, then ingest it with an added rule file and
# expect one more run with every older claim kept as superseded. Exits 77
# (skipped) when the shared data is absent.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
TRAIN=${QUOTELEDGER_SHARED:-/nonexistent}/polnear/train/text
RULES=${QUOTELEDGER_TESTDATA:?set QUOTELEDGER_TESTDATA to tests/data}/extra.rules
[ -d "$TRAIN" ] || { echo "skipped: $TRAIN is absent"; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QUOTELEDGER_DB=$WORK/polnear.db

stat_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }
die() { echo "FAIL: $*"; exit 1; }

"$Q" ingest "$TRAIN" || die "first ingest failed"
"$Q" stats --format json >"$WORK/first.json" || die "stats failed"
cat "$WORK/first.json"
[ "$(stat_of "$WORK/first.json" documents)" -ge 800 ] || die "too few documents"

"$Q" ingest "$TRAIN" >"$WORK/again.out" || die "second ingest failed"
cat "$WORK/again.out"
grep -qF " 0 new, 0 re-extracted" "$WORK/again.out" || die "the second ingest wrote something"
"$Q" stats --format json >"$WORK/again.json"
cmp -s "$WORK/first.json" "$WORK/again.json" || die "stats changed: $(diff "$WORK/first.json" "$WORK/again.json")"

"$Q" ingest --rules "$RULES" "$TRAIN" >"$WORK/rules.out" || die "ingest with $RULES failed"
cat "$WORK/rules.out"
"$Q" stats --format json >"$WORK/rules.json"
cat "$WORK/rules.json"
runs1=$(stat_of "$WORK/first.json" runs)
claims1=$(stat_of "$WORK/first.json" claims)
[ "$(stat_of "$WORK/rules.json" runs)" -eq $((runs1 + 1)) ] || die "no new run"
[ "$(stat_of "$WORK/rules.json" documents)" -eq "$(stat_of "$WORK/first.json" documents)" ] ||
  die "the document count changed"
[ "$(stat_of "$WORK/rules.json" claims_superseded)" -eq "$claims1" ] ||
  die "not every older claim was kept as superseded"
[ "$(stat_of "$WORK/rules.json" claims)" -gt 0 ] || die "no current claims"

# Superseded claims are hidden by default and shown with --all-runs.
"$Q" quotes --speaker "Donald Trump" --format json >"$WORK/current.json" || die "quotes failed"
"$Q" quotes --speaker "Donald Trump" --all-runs --format json >"$WORK/all.json" || die "quotes --all-runs failed"
python3 - "$WORK/current.json" "$WORK/all.json" <<'EOF' || die "--all-runs does not show the superseded claims"
import json, sys
current, everything = (json.load(open(p)) for p in sys.argv[1:])
assert current and not any(c["superseded"] for c in current)
assert any(c["superseded"] for c in everything)
assert len(everything) > len(current)
EOF

# The same rules again: nothing changes.
"$Q" ingest --rules "$RULES" "$TRAIN" >/dev/null || die "third ingest failed"
"$Q" stats --format json >"$WORK/rules2.json"
cmp -s "$WORK/rules.json" "$WORK/rules2.json" || die "stats changed on re-ingest with the same rules"

"$Q" verify || die "the ledger does not verify"
echo "all checks passed"
