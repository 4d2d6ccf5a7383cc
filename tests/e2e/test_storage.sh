# The database stays bounded: an idle qweekd holds no read transaction open, so SQLite can
# checkpoint its write-ahead log, and the log does not grow without end under many changes.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=800
start_daemon
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk >/dev/null
q person add "Директор" >/dev/null
q add "День открытых дверей" --when "14.11 9.00-18.00" --no 7 --who "Директор" >/dev/null
q list >/dev/null
q status >/dev/null
q show 7 >/dev/null
expect_fail 1 q show 7.9

# checkpoint: prints "busy log checkpointed" of a passive checkpoint run from outside.
checkpoint() { sqlite3 "$T/q.db" 'PRAGMA busy_timeout = 5000; PRAGMA wal_checkpoint(PASSIVE);' | tail -n1 | tr '|' ' '; }

step "an idle qweekd lets the whole log be checkpointed"
read -r busy log done_frames <<<"$(checkpoint)"
echo "   busy=$busy log=$log checkpointed=$done_frames"
assert_eq "$log" "$done_frames" "frames checkpointed (fewer: qweekd holds a read transaction open)"

step "$N adds on one connection: the log stays bounded"
"$PY" - "$T/q.sock" "$N" <<'PY'
import http.client, json, socket, sys

class Conn(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(30)
        self.sock.connect(sys.argv[1])

c = Conn("localhost")
for i in range(int(sys.argv[2])):
    body = json.dumps({"title": "Консультация №%d" % i, "when": "14.11 в 15.00", "who": ["Директор"]})
    c.request("POST", "/api/v1/plans/_/items", body, {"Content-Type": "application/json"})
    r = c.getresponse()
    r.read()
    if r.status != 201:
        sys.exit("add %d: HTTP %d" % (i, r.status))
    if i % 100 == 0:
        c.request("GET", "/api/v1/plans/_/status")
        c.getresponse().read()
PY
wal_kb=$(($(stat -c %s "$T/q.db-wal") / 1024))
echo "   q.db $(($(stat -c %s "$T/q.db") / 1024)) KiB, q.db-wal $wal_kb KiB"
# SQLite checkpoints every 1000 pages (4 MiB) and then reuses the log from its start.
((wal_kb < 8192)) || fail "the write-ahead log grew to $wal_kb KiB: it is never checkpointed"
assert_eq "$((N + 1))" "$(qj list | jget 'len(d["items"])')" "items"

stop_daemon
echo "PASS: $TEST_NAME"
