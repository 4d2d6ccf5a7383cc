#!/usr/bin/env bash
# The feeds benchmark (not part of the tests):
#   - qweekd serving a 500-item plan feed over TCP against nginx serving the very same bytes as
#     a static file (and Radicale serving them as a CalDAV collection), all on 127.0.0.1, with
#     wrk: requests/s and p99 latency for full replies (200) and for revalidations (304), and
#     requests per CPU second of the server's own process (fair on a busy machine);
#   - the time qweekd takes to render a 10,000-item feed again after one change (its own
#     measure, logged at debug level, and the client's wait for the first reply after it);
#   - the instructions qweekd spends on one request, 304, 200 and gzip (callgrind, CG_REQS
#     requests on one connection): the figure the machine's load does not move.
# Targets: qweekd >= 0.8 x nginx in req/s for 200 and 304; re-render < 100 ms.
# BENCH_STRICT=1 makes a missed target exit 1.
#
# Feeds moved onto rendered.c/rendered_http.c (before: their own copy in feed_cache.c and
# feed_http.c), Release, two runs each, load average 5-23 on 2 cores (others building):
#                                 before                  after
#   304, instructions a request   42,649 / 42,576         42,592 / 42,582
#   200, instructions a request   52,514 / 52,489         52,524 / 52,692
#   gzip, instructions a request  55,109 / 55,084         55,125 / 55,151
#   304, req/s (wrk)              13,390 / 27,147         31,436 / 26,532
#   304, req per CPU s            43,276 / 49,609         49,588 / 46,516
#   200, req/s (wrk)              1,167 / 3,842           3,838 / 2,506
#   200, req per CPU s            7,646 / 11,084          9,251 / 9,219
# A 304 costs about 42,600 instructions, of which libevent writing the reply's headers
# (evhttp_send_reply: a printf a header, the Date) takes 12,600 and the secret's SHA-256 3,000.
# Usage: bash bench/feed.sh   (N_ITEMS, BIG_ITEMS, DURATION, CONNS, ROUNDS override; BUILD_DIR
#        the Release build directory, build-bench by default; QWEEKD=path to use a qweekd
#        already built)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N_ITEMS=${N_ITEMS:-500}
BIG_ITEMS=${BIG_ITEMS:-10000}
DURATION=${DURATION:-10}
CONNS=${CONNS:-20}
ROUNDS=${ROUNDS:-2}
RERENDERS=${RERENDERS:-7}
BUILD_DIR=${BUILD_DIR:-build-bench}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

bash scripts/deps.sh nginx wrk radicale curl python3
if [[ -z ${QWEEKD:-} ]]; then
	cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DQWEEK_TESTS=OFF -DQWEEK_SANITIZE=OFF >/dev/null
	cmake --build "$BUILD_DIR" -j"$(nproc)" >/dev/null
	QWEEKD=$(cd "$BUILD_DIR" && pwd)/qweekd
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/qweek-feedbench.XXXXXX")
chmod 755 "$T"
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$T"
}
trap cleanup EXIT

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_http() { # URL LOGFILE
	for _ in $(seq 100); do
		curl -s -o /dev/null --max-time 1 "$1" && return 0
		sleep 0.1
	done
	cat "$2" >&2
	echo "bench: nothing answers at $1" >&2
	exit 1
}

# ---- qweekd -------------------------------------------------------------------------------
QPORT=$(free_port)
SOCK=$T/q.sock
"$QWEEKD" --foreground --db "$T/q.db" --socket "$SOCK" --listen "127.0.0.1:$QPORT" \
	--log-level debug </dev/null >"$T/qweekd.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$QPORT/healthz" "$T/qweekd.log"
api() { curl -sf --max-time 30 --unix-socket "$SOCK" -H 'Content-Type: application/json' "$@"; }
feed_of() { # SLUG: makes the plan's feed, prints its URL
	api -d '{}' "http://localhost/api/v1/plans/$1/feeds" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["http"])'
}

