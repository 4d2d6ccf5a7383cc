# Faults: a full disk. The database lives on a small tmpfs (mounted here; skipped, saying so,
# where mounting is not allowed, e.g. an unprivileged container); filling it makes writes fail
# with 503 "the disk is full", nothing acknowledged is lost, reads go on, and once space is freed
# writes work again. (A read-only database: test_fault_readonly.sh. A read-only remount is
# refused while the daemon has the file open for writing, so that test remounts between runs.)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DISK=$T/disk
mkdir -p "$DISK"
if ! mount -t tmpfs -o size=3m,mode=0700 tmpfs "$DISK" 2>"$T/mount.err"; then
	skip "cannot mount a tmpfs here ($(cat "$T/mount.err")): the full-disk test needs root"
fi
_unmount() { umount -l "$DISK" 2>/dev/null || true; }
# Keep the test's status for _cleanup (lib.sh), which reads $? first.
trap 'rc=$?; set +e; _unmount; (exit $rc); _cleanup' EXIT

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon --db "$DISK/q.db"
SLUG=$(q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk)
q person add "Иванова" >/dev/null
BIG=$(head -c 12000 /dev/zero | tr '\0' 'x')

# add N: an item with a large description over the socket; prints the HTTP status.
add() {
	"$PY" -c 'import json,sys; print(json.dumps({"title": "Дело " + sys.argv[1], "when": "14.11 10.00", "label": "d" + sys.argv[1], "description": sys.argv[2]}))' \
		"$1" "$BIG" >"$T/body.json"
	http POST "/api/v1/plans/$SLUG/items" application/json "$T/body.json"
}

step "fill the disk"
n=0
for ((i = 1; i <= 10; i++)); do
	[[ $(add "$i") == 201 ]] || fail "add $i before the disk is full: $(cat "$T/http.body")"
	echo "d$i" >>"$T/acked"
done
dd if=/dev/zero of="$DISK/fill" bs=64k 2>/dev/null || true
full=0
for ((i = 11; i <= 400; i++)); do
	code=$(add "$i")
	if [[ $code == 201 ]]; then
		echo "d$i" >>"$T/acked"
		continue
	fi
	assert_eq 503 "$code" "a write on a full disk"
	assert_match 'disk is full' "$(cat "$T/http.body")" "the message"
	full=1
	break
done
((full)) || fail "400 writes on a full disk all succeeded"
echo "   refused after $(wc -l <"$T/acked") acknowledged items: $(jget 'd["error"]["message"]' "$(cat "$T/http.body")")"

step "reads go on while the disk is full"
expect_ok q list
expect_fail 1 q done d1
assert_match 'disk is full' "$(last_err)" "done on a full disk"

step "space freed: writes work again, nothing acknowledged is lost"
rm -f "$DISK/fill"
expect_ok q done d1
stop_daemon
start_daemon --db "$DISK/q.db"
qj list >"$T/items.json"
while read -r label; do
	jget "[i['label'] for i in d['items']].count('$label')" "$(cat "$T/items.json")" | grep -qx 1 ||
		fail "acknowledged item $label is lost"
done <"$T/acked"
assert_eq done "$(jget 'd["state"]' "$(qj show d1)")" "d1 done"
stop_daemon
assert_eq ok "$("$PY" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$DISK/q.db")" "integrity_check"
echo "ok"
