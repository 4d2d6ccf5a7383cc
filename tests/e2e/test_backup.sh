# Backups (issue 15): qweek backup under a write load, qweekd --restore on a fresh state
# directory, and what is in the copy: every change acknowledged before the backup began, none
# begun after it ended, and every feed, status page and personal page link working as before.
# Also: restore refuses while a daemon holds the database, a copy of a newer schema, a copy
# without its key, and a file that is not a database; backup needs the administrator.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
status_of() { curl -s --max-time 20 -o "$T/body" -w '%{http_code}' "$1"; }

step "a plan with 900 items (the copy takes many steps), people and their links"
start_daemon --listen "127.0.0.1:$PORT" --url "$BASE"
expect_ok q plan new "Неделя качества 2026" --from 09.11.2026 --to 16.11.2026 --tz Europe/Kyiv
expect_ok q person add "Иванова А. П." --group "Заведующие отделениями"
# Three files of 300 rows (qweekd takes files of up to 256 KiB).
"$PY" - "$T" <<'PYEOF'
import sys
for part in range(3):
    with open("%s/big%d.csv" % (sys.argv[1], part), "w", encoding="utf-8") as f:
        f.write("№,Наименование мероприятия,Срок исполнения,Ответственный исполнитель\n")
        for i in range(part * 300 + 1, part * 300 + 301):
            f.write('%d,"Мероприятие %d: %s",до 16.11.2026,Иванова А. П.\n' % (i, i, "текст " * 12))
PYEOF
for part in 0 1 2; do expect_ok q import "$T/big$part.csv"; done
expect_ok q status --url
STATUS_URL=$(grep -o "$BASE/status/[a-z2-7]*" "$T/last.out" | head -n 1)
expect_ok q feed
FEED_URL=$(grep -o "$BASE/feeds/[a-z2-7]*\.ics" "$T/last.out" | head -n 1)
expect_ok q person link "Иванова А. П."
PAGE_URL=$(sed -n 1p "$T/last.out")
PFEED_URL=$(sed -n 2p "$T/last.out")
for u in "$STATUS_URL" "$FEED_URL" "$PAGE_URL" "$PFEED_URL"; do
	assert_match "^$BASE/(status|feeds|me)/" "$u" "a link"
	assert_eq 200 "$(status_of "$u")" "GET $u before the backup"
done
grep -q "Иванова" "$T/body" || fail "the person's feed does not name her"

step "qweek backup while a bounded loop of qweek add runs"
mkdir -p "$T/copy"
: >"$T/load.log"
acked() { grep -c '^ok' "$1" || true; }
# The load: add K writes "start K" before it runs and "ok K" once it returned 0.
(
	for k in $(seq 1 40); do
		echo "start $k" >>"$T/load.log"
		q add "Нагрузка $k" --due 16.11.2026 >/dev/null 2>&1 && echo "ok $k" >>"$T/load.log"
	done
) &
LOAD_PID=$!
for _ in $(seq 400); do (($(acked "$T/load.log") >= 5)) && break; sleep 0.05; done
cp "$T/load.log" "$T/before.log" # acknowledged before the backup began: must be in the copy
expect_ok q backup "$T/copy/qweek.db"
cp "$T/load.log" "$T/after.log" # begun after the backup ended: must not be
wait "$LOAD_PID"
grep -q '^ok' "$T/before.log" || fail "no add was acknowledged before the backup"
assert_match "wrote .*copy/qweek\.db .* link key .*copy/qweek\.db\.key" "$(last_out)" "backup's message"
[[ $(stat -c %a "$T/copy/qweek.db") == 600 && $(stat -c %a "$T/copy/qweek.db.key") == 600 ]] ||
	fail "the copy and its key must be 0600"
