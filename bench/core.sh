#!/usr/bin/env bash
# The core benchmark (not part of the tests): a Release build in build-bench/, a plan of 2,000
# items, then
#   - `qweek list` as a whole process (exec, connect, request, render): median of 50 runs
#   - 10,000 add requests one after another on one connection (python3 http.client)
#   - qweekd's resident memory after all that (VmRSS now, VmHWM the peak)
# and a table against the targets. BENCH_STRICT=1 makes a missed target exit 1.
# Usage: bash bench/core.sh        (N_ITEMS, N_ADDS, N_RUNS override the sizes; BUILD_DIR the
#                                  build directory, build-bench by default)
# Wall-clock medians move with the machine's load: the load average is printed before and after.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N_ITEMS=${N_ITEMS:-2000}
N_ADDS=${N_ADDS:-10000}
N_RUNS=${N_RUNS:-50}
BUILD_DIR=${BUILD_DIR:-build-bench}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

bash scripts/deps.sh hyperfine
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DQWEEK_TESTS=OFF -DQWEEK_SANITIZE=OFF >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" >/dev/null
QWEEKD=$(cd "$BUILD_DIR" && pwd)/qweekd
QWEEK=$(cd "$BUILD_DIR" && pwd)/qweek

T=$(mktemp -d "${TMPDIR:-/tmp}/qweek-bench.XXXXXX")
PID=
cleanup() {
	if [[ -n $PID ]]; then
		kill -TERM "$PID" 2>/dev/null || true
		wait "$PID" 2>/dev/null || true
	fi
	rm -rf "$T"
}
trap cleanup EXIT
SOCK=$T/b.sock

"$QWEEKD" --foreground --db "$T/b.db" --socket "$SOCK" </dev/null >"$T/qweekd.log" 2>&1 &
PID=$!
for _ in $(seq 100); do
	curl -sf --unix-socket "$SOCK" http://localhost/healthz >/dev/null 2>&1 && break
	kill -0 "$PID" 2>/dev/null || { cat "$T/qweekd.log" >&2; exit 1; }
	sleep 0.1
done

echo "bench: filling a plan with $N_ITEMS items"
t0=$(date +%s%N)
SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N_ITEMS")
fill_s=$(awk -v ns=$(($(date +%s%N) - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }')

# stats_ms CMD...: whole-process "median p90" over N_RUNS runs, in milliseconds.
stats_ms() {
	"$@" >/dev/null || { echo "bench: [$*] failed" >&2; exit 1; }
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N --style none --warmup 3 --runs "$N_RUNS" --export-json "$T/h.json" \
			"$(printf '%q ' "$@")" >/dev/null 2>>"$T/hyperfine.log"
		python3 -c 'import json,sys; print(" ".join("%.2f" % (t * 1e3) for t in json.load(open(sys.argv[1]))["results"][0]["times"]))' "$T/h.json" | tr ' ' '\n'
	else
		local i s e
		for ((i = 0; i < N_RUNS; i++)); do
			s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N)
			awk -v ns=$((e - s)) 'BEGIN { printf "%.2f\n", ns / 1e6 }'
		done
	fi | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; p = a[int(0.9 * (NR - 1) + 1.5)]; printf "%.2f %.2f\n", m, p }'
}
median_ms() { stats_ms "$@" | cut -d' ' -f1; }

# qweekd's CPU time (user + system, in clock ticks) from /proc/PID/stat: its share of the work,
# which, unlike wall-clock times, other load on the machine hardly changes.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
# Its minor page faults so far: a reply built in memory that the heap gave back faults in again.
minor_faults() { awk '{ print $10 }' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)

echo "bench: qweek list, $N_RUNS runs"
# What starting the client costs before it asks anything: exec and loading libcurl's libraries.
version_ms=$(median_ms "$QWEEK" --version)
c0=$(cpu_ticks)
f0=$(minor_faults)
read -r list_ms list_p90 < <(stats_ms "$QWEEK" --socket "$SOCK" list)
n=$((N_RUNS + 1))
command -v hyperfine >/dev/null 2>&1 && n=$((n + 3))
list_cpu_ms=$(awk -v t=$(($(cpu_ticks) - c0)) -v hz="$HZ" -v n="$n" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')
list_faults=$((($(minor_faults) - f0) / n))
list_json_ms=$(median_ms "$QWEEK" --socket "$SOCK" --json list)
status_ms=$(median_ms "$QWEEK" --socket "$SOCK" status)
# The daemon's share of a list: the same request without the client.
get_ms=$(median_ms curl -sf -o /dev/null --unix-socket "$SOCK" "http://localhost/api/v1/plans/$SLUG/items")

echo "bench: $N_ADDS adds, one by one"
c0=$(cpu_ticks)
adds_s=$(python3 bench/uclient.py "$SOCK" adds "$SLUG" "$N_ADDS")
adds_cpu_s=$(awk -v t=$(($(cpu_ticks) - c0)) -v hz="$HZ" 'BEGIN { printf "%.2f", t / hz }')

rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status")
hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$PID/status")
db_kb=$(($(stat -c %s "$T/b.db") / 1024))
wal_kb=$(($(stat -c %s "$T/b.db-wal" 2>/dev/null || echo 0) / 1024))

missed=0
row() { # what value unit target-value (lower is better; "-" for no target)
	local verdict=""
	if [[ $4 != - ]]; then
		if awk -v v="$2" -v t="$4" 'BEGIN { exit !(v < t) }'; then verdict=ok; else verdict=MISSED; missed=1; fi
	fi
	printf '%-38s %10s %-3s %8s %s\n' "$1" "$2" "$3" "${4/#-/}" "$verdict"
}
echo
echo "qweek $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores," \
	"load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after, $(date -u +%F)"
printf '%-38s %10s %-3s %8s %s\n' "measure" "value" "" "target" ""
row "fill: $N_ITEMS items over the API" "$fill_s" s -
row "qweek list ($N_ITEMS items), median" "$list_ms" ms 10
row "  p90" "$list_p90" ms -
row "  qweek --version alone, median" "$version_ms" ms -
row "  qweekd CPU per list request" "$list_cpu_ms" ms -
row "  qweekd page faults per list request" "$list_faults" "" -
row "qweek --json list, median" "$list_json_ms" ms -
row "qweek status, median" "$status_ms" ms -
row "  GET .../items alone (curl), median" "$get_ms" ms -
row "$N_ADDS adds, one by one" "$adds_s" s 20
row "  per add" "$(awk -v s="$adds_s" -v n="$N_ADDS" 'BEGIN { printf "%.3f", s * 1000 / n }')" ms -
row "  qweekd CPU during the adds" "$adds_cpu_s" s -
row "qweekd VmRSS after all that" "$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')" MB 15
row "qweekd VmHWM (peak)" "$(awk -v k="$hwm_kb" 'BEGIN { printf "%.1f", k / 1024 }')" MB -
row "database file" "$(awk -v k="$db_kb" 'BEGIN { printf "%.1f", k / 1024 }')" MB -
row "  its write-ahead log" "$(awk -v k="$wal_kb" 'BEGIN { printf "%.1f", k / 1024 }')" MB -

if [[ ${BENCH_STRICT:-0} == 1 && $missed == 1 ]]; then
	exit 1
fi
