#!/usr/bin/env bash
# Hostile input and ledger faults, end to end (issue 22), one section a
# case: each must get a clear message (what, where, what to do) and exit
# code 2, lose nothing already recorded, and leave a file that is not a
# usable ledger byte for byte as it was (checked by hashing it before and
# after). Read-only cases run the binary as user nobody when the test runs
# as root (root writes read-only files), and are skipped when that is
# impossible.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"
chmod 755 "$WORK"

hash() { sha256sum "$1" | cut -d' ' -f1; }

# Another user when running as root, so that file modes bind; nothing when
# the test already runs as an ordinary user.
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null; then
    OTHER="setpriv --reuid=65534 --regid=65534 --clear-groups"
  else
    OTHER=""
  fi
else
  OTHER="env"
fi

mkdir -p "$WORK/in"
cat >"$WORK/in/a.txt" <<'EOF'
Bridge to reopen in May

Mayor Ana Lima said the bridge would reopen in May.

"We are not giving up," Lima told reporters.
EOF
cat >"$WORK/in/b.txt" <<'EOF'
Council votes on budget

"The budget is balanced," council member Tom Reyes said on Tuesday.
EOF
chmod -R a+rX "$WORK/in"

# ---- --db at what is not a ledger this program can use ----------------------
# Each database is made by sqlite3 (Python's module), as another program
# would; after every command its bytes must be what they were.
foreign() {  # foreign NAME SQL: a database at $WORK/NAME.db made by SQL
  sql "$WORK/$1.db" "$2"
  echo "$WORK/$1.db"
}
check_untouched() {  # check_untouched DB WHAT MESSAGE
  local db=$1 what=$2 message=$3 before
  before=$(hash "$db")
  for cmd in "stats" "verify" "quotes" "ingest $WORK/in/a.txt"; do
    # shellcheck disable=SC2086
    run 2 "$Q" --db "$db" $cmd
    has "$message" err
    has "left unchanged" err
    [ "$(hash "$db")" = "$before" ] || fail "$what: \`$cmd\` changed the file"
  done
}
check_untouched "$(foreign v0 'CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);
  INSERT INTO notes(body) VALUES (1);')" "foreign, user_version 0" "another program"
for v in 1 2 7; do
  check_untouched "$(foreign "v$v" "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);
    INSERT INTO notes(body) VALUES ('x'); PRAGMA user_version = $v;")" \
    "foreign, user_version $v" "another program"
done
check_untouched "$(foreign app 'PRAGMA application_id = 1196444487; CREATE TABLE gpkg(x);')" \
  "foreign, GeoPackage application_id" "application_id is 0x47504b47"
# user_version 2 and no tables at all: not a new file either.
check_untouched "$(foreign empty2 'PRAGMA user_version = 2;')" "empty, user_version 2" \
  "another program"

# A ledger from a newer quoteledger.
run 0 "$Q" --db "$WORK/newer.db" ingest "$WORK/in/a.txt"
sql "$WORK/newer.db" 'PRAGMA user_version = 999;'
check_untouched "$WORK/newer.db" "newer ledger" "use a newer quoteledger"

# A text file is not a database at all.
printf 'just some notes\n' >"$WORK/notes.txt"
before=$(hash "$WORK/notes.txt")
run 2 "$Q" --db "$WORK/notes.txt" ingest "$WORK/in/a.txt"
has "not a ledger" err
[ "$(hash "$WORK/notes.txt")" = "$before" ] || fail "a text file given as --db was changed"

# A folder that does not exist: said so, and not created.
run 2 "$Q" --db "$WORK/no/such/l.db" ingest "$WORK/in/a.txt"
has "the folder $WORK/no/such does not exist" err
has "mkdir -p" err
[ -e "$WORK/no" ] && fail "ingest made the missing folder"
run 2 "$Q" --db "$WORK/no/such/l.db" stats
has "does not exist" err

