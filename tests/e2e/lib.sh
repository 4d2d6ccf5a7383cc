# Helpers for the end-to-end tests: sourced by tests/e2e/test_*.sh, which ctest runs as
# `bash test_X.sh` with QWEEKD and QWEEK (the binaries), QWEEK_SRC and QWEEK_BUILD set.
# Each test gets a private temporary directory $T with its own database and socket; the trap
# on EXIT stops the daemon and removes $T (kept, with the daemon's log printed, on failure).
#
#   QWEEK_VALGRIND=1   run qweekd under valgrind (use a build without QWEEK_SANITIZE)
#   QWEEK_KEEP=1       keep $T afterwards
# Everything talks to a Unix socket in $T only.
set -euo pipefail

: "${QWEEKD:?QWEEKD must name the qweekd binary}"
: "${QWEEK:?QWEEK must name the qweek binary}"
QWEEK_SRC=${QWEEK_SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
PY=/usr/bin/python3
export LC_ALL=C.UTF-8
# English messages (the catalogues' ids) unless a test asks for a language (locales.sh): no
# catalogue is found, even where qweek is installed and the machine has ru_RU.UTF-8.
export LANGUAGE=
export QWEEK_LOCALEDIR=/nonexistent/qweek-e2e-no-catalogues
# Sanitizer reports make the process that has them fail.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Nothing of the caller's setup reaches the binaries.
unset QWEEK_SOCKET QWEEK_URL QWEEK_TOKEN QWEEK_PLAN QWEEKD_NOW

T=$(mktemp -d "${TMPDIR:-/tmp}/qweek-e2e.XXXXXX")
DAEMON_PID=
DAEMON_LOG=$T/daemon.log
TEST_NAME=$(basename "$0" .sh)
STEP=

_cleanup() {
	local rc=$?
	if [[ -n $DAEMON_PID ]] && kill -0 "$DAEMON_PID" 2>/dev/null; then
		kill -TERM "$DAEMON_PID" 2>/dev/null || true
		for _ in $(seq 50); do kill -0 "$DAEMON_PID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$DAEMON_PID" 2>/dev/null || true
		wait "$DAEMON_PID" 2>/dev/null || true
	fi
	if ((rc != 0 && rc != 77)); then
		echo "FAIL: $TEST_NAME${STEP:+ (at: $STEP)}" >&2
		if [[ -s $DAEMON_LOG ]]; then
			echo "---- qweekd log (last 40 lines) ----" >&2
			tail -n 40 "$DAEMON_LOG" >&2
		fi
	fi
	if [[ ${QWEEK_KEEP:-0} == 1 ]]; then
		echo "kept $T" >&2
	else
		rm -rf "$T"
	fi
	exit "$rc"
}
trap _cleanup EXIT

# ---- reporting ----------------------------------------------------------------------------

step() { STEP=$*; echo "-- $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# skip WHY: the test cannot run here; 77, which ctest counts as skipped (SKIP_RETURN_CODE), not
# passed. scripts/deps.sh installs what every test needs, so that none is skipped.
skip() { echo "SKIP: $*"; exit 77; }

# assert_eq EXPECTED ACTUAL [WHAT]
assert_eq() {
	[[ "$1" == "$2" ]] || fail "${3:-value}: expected [$1], got [$2]"
}

# assert_match REGEX TEXT [WHAT]  (extended regex, case-insensitive)
assert_match() {
	grep -qiE -- "$1" <<<"$2" || fail "${3:-text} does not match /$1/: [$2]"
}

# ---- the daemon ---------------------------------------------------------------------------

_daemon_cmd() {
	DAEMON_CMD=()
	if [[ ${QWEEK_VALGRIND:-0} == 1 ]]; then
		if ldd "$QWEEKD" | grep -q libasan; then
			fail "QWEEK_VALGRIND=1 needs a build without QWEEK_SANITIZE (valgrind cannot run ASan code)"
		fi
		DAEMON_CMD=(valgrind --quiet --error-exitcode=99 --leak-check=full
			--errors-for-leak-kinds=definite --track-fds=no)
	fi
	DAEMON_CMD+=("$QWEEKD" --foreground --db "$T/q.db" --socket "$T/q.sock")
}

# healthz: 0 when the daemon answers GET /healthz on the socket.
healthz() {
	curl -sf --max-time 2 --unix-socket "$T/q.sock" http://localhost/healthz >/dev/null 2>&1
}

# start_daemon [EXTRA-OPTION...]: runs qweekd in the background on $T/q.db and $T/q.sock and
# waits until it answers (10 s, 60 s under valgrind). A fixed clock: export QWEEKD_NOW first,
# or pass it in the environment: QWEEKD_NOW=2017-11-14T05:00:00Z start_daemon.
start_daemon() {
	local limit=100
	_daemon_cmd
	[[ ${QWEEK_VALGRIND:-0} == 1 ]] && limit=600
	echo "== start: ${DAEMON_CMD[*]} $*${QWEEKD_NOW:+ (QWEEKD_NOW=$QWEEKD_NOW)}" >>"$DAEMON_LOG"
	"${DAEMON_CMD[@]}" "$@" </dev/null >>"$DAEMON_LOG" 2>&1 &
	DAEMON_PID=$!
	for _ in $(seq "$limit"); do
		if ! kill -0 "$DAEMON_PID" 2>/dev/null; then
			local rc=0
			wait "$DAEMON_PID" || rc=$?
			DAEMON_PID=
			fail "qweekd exited with $rc before answering"
		fi
		healthz && return 0
		sleep 0.1
	done
	fail "qweekd did not answer /healthz within $((limit / 10)) s"
}

# stop_daemon: SIGTERM, and the daemon must exit 0 (99: valgrind found errors) within 10 s.
stop_daemon() {
	local rc=0 pid=$DAEMON_PID
	[[ -n $pid ]] || fail "stop_daemon: no daemon running"
	kill -TERM "$pid"
	for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	if kill -0 "$pid" 2>/dev/null; then
		fail "qweekd (pid $pid) still running 10 s after SIGTERM"
	fi
	wait "$pid" || rc=$?
	DAEMON_PID=
	((rc != 99)) || fail "valgrind found errors in qweekd (see the log)"
	((rc == 0)) || fail "qweekd exited with $rc after SIGTERM, expected 0"
}

# kill9_daemon: SIGKILL, no chance to clean up.
kill9_daemon() {
	local pid=$DAEMON_PID
	[[ -n $pid ]] || fail "kill9_daemon: no daemon running"
	kill -KILL "$pid"
	wait "$pid" 2>/dev/null || true
	DAEMON_PID=
}

# ---- the client ---------------------------------------------------------------------------

# q ARGS...: the client on this test's socket.
q() { "$QWEEK" --socket "$T/q.sock" "$@"; }

# qj ARGS...: the same with --json.
qj() { "$QWEEK" --socket "$T/q.sock" --json "$@"; }

# expect_fail CODE CMD...: CMD must exit with CODE. Its stderr is printed, and kept in
# $T/last.err (and its stdout in $T/last.out) for further checks.
expect_fail() {
	local want=$1 rc=0
	shift
	"$@" >"$T/last.out" 2>"$T/last.err" || rc=$?
	sed 's/^/   stderr: /' "$T/last.err"
	((rc == want)) || fail "[$*] exited $rc, expected $want; stderr: $(cat "$T/last.err")"
}

# expect_nonzero CMD...: CMD must fail, with any exit code; output kept as for expect_fail.
expect_nonzero() {
	local rc=0
	"$@" >"$T/last.out" 2>"$T/last.err" || rc=$?
	sed 's/^/   stderr: /' "$T/last.err"
	((rc != 0)) || fail "[$*] exited 0, expected a failure"
}

# expect_ok CMD...: CMD must exit 0; stdout to $T/last.out, stderr to $T/last.err.
expect_ok() {
	local rc=0
	"$@" >"$T/last.out" 2>"$T/last.err" || rc=$?
	((rc == 0)) || fail "[$*] exited $rc, expected 0; stderr: $(cat "$T/last.err")"
}

last_err() { cat "$T/last.err"; }
last_out() { cat "$T/last.out"; }

# ---- JSON, through python3 (jq is not a dependency) ---------------------------------------

# jget EXPR [JSON]: evaluates the Python expression EXPR with `d` bound to the JSON document
# (the argument, or stdin). Strings print raw, everything else as compact JSON.
jget() {
	local expr=$1
	if (($# > 1)); then printf '%s' "$2"; else cat; fi |
		"$PY" -c '
import json, sys
d = json.load(sys.stdin)
v = eval(sys.argv[1], {"json": json, "d": d})
print(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True))
' "$expr"
}

# item_by_label LABEL: the item (JSON) with that label in `list --json`; fails unless exactly one.
item_by_label() {
	qj list | "$PY" -c '
import json, sys
items = [i for i in json.load(sys.stdin)["items"] if i.get("label") == sys.argv[1]]
if len(items) != 1:
    sys.exit("%d items labelled %s" % (len(items), sys.argv[1]))
print(json.dumps(items[0], ensure_ascii=False))
' "$1"
}

# same_instant A B: both ISO 8601 instants name the same moment ("...+07:00" vs "...Z").
same_instant() {
	"$PY" -c '
import sys
from datetime import datetime
a, b = (datetime.fromisoformat(x.replace("Z", "+00:00")) for x in sys.argv[1:3])
if a.tzinfo is None or b.tzinfo is None:
    sys.exit("not an instant with an offset: %s / %s" % tuple(sys.argv[1:3]))
sys.exit(0 if a == b else 1)
' "$1" "$2" || fail "${3:-instant}: expected the instant $2, got [$1]"
}

# canon: reads JSON on stdin, prints it with sorted keys (for comparing snapshots).
canon() {
	"$PY" -c 'import json,sys; print(json.dumps(json.load(sys.stdin), ensure_ascii=False, sort_keys=True, indent=1))'
}

# ---- raw HTTP on the socket ---------------------------------------------------------------

# http METHOD PATH [CONTENT-TYPE BODY-FILE]: prints the status; the body is in $T/http.body,
# the headers in $T/http.headers.
# curl's own exit code is ignored (a server may close early on a refused upload).
http() {
	local args=(-s --max-time 20 --unix-socket "$T/q.sock" -o "$T/http.body" -D "$T/http.headers"
		-w '%{http_code}'
		-X "$1" -H 'Expect:')
	if (($# >= 4)); then
		args+=(-H "Content-Type: $3" --data-binary "@$4")
	fi
	: >"$T/http.body"
	: >"$T/http.headers"
	curl "${args[@]}" "http://localhost$2" || true
}
