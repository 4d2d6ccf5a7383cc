#!/usr/bin/env python3
"""Hostile clients for test_hostile.sh: bounded in count and time, loopback only.

  hostile.py probe PORT SECONDS OUT [TOKEN SLUG]
      While SECONDS run: GET /healthz with `curl --max-time 1`, and with TOKEN a normal GET of
      the plan (2 s at most) and a write, POST an item (5 s: it waits for the disk); writes OUT
      (JSON): the worst latency of each, the failures, and the labels of the items whose
      creation was acknowledged.

  hostile.py slowloris PORT SECONDS ADDRS PER HOG_ADDR HOG
      PER connections from each of ADDRS (127.0.0.2,127.0.0.3,...) and HOG from HOG_ADDR, each
      sending one byte of an endless header a second, reopened when the server closes them.
      Prints JSON: how many were opened and closed by the server, the longest any lived, and
      how many of HOG_ADDR's were open 3 s in (after the server had had its say).
"""
import json
import selectors
import socket
import subprocess
import sys
import time


def curl(port, path, limit, *extra):
    """(status, seconds) of one request with curl --max-time LIMIT; status 0 when it failed."""
    cmd = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
           "--max-time", str(limit), *extra, "http://127.0.0.1:%d%s" % (port, path)]
    t0 = time.monotonic()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    took = time.monotonic() - t0
    try:
        return int(out.split()[0]), took
    except (IndexError, ValueError):
        return 0, took


def probe(port, secs, out, token=None, slug=None):
    worst = {"healthz": 0.0, "get": 0.0, "write": 0.0}
    fails = {"healthz": [], "get": [], "write": []}
    acked, n = [], 0
    auth = ["-H", "Authorization: Bearer %s" % token] if token else []
    end = time.monotonic() + secs
    while time.monotonic() < end:
        n += 1
        checks = [("healthz", "/healthz", 1, [], 200)]
        if token:
            label = "p%d" % n
            body = json.dumps({"title": "Проба %d" % n, "when": "14.11 10.00", "label": label})
            checks += [("get", "/api/v1/plans/%s" % slug, 2, auth, 200),
                       ("write", "/api/v1/plans/%s/items" % slug, 5,
                        auth + ["-H", "Content-Type: application/json", "--data-binary", body],
                        201)]
        for what, path, limit, extra, want in checks:
            code, took = curl(port, path, limit, *extra)
            worst[what] = max(worst[what], took)
            if code != want:
                fails[what].append("%s after %.2f s: %d" % (path, took, code))
            elif what == "write":
                acked.append(label)
        time.sleep(0.1)
    with open(out, "w") as f:
        json.dump({"rounds": n, "worst": worst, "fails": fails, "acked": acked}, f)


class Slow:
    """One slowloris connection."""

    def __init__(self, src, port, now):
        self.src, self.born, self.sent = src, now, 0
        self.sock = socket.socket()
        self.sock.setblocking(False)
        self.sock.bind((src, 0))
        self.sock.connect_ex(("127.0.0.1", port))
        # The request line and a Host at once; then a header that never ends.
        self.pending = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: "

    def connected(self):
        """Not still trying: a SYN the full backlog dropped is sent again later."""
        try:
            self.sock.getpeername()
            return True
        except OSError:
            return False

    def closed_by_server(self):
        try:
            return self.sock.recv(4096, socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True

    def drip(self):
        """Sends the next byte (the first time, the request line); False if it failed."""
        data = self.pending if self.sent == 0 else b"a"
        try:
            self.sock.send(data)
        except BlockingIOError:
            return True
        except OSError:
            return False
        self.sent += 1
        return True


def slowloris(port, secs, addrs, per, hog_addr, hog):
    srcs = [a for a in addrs.split(",") for _ in range(per)] + [hog_addr] * hog
    conns, opened, by_server, longest, hog_open = [], 0, 0, 0.0, None
    t0 = time.monotonic()
    end = t0 + secs
    while True:
        now = time.monotonic()
        # Who is still there: the server's closes count, and each one's life is measured.
        alive = []
        for c in conns:
            if c.closed_by_server():
                by_server += 1
                longest = max(longest, now - c.born)
                c.sock.close()
            else:
                alive.append(c)
        conns = alive
        if hog_open is None and now - t0 >= 3:
            hog_open = sum(1 for c in conns if c.src == hog_addr and c.connected())
        if now >= end:
            break
        # Reopen what was closed: an attacker keeps the pressure on.
        have = {}
        for c in conns:
            have[c.src] = have.get(c.src, 0) + 1
        for src in srcs:
            if have.get(src, 0) > 0:
                have[src] -= 1
                continue
            try:
                conns.append(Slow(src, port, now))
                opened += 1
            except OSError:
                break
        conns = [c for c in conns if c.drip() or c.sock.close()]
        time.sleep(max(0.0, 1.0 - (time.monotonic() - now)))
    for c in conns:
        longest = max(longest, time.monotonic() - c.born)
        c.sock.close()
    print(json.dumps({"opened": opened, "closed_by_server": by_server,
                      "longest_s": round(longest, 2), "hog_open_at_3s": hog_open}))


def main(argv):
    if len(argv) >= 4 and argv[0] == "probe":
        probe(int(argv[1]), float(argv[2]), argv[3], *argv[4:6])
    elif len(argv) == 7 and argv[0] == "slowloris":
        slowloris(int(argv[1]), float(argv[2]), argv[3], int(argv[4]), argv[5], int(argv[6]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
