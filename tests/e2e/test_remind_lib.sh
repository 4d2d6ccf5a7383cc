#!/usr/bin/env bash
# Helpers for the reminder tests (tests/e2e/test_remind_*.sh), sourced after lib.sh: an SMTP
# sink on 127.0.0.1 (smtp_sink.py, aiosmtpd) that keeps each message as a file, a qweekd
# configuration that sends to it, and `walk`, which moves the test clock and prints what
# arrived. Run by itself (as ctest does), it checks that the sink works.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	source "$(dirname "$0")/lib.sh"
fi

SINK=$QWEEK_SRC/tests/e2e/smtp_sink.py
SINK_PID=
MAIL=$T/mail
SMTP_PORT=

_remind_cleanup() {
	local rc=$?
	if [[ -n $SINK_PID ]]; then
		kill -TERM "$SINK_PID" 2>/dev/null || true
		wait "$SINK_PID" 2>/dev/null || true
	fi
	(exit "$rc")
	_cleanup
}
trap _remind_cleanup EXIT

# start_sink [PORT]: the SMTP sink on PORT (or a free one, kept in $SMTP_PORT), storing in $MAIL.
start_sink() {
	rm -f "$T/smtp.port"
	"$PY" "$SINK" serve "$MAIL" --port "${1:-0}" --port-file "$T/smtp.port" \
		--fail-file "$T/smtp.fail" >>"$T/sink.log" 2>&1 &
	SINK_PID=$!
	for _ in $(seq 100); do
		[[ -s $T/smtp.port ]] && break
		kill -0 "$SINK_PID" 2>/dev/null || fail "the SMTP sink died: $(cat "$T/sink.log")"
		sleep 0.05
	done
	[[ -s $T/smtp.port ]] || fail "the SMTP sink did not start"
	SMTP_PORT=$(cat "$T/smtp.port")
}

# stop_sink: the SMTP server goes away (connections refused until start_sink again).
stop_sink() {
	kill -TERM "$SINK_PID"
	wait "$SINK_PID" 2>/dev/null || true
	SINK_PID=
}

# remind_config [HOOK]: $T/q.ini sending mail to the sink, and running HOOK if given.
remind_config() {
	{
		printf '[smtp]\nurl = smtp://127.0.0.1:%s\nfrom = Неделя качества <qweek@example.org>\n' \
			"$SMTP_PORT"
		printf 'starttls = no\n'
		if (($# > 0)); then
			printf '[notify]\ncommand = %s\n' "$1"
		fi
	} >"$T/q.ini"
}

# walk ZONE TIME...: moves the clock to each local time ("2017-11-13 09:00") or instant
# ("2026-10-25T00:30:00Z"), waits for the sending to settle, prints "@ TIME | DATE | TO |
# SUBJECT" for each message that came (sorted), or "@ TIME | -".
walk() {
	local zone=$1
	shift
	"$PY" "$SINK" walk --socket "$T/q.sock" --dir "$MAIL" --tz "$zone" "$@"
}

# walk_quiet ZONE TIME...: the same without the steps when nothing came.
walk_quiet() {
	walk "$@" | grep -v ' | -$' || true
}

# mails [FROM]: the messages received (from number FROM on), one line each.
mails() {
	"$PY" "$SINK" list "$MAIL" --from "${1:-1}"
}

# mail_count: how many messages the sink has.
mail_count() {
	find "$MAIL" -name '*.eml' 2>/dev/null | wc -l
}

# set_clock INSTANT: the test clock (after the daemon started with QWEEKD_NOW).
set_clock() {
	local body=$T/clock.json
	printf '{"now": "%s"}' "$1" >"$body"
	assert_eq 200 "$(http PUT /api/v1/clock application/json "$body")" "PUT /api/v1/clock $1"
}

# idle: waits until no reminder is queued or being sent.
idle() {
	for _ in $(seq 200); do
		curl -sf --unix-socket "$T/q.sock" http://localhost/api/v1/reminders >"$T/status.json"
		if [[ $(jget 'str(d["queued"] + d["sending"])' <"$T/status.json") == 0 ]]; then
			return 0
		fi
		sleep 0.05
	done
	fail "reminders still queued or sending after 10 s"
}

# expect_walk ZONE TIME... <<EOF (expected lines) EOF: walk, and compare with stdin.
expect_walk() {
	local want got
	want=$(cat)
	got=$(walk_quiet "$@")
	if [[ $got != "$want" ]]; then
		diff <(echo "$want") <(echo "$got") | sed 's/^/   /' >&2 || true
		fail "the messages that came are not the ones expected (< expected, > got)"
	fi
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	step "the sink stores what it receives, refuses while told to, and stops"
	start_sink
	"$PY" "$SINK" send "$SMTP_PORT" someone@example.org
	assert_eq 1 "$(mail_count)" "messages"
	assert_match "self-test" "$(mails)" "the stored message"
	touch "$T/smtp.fail"
	if "$PY" "$SINK" send "$SMTP_PORT" someone@example.org 2>/dev/null; then
		fail "the sink accepted a message while told to refuse"
	fi
	rm "$T/smtp.fail"
	port=$SMTP_PORT
	stop_sink
	if "$PY" "$SINK" send "$port" someone@example.org 2>/dev/null; then
		fail "the sink still answers after it was stopped"
	fi
	start_sink "$port"
	"$PY" "$SINK" send "$SMTP_PORT" someone@example.org
	assert_eq 2 "$(mail_count)" "messages after a restart on the same port"
	echo "OK"
fi
