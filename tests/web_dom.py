#!/usr/bin/env python3
"""Checks on the DOM headless Chromium built for a page of `quoteledger
serve` (tests/web_serve_test.sh). Usage:
  web_dom.py search FILE          results with the phrase marked, speaker and article links
  web_dom.py speaker FILE         prints the first article link (a path) of a speaker page
  web_dom.py article FILE NAME    NAME's claim highlighted; links back to the speaker and search
  web_dom.py hostile FILE         '<script>' shows as text; no script element, no handler ran
Exits 1 after printing what is wrong."""
import html.parser
import sys


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.links, self.highlights, self.marks = [], [], {}, []
        self.scripts, self.handlers, self.text, self.body_attrs, self.rows = 0, 0, "", {}, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            self._void(tag, a)
            return
        self.stack.append((tag, a))
        self._void(tag, a)

    def _void(self, tag, a):
        if tag == "script":
            self.scripts += 1
        if any(k.startswith("on") for k in a):
            self.handlers += 1
        if tag == "body":
            self.body_attrs = a
        if tag == "a" and a.get("href"):
            self.links.append((a.get("class") or "", a["href"]))
        if tag == "tr" and any(t == "tbody" for t, _ in self.stack):
            self.rows += 1

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        self.text += data
        for tag, a in self.stack:
            classes = (a.get("class") or "").split()
            if tag == "span" and "q" in classes and "data-claim" in a:
                key = a.get("data-speaker", "")
                self.highlights[key] = self.highlights.get(key, "") + data
            if tag == "mark":
                self.marks.append(data)


def main():
    mode, path = sys.argv[1], sys.argv[2]
    dom = Dom()
    dom.feed(open(path, encoding="utf-8").read())
    problems = []
    speaker_links = [h for c, h in dom.links if "speaker-link" in c]
    article_links = [h for c, h in dom.links if "article-link" in c]
    if dom.scripts or dom.handlers:
        problems.append(f"{dom.scripts} script elements, {dom.handlers} event handlers")
    if mode == "search":
        if dom.rows < 1 or not dom.marks or not speaker_links or not article_links:
            problems.append(f"{dom.rows} results, {len(dom.marks)} marks, {len(speaker_links)} "
                            f"speaker and {len(article_links)} article links")
    elif mode == "speaker":
        if "Roles" not in dom.text or not article_links:
            problems.append(f"roles shown: {'Roles' in dom.text}; {len(article_links)} article links")
        elif not article_links[0].startswith("/article/"):
            problems.append(f"odd article link {article_links[0]}")
        else:
            print(article_links[0])
    elif mode == "article":
        name = sys.argv[3]
        if not dom.highlights.get(name, "").strip():
            problems.append(f"no claim of {name} highlighted; highlighted: {list(dom.highlights)}")
        back = "/speaker?name=" + name.replace(" ", "%20")
        if back not in speaker_links:
            problems.append(f"no link back to {back}: {speaker_links}")
        if not any(h == "/" for _, h in dom.links):
            problems.append("no link back to the search page")
    elif mode == "hostile":
        if "<script>" not in dom.text:
            problems.append("the article's <script> is not shown as text")
        if "data-pwned" in dom.body_attrs:
            problems.append(f"a script ran: body {dom.body_attrs}")
    for p in problems:
        print(f"FAIL ({mode} {path}): {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
