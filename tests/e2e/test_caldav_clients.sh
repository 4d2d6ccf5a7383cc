# The requests DAVx⁵, Thunderbird and Apple's Calendar/Reminders send (tests/e2e/caldav_clients/,
# each citing where its body comes from), replayed against qweekd as the client sends them
# (method, Depth, path) and each answer checked: a 207 whose XML parses, the properties a
# client needs with 200 and the rest with 404, the tasks and their data.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

F=$QWEEK_SRC/tests/e2e/caldav_clients
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon --listen "127.0.0.1:$PORT"
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk \
	>/dev/null
q person add "Иванова А. П." >/dev/null
TASK=$(qj add "Справка" --due 15.11.2017 --no 5 --who "Иванова А. П." | jget 'd["id"]')
qj add "Открытое занятие" --when "13.11 10.00" --no 2 --who "Иванова А. П." >/dev/null
LOGIN=$(jget 'd["caldav"]["username"]' "$(qj person link "Иванова А. П.")")
PASS=$(q person token "Иванова А. П." --role staff 2>/dev/null)
HOME_=/dav/$LOGIN/
TASKS=/dav/$LOGIN/tasks/

# replay METHOD DEPTH PATH FIXTURE: the status; the body in $T/r.xml (checked to parse).
replay() {
	local code
	sed "s|@TASK@|$TASKS$TASK.ics|; s|@TOKEN@|${TOKEN:-}|" "$F/$4" >"$T/req.xml"
	code=$(curl -s --max-time 20 -X "$1" -H "Depth: $2" -H 'Content-Type: application/xml; charset=utf-8' \
		-u "$LOGIN:$PASS" --data-binary @"$T/req.xml" -o "$T/r.xml" -w '%{http_code}' "$BASE$3")
	"$PY" -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$T/r.xml" 2>/dev/null ||
		fail "$4: the answer is not XML: $(cat "$T/r.xml")"
	echo "$code"
}
# ok PROPERTY…: each property element is in a 200 propstat; missing PROPERTY…: in a 404 one.
propstat() {
	"$PY" - "$T/r.xml" "$@" <<'PYEOF'
import sys
import xml.etree.ElementTree as ET
want, names = sys.argv[2], sys.argv[3:]
found = {}
for ps in ET.parse(sys.argv[1]).getroot().iter("{DAV:}propstat"):
    status = ps.find("{DAV:}status").text
    for p in ps.find("{DAV:}prop"):
        found.setdefault(p.tag.split("}")[1], set()).add(status.split()[1])
bad = [n for n in names if want not in found.get(n, ())]
if bad:
    sys.exit("not %s: %s (found %s)" % (want, bad, found))
PYEOF
}
ok() { propstat 200 "$@" || fail "$STEP"; }
missing() { propstat 404 "$@" || fail "$STEP"; }
has() { grep -q -- "$1" "$T/r.xml" || fail "$STEP: no $1 in $(cat "$T/r.xml")"; }

step "DAVx⁵: the principal from the URL typed in"
assert_eq 207 "$(replay PROPFIND 0 /dav/ davx5_principal.xml)" "$STEP"
ok resourcetype current-user-principal calendar-home-set
has "<d:current-user-principal><d:href>$HOME_</d:href>"
step "DAVx⁵: the home set's collections"
assert_eq 207 "$(replay PROPFIND 1 "$HOME_" davx5_homeset.xml)" "$STEP"
ok current-user-privilege-set displayname owner resourcetype supported-calendar-component-set calendar-color
missing transports topic calendar-timezone-id source
has "<d:href>$TASKS</d:href>"
has '<c:comp name="VTODO"/>'
has '<d:write-content/>'
step "DAVx⁵: a first sync, then the tasks' data"
assert_eq 207 "$(replay REPORT 1 "$TASKS" davx5_sync.xml)" "$STEP"
assert_eq 2 "$(grep -o '<d:response>' "$T/r.xml" | wc -l)" "both tasks"
has '<d:sync-token>http'
ok getetag getcontenttype
assert_eq 207 "$(replay REPORT 1 "$TASKS" davx5_multiget.xml)" "$STEP"
ok calendar-data getetag getcontenttype
has 'BEGIN:VTODO'
has 'SUMMARY:Справка'

step "Thunderbird: checking the calendar URL"
assert_eq 207 "$(replay PROPFIND 0 "$TASKS" thunderbird_check.xml)" "$STEP"
ok resourcetype owner current-user-principal current-user-privilege-set supported-report-set supported-calendar-component-set getctag
has '<c:calendar/>'
has '<c:calendar-multiget/>'
step "Thunderbird: the items' ETags, then an item"
assert_eq 207 "$(replay PROPFIND 1 "$TASKS" thunderbird_etags.xml)" "$STEP"
assert_eq 3 "$(grep -o '<d:response>' "$T/r.xml" | wc -l)" "the collection and both tasks"
ok getetag getcontenttype resourcetype
assert_eq 207 "$(replay REPORT 1 "$TASKS" thunderbird_multiget.xml)" "$STEP"
has "<d:href>$TASKS$TASK.ics</d:href>"
has 'STATUS:NEEDS-ACTION'

step "Apple: the principal, the calendar home, a sync"
assert_eq 207 "$(replay PROPFIND 0 "$HOME_" apple_principal.xml)" "$STEP"
ok current-user-principal principal-URL resourcetype
assert_eq 207 "$(replay PROPFIND 1 "$HOME_" apple_home.xml)" "$STEP"
ok displayname getctag calendar-color current-user-privilege-set resourcetype supported-calendar-component-set supported-report-set sync-token owner
missing add-member bulk-requests calendar-order quota-used-bytes pushkey
TOKEN=$(sed -n 's:.*<d\:sync-token>\([^<]*\)</d\:sync-token>.*:\1:p' "$T/r.xml" | head -1)
[[ -n $TOKEN ]] || fail "no sync token on the collection"
assert_eq 207 "$(replay REPORT 1 "$TASKS" apple_sync.xml)" "$STEP"
assert_eq 0 "$(grep -c '<d:response>' "$T/r.xml")" "nothing changed since the token"
q done "@$TASK" >/dev/null
assert_eq 207 "$(replay REPORT 1 "$TASKS" apple_sync.xml)" "$STEP"
assert_eq 1 "$(grep -o '<d:response>' "$T/r.xml" | wc -l)" "the one change"
has "<d:href>$TASKS$TASK.ics</d:href>"

stop_daemon
echo "OK"