# ---- read-only ledger file and folder ----------------------------------------
if [ -n "$OTHER" ]; then
  # The file is read-only, its folder writable (SQLite can make its -shm).
  mkdir "$WORK/rofile"
  run 0 "$Q" --db "$WORK/rofile/l.db" ingest "$WORK/in/a.txt"
  chmod 444 "$WORK/rofile/l.db"
  [ "$(id -u)" -eq 0 ] && chown 65534 "$WORK/rofile"
  before=$(hash "$WORK/rofile/l.db")
  run 2 $OTHER "$Q" --db "$WORK/rofile/l.db" ingest "$WORK/in/b.txt"
  has "ingesting needs to write the ledger, but the file is read-only" err
  has "left unchanged" err
  run 0 $OTHER "$Q" --db "$WORK/rofile/l.db" stats --format json
  has '"documents": 1' out
  run 0 $OTHER "$Q" --db "$WORK/rofile/l.db" verify
  has "checked: ok (read-only: the file is read-only" out
  [ -s "$WORK/err" ] && fail "verify of a healthy read-only ledger printed: $(cat "$WORK/err")"
  [ "$(hash "$WORK/rofile/l.db")" = "$before" ] || fail "a read-only ledger was changed"

  # The folder is read-only, the file writable by the user.
  mkdir "$WORK/rodir"
  run 0 "$Q" --db "$WORK/rodir/l.db" ingest "$WORK/in/a.txt"
  [ "$(id -u)" -eq 0 ] && chown 65534 "$WORK/rodir/l.db"
  chmod 555 "$WORK/rodir"
  before=$(hash "$WORK/rodir/l.db")
  run 2 $OTHER "$Q" --db "$WORK/rodir/l.db" ingest "$WORK/in/b.txt"
  has "its folder $WORK/rodir is read-only" err
  run 2 $OTHER "$Q" --db "$WORK/rodir/l.db" verify
  has "its folder $WORK/rodir is read-only" err
  grep -q "damaged\|backup" "$WORK/err" && fail "verify calls a read-only ledger damaged"
  [ "$(hash "$WORK/rodir/l.db")" = "$before" ] || fail "a ledger in a read-only folder was changed"
  # A new ledger in a read-only folder: said so before anything is done.
  run 2 $OTHER "$Q" --db "$WORK/rodir/new.db" ingest "$WORK/in/a.txt"
  has "the folder $WORK/rodir is read-only" err
  chmod 755 "$WORK/rodir"
else
  echo "note: read-only cases skipped (root without setpriv)"
fi

# ---- JSON Lines: a record nested 100,000 deep, malformed, overflowing and cut-off lines
{
  printf '%s\n' '{"id": "good-1", "text": "Mayor Ana Lima said the bridge would reopen in May."}'
  python3 -c 'n = 100000; print("{\"text\": \"hi, he said.\", \"id\": " + "[" * n + "]" * n + "}")'
  printf '%s\n' '{"id": "bad", "text": "no closing brace"'
  printf '%s\n' 'not json at all'
  printf '%s\n' '{"id": "good-2", "text": "\"We are not giving up,\" Lima told reporters."}'
  printf '%s\n' '{"id": "huge", "text": "A number no double holds, he said.", "n": 1e999}'
  printf '%s' '{"id": "cut", "text": "The line was cut of'
} >"$WORK/feed.jsonl"
run 2 "$Q" extract "$WORK/feed.jsonl"
has "feed.jsonl:2: byte 94 of the line: arrays or objects nested more than 64 deep" err
has "flatten this record" err
has "feed.jsonl:3: not valid JSON" err
has "feed.jsonl:4: not valid JSON (byte " err
has "feed.jsonl:6: not usable JSON" err  # found by fuzz/jsonl_fuzz: it used to abort the run
has "number overflow" err
has "feed.jsonl:7: not valid JSON" err
has "the line is cut short" err
has "5 article(s) skipped" err
[ "$(grep -c '"sha256"' "$WORK/out")" -eq 2 ] || fail "extract did not print the 2 good articles"
has '"good-1"' out
has '"good-2"' out
run 2 "$Q" --db "$WORK/feed.db" ingest "$WORK/feed.jsonl"
has "feed.jsonl:2: byte 94" err
has "2 new" out
has "5 skipped" out
run 0 "$Q" --db "$WORK/feed.db" stats --format json
has '"documents": 2' out

