#!/usr/bin/env bash
# The personal page benchmark (issue 13; not part of the tests): one person with N_ITEMS items
# of their own and of their group (in a plan of N_PLAN items), a quarter of them done;
#   - the daemon's CPU per request and the time per request of the page (kept, as a browser
#     gets it: Cache-Control no-store, so no revalidation), gzip'd, and rendered anew at every
#     request (the clock moved a minute before each: what every request would cost without the
#     kept rendering), and of a form posted (done, then reopen: each a commit);
#   - wrk requests/s and latency on the page over TCP (CONNS connections, DURATION s), or a
#     loop of curl when wrk is not installed.
#
# Figures: 200 items (a 162 KB page, 10.6 KB gzip'd) in a plan of 1,000; Release; 2 cores
# shared with other builds (load average ~4; the daemon's own CPU from /proc is the steadier
# figure; at a load of 20: 0.60, 4.25, 3,477 and 7,591):
#   Unix socket, a new connection per request (curl):
#     kept page 0.65 ms CPU/req, gzip 0.60; rendered anew at every request 3.1 ms (3.90 less
#     the clock's move 0.80): by callgrind, a third the SHA-256 ETag of the 162 KB, a third
#     loading (SQLite), a third writing the HTML, of which the QR code a tenth; a form posted
#     (done or reopen, with the `qweek show` before each) 2.4 ms
#   TCP, wrk, 20 connections kept alive: 9,234 req/s at 0.099 ms CPU/page; gzip 20,584 req/s
#     at 0.045 ms CPU/page
# So a page is served under 2 ms of CPU because it is kept: rendered once per change of the
# plan, minute and feed URL (me_page_cache.c), as the status page is.
# Usage: bash bench/me_page.sh   (N_ITEMS, N_PLAN, ROUNDS, DURATION, CONNS override; QWEEKD and
#        QWEEK name binaries already built, else a Release build in build-bench/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N_ITEMS=${N_ITEMS:-200}
N_PLAN=${N_PLAN:-1000}
ROUNDS=${ROUNDS:-200}
DURATION=${DURATION:-10}
CONNS=${CONNS:-20}
source bench/lib.sh

bash scripts/deps.sh wrk curl python3 >/dev/null
bench_build
bench_tmp me
bench_port
QWEEKD_NOW=2017-11-14T05:00:00Z start

