#!/usr/bin/env python3
"""Writes the files that once stalled qweekd's import (issue 12), for bench/import.sh,
tests/e2e/test_hostile_import.sh and the fuzz runs (tests/e2e/test_fuzz.sh).

  hostile_files.py DIR [MAX_BYTES]

DIR gets, each at most MAX_BYTES (256 KiB, the largest file the daemon takes, by default):
  tz_secondly.ics     a VTIMEZONE of its own (Bomb/Zone) that repeats every second from 2017
  tz_krasnoyarsk.ics  the same rule under an IANA name the daemon knows (Asia/Krasnoyarsk)
  tz_daily1601.ics    a VTIMEZONE that repeats every day from 1601
  attendees.ics       one event with 40,000 different ATTENDEEs, as short as they can be
                      ("ATTENDEE:a7Q@"), as many as fit (18,700 in 256 KiB); and
  attendees_40000.ics all 40,000, whatever the size (547 KiB: refused for its size)
  attendees_5000.ics  5,000 of them (70 KiB): quadratic checks of names took seconds
  names.csv           rows whose "responsible" cell (64 KiB, the largest cell) holds ~10,000
                      different names each, as many rows as fit
  rows.csv            as many short rows as fit (MAX_ROWS, 500: the row limit, at most)
  events.ics          as many short events as fit (MAX_ROWS at most)
Each is what an attacker, or a broken exporter, can send in one request.
"""
import os
import sys

CRLF = "\r\n"
MAX_CELL = 64 * 1024
MAX_ROWS = int(os.environ.get("MAX_ROWS", "500"))


def calendar(zone, event_tzid):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x"] + zone + [
        "BEGIN:VEVENT", "UID:t@x", "DTSTART;TZID=%s:20171114T150000" % event_tzid,
        "SUMMARY:tz", "END:VEVENT", "END:VCALENDAR"]
    return CRLF.join(lines) + CRLF


def zone(tzid, dtstart, rule, offset_from, offset_to):
    return ["BEGIN:VTIMEZONE", "TZID:" + tzid, "BEGIN:STANDARD", "DTSTART:" + dtstart,
            "RRULE:" + rule, "TZOFFSETFROM:" + offset_from, "TZOFFSETTO:" + offset_to,
            "END:STANDARD", "END:VTIMEZONE"]


DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def short_name(i):
    return DIGITS[i // 3844 % 62] + DIGITS[i // 62 % 62] + DIGITS[i % 62]


def attendees(max_bytes, want=40000):
    # LF alone ends a line as well as CRLF does; an address with "@" is a name.
    head = "\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "BEGIN:VEVENT",
                      "UID:a@x", "DTSTART:20171114T080000Z", "SUMMARY:many"]) + "\n"
    tail = "END:VEVENT\nEND:VCALENDAR\n"
    out, size = [head], len(head) + len(tail)
    for i in range(want):
        line = "ATTENDEE:%s@\n" % short_name(i)
        if size + len(line) > max_bytes:
            break
        out.append(line)
        size += len(line)
    return "".join(out) + tail


def names_csv(max_bytes):
    head = "№;Наименование;Срок;Ответственный\r\n"
    out, size, row = [head], len(head), 0
    while True:
        row += 1
        names, n = [], 0
        cell_len = 2
        while True:
            name = "p%d" % n
            if cell_len + len(name) + 1 > MAX_CELL:
                break
            names.append(name)
            cell_len += len(name) + 1
            n += 1
        line = '%d;Row %d;14.11;"%s"\r\n' % (row, row, ",".join(names))
        if size + len(line) > max_bytes or row > MAX_ROWS:
            break
        out.append(line)
        size += len(line)
    return "".join(out)


def rows_csv(max_bytes):
    head = "№;Наименование;Срок;Ответственный\r\n"
    out, size = [head], len(head)
    for i in range(1, MAX_ROWS):
        line = "%d;t%d;14.11;A\r\n" % (i, i)
        if size + len(line) > max_bytes:
            break
        out.append(line)
        size += len(line)
    return "".join(out)


def events_ics(max_bytes):
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
    tail = "END:VCALENDAR\r\n"
    out, size = [head], len(head) + len(tail)
    for i in range(1, MAX_ROWS + 1):
        ev = ("BEGIN:VEVENT\r\nUID:%d\r\nDTSTART:20171114T08%02d00Z\r\nSUMMARY:e%d\r\n"
              "END:VEVENT\r\n") % (i, i % 60, i)
        if size + len(ev) > max_bytes:
            break
        out.append(ev)
        size += len(ev)
    return "".join(out) + tail


def main():
    d = sys.argv[1]
    max_bytes = int(sys.argv[2]) if len(sys.argv) > 2 else 256 * 1024
    os.makedirs(d, exist_ok=True)
    files = {
        "tz_secondly.ics": calendar(zone("Bomb/Zone", "20171101T000000", "FREQ=SECONDLY",
                                         "+0100", "+0000"), "Bomb/Zone"),
        "tz_krasnoyarsk.ics": calendar(zone("Asia/Krasnoyarsk", "20171101T000000",
                                            "FREQ=SECONDLY", "+0800", "+0700"),
                                       "Asia/Krasnoyarsk"),
        "tz_daily1601.ics": calendar(zone("Daily/Zone", "16010101T000000", "FREQ=DAILY",
                                          "+0100", "+0000"), "Daily/Zone"),
        "attendees.ics": attendees(max_bytes),
        "attendees_40000.ics": attendees(1 << 30),
        "attendees_5000.ics": attendees(1 << 30, 5000),
        "names.csv": names_csv(max_bytes),
        "rows.csv": rows_csv(max_bytes),
        "events.ics": events_ics(max_bytes),
    }
    for name, text in files.items():
        with open(os.path.join(d, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)


if __name__ == "__main__":
    main()
