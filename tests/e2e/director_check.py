#!/usr/bin/python3
# Checks a status page or an HTML report with html.parser (no browser needed):
#   director_check.py page|report FILE KEY=VALUE...
# page:   KEY is a count id (total, done, open, overdue, cancelled): the element
#         id="count-KEY" must have data-count=VALUE; also "overdue_items=N" (entries in the
#         overdue section) and "days=N" (day blocks in the week).
# report: KEY is a totals cell id (total, done, done-on-time, ...) with text VALUE;
#         "rows=N" item rows.
# Both: no <script> element and no on* attribute anywhere; the document parses balanced;
# "text=S" must occur in the visible text.
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "link", "img", "hr", "input", "col", "area", "base", "wbr", "source"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.texts, self.errors = [], {}, [], []
        self.scripts = self.handlers = self.overdue_items = self.days = self.rows = 0
        self.in_overdue = self.cur_id = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        self.handlers += sum(1 for k, _ in attrs if k.lower().startswith("on"))
        if tag == "section" and a.get("id") == "overdue":
            self.in_overdue = len(self.stack)
        if tag == "li" and self.in_overdue is not None:
            self.overdue_items += 1
        if tag == "div" and "data-day" in a:
            self.days += 1
        if tag == "tr" and "data-id" in a:
            self.rows += 1
        if "id" in a:
            self.ids[a["id"]] = dict(a, _text="")
            self.cur_id = a["id"]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("unbalanced </%s> (open: %s)" % (tag, self.stack[-3:]))
            return
        self.stack.pop()
        if self.in_overdue is not None and len(self.stack) == self.in_overdue:
            self.in_overdue = None
        self.cur_id = None

    def handle_data(self, data):
        self.texts.append(data)
        if self.cur_id is not None:
            self.ids[self.cur_id]["_text"] += data


def main():
    kind, path = sys.argv[1], sys.argv[2]
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    p.close()
    bad = list(p.errors)
    if p.stack:
        bad.append("unclosed elements: %s" % p.stack)
    if p.scripts or p.handlers:
        bad.append("%d <script> elements, %d on* attributes" % (p.scripts, p.handlers))
    text = "".join(p.texts)
    for kv in sys.argv[3:]:
        k, v = kv.split("=", 1)
        if k == "text":
            got = v if v in text else "(absent)"
        elif k == "overdue_items":
            got = str(p.overdue_items)
        elif k == "days":
            got = str(p.days)
        elif k == "rows":
            got = str(p.rows)
        elif kind == "page":
            got = p.ids.get("count-" + k, {}).get("data-count")
        else:
            got = p.ids.get(k, {}).get("_text")
        if got != v:
            bad.append("%s: expected %r, got %r" % (k, v, got))
    if bad:
        sys.exit("%s %s: %s" % (kind, path, "; ".join(bad)))
    print("%s ok: %s" % (kind, path))


main()
