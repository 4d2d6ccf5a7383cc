# Hostile clients (issue 12): no client can stall or fool qweekd. Slowloris from many loopback
# addresses (a total deadline per request, a cap per address, the oldest idle or slow shed when
# full); a handler slower than the idle timeout still gets its reply out; the Host check cannot be
# bypassed through the request target; a deleted database refuses writes; a token given on the
# socket is sent. Throughout, /healthz must answer within 1 s (curl --max-time 1 in a loop) and
# every acknowledged write must be there after a restart. Loopback only, about 50 s.
# (A full disk at start: test_hostile_disk.sh; import bombs: test_hostile_import.sh.)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HOSTILE=$QWEEK_SRC/tests/e2e/hostile.py
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
export QWEEKD_NOW=2017-11-14T05:00:00Z

# report WHAT FILE: prints the probe's worst latencies; fails on any probe that failed.
report() {
	local what=$1 file=$2
	echo "   $what: worst /healthz $(jget '"%.3f s" % d["worst"]["healthz"]' "$(cat "$file")"), normal GET $(jget '"%.3f s" % d["worst"]["get"]' "$(cat "$file")"), write $(jget '"%.3f s" % d["worst"]["write"]' "$(cat "$file")") over $(jget 'd["rounds"]' "$(cat "$file")") rounds"
	assert_eq '{"get": [], "healthz": [], "write": []}' "$(jget 'd["fails"]' "$(cat "$file")")" \
		"probes that failed or took over 1 s during $what"
}

# acked_all FILE: every item the probe in FILE saw acknowledged is in the plan.
acked_all() {
	qj list >"$T/items.json"
	"$PY" - "$1" "$T/items.json" <<'PYEOF' || fail "acknowledged items are lost"
import json, sys
acked = json.load(open(sys.argv[1]))["acked"]
have = {i.get("label") for i in json.load(open(sys.argv[2]))["items"]}
lost = [a for a in acked if a not in have]
print("   %d acknowledged writes, %d lost %s" % (len(acked), len(lost), lost[:5]))
sys.exit(1 if lost else 0)
PYEOF
}

start_daemon --listen "127.0.0.1:$PORT"
SLUG=$(q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk)
q person add "Заместитель" >/dev/null
q person add "Директор" >/dev/null
PLANNER=$(q person token "Заместитель" --role planner 2>/dev/null)
VIEWER=$(q person token "Директор" --role viewer 2>/dev/null)

step "slowloris, the deadline: 30 connections sending one byte a second are closed in 10 s"
"$PY" "$HOSTILE" probe "$PORT" 14 "$T/probe.deadline" &
prober=$!
"$PY" "$HOSTILE" slowloris "$PORT" 14 127.0.0.50 30 127.0.0.51 0 >"$T/slow.json"
wait "$prober"
echo "   attack: $(cat "$T/slow.json")"
report "slow headers" "$T/probe.deadline"
longest=$(jget 'd["longest_s"]' "$(cat "$T/slow.json")")
"$PY" -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= 12.5 else 1)' "$longest" ||
	fail "a connection sending one byte a second lived $longest s (headers are due within 10 s)"
(($(jget 'd["closed_by_server"]' "$(cat "$T/slow.json")") >= 30)) || fail "the slow connections were not closed"
grep -q 'did not send its request within' "$DAEMON_LOG" || fail "the deadline was not logged"

step "slowloris, the flood: 700 connections from 41 loopback addresses, one byte a second each"
# 40 addresses with 15 each pass the cap of 512 connections; 127.0.0.42 alone opens 100.
ADDRS=$(seq -s, -f '127.0.0.%g' 2 41)
"$PY" "$HOSTILE" probe "$PORT" 9 "$T/probe.flood" "$PLANNER" "$SLUG" &
prober=$!
"$PY" "$HOSTILE" slowloris "$PORT" 8 "$ADDRS" 15 127.0.0.42 100 >"$T/slow.json"
wait "$prober"
echo "   attack: $(cat "$T/slow.json")"
report "the flood" "$T/probe.flood"
hog=$(jget 'd["hog_open_at_3s"]' "$(cat "$T/slow.json")")
((hog <= 32)) || fail "127.0.0.42 held $hog connections (max_connections_per_address = 32)"
grep -q 'max_connections_per_address' "$DAEMON_LOG" || fail "the per-address cap was not logged"
grep -q 'closed the oldest idle or unfinished one' "$DAEMON_LOG" || fail "shedding at the cap was not logged"
curl -s --max-time 2 -o /dev/null "$URL/healthz" || fail "TCP after the attack"

step "behind a trusted proxy, X-Forwarded-For names the client; from anyone else it is ignored"
stop_daemon
start_daemon --listen "127.0.0.1:$PORT" --trusted-proxy 127.0.0.5 --log-level debug
via() {
	curl -s -o /dev/null -w '%{http_code}' --interface "$1" -H "X-Forwarded-For: $2" \
		-H "Authorization: Bearer $VIEWER" "$URL/api/v1/plans/$SLUG"
}
assert_eq 200 "$(via 127.0.0.5 '198.51.100.1, 203.0.113.9')" "through the proxy"
assert_eq 200 "$(via 127.0.0.6 192.0.2.44)" "from elsewhere"
grep -q '203.0.113.9: answered 200' "$DAEMON_LOG" || fail "the proxy's client is not in the log"
grep -q '198.51.100.1' "$DAEMON_LOG" && fail "an address the client wrote itself is in the log"
grep -q '127.0.0.6: answered 200' "$DAEMON_LOG" || fail "the untrusted peer is not in the log"
grep -q '192.0.2.44' "$DAEMON_LOG" && fail "X-Forwarded-For from an untrusted peer was believed"
expect_fail 1 "$QWEEKD" -n --trusted-proxy 'not-an-address'
assert_match 'trusted_proxy = not-an-address: expected IP addresses' "$(last_err)" "a bad --trusted-proxy"
printf '[daemon]\ntrusted_proxy = 127.0.0.1, [::1]\nmax_connections_per_address = 8\n' >"$T/proxy.ini"
expect_ok "$QWEEKD" -n --config "$T/proxy.ini"

