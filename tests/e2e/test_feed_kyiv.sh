#!/usr/bin/env bash
# A week in Europe/Kyiv across the end of daylight saving time (25.10.2026, 04:00 EEST ->
# 03:00 EET): the feed's VTIMEZONE carries both observances, and python-icalendar, ical.js and
# node-ical put every item at the instant written in the plan, before and after the change.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/feed_sample.sh"

feed_npm
feed_start 2026-10-20T06:00:00Z

step "a Ukrainian plan for the week of 21-28.10.2026"
feed_api POST /api/v1/plans '{"title": "Тиждень якості соціальних послуг 2026", "from": "21.10.2026",
	"to": "28.10.2026", "tz": "Europe/Kyiv", "lang": "uk"}' >/dev/null
feed_api POST /api/v1/plans/_/people '{"name": "Коваленко О. М.", "groups": ["Психологи"]}' >/dev/null
add() { # LABEL FIELD WHEN TITLE
	feed_api POST /api/v1/plans/_/items "$("$PY" -c 'import json,sys; print(json.dumps({"label": sys.argv[1], sys.argv[2]: sys.argv[3], "title": sys.argv[4], "who": ["Коваленко О. М."]}, ensure_ascii=False))' "$@")" >/dev/null
}
add 1 when "21.10. - 28.10. 2026" "Анкетування отримувачів соціальних послуг"
add 2 when "24.10 10.00" "Семінар для батьків (літній час, EEST)"
add 3 when "25.10 02.00-05.00" "Нічне чергування через зміну часу"
add 4 when "26.10 10.00" "Збори колективу (зимовий час, EET)"
add 5 when "25.10 03.30" "Подія в годину, що буває двічі"
add 6 due "27.10.2026 18:00" "Звіт про анкетування"
add 7 when "до 27.10.2026" "Оновити сайт"
add 8 when "листопад 2026" "Підсумки тижня якості"
feed_api GET /api/v1/plans/_/items >"$T/items.json"
"$PY" -c '
import json, sys
for i in json.load(open(sys.argv[1]))["items"]:
    print("  ", i["label"], i["kind"], i["start"], i["end"], i["due"])' "$T/items.json"

step "the plan's feed and a personal one"
plan_url=$(feed_url)
assert_eq 200 "$(fetch "$plan_url")" "GET"
cp "$T/f.body" "$T/plan.ics"
check_feed plan "$T/plan.ics" "$T/items.json" both
assert_eq "8 8 8" "$(count_in plan events)" "VEVENTs: 5 events and spans, 3 deadlines"
person_url=$(feed_url "Коваленко О. М.")
assert_eq 200 "$(fetch "$person_url")" "GET personal"
cp "$T/f.body" "$T/person.ics"
check_feed person "$T/person.ics" "$T/items.json" both

step "instants on both sides of the change, as Python's zoneinfo has them"
"$PY" - "$T/plan.py.json" "$T/plan.icaljs.json" "$T/plan.nodeical.json" "$T/items.json" <<'PY' || fail "instants"
import json, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

kyiv = ZoneInfo("Europe/Kyiv")
def z(*a, fold=0):
    return datetime(*a, tzinfo=kyiv, fold=fold).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

items = {i["label"]: i["id"] for i in json.load(open(sys.argv[4]))["items"]}
want = {
    ("events", "2"): ("2026-10-24T07:00:00Z", z(2026, 10, 24, 10, 0)),
    ("events", "3"): ("2026-10-24T23:00:00Z", z(2026, 10, 25, 2, 0)),
    ("events", "4"): ("2026-10-26T08:00:00Z", z(2026, 10, 26, 10, 0)),
    ("events", "5"): ("2026-10-25T00:30:00Z", z(2026, 10, 25, 3, 30)),
    ("todos", "6"): ("2026-10-27T16:00:00Z", z(2026, 10, 27, 18, 0)),
    ("events", "1"): ("2026-10-21", "2026-10-21"),
    ("events", "8-due"): ("2026-11-30", "2026-11-30"),
}
for path in sys.argv[1:4]:
    got = json.load(open(path))
    for (kind, label), (expected, by_zoneinfo) in want.items():
        assert expected == by_zoneinfo, (label, expected, by_zoneinfo)
        lab, _, suffix = label.partition("-")
        uid = "qweek-item-%d%s@127.0.0.1" % (items[lab], "-due" if suffix else "")
        c = got[kind][uid]
        value = c["due"] if kind == "todos" else c["start"]
        assert value == expected, "%s: %s %s is %s, expected %s" % (got["parser"], kind, label, value, expected)
    e3 = got["events"]["qweek-item-%d@127.0.0.1" % items["3"]]
    assert e3["end"] == "2026-10-25T03:00:00Z", "%s: 05:00 EET is 03:00Z, got %s" % (got["parser"], e3["end"])
    print("%s: every instant right" % got["parser"])
PY

step "the VTIMEZONE: Europe/Kyiv with its daylight saving rules, nothing else"
"$PY" - "$T/plan.ics" <<'PY' || fail "VTIMEZONE"
import sys
text = open(sys.argv[1], encoding="utf-8", newline="").read().replace("\r\n ", "")
vtz = text[text.index("BEGIN:VTIMEZONE"):text.index("END:VTIMEZONE")]
lines = vtz.split("\r\n")
assert "TZID:Europe/Kyiv" in lines, vtz
assert vtz.count("BEGIN:DAYLIGHT") == 1 and vtz.count("BEGIN:STANDARD") == 1, vtz
std = vtz[vtz.index("BEGIN:STANDARD"):vtz.index("END:STANDARD")]
day = vtz[vtz.index("BEGIN:DAYLIGHT"):vtz.index("END:DAYLIGHT")]
assert "TZOFFSETFROM:+0300" in std and "TZOFFSETTO:+0200" in std and "BYMONTH=10" in std, std
assert "TZOFFSETFROM:+0200" in day and "TZOFFSETTO:+0300" in day and "BYMONTH=3" in day, day
assert "BYDAY=-1SU" in std and "BYDAY=-1SU" in day
for l in lines:
    if l.startswith("TZOFFSET"):
        assert len(l.split(":")[1]) == 5, "an offset with seconds: " + l
    if l.startswith("DTSTART"):
        assert l[8:12] >= "2020", "an observance the plan does not need: " + l
print("VTIMEZONE ok:", " | ".join(lines[1:]))
PY

step "Ukrainian words, and the deadline's times"
"$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = [e["summary"] for e in d["events"].values() if e["summary"].startswith("Термін: ")]
assert len(s) == 3, s
' "$T/plan.py.json" || fail "Термін: prefix"
uid6=$(uid_of 6 -due)
assert_eq 2026-10-27T17:00:00Z "$(jget "d['events']['$uid6']['end']" "$(cat "$T/plan.py.json")")" "a timed deadline's VEVENT lasts an hour"

stop_daemon
echo "PASS: $TEST_NAME"
