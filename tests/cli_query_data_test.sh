#!/usr/bin/env bash
# Query arguments are data, never SQL or full-text syntax (issue 22): a
# phrase or speaker holding quotes, SQL comments, LIKE wildcards or FTS5
# operators matches only itself, literally; nothing found is exit 1 with a
# message, never an SQL error (exit 2); and the ledger is byte-identical
# after every query.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"

mkdir -p "$WORK/in"
cat >"$WORK/in/a.txt" <<'EOF'
Parser bug fixed

"Typing x' OR 1=1 -- into the box emptied the table," engineer Ana Lima said on Monday.

"The budget is balanced," council member Tom Reyes said.
EOF
db=$WORK/q.db
run 0 "$Q" --db "$db" ingest "$WORK/in"
before=$(sha256sum "$db" | cut -d' ' -f1)

# The injection string is text: it finds the one claim that holds it.
run 0 "$Q" --db "$db" who "x' OR 1=1 --" --format json
has "Ana Lima" out
lacks "Tom Reyes" out
# Injection strings that no claim holds find nothing: exit 1, no SQL error.
for phrase in "zz' OR 1=1 --" "zz\" OR 1=1 --" "'; DROP TABLE claims; --" \
              "zz) OR (1=1" "NEAR(budget balanced)" "budget*" "budget OR table" \
              "^budget" "speaker:Lima" "text:table"; do
  "$Q" --db "$db" who "$phrase" >"$WORK/out" 2>"$WORK/err"
  rc=$?
  # FTS5 operators spelt out are words like any other: found only where a
  # claim holds those words in that order.
  [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || fail "who '$phrase': exit $rc ($(head -c 300 "$WORK/err"))"
  lacks "syntax error" err
  lacks "fts5" err
  lacks "SQL" err
  if [ "$rc" -eq 0 ]; then
    grep -q "Tom Reyes\|Ana Lima" "$WORK/out" || fail "who '$phrase' printed no claim: $(cat "$WORK/out")"
  fi
done
# A phrase of marks alone is no search: a clear message, not an FTS error.
for phrase in '"' "'" "%" "_" "*" "-"; do
  run 2 "$Q" --db "$db" who "$phrase"
  has "has no letters or digits to search for" err
  lacks "fts5" err
done
# LIKE wildcards as speakers match no one: there is no speaker named % or _.
for speaker in "%" "_" "%a%" "A_a Lima" "Ana%" "' OR 1=1 --"; do
  run 1 "$Q" --db "$db" quotes --speaker "$speaker"
  has "no speaker in" err
  run 1 "$Q" --db "$db" who "budget" --speaker "$speaker"
done
# The real names still work, so the tests above are not vacuous.
run 0 "$Q" --db "$db" quotes --speaker "Ana Lima"
has "x' OR 1=1 --" out
run 0 "$Q" --db "$db" who "budget" --speaker "Reyes"
[ "$(sha256sum "$db" | cut -d' ' -f1)" = "$before" ] || fail "queries changed the ledger file"
run 0 "$Q" --db "$db" verify

finish "query arguments are data"
