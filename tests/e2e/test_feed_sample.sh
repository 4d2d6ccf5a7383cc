#!/usr/bin/env bash
# Feeds of the sample plan (shared/samples/nadezhda-2017.csv, Asia/Krasnoyarsk): the whole plan
# and personal feeds read by python-icalendar, ical.js and node-ical with the right components
# at the right instants; every line <= 75 octets of UTF-8; HTTP validators, HEAD and gzip;
# done, cancel and the 30 days a cancelled item stays; secrets: unknown, rotated, refused.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/feed_sample.sh"

feed_npm
feed_start 2017-11-10T03:00:00Z

step "load the sample plan"
slug=$(feed_load_sample)
assert_eq nedelya-kachestva-sotsialnykh-uslug-2017 "$slug" "slug"
feed_api POST /api/v1/plans/_/people '{"name": "Иванова А. П.", "groups": ["Заведующие отделениями"]}' >/dev/null
feed_api POST /api/v1/plans/_/items '{"title": "Консультация для родителей, законных представителей; «Права ребёнка» \\ вопросы", "when": "13.11 11.00", "who": ["Иванова А. П."], "where": "Кабинет 12, 2-й этаж"}' >/dev/null
feed_api GET /api/v1/plans/_/items >"$T/items.json"

step "the plan's feed, over TCP"
plan_url=$(feed_url)
assert_match "^http://127\.0\.0\.1:$FEED_PORT/feeds/[a-z2-7]{26}\.ics$" "$plan_url" "feed URL"
assert_eq 200 "$(fetch "$plan_url")" "GET plan feed"
assert_eq "text/calendar; charset=utf-8" "$(header Content-Type)" "Content-Type"
cp "$T/f.body" "$T/plan.ics"
check_feed plan "$T/plan.ics" "$T/items.json" both
assert_eq "15 15 15" "$(count_in plan events)" "VEVENTs (12 events and spans, 3 deadlines)"
assert_eq "3 3 3" "$(count_in plan todos)" "VTODOs"

step "14.11 в 15.00 in Krasnoyarsk is 08:00Z for every parser"
uid73=$(uid_of 7.3)
for p in py icaljs nodeical; do
	assert_eq 2017-11-14T08:00:00Z "$(jget "d['events']['$uid73']['start']" "$(cat "$T/plan.$p.json")")" "$p 7.3"
done
uid9=$(uid_of 9 -due)
assert_eq 2016-12-31 "$(jget "d['events']['$uid9']['start']" "$(cat "$T/plan.py.json")")" "a month's deadline on its last day"

step "the calendar's own properties and its VTIMEZONE"
tr -d '\r' <"$T/plan.ics" | "$PY" -c '
import sys
text = sys.stdin.read().replace("\n ", "")
lines = text.split("\n")
for want in ("BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:Неделя качества социальных услуг 2017", "X-WR-TIMEZONE:Asia/Krasnoyarsk",
             "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H", "TZID:Asia/Krasnoyarsk"):
    assert want in lines, "missing " + want
assert any(l.startswith("PRODID:") for l in lines)
# No METHOD: a subscription is not an iTIP message (PUBLISH would want an ORGANIZER per VEVENT).
assert not any(l.startswith("METHOD") for l in lines), "a METHOD"
assert "freeassociation" not in text, "a libical TZID"
vtz = text[text.index("BEGIN:VTIMEZONE"):text.index("END:VTIMEZONE")]
assert "DAYLIGHT" not in vtz and vtz.count("BEGIN:STANDARD") == 1, vtz
assert "TZOFFSETTO:+0700" in vtz
outside = text[:text.index("BEGIN:VTIMEZONE")] + text[text.index("END:VTIMEZONE"):]
for l in outside.split("\n"):
    if l.startswith(("DTSTART", "DTEND", "DUE")):
        assert ";TZID=Asia/Krasnoyarsk:" in l or ";VALUE=DATE:" in l, "floating or UTC time: " + l
