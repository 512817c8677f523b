#!/usr/bin/env bash
# `meson install` into a scratch folder: the program, the shared library,
# the public headers, the pkg-config file, the man page and the bash
# completion are there, and examples/who_said.cc builds against the
# installed library (found through pkg-config) and runs on a sample.
set -uo pipefail
: "${BUILD_ROOT:?}" "${SOURCE_ROOT:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if ! meson install -C "$BUILD_ROOT" --destdir "$WORK/dest" --no-rebuild --quiet >"$WORK/log" 2>&1; then
  cat "$WORK/log"
  echo "FAIL: meson install"
  exit 1
fi
for f in bin/quoteledger include/quoteledger/extractor.h include/quoteledger/claim.h \
         share/man/man1/quoteledger.1 share/bash-completion/completions/quoteledger; do
  [ -n "$(find "$WORK/dest" -path "*/$f" -print -quit)" ] || fail "not installed: $f"
done
so=$(find "$WORK/dest" -name 'libquoteledger.so.0' -print -quit)
pc=$(find "$WORK/dest" -name 'quoteledger.pc' -print -quit)
[ -n "$so" ] || fail "not installed: libquoteledger.so.0"
[ -n "$pc" ] || fail "not installed: quoteledger.pc"

if [ -n "$so" ] && [ -n "$pc" ]; then
  export PKG_CONFIG_SYSROOT_DIR="$WORK/dest" PKG_CONFIG_PATH
  PKG_CONFIG_PATH=$(dirname "$pc")
  flags=$(pkg-config --cflags --libs quoteledger) || fail "pkg-config quoteledger"
  # shellcheck disable=SC2086  # the flags are words
  if c++ -std=c++20 "$SOURCE_ROOT/examples/who_said.cc" $flags -o "$WORK/who_said" 2>"$WORK/cc"; then
    LD_LIBRARY_PATH=$(dirname "$so") "$WORK/who_said" \
        "$SOURCE_ROOT/samples/articles/harbor-bridge.txt" >"$WORK/out" 2>&1 ||
      fail "who_said exited $? ($(head -c 300 "$WORK/out"))"
    grep -q 'Grace Holloway (person, ' "$WORK/out" ||
      fail "who_said did not name Grace Holloway: $(head -c 300 "$WORK/out")"
    grep -q '^samples\|harbor-bridge.txt: [1-9][0-9]* claims' "$WORK/out" ||
      fail "who_said printed no claims: $(head -c 300 "$WORK/out")"
  else
    fail "examples/who_said.cc did not build against the installed library: $(head -c 600 "$WORK/cc")"
  fi
fi

man=$(find "$WORK/dest" -name quoteledger.1 -print -quit)
if [ -n "$man" ]; then
  grep -q '^\.TH QUOTELEDGER 1' "$man" || fail "man page lacks its .TH line"
  grep -q '^\.SS ingest' "$man" || fail "man page lacks the ingest command"
  grep -q '^\.SS merge' "$man" || fail "man page lacks the merge command"
fi
comp=$(find "$WORK/dest" -path '*/completions/quoteledger' -print -quit)
if [ -n "$comp" ]; then
  got=$(bash -c 'source "$1"; COMP_WORDS=(quoteledger ent); COMP_CWORD=1; _quoteledger; echo "${COMPREPLY[*]}"' _ "$comp")
  [ "$got" = "entity" ] || fail "completion of 'quoteledger ent' gave '$got', not 'entity'"
  got=$(bash -c 'source "$1"; COMP_WORDS=(quoteledger merge --mani); COMP_CWORD=2; _quoteledger; echo "${COMPREPLY[*]}"' _ "$comp")
  [ "$got" = "--manifest" ] || fail "completion of 'quoteledger merge --mani' gave '$got'"
  got=$(bash -c 'source "$1"; COMP_WORDS=(quoteledger quotes --spe); COMP_CWORD=2; _quoteledger; echo "${COMPREPLY[*]}"' _ "$comp")
  [ "$got" = "--speaker" ] || fail "completion of 'quoteledger quotes --spe' gave '$got'"
fi

[ "$failures" -eq 0 ] && echo "install: ok"
exit $((failures > 0))