# ---- an article over the per-document limit (64 MiB) beside a good one ------
# Skipped with its size and the limit named, before it is read; the good
# one is stored.
mkdir -p "$WORK/huge"
cp "$WORK/in/a.txt" "$WORK/huge/good.txt"
python3 -c '
import sys
line = "\"The harbour will reopen,\" the mayor said on Tuesday. " * 40 + "\n"
with open(sys.argv[1], "w") as f:
    n = 0
    while n <= 64 * 2**20:
        f.write(line)
        n += len(line)
' "$WORK/huge/huge.txt"
run 2 "$Q" --db "$WORK/huge.db" ingest "$WORK/huge"
has "huge.txt: " err
has "more than the 64 MiB an article may have; it was skipped" err
has "1 new" out
rm -f "$WORK/huge/huge.txt"

# ---- option values that are not dates or limits ------------------------------
run 0 "$Q" --db "$WORK/q.db" ingest "$WORK/in"
for bad in "quotes --since 2024-02-30:2024-02 has 29 days" \
           "quotes --until 2023-13:there is no month 13" \
           "quotes --limit 0:a limit of 0 would return nothing" \
           "who bridge --limit 0:a limit of 0" \
           "speakers --limit 0:a limit of 0" \
           "quotes --limit 99999999999999999999:is too large a limit" \
           "who bridge --limit 99999999999999999999:is too large a limit" \
           "quotes --limit -1:is not a limit" \
           "quotes --limit 010x:is not a limit"; do
  args=${bad%%:*} message=${bad#*:}
  # shellcheck disable=SC2086
  run 2 "$Q" --db "$WORK/q.db" $args
  has "$message" err
done
run 0 "$Q" --db "$WORK/q.db" quotes --limit 1 --format json
python3 -c 'import json, sys; sys.exit(0 if len(json.load(open(sys.argv[1]))) == 1 else 1)' \
  "$WORK/out" || fail "--limit 1 did not give one claim"

# ---- two ingest processes on one ledger at once -------------------------------
# A feeds its articles slowly through a pipe, so its extraction takes about
# 20 s; B ingests all of them and more meanwhile. B must not wait for A's
# extraction (it did, for the 10 s busy timeout, then failed "database is
# locked"), and both must finish with every article stored exactly once.
python3 "$(dirname "$0")/gen_articles.py" 60 "$WORK/corpus.jsonl" || exit 1
head -n 40 "$WORK/corpus.jsonl" >"$WORK/first40.jsonl"
CDB=$WORK/concurrent.db
run 0 "$Q" --db "$CDB" ingest "$WORK/in/a.txt"  # the ledger exists before both start
(
  while IFS= read -r line; do printf '%s\n' "$line"; sleep 0.5; done <"$WORK/first40.jsonl" |
    "$Q" --db "$CDB" ingest --input jsonl --threads 1 - >"$WORK/a.out" 2>"$WORK/a.err"
  echo $? >"$WORK/a.rc"
) &
slow=$!
sleep 2
run 0 "$Q" --db "$CDB" ingest --threads 1 --batch 5 "$WORK/corpus.jsonl"
has "ingested 60 articles" out
wait "$slow"
[ "$(cat "$WORK/a.rc")" = 0 ] || fail "the slow ingest failed: $(cat "$WORK/a.err")"
grep -qF "ingested 40 articles" "$WORK/a.out" || fail "the slow ingest did not take its 40"
run 0 "$Q" --db "$CDB" stats --format json
has '"documents": 61' out
run 0 "$Q" --db "$CDB" verify
has "checked: ok" out
python3 - "$CDB" <<'EOF' || fail "an article is not in the ledger exactly once"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
dup = c.execute("SELECT count(*) FROM (SELECT external_id FROM documents WHERE external_id IS "
                "NOT NULL GROUP BY external_id HAVING count(*) != 1)").fetchone()[0]
cur = c.execute("SELECT count(*) FROM (SELECT document_id FROM extractions WHERE "
                "superseded_by_run IS NULL GROUP BY document_id HAVING count(*) != 1)").fetchone()[0]
sys.exit(0 if dup == 0 and cur == 0 else 1)
EOF

# ---- a full disk (a file-size limit) in the middle of an ingest -------------
# With SIGXFSZ ignored, writes past `ulimit -f` fail as on a full disk. The
# summary must count what was stored, not the batch rolled back (it said 150
# new when 100 were stored), the ledger must verify, and a re-run must store
# the rest with nothing committed lost.
python3 "$(dirname "$0")/gen_articles.py" 600 "$WORK/big.jsonl" || exit 1
head -n 50 "$WORK/big.jsonl" >"$WORK/first50.jsonl"
FDB=$WORK/full.db
run 0 "$Q" --db "$FDB" ingest "$WORK/first50.jsonl"
(trap '' XFSZ; ulimit -f 1200; exec "$Q" --db "$FDB" ingest --batch 50 "$WORK/big.jsonl") \
  >"$WORK/out" 2>"$WORK/err"
rc=$?
[ "$rc" -eq 2 ] || fail "ingest past the file-size limit exited $rc, not 2"
has "could not write the ledger (the disk may be full, or a file-size limit reached)" err
has "earlier ones are kept" err
said=$(sed -n 's/.*: \([0-9,]*\) new, .*/\1/p' "$WORK/out" | tr -d ,)
stored=$("$Q" --db "$FDB" stats --format json |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["documents"])')
[ "${said:-x}" = "$((stored - 50))" ] ||
  fail "the summary says ${said:-?} new but $((stored - 50)) were stored: $(cat "$WORK/out")"
run 0 "$Q" --db "$FDB" verify
has "checked: ok" out
run 0 "$Q" --db "$FDB" ingest "$WORK/big.jsonl"
has "ingested 600 articles" out
has "$((600 - stored)) new" out
run 0 "$Q" --db "$FDB" stats --format json
has '"documents": 600' out

# ---- files that are not articles, in one folder --------------------------------
# Already handled before issue 22's fixes; kept as regression tests for the
# table of hostile inputs: each is named with its byte offset and skipped,
# and the good article beside them is stored.
mkdir "$WORK/mixed"
printf 'Mayor Ana Lima said the bridge \xff\xfe would reopen.\n' >"$WORK/mixed/bad_utf8.txt"
printf 'Mayor Ana Lima said\000 the bridge would reopen.\n' >"$WORK/mixed/nul.txt"
head -c 4096 "$Q" >"$WORK/mixed/binary.txt"
: >"$WORK/mixed/empty.txt"
cp "$WORK/in/a.txt" "$WORK/mixed/good.txt"
printf 'x\n' >"$WORK/mixed/unreadable.txt"
chmod -R a+rX "$WORK/mixed"
chmod 000 "$WORK/mixed/unreadable.txt"
chmod 777 "$WORK/mixed"  # for the ledger, written as user nobody
if [ -n "$OTHER" ]; then
  run 2 $OTHER "$Q" --db "$WORK/mixed/l.db" ingest "$WORK/mixed"
  has "bad_utf8.txt: invalid UTF-8 at byte offset 31 (line 1, column 32) (byte 0xff); convert the file to UTF-8" err
  has "nul.txt: NUL byte at byte offset 19 (line 1, column 20); this looks like a binary file" err
  has "binary.txt: NUL byte at byte offset" err
  has "empty.txt: the article is empty" err
  has "unreadable.txt: cannot open the file" err
  has "1 new" out
  has "5 skipped" out
fi

finish "all hostile-input cases pass"