for l in vtz.split("\n"):
    if l.startswith("TZOFFSET"):
        assert len(l.split(":")[1]) == 5, "an offset with seconds: " + l
print("header and VTIMEZONE ok")
' || fail "calendar properties"

step "escaping: commas, semicolons, backslashes, new lines"
"$PY" -c 'import sys; t = open(sys.argv[1], encoding="utf-8", newline="").read().replace("\r\n ", ""); sys.exit("LOCATION:Кабинет 12\\, 2-й этаж\r\n" not in t)' "$T/plan.ics" || fail "LOCATION not escaped"
jget "[e['summary'] for e in d['events'].values() if 'Консультация' in e['summary']][0]" "$(cat "$T/plan.py.json")" >"$T/s.txt"
assert_eq 'Консультация для родителей, законных представителей; «Права ребёнка» \ вопросы' "$(cat "$T/s.txt")" "SUMMARY round trip"

step "variants: ?todo=only, ?todo=none, ?alarms=0"
fetch "$plan_url?todo=only" >/dev/null && cp "$T/f.body" "$T/only.ics"
check_feed only "$T/only.ics" "$T/items.json" only
assert_eq "12 12 12" "$(count_in only events)" "todo=only VEVENTs"
fetch "$plan_url?todo=none" >/dev/null && cp "$T/f.body" "$T/none.ics"
check_feed none "$T/none.ics" "$T/items.json" none
assert_eq "0 0 0" "$(count_in none todos)" "todo=none VTODOs"
assert_eq 39 "$(grep -c "^BEGIN:VALARM" "$T/plan.ics")" "VALARMs: 9 timed events x 2, 3 spans x 1 (no \"1h\" for whole days), 3 deadlines x 3 in the VTODO and 3 in the VEVENT"
fetch "$plan_url?alarms=0" >/dev/null
assert_eq 0 "$(grep -c '^BEGIN:VALARM' "$T/f.body" || true)" "alarms=0"
assert_eq 400 "$(fetch "$plan_url?todo=maybe")" "a bad option"

step "personal feeds: a person's own items and those of their groups"
for who in "Заместитель директора" "Иванова А. П." "Психологи"; do
	url=$(feed_url "$who")
	name=p$(printf '%s' "$who" | md5sum | cut -c1-8)
	fetch "$url" >/dev/null
	cp "$T/f.body" "$T/$name.ics"
	feed_api GET "/api/v1/plans/_/items?who=$("$PY" -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$who")" >"$T/$name.items.json"
	check_feed "$name" "$T/$name.ics" "$T/$name.items.json" both
	assert_eq "Неделя качества социальных услуг 2017 — $who" "$(jget "d['calname']" "$(cat "$T/$name.py.json")")" "$who: X-WR-CALNAME"
	echo "   $who: $(count_in "$name" events) VEVENT, $(count_in "$name" todos) VTODO"
done
name=p$(printf '%s' "Иванова А. П." | md5sum | cut -c1-8)
assert_eq "3 3 3" "$(count_in "$name" events)" "Иванова: her consultation, and her group's survey and deadline: VEVENTs"
assert_eq "1 1 1" "$(count_in "$name" todos)" "Иванова: VTODOs"

