#!/usr/bin/env bash
# The conventions users expect of the command line (issue 21): `articles`
# lists what the ledger holds, with paths relative to where the user
# stands; --db and --format before or after the command; `[]` for an empty
# JSON answer (exit code still 1, "found nothing"); `extract -` tells JSON
# Lines from plain text by itself and refuses what could be either.
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
# Global options before or after the command.
for args in "--db ledger.db stats --format json" "stats --db ledger.db --format json" \
            "--format json stats --db ledger.db" "--format json --db ledger.db stats"; do
  QUOTELEDGER_DB=nowhere.db "$Q" $args >out.json 2>err || die "$args: $(cat err)"
  python3 -c 'import json,sys; assert json.load(open("out.json"))["documents"] == 4' || die "$args"
done
for args in "--format json quotes --kind direct --db ledger.db" \
            "--db ledger.db quotes --kind direct --format json" \
            "quotes --format csv --db ledger.db --kind direct"; do
  QUOTELEDGER_DB=nowhere.db "$Q" $args >out.txt 2>err || die "$args: $(cat err)"
  head -1 out.txt | grep -q '^\[\|^id,' || die "$args printed: $(head -c 80 out.txt)"
done
# The command's own --format wins over the one before it.
"$Q" --format csv articles --format json | head -c1 | grep -q '\[' || die "the command's --format"
"$Q" --format yaml stats >/dev/null 2>err && die "--format yaml was taken"
grep -q "yaml" err || die "no message for --format yaml: $(cat err)"

# Nothing found: [] in JSON, nothing on stdout in a table; exit 1 either way.
"$Q" quotes --about "zebra crossing" --format json >out.json 2>err; rc=$?
[ $rc -eq 1 ] || die "empty JSON answer: exit $rc"
[ "$(cat out.json)" = "[]" ] || die "empty JSON answer: $(cat out.json)"
"$Q" --format json who "zebra crossing" >out.json 2>err; rc=$?
[ $rc -eq 1 ] && [ "$(cat out.json)" = "[]" ] || die "who, empty: $rc $(cat out.json)"
"$Q" quotes --about "zebra crossing" >out.txt 2>err; rc=$?
[ $rc -eq 1 ] && [ ! -s out.txt ] && grep -q "no claims" err || die "empty table: $rc $(cat out.txt err)"

# extract - : JSON Lines recognised, plain text kept, ambiguity refused.
printf '\n{"id": "a", "text": "Mayor Ann Roe said the bridge would open in May."}\n\n{"id": "b", "text": "Ben Ode said it would not."}\n' >feed2.jsonl
"$Q" extract - <feed2.jsonl >out.jsonl 2>err || die "extract - on JSON Lines: $(cat err)"
python3 -c '
import json
docs = [json.loads(l) for l in open("out.jsonl")]
assert [d["doc"] for d in docs] == ["a", "b"], docs
assert docs[0]["claims"] and docs[0]["claims"][0]["speaker"] == "Ann Roe", docs
' || die "extract - on JSON Lines: $(cat out.jsonl)"
"$Q" extract - <in/harbor-bridge.txt >out.jsonl 2>err || die "extract - on text"
"$Q" extract in/harbor-bridge.txt >want.jsonl 2>err || die "extract FILE"
python3 -c '
import json
got, want = json.load(open("out.jsonl")), json.load(open("want.jsonl"))
assert got["doc"] == "-" and got["claims"] == want["claims"], (got, want)
' || die "extract - on text differs from extract FILE"
printf '{"title": "no text here"}\nthen prose\n' >ambiguous.txt
"$Q" extract - <ambiguous.txt >out.jsonl 2>err; rc=$?
[ $rc -eq 2 ] && [ ! -s out.jsonl ] || die "ambiguous input: exit $rc, $(cat out.jsonl)"
grep -q -- "--input text" err && grep -q -- "--input jsonl" err || die "ambiguous input: $(cat err)"
"$Q" extract --input text - <ambiguous.txt >out.jsonl 2>err || die "--input text: $(cat err)"
printf '{ braces in prose, said Ann Roe.\n' >brace.txt
"$Q" extract - <brace.txt >/dev/null 2>err && die "a text opening with { was taken as one article"
"$Q" extract --input text - <brace.txt >/dev/null 2>err || die "--input text on brace.txt"
# Tables fit the terminal: narrowed columns, cells cut with "…"; JSON and
# CSV keep whole values. $COLUMNS stands for the terminal in a pipe; a real
# pseudo-terminal of 90 columns is tried too.
COLUMNS=100 "$Q" quotes >out.txt 2>err || die "quotes in 100 columns"
python3 -c '
import sys
lines = open("out.txt", encoding="utf-8").read().splitlines()
assert lines and max(len(l) for l in lines) <= 100, max(len(l) for l in lines)
assert any("…" in l for l in lines), "nothing was cut"
' || die "quotes does not fit 100 columns: $(head -3 out.txt)"
COLUMNS=100 "$Q" speakers >out.txt 2>err || die "speakers in 100 columns"
python3 -c 'assert max(len(l) for l in open("out.txt", encoding="utf-8").read().splitlines()) <= 100' ||
  die "speakers does not fit 100 columns"
