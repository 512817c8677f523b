#!/usr/bin/env bash
# End-to-end tests of `quoteledger extract` and `rules check`: the built
# binary on samples/ compared with samples/expected (a readable diff on
# failure), bad input handling, offsets, and the accuracy milestones on
# ../shared when it is present.
set -uo pipefail
bin=${QUOTELEDGER_BIN:?set by meson}
src=${QUOTELEDGER_SOURCE:?set by meson}
shared=${QUOTELEDGER_SHARED:-$src/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

# 1. Samples match the reviewed expected output.
(cd "$src" && "$bin" extract samples/articles/*.txt) > "$tmp/samples.jsonl"
if diff -u "$src/samples/expected/extract.jsonl" "$tmp/samples.jsonl" > "$tmp/diff"; then
  ok "samples match samples/expected/extract.jsonl"
else
  fail "samples differ from samples/expected/extract.jsonl (scripts/update-expected after review):"
  head -60 "$tmp/diff"
fi

# 2. Every content span slices the file back to the claim's text.
python3 - "$tmp/samples.jsonl" "$src" <<'PY' && ok "offsets slice the sample files" || fail "offsets"
import json, sys, os
bad = 0
for line in open(sys.argv[1], encoding='utf-8'):
    obj = json.loads(line)
    raw = open(os.path.join(sys.argv[2], obj['doc']), 'rb').read()
    for c in obj['claims']:
        text = ' … '.join(raw[s:e].decode('utf-8') for s, e in c['content'])
        if text != c['text']:
            bad += 1
        for s, e in c['source']:
            bad += raw[s:e].decode('utf-8') != c['source_text']
sys.exit(1 if bad else 0)
PY

# 3. Bad articles: clear errors with file and byte offset, exit 2, the rest kept.
printf 'caf\xe9 au lait said Ann Lee.\n' > "$tmp/latin1.txt"
: > "$tmp/empty.txt"
printf 'ab\0cd\n' > "$tmp/nul.txt"
"$bin" extract "$tmp/latin1.txt" "$tmp/empty.txt" "$tmp/nul.txt" \
  "$src/samples/articles/harbor-bridge.txt" > "$tmp/out.jsonl" 2> "$tmp/err.txt"
code=$?
[[ $code -eq 2 ]] && ok "bad input exits 2" || fail "bad input exit code $code"
grep -q "latin1.txt: invalid UTF-8 at byte offset 3" "$tmp/err.txt" && ok "encoding error names file and offset" || fail "encoding error: $(cat "$tmp/err.txt")"
grep -q "empty.txt: the article is empty" "$tmp/err.txt" && ok "empty file reported" || fail "empty file"
grep -q "nul.txt: NUL byte at byte offset 2" "$tmp/err.txt" && ok "NUL byte reported" || fail "NUL byte"
[[ $(wc -l < "$tmp/out.jsonl") -eq 1 ]] && ok "the good article is still processed" || fail "good article lost"

mkdir "$tmp/emptydir"
"$bin" extract "$tmp/emptydir" > /dev/null 2> "$tmp/e2.txt"
[[ $? -eq 2 ]] && grep -q "no articles found" "$tmp/e2.txt" && ok "an empty folder is an error" || fail "empty folder"
"$bin" extract "$tmp/missing.txt" > /dev/null 2> "$tmp/e3.txt"
[[ $? -eq 2 ]] && grep -q "missing.txt: cannot open the file" "$tmp/e3.txt" && ok "a missing file is reported" || fail "missing file"

# 4. JSON Lines input, a malformed line among good ones, and standard input.
{
  echo '{"id": "a1", "text": "“We won,” Ann Lee said.", "publisher": "Wire"}'
  echo '{"id": "a2", "text": broken'
  echo '{"id": "a3"}'
  echo '{"id": "a4", "text": "Officials said the talks had stalled."}'
} > "$tmp/in.jsonl"
"$bin" extract "$tmp/in.jsonl" > "$tmp/j.jsonl" 2> "$tmp/jerr.txt"
code=$?
[[ $code -eq 2 && $(wc -l < "$tmp/j.jsonl") -eq 2 ]] && ok "jsonl: good lines kept, exit 2" || fail "jsonl handling ($code)"
grep -q "in.jsonl:2: not valid JSON" "$tmp/jerr.txt" && grep -q 'in.jsonl:3: the object has no "text"' "$tmp/jerr.txt" \
  && ok "jsonl errors name file and line" || fail "jsonl errors: $(cat "$tmp/jerr.txt")"
grep -q '"speaker":"Ann Lee"' "$tmp/j.jsonl" && ok "jsonl claims attributed" || fail "jsonl claims"
echo '“It is ready,” Tom Acker said.' | "$bin" extract --format text - | grep -q "Tom Acker (direct)" \
  && ok "standard input, text format" || fail "stdin"

# 5. rules check: the default rules pass; a broken file names file and line.
"$bin" rules check "$src/data/rules/default.rules" > /dev/null && ok "default rules check" || fail "default rules check"
printf 'rule a\n  kind direct\n  pattern {QUOTE} (unclosed\n' > "$tmp/bad.rules"
"$bin" rules check "$tmp/bad.rules" 2> "$tmp/rerr.txt" > /dev/null
code=$?
[[ $code -eq 2 ]] && grep -q "bad.rules:1: rule a: RE2 rejects" "$tmp/rerr.txt" \
  && ok "bad rule file reported with file and line" || fail "bad rules ($code): $(cat "$tmp/rerr.txt")"
printf 'rule mine\n  kind direct\n  stage 1\n  pattern {QUOTE} {SPEAKER} (?P<cue>shrugged)\n' > "$tmp/user.rules"
echo '“Whatever,” Ann Lee shrugged.' | "$bin" extract --rules "$tmp/user.rules" - | grep -q '"rule":"mine"' \
  && ok "--rules adds a user's rule" || fail "--rules"

# 6. The seed article and the accuracy milestones, when ../shared is here.
if [[ -d "$shared/polnear" ]]; then
  "$bin" extract "$shared/seed/article.txt" > "$tmp/seed.jsonl"
  python3 "$shared/eval/seed_check.py" --gold "$shared/seed/gold.json" --pred "$tmp/seed.jsonl" \
    && ok "seed: every claim attributed right" || fail "seed check"
  "$bin" extract --format text "$shared/seed/article.txt" > "$tmp/seed.txt"
  grep -q "Antony Blinken: Secretary of State (U.S.)" "$tmp/seed.txt" && grep -q "Blinken -> Antony Blinken" "$tmp/seed.txt" \
    && ok "seed: roles and aliases shown" || fail "seed roles"
  "$bin" extract "$shared/polnear/dev/text" > "$tmp/dev.jsonl"
  python3 "$shared/eval/score.py" --gold "$shared/polnear/dev" --pred "$tmp/dev.jsonl" --json > "$tmp/score.json"
  python3 - "$tmp/score.json" <<'PY' && ok "polnear dev milestones (direct >= 0.80, all >= 0.55)" || fail "polnear dev milestones"
import json, sys
r = json.load(open(sys.argv[1]))
d, a = r['direct']['0.3']['attribution_f1'], r['all']['0.3']['attribution_f1']
print(f"   direct attribution F1 {d:.3f}, all {a:.3f}")
sys.exit(0 if d >= 0.80 and a >= 0.55 else 1)
PY
else
  echo "skip: ../shared is absent"
fi

# 7. Claims byte-identical on PolNeAR dev and train and the seed: a digest of
# extract's JSON Lines (file names bare, in C order) against
# samples/expected/shared.sha256, so a change meant to be only faster cannot
# change a claim unnoticed. A change meant to change claims updates the
# digests with scripts/update-expected.
if [[ -d "$shared/polnear" ]]; then
  while read -r name digest; do
    case $name in
      dev|train) dir="$shared/polnear/$name/text" files='*.txt' ;;
      seed) dir="$shared/seed" files=article.txt ;;
      *) continue ;;
    esac
    got=$(cd "$dir" && export LC_ALL=C && "$bin" extract --format jsonl $files | sha256sum | cut -d' ' -f1)
    [[ $got == "$digest" ]] && ok "$name: claims byte-identical to samples/expected/shared.sha256" \
      || fail "$name: claims differ from samples/expected/shared.sha256 ($got); compare with main's output"
  done < "$src/samples/expected/shared.sha256"
fi

echo "extract: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
