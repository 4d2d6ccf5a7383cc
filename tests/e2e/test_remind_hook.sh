#!/usr/bin/env bash
# The notify hook ([notify] command) for messengers: a child process per reminder and person,
# the message on stdin, the details in QWEEK_* variables, reaped without blocking; a failing
# hook is retried like SMTP. A person without email is reached through the hook alone.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

Z=Asia/Krasnoyarsk
H=$T/hook
mkdir -p "$H"
cat >"$T/hook.sh" <<EOF
#!/bin/sh
# Keeps what it was given; fails once when told to.
cat >"$H/\$QWEEK_REMINDER_ID.stdin"
env | grep '^QWEEK' | sort >"$H/\$QWEEK_REMINDER_ID.env"
if [ -e "$H/fail-once" ]; then rm "$H/fail-once"; exit 3; fi
exit 0
EOF
chmod +x "$T/hook.sh"

start_sink
remind_config "$T/hook.sh"
QWEEKD_NOW=2017-11-12T05:00:00Z start_daemon --config "$T/q.ini"
q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 --tz $Z >/dev/null
q person add "Иванова А. П." --email ivanova@example.org >/dev/null
q person add "Гость" --role волонтёр >/dev/null
q add "Открытое мероприятие" --when "14.11 в 15.00" --who "Иванова А. П." --who "Гость" \
	--where "актовый зал" --no 1 >/dev/null

# var ID NAME: variable NAME as hook run ID saw it.
var() { sed -n "s/^$2=//p" "$H/$1.env"; }

step "with a hook, everyone can be reached"
expect_ok q remind list --undeliverable
assert_eq "every person can be reached" "$(last_out)" "undeliverable"

step "remind test: through each channel the person has"
expect_ok q remind test --who "Гость"
assert_eq "sent by hook" "$(last_out)" "a test to Гость"
id=$(qj remind list --sent | jget 'str(d["reminders"][0]["id"])')
assert_eq "test Гость волонтёр test" \
	"$(var "$id" QWEEK_MESSAGE) $(var "$id" QWEEK_PERSON) $(var "$id" QWEEK_ROLE) $(var "$id" QWEEK_RULE)" \
	"the test's variables"
expect_ok q remind test --who "Иванова А. П."
assert_eq $'sent by email\nsent by hook' "$(last_out)" "a test to Иванова"
assert_eq 1 "$(mail_count)" "the test by email"
assert_match "Проверка напоминаний qweek" "$(mails)" "its subject"

step "a reminder: an email to Иванова, the hook for both"
expect_walk $Z "2017-11-13 15:00" <<'EOF'
@ 2017-11-13 15:00 | 13.11.2017 15:00 +0700 | ivanova@example.org | Напоминание: 1 Открытое мероприятие — 14.11.2017 15:00
EOF
qj remind list --sent >"$T/sent.json"
id=$(jget '[str(r["id"]) for r in d["reminders"] if r["person"] == "Гость" and r["rule"] == "1d"][0]' <"$T/sent.json")
cat "$H/$id.env"
assert_eq "event" "$(var "$id" QWEEK_MESSAGE)" "QWEEK_MESSAGE"
assert_eq "1" "$(var "$id" QWEEK_ITEM)" "QWEEK_ITEM"
assert_eq "Открытое мероприятие" "$(var "$id" QWEEK_TITLE)" "QWEEK_TITLE"
assert_eq "14.11.2017 15:00" "$(var "$id" QWEEK_WHEN)" "QWEEK_WHEN"
assert_eq "2017-11-14T15:00:00+07:00" "$(var "$id" QWEEK_AT)" "QWEEK_AT"
assert_eq "2017-11-13T15:00:00+07:00" "$(var "$id" QWEEK_OCCURRENCE)" "QWEEK_OCCURRENCE"
assert_eq "актовый зал" "$(var "$id" QWEEK_WHERE)" "QWEEK_WHERE"
assert_eq "Иванова А. П., Гость" "$(var "$id" QWEEK_WHO)" "QWEEK_WHO"
assert_eq "qweek done 1" "$(var "$id" QWEEK_DONE_COMMAND)" "QWEEK_DONE_COMMAND"
assert_match "^http://[^/]+/me/[a-z2-7]{26}#item-[0-9]+$" "$(var "$id" QWEEK_PAGE_URL)" "QWEEK_PAGE_URL: the item on the person's page"
assert_eq "Гость" "$(var "$id" QWEEK_PERSON)" "QWEEK_PERSON"
assert_eq "" "$(var "$id" QWEEK_EMAIL)" "QWEEK_EMAIL"
assert_eq "nedelya-kachestva-2017 Asia/Krasnoyarsk ru" \
	"$(var "$id" QWEEK_PLAN) $(var "$id" QWEEK_TZ) $(var "$id" QWEEK_LANG)" "the plan"
assert_eq "Напоминание: 1 Открытое мероприятие — 14.11.2017 15:00" "$(head -1 "$H/$id.stdin")" \
	"stdin: the subject first"
grep -q "^  qweek done 1$" "$H/$id.stdin" || fail "stdin: the body"
assert_eq 4 "$(jget 'str(len([r for r in d["reminders"] if r["rule"] != "test"]) + 1)' <"$T/sent.json")" \
	"1d: email to Иванова, hook to both (and the tests)"

step "a hook that fails is retried"
touch "$H/fail-once"
expect_walk $Z "2017-11-14 14:00" <<'EOF'
@ 2017-11-14 14:00 | 14.11.2017 14:00 +0700 | ivanova@example.org | Напоминание: 1 Открытое мероприятие — 14.11.2017 15:00
EOF
expect_ok q remind list --failed
cat "$T/last.out"
assert_match "14.11.2017 14:00 +failed +1 .* 1h +hook +the notify command exited with status 3; next try 14.11.2017 14:01" \
	"$(last_out)" "the failure"
set_clock 2017-11-14T07:01:00Z
idle
expect_ok q remind list --failed
assert_eq "no failed reminders" "$(last_out)" "after the retry"
assert_eq 3 "$(qj remind list --sent | jget 'str(len([r for r in d["reminders"] if r["rule"] == "1h"]))')" \
	"1h: all three delivered"

step "no child left behind"
sleep 0.2
zombies=$(ps -o stat= --ppid "$DAEMON_PID" | grep -c Z || true)
assert_eq 0 "$zombies" "zombie children"
stop_daemon
