#!/usr/bin/env bash
# End-to-end test of the ledger's sub-commands on the seed article
# ($QUOTELEDGER_SHARED/seed/article.txt): ingest, who, roles, quotes, show,
# speakers, stats, report, verify, and their exit codes (0 found, 1 found
# nothing, 2 error). Every byte offset printed is checked against the file.
# Exits 77 (skipped) when the shared data is absent.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
SEED=${QUOTELEDGER_SHARED:-/nonexistent}/seed/article.txt
[ -f "$SEED" ] || { echo "skipped: $SEED is absent"; exit 77; }
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"
export QUOTELEDGER_DB=$WORK/ledger.db

# json PYTHON_EXPR: evaluates EXPR with r = the last stdout as JSON and
# seed = the seed's bytes; fails unless it is true.
json() {
  python3 - "$WORK/out" "$SEED" "$1" <<'EOF' || fail "JSON check failed: $1"
import json, sys
r = json.load(open(sys.argv[1]))
seed = open(sys.argv[2], 'rb').read()
def text(span):  # the seed's bytes at a [begin, end) span, as text
    return seed[span[0]:span[1]].decode('utf-8')
ok = eval(sys.argv[3])
sys.exit(0 if ok else 1)
EOF
}

run 0 "$Q" ingest "$SEED"
has "1 new" out
run 0 "$Q" stats --format json
cp "$WORK/out" "$WORK/stats1"
json 'all(isinstance(r[k], int) for k in ("documents", "runs", "claims", "entities")) and r["documents"] == 1 and r["runs"] == 1'

# who: speaker, role, article, date and byte offsets that slice back to the claim.
# The seed's dateline ("TEL AVIV, Israel (AP) —") has no date and its file
# name none either, so its date is unknown: null, not the ingest time.
run 0 "$Q" who "give and give" --format json
json 'any(c["speaker"] == "Benjamin Netanyahu" and c["article"].endswith("article.txt") and c["date"] is None and "give and give" in c["text"] and all(text(s) in c["text"] for s in c["content"]) for c in r)'
run 0 "$Q" who "give and give"
has "Benjamin Netanyahu" out
has "Prime Minister (Israel)" out
run 0 "$Q" who --fts "speaker:netanyahu AND give" --format json
json 'len(r) >= 1 and all(c["speaker"] == "Benjamin Netanyahu" for c in r)'
run 2 "$Q" who --fts "speaker:(netanyahu"
has "not a valid full-text query" err
run 0 "$Q" who "give and give" --format csv
has "speaker,speaker_kind,role" out

# roles: an alias finds the person; the evidence is the article's bytes.
run 0 "$Q" roles Blinken --format json
json 'any(x["person"] == "Antony Blinken" and x["role"] == "Secretary of State (U.S.)" and x["article"].endswith("article.txt") and text(x["evidence_span"][0]) == x["evidence"] for x in r)'
run 0 "$Q" roles blinken
has "Secretary of State (U.S.)" out

# quotes: both of Harris's quotes, one claim with two content spans.
run 0 "$Q" quotes --speaker Harris --format json
json 'sum(len(c["content"]) for c in r) >= 2 and any("I will not speak for him" in text(s) for c in r for s in c["content"]) and any("hostages out" in text(s) for c in r for s in c["content"]) and all(c["speaker"] == "Kamala Harris" for c in r)'
run 0 "$Q" quotes --speaker Harris
has "I will not speak for him" out
has "hostages out" out
run 0 "$Q" quotes --anonymous --format json
json 'len(r) >= 1 and all(c["speaker_kind"] == "anonymous" for c in r)'
run 0 "$Q" quotes --kind direct --format json
json 'len(r) >= 3 and all(c["kind"] == "direct" for c in r)'

