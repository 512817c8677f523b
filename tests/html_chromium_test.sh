#!/usr/bin/env bash
# The HTML report in a real browser: render the seed article's report, load
# it in headless Chromium, and check in the DOM Chromium built that every
# claim is highlighted with its speaker, that tags and the legend are there,
# and that nothing was fetched from the network. Also saves a screenshot
# ($QUOTELEDGER_SCREENSHOT, if set, keeps it) for people to look at.
# Exits 77 (skipped) without the seed article or Chromium.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
SEED=${QUOTELEDGER_SHARED:-/nonexistent}/seed/article.txt
[ -f "$SEED" ] || { echo "skipped: $SEED is absent"; exit 77; }
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "skipped: no chromium (apt-get install -y chromium)"; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QUOTELEDGER_DB=$WORK/ledger.db
die() { echo "FAIL: $*"; exit 1; }

"$Q" ingest "$SEED" >/dev/null || die "ingest failed"
"$Q" show "$SEED" --format json >"$WORK/claims.json" || die "show failed"
"$Q" report --by article "$SEED" -o "$WORK/report.html" || die "report failed"

browse() {  # browse OUTPUT-FLAG...: one headless Chromium run on the report
  timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$WORK/profile" \
    --window-size=1280,2000 "$@" "file://$WORK/report.html" 2>"$WORK/chromium.err"
}
browse --dump-dom >"$WORK/dom.html" || die "chromium failed: $(tail -3 "$WORK/chromium.err")"
browse --screenshot="$WORK/report.png" >/dev/null || die "chromium screenshot failed"
[ -s "$WORK/report.png" ] || die "no screenshot"
[ -n "${QUOTELEDGER_SCREENSHOT:-}" ] && cp "$WORK/report.png" "$QUOTELEDGER_SCREENSHOT"

python3 - "$WORK/dom.html" "$WORK/claims.json" <<'EOF' || die "the DOM does not hold the highlighted claims"
import html.parser, json, sys

class Dom(html.parser.HTMLParser):
    """Collects the text of every highlighted claim piece and tag."""
    def __init__(self):
        super().__init__()
        self.stack, self.claims, self.tags, self.legend, self.scripts = [], {}, [], 0, 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        self.stack.append((tag, a, classes))
        if tag == "script" or (tag in ("link", "img") and "http" in (a.get("href", "") + a.get("src", ""))):
            self.scripts += 1
        if tag == "span" and "swatch" in classes and any(t == "aside" for t, _, _ in self.stack):
            self.legend += 1
    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass
    def handle_data(self, data):
        for tag, a, classes in self.stack:
            if tag == "span" and "q" in classes and "data-claim" in a:
                key = (a["data-claim"], a["data-speaker"])
                self.claims[key] = self.claims.get(key, "") + data
            if tag == "a" and "tag" in classes and a.get("href") and data.strip():
                self.tags.append(data)

dom = Dom()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
claims = json.load(open(sys.argv[2]))["claims"]
problems = []
if len(dom.tags) != len(claims):
    problems.append(f"{len(dom.tags)} tags for {len(claims)} claims")
def shown(c):
    """The speaker as pages show it: an unresolved one marked so."""
    if not c["speaker"]:
        return "(unresolved)"
    return c["speaker"] + " (unresolved)" if c["speaker_kind"] == "unresolved" else c["speaker"]
for n, c in enumerate(claims, 1):
    got = dom.claims.get((str(n), shown(c)), "")
    # Every content span is highlighted; an inner claim may take over part
    # of an outer one, so compare word by word.
    words = [w for w in c["text"].replace("…", " ").split() if w]
    if not got or not all(w in got or any(w in v for v in dom.claims.values()) for w in words):
        problems.append(f"claim {n} ({c['speaker']}) is not highlighted: {c['text'][:60]}")
netanyahu = [t for (n, s), t in dom.claims.items() if s == "Benjamin Netanyahu"]
if not any("give and give" in t for t in netanyahu):
    problems.append("Netanyahu's “give and give” is not highlighted as his")
if dom.legend < len({shown(c) for c in claims}):
    problems.append(f"the legend has {dom.legend} speakers")
if dom.scripts:
    problems.append("the page loads scripts or remote resources")
for p in problems:
    print("FAIL:", p)
print(f"{len(dom.claims)} highlighted claims, {len(dom.tags)} tags, {dom.legend} legend entries")
sys.exit(1 if problems else 0)
EOF
echo "all checks passed"
