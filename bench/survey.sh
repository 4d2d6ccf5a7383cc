#!/usr/bin/env bash
# The survey benchmark (issue 17; not part of the tests). The clients-ru template (21 questions:
# the seed's 18 points, three of which ask two things) with N responses:
#   - results: the daemon's CPU per GET .../survey/results (one GROUP BY over the answers'
#     index, then the counts in C), and the report with its survey section;
#   - the form over TCP (wrk, CONNS connections, DURATION s) against the status page: the form
#     is kept rendered and gets a new signed token per request;
#   - a response stored: POST /survey/<secret> (token checked and used, answers checked, one
#     transaction with synchronous=FULL), time per request and the daemon's CPU.
# The N responses are written into the database directly while qweekd is stopped (sending
# 10,000 through the form would take minutes of fsync, and the rate limit would refuse most).
#
# Figures (Release; 2 cores shared with six other builds, load average ~6; N=10,000, 212,000
# answers): see the report of issue 17; re-run for this machine.
# Usage: bash bench/survey.sh   (N, ROUNDS, DURATION, CONNS override; QWEEKD and QWEEK name
#        binaries already built, else a Release build in build-bench/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N=${N:-10000}
ROUNDS=${ROUNDS:-50}
DURATION=${DURATION:-10}
CONNS=${CONNS:-20}
source bench/lib.sh

bench_build
bench_tmp survey
bench_port
run() { QWEEKD_NOW=2017-11-14T05:00:00Z start; }

run
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk \
	--lang ru --slug b >/dev/null
q import --skip-bad data/nadezhda-2017.csv >/dev/null # the status page of a real plan, 41 items
q survey new --template clients-ru >/dev/null
FORM=$(q survey link)
FORM=/survey/${FORM##*/}
STATUS=$(q status --url)
STATUS=/status/${STATUS##*/}
stop

echo "writing $N responses into the database..."
python3 - "$T/b.db" "$N" <<'PYEOF'
import random, sqlite3, sys
db, n = sqlite3.connect(sys.argv[1]), int(sys.argv[2])
plan = db.execute("SELECT id FROM plans WHERE slug = 'b'").fetchone()[0]
# clients-ru: options per question (0: free text), in order
opts = [2, 4, 3, 3, 2, 3, 4, 0, 3, 3, 3, 3, 3, 3, 7, 3, 4, 3, 5, 0, 0]
multi = {3, 5, 6, 14, 15}
texts = ["всё хорошо", "затрудняюсь ответить", "изменить часы работы", "-", "не возникало"]
rnd = random.Random(17)
with db:
    for r in range(n):
        cur = db.execute("INSERT INTO survey_responses (plan_id, hour, source) VALUES (?, ?, 'form')",
                         (plan, 1510635600))
        rid = cur.lastrowid
        for q, k in enumerate(opts):
            if q not in (0, 16) and rnd.random() < 0.2:
                continue
            if k == 0:
                db.execute("INSERT INTO survey_answers VALUES (?, ?, ?, 0, ?)",
                           (rid, plan, q, rnd.choice(texts)))
                continue
            if q in multi:
                mask = rnd.randrange(1, 1 << k)
            else:
                mask = 1 << rnd.randrange(k)
            db.execute("INSERT INTO survey_answers VALUES (?, ?, ?, ?, NULL)", (rid, plan, q, mask))
print("answers:", db.execute("SELECT count(*) FROM survey_answers").fetchone()[0])
PYEOF
run
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }

# measure NAME PATH: ROUNDS sequential requests on the Unix socket: qweekd's CPU per request.
measure() {
	local name=$1 path=$2 t0 t1
	t0=$(cpu_ticks)
	for _ in $(seq "$ROUNDS"); do
		curl -s -o /dev/null --unix-socket "$SOCK" -w '%{time_total} %{http_code}\n' \
			"http://localhost$path"
	done >"$T/times"
	t1=$(cpu_ticks)
	python3 -c '
import os, sys
rows = [l.split() for l in open(sys.argv[2]) if l.strip()]
t = sorted(float(r[0]) * 1000 for r in rows)
cpu = (int(sys.argv[4]) - int(sys.argv[3])) * 1000.0 / os.sysconf("SC_CLK_TCK") / len(rows)
print("%-16s qweekd CPU %6.2f ms/req   time: mean %6.2f p99 %6.2f ms   status %s" % (
    sys.argv[1], cpu, sum(t) / len(t), t[min(len(t) - 1, int(len(t) * 0.99))],
    ",".join(sorted({r[1] for r in rows}))))
' "$name" "$T/times" "$t0" "$t1"
}

echo "== $ROUNDS sequential requests each, Unix socket, $N responses"
measure "results" /api/v1/plans/b/survey/results
measure "results --by 1" "/api/v1/plans/b/survey/results?by=1"
measure "report (md)" /api/v1/plans/b/report
measure "the form" "$FORM"

echo "== over TCP: wrk, $CONNS connections, $DURATION s each"
wrk_rps() {
	local t0 t1
	t0=$(cpu_ticks)
	wrk -t2 -c"$CONNS" -d"${DURATION}s" "http://127.0.0.1:$PORT$1" >"$T/wrk"
	t1=$(cpu_ticks)
	local rps n
	rps=$(awk '/Requests\/sec/ { print $2 }' "$T/wrk")
	n=$(awk '/requests in/ { print $1 }' "$T/wrk")
	grep -q "Non-2xx" "$T/wrk" && grep "Non-2xx" "$T/wrk" >&2
	python3 -c 'import os, sys; t = (int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf("SC_CLK_TCK"); n = int(sys.argv[3]); print("%-12s %10s req/s  qweekd CPU %.3f ms/req" % (sys.argv[4], sys.argv[5], t * 1e3 / n if n else 0))' "$t0" "$t1" "$n" "$2" "$rps" >&2
	echo "$rps"
}
S=$(wrk_rps "$STATUS" "status page")
F=$(wrk_rps "$FORM" "survey form")
python3 -c 'import sys; print("form / status page: %.2f (wanted >= 0.80)" % (float(sys.argv[2]) / float(sys.argv[1])))' "$S" "$F"

echo "== $ROUNDS responses stored through the form (Unix socket: the rate limit is per address)"
t0=$(cpu_ticks)
python3 - "$SOCK" "$FORM" "$ROUNDS" <<'PYEOF'
import sys, time
sys.path.insert(0, "tests/e2e")
import survey_client as sc
sock, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
url = "http://localhost" + path
times, codes = [], set()
for i in range(n):
    form = sc.get_form(url, unix=sock)
    pairs = [("t", form.hidden["t"])] + sc.fields_for(form, {
        "1": "женский", "3": "высшее и незаконченное высшее", "4": ["другое"],
        "17": "удовлетворяет", "21": "всё хорошо %d" % i})
    t = time.perf_counter()
    status, _ = sc.post(url, pairs, unix=sock)
    times.append((time.perf_counter() - t) * 1000)
    codes.add(status)
times.sort()
print("response stored  time: mean %.2f p50 %.2f p99 %.2f ms   status %s" % (
    sum(times) / n, times[n // 2], times[min(n - 1, int(n * 0.99))], ",".join(map(str, codes))))
PYEOF
t1=$(cpu_ticks)
python3 -c 'import os, sys; t = (int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf("SC_CLK_TCK"); print("qweekd CPU %.2f ms per response (with the GET of its form)" % (t * 1e3 / int(sys.argv[3])))' "$t0" "$t1" "$ROUNDS"
