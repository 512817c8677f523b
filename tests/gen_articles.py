#!/usr/bin/env python3
"""Writes N generated news articles as JSON Lines (id, title, publisher,
published_at, text) for the ledger's tests. The articles are made up for
these tests: named speakers with titles, quotes split by their cue,
pronouns, reported speech and anonymous sources, in varying combinations,
so that every article has claims and no two have the same bytes.

Usage: gen_articles.py N OUT.jsonl"""
import json
import sys

FIRST = ["Ana", "Tom", "Maria", "David", "Grace", "Samuel", "Ines", "Oliver", "Priya", "Jonas"]
LAST = ["Lima", "Reyes", "Okafor", "Novak", "Brandt", "Haddad", "Moreau", "Sato", "Quinn", "Varga"]
TITLES = ["Mayor", "Governor", "Senator", "Finance Minister", "Police Chief"]
TOPICS = ["the budget", "the bridge", "the new rail line", "the water plan", "the school reform"]
PUBLISHERS = ["Daily Ledger", "City Wire", "Morning Post"]


def article(i):
    first, last = FIRST[i % 10], LAST[(i // 10) % 10]
    title, topic = TITLES[i % 5], TOPICS[(i // 3) % 5]
    other = f"{FIRST[(i + 3) % 10]} {LAST[(i + 7) % 10]}"
    paragraphs = [
        f"{title} {first} {last} defends {topic} (report {i})",
        f"{title} {first} {last} said on Monday that {topic} would be finished by spring.",
        f"\u201cWe have done the work,\u201d {last} told reporters. \u201cNow we need the votes.\u201d",
        f"A senior official said the cost of {topic} had risen for the third time this year.",
        f"Council member {other} said the council would review {topic} in a public hearing.",
        f"\u201cThe numbers do not add up,\u201d {other.split()[1]} said, adding that item {i} was late.",
        f"According to the city auditor, {topic} is {i % 17 + 2} weeks behind schedule.",
        f"{last} said she expected the vote to pass. Officials said a decision was due on day {i}.",
    ]
    return {
        "id": f"gen-{i:05d}",
        "title": paragraphs[0],
        "publisher": PUBLISHERS[i % 3],
        "published_at": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
        "text": "\n".join(paragraphs) + "\n",
    }


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(article(i), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
