#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""An SMTP server for the reminder tests, and the tools that read what it received.

  smtp_sink.py serve DIR [--port N] [--port-file F] [--fail-file F]
      Listens on 127.0.0.1 (port N, or any free one, written to F once listening) with
      aiosmtpd and stores each message as DIR/NNNN.eml (as received) and DIR/NNNN.json (the
      envelope). While the file given with --fail-file exists, DATA is answered 451. Stops on
      SIGTERM or SIGINT.
  smtp_sink.py list DIR [--from N] [--body]
      One line per message from number N on: "DATE | RCPT | SUBJECT", with the Date header in
      the offset it was written with (the plan's zone); --body adds the decoded body.
  smtp_sink.py walk --socket S --dir DIR --tz ZONE LOCAL-TIME...
      Moves qweekd's test clock to each local time ("2017-11-13 09:00", in ZONE) or instant
      ("2026-10-25T00:30:00Z") in turn, waits until no reminder is queued or being sent, and
      prints the messages that arrived, each as "@ TIME | DATE | RCPT | SUBJECT" (or
      "@ TIME | -" when none did).
  smtp_sink.py send PORT RCPT
      Sends one message (for the self-test).
"""
import argparse
import asyncio
import email
import email.policy
import email.utils
import http.client
import json
import os
import signal
import smtplib
import socket
import sys
import time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo


class Handler:
    def __init__(self, directory, fail_file):
        self.directory = directory
        self.fail_file = fail_file
        self.count = len([f for f in os.listdir(directory) if f.endswith(".eml")])

    async def handle_DATA(self, server, session, envelope):
        if self.fail_file and os.path.exists(self.fail_file):
            return "451 4.3.0 Try again later (the test says so)"
        self.count += 1
        base = os.path.join(self.directory, "%04d" % self.count)
        with open(base + ".json.tmp", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "received": time.time()}, f)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".json.tmp", base + ".json")
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 OK"


def serve(args):
    from aiosmtpd.smtp import SMTP

    os.makedirs(args.dir, exist_ok=True)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    handler = Handler(args.dir, args.fail_file)
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(handler, hostname="sink.test", enable_SMTPUTF8=True),
        host="127.0.0.1", port=args.port, reuse_address=True))
    port = server.sockets[0].getsockname()[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write("%d\n" % port)
        os.rename(args.port_file + ".tmp", args.port_file)
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, loop.stop)
    loop.run_forever()
    server.close()
    loop.run_until_complete(server.wait_closed())
    loop.close()


def messages(directory, first=1):
    names = sorted(f for f in os.listdir(directory) if f.endswith(".eml"))
    for name in names:
        n = int(name[:-4])
        if n < first:
            continue
        with open(os.path.join(directory, name), "rb") as f:
            msg = email.message_from_bytes(f.read(), policy=email.policy.default)
        with open(os.path.join(directory, name[:-4] + ".json")) as f:
            env = json.load(f)
        yield n, msg, env


def line(msg, env):
    when = email.utils.parsedate_to_datetime(msg["Date"])
    return "%s | %s | %s" % (when.strftime("%d.%m.%Y %H:%M %z"), ",".join(env["rcpt_tos"]),
                             str(msg["Subject"]))


def list_messages(args):
    for n, msg, env in messages(args.dir, args.first):
        print(line(msg, env))
        if args.body:
            # The plain text: the whole message, or its text/plain part beside an HTML one.
            for text in msg.get_body(preferencelist=("plain",)).get_content().splitlines():
                print("    " + text)


class UnixHTTP(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=20)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(20)
        self.sock.connect(self.path)


def api(sock, method, path, body=None):
    c = UnixHTTP(sock)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    c.request(method, path, json.dumps(body) if body is not None else None, headers)
    r = c.getresponse()
    data = r.read()
    c.close()
    if r.status >= 300:
        sys.exit("%s %s: %d %s" % (method, path, r.status, data.decode()))
    return json.loads(data) if data else None


def wait_idle(sock, limit=30):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        s = api(sock, "GET", "/api/v1/reminders")
        if s["queued"] == 0 and s["sending"] == 0:
            return
        time.sleep(0.05)
    sys.exit("reminders still queued after %d s" % limit)


def walk(args):
    zone = ZoneInfo(args.tz)
    seen = len([f for f in os.listdir(args.dir) if f.endswith(".eml")])
    for local in args.times:
        if local.endswith("Z"):
            t = datetime.strptime(local, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        else:
            t = datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
        now = t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        api(args.socket, "PUT", "/api/v1/clock", {"now": now})
        wait_idle(args.socket)
        got = [line(m, e) for n, m, e in messages(args.dir, seen + 1)]
        seen += len(got)
        for g in sorted(got) or ["-"]:
            print("@ %s | %s" % (local, g))


def send(args):
    with smtplib.SMTP("127.0.0.1", args.port, timeout=10) as s:
        s.sendmail("test@sink.test", [args.rcpt],
                   "Subject: self-test\r\nDate: Mon, 13 Nov 2017 09:00:00 +0700\r\n\r\nhi\r\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("serve")
    s.add_argument("dir")
    s.add_argument("--port", type=int, default=0)
    s.add_argument("--port-file")
    s.add_argument("--fail-file")
    s = sub.add_parser("list")
    s.add_argument("dir")
    s.add_argument("--from", dest="first", type=int, default=1)
    s.add_argument("--body", action="store_true")
    s = sub.add_parser("walk")
    s.add_argument("--socket", required=True)
    s.add_argument("--dir", required=True)
    s.add_argument("--tz", required=True)
    s.add_argument("times", nargs="+")
    s = sub.add_parser("send")
    s.add_argument("port", type=int)
    s.add_argument("rcpt")
    args = p.parse_args()
    {"serve": serve, "list": list_messages, "walk": walk, "send": send}[args.cmd](args)


if __name__ == "__main__":
    main()