grep -q "backup: [0-9]* pages copied" "$DAEMON_LOG" || fail "the daemon did not log the copy"
[[ ! -e $T/q.db.backup ]] || fail "the daemon left its copy beside the database"
echo "   $(acked "$T/load.log") adds acknowledged in all; $(acked "$T/before.log") before the backup"

step "a backup needs the administrator: a token is refused"
TOKEN=$(q person token "Иванова А. П." --role planner | tail -n 1)
expect_fail 1 "$QWEEK" --url "$BASE" --token "$TOKEN" backup "$T/nope.db"
[[ ! -e $T/nope.db ]] || fail "a refused backup wrote a file"

step "qweekd --restore refuses while qweekd holds the database"
expect_fail 1 "$QWEEKD" --db "$T/q.db" --restore "$T/copy/qweek.db"
assert_match "qweekd is running on .*q\.db: stop it first" "$(last_err)"
stop_daemon

step "restore refuses a newer schema, a missing key, and a file that is not a database"
cp "$T/copy/qweek.db" "$T/newer.db"
cp "$T/copy/qweek.db.key" "$T/newer.db.key"
sqlite3 "$T/newer.db" "PRAGMA user_version = 999"
expect_fail 1 "$QWEEKD" --db "$T/fresh/q.db" --restore "$T/newer.db"
assert_match "newer qweekd" "$(last_err)"
cp "$T/copy/qweek.db" "$T/nokey.db"
expect_fail 1 "$QWEEKD" --db "$T/fresh/q.db" --restore "$T/nokey.db"
assert_match "nokey\.db\.key.*nothing was restored" "$(last_err)"
echo "not a database" >"$T/junk.db"
cp "$T/copy/qweek.db.key" "$T/junk.db.key"
expect_fail 1 "$QWEEKD" --db "$T/fresh/q.db" --restore "$T/junk.db"
assert_match "junk\.db is not a database" "$(last_err)"
[[ ! -s $T/fresh/q.db ]] || fail "a refused restore left a database"

step "qweekd --restore on a fresh state directory, then the same daemon address"
mkdir -p "$T/fresh"
expect_ok "$QWEEKD" --db "$T/fresh/q.db" --restore "$T/copy/qweek.db"
assert_match "restored .* into .*fresh/q\.db" "$(last_out)"
cmp -s "$T/copy/qweek.db.key" "$T/fresh/q.key" || fail "the key was not restored beside the db"
start_daemon --listen "127.0.0.1:$PORT" --url "$BASE" --db "$T/fresh/q.db"

step "every acknowledged change is in it, none begun after the backup"
qj list >"$T/list.json"
"$PY" - "$T/list.json" "$T/before.log" "$T/after.log" <<'PYEOF'
import json, sys
titles = {i["title"] for i in json.load(open(sys.argv[1], encoding="utf-8"))["items"]}
acked = [l.split()[1] for l in open(sys.argv[2]) if l.startswith("ok ")]
started = max(int(l.split()[1]) for l in open(sys.argv[3]) if l.startswith("start "))
missing = [k for k in acked if "Нагрузка %s" % k not in titles]
later = [k for k in range(started + 1, 41) if "Нагрузка %d" % k in titles]
assert not missing, "acknowledged before the backup, missing from it: %s" % missing
assert not later, "begun after the backup ended, yet in it: %s" % later
assert sum(t.startswith("Мероприятие ") for t in titles) == 900, "the imported items"
print("   %d acknowledged adds all there; none of %d..40" % (len(acked), started + 1))
PYEOF

step "every link works as before: same URL, 200"
for u in "$STATUS_URL" "$FEED_URL" "$PAGE_URL" "$PFEED_URL"; do
	assert_eq 200 "$(status_of "$u")" "GET $u after the restore"
done
grep -q "Иванова" "$T/body" || fail "the restored person's feed does not name her"
expect_ok q person link "Иванова А. П."
assert_eq "$PAGE_URL" "$(sed -n 1p "$T/last.out")" "the personal link shown again"
stop_daemon
echo "PASS"
