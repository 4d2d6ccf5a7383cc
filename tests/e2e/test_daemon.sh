# The daemon as a process: one per socket and per database, config checking with -n, signals,
# and daemonizing by default.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start_daemon
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk >/dev/null
q add "День открытых дверей" --when "14.11 9.00-18.00" --no 7 >/dev/null

# second_daemon ARGS...: another qweekd must refuse to start, saying another daemon is there,
# and the first one must go on serving.
second_daemon() {
	step "a second qweekd $* refuses to start"
	local rc=0
	timeout 20 "$QWEEKD" --foreground "$@" </dev/null >"$T/second.out" 2>"$T/second.err" || rc=$?
	sed 's/^/   stderr: /' "$T/second.err"
	((rc != 124)) || fail "the second qweekd did not exit within 20 s"
	((rc != 0)) || fail "the second qweekd exited 0"
	assert_match 'another|already|running|in use|locked|other|занят|уже' "$(cat "$T/second.err")" \
		"the second qweekd's message"
	kill -0 "$DAEMON_PID" 2>/dev/null || fail "the first qweekd died"
	healthz || fail "the first qweekd no longer answers on its socket"
	assert_eq 1 "$(qj list | jget 'len(d["items"])')" "items seen through the first qweekd"
}
second_daemon --db "$T/other.db" --socket "$T/q.sock"
second_daemon --db "$T/q.db" --socket "$T/other.sock"
[[ ! -S $T/other.sock ]] || fail "the refused qweekd left its socket $T/other.sock behind"

step "qweekd -n checks a good configuration"
cat >"$T/good.ini" <<INI
; a comment
[daemon]
db = $T/cfg.db
socket = $T/cfg.sock
listen = 127.0.0.1:8317
log_level = info

[smtp]
url = smtp://127.0.0.1:2525
from = qweek@example.org
starttls = no

[notify]
command = /bin/true
INI
expect_ok "$QWEEKD" -n --config "$T/good.ini"
assert_match 'configuration OK' "$(last_out)$(last_err)" "qweekd -n output"
[[ ! -e $T/cfg.sock ]] || fail "qweekd -n created the socket"

# bad_config NAME LINE TEXT: qweekd -n refuses the file (any non-zero exit), naming NAME:LINE.
bad_config() {
	step "qweekd -n refuses $1 (line $2)"
	printf '%s' "$3" >"$T/$1"
	expect_nonzero "$QWEEKD" -n --config "$T/$1"
	assert_match "$1:$2([^0-9]|$)" "$(last_err)" "message"
}
bad_config bad-key.ini 3 $'[daemon]\nlog_level = info\nfrobnicate = yes\n'
bad_config bad-listen.ini 2 $'[daemon]\nlisten = 127.0.0.1:notaport\n'
bad_config bad-level.ini 4 $'; levels\n[daemon]\n\nlog_level = loud\n'
bad_config bad-section.ini 6 $'[daemon]\nlog_level = info\n\n\n[colours]\nred = yes\n'

step "qweekd refuses a missing config file"
expect_nonzero "$QWEEKD" -n --config "$T/missing.ini"
assert_match 'missing\.ini' "$(last_err)" "message"

step "SIGHUP: goes on serving"
kill -HUP "$DAEMON_PID"
sleep 0.5
kill -0 "$DAEMON_PID" 2>/dev/null || fail "qweekd died on SIGHUP"
healthz || fail "no /healthz after SIGHUP"
q add "Мастер-класс" --when "14.11 в 15.00" --no 7.3 >/dev/null
assert_eq 2 "$(qj list | jget 'len(d["items"])')" "items after SIGHUP"

step "SIGTERM: exits 0"
stop_daemon
[[ ! -S $T/q.sock ]] || echo "   note: the socket file stays after a clean stop"
start_daemon
assert_eq 2 "$(qj list | jget 'len(d["items"])')" "items after a restart"
stop_daemon

step "with no --foreground, qweekd daemonizes and returns once it answers"
rc=0
timeout 20 "$QWEEKD" --db "$T/bg.db" --socket "$T/bg.sock" </dev/null >"$T/bg.out" 2>"$T/bg.err" || rc=$?
((rc == 0)) || fail "qweekd (daemonizing) exited $rc: $(cat "$T/bg.err")"
BG_PID=$("$PY" "$QWEEK_SRC/scripts/socket-pid.py" "$T/bg.sock" | head -n1) ||
	fail "nothing listens on $T/bg.sock right after qweekd returned"
DAEMON_PID=$BG_PID   # so that the EXIT trap stops it whatever happens
"$QWEEK" --socket "$T/bg.sock" plan list >/dev/null || fail "the daemonized qweekd does not answer"
[[ $(readlink "/proc/$BG_PID/exe") == "$(readlink -f "$QWEEKD")"* ]] || fail "pid $BG_PID is not qweekd"
[[ $(ps -o ppid= -p "$BG_PID" | tr -d ' ') != "$$" ]] || fail "qweekd did not detach"
kill -TERM "$BG_PID"
for _ in $(seq 100); do kill -0 "$BG_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$BG_PID" 2>/dev/null && fail "the daemonized qweekd did not stop on SIGTERM"
DAEMON_PID=

echo "PASS: $TEST_NAME"