step "a handler slower than the idle timeout: its reply still goes out, its change is kept"
stop_daemon
QWEEKD_TEST_HTTP_TIMEOUT=1 QWEEKD_TEST_SLOW_MS=1200 start_daemon --listen "127.0.0.1:$PORT"
expect_ok q add "Медленное дело" --when "14.11 11.00" --no slow1
body='{"title": "Медленное дело 2", "when": "14.11 12.00", "label": "slow2"}'
code=$(curl -s --max-time 10 -o "$T/slow.body" -w '%{http_code}' -H "Authorization: Bearer $PLANNER" \
	-H 'Content-Type: application/json' --data-binary "$body" "$URL/api/v1/plans/$SLUG/items" || true)
assert_eq 201 "$code" "a slow write over TCP: $(cat "$T/slow.body")"
printf '№;Наименование мероприятия;Срок;Ответственный\n1;Медленный импорт;14.11.2017 13.00;Директор\n2;Плохая строка;скоро;Директор\n' >"$T/rows.csv"
expect_ok qj import --skip-bad "$T/rows.csv"
assert_eq "1 1 true" "$(jget 'str(d["created"]) + " " + str(d["refused"]) + " " + str(d["committed"]).lower()' "$(last_out)")" \
	"a slow import with --skip-bad is answered"
grep -q 'closed before its reply' "$DAEMON_LOG" && fail "a reply was dropped"
stop_daemon
start_daemon --listen "127.0.0.1:$PORT"
acked_all "$T/probe.flood"
for label in slow1 slow2; do
	item_by_label "$label" >/dev/null || fail "$label is lost"
done

step "the Host check: the header itself, and a target naming another host is refused"
host() { curl -s --max-time 2 --path-as-is -o /dev/null -w '%{http_code}' "$@" || true; }
assert_eq 200 "$(host "$URL/healthz")" "a plain request"
assert_eq 421 "$(host -H 'Host: evil.com' "$URL//localhost/healthz")" "//localhost with a foreign Host"
assert_eq 421 "$(host -H 'Host: evil.com' --request-target http://localhost/healthz "$URL/")" "absolute-form, foreign Host"
assert_eq 421 "$(host -H 'Host: localhost' --request-target http://evil.com/healthz "$URL/")" "absolute-form naming another host"
assert_eq 200 "$(host -H 'Host: localhost' --request-target http://localhost/healthz "$URL/")" "absolute-form, the same host"
two=$("$PY" - "$PORT" <<'PYEOF'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nHost: evil.com\r\nConnection: close\r\n\r\n")
print(s.recv(64).split(b" ")[1].decode())
PYEOF
)
assert_eq 421 "$two" "two Host headers"

step "a deleted database: writes refused (503), reads go on; put back, writes work again"
"$PY" "$HOSTILE" probe "$PORT" 3 "$T/probe.gone" &
prober=$!
expect_ok q add "До удаления" --when "14.11 14.00" --no before
mv "$T/q.db" "$T/q.db.moved"
expect_fail 1 q add "После удаления" --when "14.11 15.00" --no after
assert_match 'deleted or replaced' "$(last_err)" "the refusal"
assert_eq 503 "$(http POST "/api/v1/plans/$SLUG/items" application/json <(echo '{"title": "x", "when": "14.11"}'))" "the status"
grep -q "was deleted while qweekd ran" "$DAEMON_LOG" || fail "the log does not say why"
expect_ok q list
mv "$T/q.db.moved" "$T/q.db"
expect_ok q add "После возврата" --when "14.11 16.00" --no back
wait "$prober"
report "a deleted database" "$T/probe.gone"
rm "$T/q.db"
expect_fail 1 q add "После rm" --when "14.11 17.00" --no rm
assert_match 'deleted or replaced' "$(last_err)" "the refusal after rm"
stop_daemon

step "the token is sent on the socket when given"
if [[ $(id -u) == 0 ]] && command -v runuser >/dev/null && runuser -u nobody -- test -x "$QWEEK"; then
	start_daemon
	SLUG=$(q plan new "Вторая неделя" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk)
	q person add "Директор" >/dev/null
	VIEWER=$(q person token "Директор" --role viewer 2>/dev/null)
	chmod 0711 "$T"
	chmod 0666 "$T/q.sock"
	rc=0
	runuser -u nobody -- "$QWEEK" --socket "$T/q.sock" --plan "$SLUG" --token "$VIEWER" list \
		>/dev/null 2>"$T/nobody.err" || rc=$?
	assert_eq 0 "$rc" "nobody on the socket with a token: $(cat "$T/nobody.err")"
	chmod 0660 "$T/q.sock"
	stop_daemon
else
	echo "   (skipped: needs root, runuser, and binaries user nobody can run)"
fi
echo "ok"