echo "bench: a plan of $N_ITEMS items"
SLUG=$(python3 bench/uclient.py "$SOCK" fill "$N_ITEMS")
QURL=$(feed_of "$SLUG")
mkdir -p "$T/www"
curl -sf -o "$T/www/feed.ics" "$QURL"
chmod -R a+rX "$T/www"
BYTES=$(stat -c %s "$T/www/feed.ics")
etag_of() { curl -sfI "$@" | awk 'tolower($1) == "etag:" { sub(/\r$/, ""); print $2 }'; }
QETAG=$(etag_of "$QURL")

# ---- nginx, one worker, our own configuration ----------------------------------------------
NPORT=$(free_port)
mkdir -p "$T/nginx"
cat >"$T/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	types { text/calendar ics; }
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	client_body_temp_path $T/nginx/body;
	proxy_temp_path $T/nginx/proxy;
	fastcgi_temp_path $T/nginx/fastcgi;
	uwsgi_temp_path $T/nginx/uwsgi;
	scgi_temp_path $T/nginx/scgi;
	server {
		listen 127.0.0.1:$NPORT;
		root $T/www;
		charset utf-8;
	}
}
CONF
nginx -p "$T/nginx" -c "$T/nginx.conf" >"$T/nginx/out.log" 2>&1 &
PIDS+=($!)
NURL=http://127.0.0.1:$NPORT/feed.ics
wait_http "$NURL" "$T/nginx/out.log"
NETAG=$(etag_of "$NURL")
cmp -s <(curl -sf "$NURL") "$T/www/feed.ics" || { echo "bench: nginx serves other bytes" >&2; exit 1; }

# ---- Radicale, the same calendar as a collection --------------------------------------------
RPORT=$(free_port)
RURL=
mkdir -p "$T/radicale"
cat >"$T/radicale.conf" <<CONF
[server]
hosts = 127.0.0.1:$RPORT
[auth]
type = none
[rights]
type = authenticated
[storage]
filesystem_folder = $T/radicale/collections
[logging]
level = warning
CONF
if command -v radicale >/dev/null; then
	radicale -C "$T/radicale.conf" >"$T/radicale/out.log" 2>&1 &
	PIDS+=($!)
	wait_http "http://127.0.0.1:$RPORT/.web/" "$T/radicale/out.log"
	if curl -sf -o /dev/null -u bench:bench -X PUT -H 'Content-Type: text/calendar; charset=utf-8' \
		--data-binary "@$T/www/feed.ics" "http://127.0.0.1:$RPORT/bench/feed/"; then
		RURL=http://127.0.0.1:$RPORT/bench/feed/
	else
		echo "bench: Radicale refused the calendar; skipping it" >&2
	fi
fi

# ---- wrk -------------------------------------------------------------------------------------
# On a busy machine req/s says as much about the neighbours as about the server; so each run
# also counts the CPU time the server itself spent (utime + stime of its one process), and
# the servers take turns, round after round, each keeping its best round.
QPID=${PIDS[0]}
NPID=$(pgrep -P "${PIDS[1]}" | head -n 1)
RPID=${PIDS[2]:-}
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# wrk_run PID URL [HEADER...]: prints "REQ_PER_SEC P99_MS STATUS REQ_PER_CPU_SECOND"
wrk_run() {
	local pid=$1 url=$2 out code c0 c1
	shift 2
	local hdr=()
	for h in "$@"; do hdr+=(-H "$h"); done
	code=$(curl -s -o /dev/null -w '%{http_code}' "${hdr[@]}" "$url")
	c0=$(cpu_ticks "$pid")
	out=$(wrk -t1 -c"$CONNS" -d"${DURATION}s" --latency "${hdr[@]}" "$url")
	c1=$(cpu_ticks "$pid")
	awk -v code="$code" -v cpu="$(((c1 - c0)))" -v tick="$TICK" '
		/Requests\/sec:/ { rps = $2 }
		/requests in/ { n = $1 }
		/^ +99%/ { v = $2; ms = v + 0
			if (v ~ /us$/) ms = ms / 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) ms = ms * 1000
			p99 = ms }
		END { printf "%.0f %.2f %s %.0f\n", rps, p99, code, (cpu > 0) ? n / (cpu / tick) : 0 }' <<<"$out"
}
declare -A BEST
# turn NAME PID URL [HEADER...]: one run; keeps it if it beats NAME's best req/s.
turn() {
	local name=$1 line
	shift
	line=$(wrk_run "$@")
	if [[ -z ${BEST[$name]:-} ]] || (($(cut -d' ' -f1 <<<"$line") > $(cut -d' ' -f1 <<<"${BEST[$name]}"))); then
		BEST[$name]=$line
	fi
}

