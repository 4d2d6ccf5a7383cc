#!/usr/bin/env bash
# The reminders benchmark (not part of the tests): a plan with N_ITEMS items (half events, half
# deadlines, two people each) over the coming weeks, which makes more than 100,000 reminders to
# come; then
#   - qweekd's resident memory (VmRSS, VmHWM) with all of them scheduled, against the same
#     daemon with an empty database;
#   - the time to schedule them all at start (the first start on this database);
#   - the time to reschedule after one edit: qweekd's own measure (logged at debug level,
#     "rescheduled in N us"), and the client's wait for `qweek edit` (which includes the edit's
#     own commit);
#   - `qweek remind list --pending`: the first 1,000 (the default) and the first 10,000 (the
#     most it lists) of them; and the memory after that.
# Target: reschedule < 5 ms. BENCH_STRICT=1 makes a missed target exit 1.
# Usage: bash bench/remind.sh   (N_ITEMS, EDITS override; QWEEKD and QWEEK = paths to use
#        binaries already built)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N_ITEMS=${N_ITEMS:-20000}
EDITS=${EDITS:-50}

if [[ -z ${QWEEKD:-} || -z ${QWEEK:-} ]]; then
	cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DQWEEK_TESTS=OFF -DQWEEK_SANITIZE=OFF >/dev/null
	cmake --build build-bench -j"$(nproc)" >/dev/null
	QWEEKD=$ROOT/build-bench/qweekd
	QWEEK=$ROOT/build-bench/qweek
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/qweek-remindbench.XXXXXX")
PID=
cleanup() {
	[[ -n $PID ]] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

start() { # LOG
	"$QWEEKD" --foreground --db "$T/q.db" --socket "$T/q.sock" --config "$T/q.ini" \
		--log-level debug >"$1" 2>&1 &
	PID=$!
	for _ in $(seq 600); do
		curl -sf --unix-socket "$T/q.sock" http://localhost/healthz >/dev/null 2>&1 && return
		sleep 0.1
	done
	cat "$1" >&2
	exit 1
}
stop() {
	kill -TERM "$PID"
	wait "$PID" || true
	PID=
}
rss() { # "VmRSS VmHWM" in MiB
	awk '/^VmRSS|^VmHWM/ { printf "%.1f ", $2 / 1024 }' "/proc/$PID/status"
}
q() { "$QWEEK" --socket "$T/q.sock" "$@"; }

# SMTP to a port where nothing listens: nothing comes due during the benchmark anyway.
printf '[smtp]\nurl = smtp://127.0.0.1:9\nfrom = qweek@example.org\nstarttls = no\n' >"$T/q.ini"

start "$T/empty.log"
read -r rss_empty hwm_empty <<<"$(rss)"
q plan new "Неделя качества" --from 01.12.2030 --to 31.12.2030 --tz Europe/Kyiv >/dev/null
stop

echo "bench: filling the database: $N_ITEMS items, 200 people" >&2
python3 - "$T/q.db" "$N_ITEMS" <<'PY'
import sqlite3, sys, time
from datetime import datetime, timedelta, timezone
db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
now = int(time.time())
plan = c.execute("SELECT id FROM plans").fetchone()[0]
people = []
for i in range(200):
    c.execute("INSERT INTO people (plan_id, name, name_key, email, created) VALUES (?, ?, ?, ?, ?)",
              (plan, "Person %d" % i, "person %d" % i, "p%d@example.org" % i, now))
    people.append(c.execute("SELECT last_insert_rowid()").fetchone()[0])
start = datetime(2030, 12, 1, 7, 0, tzinfo=timezone.utc)
for i in range(n):
    at = start + timedelta(minutes=7 * i)
    stored = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    t = int(at.timestamp())
    event = i % 2 == 0
    c.execute("INSERT INTO items (plan_id, label, sort_key, title, kind, when_text, start_at, "
              "due_at, at, late_after, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              (plan, str(i + 1), "%06d" % (i + 1), "Item %d" % (i + 1),
               "event" if event else "deadline", stored, stored if event else None,
               None if event else stored, t, t + 3600, now, now))
    item = c.execute("SELECT last_insert_rowid()").fetchone()[0]
    for k in range(2):
        c.execute("INSERT INTO assignments (item_id, person_id, position) VALUES (?, ?, ?)",
                  (item, people[(i + k * 7) % len(people)], k))
c.commit()
PY

start "$T/full.log"
sched=$(sed -n 's/.*reminders: .* item(s) scheduled anew, in \([0-9]*\) ms.*/\1/p' "$T/full.log")
read -r rss_full hwm_full <<<"$(rss)"
pending=$(curl -sf --unix-socket "$T/q.sock" \
	"http://localhost/api/v1/plans/_/reminders?state=pending&limit=1&count=1" |
	python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
ms() { # the wall time of a command, in ms
	local t0
	t0=$(date +%s%N)
	"$@" >/dev/null
	echo $((($(date +%s%N) - t0) / 1000000))
}
list_1k=$(ms q remind list --pending)
list_10k=$(ms q remind list --pending --limit 10000)
listed=$(q --json remind list --pending --limit 10000 | python3 -c '
import json, sys
print(len(json.load(sys.stdin)["reminders"]))')
read -r rss_after hwm_after <<<"$(rss)"

echo "bench: $EDITS edits, each moving one item by a day" >&2
client=()
for e in $(seq "$EDITS"); do
	label=$((e * 397 % N_ITEMS + 1))
	t0=$(date +%s%N)
	q edit "$label" --when "$(printf '%02d.12.2030 1%d.00' $((e % 27 + 2)) $((e % 9)))" >/dev/null
	client+=($((($(date +%s%N) - t0) / 1000)))
done
mapfile -t inner < <(sed -n 's/.*rescheduled in \([0-9]*\) us (1 item(s) recomputed).*/\1/p' "$T/full.log")
stop

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
p90() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int(NR * 0.9 + 0.5)] }'; }
max() { printf '%s\n' "$@" | sort -n | tail -1; }
resched=$(median "${inner[@]}")
cat <<EOF
reminders benchmark: $N_ITEMS items, $pending reminders to come (Europe/Kyiv, December 2030)
  resident memory, empty database:        VmRSS $rss_empty MiB (peak $hwm_empty)
  resident memory, all scheduled:         VmRSS $rss_full MiB (peak $hwm_full)
  ... after listing 10,000 of them:       VmRSS $rss_after MiB (peak $hwm_after)
  scheduling them all at the first start: $sched ms
  reschedule after one edit (qweekd):     median $resched us, p90 $(p90 "${inner[@]}") us, max $(max "${inner[@]}") us over ${#inner[@]} edits   (target < 5000 us)
  qweek edit, the client's wait:          median $(median "${client[@]}") us, max $(max "${client[@]}") us
  qweek remind list --pending:            $list_1k ms (1,000 listed), $list_10k ms ($listed listed)
EOF
if [[ ${BENCH_STRICT:-0} == 1 ]] && ((resched >= 5000)); then
	echo "bench: reschedule target missed" >&2
	exit 1
fi
