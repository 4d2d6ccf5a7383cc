#!/usr/bin/env bash
# The backup benchmark (issue 15; not part of the tests): a database of SIZE_MB (a plan, and a
# filler table of random blobs written with sqlite3 while qweekd is stopped), then qweek backup
# while a client asks GET /api/v1/plans/:plan/items over the Unix socket back to back:
#   - how long the backup takes, and its rate;
#   - the other client's latency (median, p99, max) before and during the backup: the copy goes
#     64 pages per turn of the event loop, so a request waits for one step at most.
#
# Figures (Release; 2 cores shared with other builds, load average ~17; a 101 MB database, 25,844
# pages): qweek backup 12.2 s (8 MB/s, the copy made and handed over); the other client's
# requests: without a backup median 0.22 ms, p99 26 ms, max 53 ms (1,716 requests); during it
# median 0.27 ms, p99 36 ms, but max 766 ms: one stall per backup, not yet explained (the
# copy's last step, or its hand-over through GET /api/v1/backup/file, are the suspects; the
# fsync of the copy is already off).
# Usage: bash bench/backup.sh   (SIZE_MB overrides; QWEEKD and QWEEK name binaries already
#        built, else a Release build in build-bench/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZE_MB=${SIZE_MB:-100}
source bench/lib.sh

bash scripts/deps.sh sqlite3 curl python3 >/dev/null
bench_build
bench_tmp backup
start
"$QWEEK" --socket "$SOCK" plan new "Неделя качества 2026" --from 09.11.2026 --to 16.11.2026 \
	--tz Europe/Kyiv --slug nk >/dev/null
for i in $(seq 1 50); do
	"$QWEEK" --socket "$SOCK" add "Мероприятие $i" --due 16.11.2026 >/dev/null
done
stop
sqlite3 "$T/b.db" "CREATE TABLE bench_filler(x BLOB);
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SIZE_MB * 16)
	INSERT INTO bench_filler SELECT randomblob(65536) FROM n;"
start
echo "database: $(du -m "$T/b.db" | cut -f1) MB"

# The other client: requests back to back; latencies in ms to $T/lat.WHAT until $T/stop exists.
client() {
	python3 - "$SOCK" "$T/lat.$1" "$T/stop.$1" <<'PYEOF'
import http.client, os, socket, sys, time
class C(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(sys.argv[1])
out = open(sys.argv[2], "w")
c = C("localhost")
while not os.path.exists(sys.argv[3]):
    t = time.perf_counter()
    c.request("GET", "/api/v1/plans/nk/items")
    c.getresponse().read()
    out.write("%.3f\n" % ((time.perf_counter() - t) * 1000))
PYEOF
}
stats() {
	sort -n "$1" | awk '{ a[NR] = $1 } END { printf "%d requests, median %.2f ms, p99 %.2f ms, max %.2f ms\n", NR, a[int(NR / 2) + 1], a[int(NR * 0.99) + 1], a[NR] }'
}

client idle &
CPID=$!
for _ in $(seq 300); do (($(wc -l <"$T/lat.idle" 2>/dev/null || echo 0) >= 1000)) && break; sleep 0.1; done
touch "$T/stop.idle"
wait "$CPID"
echo "without a backup: $(stats "$T/lat.idle")"

client busy &
CPID=$!
sleep 0.5
t0=$(date +%s.%N)
"$QWEEK" --socket "$SOCK" backup "$T/copy.db" >/dev/null
t1=$(date +%s.%N)
touch "$T/stop.busy"
wait "$CPID"
grep "backup:" "$T/qweekd.log" | tail -n 1
python3 -c "import sys; s = float(sys.argv[2]) - float(sys.argv[1]); print('qweek backup: %.2f s, %.0f MB/s' % (s, int(sys.argv[3]) / s))" "$t0" "$t1" "$(du -m "$T/copy.db" | cut -f1)"
echo "during the backup: $(stats "$T/lat.busy")"
