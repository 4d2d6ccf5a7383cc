#!/usr/bin/env bash
# `plan copy` benchmark (issue 14; not part of the tests): next year's plan from one of N items
# (10 people, the WHEN forms of bench/uclient.py, every tenth item with a reminder rule of its
# own), ROUNDS copies each timed as the planner waits for it: `qweek plan copy` from start to
# exit, and the daemon's CPU for it (from /proc). The issue asks for under 1 s at 2,000 items.
#
# Figures (Release, 2 cores shared with other builds, 2,000 items, 100 of them with rules of their
# own): copies 2-5: 285-530 ms wall (the client's whole run, fsync included), 40-90 ms of the
# daemon's CPU. The first copy after the fill took 2.9-4.2 s wall and 1.2-1.4 s of CPU, every
# time, when the plan's items had been given rules of their own just before (without that: 60 ms
# CPU), and was fast (0.4-0.5 s wall, 80-90 ms CPU) when a `plan edit` of the old plan (which
# reschedules its reminders) came between, or perf or strace was attached to the daemon. So the
# cost is the reminders catching up with the rules just set, paid by the next change; it is not in
# the copy's own code (store_plan_copy is ~1% of the samples). Not understood further yet.
# Usage: bash bench/plan_copy.sh   (N, ROUNDS override; QWEEKD and QWEEK name binaries already
#        built, else a Release build in build-bench/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N=${N:-2000}
ROUNDS=${ROUNDS:-5}
source bench/lib.sh

bench_build
bench_tmp plan-copy
QWEEKD_NOW=2017-11-01T05:00:00Z start
q() { "$QWEEK" --socket "$SOCK" "$@"; }

echo "filling a plan of $N items..."
SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N")
for i in $(seq 10 10 "$N"); do echo "$i"; done | head -100 | while read -r i; do
	q --plan "$SLUG" remind set "$i" "2d" 2>/dev/null >/dev/null
done

cpu() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
hz=$(getconf CLK_TCK)
# The fill's own aftermath (the reminders scheduling 2,000 new items) is not the copy's: wait
# until the daemon is idle (no CPU for five seconds in a row).
c=$(cpu) idle=0
for _ in $(seq 240); do
	sleep 0.5
	n=$(cpu)
	if [[ $n == "$c" ]]; then idle=$((idle + 1)); else idle=0; fi
	((idle < 10)) || break
	c=$n
done
best=
for r in $(seq "$ROUNDS"); do
	c0=$(cpu)
	t0=$(date +%s%N)
	new=$(q --plan "$SLUG" plan copy --title "Bench copy $r" --from 07.11.2018 2>/dev/null)
	t1=$(date +%s%N)
	c1=$(cpu)
	ms=$(((t1 - t0) / 1000000))
	n=$(q --plan "$new" --json plan show | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"])')
	[[ $n == "$N" ]] || { echo "bench: the copy has $n items, not $N" >&2; exit 1; }
	printf 'copy %d: %d items in %d ms wall, %d ms daemon CPU\n' "$r" "$n" "$ms" \
		$(((c1 - c0) * 1000 / hz))
	[[ -z $best || $ms -lt $best ]] && best=$ms
done
echo "plan copy of $N items: best $best ms (limit 1000 ms)"
