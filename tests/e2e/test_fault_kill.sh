# Faults: 8 clients write at once (add, done, edit) while qweekd is killed with SIGKILL at
# random moments, at least 5 times, and restarted. Every change a client saw acknowledged must
# be there afterwards, and PRAGMA integrity_check must say ok. Bounded to well under a minute.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WRITERS=${FAULT_WRITERS:-8}
OPS=${FAULT_OPS:-15}
BUDGET=${FAULT_SECONDS:-35}	# the writers stop after this many seconds, done or not
KILLS=${FAULT_KILLS:-6}
export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon
SLUG=$(q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk)
q person add "Иванова" >/dev/null

# writer I: OPS rounds of add, and done or edit of an earlier item; logs what was acknowledged.
writer() {
	local i=$1 log=$T/writer-$1.log n last= stop=$((SECONDS + BUDGET))
	for ((n = 1; n <= OPS && SECONDS < stop; n++)); do
		if q add "Дело $i.$n" --when "14.11 10.00" --who "Иванова" --no "w$i.$n" >/dev/null 2>&1; then
			echo "add w$i.$n" >>"$log"
			[[ -n $last ]] || last=w$i.$n
		fi
		[[ -n $last ]] || continue
		if ((n % 3 == 0)); then
			if q done "$last" --note "n$n" >/dev/null 2>&1; then
				echo "done $last" >>"$log"
			fi
			last=
		else
			echo "try edit $last p$n" >>"$log"
			if q edit "$last" --where "p$n" >/dev/null 2>&1; then
				echo "ack edit $last p$n" >>"$log"
			fi
		fi
		sleep 0.0$((RANDOM % 5))
	done
	echo "end" >>"$log"
}

step "$WRITERS writers × $OPS rounds, qweekd killed -9 $KILLS times"
pids=()
for ((i = 1; i <= WRITERS; i++)); do
	writer "$i" &
	pids+=($!)
done
for ((k = 1; k <= KILLS; k++)); do
	sleep "$((RANDOM % 8 + 3))e-1"
	kill9_daemon
	echo "   kill -9 #$k"
	sleep 0.1
	start_daemon
done
for p in "${pids[@]}"; do wait "$p"; done
kill9_daemon
start_daemon

step "every acknowledged change is there"
qj list >"$T/items.json"
"$PY" - "$T/items.json" "$T"/writer-*.log <<'PYEOF'
import json, sys
items = {i["label"]: i for i in json.load(open(sys.argv[1]))["items"]}
acked = lost = 0
for path in sys.argv[2:]:
    tries = {}	# label -> values tried since the last acknowledged edit
    last = {}
    for line in open(path):
        w = line.split()
        if w[0] == "add":
            acked += 1
            if w[1] not in items:
                print("lost: add", w[1]); lost += 1
        elif w[0] == "done":
            acked += 1
            if items.get(w[1], {}).get("state") != "done":
                print("lost: done", w[1]); lost += 1
        elif w[0] == "try":
            tries.setdefault(w[2], []).append(w[3])
        elif w[0] == "ack":
            acked += 1
            last[w[2]] = w[3]
            tries[w[2]] = []
    for label, value in last.items():
        where = items.get(label, {}).get("where")
        if where != value and where not in tries.get(label, []):
            print("lost: edit", label, value, "found", where); lost += 1
    if not open(path).read().endswith("end\n"):
        print("a writer did not finish:", path); lost += 1
print("   %d acknowledged changes checked, %d items, %d lost" % (acked, len(items), lost))
sys.exit(1 if lost or acked < 10 else 0)
PYEOF
stop_daemon

step "PRAGMA integrity_check"
assert_eq ok "$("$PY" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$T/q.db")" "integrity_check"
echo "ok"
