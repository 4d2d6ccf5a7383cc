#!/usr/bin/python3
"""Drives a person's page (/me/<secret>) in a real browser: Chromium through Selenium.

    me_page_check.py SPEC.json

SPEC: {"url": page URL, "shots": folder for screenshots, "axe": path of axe.min.js,
       "person": the page's person, "lang": "ru",
       "done": [{"width": 390, "item": ID, "note": TEXT}, ...],   each: type the note, press
                                                                  "done", see it under done
       "stale": {"item": ID, "change": [ARGV of a command that changes the item],
                 "expect": [TEXT...]},                            the refusal says them
       "twice": {"item": ID, "expect": [TEXT...]},                two tabs, both press done
       "fits": [WIDTH...],                                        it fits, it reads well
       "nojs": {"width": 390, "item": ID, "note": TEXT}}          "done" with JavaScript off

At each width the page is checked as a person would meet it: it fits (nothing scrolls
sideways), its text is large, its buttons are big enough to tap, every control has a label,
there is no script, and axe-core finds no serious or critical violation. Full-page
screenshots go to "shots". Exits 77 when there is no browser to drive, 1 on a failure.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def start_browser(javascript=True):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("SKIP: no python3-selenium")
        sys.exit(SKIP)
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if chrome is None or not os.path.exists(driver):
        print("SKIP: no chromium or chromium-driver")
        sys.exit(SKIP)
    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    profile = tempfile.mkdtemp(prefix="qweek-chrome-")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--no-first-run", "--disable-background-networking", "--disable-sync",
              "--disable-component-update", "--hide-scrollbars", "--user-data-dir=" + profile,
              "--lang=ru-RU"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:  # as some people browse; the driver's own probes still run
        opts.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    try:
        b = webdriver.Chrome(service=Service(driver), options=opts)
    except Exception as e:  # a browser that will not start here is a skip, said so
        print("SKIP: chromium did not start: %s" % str(e).splitlines()[0])
        sys.exit(SKIP)
    b.set_page_load_timeout(30)
    return b, profile


class Page:
    """One browser, one window size at a time; helpers that read the page as a person would."""

    def __init__(self, spec, javascript=True):
        self.spec = spec
        self.b, self.profile = start_browser(javascript)
        self.axe = open(spec["axe"], encoding="utf-8").read()

    def close(self):
        self.b.quit()
        shutil.rmtree(self.profile, ignore_errors=True)

    def width(self, w):
        mobile = w < 600
        self.b.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": w, "height": 844 if mobile else 900, "deviceScaleFactor": 1,
            "mobile": mobile})
        self.w = w

    def go(self, url):
        self.b.get(url)

    def js(self, code, *args):
        return self.b.execute_script(code, *args)

    def shot(self, name):
        """A full-page screenshot: the viewport stretched to the document's height."""
        h = int(self.js("return Math.ceil(document.documentElement.scrollHeight)"))
        mobile = self.w < 600
        self.b.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": self.w, "height": h, "deviceScaleFactor": 1, "mobile": mobile})
        path = os.path.join(self.spec["shots"], name)
        data = self.b.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
        import base64
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        self.width(self.w)
        print("screenshot %s (%d x %d)" % (path, self.w, h))

    def console_errors(self, status=None):
        """What the console says went wrong (a refusal's own status is not an error of it)."""
        told = "status of %d" % status if status else None
        return [e["message"] for e in self.b.get_log("browser")
                if e["level"] == "SEVERE" and not (told and told in e["message"])]

    def check_reads_well(self, what, status=None):
        """What a person (and a screen reader) needs of the page, whatever its content."""
        d = self.js("""
            const de = document.documentElement, out = {};
            out.lang = de.lang;
            out.overflow = de.scrollWidth - window.innerWidth;
            out.wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id);
            out.scripts = document.scripts.length;
            out.h1 = document.querySelectorAll('h1').length;
            out.main = document.querySelectorAll('main').length;
            out.font = parseFloat(getComputedStyle(document.body).fontSize);
            out.small_buttons = [...document.querySelectorAll('button, a.button')]
                .filter(e => e.getBoundingClientRect().height < 44)
                .map(e => e.textContent.trim());
            out.unlabelled = [...document.querySelectorAll('textarea, input:not([type=hidden])')]
                .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
                .map(e => e.id || e.name);
            return out;""")
        if d["lang"] != self.spec.get("lang", "ru"):
            fail("%s: <html lang=%r>" % (what, d["lang"]))
        if d["overflow"] > 0:
            fail("%s at %d px: the page is %d px too wide: %s"
                 % (what, self.w, d["overflow"], d["wide"]))
        if d["scripts"]:
            fail("%s: %d script element(s)" % (what, d["scripts"]))
        if d["h1"] != 1 or d["main"] != 1:
            fail("%s: %d <h1>, %d <main>" % (what, d["h1"], d["main"]))
        if d["font"] < 16:
            fail("%s: body text of %.1f px" % (what, d["font"]))
        if d["small_buttons"]:
            fail("%s: buttons under 44 px high: %s" % (what, d["small_buttons"]))
        if d["unlabelled"]:
            fail("%s: controls without a label: %s" % (what, d["unlabelled"]))
        errors = self.console_errors(status)
        if errors:
            fail("%s: console errors: %s" % (what, errors))

    def check_axe(self, what):
        """axe-core in the page; serious and critical violations fail, the others are told."""
        self.js(self.axe)
        res = self.b.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
               .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                    help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
               .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e),
                                  nodes: []}]));""")
        bad = [v for v in res if v["impact"] in ("serious", "critical")]
        for v in res:
            print("  axe %s (%s, %s): %s %s" % (what, v["id"], v["impact"], v["help"], v["nodes"]))
        if bad:
            fail("%s at %d px: axe-core: %s" % (what, self.w, json.dumps(bad, ensure_ascii=False)))
        print("axe-core %s at %d px: %d minor or moderate, none serious" % (what, self.w, len(res)))

    def item(self, item_id):
        return self.b.find_element("id", "item-%d" % item_id)

    def section_of(self, item_id):
        return self.js("const e = document.getElementById(arguments[0]);"
                       "return e ? e.closest('section').id : null;", "item-%d" % item_id)

    def press(self, item_id, action, note=None):
        """Types NOTE into the item's own note field, by its label, and presses its button."""
        li = self.item(item_id)
        if note is not None:
            field = li.find_element("css selector", "textarea")
            label = li.find_element("css selector", "label[for='%s']" % field.get_attribute("id"))
            if not label.text.strip():
                fail("item %d: the note's label is empty" % item_id)
            field.clear()
            field.send_keys(note)
        self.js("window.qweekBefore = true")  # gone once the answer has loaded
        li.find_element("css selector", "button[name=action][value=%s]" % action).click()
        self.wait(lambda: self.js("return !window.qweekBefore && "
                                  "document.readyState === 'complete'"), "the answer to the form")

    def wait(self, cond, what, limit=15):
        end = time.time() + limit
        while time.time() < end:
            try:
                if cond():
                    return
            except Exception:
                pass
            time.sleep(0.1)
        fail("waited %d s for %s; at %s" % (limit, what, self.b.current_url))


