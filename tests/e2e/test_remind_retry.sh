#!/usr/bin/env bash
# The SMTP server down, or refusing for a while: the reminder shows as failed, is retried after
# 1, 2, 4 ... minutes, and is delivered once the server is back, exactly once. A reminder still
# failing when its item is done is cancelled; one still failing when its event has begun
# expires. Nothing is dropped without a trace in `qweek remind list`.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

Z=Asia/Krasnoyarsk
start_sink
port=$SMTP_PORT
remind_config
QWEEKD_NOW=2017-11-12T05:00:00Z start_daemon --config "$T/q.ini"
q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 --tz $Z >/dev/null
q person add "Иванова А. П." --email ivanova@example.org >/dev/null
q person add "Петров И. И." --email petrov@example.org >/dev/null
q add "Аналитическая справка" --due "14.11.2017 18:00" --who "Петров И. И." --no 1 >/dev/null
q add "Открытое мероприятие" --when "14.11 15.00" --who "Иванова А. П." --no 2 >/dev/null

# failed_json: the failed (and expired) reminders as JSON.
failed_json() { qj remind list --failed; }

step "the server is down when a reminder comes due"
stop_sink
expect_walk $Z "2017-11-13 15:00" </dev/null
expect_ok q remind list --failed
cat "$T/last.out"
assert_match "13.11.2017 15:00 +failed +2 +Иванова А. П. +1d +email .*(connect|refused).*next try 13.11.2017 15:01" \
	"$(last_out)" "the failure"
assert_eq "1 1" "$(failed_json | jget '"%d %d" % (len(d["reminders"]), d["reminders"][0]["attempts"])')" \
	"one failed reminder, one attempt"
assert_eq 1 "$(curl -sf --unix-socket "$T/q.sock" http://localhost/api/v1/reminders | jget 'str(d["failed"])')" \
	"the status counts it"

step "no retry before its time; the second try fails too, the next is 2 minutes later"
set_clock 2017-11-13T08:00:30Z
idle
assert_eq 1 "$(failed_json | jget 'str(d["reminders"][0]["attempts"])')" "attempts at 15:00:30"
set_clock 2017-11-13T08:01:00Z
idle
assert_eq "2 2017-11-13T15:03:00+07:00" \
	"$(failed_json | jget '"%d %s" % (d["reminders"][0]["attempts"], d["reminders"][0]["next_try"])')" \
	"attempts and next try at 15:01"

step "the server is back: delivered at the next try, once"
start_sink "$port"
set_clock 2017-11-13T08:02:00Z
idle
assert_eq 0 "$(mail_count)" "messages before the next try"
set_clock 2017-11-13T08:03:00Z
idle
assert_eq "13.11.2017 15:03 +0700 | ivanova@example.org | Напоминание: 2 Открытое мероприятие — 14.11.2017 15:00" \
	"$(mails)" "the message"
assert_eq "sent 3" "$(qj remind list --sent | jget '"%s %d" % (d["reminders"][0]["state"], d["reminders"][0]["attempts"])')" \
	"sent on the third attempt"
set_clock 2017-11-13T08:30:00Z
idle
assert_eq 1 "$(mail_count)" "messages later"

step "the server refuses for a while (451): retried, then delivered once"
touch "$T/smtp.fail"
expect_walk $Z "2017-11-13 18:00" </dev/null
assert_match "451" "$(failed_json | jget 'd["reminders"][0]["reason"]')" "the server's answer"
rm "$T/smtp.fail"
expect_walk $Z "2017-11-13 18:01" <<'EOF'
@ 2017-11-13 18:01 | 13.11.2017 18:01 +0700 | petrov@example.org | Срок: 1 Аналитическая справка — до 14.11.2017 18:00
EOF

step "failing when the item is done: cancelled, never sent"
stop_sink
expect_walk $Z "2017-11-14 09:00" </dev/null
assert_eq 1 "$(failed_json | jget 'str(len(d["reminders"]))')" "failed"
q done 1 >/dev/null
assert_eq 0 "$(failed_json | jget 'str(len(d["reminders"]))')" "failed after done"
expect_ok q remind list --skipped
assert_match "14.11.2017 09:00 +cancelled +1 +Петров И. И. +09:00 +email +the item is done" \
	"$(last_out)" "cancelled"
start_sink "$port"
expect_walk $Z "2017-11-14 09:10" </dev/null

step "failing until the event has begun: expired, shown with the failures"
stop_sink
expect_walk $Z "2017-11-14 14:00" </dev/null
start_sink "$port"
expect_walk $Z "2017-11-14 15:05" </dev/null
expect_ok q remind list --failed
cat "$T/last.out"
assert_match "14.11.2017 14:00 +expired +2 +Иванова А. П. +1h +email +too late: it has started" \
	"$(last_out)" "expired"

step "two messages in all, each once"
assert_eq 2 "$(mail_count)" "messages"
stop_daemon
