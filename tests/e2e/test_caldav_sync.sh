# CalDAV with real clients from Debian (issue 16): vdirsyncer syncs a person's tasks both ways
# into a folder that todoman reads; `todo done` there and a sync mark the item done in qweek, by
# that person; an item done in qweek arrives done in todoman after a sync.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

for tool in vdirsyncer todoman; do
	command -v "$tool" >/dev/null || skip "$tool is not installed"
done
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
V=$T/v
mkdir -p "$V/cal/tasks"

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon --listen "127.0.0.1:$PORT"
api() { curl -sf --unix-socket "$T/q.sock" "$@"; }
clock() {
	api -X PUT -H 'Content-Type: application/json' -d "{\"now\":\"$1\"}" \
		http://localhost/api/v1/clock >/dev/null
}

step "a plan, a person with two items, someone else with one"
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk \
	>/dev/null
q person add "Иванова А. П." >/dev/null
q person add "Петров С. И." >/dev/null
add() { qj add "$@" 2>/dev/null | jget 'd["id"]'; }
LESSON=$(add "Открытое занятие" --when "13.11 10.00" --no 2 --who "Иванова А. П.")
REPORT=$(add "Справка" --due 15.11.2017 --no 5 --who "Иванова А. П.")
add "Чужое" --when "14.11 18.00" --no 6 --who "Петров С. И." >/dev/null
LINK=$(qj person link "Иванова А. П.")
URL=$(jget 'd["caldav"]["url"]' "$LINK")
LOGIN=$(jget 'd["caldav"]["username"]' "$LINK")
PASS=$(q person token "Иванова А. П." --role staff 2>/dev/null)

cat >"$V/vdirsyncer.conf" <<CONF
[general]
status_path = "$V/status/"

[pair tasks]
a = "tasks_remote"
b = "tasks_local"
collections = ["from a"]
conflict_resolution = "a wins"

[storage tasks_remote]
type = "caldav"
url = "$URL"
username = "$LOGIN"
password = "$PASS"
item_types = ["VTODO"]

[storage tasks_local]
type = "filesystem"
path = "$V/cal/"
fileext = ".ics"
CONF
printf 'path = "%s/cal/*"\ndate_format = "%%Y-%%m-%%d"\ntime_format = "%%H:%%M"\ndefault_list = "tasks"\ncache_path = "%s/todoman.sqlite"\n' \
	"$V" "$V" >"$V/todoman.py"
sync() {
	timeout 60 vdirsyncer -c "$V/vdirsyncer.conf" sync </dev/null >"$V/sync.log" 2>&1 ||
		{ cat "$V/sync.log"; fail "vdirsyncer sync"; }
}
todo() { timeout 60 todoman --config "$V/todoman.py" "$@"; }
# tasks: "summary=completed" per line, sorted, from todoman's own JSON.
tasks() {
	todo --porcelain list --status ANY |
		"$PY" -c 'import json, sys; print("\n".join(sorted("%s=%s" % (t["summary"], t["completed"]) for t in json.load(sys.stdin))))'
}

step "vdirsyncer discovers the collection from the URL and syncs it down"
timeout 60 vdirsyncer -c "$V/vdirsyncer.conf" discover </dev/null >"$V/discover.log" 2>&1 ||
	{ cat "$V/discover.log"; fail "vdirsyncer discover"; }
sync
assert_eq "$(printf 'Открытое занятие=False\nСправка=False')" "$(tasks)" "todoman lists her two tasks"

step "todo done, sync: done in qweek, by her"
ID=$(todo --porcelain list --status ANY | "$PY" -c 'import json, sys; print([t["id"] for t in json.load(sys.stdin) if t["summary"] == "Справка"][0])')
todo done "$ID" >/dev/null
clock 2017-11-14T05:10:00Z
sync
grep -q "Copying (updating) item qweek-item-$REPORT@127.0.0.1 to tasks_remote" "$V/sync.log" ||
	{ cat "$V/sync.log"; fail "the tick went up"; }
assert_eq "done Иванова А. П." "$(jget 'd["state"] + " " + d["done_by"]' "$(qj show "@$REPORT")")" "done by her"
assert_eq "open" "$(jget 'd["state"]' "$(qj show "@$LESSON")")" "the other unchanged"

step "done in qweek, sync: done in todoman; a sync after one change moves only that one"
clock 2017-11-14T05:20:00Z
q done "@$LESSON" >/dev/null
sync
grep -q "qweek-item-$LESSON@127.0.0.1 to tasks_local" "$V/sync.log" || { cat "$V/sync.log"; fail "not synced down"; }
assert_eq "$(printf 'Открытое занятие=True\nСправка=True')" "$(tasks)" "both done in todoman"
sync
grep -q "Copying" "$V/sync.log" && { cat "$V/sync.log"; fail "a sync with no change copied something"; }

step "a summary changed in the folder is refused (403), nothing changes in qweek"
FILE=$(grep -l "^UID:qweek-item-$REPORT@" "$V"/cal/tasks/*.ics)
sed -i 's/^SUMMARY:.*/SUMMARY:Другая справка/' "$FILE"
timeout 60 vdirsyncer -c "$V/vdirsyncer.conf" sync </dev/null >"$V/sync.log" 2>&1 &&
	fail "the changed summary was taken"
grep -q "403" "$V/sync.log" || { cat "$V/sync.log"; fail "refused with 403"; }
assert_eq "Справка done" "$(jget 'd["title"] + " " + d["state"]' "$(qj show "@$REPORT")")" "unchanged in qweek"

stop_daemon
echo "OK"
