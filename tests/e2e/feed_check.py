#!/usr/bin/python3
"""Checks of qweekd's iCalendar feeds for the e2e tests (Debian's python3-icalendar).

  feed_check.py parse FILE.ics          the calendar as python-icalendar reads it, as JSON:
                                        {"calname", "tzids", "events": {UID: {...}}, "todos": ...}
  feed_check.py lines FILE.ics          every physical line: CRLF-ended, <= 75 octets, UTF-8
  feed_check.py expect ITEMS.json HOST TODO
                                        what the feed must hold for the API's items (TODO: both,
                                        only, none), in the same JSON form
  feed_check.py alarms FILE.ics UID   the VALARMs of component UID as python-icalendar reads
                                        them: {"triggers": ["-PT2H", "END -P3D", ...],
                                        "fires": ["2017-11-14T06:00:00Z", ...]} (both sorted)
  feed_check.py compare EXPECTED.json PARSED.json...
                                        every parser saw exactly the expected components at the
                                        expected instants; exits 1 with the differences
"""
import datetime as dt
import json
import sys

UTC = dt.timezone.utc


def when(v):
    """A DTSTART/DTEND/DUE value: "2017-11-14T08:00:00Z" for an instant, "2017-11-08" for a day."""
    if isinstance(v, dt.datetime):
        if v.tzinfo is None:
            raise SystemExit("floating time %s: every time must have a zone" % v)
        return v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return v.isoformat()


def parse(path):
    from icalendar import Calendar
    cal = Calendar.from_ical(open(path, "rb").read())
    out = {"parser": "python-icalendar", "calname": str(cal.get("X-WR-CALNAME", "")),
           "tzids": [], "events": {}, "todos": {}}
    for c in cal.walk():
        if c.name == "VTIMEZONE":
            out["tzids"].append(str(c["TZID"]))
        elif c.name == "VEVENT":
            out["events"][str(c["UID"])] = {
                "start": when(c.decoded("DTSTART")), "end": when(c.decoded("DTEND")),
                "summary": str(c["SUMMARY"]), "status": str(c.get("STATUS", "")),
                "sequence": int(c.get("SEQUENCE", 0)),
                "alarms": sum(1 for s in c.subcomponents if s.name == "VALARM")}
        elif c.name == "VTODO":
            out["todos"][str(c["UID"])] = {
                "due": when(c.decoded("DUE")), "summary": str(c["SUMMARY"]),
                "status": str(c.get("STATUS", "")), "sequence": int(c.get("SEQUENCE", 0)),
                "alarms": sum(1 for s in c.subcomponents if s.name == "VALARM")}
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)


def alarms(path, uid):
    """When the alarms of component UID go off: its anchor (DTSTART, or DUE with RELATED=END;
    a day is its midnight in the calendar's X-WR-TIMEZONE) plus each TRIGGER."""
    from icalendar import Calendar, vDuration
    from zoneinfo import ZoneInfo
    cal = Calendar.from_ical(open(path, "rb").read())
    zone = ZoneInfo(str(cal["X-WR-TIMEZONE"]))
    comps = [c for c in cal.walk() if c.name in ("VEVENT", "VTODO") and str(c.get("UID")) == uid]
    if len(comps) != 1:
        raise SystemExit("%d components with UID %s" % (len(comps), uid))
    c = comps[0]
    triggers, fires = [], []
    for a in c.subcomponents:
        if a.name != "VALARM":
            continue
        t = a["TRIGGER"]
        related = t.params.get("RELATED", "START")
        delta = a.decoded("TRIGGER")
        anchor = c.decoded("DUE" if related == "END" and c.name == "VTODO" else "DTSTART")
        if not isinstance(anchor, dt.datetime):
            anchor = dt.datetime.combine(anchor, dt.time(), zone)
        # Days are nominal (RFC 5545 3.3.6): the same wall time, whatever the clocks did;
        # hours, minutes and seconds are exact.
        sign, size = (-1, -delta) if delta < dt.timedelta(0) else (1, delta)
        local = anchor.astimezone(zone).replace(tzinfo=None) + sign * dt.timedelta(days=size.days)
        fire = local.replace(tzinfo=zone).astimezone(UTC) + sign * dt.timedelta(seconds=size.seconds)
        fires.append(fire.strftime("%Y-%m-%dT%H:%M:%SZ"))
        text = vDuration(delta).to_ical().decode()
        triggers.append(text if related == "START" else related + " " + text)
    json.dump({"triggers": sorted(triggers), "fires": sorted(fires)}, sys.stdout)


