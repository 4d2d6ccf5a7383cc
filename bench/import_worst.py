#!/usr/bin/env python3
"""How long one import can hold qweekd's loop: for bench/import_worst.sh.

  import_worst.py QWEEKD QWEEK DIR FILE...

For each FILE (in DIR, written by hostile_files.py) and each way (a dry run, an import, an
import with skip_bad): a fresh qweekd on DIR's socket and a TCP port on 127.0.0.1, a plan, then
the file is posted while another connection asks GET /healthz over TCP every 10 ms. Prints the
post's time and status and the longest /healthz wait. A post still running after LIMIT seconds
(60, or $LIMIT) is given up (its /healthz column says ">60000"): the daemon gets SIGTERM, then
SIGKILL after 5 s, and the row says KILLED.
"""
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

LIMIT = float(os.environ.get("LIMIT", "60"))
WAYS = {"dry": "dry_run=1", "real": "", "skip_bad": "skip_bad=1"}


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout):
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Daemon:
    def __init__(self, qweekd, qweek, work):
        self.qweek, self.work = qweek, work
        self.sock = os.path.join(work, "b.sock")
        self.port = free_port()
        self.log = open(os.path.join(work, "qweekd.log"), "ab")
        self.proc = subprocess.Popen(
            [qweekd, "--foreground", "--db", os.path.join(work, "b.db"), "--socket", self.sock,
             "--listen", "127.0.0.1:%d" % self.port], stdin=subprocess.DEVNULL,
            stdout=self.log, stderr=self.log)
        for _ in range(100):
            if self.healthz(1.0) is not None:
                break
            time.sleep(0.1)
        subprocess.run([qweek, "--socket", self.sock, "plan", "new", "Неделя качества 2017",
                        "--from", "08.11.2017", "--to", "15.11.2017", "--tz",
                        "Asia/Krasnoyarsk", "--slug", "bench"], check=True,
                       stdout=subprocess.DEVNULL)

    def healthz(self, timeout):
        """Seconds that GET /healthz over TCP took, or None if it did not answer."""
        t0 = time.monotonic()
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
            c.request("GET", "/healthz")
            ok = c.getresponse().status == 200
            c.close()
        except OSError:
            return None
        return time.monotonic() - t0 if ok else None

    def stop(self):
        """Seconds SIGTERM took to stop it (SIGKILL after 5 s: then None)."""
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(5)
            took = time.monotonic() - t0
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            took = None
        self.log.close()
        return took


def post(d, path, query, out):
    with open(path, "rb") as f:
        body = f.read()
    fmt = "ics" if path.endswith(".ics") else "csv"
    url = "/api/v1/plans/bench/import?format=%s%s" % (fmt, "&" + query if query else "")
    t0 = time.monotonic()
    try:
        c = UnixHTTPConnection(d.sock, LIMIT)
        c.request("POST", url, body=body, headers={"Content-Type": "application/octet-stream"})
        r = c.getresponse()
        r.read()
        out["status"] = r.status
    except OSError:
        out["status"] = None
    out["seconds"] = time.monotonic() - t0


def measure(qweekd, qweek, path, way):
    work = os.path.join(os.path.dirname(path), "run")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    d = Daemon(qweekd, qweek, work)
    result = {}
    t = threading.Thread(target=post, args=(d, path, WAYS[way], result))
    t.start()
    worst, hung = 0.0, False
    while t.is_alive():
        took = d.healthz(LIMIT)
        if took is None:
            hung = True
            break
        worst = max(worst, took)
        time.sleep(0.01)
    stop = d.stop()
    t.join()
    return result, worst, hung, stop


def main():
    qweekd, qweek, d = sys.argv[1:4]
    print("%-28s %-9s %8s %7s %16s %8s" % ("file", "way", "post", "status",
                                            "/healthz max ms", "SIGTERM"))
    for name in sys.argv[4:]:
        path = os.path.join(d, name)
        for way in WAYS:
            r, worst, hung, stop = measure(qweekd, qweek, path, way)
            print("%-28s %-9s %7.2fs %7s %16s %8s" % (
                "%s (%d KiB)" % (name, os.path.getsize(path) // 1024), way, r["seconds"],
                r["status"] if r["status"] is not None else "none",
                (">%.0f" % (LIMIT * 1000)) if hung else "%.0f" % (worst * 1000),
                "%.2fs" % stop if stop is not None else "KILLED"), flush=True)


if __name__ == "__main__":
    main()
