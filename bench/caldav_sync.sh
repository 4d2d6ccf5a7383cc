#!/usr/bin/env bash
# The CalDAV sync benchmark (issue 16; not part of the tests): a person with N_ITEMS items (of
# their own and of their group) in a plan of N_PLAN; a phone synced (its token kept), then one
# item changed; then ROUNDS sync-collection REPORTs with that token over TCP (Basic auth, as a
# task app sends them), each answering the one changed task:
#   - qweekd's CPU per request (from /proc, the steadier figure on a shared machine), the mean
#     and p99 time, and the body's size;
#   - for comparison, a first sync (no token: every task) and a calendar-multiget of 50 tasks
#     with their calendar-data.
#
# Figures: 500 items in a plan of 1,000; Release; 2 cores shared with other builds and tests
# (the wall-clock times are theirs as much as ours; the daemon's own CPU is the figure):
#   sync after one change   1.10 ms CPU/request, 557 bytes (the one task)     target < 2 ms
#   first sync (all 500)    4.50 ms CPU/request, 141,668 bytes
#   multiget of 50 tasks    3.83 ms CPU/request, 71,615 bytes (calendar-data rendered)
# A sync with a token looks only at the items changed since (the dav_changes counter of schema
# 009), so its cost is the change's and the login's (a SHA-256 and two indexed lookups), not
# the collection's.
# Usage: bash bench/caldav_sync.sh   (N_ITEMS, N_PLAN, ROUNDS override; QWEEKD and QWEEK name
#        binaries already built, else a Release build in build-bench/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N_ITEMS=${N_ITEMS:-500}
N_PLAN=${N_PLAN:-1000}
ROUNDS=${ROUNDS:-300}
source bench/lib.sh

bench_build
bench_tmp caldav
bench_port
QWEEKD_NOW=2017-11-14T05:00:00Z start

echo "filling a plan of $N_PLAN items, $N_ITEMS of them Иванова's or her group's..."
SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N_PLAN")
q person add "Иванова А. П." --group "Психологи" >/dev/null
python3 - "$SOCK" "$SLUG" "$N_ITEMS" <<'PYEOF'
import sys
sys.path.insert(0, "bench")
from uclient import Client
c, slug, n = Client(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(1, n + 1):
    who = ["Иванова А. П."] if i % 3 else ["Психологи"]
    c.call("PATCH", "/api/v1/plans/%s/items/@%d" % (slug, i), {"who": who})
    if i % 4 == 0:
        c.call("POST", "/api/v1/plans/%s/items/@%d/done" % (slug, i), {})
PYEOF
LOGIN=$(q --json person link "Иванова А. П." | python3 -c 'import json,sys; print(json.load(sys.stdin)["caldav"]["username"])')
PASS=$(q person token "Иванова А. П." --role staff 2>/dev/null)
TASKS="http://127.0.0.1:$PORT/dav/$LOGIN/tasks/"
SYNC='<sync-collection xmlns="DAV:"><sync-token>%s</sync-token><sync-level>1</sync-level><prop><getetag/><getcontenttype/></prop></sync-collection>'

report() { curl -s -X REPORT -u "$LOGIN:$PASS" -H 'Depth: 1' --data "$1" "$TASKS"; }
report "$(printf "$SYNC" "")" >"$T/first.xml"
TOKEN=$(sed -n 's:.*<d\:sync-token>\([^<]*\)</d\:sync-token>.*:\1:p' "$T/first.xml")
echo "a first sync: $(grep -o '<d:response>' "$T/first.xml" | wc -l) tasks, $(stat -c %s "$T/first.xml") bytes"
q done "@1" >/dev/null
report "$(printf "$SYNC" "$TOKEN")" >"$T/one.xml"
echo "the sync after one change: $(grep -o '<d:response>' "$T/one.xml" | wc -l) task(s), $(stat -c %s "$T/one.xml") bytes"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }

# measure NAME BODY: ROUNDS REPORTs in a row (one connection each, as a phone's sync makes).
measure() {
	local name=$1 body=$2 t0 t1
	t0=$(cpu_ticks)
	for _ in $(seq "$ROUNDS"); do
		curl -s -o /dev/null -w '%{time_total} %{http_code} %{size_download}\n' -X REPORT \
			-u "$LOGIN:$PASS" -H 'Depth: 1' --data "$body" "$TASKS"
	done >"$T/times"
	t1=$(cpu_ticks)
	python3 -c '
import os, sys
rows = [l.split() for l in open(sys.argv[2]) if l.strip()]
t = sorted(float(r[0]) * 1000 for r in rows)
cpu = (int(sys.argv[4]) - int(sys.argv[3])) * 1000.0 / os.sysconf("SC_CLK_TCK") / len(rows)
print("%-22s qweekd CPU %5.2f ms/req   time: mean %6.2f p99 %6.2f ms   %s bytes   status %s" % (
    sys.argv[1], cpu, sum(t) / len(t), t[min(len(t) - 1, int(len(t) * 0.99))],
    rows[0][2], ",".join(sorted({r[1] for r in rows}))))
' "$name" "$T/times" "$t0" "$t1"
}

MG="<C:calendar-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop><D:getetag/><C:calendar-data/></D:prop>"
for i in $(seq 1 75); do ((i % 3)) && MG+="<D:href>/dav/$LOGIN/tasks/$i.ics</D:href>"; done
MG+="</C:calendar-multiget>"

echo "== $ROUNDS sequential REPORTs each, TCP, Basic auth"
measure "sync after one change" "$(printf "$SYNC" "$TOKEN")"
ROUNDS=$((ROUNDS / 5)) measure "first sync (all)" "$(printf "$SYNC" "")"
ROUNDS=$((ROUNDS / 5)) measure "multiget of 50" "$MG"