echo "bench: wrk -t1 -c$CONNS -d${DURATION}s, $ROUNDS rounds taking turns, a feed of $BYTES bytes"
RAUTH="Authorization: Basic YmVuY2g6YmVuY2g="
[[ -n $RURL ]] && RETAG=$(etag_of -u bench:bench "$RURL")
for ((r = 0; r < ROUNDS; r++)); do
	turn qweekd-200 "$QPID" "$QURL"
	turn nginx-200 "$NPID" "$NURL"
	turn qweekd-304 "$QPID" "$QURL" "If-None-Match: $QETAG"
	turn nginx-304 "$NPID" "$NURL" "If-None-Match: $NETAG"
done
turn qweekd-gzip "$QPID" "$QURL" "Accept-Encoding: gzip"
if [[ -n $RURL ]]; then
	turn radicale-200 "$RPID" "$RURL" "$RAUTH"
	turn radicale-304 "$RPID" "$RURL" "$RAUTH" "If-None-Match: $RETAG"
fi
for name in qweekd-200 nginx-200 qweekd-304 nginx-304 qweekd-gzip radicale-200 radicale-304; do
	[[ -n ${BEST[$name]:-} ]] && echo "$name ${BEST[$name]}"
done >"$T/wrk.txt"

# ---- re-rendering a big feed -----------------------------------------------------------------
echo "bench: a plan of $BIG_ITEMS items, rendered again after one change ($RERENDERS times)"
BIG=$(python3 bench/uclient.py "$SOCK" fill "$BIG_ITEMS")
BURL=$(feed_of "$BIG")
curl -sf -o "$T/big.ics" "$BURL"
BIG_BYTES=$(stat -c %s "$T/big.ics")
: >"$T/client.txt"
for ((i = 1; i <= RERENDERS; i++)); do
	api -d '{}' "http://localhost/api/v1/plans/$BIG/items/$((i * 7))/done" >/dev/null
	curl -sf -o /dev/null -w '%{time_starttransfer}\n' "$BURL" >>"$T/client.txt"
done
median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
rendered() { # FIELD: 1 the CPU time, 2 the wall time of the last RERENDERS renderings
	grep "person 0 rendered: $BIG_ITEMS events" "$T/qweekd.log" | tail -n "$RERENDERS" |
		sed -E 's/.* ([0-9.]+) ms CPU, ([0-9.]+) ms$/\1 \2/' | cut -d' ' -f"$1" | median
}
RENDER_CPU_MS=$(rendered 1)
RENDER_MS=$(rendered 2)
CLIENT_MS=$(awk '{ print $1 * 1000 }' "$T/client.txt" | median)

