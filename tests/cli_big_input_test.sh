#!/usr/bin/env bash
# Hostile input by size and shape (issue 22), end to end: a 50 MB article,
# a 24 MB article on one line, 100,000 quote marks, quotes nested 50,000
# deep. Each is generated here (nothing big is committed) with a quotation
# at its start and one at its end, and must be read whole: `extract` exits
# 0, finds both quotations at the right byte offsets (so nothing was cut or
# skipped), prints JSON valid to the last byte, and stays within a time and
# memory bound. The bounds are in CPU seconds (the machine may be shared)
# and peak RSS, several times what was measured on a 2-core machine (below);
# exceeding one means a stage has gone superlinear.
set -u
Q=${QUOTELEDGER:?set QUOTELEDGER to the built binary}
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"

# check NAME CPU_SECONDS MAX_MB: runs `extract $WORK/NAME.txt` under a wall
# clock limit of ten times CPU_SECONDS, then checks exit code, the first and
# last quotation, the offsets and the bounds.
check() {
  python3 - "$Q" "$WORK/$1.txt" "$2" "$3" <<'EOF' || fail "$1"
import json, resource, subprocess, sys, time
q, path, cpu_limit, mb_limit = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
raw = open(path, "rb").read()
start = time.time()
try:
    p = subprocess.run([q, "extract", path], capture_output=True, timeout=10 * cpu_limit)
except subprocess.TimeoutExpired:
    sys.exit(f"FAIL: {path}: no answer within {10 * cpu_limit:.0f} s")
wall = time.time() - start
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu, mb = ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024
print(f"{path.rsplit('/', 1)[1]}: {len(raw) / 1e6:.1f} MB, exit {p.returncode}, "
      f"{cpu:.2f} s CPU ({wall:.2f} s wall), peak RSS {mb:.0f} MB")
problems = []
if p.returncode != 0:
    problems.append(f"exit {p.returncode}: {p.stderr[:300]!r}")
lines = p.stdout.splitlines()
doc = json.loads(lines[0]) if len(lines) == 1 else {"claims": []}
texts = [c["text"] for c in doc["claims"]]
for want in ["“We will reopen the bridge in May,”", "“The repairs are finished,”"]:
    plain = want.replace("“", '"').replace("”", '"')
    if plain not in texts:
        problems.append(f"the quotation {plain} was not found: {texts[:3]} ... {texts[-3:]}")
for c in doc["claims"]:
    got = " … ".join(raw[b:e].decode() for b, e in c["content"])
    if got != c["text"]:
        problems.append(f"claim at {c['content']} does not slice the file back to its text")
        break
if cpu > cpu_limit:
    problems.append(f"{cpu:.1f} s of CPU, over the bound of {cpu_limit:.0f} s")
if mb > mb_limit:
    problems.append(f"peak RSS {mb:.0f} MB, over the bound of {mb_limit:.0f} MB")
for problem in problems:
    print("FAIL:", problem)
sys.exit(1 if problems else 0)
EOF
}

python3 - "$WORK" <<'EOF'
import sys
work = sys.argv[1]
first = '"We will reopen the bridge in May," Mayor Ana Lima said on Tuesday.'
last = '"The repairs are finished," Lima told reporters.'
sentence = 'The river runs past the old mill and under the stone bridge near the town hall. '
# 50 MB in paragraphs of 20 sentences.
paragraph = sentence * 20 + "\n\n"
with open(f"{work}/big.txt", "w") as f:
    f.write(first + "\n\n" + paragraph * (50 * 10**6 // len(paragraph)) + last + "\n")
# 24 MB with no line break but the last.
with open(f"{work}/one_line.txt", "w") as f:
    f.write(first + " " + sentence * (24 * 10**6 // len(sentence)) + last + "\n")
# 100,000 quote marks of each kind, unbalanced, between the two quotations.
with open(f"{work}/quote_marks.txt", "w") as f:
    f.write(first + "\n\n" + '"' * 100000 + "\n\n" + "“" * 100000 + "\n\n" +
            "“a” " * 100000 + "\n\n" + last + "\n")
# Quotes inside quotes, 50,000 deep, curly and straight.
depth = 50000
with open(f"{work}/nested.txt", "w") as f:
    f.write(first + "\n\nAnn Lee said: " + "“a ‘b " * depth + "c" + "’ d” " * depth + "\n\n" +
            'He said "a \'b ' * depth + "c" + "' d\" " * depth + "\n\n" + last + "\n")
EOF
[ -s "$WORK/nested.txt" ] || fail "the inputs were not generated"

# Measured on main with a 2-core machine shared with other builds: 7.4 s
# CPU and 563 MB for the 50 MB article, 3.6 s and 283 MB for the one line,
# under 0.1 s and 45 MB for the quote marks and the nesting.
check big 60 2500
check one_line 30 1300
check quote_marks 10 300
check nested 10 300

finish "big and oddly shaped articles are read whole, in bounded time and memory"
