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
#
#   director_check.py browser URL DIR KEY=VALUE...
# loads the status page at URL in headless Chromium (browser.py: Selenium and chromium-driver)
# as a desktop 1280 px wide, then as phones 390 and 320 px wide. On the desktop, the page's DOM
# must pass the page checks above (KEY=VALUE); on every screen, the console stays empty (no
# error, no Content-Security-Policy refusal) and the page is no wider than the screen (a phone
# widening its layout viewport counts too), naming the elements that stick out. Screenshots of
# the whole page: DIR/status-desktop-1280.png, DIR/status-phone-390.png, DIR/status-phone-320.png.
# Exits 77 when no browser can run here (browser.missing says why).
import os
import signal
import sys
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser  # noqa: E402

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


def check(kind, html, pairs):
    """What is wrong with the page or report HTML against the KEY=VALUE PAIRS: a list."""
    p = Page()
    p.feed(html)
    p.close()
    bad = list(p.errors)
    if p.stack:
        bad.append("unclosed elements: %s" % p.stack)
    if p.scripts or p.handlers:
        bad.append("%d <script> elements, %d on* attributes" % (p.scripts, p.handlers))
    text = "".join(p.texts)
    for kv in pairs:
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
    return bad


# A page that writes an error to the console: the console check must see it.
CANARY = "data:text/html,<title>canary</title><script>qweek_no_such_function()</script>"

SCREENS = [("desktop", 1280, False), ("phone", 390, True), ("phone", 320, True)]


def on_screen(b, url, kind, width, mobile, pairs, shot):
    """URL on one screen: what is wrong with it (a list); its screenshot at SHOT."""
    bad = []
    b.size(width, 844 if mobile else 900, mobile=mobile)
    b.open(url)
    where = "%s %d px" % (kind, width)
    if pairs:
        bad += ["%s: DOM: %s" % (where, e) for e in check("page", b.dom(), pairs)]
    m = b.overflow()
    if m["scroll"] > width or m["viewport"] > width:
        bad.append("%s: %d px of page (viewport %d); sticking out: %s"
                   % (where, m["scroll"], m["viewport"], ", ".join(m["wide"]) or "?"))
    w, h = b.screenshot(shot)
    if w != width or h < 100:
        bad.append("%s: the screenshot is %dx%d" % (where, w, h))
    bad += ["%s: console: %s %s" % (where, level, text) for level, text in b.console()]
    print("%s ok: %d px of page on a %d px screen, %d px tall; screenshot %s"
          % (where, m["scroll"], width, m["height"], shot) if not bad else
          "%s: %d problem(s)" % (where, len(bad)))
    return bad


def in_browser(url, out, pairs):
    why = browser.missing()
    if why:
        print("SKIP: %s" % why)
        sys.exit(77)
    # On timeout's SIGTERM, quit the browser (and its driver) on the way out, not leave them.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("browser: stopped by SIGTERM"))
    bad = []
    with browser.Browser() as b:
        b.open(CANARY)
        if not any("qweek_no_such_function" in text for _, text in b.console()):
            sys.exit("browser: the console's errors are not seen: the check would pass blind")
        for i, (kind, width, mobile) in enumerate(SCREENS):
            shot = os.path.join(out, "status-%s-%d.png" % (kind, width))
            bad += on_screen(b, url, kind, width, mobile, pairs if i == 0 else [], shot)
    if bad:
        sys.exit("browser %s:\n  %s" % (url, "\n  ".join(bad)))


def main():
    if sys.argv[1] == "browser":
        in_browser(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    kind, path = sys.argv[1], sys.argv[2]
    bad = check(kind, open(path, encoding="utf-8").read(), sys.argv[3:])
    if bad:
        sys.exit("%s %s: %s" % (kind, path, "; ".join(bad)))
    print("%s ok: %s" % (kind, path))


main()
