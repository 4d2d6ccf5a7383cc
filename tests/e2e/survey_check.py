#!/usr/bin/env python3
"""The survey's form and report in headless Chromium (Selenium), for test_survey_browser.sh.

SPEC: {"url": the form's URL, "shots": folder for screenshots and the PDF, "axe": path of
axe.min.js, "lang": "ru", "report": path of the report's HTML}

At 390 and 1280 px the form reads well (one column that fits, labels, large controls, no
script) and axe-core finds no serious or critical violation; a response is given by clicking
the answers' labels and typing, the thanks comes, and the page goes back to an empty form by
itself; the same with JavaScript off. The report has no script, and is printed to PDF.
Reuses the page helpers of me_page_check.py. Exit 0, 1 (what failed), or 77 (no browser).
"""
import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from me_page_check import Page, fail  # noqa: E402


def answer(p, url, width, tag, axe=True):
    p.width(width)
    p.go(url)
    p.check_reads_well("the form")
    if axe:
        p.check_axe("the form")
    p.shot("form-%d%s.png" % (width, tag))
    token = p.js("return document.querySelector('input[name=t]').value")
    for qid, option in (("q1", "1"), ("q17", "1"), ("q4", "2")):
        box = p.b.find_element("css selector", "input[name=%s][value='%s']" % (qid, option))
        box.find_element("xpath", "..").click()  # the label, as a finger would
        if not box.is_selected():
            fail("clicking the label of %s=%s did not choose it" % (qid, option))
    p.b.find_element("id", "f8").send_keys("Нет гардероба (%d px%s)" % (width, tag))
    p.b.find_element("css selector", "button[type=submit]").click()
    p.wait(lambda: p.js("const t = document.querySelector('.thanks');"
                        "return t !== null && t.textContent.startsWith('Спасибо!')"), "the thanks")
    if p.js("const t = document.querySelector('input[name=t]');"
            "return t === null || t.value === arguments[0] || "
            "document.querySelectorAll('input:checked').length > 0 || "
            "document.getElementById('f8').value !== ''", token):
        fail("after the thanks the form is not empty, with a new token")
    p.check_reads_well("the thanks")
    if axe:
        p.check_axe("the thanks")
    p.shot("thanks-%d%s.png" % (width, tag))
    print("%d px%s: answered, thanked, back to an empty form" % (width, tag))


def report(p, path, shots):
    p.width(1280)
    p.go("file://" + path)
    if p.js("return document.scripts.length"):
        fail("the report has a script")
    bars = p.js("return document.querySelectorAll('section.survey svg').length")
    if bars < 20:
        fail("the report's survey section has %d bars" % bars)
    p.shot("report-1280.png")
    pdf = p.b.execute_cdp_cmd("Page.printToPDF", {"printBackground": True,
                                                  "preferCSSPageSize": True})
    data = base64.b64decode(pdf["data"])
    if not data.startswith(b"%PDF"):
        fail("printing the report gave no PDF")
    out = os.path.join(shots, "report.pdf")
    with open(out, "wb") as f:
        f.write(data)
    print("report: no script, %d bars, printed to %s (%d bytes)" % (bars, out, len(data)))


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    p = Page(spec)
    try:
        answer(p, spec["url"], 390, "")
        answer(p, spec["url"], 1280, "")
        report(p, spec["report"], spec["shots"])
    finally:
        p.close()
    p = Page(spec, javascript=False)
    try:
        answer(p, spec["url"], 390, "-nojs", axe=False)
    finally:
        p.close()


if __name__ == "__main__":
    main()
