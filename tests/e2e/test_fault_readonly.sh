# Faults: a read-only database. The database lives on a small tmpfs (mounted here; skipped,
# saying so, where mounting is not allowed) that is remounted read-only between runs of the
# daemon (root ignores file modes, so a read-only file system is the honest way to test this).
# qweekd then starts read-only: the plan, its status and its feed are served as before, every
# change is refused with 503 "the database is read-only" and nothing changes. After a kill -9
# the WAL is read too, so a change acknowledged just before the crash is there. A missing
# database or one whose schema needs an upgrade cannot start read-only, and says why.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DISK=$T/disk
mkdir -p "$DISK"
if ! mount -t tmpfs -o size=8m,mode=0700 tmpfs "$DISK" 2>"$T/mount.err"; then
	skip "cannot mount a tmpfs here ($(cat "$T/mount.err")): the read-only test needs root"
fi
_unmount() { umount -l "$DISK" 2>/dev/null || true; }
trap 'rc=$?; set +e; _unmount; (exit $rc); _cleanup' EXIT
remount() { mount -o "remount,$1" "$DISK" || fail "cannot remount the tmpfs $1"; }

export QWEEKD_NOW=2017-11-14T05:00:00Z
# A name with what a file: URI would misread ('#', '?', '%41', a space): SQLite gets it encoded.
DB="$DISK/week #1?%41/q.db"

# feed_path: GET the plan's feed over the socket, the body in $T/http.body; prints the status.
feed_get() { http GET "$FEED_PATH"; }
read_only_flag() { curl -s --unix-socket "$T/q.sock" http://localhost/healthz | jget 'd["read_only"]'; }

step "a plan on a writable disk"
start_daemon --db "$DB"
assert_eq false "$(read_only_flag)" "healthz read_only while writable"
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk >/dev/null
q person add "Иванова А. П." --email ivanova@example.org >/dev/null
q add "Анкетирование получателей услуг" --when "08.11 - 15.11" --no 1 --who "Иванова А. П." >/dev/null
q add "День открытых дверей" --when "14.11 9.00-18.00" --no 7 --who "Иванова А. П." >/dev/null
q add "Аналитическая справка" --due 24.11.2017 --no 9 --who "Иванова А. П." >/dev/null
q done 1 --note "120 анкет" >/dev/null
FEED_PATH=$("$PY" -c 'import sys, urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).path)' \
	"$(q feed | head -n 1)")
assert_eq 200 "$(feed_get)" "the feed while writable"
cp "$T/http.body" "$T/feed.before"
qj list | canon >"$T/list.before"
qj status | canon >"$T/status.before"
stop_daemon

step "remounted read-only: qweekd starts read-only and says so"
remount ro
start_daemon --db "$DB"
assert_eq true "$(read_only_flag)" "healthz read_only"
assert_match 'read-only: serving the plans' "$(cat "$DAEMON_LOG")" "the log"
assert_match 'reminders: off' "$(cat "$DAEMON_LOG")" "the log on reminders"

step "reads, status and the feed go on, unchanged"
qj list | canon >"$T/list.ro"
cmp -s "$T/list.before" "$T/list.ro" || fail "the list differs read-only: $(diff "$T/list.before" "$T/list.ro")"
qj status | canon >"$T/status.ro"
cmp -s "$T/status.before" "$T/status.ro" || fail "the status differs read-only"
assert_eq 200 "$(feed_get)" "the feed read-only"
cmp -s "$T/feed.before" "$T/http.body" || fail "the feed differs read-only"
etag=$(grep -i '^etag:' "$T/http.headers" | cut -d' ' -f2- | tr -d '\r')
code=$(curl -s -o /dev/null -w '%{http_code}' --unix-socket "$T/q.sock" -H "If-None-Match: $etag" \
	"http://localhost$FEED_PATH")
assert_eq 304 "$code" "If-None-Match on the feed"
expect_ok q report --format md
assert_match 'Анкетирование' "$(last_out)" "the report"

step "every change is refused, saying the database is read-only"
refused() { # CMD...: exits 1 with the read-only message
	expect_fail 1 q "$@"
	assert_match 'database is read-only: nothing was changed' "$(last_err)" "[$*]"
}
refused add "Новое дело" --when "15.11 10.00"
refused done 7
refused reopen 1
refused edit 9 --title "Справка"
refused cancel 9
refused person add "Петров"
refused plan edit --remind default
refused feed --rotate
# Showing a link again writes nothing: it works read-only, and it is the same link.
expect_ok q feed
assert_eq "$FEED_PATH" "$("$PY" -c 'import sys, urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).path)' "$(head -n 1 "$T/last.out")")" \
	"the feed's URL, shown again read-only"
refused status --url
refused person token "Иванова А. П." --role staff
printf 'Номер,Мероприятие,Срок,Ответственный\n20,Итоги,16.11.2017,Директор\n' >"$T/more.csv"
refused import "$T/more.csv"
echo '{"title": "Напрямую", "when": "15.11 10.00"}' >"$T/body.json"
assert_eq 503 "$(http POST /api/v1/plans/_/items application/json "$T/body.json")" "the HTTP status"
assert_match 'read-only' "$(jget 'd["error"]["message"]' "$(cat "$T/http.body")")" "the HTTP error"
qj list | canon >"$T/list.after"
cmp -s "$T/list.before" "$T/list.after" || fail "a refused change changed the list"
assert_eq 200 "$(feed_get)" "the feed after the refusals"
cmp -s "$T/feed.before" "$T/http.body" || fail "a refused change changed the feed"
stop_daemon

step "after a kill -9 the WAL is read: the last acknowledged change is there"
remount rw
start_daemon --db "$DB"
q done 7 --note "Пришли 40 человек" >/dev/null
kill9_daemon
[[ -e $DB-wal ]] || fail "no WAL left after kill -9: the test would prove nothing"
remount ro
start_daemon --db "$DB"
assert_eq true "$(read_only_flag)" "healthz read_only after the crash"
assert_eq done "$(jget 'd["state"]' "$(qj show 7)")" "7 done before the crash"
assert_eq "Пришли 40 человек" "$(jget 'd["note"]' "$(qj show 7)")" "its note"
stop_daemon

step "what cannot start read-only says why"
expect_nonzero "$QWEEKD" --foreground --db "$DISK/none.db" --socket "$T/none.sock"
assert_match 'cannot open the database .*none.db: Read-only file system' "$(last_err)" "a missing file"
remount rw
cp "$DB" "$DISK/old.db"
"$PY" -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 1"); c.commit()' \
	"$DISK/old.db"
remount ro
expect_nonzero "$QWEEKD" --foreground --db "$DISK/old.db" --socket "$T/old.sock"
assert_match 'old.db is read-only and needs a schema upgrade' "$(last_err)" "an old schema"

step "writable again: changes work and the file is sound"
remount rw
start_daemon --db "$DB"
assert_eq false "$(read_only_flag)" "healthz read_only writable again"
expect_ok q done 9
stop_daemon
assert_eq ok "$("$PY" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$DB")" "integrity_check"
echo "ok"
