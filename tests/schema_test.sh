#!/usr/bin/env bash
# One output schema everywhere (issue 21): every JSON output is validated
# against schema/output-1.schema.json with the jsonschema library -
# extract's JSON Lines (files, a JSON Lines feed, standard input, -o),
# quotes, who, show, speakers, articles, roles and stats as JSON, empty
# answers, and the web app's /api/claims, /api/speakers, /api/articles and
# an API error. Then the claim fields must agree: each claim `quotes`
# prints has the same value in every field extract prints for it, and CSV
# has the JSON record's keys (less "schema") in the same order.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
HERE=$(cd "$(dirname "$0")" && pwd)
SCHEMA=$HERE/../schema/output-1.schema.json
source "$HERE/cli_lib.sh"
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
export QUOTELEDGER_DB=$WORK/ledger.db
validate() { python3 "$HERE/validate_output.py" "$SCHEMA" "$@" >"$WORK/v.out" 2>&1 ||
  fail "schema: $(head -c 2000 "$WORK/v.out")"; }

mkdir "$WORK/in"
cp "$HERE"/../samples/articles/*.txt "$WORK/in/"
cat >"$WORK/in/feed.jsonl" <<'EOF'
{"id": "feed-1", "title": "A feed", "publisher": "Wire", "published_at": "2024-05-01", "text": "Mayor Ann Roe said the bridge would open in May.\n\n\"We are not giving up,\" Roe told reporters. He said it was \"a \u0001 odd\ttab\" case."}
{"text": "Officials said the talks had stalled, according to a senior official."}
EOF

# ---- extract: files, a feed, standard input, -o ------------------------------
run 0 "$Q" extract "$WORK/in"
cp "$WORK/out" "$WORK/extract.jsonl"
[ "$(wc -l <"$WORK/extract.jsonl")" -eq 5 ] || fail "extract printed $(wc -l <"$WORK/extract.jsonl") lines, not 5"
run 0 "$Q" extract - <"$WORK/in/feed.jsonl"
cp "$WORK/out" "$WORK/stdin.jsonl"
run 0 "$Q" extract -o "$WORK/o.jsonl" "$WORK/in/harbor-bridge.txt"
validate extract_line "$WORK/extract.jsonl" extract_line "$WORK/stdin.jsonl" \
  extract_line "$WORK/o.jsonl"

# ---- the ledger's answers ----------------------------------------------------
run 0 "$Q" ingest "$WORK/in"
json() {  # json NAME DEFINITION RC ARGS...: runs a query in JSON, keeps its output
  local name=$1 def=$2 rc=$3; shift 3
  run "$rc" "$Q" "$@" --format json
  cp "$WORK/out" "$WORK/$name.json"
  set -- "$def" "$WORK/$name.json"
  pairs+=("$@")
}
pairs=()
json quotes claims 0 quotes
json quotes_all claims 0 quotes --all-runs
json direct claims 0 quotes --kind direct --limit 2
json who claims 0 who bridge
json show show_answer 0 show "$WORK/in/harbor-bridge.txt"
json speakers speakers 0 speakers
json speaker speakers 0 speakers Holloway
json articles articles 0 articles
json roles roles 0 roles "Grace Holloway"
json stats stats 0 stats
json none claims 1 quotes --about "zebra crossing"
json who_none claims 1 who "zebra crossing"
json speakers_none speakers 1 speakers --kind anonymous --min-confidence 1
validate "${pairs[@]}"
for f in none who_none; do
  [ "$(cat "$WORK/$f.json")" = "[]" ] || fail "$f: an empty answer is not []: $(cat "$WORK/$f.json")"
done

# ---- the web app's API ---------------------------------------------------------
timeout 120 "$Q" serve --port 0 2>"$WORK/serve.err" &
SERVER=$!
PORT=
for _ in $(seq 100); do
  PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.err")
  [ -n "$PORT" ] && break
  sleep 0.1
done
if [ -z "$PORT" ]; then
  fail "the server did not start: $(cat "$WORK/serve.err")"
else
  timeout 60 python3 - "http://127.0.0.1:$PORT" "$WORK" <<'EOF' || fail "fetching the API"
import sys, urllib.error, urllib.request
base, work = sys.argv[1], sys.argv[2]
for name, path in [("api_claims", "/api/claims"), ("api_none", "/api/claims?q=zzzunfindable"),
                   ("api_speakers", "/api/speakers"), ("api_articles", "/api/articles"),
                   ("api_error", "/api/claims?kind=rumour")]:
    try:
        body = urllib.request.urlopen(base + path, timeout=30).read()
    except urllib.error.HTTPError as e:
        body = e.read()
    open(f"{work}/{name}.json", "wb").write(body)
EOF
  validate claims "$WORK/api_claims.json" claims "$WORK/api_none.json" \
    speakers "$WORK/api_speakers.json" articles "$WORK/api_articles.json" \
    api_error "$WORK/api_error.json"
  kill "$SERVER" 2>/dev/null
  wait "$SERVER" 2>/dev/null
  SERVER=
fi

# ---- one claim, one set of fields --------------------------------------------
python3 - "$WORK" "$SCHEMA" <<'EOF' || fail "the claim fields of quotes and extract disagree"
import json, sys
work = sys.argv[1]
schema = json.load(open(sys.argv[2]))
# The speaker is the ledger's entity across articles, which may be fuller
# than the article's own name ("Barack Obama" for "Obama"), so it and its
# kind are compared only where the ledger has no entity.
fields = [f for f in schema["$defs"]["claim_fields"]["required"]
          if f not in ("speaker", "speaker_kind")]
extracted = {}
for line in open(f"{work}/extract.jsonl", encoding="utf-8"):
    doc = json.loads(line)
    for c in doc["claims"]:
        extracted[(doc["sha256"], json.dumps(c["content"]))] = c
stored = json.load(open(f"{work}/quotes.json", encoding="utf-8"))
api = json.load(open(f"{work}/api_claims.json", encoding="utf-8"))
bad = []
if len(stored) != len(extracted):
    bad.append(f"quotes has {len(stored)} claims, extract {len(extracted)}")
for c in stored:
    e = extracted.get((c["sha256"], json.dumps(c["content"])))
    if e is None:
        bad.append(f"claim {c['id']} is not among extract's")
        continue
    unresolved = c["speaker_kind"] in ("unresolved", "unknown")
    bad += [f"claim {c['id']}: {k} is {c[k]!r} in quotes, {e[k]!r} in extract"
            for k in fields + (["speaker_kind"] if unresolved else []) if c[k] != e[k]]
if api != stored:
    bad.append("/api/claims differs from quotes --format json")
print("\n".join(bad[:20]))
sys.exit(1 if bad else 0)
EOF

# ---- CSV: the JSON record's keys, less the version, in the same order ----------
for cmd in "quotes" "who bridge" "speakers" "articles" "roles Holloway"; do
  # shellcheck disable=SC2086
  run 0 "$Q" $cmd --format csv
  cp "$WORK/out" "$WORK/out.csv"
  # shellcheck disable=SC2086
  run 0 "$Q" $cmd --format json
  python3 - "$WORK/out.csv" "$WORK/out" <<'EOF' || fail "$cmd: CSV header and JSON keys differ"
import csv, json, sys
header = next(csv.reader(open(sys.argv[1], encoding="utf-8")))
keys = [k for k in json.load(open(sys.argv[2], encoding="utf-8"))[0] if k != "schema"]
if header != keys:
    print(header, keys)
    sys.exit(1)
EOF
done

finish "every output is valid against schema/output-1.schema.json"
