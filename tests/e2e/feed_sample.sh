# Helpers for the feed tests, sourced after lib.sh: the JSON API over the Unix socket with curl,
# the sample plan from shared/samples/nadezhda-2017.csv loaded through it, the daemon with a
# TCP listener, and checking a feed with three parsers.
#
#   feed_api METHOD PATH [JSON]  prints the reply body; fails unless the status is 2xx
#   feed_load_sample             loads the 14 activities into a new plan; prints its slug
#   feed_url [WHO]               makes the feed of the plan (or of WHO); prints its URL
#   feed_npm                     makes sure ical.js and node-ical are in tests/e2e/node_modules
#   feed_start [NOW]             qweekd on $T/q.sock and 127.0.0.1:$FEED_PORT (clock at NOW)
#   fetch URL [CURL-ARG...]      prints the status; body in $T/f.body, headers in $T/f.headers
#   header NAME                  a header of the last fetch
#   check_feed NAME ICS ITEMS.json TODO
#                                python-icalendar, ical.js and node-ical all read ICS, every line
#                                is <= 75 octets of UTF-8, and each saw exactly the components
#                                the API's ITEMS call for (TODO: both, only or none)
#   count_in NAME KIND           VEVENTs or VTODOs ("events"/"todos") each parser saw in NAME
#   uid_of LABEL [SUFFIX]        the UID of the (first) item labelled LABEL
#
# Run on its own, it loads the sample into a running daemon: bash feed_sample.sh SOCKET
#
# FEED_SOCK may be set before sourcing (it defaults to lib.sh's $T/q.sock); FEED_PLAN is the
# plan's slug for feed_url and uid_of ("_", the only plan, when unset).

FEED_PY=${FEED_PY:-/usr/bin/python3}
PY=${PY:-$FEED_PY}
FEED_SAMPLE_CSV=${FEED_SAMPLE_CSV:-}
FEED_SOCK=${FEED_SOCK:-${T:-/nonexistent}/q.sock}

