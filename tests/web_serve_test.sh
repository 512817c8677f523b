#!/usr/bin/env bash
# `quoteledger serve` end to end: ingest the samples and a hostile article
# (<script> in its text, title and publisher), start the server on a free
# port, then
#  - the JSON API over plain HTTP (python3's urllib): the claim fields of
#    `quotes --format json`, [] for no match, 400 with a message for bad
#    values, no way to a file outside the ledger;
#  - the pages in headless Chromium: a search, a speaker page, the article
#    its link leads to (the claim highlighted with its speaker), and the
#    hostile article shown as text with no script run.
# The server and every browser run are under `timeout`; the trap stops the
# server. Exits 77 (skipped) without Chromium for the browser part only.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
HERE=$(cd "$(dirname "$0")" && pwd)
SAMPLES=$HERE/../samples/articles
WORK=$(mktemp -d)
SERVER=
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
export QUOTELEDGER_DB=$WORK/ledger.db
die() { echo "FAIL: $*"; [ -f "$WORK/serve.err" ] && sed 's/^/  server: /' "$WORK/serve.err"; exit 1; }

cat >"$WORK/hostile.jsonl" <<'JSONL'
{"id": "hostile-1", "title": "Evil <script>document.body.setAttribute('data-pwned','title')</script> title", "publisher": "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">Wire", "published_at": "2024-03-05", "text": "Council debates <b>markup</b>\nMayor Rosa Quint said the plan was \"a <script>document.body.setAttribute('data-pwned','text')</script> good deal for everyone in town.\"\n\"We will vote on it next week,\" Quint told reporters."}
JSONL
"$Q" ingest "$SAMPLES"/*.txt "$WORK/hostile.jsonl" >/dev/null 2>"$WORK/ingest.err" ||
  die "ingest failed: $(cat "$WORK/ingest.err")"
"$Q" quotes --format json >"$WORK/quotes.json" || die "quotes failed"

# Port 0: the server takes a free port and says which on stderr.
timeout 300 "$Q" serve --port 0 2>"$WORK/serve.err" &
SERVER=$!
PORT=
for _ in $(seq 100); do
  PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.err")
  [ -n "$PORT" ] && break
  kill -0 "$SERVER" 2>/dev/null || die "the server exited"
  sleep 0.1
done
[ -n "$PORT" ] || die "the server did not say its port"
BASE=http://127.0.0.1:$PORT
# A port in use is an error, not a second server sharing it.
timeout 20 "$Q" serve --port "$PORT" 2>"$WORK/second.err"; rc=$?
[ $rc -eq 2 ] && grep -q "cannot listen" "$WORK/second.err" ||
  die "a second server on port $PORT: exit $rc, $(cat "$WORK/second.err")"

timeout 120 python3 - "$BASE" "$WORK/quotes.json" <<'EOF' || die "API checks"
import json, sys, urllib.error, urllib.request
base, quotes = sys.argv[1], json.load(open(sys.argv[2]))
problems = []

def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()

status, headers, body = get("/api/claims")
claims = json.loads(body)
if status != 200 or claims != quotes:
    problems.append(f"/api/claims differs from `quotes --format json` ({status}, {len(claims)} claims against {len(quotes)})")
if "script-src" in headers.get("Content-Security-Policy", "") or "default-src 'none'" not in headers.get("Content-Security-Policy", ""):
    problems.append("no Content-Security-Policy forbidding scripts")
status, _, body = get("/api/claims?speaker=Holloway&kind=direct")
got = json.loads(body)
if status != 200 or not got or any(c["speaker"] != "Grace Holloway" or c["kind"] != "direct" for c in got):
    problems.append(f"speaker and kind filters: {status} {body[:200]}")
# Only the hostile article has a date (the samples have none).
status, _, body = get("/api/claims?since=2024-03&until=2024-03-31")
got = json.loads(body)
if status != 200 or not got or any(c["date"] != "2024-03-05" for c in got):
    problems.append(f"date filters: {status} {body[:200]}")
status, _, body = get("/api/claims?role=mayor&q=deal")
got = json.loads(body)
if status != 200 or [c["speaker"] for c in got] != ["Rosa Quint"]:
    problems.append(f"role and words: {status} {body[:300]}")
status, _, body = get("/api/claims?q=zzzunfindable")
if status != 200 or json.loads(body) != []:
    problems.append(f"no match should be 200 []: {status} {body[:100]}")
for path, words in [("/api/claims?kind=bogus", "kind"), ("/api/claims?since=2024-02-30", "since"),
                    ("/api/claims?until=yesterday", "until"), ("/api/claims?limit=0", "limit"),
                    ("/api/claims?colour=red", "colour"), ("/api/claims?kind=direct&kind=mixed", "twice"),
                    ("/api/claims?q=%21%21", "letter")]:
    status, headers, body = get(path)
    err = json.loads(body).get("error", "") if body.startswith("{") else ""
    if status != 400 or words not in err:
        problems.append(f"{path}: expected 400 naming {words!r}, got {status} {body[:120]}")
status, _, body = get("/api/claims?speaker=Nobody%20Atall")
if status != 404:
    problems.append(f"unknown speaker: {status}")
status, _, body = get("/api/speakers")
speakers = json.loads(body)
if status != 200 or not any(s["speaker"] == "Grace Holloway" for s in speakers):
    problems.append(f"/api/speakers: {status} {body[:200]}")
status, _, body = get("/api/articles")
articles = json.loads(body)
if status != 200 or len(articles) != 4 or not all(a["claims"] >= 0 and len(a["sha256"]) == 64 for a in articles):
    problems.append(f"/api/articles: {status} {body[:200]}")
# Nothing outside the ledger: paths and names that FindDocument would read
# as files are refused before any lookup.
for path in ["/article/..%2F..%2F..%2Fetc%2Fpasswd", "/article/%2Fetc%2Fpasswd", "/../../etc/passwd",
             "/article/" + "0" * 64, "/static/../../etc/passwd", "/article/" + sys.argv[2].replace("/", "%2F")]:
    status, _, body = get(path)
    if status not in (400, 404) or "root:" in body:
        problems.append(f"{path}: {status}")
for p in problems:
    print("FAIL:", p)
print(f"API: {len(claims)} claims, {len(speakers)} speakers, {len(articles)} articles")
sys.exit(1 if problems else 0)
EOF

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "skipped the browser part: no chromium (apt-get install -y chromium)"; exit 77; }
browse() {  # browse URL: the DOM headless Chromium built for the page
  timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$WORK/profile" \
    --window-size=1280,2000 --dump-dom "$1" 2>>"$WORK/chromium.err"
}
dom() { timeout 60 python3 "$HERE/web_dom.py" "$@"; }

browse "$BASE/?q=bridge&kind=direct" >"$WORK/search.html" ||
  die "chromium failed: $(tail -3 "$WORK/chromium.err")"
dom search "$WORK/search.html" || die "the search page"
browse "$BASE/speaker?name=Grace%20Holloway" >"$WORK/speaker.html" || die "chromium failed"
# The link is taken from the DOM Chromium built, as a click would.
LINK=$(dom speaker "$WORK/speaker.html") || die "the speaker page"
browse "$BASE$LINK" >"$WORK/article.html" || die "chromium failed on $LINK"
dom article "$WORK/article.html" "Grace Holloway" || die "the article page at $LINK"

SHA=$(timeout 30 python3 -c 'import json, sys, urllib.request
rows = json.load(urllib.request.urlopen(sys.argv[1] + "/api/articles"))
print(next(a["sha256"] for a in rows if a["id"] == "hostile-1"))' "$BASE") || die "no hostile article"
browse "$BASE/article/$SHA" >"$WORK/hostile.html" || die "chromium failed on the hostile article"
dom hostile "$WORK/hostile.html" || die "the hostile article"
browse "$BASE/speaker?name=Rosa%20Quint" >"$WORK/hostile-speaker.html" || die "chromium failed"
dom hostile "$WORK/hostile-speaker.html" || die "the hostile speaker page"
browse "$BASE/?q=deal" >"$WORK/hostile-search.html" || die "chromium failed"
dom hostile "$WORK/hostile-search.html" || die "the hostile search results"
echo "all checks passed"
