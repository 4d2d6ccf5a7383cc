# Hostile conditions (issue 12): qweekd starts on a full disk. With room for SQLite's index of
# its log but not for the reminders' schedule, it serves reads, refuses writes with "the disk is
# full", retries the schedule, and once space is freed writes and the schedule work again.
# Without even that room, it opens the database read-only and serves reads. /healthz answers
# within 1 s throughout, nothing acknowledged is lost. The database lives on a small tmpfs
# mounted here (skipped where mounting is not allowed, e.g. an unprivileged container).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DISK=$T/disk
mkdir -p "$DISK"
if ! mount -t tmpfs -o size=3m,mode=0700 tmpfs "$DISK" 2>"$T/mount.err"; then
	skip "cannot mount a tmpfs here ($(cat "$T/mount.err")): the full-disk test needs root"
fi
_unmount() { umount -l "$DISK" 2>/dev/null || true; }
trap 'rc=$?; set +e; _unmount; (exit $rc); _cleanup' EXIT
HOSTILE=$QWEEK_SRC/tests/e2e/hostile.py
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon --db "$DISK/q.db"
SLUG=$(q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk)
for i in 1 2 3; do
	q add "Дело $i" --when "15.11 1$i.00" --no "d$i" >/dev/null
done
stop_daemon

# fill KB: fills the disk, then frees KB kilobytes of it.
fill() {
	dd if=/dev/zero of="$DISK/fill" bs=64k 2>/dev/null || true
	(($1 == 0)) || truncate -s "-$1K" "$DISK/fill"
}

# probed SECONDS: /healthz within 1 s in the background for SECONDS, then checked by probed_ok.
probed() {
	"$PY" "$HOSTILE" probe "$PORT" "$1" "$T/probe.disk" &
	prober=$!
}
probed_ok() {
	wait "$prober"
	echo "   worst /healthz $(jget '"%.3f s" % d["worst"]["healthz"]' "$(cat "$T/probe.disk")")"
	assert_eq '[]' "$(jget 'd["fails"]["healthz"]' "$(cat "$T/probe.disk")")" "/healthz within 1 s"
}

step "nearly full at start (room for the log's index only): starts, reads, retries the schedule"
# The items' schedule is to be made again at start (as after a change whose rescheduling failed).
"$PY" -c 'import sqlite3,sys; c = sqlite3.connect(sys.argv[1]); c.execute("DELETE FROM remind_next"); c.commit()' "$DISK/q.db"
fill 36
start_daemon --db "$DISK/q.db" --listen "127.0.0.1:$PORT"
probed 3
grep -q 'reminders: cannot schedule plan .*trying again' "$DAEMON_LOG" ||
	fail "the failed schedule was not logged as retried"
expect_ok q list
assert_match 'd3' "$(last_out)" "reads on a full disk"
expect_fail 1 q add "Ещё" --when "15.11 15.00" --no d4
assert_match 'disk is full' "$(last_err)" "a write on a full disk"
probed_ok

step "space freed: writes work, the schedule is made within seconds"
rm -f "$DISK/fill"
expect_ok q add "Ещё" --when "15.11 15.00" --no d4
for _ in $(seq 80); do
	grep -q 'reminders: 1 plan(s) looked at' "$DAEMON_LOG" && break
	sleep 0.1
done
grep -q 'reminders: 1 plan(s) looked at' "$DAEMON_LOG" || fail "the schedule was not retried"
stop_daemon

step "full to the last byte at start: opened read-only, reads served"
fill 0
start_daemon --db "$DISK/q.db" --listen "127.0.0.1:$PORT"
probed 2
grep -q 'is full: opening it read-only' "$DAEMON_LOG" || fail "the read-only start was not logged"
expect_ok q list
assert_match 'd4' "$(last_out)" "reads on a full disk"
expect_fail 1 q add "Ещё одно" --when "15.11 16.00" --no d5
assert_match 'read-only' "$(last_err)" "a write on a full disk, read-only"
probed_ok
stop_daemon

step "space freed, restarted: nothing acknowledged is lost"
rm -f "$DISK/fill"
start_daemon --db "$DISK/q.db"
for label in d1 d2 d3 d4; do
	item_by_label "$label" >/dev/null || fail "$label is lost"
done
expect_ok q add "Ещё одно" --when "15.11 16.00" --no d5
stop_daemon
assert_eq ok "$("$PY" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$DISK/q.db")" "integrity_check"
echo "ok"
