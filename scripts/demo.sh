#!/usr/bin/env bash
# From a fresh Debian 12 machine to a running qweekd with the sample plan loaded:
# installs what is needed, builds a Release into build/, (re)starts build/qweekd on its embedded
# default (no options: database under $XDG_DATA_HOME/qweek/, socket under $XDG_RUNTIME_DIR),
# loads data/demo-plan.sh when the database has no plan yet, and says what to do next.
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
"$QWEEKD" || die "qweekd did not start (see the message above)"
for _ in $(seq 100); do
	"$QWEEK" status >/dev/null 2>&1 && break
	"$QWEEK" plan list >/dev/null 2>&1 && break
	sleep 0.1
done
PID=$(python3 scripts/socket-pid.py "$SOCK" | head -n1 || true)
[[ -n $PID ]] || die "qweekd started but nothing listens on $SOCK"

nplans=$("$QWEEK" --json plan list |
	python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["plans"] if isinstance(d, dict) else d))')

# pad TEXT WIDTH: TEXT and spaces up to WIDTH characters (printf counts bytes).
pad() { printf '%s%*s' "$1" $(($2 > ${#1} ? $2 - ${#1} : 0)) ''; }

# The verbs of data/demo-plan.sh.
SLUG=
declare -A ID_OF_LABEL=()
plan() {
	SLUG=$("$QWEEK" plan new "$1" --from "$2" --to "$3" --tz "$4" --org "$5")
	[[ -n $SLUG ]] || die "plan new printed no slug"
	say "Loading the sample plan «$1» as $SLUG"
}
person() {
	local args=(person add "$1")
	[[ -n ${2:-} ]] && args+=(--role "$2")
	"$QWEEK" --plan "$SLUG" "${args[@]}" >/dev/null
	echo "   person $1"
}
group() {
	"$QWEEK" --plan "$SLUG" group add "$1" >/dev/null
	echo "   group  $1"
}
item() {
	local label=$1 parent=$2 when=$3 who=$4 title=$5 name args json
	args=(add "$title" --when "$when" --no "$label")
	IFS=';' read -ra names <<<"$who"
	for name in "${names[@]}"; do
		name=${name#"${name%%[! ]*}"}
		[[ -n $name ]] && args+=(--who "$name")
	done
	[[ -n $parent ]] && args+=(--parent "@${ID_OF_LABEL[$parent]}")
	json=$("$QWEEK" --plan "$SLUG" --json "${args[@]}")
	ID_OF_LABEL[$label]=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$json")
	printf '   %s %s %s\n' "$(pad "$label" 4)" "$(pad "$when" 21)" "${title:0:60}"
}

if [[ $nplans -eq 0 ]]; then
	# shellcheck source=../data/demo-plan.sh
	source data/demo-plan.sh
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
# Calendar feeds, once the client has them.
if feed=$("$QWEEK" feed 2>/dev/null) && [[ -n $feed ]]; then
	printf '\nCalendar feed of the whole plan (subscribe in a calendar app):\n%s\n' "$feed"
fi