# ---- instructions per request (callgrind) ------------------------------------------------------
# req/s and CPU seconds move with whatever else the machine runs; the instructions qweekd spends
# on a request do not. So qweekd runs once more, under callgrind, on the same database: after a
# warm-up its counters are zeroed, CG_REQS requests go one after another on one keep-alive
# connection, and the counters are dumped; the total over CG_REQS is the whole process's cost
# of one request (parsing, the feed, headers, writing), 304, 200 and gzip. CG_REQS=0 skips it.
CG_REQS=${CG_REQS:-300}
# cg_requests URL N [HEADER]: N GET requests on one connection; each reply must be 200 or 304.
cg_requests() {
	python3 - "$@" <<'PY'
import http.client, sys, urllib.parse
url, n = urllib.parse.urlsplit(sys.argv[1]), int(sys.argv[2])
headers = dict([sys.argv[3].split(": ", 1)]) if len(sys.argv) > 3 else {}
c = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
for _ in range(n):
	c.request("GET", url.path, headers=headers)
	r = c.getresponse()
	r.read()
	if r.status not in (200, 304):
		sys.exit("bench: callgrind run got %d" % r.status)
c.close()
PY
}
: >"$T/cg.txt"
if ((CG_REQS > 0)) && command -v valgrind >/dev/null; then
	echo "bench: $CG_REQS requests of each kind under callgrind"
	kill -TERM "$QPID"
	wait "$QPID" 2>/dev/null || true
	CGPORT=$(free_port)
	valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" "$QWEEKD" --foreground \
		--db "$T/q.db" --socket "$T/cg.sock" --listen "127.0.0.1:$CGPORT" </dev/null >"$T/cg.log" 2>&1 &
	CGPID=$!
	PIDS+=("$CGPID")
	for _ in $(seq 600); do
		curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$CGPORT/healthz" && break
		sleep 0.2
	done
	CGURL=http://127.0.0.1:$CGPORT${QURL#http://127.0.0.1:"$QPORT"}
	CGETAG=$(etag_of "$CGURL")
	dumps=0
	# cg_count NAME [HEADER]: appends "NAME INSTRUCTIONS_PER_REQUEST" to cg.txt
	cg_count() {
		local name=$1 total
		shift
		cg_requests "$CGURL" 20 "$@"
		callgrind_control -z "$CGPID" >/dev/null 2>&1
		cg_requests "$CGURL" "$CG_REQS" "$@"
		callgrind_control -d "$CGPID" >/dev/null 2>&1
		dumps=$((dumps + 1))
		total=$(awk '/^(summary|totals):/ { print $2; exit }' "$T/cg.out.$dumps")
		echo "$name $((total / CG_REQS))" >>"$T/cg.txt"
	}
	cg_count qweekd-304 "If-None-Match: $CGETAG"
	cg_count qweekd-200
	cg_count qweekd-gzip "Accept-Encoding: gzip"
fi

# ---- the table -------------------------------------------------------------------------------
missed=0
val() { awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$T/wrk.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
verdict() { # VALUE TARGET higher|lower
	if awk -v v="$1" -v t="$2" -v d="$3" 'BEGIN { exit !((d == "higher") ? v >= t : v < t) }'; then
		echo ok
	else
		echo MISSED
		missed=1
	fi
}
r200=$(ratio "$(val qweekd-200 2)" "$(val nginx-200 2)")
r304=$(ratio "$(val qweekd-304 2)" "$(val nginx-304 2)")
c200=$(ratio "$(val qweekd-200 5)" "$(val nginx-200 5)")
c304=$(ratio "$(val qweekd-304 5)" "$(val nginx-304 5)")
v200=$(verdict "$r200" 0.8 higher)
v304=$(verdict "$r304" 0.8 higher)
vrender=$(verdict "$RENDER_MS" 100 lower)
printf '\n%-14s %10s %9s %6s %12s\n' server req/s p99-ms status req/CPU-s
while read -r name rps p99 code percpu; do
	printf '%-14s %10s %9s %6s %12s\n' "$name" "$rps" "$p99" "$code" "$percpu"
done <"$T/wrk.txt"
printf '\n%-44s %10s %8s %s\n' measure value target verdict
printf '%-44s %10s %8s %s\n' "qweekd/nginx req/s, 200 ($BYTES bytes)" "$r200" ">= 0.8" "$v200"
printf '%-44s %10s %8s %s\n' "qweekd/nginx req/s, 304" "$r304" ">= 0.8" "$v304"
printf '%-44s %10s %8s %s\n' "qweekd/nginx requests per CPU second, 200" "$c200" "-" ""
printf '%-44s %10s %8s %s\n' "qweekd/nginx requests per CPU second, 304" "$c304" "-" ""
printf '%-44s %10s %8s %s\n' "re-render $BIG_ITEMS items ($BIG_BYTES bytes), ms" "$RENDER_MS" "< 100" "$vrender"
printf '%-44s %10s %8s %s\n' "  of which CPU, ms (the rest: waiting for a core)" "$RENDER_CPU_MS" "-" ""
printf '%-44s %10s %8s %s\n' "first byte after a change, client, ms" "$CLIENT_MS" "-" ""
while read -r name ir; do
	printf '%-44s %10s %8s %s\n' "$name instructions a request (callgrind)" "$ir" "-" ""
done <"$T/cg.txt"
printf '\nload average %s before, %s after\n' "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)"
if ((missed)) && [[ ${BENCH_STRICT:-0} == 1 ]]; then
	exit 1
fi
