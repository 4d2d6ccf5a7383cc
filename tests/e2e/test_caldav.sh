# CalDAV tasks that write back (issue 16): a real client (python3-caldav) discovers the tasks
# from the URL `person link` prints and ticks one off, recorded as that person; then, over curl,
# what a client sends (PUTs ticking and un-ticking the ways clients do, a sync after one change)
# and every refusal: another person's task, a changed summary, a stale If-Match, a wrong
# password (401, slowed, never locked out), malformed XML and an entity bomb, DELETE, MKCALENDAR.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$PY" -c 'import caldav' 2>/dev/null || skip "python3-caldav is not installed"
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
CHECK="$PY $QWEEK_SRC/tests/e2e/caldav_check.py"

api() { curl -sf --unix-socket "$T/q.sock" "$@"; }
clock() {
	api -X PUT -H 'Content-Type: application/json' -d "{\"now\":\"$1\"}" \
		http://localhost/api/v1/clock >/dev/null
}
# dav METHOD PATH [CURL ARGS...]: the status; headers in $T/d.h, the body in $T/d.b.
dav() {
	local m=$1 path=$2
	shift 2
	curl -s --max-time 20 -X "$m" -D "$T/d.raw" -o "$T/d.b" -w '%{http_code}' \
		-u "$LOGIN:$PASS" "$@" "$BASE$path"
	tr -d '\r' <"$T/d.raw" >"$T/d.h"
}
body() { cat "$T/d.b"; }
state_of() { jget '" ".join(str(d[k]) for k in ("state", "done_by", "title"))' "$(qj show "@$1")"; }

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon --listen "127.0.0.1:$PORT"

step "a plan: a psychologist, her group, her items, someone else's"
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk \
	>/dev/null
q person add "Иванова А. П." --group "Психологи" >/dev/null
q person add "Петров С. И." >/dev/null
add() { qj add "$@" 2>/dev/null | jget 'd["id"]'; }
OPEN_DAY=$(add "Открытое занятие" --when "13.11 10.00" --no 2 --who "Иванова А. П.")
REPORT=$(add "Справка" --due 15.11.2017 --no 5 --who "Иванова А. П.")
TRAINING=$(add "Тренинг" --when "15.11 9.00-12.00" --no 4 --who "Психологи")
OTHER=$(add "Отчёт Петрова" --when "14.11 18.00" --no 6 --who "Петров С. И.")

step "person link --json: the CalDAV URL and a login that stays"
LINK=$(qj person link "Иванова А. П.")
URL=$(jget 'd["caldav"]["url"]' "$LINK")
LOGIN=$(jget 'd["caldav"]["username"]' "$LINK")
assert_eq "$BASE/dav/" "$URL" "the CalDAV URL"
assert_match '^[a-z0-9-]+$' "$LOGIN" "an ASCII login"
q person add "Иванова А. П. (копия)" >/dev/null
assert_eq "$LOGIN" "$(jget 'd["caldav"]["username"]' "$(qj person link "Иванова А. П.")")" \
	"the same login asked again"
PETROV=$(jget 'd["caldav"]["username"]' "$(qj person link "Петров С. И.")")
[[ $PETROV != "$LOGIN" ]] || fail "two people share the login $LOGIN"
PASS=$(q person token "Иванова А. П." --role staff 2>/dev/null)
PETROV_PASS=$(q person token "Петров С. И." --role staff 2>/dev/null)

step "python3-caldav: discover from the URL, list the tasks (hers and her group's, no one else's)"
$CHECK "$URL" "$LOGIN" "$PASS" list >"$T/list" || fail "caldav list: $(cat "$T/list")"
assert_eq 3 "$(wc -l <"$T/list")" "three tasks"
grep -q "/dav/$LOGIN/tasks/$TRAINING.ics	Тренинг	NEEDS-ACTION" "$T/list" || fail "the group's item: $(cat "$T/list")"
grep -q "Отчёт Петрова" "$T/list" && fail "someone else's item is listed"

step "python3-caldav: complete() → done, by her"
$CHECK "$URL" "$LOGIN" "$PASS" complete "Справка" >/dev/null || fail "complete() failed"
assert_eq "done Иванова А. П. Справка" "$(state_of "$REPORT")" "done by the person signed in"
$CHECK "$URL" "$LOGIN" "$PASS" list >"$T/list"
grep -q "Справка	COMPLETED" "$T/list" || fail "the done task comes back completed: $(cat "$T/list")"