feed_api() {
	local method=$1 path=$2 body=${3:-} code out
	out=$(mktemp)
	local args=(-s --max-time 20 --unix-socket "$FEED_SOCK" -o "$out" -w '%{http_code}' -X "$method")
	[[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
	code=$(curl "${args[@]}" "http://localhost$path") || code=000
	cat "$out"
	rm -f "$out"
	if [[ $code != 2?? ]]; then
		echo "feed_api: $method $path: HTTP $code" >&2
		return 1
	fi
}

# The CSV as JSON lines: {"people": [...], "groups": [...]} first, then one item per line.
_feed_sample_json() {
	"$FEED_PY" - "$1" <<'PY'
import csv, json, sys

# Plural names in the "responsible" column are groups of staff; the others are one person.
GROUP_WORDS = ("Заведующие", "Психологи", "Специалисты")
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:]
people, groups, items = [], [], []
for label, title, when, who in rows:
    names = [n.strip() for n in who.split("\n") if n.strip()]
    for n in names:
        target = groups if n.startswith(GROUP_WORDS) else people
        if n not in target:
            target.append(n)
    item = {"title": title.strip(), "when": when.strip(), "who": names, "label": label.strip()}
    if "." in item["label"]:
        item["parent"] = item["label"].split(".")[0]
    items.append(item)
print(json.dumps({"people": people, "groups": groups}, ensure_ascii=False))
for i in items:
    print(json.dumps(i, ensure_ascii=False))
PY
}

feed_load_sample() {
	local csv=${FEED_SAMPLE_CSV:-$QWEEK_SRC/../shared/samples/nadezhda-2017.csv}
	[[ -f $csv ]] || csv=/work/shared/samples/nadezhda-2017.csv
	local plan slug first=1 line name
	plan=$(feed_api POST /api/v1/plans '{"title": "Неделя качества социальных услуг 2017",
		"from": "08.11.2017", "to": "15.11.2017", "tz": "Asia/Krasnoyarsk",
		"org": "МБУ СО «ЦСПСиД «Надежда»", "lang": "ru"}') || return 1
	slug=$("$FEED_PY" -c 'import json,sys; print(json.load(sys.stdin)["slug"])' <<<"$plan")
	while IFS= read -r line; do
		if ((first)); then
			first=0
			"$FEED_PY" -c '
import json, sys
d = json.loads(sys.argv[1])
for g in d["groups"]:
    print(json.dumps({"name": g, "kind": "group"}, ensure_ascii=False))
for p in d["people"]:
    print(json.dumps({"name": p}, ensure_ascii=False))
' "$line" | while IFS= read -r name; do
				feed_api POST "/api/v1/plans/$slug/people" "$name" >/dev/null || exit 1
			done || return 1
			continue
		fi
		feed_api POST "/api/v1/plans/$slug/items" "$line" >/dev/null || return 1
	done < <(_feed_sample_json "$csv")
	echo "$slug"
}

feed_url() {
	local body='{}' reply
	[[ -n ${1:-} ]] && body=$("$FEED_PY" -c 'import json,sys; print(json.dumps({"who": sys.argv[1]}, ensure_ascii=False))' "$1")
	reply=$(feed_api POST "/api/v1/plans/${FEED_PLAN:-_}/feeds" "$body") || return 1
	"$FEED_PY" -c 'import json,sys; print(json.load(sys.stdin)["http"])' <<<"$reply"
}

# ---- for the tests (lib.sh sourced first) ---------------------------------------------------

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	set -euo pipefail
	FEED_SOCK=${1:?usage: bash feed_sample.sh SOCKET}
	QWEEK_SRC=${QWEEK_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
	feed_load_sample
	exit 0
fi

E2E=$QWEEK_SRC/tests/e2e
CHECK=$E2E/feed_check.py

FEED_PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
FEED_BASE=http://127.0.0.1:$FEED_PORT

# The npm parsers: installed by `npm ci` in tests/e2e (scripts/deps.sh), or here, once.
feed_npm() {
	[[ -d $E2E/node_modules/ical.js && -d $E2E/node_modules/node-ical ]] && return 0
	command -v npm >/dev/null || fail "npm is missing: the feed tests need node 20 and npm"
	(
		flock 9
		[[ -d $E2E/node_modules/node-ical ]] ||
			timeout 120 npm ci --prefix "$E2E" --no-audit --no-fund >"$T/npm.log" 2>&1
	) 9>"${TMPDIR:-/tmp}/qweek-feed-npm.lock" || { cat "$T/npm.log" >&2; fail "npm ci in tests/e2e failed"; }
}

feed_start() {
	if [[ -n ${1:-} ]]; then
		export QWEEKD_NOW=$1
	fi
	start_daemon --listen "127.0.0.1:$FEED_PORT" --log-level debug
}

fetch() {
	local url=$1
	shift
	: >"$T/f.body"
	: >"$T/f.headers"
	curl -s --max-time 20 -o "$T/f.body" -D "$T/f.headers" -w '%{http_code}' "$@" "$url" || true
}

header() {
	grep -i "^$1:" "$T/f.headers" | head -n 1 | cut -d' ' -f2- | tr -d '\r'
}

check_feed() {
	local name=$1 ics=$2 items=$3 todo=$4 p
	"$PY" "$CHECK" lines "$ics" || fail "$name: lines"
	"$PY" "$CHECK" parse "$ics" >"$T/$name.py.json" || fail "$name: python-icalendar"
	for p in icaljs nodeical; do
		TZ=UTC node "$E2E/feed_check.js" "$p" "$ics" >"$T/$name.$p.json" || fail "$name: $p"
	done
	"$PY" "$CHECK" expect "$items" 127.0.0.1 "$todo" >"$T/$name.expect.json"
	"$PY" "$CHECK" compare "$T/$name.expect.json" "$T/$name".{py,icaljs,nodeical}.json ||
		fail "$name: the parsers did not see what the plan holds"
}

count_in() {
	local name=$1 kind=$2 p n all=""
	for p in py icaljs nodeical; do
		n=$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))[sys.argv[2]]))' \
			"$T/$name.$p.json" "$kind")
		all="$all $n"
	done
	echo $all
}

# uid_of LABEL [SUFFIX]: the UID of the item labelled LABEL (first if several) in the plan feed.
uid_of() {
	local id
	id=$(feed_api GET "/api/v1/plans/${FEED_PLAN:-_}/items" | "$PY" -c '
import json, sys
print([i["id"] for i in json.load(sys.stdin)["items"] if i["label"] == sys.argv[1]][0])' "$1")
	echo "qweek-item-$id${2:-}@127.0.0.1"
}