step "HTTP: strong ETag, 304, If-Modified-Since, HEAD, gzip, both listeners"
fetch "$plan_url" >/dev/null
etag=$(header ETag)
modified=$(header Last-Modified)
assert_match '^"[0-9a-f]{32}"$' "$etag" "a strong ETag"
assert_eq 304 "$(fetch "$plan_url" -H "If-None-Match: $etag")" "If-None-Match"
assert_eq 0 "$(stat -c %s "$T/f.body")" "304 body"
assert_eq "$etag" "$(header ETag)" "ETag on 304"
assert_eq 304 "$(fetch "$plan_url" -H "If-None-Match: \"x\", W/$etag")" "weak, in a list"
assert_eq 200 "$(fetch "$plan_url" -H 'If-None-Match: "x"')" "another ETag"
assert_eq 304 "$(fetch "$plan_url" -H "If-Modified-Since: $modified")" "If-Modified-Since"
assert_eq 200 "$(fetch "$plan_url" -H "If-Modified-Since: Thu, 09 Nov 2017 00:00:00 GMT")" "older If-Modified-Since"
assert_eq 200 "$(fetch "$plan_url" -I)" "HEAD"
assert_eq "$(stat -c %s "$T/plan.ics")" "$(header Content-Length)" "HEAD Content-Length"
assert_eq 200 "$(fetch "$plan_url" -H 'Accept-Encoding: gzip')" "gzip"
assert_eq gzip "$(header Content-Encoding)" "Content-Encoding"
gzip -dc <"$T/f.body" | cmp -s - "$T/plan.ics" || fail "the gzip body is not the feed"
gzetag=$(header ETag)
[[ $gzetag != "$etag" ]] || fail "the gzip body has the same ETag"
assert_eq 304 "$(fetch "$plan_url" -H 'Accept-Encoding: gzip' -H "If-None-Match: $gzetag")" "gzip 304"
assert_eq 200 "$(fetch "$plan_url" -H 'Accept-Encoding: gzip;q=0')" "gzip;q=0"
[[ -z $(header Content-Encoding) ]] || fail "gzip sent though q=0"
secret_path=${plan_url#$FEED_BASE}
curl -s --max-time 10 --unix-socket "$T/q.sock" "http://localhost$secret_path" | cmp -s - "$T/plan.ics" ||
	fail "the Unix socket serves another feed"

step "nothing changed: the same bytes, even as time goes by (DTSTAMP is never now)"
feed_api PUT /api/v1/clock '{"now": "2017-11-12T05:00:00Z"}' >/dev/null
fetch "$plan_url" >/dev/null
cmp -s "$T/f.body" "$T/plan.ics" || fail "the feed changed though the plan did not"
assert_eq "$etag" "$(header ETag)" "ETag later"

step "unknown secrets: a bare 404"
for path in /feeds/abcdefghijklmnopqrstuvwxyz.ics /feeds/nothing.ics /feeds/x "${secret_path%.ics}" "${secret_path}x"; do
	assert_eq 404 "$(fetch "$FEED_BASE$path")" "$path"
	assert_match '^text/plain' "$(header Content-Type)" "$path: Content-Type"
	grep -q '[{}]' "$T/f.body" && fail "$path: the 404 says more than not found: $(cat "$T/f.body")"
done

step "done: ETag changes, SEQUENCE goes up, a visible mark"
seq0=$(jget "d['events']['$uid73']['sequence']" "$(cat "$T/plan.py.json")")
feed_api POST /api/v1/plans/_/items/7.3/done '{"note": "Проведено: 12 детей"}' >/dev/null
feed_api POST /api/v1/plans/_/items/1/done '{}' >/dev/null
assert_eq 200 "$(fetch "$plan_url" -H "If-None-Match: $etag")" "the old ETag after done"
[[ $(header ETag) != "$etag" ]] || fail "ETag unchanged after done"
cp "$T/f.body" "$T/done.ics"
feed_api GET /api/v1/plans/_/items >"$T/items2.json"
check_feed done "$T/done.ics" "$T/items2.json" both
seq1=$(jget "d['events']['$uid73']['sequence']" "$(cat "$T/done.py.json")")
((seq1 > seq0)) || fail "SEQUENCE $seq0 -> $seq1"
assert_match '^✓ Мастер-класс' "$(jget "d['events']['$uid73']['summary']" "$(cat "$T/done.py.json")")" "done mark"
uid1=$(uid_of 1)
assert_eq COMPLETED "$(jget "d['todos']['$uid1']['status']" "$(cat "$T/done.py.json")")" "VTODO status"
assert_match '^✓ Срок: ' "$(jget "d['events']['${uid1/@/-due@}']['summary']" "$(cat "$T/done.py.json")")" "deadline VEVENT mark"
grep -q $'^PERCENT-COMPLETE:100\r$' "$T/done.ics" || fail "PERCENT-COMPLETE"
grep -q $'^COMPLETED:20171112T050000Z\r$' "$T/done.ics" || fail "COMPLETED"
newetag=$(header ETag)
assert_eq 304 "$(fetch "$plan_url" -H "If-None-Match: $newetag")" "304 to the new ETag"

step "cancel: STATUS:CANCELLED for 30 days, then gone"
uid8=$(uid_of 8)
feed_api POST /api/v1/plans/_/items/8/cancel '{"note": "перенесено"}' >/dev/null
fetch "$plan_url" >/dev/null
cp "$T/f.body" "$T/cancel.ics"
feed_api GET /api/v1/plans/_/items >"$T/items3.json"
check_feed cancel "$T/cancel.ics" "$T/items3.json" both
assert_eq CANCELLED "$(jget "d['events']['$uid8']['status']" "$(cat "$T/cancel.py.json")")" "cancelled"
etag=$(header ETag)
feed_api PUT /api/v1/clock '{"now": "2017-12-12T04:59:59Z"}' >/dev/null
assert_eq 304 "$(fetch "$plan_url" -H "If-None-Match: $etag")" "29 days 23:59:59 later"
feed_api PUT /api/v1/clock '{"now": "2017-12-12T05:00:00Z"}' >/dev/null
assert_eq 200 "$(fetch "$plan_url" -H "If-None-Match: $etag")" "30 days later"
grep -q "UID:$uid8" "$T/f.body" && fail "the cancelled item is still there after 30 days"
assert_eq 14 "$(grep -c '^BEGIN:VEVENT' "$T/f.body")" "VEVENTs without the cancelled item"

step "secrets: shown again, rotated, refused over TCP"
status=$(curl -s -o "$T/r.json" -w '%{http_code}' --max-time 10 --unix-socket "$T/q.sock" \
	-H 'Content-Type: application/json' -d '{}' http://localhost/api/v1/plans/_/feeds)
assert_eq 200 "$status" "asking again without rotate"
assert_eq "$plan_url" "$(jget "d['http']" "$(cat "$T/r.json")")" "the same URL, shown again"
assert_eq 200 "$(fetch "$plan_url")" "the URL shown again still works"
new_url=$(feed_api POST /api/v1/plans/_/feeds '{"rotate": true}' | jget "d['http']")
[[ $new_url != "$plan_url" ]] || fail "rotate gave the same URL"
assert_eq 404 "$(fetch "$plan_url")" "the old URL after rotate"
assert_eq 200 "$(fetch "$new_url")" "the new URL"
assert_eq "$new_url" "$(feed_api POST /api/v1/plans/_/feeds '{}' | jget "d['http']")" "the new URL, shown again"
assert_match '^40[13]$' "$(fetch "$FEED_BASE/api/v1/plans/_/feeds" -X POST -H 'Content-Type: application/json' -d '{"rotate": true}')" "POST feeds over TCP"
assert_eq 200 "$(fetch "$new_url")" "the feed, still"
assert_eq 4 "$(feed_api GET /api/v1/plans/_/feeds | jget "len(d['feeds'])")" "feeds listed"

step "export.ics over the socket"
status=$(curl -s -o "$T/export.ics" -D "$T/export.h" -w '%{http_code}' --max-time 10 \
	--unix-socket "$T/q.sock" http://localhost/api/v1/plans/_/export.ics)
assert_eq 200 "$status" "export"
grep -qi '^Content-Type: text/calendar; charset=utf-8' "$T/export.h" || fail "export Content-Type"
fetch "$new_url" >/dev/null
cmp -s "$T/export.ics" "$T/f.body" || fail "export differs from the plan feed"

step "valgrind-clean exit"
stop_daemon
echo "PASS: $TEST_NAME"