step "discovery: the well-known name, OPTIONS, the principal and its home"
assert_eq 301 "$(dav PROPFIND /.well-known/caldav)" "/.well-known/caldav"
assert_eq "/dav/" "$(sed -n 's/^Location: //p' "$T/d.h")" "leads to /dav/"
assert_eq 200 "$(dav OPTIONS /dav/)" "OPTIONS"
grep -q '^DAV: 1, 3, calendar-access$' "$T/d.h" || fail "the DAV header: $(cat "$T/d.h")"
assert_eq 207 "$(dav PROPFIND /dav/ -H 'Depth: 0' -H 'Content-Type: application/xml' --data \
	'<propfind xmlns="DAV:"><prop><current-user-principal/></prop></propfind>')" "PROPFIND /dav/"
grep -q "<d:current-user-principal><d:href>/dav/$LOGIN/</d:href>" "$T/d.b" || fail "$(body)"
assert_eq 207 "$(dav PROPFIND "/dav/$LOGIN/" -H 'Depth: 0' --data \
	'<propfind xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><prop><C:calendar-home-set/><foo xmlns="urn:x"/></prop></propfind>')" "the principal"
grep -q "<c:calendar-home-set><d:href>/dav/$LOGIN/</d:href>" "$T/d.b" || fail "$(body)"
grep -q '<x:foo xmlns:x="urn:x"/></d:prop><d:status>HTTP/1.1 404 Not Found' "$T/d.b" ||
	fail "an unknown property is 404: $(body)"

step "PUT: PERCENT-COMPLETE:100 alone ticks it (Tasks.org), NEEDS-ACTION reopens it"
assert_eq 200 "$(dav GET "/dav/$LOGIN/tasks/$OPEN_DAY.ics")" "GET"
ETAG=$(sed -n 's/^ETag: //p' "$T/d.h")
grep -q '^BEGIN:VTODO' "$T/d.b" || fail "a VTODO: $(body)"
grep -q '^DTSTART;TZID=Asia/Krasnoyarsk:20171113T100000' "$T/d.b" || fail "an event's DTSTART: $(body)"
sed 's/^PERCENT-COMPLETE:0/PERCENT-COMPLETE:100/; s/^SEQUENCE:.*/SEQUENCE:7/; /^END:VTODO/i X-TASKS-ORG:1' \
	"$T/d.b" >"$T/tick.ics"
assert_eq 204 "$(dav PUT "/dav/$LOGIN/tasks/$OPEN_DAY.ics" -H "If-Match: $ETAG" \
	-H 'Content-Type: text/calendar' --data-binary @"$T/tick.ics")" "a tick"
assert_eq "done Иванова А. П. Открытое занятие" "$(state_of "$OPEN_DAY")" "done"

step "a stale If-Match is 412 and changes nothing"
sed 's/^STATUS:COMPLETED/STATUS:NEEDS-ACTION/; /^PERCENT-COMPLETE/d; /^COMPLETED/d' "$T/tick.ics" >"$T/untick.ics"
assert_eq 412 "$(dav PUT "/dav/$LOGIN/tasks/$OPEN_DAY.ics" -H "If-Match: $ETAG" \
	--data-binary @"$T/untick.ics")" "the ETag from before the tick"
assert_eq "done Иванова А. П. Открытое занятие" "$(state_of "$OPEN_DAY")" "still done"
dav GET "/dav/$LOGIN/tasks/$OPEN_DAY.ics" >/dev/null
ETAG2=$(sed -n 's/^ETag: //p' "$T/d.h")
[[ $ETAG2 != "$ETAG" ]] || fail "the ETag moves with a change"
grep -q '^STATUS:COMPLETED' "$T/d.b" || fail "done is COMPLETED: $(body)"
sed 's/^STATUS:COMPLETED/STATUS:NEEDS-ACTION/; s/^PERCENT-COMPLETE:100/PERCENT-COMPLETE:0/; /^COMPLETED/d' \
	"$T/d.b" >"$T/untick.ics"
assert_eq 204 "$(dav PUT "/dav/$LOGIN/tasks/$OPEN_DAY.ics" -H "If-Match: $ETAG2" \
	--data-binary @"$T/untick.ics")" "un-ticked"
assert_eq "open None Открытое занятие" "$(state_of "$OPEN_DAY")" "reopened"

