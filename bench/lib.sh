# Helpers for the benchmarks, sourced after `set -euo pipefail` and `cd "$ROOT"`:
#   bench_build        a Release build in $BUILD_DIR (build-bench by default) unless QWEEKD and
#                      QWEEK already name binaries; sets both
#   bench_tmp NAME     a temporary directory $T (removed at exit, with the daemon stopped) and
#                      the socket path $SOCK in it
#   bench_port         a free loopback port in $PORT: start then listens on it too (pages, DAV)
#   start [WRAPPER...] qweekd on $T/b.db and $SOCK (under WRAPPER, e.g. valgrind), waited for
#   q ARGS...          the qweek client on $SOCK
#   stop               SIGTERM, and wait for it

bench_build() {
	if [[ -n ${QWEEKD:-} && -n ${QWEEK:-} ]]; then
		return 0
	fi
	local dir=${BUILD_DIR:-build-bench}
	cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DQWEEK_TESTS=OFF -DQWEEK_SANITIZE=OFF >/dev/null
	cmake --build "$dir" -j"$(nproc)" >/dev/null
	QWEEKD=$(cd "$dir" && pwd)/qweekd
	QWEEK=$(cd "$dir" && pwd)/qweek
}

bench_tmp() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/qweek-bench-$1.XXXXXX")
	SOCK=$T/b.sock
	PID=
	trap _bench_cleanup EXIT
}

_bench_cleanup() {
	if [[ -n $PID ]]; then
		kill -TERM "$PID" 2>/dev/null || true
		wait "$PID" 2>/dev/null || true
	fi
	rm -rf "$T"
}

bench_port() {
	PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
}

# Waits up to 60 s: valgrind is slow to start.
start() {
	local listen=()
	[[ -n ${PORT:-} ]] && listen=(--listen "127.0.0.1:$PORT")
	"$@" "$QWEEKD" --foreground --db "$T/b.db" --socket "$SOCK" "${listen[@]}" </dev/null \
		>>"$T/qweekd.log" 2>&1 &
	PID=$!
	for _ in $(seq 600); do
		curl -sf --unix-socket "$SOCK" http://localhost/healthz >/dev/null 2>&1 && return 0
		kill -0 "$PID" 2>/dev/null || { cat "$T/qweekd.log" >&2; exit 1; }
		sleep 0.1
	done
	echo "bench: qweekd did not start" >&2
	exit 1
}

stop() {
	kill -TERM "$PID"
	wait "$PID" || true
	PID=
}

q() { "$QWEEK" --socket "$SOCK" "$@"; }
