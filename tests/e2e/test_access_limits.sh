# Connection limits: with [daemon] max_connections = 4, a new TCP connection at the cap sheds
# the oldest idle one; when none may be shed (the cap is held by the administrator's Unix socket),
# TCP waits while the Unix socket still answers; with few descriptors (ulimit -n), a flood of
# connections makes accept(2) fail with EMFILE: qweekd backs off, survives, and serves again.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf '[daemon]\nmax_connections = 4\n' >"$T/q.ini"

# hold N SECONDS [UNIX]: opens N idle connections (TCP, or to the Unix socket UNIX), holds them
# SECONDS, prints how many opened and how many of them the server closed meanwhile.
hold() {
	"$PY" - "$PORT" "$1" "$2" "${3:-}" <<'PYEOF'
import socket, sys, time
port, n, secs, unix = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
held = []
for _ in range(n):
    try:
        if unix:
            s = socket.socket(socket.AF_UNIX)
            s.settimeout(2)
            s.connect(unix)
        else:
            s = socket.create_connection(("127.0.0.1", port), timeout=2)
        held.append(s)
    except OSError:
        break
time.sleep(secs)
closed = 0
for s in held:
    s.setblocking(False)
    try:
        closed += s.recv(1) == b""
    except BlockingIOError:
        pass
    except OSError:
        closed += 1
print(len(held), closed, flush=True)
PYEOF
}

step "the cap: a fifth TCP connection sheds the oldest idle one and is answered"
start_daemon --config "$T/q.ini" --listen "127.0.0.1:$PORT"
hold 4 4 >"$T/held" &
holder=$!
sleep 1.5
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1.5 "http://127.0.0.1:$PORT/healthz" || true)
assert_eq 200 "$code" "a TCP request at the cap"
wait "$holder"
assert_eq "4 1" "$(cat "$T/held")" "idle connections held, and closed by the server"
grep -q 'closed the oldest idle or unfinished one' "$DAEMON_LOG" || fail "the shedding was not logged"

step "nothing to shed (the Unix socket's connections): TCP waits, the Unix socket answers"
hold 4 6 "$T/q.sock" >"$T/held" &
holder=$!
sleep 1.5
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1.5 "http://127.0.0.1:$PORT/healthz" || true)
assert_eq 000 "$code" "a TCP request beyond the cap (it waits)"
healthz || fail "the Unix socket does not answer at the cap"
wait "$holder"
assert_eq "4 0" "$(cat "$T/held")" "idle Unix connections held, none closed"
sleep 0.5
assert_eq 200 "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/healthz")" "after they closed"
grep -q 'not accepting more on TCP' "$DAEMON_LOG" || fail "the cap was not logged"
stop_daemon

step "out of descriptors: back off, survive, serve again"
start_daemon --listen "127.0.0.1:$PORT"
prlimit --pid "$DAEMON_PID" --nofile=64:64 || fail "prlimit"
hold 150 3 >"$T/held"
kill -0 "$DAEMON_PID" || fail "qweekd died when out of descriptors"
grep -q 'pausing for' "$DAEMON_LOG" || fail "EMFILE was not met (held, closed: $(cat "$T/held"))"
for _ in $(seq 50); do healthz && break; sleep 0.2; done
healthz || fail "the Unix socket does not answer after the flood"
assert_eq 200 "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/healthz")" "TCP after the flood"
stop_daemon
echo "ok"
