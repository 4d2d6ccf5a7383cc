#!/usr/bin/env python3
"""A minimal qweekd API client over the Unix socket, for bench/core.sh.

  uclient.py SOCKET fill N        creates a plan, 10 people and N items; prints the plan's slug
  uclient.py SOCKET adds SLUG N   adds N items one by one on one connection; prints seconds

Requests go one after another on one persistent HTTP/1.1 connection, as a busy client would.
"""
import http.client
import json
import socket
import sys
import time

WHENS = ["14.11 в 15.00", "14.11 9.00-18.00", "до 24.11.2017", "08.11. - 15.11. 2017", "10.11",
         "15.11 14.00", "декабрь 2017", "2017-11-14T15:00"]
PEOPLE = ["Директор", "Заместитель директора", "Психолог", "Логопед", "Юрисконсульт",
          "Социальный педагог", "Специалист по социальной работе", "Заведующий отделением",
          "Методист", "Бухгалтер"]


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=30)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(30)
        self.sock.connect(self.path)


class Client:
    def __init__(self, path):
        self.conn = UnixHTTPConnection(path)

    def call(self, method, url, body=None, want=(200, 201)):
        data = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"} if data is not None else {}
        self.conn.request(method, url, body=data, headers=headers)
        r = self.conn.getresponse()
        payload = r.read()
        if r.status not in want:
            sys.exit("%s %s: %d %s" % (method, url, r.status, payload[:300].decode(errors="replace")))
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
        return json.loads(payload) if payload else None


def item(n):
    body = {"title": "Мероприятие №%d: консультации специалистов для получателей услуг" % n,
            "when": WHENS[n % len(WHENS)], "who": [PEOPLE[n % len(PEOPLE)]]}
    if n % 3 == 0:
        body["where"] = "Кабинет %d" % (100 + n % 50)
    return body


def fill(c, n):
    plan = c.call("POST", "/api/v1/plans", {"title": "Неделя качества 2017 (bench)",
                                            "from": "08.11.2017", "to": "15.11.2017",
                                            "tz": "Asia/Krasnoyarsk",
                                            "org": "МБУ СО «ЦСПСиД «Надежда»"})
    slug = plan["slug"]
    for name in PEOPLE:
        c.call("POST", "/api/v1/plans/%s/people" % slug, {"name": name})
    for i in range(1, n + 1):
        body = item(i)
        body["label"] = str(i)
        c.call("POST", "/api/v1/plans/%s/items" % slug, body)
    print(slug)


def adds(c, slug, n):
    url = "/api/v1/plans/%s/items" % slug
    t0 = time.perf_counter()
    for i in range(n):
        c.call("POST", url, item(100000 + i))
    print("%.3f" % (time.perf_counter() - t0))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    c = Client(sys.argv[1])
    if sys.argv[2] == "fill":
        fill(c, int(sys.argv[3]))
    elif sys.argv[2] == "adds":
        adds(c, sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