step "a COMPLETED time is the done time; a summary change is 403 and changes nothing"
dav GET "/dav/$LOGIN/tasks/$OPEN_DAY.ics" >/dev/null
sed 's/^STATUS:NEEDS-ACTION/STATUS:COMPLETED\nCOMPLETED:20171114T041500Z/' "$T/d.b" >"$T/done.ics"
sed 's/^SUMMARY:.*/SUMMARY:Другое/' "$T/done.ics" >"$T/renamed.ics"
assert_eq 403 "$(dav PUT "/dav/$LOGIN/tasks/$OPEN_DAY.ics" --data-binary @"$T/renamed.ics")" "a new summary"
grep -q '<c:valid-calendar-data/>' "$T/d.b" || fail "a DAV:error precondition: $(body)"
assert_eq "open None Открытое занятие" "$(state_of "$OPEN_DAY")" "unchanged"
sed 's/^DTSTART;TZID=Asia\/Krasnoyarsk:20171113T100000/DTSTART:20171113T030000Z/' "$T/done.ics" >"$T/utc.ics"
assert_eq 204 "$(dav PUT "/dav/$LOGIN/tasks/$OPEN_DAY.ics" --data-binary @"$T/utc.ics")" \
	"the same start written in UTC is no change"
assert_eq "2017-11-14T11:15:00+07:00" "$(jget 'd["done_at"]' "$(qj show "@$OPEN_DAY")")" "done at COMPLETED"

step "another person's task: 404 to read, 403 to write, their principal 403"
assert_eq 404 "$(dav GET "/dav/$LOGIN/tasks/$OTHER.ics")" "GET someone else's"
assert_eq 403 "$(dav PUT "/dav/$LOGIN/tasks/$OTHER.ics" --data-binary @"$T/done.ics")" "PUT someone else's"
assert_eq 403 "$(dav PROPFIND "/dav/$PETROV/" -H 'Depth: 0')" "another principal"
assert_eq 403 "$(dav PUT "/dav/$LOGIN/tasks/new-task.ics" --data-binary @"$T/done.ics")" "a new resource"
assert_eq "open None Отчёт Петрова" "$(state_of "$OTHER")" "unchanged"
assert_eq 403 "$(dav DELETE "/dav/$LOGIN/tasks/$REPORT.ics")" "DELETE"
assert_eq 403 "$(dav MKCALENDAR "/dav/$LOGIN/new/")" "MKCALENDAR"
assert_eq "done Иванова А. П. Справка" "$(state_of "$REPORT")" "unchanged"

step "sync-collection: after one change, exactly that task"
SYNC='<sync-collection xmlns="DAV:"><sync-token>%s</sync-token><sync-level>1</sync-level><prop><getetag/></prop></sync-collection>'
assert_eq 207 "$(dav REPORT "/dav/$LOGIN/tasks/" --data "$(printf "$SYNC" "")")" "an initial sync"
assert_eq 3 "$(grep -o '<d:response>' "$T/d.b" | wc -l)" "every task"
TOKEN=$(sed -n 's:.*<d\:sync-token>\(.*\)</d\:sync-token>.*:\1:p' "$T/d.b")
[[ -n $TOKEN ]] || fail "no sync token: $(body)"
clock 2017-11-14T06:00:00Z
q done "@$TRAINING" >/dev/null
assert_eq 207 "$(dav REPORT "/dav/$LOGIN/tasks/" --data "$(printf "$SYNC" "$TOKEN")")" "a sync"
assert_eq 1 "$(grep -o '<d:response>' "$T/d.b" | wc -l)" "one task: $(body)"
grep -q "<d:href>/dav/$LOGIN/tasks/$TRAINING.ics</d:href>" "$T/d.b" || fail "the changed one: $(body)"
assert_eq 403 "$(dav REPORT "/dav/$LOGIN/tasks/" --data "$(printf "$SYNC" "urn:x")")" "a foreign token"
grep -q '<d:valid-sync-token/>' "$T/d.b" || fail "$(body)"

step "calendar-multiget: the hrefs asked, 404 for one that is not hers"
MG="<C:calendar-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop><D:getetag/><C:calendar-data/></D:prop><D:href>/dav/$LOGIN/tasks/$REPORT.ics</D:href><D:href>/dav/$LOGIN/tasks/$OTHER.ics</D:href></C:calendar-multiget>"
assert_eq 207 "$(dav REPORT "/dav/$LOGIN/tasks/" -H 'Depth: 1' --data "$MG")" "multiget"
grep -q 'SUMMARY:Справка' "$T/d.b" || fail "calendar-data: $(body)"
grep -q "<d:href>/dav/$LOGIN/tasks/$OTHER.ics</d:href><d:status>HTTP/1.1 404" "$T/d.b" || fail "$(body)"

