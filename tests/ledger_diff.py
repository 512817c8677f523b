#!/usr/bin/env python3
"""ledger_diff.py A.db B.db: exit 0 when two ledgers hold the same content.

"The same" is every row of every table, row ids included, compared as
values, except what records when or how a ledger was written rather than
what it holds: documents.ingested_at, runs.started_at, runs.finished_at and
runs.options (ingest and merge record different options). The full-text
index is compared through claims_fts (rowid, text, speaker), not its
shadow tables, whose layout depends on how its segments were merged.
Prints the first differences found.
"""
import sqlite3
import sys

SKIP = {("documents", "ingested_at"), ("runs", "started_at"), ("runs", "finished_at"),
        ("runs", "options")}


def tables(db):
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'claims_fts%' ORDER BY name")]
    return names + ["claims_fts"]


def rows(db, table):
    if table == "claims_fts":
        cols = ["rowid", "text", "speaker"]
    else:
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")
                if (table, r[1]) not in SKIP]
    sel = ", ".join(f'"{c}"' if c != "rowid" else c for c in cols)
    return cols, sorted(db.execute(f"SELECT {sel} FROM {table}").fetchall(), key=repr)


def main():
    a, b = (sqlite3.connect(p) for p in sys.argv[1:3])
    problems = []
    ta, tb = tables(a), tables(b)
    if ta != tb:
        problems.append(f"tables differ: {ta} vs {tb}")
    total = 0
    for t in ta:
        if t not in tb:
            continue
        ca, ra = rows(a, t)
        cb, rb = rows(b, t)
        total += len(ra)
        if ca != cb:
            problems.append(f"{t}: columns differ: {ca} vs {cb}")
        elif ra != rb:
            sa, sb = set(ra), set(rb)
            only_a = [r for r in ra if r not in sb][:2]
            only_b = [r for r in rb if r not in sa][:2]
            problems.append(f"{t}: {len(ra)} vs {len(rb)} rows; only in {sys.argv[1]}: "
                            f"{only_a}; only in {sys.argv[2]}: {only_b}")
    for p in problems[:10]:
        print("DIFF:", p)
    if not problems:
        print(f"same content: {len(ta)} tables, {total} rows")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
