#!/usr/bin/env bash
# From a fresh Debian 12 machine to a running qweekd with the sample plan loaded:
# installs what is needed, builds a Release into build/, (re)starts build/qweekd on its embedded
# default (no options: database under $XDG_DATA_HOME/qweek/, socket under $XDG_RUNTIME_DIR),
# imports data/nadezhda-2017.csv when the database has no plan yet, and prints the feed and
# status page URLs and what to do next.
# Run it as yourself (it uses sudo for apt-get only) or as root; running it again rebuilds and
# restarts the daemon and keeps the data.
set -euo pipefail
export LC_ALL=C.UTF-8
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

say "Installing build dependencies"
bash scripts/deps.sh

say "Building (Release) into build/"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DQWEEK_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
QWEEKD=$ROOT/build/qweekd
QWEEK=$ROOT/build/qweek

# Where qweekd puts its socket and database with no options (mirrors common/paths.c).
default_socket() {
	if [[ -n ${RUNTIME_DIRECTORY:-} ]]; then echo "$RUNTIME_DIRECTORY/qweekd.sock"
	elif [[ -n ${XDG_RUNTIME_DIR:-} ]]; then echo "$XDG_RUNTIME_DIR/qweek/qweekd.sock"
	elif [[ $(id -u) -eq 0 ]]; then echo /run/qweek/qweekd.sock
	else echo "/tmp/qweek-$(id -u)/qweekd.sock"
	fi
}
default_db() {
	if [[ -n ${STATE_DIRECTORY:-} ]]; then echo "$STATE_DIRECTORY/qweek.db"
	elif [[ -n ${XDG_DATA_HOME:-} ]]; then echo "$XDG_DATA_HOME/qweek/qweek.db"
	else echo "${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}/.local/share/qweek/qweek.db"
	fi
}
SOCK=$(default_socket)
PORT=${QWEEK_DEMO_PORT:-8437}	# feeds and the status page, on loopback TCP
DB=$(default_db)

# Stop the daemon a previous run started: the build/qweekd process that listens on SOCK.
# Any other qweekd there (an installed one, systemd's) is left alone.
stop_previous() {
	local pid exe
	for pid in $(python3 scripts/socket-pid.py "$SOCK" || true); do
		exe=$(readlink "/proc/$pid/exe" 2>/dev/null || true)
		exe=${exe% (deleted)}
		[[ $exe == "$QWEEKD" ]] ||
			die "$SOCK is served by pid $pid (${exe:-unknown}), not by this demo; stop it or set XDG_RUNTIME_DIR"
		say "Stopping the previous demo daemon (pid $pid)"
		kill -TERM "$pid"
		for _ in $(seq 100); do
			kill -0 "$pid" 2>/dev/null || return 0
			sleep 0.1
		done
		die "qweekd (pid $pid) did not stop within 10 s"
	done
}
stop_previous

say "Starting qweekd (socket $SOCK, database $DB)"
"$QWEEKD" --listen "127.0.0.1:$PORT" || die "qweekd did not start (see the message above)"
for _ in $(seq 100); do
	"$QWEEK" status >/dev/null 2>&1 && break
	"$QWEEK" plan list >/dev/null 2>&1 && break
	sleep 0.1
done
PID=$(python3 scripts/socket-pid.py "$SOCK" | head -n1 || true)
[[ -n $PID ]] || die "qweekd started but nothing listens on $SOCK"

nplans=$("$QWEEK" --json plan list |
	python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["plans"] if isinstance(d, dict) else d))')

if [[ $nplans -eq 0 ]]; then
	say "Loading the sample plan (data/nadezhda-2017.csv, as saved from a spreadsheet)"
	SLUG=$("$QWEEK" plan new "Неделя качества социальных услуг 2017" --from 08.11.2017 \
		--to 15.11.2017 --tz Asia/Krasnoyarsk --org "МБУ СО «ЦСПСиД «Надежда»")
	"$QWEEK" --plan "$SLUG" import data/nadezhda-2017.csv
else
	say "The database already holds $nplans plan(s): not loading the sample again"
fi

run=
[[ $(id -u) -eq 0 && -n ${SUDO_USER:-} ]] && run="sudo "
cat <<EOF

qweekd is running as pid $PID.
  database: $DB
  socket:   $SOCK

Next, from $ROOT:
  ${run}build/qweek list                      # the plan, in plan order
  ${run}build/qweek status                    # done, open, overdue, by person
  ${run}build/qweek show 7.3                  # one item
  ${run}build/qweek done 7.3 --note "Провели, 12 детей"
  ${run}build/qweek add "Совещание" --when "14.11 в 15.00" --who "Директор"
  ${run}build/qweek list --who "Директор" --open

Stop the daemon with: ${run}kill $PID      (running this script again restarts it)
EOF
# The same links every run (until someone rotates them): send them out again at any time.
feed=$("$QWEEK" feed | head -n1)
page=$("$QWEEK" status --url | head -n1)
# A member of staff of the sample plan: the first person named on an item.
who=$("$QWEEK" --json list | python3 -c '
import json, sys
for item in json.load(sys.stdin)["items"]:
    for name in item.get("who") or []:
        print(name)
        sys.exit(0)')
# The week's survey: the Krasnoyarsk client questionnaire, unless the plan has one already.
"$QWEEK" survey show >/dev/null 2>&1 || "$QWEEK" survey new --template clients-ru >/dev/null
survey=$("$QWEEK" survey link | head -n1)
me=
[[ -n $who ]] && me=$("$QWEEK" person link "$who" 2>/dev/null | head -n1)
cat <<EOF

Calendar feed of the whole plan (subscribe in Thunderbird, Google Calendar, Outlook, ICSx⁵):
  $feed
Status page for the director (open it in a browser, on a phone too):
  $page
The week's survey for clients (a phone, or a tablet left in the lobby; no login):
  $survey
  (its A4 poster with a QR code: ${run}build/qweek survey poster > poster.html)
EOF
if [[ -n $me ]]; then
	cat <<EOF
Personal page of «$who» (their items with a "done" button, their calendar, a QR code):
  $me
  (anyone's: ${run}build/qweek person link NAME)
EOF
fi