COLUMNS=100 "$Q" quotes --format csv >out.csv || die "quotes csv"
"$Q" quotes --format json >out.json || die "quotes json"
python3 -c '
import csv, json
rows, full = list(csv.DictReader(open("out.csv", encoding="utf-8"))), json.load(open("out.json"))
assert [r["text"] for r in rows] == [c["text"] for c in full]
' || die "CSV is cut by the terminal width"
"$Q" quotes >wide.txt || die "quotes in a pipe"
python3 -c 'assert "…" not in open("wide.txt", encoding="utf-8").read().replace(" … ", "")' ||
  die "a pipe without COLUMNS got cut cells"
timeout 30 python3 - "$Q" <<'EOF' || die "quotes in a 90-column terminal"
import fcntl, os, pty, struct, sys, termios
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 90, 0, 0))
    os.environ.pop("COLUMNS", None)
    os.execv(sys.argv[1], [sys.argv[1], "quotes"])
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
lines = out.decode("utf-8").replace("\r", "").splitlines()
assert lines and max(len(l) for l in lines) <= 90, [len(l) for l in lines]
EOF

# extract -o FILE: the same lines as stdout, nothing on stdout.
"$Q" extract -o claims.jsonl in/harbor-bridge.txt >out.txt 2>err || die "extract -o: $(cat err)"
[ ! -s out.txt ] && cmp -s claims.jsonl want.jsonl || die "extract -o wrote other lines"
"$Q" extract -o no/such/folder/x.jsonl in/harbor-bridge.txt 2>err; rc=$?
[ $rc -eq 2 ] && grep -q "no/such/folder/x.jsonl" err || die "extract -o into nowhere: $rc $(cat err)"

# extract's progress line: on standard error when it is a terminal and the
# claims go elsewhere, after the first second; never in a pipe or a file,
# nor over claims printed to the terminal. Articles arrive slowly through a
# pipe so that the run lasts about three seconds.
printf '{"id": "p%d", "text": "Mayor Ann Roe said the bridge would open in May."}\n' 1 2 3 4 5 6 7 >slow.jsonl
timeout 60 python3 - "$Q" <<'EOF' || die "extract's progress line"
import os, pty, sys, time
q = sys.argv[1]

def run(stderr_tty, stdout_tty):
    """Runs extract on slow.jsonl, fed slowly; returns what the terminal got."""
    feed_r, feed_w = os.pipe()
    pid, fd = pty.fork()
    if pid == 0:
        os.dup2(feed_r, 0)
        if not stdout_tty:
            os.dup2(os.open("progress.out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
        if not stderr_tty:
            os.dup2(os.open("progress.err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
        os.execv(q, [q, "extract", "--input", "jsonl", "-"])
    os.close(feed_r)
    for line in open("slow.jsonl", "rb"):
        os.write(feed_w, line)
        time.sleep(0.4)
    os.close(feed_w)
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, (status, seen)
    return seen

seen = run(stderr_tty=True, stdout_tty=False)
assert b"\x1b[K" in seen and b" article" in seen and b"claim" in seen, seen
assert len(open("progress.out").read().splitlines()) == 7
seen = run(stderr_tty=False, stdout_tty=False)
err = open("progress.err", "rb").read()
assert b"\x1b[K" not in err and b"\r" not in err and not seen, (err, seen)
seen = run(stderr_tty=True, stdout_tty=True)  # the claims are on the terminal
assert b"\x1b[K" not in seen and seen.count(b'"sha256"') == 7, seen
EOF

echo "all checks passed"
