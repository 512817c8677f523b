# Shared by the end-to-end shell tests (source it): a scratch folder $WORK,
# removed on exit, and the checks they all use. Each records a failure and
# goes on; `finish` reports them and sets the exit code.
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# run EXPECTED_RC CMD...: runs CMD with stdout in $WORK/out and stderr in $WORK/err.
run() {
  local want=$1; shift
  "$@" >"$WORK/out" 2>"$WORK/err"
  local rc=$?
  [ "$rc" -eq "$want" ] || fail "exit $rc, not $want: $* ($(head -c 400 "$WORK/err"))"
}
# has TEXT out|err: the last command's stdout or stderr holds TEXT.
has() { grep -qF -- "$1" "$WORK/$2" || fail "$2 of the last command lacks: $1 ($(head -c 400 "$WORK/$2"))"; }
# lacks TEXT out|err: it does not (case-insensitive).
lacks() { grep -qiF -- "$1" "$WORK/$2" && fail "$2 holds: $1 ($(head -c 300 "$WORK/$2"))"; return 0; }
# sql DB SCRIPT: runs SQL on a ledger behind quoteledger's back (tampering).
sql() { python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit(); c.close()' "$@"; }
# val DB QUERY: the first column of the first row.
val() { python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(c.execute(sys.argv[2]).fetchone()[0])' "$@"; }
# finish MESSAGE: exit 1 if any check failed, else print MESSAGE.
finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "${1:-all checks passed}"
}
