#!/usr/bin/env bash
# The history benchmark (issue 14; not part of the tests):
#   - listing: a plan whose history holds N_CHANGES changes (N_ITEMS items added, then edits,
#     each a change of its own), GET .../history?limit=N_CHANGES timed ROUNDS times on the Unix
#     socket (the mean and the best), and `qweek history --limit N_CHANGES` as a person runs it;
#   - the triggers' cost on an add: N_ADDS items added one by one on one connection, with the
#     history as it is, then on the same database with its history triggers dropped (what an add
#     costs without them); with BASE_QWEEKD naming a qweekd built before the history, on it too.
#
# Figures (Release; 2 cores shared with other builds at a load average of 21-24, so the wall
# times spread widely; the daemon's CPU is the steadier figure), 10,000 changes on 500 items:
#   GET history?limit=50 (70 KB): qweekd CPU 4.0 ms/request; wall best 16.5 ms, mean 51 ms
#   GET history?limit=10000 (13.7 MB of JSON: each change's row before and after): CPU 437 ms,
#     wall best 1.35 s; qweek history --limit 10000 3.1 s
#   300 adds one by one: with the history 10.97 / 13.99 ms each (two runs), with its triggers
#     dropped 11.38 / 13.94 ms: no difference the machine's noise lets through
# Usage: bash bench/history.sh   (N_ITEMS, N_CHANGES, N_ADDS, ROUNDS override; QWEEKD and QWEEK
#        name binaries already built, else a Release build in build-bench/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N_ITEMS=${N_ITEMS:-2000}
N_CHANGES=${N_CHANGES:-10000}
N_ADDS=${N_ADDS:-500}
ROUNDS=${ROUNDS:-10}
source bench/lib.sh

bench_build
bench_tmp history
export QWEEKD_NOW=2017-11-14T05:00:00Z
start
q() { "$QWEEK" --socket "$SOCK" "$@"; }

echo "a plan of $N_ITEMS items, then edits up to $N_CHANGES changes..."
SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N_ITEMS")
python3 - "$SOCK" "$SLUG" "$N_ITEMS" "$N_CHANGES" <<'PYEOF'
import json, sys
sys.path.insert(0, "bench")
from uclient import Client
c, slug, items, want = Client(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
have = len(c.call("GET", "/api/v1/plans/%s/history?limit=%d" % (slug, want * 2))["changes"])
for i in range(want - have):
    c.call("PATCH", "/api/v1/plans/%s/items/@%d" % (slug, 1 + i % items),
           {"where": "Кабинет %d" % i})
PYEOF
cpu_ms() { awk '{ print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"' }' "/proc/$PID/stat"; }
# listing LIMIT: GET .../history?limit=LIMIT ROUNDS times: wall time (mean, best) and the
# daemon's own CPU per request (steadier than the wall time on a loaded machine).
listing() {
	local url="http://localhost/api/v1/plans/$SLUG/history?limit=$1" c0 c1
	curl -s --unix-socket "$SOCK" "$url" -o "$T/h.json"
	c0=$(cpu_ms)
	for _ in $(seq "$ROUNDS"); do
		curl -s -o /dev/null -w '%{time_total}\n' --unix-socket "$SOCK" "$url"
	done >"$T/times"
	c1=$(cpu_ms)
	awk -v lim="$1" -v cpu="$(echo "($c1 - $c0) / $ROUNDS" | bc -l)" -v bytes="$(stat -c %s "$T/h.json")" '
		{ s += $1; if (min == "" || $1 < min) min = $1 }
		END { printf "GET history?limit=%d (%d bytes): mean %.1f ms, best %.1f ms, qweekd CPU %.1f ms/request (%d rounds)\n", lim, bytes, s / NR * 1000, min * 1000, cpu, NR }' "$T/times"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
listing 50
listing "$N_CHANGES"
t0=$(date +%s.%N)
q --plan "$SLUG" history --limit "$N_CHANGES" >/dev/null
t1=$(date +%s.%N)
echo "qweek history --limit $N_CHANGES: $(echo "($t1 - $t0) * 1000" | bc -l | cut -d. -f1) ms"

# adds BINARY LABEL: N_ADDS adds on a fresh plan of the daemon BINARY; prints the seconds.
adds() {
	local s
	s=$(python3 bench/uclient.py "$SOCK" adds "$SLUG" "$N_ADDS")
	printf '%s: %d adds in %.3f s, %.2f ms each\n' "$1" "$N_ADDS" "$s" "$(echo "$s * 1000 / $N_ADDS" | bc -l)"
}
adds "with the history" | tee "$T/with"
adds "with the history (again)" | tee -a "$T/with"
stop
sqlite3 "$T/b.db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_history_%'" | sqlite3 "$T/b.db"
start
adds "without the triggers" | tee "$T/without"
adds "without the triggers (again)" | tee -a "$T/without"
stop
if [[ -n ${BASE_QWEEKD:-} ]]; then
	rm -f "$T/b.db"*
	QWEEKD=$BASE_QWEEKD start
	SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N_ITEMS")
	adds "qweekd before the history ($BASE_QWEEKD)"
	adds "qweekd before the history (again)"
	stop
	rm -f "$T/b.db"*
	start
	SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N_ITEMS")
	adds "this qweekd, the same fresh plan"
	adds "this qweekd, the same fresh plan (again)"
	stop
fi
