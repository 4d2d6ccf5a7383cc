# 50 clients add an item each, all at once: every one succeeds and exactly 50 items exist.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=50
start_daemon
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk >/dev/null
q person add "Директор" >/dev/null

step "$N qweek add at once"
pids=()
for i in $(seq "$N"); do
	q add "Мероприятие №$i" --when "14.11 $((9 + i % 9)).00" --who "Директор" \
		>"$T/add.$i.out" 2>"$T/add.$i.err" &
	pids+=($!)
done
failed=0
for i in $(seq "$N"); do
	rc=0
	wait "${pids[$((i - 1))]}" || rc=$?
	if ((rc != 0)); then
		echo "   add #$i exited $rc: $(cat "$T/add.$i.err")"
		failed=$((failed + 1))
	fi
done
assert_eq 0 "$failed" "failed adds"

step "exactly $N items, each once"
list=$(qj list)
assert_eq "$N" "$(jget 'len(d["items"])' "$list")" "items"
assert_eq "$N" "$(jget 'len(set(i["title"] for i in d["items"]))' "$list")" "distinct titles"
assert_eq "$N" "$(jget 'len(set(i["id"] for i in d["items"]))' "$list")" "distinct ids"
assert_eq "$N 0" "$(qj status | jget '"%d %d" % (d["total"], d["done"])')" "status total, done"
assert_eq "$N" "$(qj status | jget '[p["total"] for p in d["by_person"] if p["name"] == "Директор"][0]')" \
	"Директор's items"

step "$N qweek done at once, on distinct items"
ids=$(jget '" ".join(str(i["id"]) for i in d["items"])' "$list")
pids=()
for id in $ids; do
	q done "@$id" >/dev/null 2>"$T/done.$id.err" &
	pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "a concurrent done failed"; done
assert_eq "$N $N 0" "$(qj status | jget '"%d %d %d" % (d["total"], d["done"], d["open"])')" \
	"status total, done, open"

stop_daemon
echo "PASS: $TEST_NAME"
