#!/usr/bin/env bash
# The CSV export benchmark (not part of the tests): instructions spent in export_csv (callgrind,
# so that a busy machine does not matter) for a plan of N_ITEMS items typed in every form
# (bench/uclient.py fill) and N_DUE deadlines given as --due "16.11" (their WHEN as typed reads
# as an event, so the export writes it out again: export_when.c), then the export's wall time
# outside valgrind (median of 5). QWEEKD and QWEEK name prebuilt binaries instead of a Release
# build in build-bench/.
# Usage: bash bench/export_csv.sh        (N_ITEMS, N_DUE override the sizes)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N_ITEMS=${N_ITEMS:-2000}
N_DUE=${N_DUE:-2000}

source bench/lib.sh
bench_build
bench_tmp export

echo "bench: a plan of $N_ITEMS items and $N_DUE deadlines given with --due"
start
SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N_ITEMS")
python3 - "$SOCK" "$SLUG" "$N_DUE" <<'PY'
import sys
sys.path.insert(0, "bench")
from uclient import Client
c = Client(sys.argv[1])
for i in range(int(sys.argv[3])):
    c.call("POST", "/api/v1/plans/%s/items" % sys.argv[2],
           {"title": "Отчёт №%d" % i, "due": "%02d.11" % (8 + i % 8), "label": "d%d" % i})
PY

ms=()
for _ in 1 2 3 4 5; do
	s=$(date +%s%N)
	"$QWEEK" --socket "$SOCK" --plan "$SLUG" export --format csv --output "$T/out.csv"
	e=$(date +%s%N)
	ms+=($(((e - s) / 1000000)))
done
median=$(printf '%s\n' "${ms[@]}" | sort -n | sed -n 3p)
stop

start valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" --toggle-collect=export_csv
"$QWEEK" --socket "$SOCK" --plan "$SLUG" export --format csv --output "$T/out.csv"
stop
[[ -n ${BENCH_KEEP_CG:-} ]] && cp "$T/cg.out" "$BENCH_KEEP_CG"
ir=$(callgrind_annotate "$T/cg.out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
rows=$(($(wc -l <"$T/out.csv") - 1))
printf '\n%-44s %14s\n' "measure ($rows rows)" value
printf '%-44s %14s\n' "export_csv instructions (callgrind)" "$ir"
printf '%-44s %14s\n' "instructions per row" "$((ir / rows))"
printf '%-44s %12sms\n' "export --format csv, wall (median of 5)" "$median"