def lines(path):
    data = open(path, "rb").read()
    if not data.endswith(b"\r\n"):
        raise SystemExit("%s: does not end with CRLF" % path)
    bad = []
    for n, line in enumerate(data[:-2].split(b"\r\n"), 1):
        if b"\n" in line or b"\r" in line:
            bad.append("line %d: a bare LF or CR" % n)
        if len(line) > 75:
            bad.append("line %d: %d octets" % (n, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            bad.append("line %d: not UTF-8 on its own (%s)" % (n, e))
    if bad:
        raise SystemExit("%s:\n  %s" % (path, "\n  ".join(bad[:20])))
    print("%s: %d lines, all <= 75 octets and valid UTF-8" % (path, n))


def instant(iso):
    return dt.datetime.fromisoformat(iso).astimezone(UTC)


def day(iso, plus=0):
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=plus)).isoformat()


def month_last_day(ym):
    y, m = map(int, ym.split("-"))
    first_next = dt.date(y + (m == 12), m % 12 + 1, 1)
    return (first_next - dt.timedelta(days=1)).isoformat()


def span(start, end):
    """(start, end) of a VEVENT for an item's start and end as the API writes them."""
    if "T" in start:
        s = instant(start)
        e = instant(end) if end and "T" in end else s + dt.timedelta(hours=1)
        return s.strftime("%Y-%m-%dT%H:%M:%SZ"), e.strftime("%Y-%m-%dT%H:%M:%SZ")
    if len(start) == 7:
        last = month_last_day(end or start)
        return start + "-01", day(last, 1)
    return start, day(end or start, 1)


def expect(items_path, host, todo):
    items = json.load(open(items_path))["items"]
    out = {"events": {}, "todos": {}}
    for i in items:
        uid = "qweek-item-%d@%s" % (i["id"], host)
        if i["kind"] != "deadline":
            s, e = span(i["start"], i["end"])
            out["events"][uid] = {"start": s, "end": e, "status": "CANCELLED" if i["state"] == "cancelled" else "CONFIRMED"}
            continue
        due = i["due"]
        if len(due) == 7:
            due = month_last_day(due)
        s, e = span(due, None)
        if todo != "none":
            status = {"open": "NEEDS-ACTION", "done": "COMPLETED", "cancelled": "CANCELLED"}[i["state"]]
            out["todos"][uid] = {"due": s, "status": status}
        if todo != "only":
            out["events"][uid.replace("@", "-due@", 1)] = {
                "start": s, "end": e, "status": "CANCELLED" if i["state"] == "cancelled" else "CONFIRMED"}
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)


def compare(expected_path, parsed_paths):
    want = json.load(open(expected_path))
    errors = []
    for p in parsed_paths:
        got = json.load(open(p))
        who = got.get("parser", p)
        for kind, keys in (("events", ("start", "end", "status")), ("todos", ("due", "status"))):
            w, g = want[kind], got[kind]
            if set(w) != set(g):
                errors.append("%s: %s: missing %s, unexpected %s" % (
                    who, kind, sorted(set(w) - set(g)), sorted(set(g) - set(w))))
            for uid in sorted(set(w) & set(g)):
                for k in keys:
                    if w[uid][k] != g[uid].get(k):
                        errors.append("%s: %s %s: %s is %r, expected %r" % (
                            who, kind, uid, k, g[uid].get(k), w[uid][k]))
        print("%s: %d VEVENT, %d VTODO" % (who, len(got["events"]), len(got["todos"])))
    if errors:
        raise SystemExit("\n".join(errors))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "parse":
        parse(args[0])
    elif cmd == "lines":
        for a in args:
            lines(a)
    elif cmd == "expect":
        expect(args[0], args[1], args[2])
    elif cmd == "alarms":
        alarms(args[0], args[1])
    elif cmd == "compare":
        compare(args[0], args[1:])
    else:
        raise SystemExit(__doc__)
