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
#   director_check.py phone CHROMIUM URL WIDTH SHOT.png
# loads URL in headless Chromium as a phone WIDTH CSS pixels wide (the DevTools protocol, over
# a WebSocket spoken with the standard library), saves a full-page screenshot, and fails when
# the page is wider than the screen (document.documentElement.scrollWidth > WIDTH), naming
# the elements that stick out.
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
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


class DevTools:
    """Just enough of a WebSocket client (RFC 6455) for the DevTools protocol: text frames."""

    def __init__(self, ws_url):
        rest = ws_url.split("://", 1)[1]
        hostport, path = rest.split("/", 1)
        host, port = hostport.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET /%s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n" % (path, hostport, key)).encode())
        reply = b""
        while b"\r\n\r\n" not in reply:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise SystemExit("phone: DevTools closed the connection")
            reply += chunk
        if b" 101 " not in reply.split(b"\r\n", 1)[0]:
            raise SystemExit("phone: no WebSocket: %r" % reply[:200])
        self.buf = reply.split(b"\r\n\r\n", 1)[1]
        self.next_id = 0

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("phone: DevTools closed the connection")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        n = len(data)
        head = bytes([0x81])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
        self.sock.sendall(head + mask + masked)

    def _recv(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            message += payload
            if b0 & 0x80:
                return json.loads(message)

    def call(self, method, **params):
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            m = self._recv()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise SystemExit("phone: %s: %s" % (method, m["error"]))
                return m.get("result", {})

    def value(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return r["result"].get("value")


# What sticks out of the screen: the outermost elements whose right edge passes it.
WIDE = """JSON.stringify((() => {
  const w = SCREEN, out = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right > w + 0.5 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 0.5))
      out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
               (e.className ? '.' + e.className.replace(/ /g, '.') : '') + ' ' + Math.round(r.right) + 'px');
  }
  return {scroll: document.documentElement.scrollWidth, width: w,
          viewport: window.innerWidth, height: document.documentElement.scrollHeight,
          wide: out.slice(0, 8)};
})())"""


def phone(chrome, url, width, shot):
    prof = tempfile.mkdtemp(prefix="qweek-phone-")
    proc = subprocess.Popen([chrome, "--headless", "--no-sandbox", "--disable-gpu",
                             "--disable-background-networking", "--disable-component-update",
                             "--disable-sync", "--no-first-run", "--hide-scrollbars",
                             "--user-data-dir=" + prof, "--remote-debugging-port=0",
                             "--window-size=%d,900" % width, "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(prof, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and open(port_file).read().count("\n") >= 1:
                break
            time.sleep(0.1)
        else:
            raise SystemExit("phone: chromium did not open its DevTools port")
        port = int(open(port_file).read().split("\n")[0])
        targets = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port))
        page = [t for t in targets if t.get("type") == "page"][0]
        dt = DevTools(page["webSocketDebuggerUrl"])
        # A phone: WIDTH CSS pixels, the viewport meta obeyed, touch-sized text.
        dt.call("Emulation.setDeviceMetricsOverride", width=width, height=844,
                deviceScaleFactor=1, mobile=True)
        dt.call("Page.enable")
        dt.call("Page.navigate", url=url)
        for _ in range(300):
            if dt.value("document.readyState") == "complete" and dt.value("location.href") == url:
                break
            time.sleep(0.1)
        m = json.loads(dt.value(WIDE.replace("SCREEN", str(width))))
        # The whole page, up to 4,000 px: enough to see it, not a 40 MB picture of 2,000 items.
        dt.call("Emulation.setDeviceMetricsOverride", width=width, height=min(m["height"], 4000),
                deviceScaleFactor=1, mobile=True)
        png = dt.call("Page.captureScreenshot", format="png")["data"]
        with open(shot, "wb") as f:
            f.write(base64.b64decode(png))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(prof, ignore_errors=True)
    # A phone widens its layout viewport to fit content that is too wide: that counts too.
    if m["scroll"] > width or m["viewport"] > width:
        sys.exit("phone %s: %d px of page on a %d px screen (viewport %d); sticking out: %s"
                 % (url, m["scroll"], width, m["viewport"], ", ".join(m["wide"]) or "?"))
    print("phone ok: %d px of page on a %d px screen, %d px tall; screenshot %s"
          % (m["scroll"], width, m["height"], shot))


def main():
    if sys.argv[1] == "phone":
        phone(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
        return
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
