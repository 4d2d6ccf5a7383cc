#!/usr/bin/env bash
# The director's view benchmark (issue 5; not part of the tests): a 2,000-item plan, a quarter
# done and some cancelled, the clock in mid-week;
#   - time per request of the status page (HTML), `status` JSON and the HTML report, measured
#     by curl on the Unix socket (time to the first byte and in all, mean and p99 of ROUNDS);
#     the page also as a browser revalidates it (If-None-Match: 304), gzip'd, and rendered
#     anew at every request (the clock moved a minute before each: what every request cost
#     before the page was kept);
#   - wrk requests/s and latency on the status page over TCP (CONNS connections, DURATION s),
#     plain and with Accept-Encoding: gzip.
#
# Figures, 2,000 items, an 857 KB page (32 KB gzip'd), Release; 2 cores with a load average of
# 5-7 from others' builds, so req/s are low and loose; the daemon's own CPU per request, from
# /proc, is the steadier figure. Before: rendered at every request (commit 6e1e13d); after:
# kept per change and minute (status_page_cache.c).
#                                         before                 after
#   curl, sequential: page                9.95 ms CPU/req        0.65 ms CPU/req
#                     page, If-None-Match 10.25 (200 each time)  0.30 (304)
#                     page, gzip          10.75 (not gzip'd)     0.40 (32 KB)
#                     rendered anew*      10.45                  9.85; 14.5 with its gzip
#   wrk, 20 conns:    page                56 req/s, 11.6 ms CPU  1,568 req/s, 0.17 ms CPU
#                     page, gzip          57 req/s, 10.8 ms CPU  18,286 req/s, 0.036 ms CPU
#                     If-None-Match       72 req/s, 10.4 ms CPU  22,462 req/s, 0.029 ms CPU (304)
#   * "page rendered" less "clock moved": the cost of the first request after a change or in a
#     new minute. (Earlier, on a quieter machine: 9.8 ms CPU/req and 42.7 req/s before.)
# Usage: bash bench/status.sh   (N_ITEMS, ROUNDS, DURATION, CONNS override; QWEEKD=path to use
#        a qweekd already built, else a Release build in build-bench/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N_ITEMS=${N_ITEMS:-2000}
ROUNDS=${ROUNDS:-200}
DURATION=${DURATION:-10}
CONNS=${CONNS:-20}