echo "filling a plan of $N_PLAN items, $N_ITEMS of them Иванова's or her group's..."
SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N_PLAN")
q person add "Иванова А. П." --group "Психологи" >/dev/null
python3 - "$SOCK" "$SLUG" "$N_ITEMS" <<'PYEOF'
import json, sys
sys.path.insert(0, "bench")
from uclient import Client
c, slug, n = Client(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(1, n + 1):
    who = ["Иванова А. П."] if i % 3 else ["Психологи"]
    if i % 5 == 0:
        who.append("Психолог")
    item = c.call("PATCH", "/api/v1/plans/%s/items/@%d" % (slug, i), {"who": who})
    if i % 4 == 0:
        c.call("POST", "/api/v1/plans/%s/items/@%d/done" % (slug, i),
               {"note": "Пришли %d человек, <вовремя> & подписано" % i})
PYEOF
PAGE=$(q person link "Иванова А. П." | head -n 1)
PAGE=/me/${PAGE##*/}
curl -s -o "$T/page.html" --unix-socket "$SOCK" "http://localhost$PAGE"
echo "the page: $(stat -c %s "$T/page.html") bytes, $(grep -c 'class="item ' "$T/page.html") items," \
	"$(curl -s --unix-socket "$SOCK" -H 'Accept-Encoding: gzip' "http://localhost$PAGE" | wc -c) bytes gzip'd"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }

# measure NAME PATH [CURL ARGS...]: ROUNDS sequential requests on the Unix socket: the daemon's
# CPU per request, the mean and p99 time. BEFORE_EACH runs before each (its CPU counted too).
measure() {
	local name=$1 path=$2 t0 t1
	shift 2
	t0=$(cpu_ticks)
	for _ in $(seq "$ROUNDS"); do
		[[ -n ${BEFORE_EACH:-} ]] && $BEFORE_EACH
		curl -s -o /dev/null --unix-socket "$SOCK" -w '%{time_total} %{http_code}\n' "$@" \
			"http://localhost$path"
	done >"$T/times"
	t1=$(cpu_ticks)
	python3 -c '
import os, sys
rows = [l.split() for l in open(sys.argv[2]) if l.strip()]
codes = sorted({r[1] for r in rows})
t = sorted(float(r[0]) * 1000 for r in rows)
cpu = (int(sys.argv[4]) - int(sys.argv[3])) * 1000.0 / os.sysconf("SC_CLK_TCK") / len(rows)
print("%-14s qweekd CPU %5.2f ms/req   time: mean %6.2f p99 %6.2f ms   status %s" % (
    sys.argv[1], cpu, sum(t) / len(t), t[min(len(t) - 1, int(len(t) * 0.99))], ",".join(codes)))
' "$name" "$T/times" "$t0" "$t1"
}

MINUTE=0
next_minute() {
	MINUTE=$((MINUTE + 1))
	curl -sf -o /dev/null --unix-socket "$SOCK" -X PUT -H 'Content-Type: application/json' \
		-d "{\"now\":\"$(date -u -d "2017-11-14T05:00:00Z + $MINUTE min" +%Y-%m-%dT%H:%M:%SZ)\"}" \
		http://localhost/api/v1/clock
}

# One form, done then reopen, each at the item's current version.
ITEM=1
form() {
	local seq state
	read -r seq state < <(q --json show "@$ITEM" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["seq"], d["state"])')
	[[ $state == open ]] && action=done || action=reopen
	curl -s -o /dev/null --unix-socket "$SOCK" -w '%{time_total} %{http_code}\n' \
		--data "item=$ITEM&seq=$seq&action=$action&note=bench" "http://localhost$PAGE"
}

echo "== $ROUNDS sequential requests each, Unix socket"
measure "page (kept)" "$PAGE"
measure "page gzip" "$PAGE" -H 'Accept-Encoding: gzip'
BEFORE_EACH=next_minute measure "clock moved" /healthz
BEFORE_EACH=next_minute measure "page rendered" "$PAGE"
echo "   (rendered anew = \"page rendered\" - \"clock moved\")"
MINUTE=-1 && next_minute # back to 05:00Z
t0=$(cpu_ticks)
for _ in $(seq 50); do form; done >"$T/forms"
t1=$(cpu_ticks)
python3 -c '
import os, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
cpu = (int(sys.argv[3]) - int(sys.argv[2])) * 1000.0 / os.sysconf("SC_CLK_TCK") / len(rows)
t = [float(r[0]) * 1000 for r in rows]
print("%-14s qweekd CPU %5.2f ms/req (with the show before it)   time: mean %6.2f ms   status %s" % (
    "form posted", cpu, sum(t) / len(t), ",".join(sorted({r[1] for r in rows}))))
' "$T/forms" "$t0" "$t1"

echo "== over TCP: $CONNS connections, $DURATION s"
run_load() {
	local label=$1 t0 t1 n
	shift
	echo "-- $label"
	t0=$(cpu_ticks)
	if command -v wrk >/dev/null 2>&1; then
		wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$@" "http://127.0.0.1:$PORT$PAGE" >"$T/wrk"
		grep -E 'requests in|Non-2xx|Requests/sec|Latency|99%' "$T/wrk"
		n=$(awk '/requests in/ { print $1 }' "$T/wrk")
	else
		n=0
		end=$((SECONDS + DURATION))
		while ((SECONDS < end)); do
			curl -s -o /dev/null "$@" "http://127.0.0.1:$PORT$PAGE"
			n=$((n + 1))
		done
		echo "curl, one at a time: $n requests in $DURATION s"
	fi
	t1=$(cpu_ticks)
	python3 -c 'import os, sys; t = (int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf("SC_CLK_TCK"); n = int(sys.argv[3]); print("qweekd CPU: %.2f s for %d pages: %.3f ms per page" % (t, n, t * 1e3 / n if n else 0))' "$t0" "$t1" "$n"
}
run_load "plain"
run_load "gzip" -H 'Accept-Encoding: gzip'
