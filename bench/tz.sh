#!/usr/bin/env bash
# Instructions per request (callgrind) of the two requests that convert the most times:
# GET /api/v1/plans/SLUG/items and GET /api/v1/plans/SLUG/export.csv, on a plan of N_ITEMS items
# (bench/uclient.py fill) and on one with N_DUE deadlines given as "16.11" added (as
# bench/export_csv.sh builds it). Not part of the tests. qweekd runs under callgrind; after a
# warm-up request its counters are zeroed, REQS requests go on one connection, and the counters
# are dumped: the total over REQS is the whole process's cost of one request.
# Usage: QWEEKD=build-tzrel/qweekd bash bench/tz.sh   (N_ITEMS, N_DUE, REQS override; KEEP=DIR
# keeps the callgrind dumps)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N_ITEMS=${N_ITEMS:-2000}
N_DUE=${N_DUE:-2000}
REQS=${REQS:-3}
QWEEKD=${QWEEKD:?QWEEKD names a Release qweekd}

source bench/lib.sh
bench_tmp tz
# get URL N: N GET requests on one connection, each must be 200.
get() {
	python3 - "$SOCK" "$1" "$2" <<'PY'
import sys
sys.path.insert(0, "bench")
from uclient import UnixHTTPConnection
c = UnixHTTPConnection(sys.argv[1])
for _ in range(int(sys.argv[3])):
    c.request("GET", sys.argv[2])
    r = c.getresponse()
    r.read()
    if r.status != 200:
        sys.exit("bench: %s got %d" % (sys.argv[2], r.status))
PY
}

start
PLAN=$(python3 bench/uclient.py "$SOCK" fill "$N_ITEMS")
DUE=$(python3 bench/uclient.py "$SOCK" fill "$N_ITEMS")
python3 - "$SOCK" "$DUE" "$N_DUE" <<'PY'
import sys
sys.path.insert(0, "bench")
from uclient import Client
c = Client(sys.argv[1])
for i in range(int(sys.argv[3])):
    c.call("POST", "/api/v1/plans/%s/items" % sys.argv[2],
           {"title": "Отчёт №%d" % i, "due": "%02d.11" % (8 + i % 8), "label": "d%d" % i})
PY
stop

start valgrind --tool=callgrind --callgrind-out-file="$T/cg.out"
dumps=0
count() { # NAME URL
	local total
	get "$2" 1
	callgrind_control -z "$PID" >/dev/null 2>&1
	get "$2" "$REQS"
	callgrind_control -d "$PID" >/dev/null 2>&1
	dumps=$((dumps + 1))
	total=$(awk '/^(summary|totals):/ { print $2; exit }' "$T/cg.out.$dumps")
	printf '%-52s %14s\n' "$1" "$((total / REQS))"
}
printf '%-52s %14s\n' "instructions per request (callgrind, mean of $REQS)" ""
count "GET items ($N_ITEMS items)" "/api/v1/plans/$PLAN/items"
count "GET export.csv ($N_ITEMS items)" "/api/v1/plans/$PLAN/export.csv"
count "GET export.csv ($N_ITEMS items + $N_DUE deadlines)" "/api/v1/plans/$DUE/export.csv"
if [[ -n ${KEEP:-} ]]; then cp "$T"/cg.out.* "$KEEP"/; fi
stop