# Nothing found: exit 1 with a short message on stderr.
run 1 "$Q" who "zebra crossing at midnight"
has "zebra crossing" err
run 1 "$Q" quotes --speaker Nobodyatall
has "Nobodyatall" err
run 1 "$Q" roles Nobodyatall
run 1 "$Q" show no-such-article
run 1 "$Q" report --by topic "zebra crossing"

# show: by path, by SHA-256 prefix; claims in order with spans and rules.
run 0 "$Q" show "$SEED" --format json
json 'r["document"]["size"] == len(seed) and len(r["claims"]) >= 5 and all(c["rule"] and text(c["content"][0]) for c in r["claims"]) and [c["content"][0][0] for c in r["claims"]] == sorted(c["content"][0][0] for c in r["claims"])'
SHA=$(python3 -c "import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())" "$SEED")
run 0 "$Q" show "${SHA:0:10}"
has "$SHA" out
has "quote-speaker-cue" out

run 0 "$Q" speakers --format json
json 'any(s["speaker"] == "Benjamin Netanyahu" and s["claims"] >= 2 and "Prime Minister (Israel)" in s["roles"] and s["first_seen"] is None for s in r)'

# Same bytes again, from stdin this time: nothing changes.
run 0 bash -c "cat '$SEED' | '$Q' ingest -"
has "1 unchanged" out
run 0 "$Q" stats --format json
cmp -s "$WORK/out" "$WORK/stats1" || fail "stats changed after re-ingesting the same bytes"

# JSON Lines with metadata, a malformed line and invalid UTF-8: reported
# with file and line, skipped, the rest ingested, exit code 2.
python3 - "$SEED" "$WORK/in.jsonl" <<'EOF'
import json, sys
seed = open(sys.argv[1], encoding='utf-8').read()
with open(sys.argv[2], 'wb') as f:
    f.write((json.dumps({"id": "x1", "text": seed.replace("Blinken", "Blinkin"), "publisher": "Wire",
                         "published_at": "2024-08-19", "title": "Variant"}) + "\n").encode())
    f.write(b'{"id": "broken", "text": \n')
    f.write(b'{"id": "bytes", "text": "\xff\xfe"}\n')
    f.write((json.dumps({"id": "x2", "text": "Officials said the talks had stalled.\n",
                         "publisher": "Other", "published_at": "2024-09-01"}) + "\n").encode())
EOF
run 2 "$Q" ingest "$WORK/in.jsonl"
has "in.jsonl:2" err
has "in.jsonl:3" err
has "2 new" out
run 0 "$Q" quotes --publisher wire --since 2024-08-19 --until 2024-08-19 --format json
json 'len(r) >= 5 and all(c["publisher"] == "Wire" and c["date"] == "2024-08-19" for c in r)'
run 0 "$Q" quotes --since 2024-09 --until 2024-12 --format json
json 'len(r) == 1 and r[0]["speaker"] == "Officials"'
run 2 "$Q" quotes --since 2024-13-01

# Reports: Markdown to stdout, HTML to a file.
run 0 "$Q" report "$SEED"
has "**“We are conducting negotiations and not a scenario in which we just give and give,”**" out
has "Benjamin Netanyahu" out
run 0 "$Q" report --by speaker Netanyahu --format html -o "$WORK/n.html"
grep -qF "Benjamin Netanyahu" "$WORK/n.html" || fail "speaker report lacks the name"
run 0 "$Q" report --by topic "cease-fire" -o "$WORK/t.md"
grep -qF "**cease-fire**" "$WORK/t.md" || fail "topic report does not mark the phrase"

run 0 "$Q" verify
has ": ok" out

# Errors say what and where, and exit 2.
run 2 "$Q" --db "$WORK/missing.db" stats
has "missing.db" err
echo "not a database" >"$WORK/junk.db"
run 2 "$Q" --db "$WORK/junk.db" who "give"
has "not a ledger" err
run 2 "$Q" ingest "$WORK/no-such-file.txt"
has "no-such-file.txt" err

finish "all checks passed"