bash scripts/deps.sh wrk curl python3
if [[ -z ${QWEEKD:-} ]]; then
	cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DQWEEK_TESTS=OFF -DQWEEK_SANITIZE=OFF >/dev/null
	cmake --build build-bench -j"$(nproc)" >/dev/null
	QWEEKD=$ROOT/build-bench/qweekd
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/qweek-statusbench.XXXXXX")
PID=
cleanup() {
	[[ -n $PID ]] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
	rm -rf "$T"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SOCK=$T/q.sock
QWEEKD_NOW=2017-11-14T05:00:00Z "$QWEEKD" --foreground --db "$T/q.db" --socket "$SOCK" \
	--listen "127.0.0.1:$PORT" >"$T/daemon.log" 2>&1 &
PID=$!
for _ in $(seq 100); do
	curl -sf --unix-socket "$SOCK" http://localhost/healthz >/dev/null 2>&1 && break
	sleep 0.1
done

echo "filling a plan of $N_ITEMS items..."
SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N_ITEMS")
# A quarter done, one in twenty cancelled: the page shows every state.
python3 - "$SOCK" "$SLUG" "$N_ITEMS" <<'PYEOF'
import json, sys
sys.path.insert(0, "bench")
from uclient import UnixHTTPConnection
sock, slug, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
c = UnixHTTPConnection(sock)
for i in range(1, n + 1):
    what = "done" if i % 4 == 0 else "cancel" if i % 20 == 1 else None
    if what is None:
        continue
    body = json.dumps({"note": "Отчёт №%d сдан <вовремя> & подписан" % i})
    c.request("POST", "/api/v1/plans/%s/items/@%d/%s" % (slug, i, what), body,
              {"Content-Type": "application/json"})
    r = c.getresponse()
    r.read()
    if r.status != 200:
        sys.exit("%s @%d: %d" % (what, i, r.status))
PYEOF
URL=$(curl -sf --unix-socket "$SOCK" -X POST "http://localhost/api/v1/plans/$SLUG/status-url" |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["url"])')
PAGE=/status/${URL##*/}

# The daemon's CPU time so far (user + system), in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }

# measure NAME PATH [CURL ARGS...]: mean and p99 of ROUNDS sequential requests (ms), the
# reply's size, and the daemon's own CPU time per request (fair on a busy machine). With
# BEFORE_EACH set, that command runs before each request (its CPU is counted too).
measure() {
	local name=$1 path=$2 t0 t1
	shift 2
	t0=$(cpu_ticks)
	for _ in $(seq "$ROUNDS"); do
		[[ -n ${BEFORE_EACH:-} ]] && $BEFORE_EACH
		curl -s -o /dev/null --unix-socket "$SOCK" -w '%{time_starttransfer} %{time_total} %{size_download}\n' \
			"$@" "http://localhost$path"
	done >"$T/times"
	t1=$(cpu_ticks)
	python3 -c '
import sys, os
rows = [tuple(map(float, l.split())) for l in open(sys.argv[2]) if l.strip()]
cpu = (int(sys.argv[4]) - int(sys.argv[3])) * 1000.0 / os.sysconf("SC_CLK_TCK") / len(rows)
ttfb = sorted(r[0] * 1000 for r in rows)
tot = sorted(r[1] * 1000 for r in rows)
p99 = lambda v: v[min(len(v) - 1, int(len(v) * 0.99))]
print("%-13s %5.0f KB  qweekd CPU %5.2f ms/req  first byte: mean %6.2f p99 %6.2f ms  all: mean %6.2f p99 %6.2f ms" % (
    sys.argv[1], rows[0][2] / 1024, cpu, sum(ttfb) / len(ttfb), p99(ttfb), sum(tot) / len(tot), p99(tot)))
' "$name" "$T/times" "$t0" "$t1"
}

# The test clock, one minute further at each call: the kept page is out of date every time.
MINUTE=0
next_minute() {
	MINUTE=$((MINUTE + 1))
	curl -sf -o /dev/null --unix-socket "$SOCK" -X PUT -H 'Content-Type: application/json' \
		-d "{\"now\":\"$(date -u -d "2017-11-14T05:00:00Z + $MINUTE min" +%Y-%m-%dT%H:%M:%SZ)\"}" \
		http://localhost/api/v1/clock
}

echo "== $N_ITEMS items, $ROUNDS sequential requests each, Unix socket"
measure "status page" "$PAGE"
ETAG=$(curl -s -D - -o /dev/null --unix-socket "$SOCK" "http://localhost$PAGE" | tr -d '\r' |
	sed -n 's/^ETag: //Ip')
measure "page 304" "$PAGE" -H "If-None-Match: $ETAG"
measure "page gzip" "$PAGE" -H 'Accept-Encoding: gzip'
BEFORE_EACH=next_minute measure "clock moved" /healthz
BEFORE_EACH=next_minute measure "page rendered" "$PAGE"
echo "   (page rendered anew = \"page rendered\" - \"clock moved\")"
BEFORE_EACH=next_minute measure "page rend.gz" "$PAGE" -H 'Accept-Encoding: gzip'
MINUTE=-1 && next_minute # back to mid-week, 05:00Z
measure "status JSON" "/api/v1/plans/$SLUG/status"
measure "status --all" "/api/v1/status"
measure "report html" "/api/v1/plans/$SLUG/report?format=html"
echo "== wrk on the status page over TCP: $CONNS connections, $DURATION s"
# wrk_page LABEL [WRK ARGS...]
wrk_page() {
	local label=$1 t0 t1 n
	shift
	echo "-- $label"
	t0=$(cpu_ticks)
	wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$@" "http://127.0.0.1:$PORT$PAGE" >"$T/wrk"
	t1=$(cpu_ticks)
	grep -E 'requests in|Non-2xx|Requests/sec|Transfer/sec|Latency|99%' "$T/wrk"
	n=$(awk '/requests in/ { print $1 }' "$T/wrk")
	python3 -c 'import os, sys; t = (int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf("SC_CLK_TCK"); n = int(sys.argv[3]); print("qweekd CPU: %.1f s for %d pages: %.3f ms per page, %.0f pages per CPU second" % (t, n, t * 1e3 / n if n else 0, n / t if t else 0))' "$t0" "$t1" "$n"
}
wrk_page "plain"
wrk_page "gzip" -H 'Accept-Encoding: gzip'
wrk_page "revalidating (If-None-Match: 304)" -H "If-None-Match: $(curl -s -D - -o /dev/null \
	--unix-socket "$SOCK" "http://localhost$PAGE" | tr -d '\r' | sed -n 's/^ETag: //Ip')"