def mark_done(p, url, step, tag="", axe=True):
    """At a width, on a fresh page: type the note, press done, see the item under done. (axe
    needs the page's timers, which a browser with JavaScript off does not run.)"""
    w, item, note = step["width"], step["item"], step["note"]
    p.width(w)
    p.go(url)
    p.check_reads_well("the page")
    if axe:
        p.check_axe("the page")
    if p.section_of(item) == "done":
        fail("item %d is done before the button was pressed" % item)
    p.shot("me-%d%s-before.png" % (w, tag))
    p.press(item, "done", note)
    p.wait(lambda: p.section_of(item) == "done", "item %d under done" % item)
    if not p.b.current_url.endswith("#item-%d" % item):
        fail("after done the browser is at %s, not at the item" % p.b.current_url)
    text = p.item(item).text
    for want in (note, p.spec["person"]):
        if want not in text:
            fail("item %d under done does not show %r: %r" % (item, want, text))
    if p.item(item).find_elements("css selector", "button[value=reopen]") == []:
        fail("item %d under done has no reopen button" % item)
    p.check_reads_well("the page after done")
    if axe:
        p.check_axe("the page after done")
    p.shot("me-%d%s-after.png" % (w, tag))
    print("at %d px%s: item %d done with its note, shown under done by %s"
          % (w, tag, item, p.spec["person"]))


def refused(p, what, expect):
    """The refusal page: 'nothing was changed', why, and a link back that works."""
    body = p.b.find_element("tag name", "main").text
    for want in expect:
        if want not in body:
            fail("%s: the refusal does not say %r: %r" % (what, want, body))
    p.check_reads_well(what, status=409)
    p.check_axe(what)


def stale(p, url, step):
    item = step["item"]
    p.width(390)
    p.go(url)
    subprocess.run(step["change"], check=True, stdout=subprocess.DEVNULL)
    p.press(item, "done", "поздно")
    refused(p, "a stale form", step["expect"])
    p.shot("me-stale-refused.png")
    p.b.find_element("css selector", "main a").click()
    p.wait(lambda: p.section_of(item) not in (None, "done"), "item %d back on the page" % item)
    print("a stale form: refused, nothing changed, the link leads back to item %d" % item)


def twice(p, url, step):
    """The same page in two tabs: done in the first, then done in the second."""
    item = step["item"]
    p.width(390)
    p.go(url)
    first = p.b.current_window_handle
    p.b.switch_to.new_window("tab")
    p.width(390)
    p.go(url)
    second = p.b.current_window_handle
    p.b.switch_to.window(first)
    p.press(item, "done", "первый раз")
    p.wait(lambda: p.section_of(item) == "done", "item %d done in the first tab" % item)
    p.b.switch_to.window(second)
    p.press(item, "done", "второй раз")
    refused(p, "a second press", step["expect"])
    p.shot("me-twice-refused.png")
    p.b.close()
    p.b.switch_to.window(first)
    print("a second press from an older tab: refused, nothing changed")


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    os.makedirs(spec["shots"], exist_ok=True)
    p = Page(spec)
    try:
        for step in spec.get("done", []):
            mark_done(p, spec["url"], step)
        if "stale" in spec:
            stale(p, spec["url"], spec["stale"])
        if "twice" in spec:
            twice(p, spec["url"], spec["twice"])
        for w in spec.get("fits", []):  # a small phone: it still fits and reads
            p.width(w)
            p.go(spec["url"])
            p.check_reads_well("the page")
            print("at %d px the page fits" % w)
    finally:
        p.close()
    if "nojs" in spec:  # the same with JavaScript switched off in the browser
        p = Page(spec, javascript=False)
        try:
            p.width(390)
            p.go("data:text/html,<title>off</title><script>document.title='on'</script>")
            if p.b.title != "off":
                fail("JavaScript is not off in the browser meant to have it off")
            mark_done(p, spec["url"], spec["nojs"], "-nojs", axe=False)
        finally:
            p.close()
    print("browser checks passed")


if __name__ == "__main__":
    main()