step "malformed XML and an entity bomb: 400, at once"
assert_eq 400 "$(dav PROPFIND "/dav/$LOGIN/" --data '<propfind xmlns="DAV:"><prop>')" "malformed"
"$PY" - >"$T/bomb.xml" <<'PYEOF'
print('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">')
for i in range(1, 10):
    print(' <!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10))
print(']>\n<propfind xmlns="DAV:"><prop><displayname>&lol9;</displayname></prop></propfind>')
PYEOF
START=$(date +%s%N)
assert_eq 400 "$(dav PROPFIND "/dav/$LOGIN/" --data-binary @"$T/bomb.xml")" "an entity bomb"
(($(date +%s%N) - START < 2000000000)) || fail "the bomb took long"
grep -q DOCTYPE "$T/d.b" || fail "the refusal names the DOCTYPE: $(body)"
NEST=$(printf '<a xmlns="DAV:">%.0s' {1..100})
assert_eq 400 "$(dav PROPFIND "/dav/$LOGIN/" --data "$NEST")" "too deep"

step "a wrong password: 401, later each time; the right one a few seconds after works at once"
ms() { curl -s -o /dev/null -w '%{http_code} %{time_total}' -X PROPFIND -u "$1" "$BASE/dav/"; }
read -r code t1 <<<"$(ms "$LOGIN:wrong-one")"
assert_eq 401 "$code" "a wrong password"
read -r code t2 <<<"$(ms "$LOGIN:wrong-two")"
assert_eq 401 "$code" "another"
awk -v a="$t1" -v b="$t2" 'BEGIN { exit !(a >= 0.2 && b >= 0.45) }' || fail "not slowed: $t1 s, $t2 s"
read -r code t3 <<<"$(ms "$LOGIN:$PASS")"
assert_eq 207 "$code" "the right password"
awk -v a="$t3" 'BEGIN { exit !(a < 0.2) }' || fail "the right one waited $t3 s"
assert_eq 401 "$(dav PROPFIND /dav/ -u "$LOGIN:$PETROV_PASS")" "another person's token"
assert_eq 401 "$(curl -s -o /dev/null -w '%{http_code}' -X PROPFIND "$BASE/dav/")" "no credentials"
grep -q "$PASS" "$DAEMON_LOG" && fail "a password is in the log"
grep -q "wrong-one" "$DAEMON_LOG" && fail "a wrong password is in the log"

step "the person's page: an app password made (shown once), used, listed, revoked"
PAGE=$(jget 'd["page"]' "$LINK")
curl -s "$PAGE" | grep -q 'href="?caldav=1"' || fail "the page leads to the task-app part"
curl -s "$PAGE?caldav=1" >"$T/app.html"
grep -q "value=\"$BASE/dav/\"" "$T/app.html" || fail "the URL on the page"
grep -q "value=\"$LOGIN\"" "$T/app.html" || fail "the login on the page"
code=$(curl -s -o "$T/made.html" -w '%{http_code}' --data-urlencode action=app-password \
	--data-urlencode "label=Телефон" "$PAGE")
assert_eq 201 "$code" "an app password made"
APP=$(sed -n 's/.*id="dav-password" type="text" readonly value="\([a-z2-7]*\)".*/\1/p' "$T/made.html")
assert_match '^[a-z2-7]{24}$' "$APP" "shown once"
curl -s "$PAGE?caldav=1" | grep -q "$APP" && fail "the password is shown again"
curl -s "$PAGE?caldav=1" | grep -q "Телефон" || fail "the password is listed by its label"
PASS=$APP
assert_eq 207 "$(dav PROPFIND /dav/ -H 'Depth: 0')" "the app password signs in"
$CHECK "$URL" "$LOGIN" "$APP" list >/dev/null || fail "python3-caldav with the app password"
ID=$(sed -n 's/.*name="password" value="\([0-9]*\)".*/\1/p' "$T/made.html" | head -1)
assert_eq 303 "$(curl -s -o /dev/null -w '%{http_code}' --data "action=app-password-revoke&password=$ID" "$PAGE")" "revoked"
assert_eq 401 "$(dav PROPFIND /dav/ -H 'Depth: 0')" "a revoked password"
grep -q "$APP" "$DAEMON_LOG" && fail "the app password is in the log"
sqlite3 "$T/q.db" 'SELECT count(*) FROM app_passwords' | grep -qx 0 || fail "the revoked row is gone"

stop_daemon
echo "OK"
