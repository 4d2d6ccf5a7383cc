"""Headless Chromium for the end-to-end tests, driven by Selenium and Debian's chromium-driver.

A page is shown as a desktop or a phone would show it (CSS pixels, the viewport meta obeyed
on a phone), its console is kept, and screenshots are taken. Nothing leaves the machine: host
names other than localhost do not resolve, there is no proxy, and Chromium's own traffic
(updates, sync, metrics) is off, so only the 127.0.0.1 URLs the tests give are fetched.

    import browser
    why = browser.missing()          # None, or why no browser runs here (exit 77 then)
    with browser.Browser() as b:
        b.size(390, mobile=True)     # a phone 390 CSS pixels wide
        b.open("http://127.0.0.1:PORT/status/SECRET")
        b.console()                  # what the page printed on its console, errors included
        b.overflow()                 # how wide the page is, and what sticks out
        b.screenshot("shot.png")     # the whole page, up to 4,000 px tall

Needs the Debian packages chromium, chromium-driver and python3-selenium (scripts/deps.sh); run
it with /usr/bin/python3, which has Debian's Selenium.
"""
import json
import os
import struct

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Every request stays here; no first-run, update, sync or metrics traffic.
ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-domain-reliability", "--disable-breakpad",
    "--metrics-recording-only", "--no-proxy-server",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]

# What sticks out past WIDTH: the outermost elements whose right edge passes it.
_OVERFLOW = """
const w = arguments[0], out = [];
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  if (r.right > w + 0.5 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 0.5))
    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
             (typeof e.className == 'string' && e.className ? '.' + e.className.replace(/ /g, '.') : '') +
             ' ' + Math.round(r.right) + 'px');
}
return {scroll: document.documentElement.scrollWidth, width: w, viewport: window.innerWidth,
        height: document.documentElement.scrollHeight, wide: out.slice(0, 8)};
"""


def missing():
    """Why no browser can run here, naming the Debian package to install; None if one can."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            return "%s is missing (Debian package %s; scripts/deps.sh)" % (path, package)
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "Selenium is missing (Debian package python3-selenium; scripts/deps.sh)"
    return None


def png_size(path):
    """(width, height) of the PNG file at PATH; ValueError if it is not a PNG."""
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError("%s is not a PNG file" % path)
    return struct.unpack(">II", head[16:24])


class Browser:
    """One headless Chromium; a context manager, quit on exit."""

    def __init__(self, width=1280, height=900, timeout=30):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for a in ARGS + ["--window-size=%d,%d" % (width, height)]:
            options.add_argument(a)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER),
                                       options=options)
        self.driver.set_page_load_timeout(timeout)
        self.driver.set_script_timeout(timeout)
        self.width, self.height, self.mobile = width, height, False
        self.size(width, height)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.quit()

    def quit(self):
        if self.driver is not None:
            self.driver.quit()
            self.driver = None

    def size(self, width, height=900, mobile=False):
        """The screen from now on: WIDTH x HEIGHT CSS pixels, a phone's when MOBILE."""
        self.width, self.height, self.mobile = width, height, mobile
        self._metrics(height)

    def _metrics(self, height):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": self.width, "height": height, "deviceScaleFactor": 1,
            "mobile": self.mobile})

    def open(self, url):
        """Loads URL and waits for it; the console starts empty for it."""
        self.console()
        self.driver.get(url)
        state = self.js("document.readyState")
        if state != "complete" or self.driver.current_url != url:
            raise RuntimeError("%s: still %s at %s" % (url, state, self.driver.current_url))

    def js(self, expression, *args):
        """The value of the JavaScript EXPRESSION in the page (ARGS are arguments[0]...)."""
        return self.driver.execute_script("return " + expression, *args)

    def dom(self):
        """The document as the browser holds it (after parsing and any script), as HTML."""
        return self.driver.page_source

    def console(self):
        """The console's messages since the last call: [(level, text)], errors included."""
        return [(e.get("level", ""), e.get("message", ""))
                for e in self.driver.get_log("browser")]

    def overflow(self):
        """{scroll, width, viewport, height, wide}: how wide the page is against the screen's
        width, its height, and up to 8 elements that stick out (tag#id.class right-edge)."""
        return self.driver.execute_script(_OVERFLOW, self.width)

    def screenshot(self, path, max_height=4000):
        """The whole page as a PNG at PATH, up to MAX_HEIGHT CSS pixels tall; its size."""
        tall = min(max(int(self.js("document.documentElement.scrollHeight")), 1), max_height)
        self._metrics(tall)
        try:
            png = self.driver.get_screenshot_as_png()
        finally:
            self._metrics(self.height)
        with open(path, "wb") as f:
            f.write(png)
        return png_size(path)


if __name__ == "__main__":
    # python3 browser.py: says whether a browser runs here, and which.
    why = missing()
    if why:
        raise SystemExit(why)
    with Browser() as b:
        print(json.dumps(b.driver.capabilities.get("browserVersion")))
