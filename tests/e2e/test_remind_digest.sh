#!/usr/bin/env bash
# The morning digest: on working days at the person's time, the events of the day, deadlines
# within three days, and overdue items, in one message; none on a day with nothing to say or on
# a weekend; one missed while the daemon was down is sent only if its day is not over.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

Z=Asia/Krasnoyarsk
start_sink
remind_config
QWEEKD_NOW=2017-11-12T05:00:00Z start_daemon --config "$T/q.ini"
q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 --tz $Z >/dev/null
q person add "Иванова А. П." --email ivanova@example.org >/dev/null
q person add "Петров И. И." --email petrov@example.org >/dev/null
q add "Открытое мероприятие" --when "14.11 в 15.00" --who "Иванова А. П." --no 1 >/dev/null
q add "Аналитическая справка" --due "16.11.2017 18:00" --who "Иванова А. П." --no 2 >/dev/null
q add "Анкетирование" --due "до 13.11.2017" --who "Иванова А. П." --no 3 >/dev/null
q add "Подведение итогов" --when "20.11 10.00" --who "Иванова А. П." --no 4 >/dev/null
# Only the digest speaks in this test.
q plan edit --remind "events none" --remind "deadlines none" --remind "overdue none" >/dev/null

step "a digest for Иванова at 08:00"
expect_ok q remind digest --who "Иванова А. П." --at 8:00
assert_eq "Иванова А. П.: at 08:00 on working days, next 13.11.2017 08:00" "$(last_out)" "digest on"
expect_fail 1 q remind digest --who "Петров И. И." --at 25:00
expect_fail 2 q remind digest --at 08:00

step "Monday to Friday"
expect_walk $Z "2017-11-13 07:59" "2017-11-13 08:00" "2017-11-14 08:00" <<'EOF'
@ 2017-11-13 08:00 | 13.11.2017 08:00 +0700 | ivanova@example.org | Сводка на 13.11.2017
@ 2017-11-14 08:00 | 14.11.2017 08:00 +0700 | ivanova@example.org | Сводка на 14.11.2017
EOF
"$PY" "$SINK" list "$MAIL" --body >"$T/bodies.txt"
cat "$T/bodies.txt"
"$PY" - "$T/bodies.txt" <<'PY' || fail "the digests' bodies"
import sys
text = open(sys.argv[1]).read()
monday, tuesday = text.split("14.11.2017 08:00 +0700")
assert "Сроки в ближайшие три дня:\n      2 Аналитическая справка — 16.11.2017 18:00\n" \
       "      3 Анкетирование — 13.11.2017\n" in monday, monday
assert "Сегодня:" not in monday and "Просрочено:" not in monday, monday
assert "Сегодня:\n      1 Открытое мероприятие — 14.11.2017 15:00\n" in tuesday, tuesday
assert "Просрочено:\n      3 Анкетирование — 13.11.2017\n" in tuesday, tuesday
assert "Отметить выполненное: qweek done НОМЕР" in tuesday, tuesday
PY
set_clock 2017-11-14T09:00:00Z
q done 1 >/dev/null
q done 3 >/dev/null
expect_walk $Z "2017-11-15 08:00" "2017-11-16 08:00" <<'EOF'
@ 2017-11-15 08:00 | 15.11.2017 08:00 +0700 | ivanova@example.org | Сводка на 15.11.2017
@ 2017-11-16 08:00 | 16.11.2017 08:00 +0700 | ivanova@example.org | Сводка на 16.11.2017
EOF
set_clock 2017-11-16T05:00:00Z
q done 2 >/dev/null

step "nothing to say on Friday, nothing on the weekend, Monday's event"
expect_walk $Z "2017-11-17 08:00" "2017-11-18 08:00" "2017-11-19 08:00" "2017-11-20 08:00" <<'EOF'
@ 2017-11-20 08:00 | 20.11.2017 08:00 +0700 | ivanova@example.org | Сводка на 20.11.2017
EOF
expect_ok q remind list --skipped
assert_match "17.11.2017 08:00 +skipped +Иванова А. П. +digest +email +nothing to say that day" \
	"$(last_out)" "Friday"

step "down from Monday until Wednesday 07:00: Tuesday's digest is not sent late"
stop_daemon
QWEEKD_NOW=2017-11-22T00:00:00Z start_daemon --config "$T/q.ini"
idle
assert_eq 5 "$(mail_count)" "messages"
expect_ok q remind list --skipped
assert_match "21.11.2017 08:00 +skipped +Иванова А. П. +digest +email +.*its day was over" \
	"$(last_out)" "Tuesday"
expect_walk $Z "2017-11-22 08:00" <<'EOF'
@ 2017-11-22 08:00 | 22.11.2017 08:00 +0700 | ivanova@example.org | Сводка на 22.11.2017
EOF
assert_match "Просрочено:" "$("$PY" "$SINK" list "$MAIL" --from 6 --body)" "item 4 is overdue"

step "off"
expect_ok q remind digest --who "Иванова А. П." --off
assert_eq "nobody gets a digest" "$(last_out)" "digest off"
expect_walk $Z "2017-11-23 08:00" </dev/null
stop_daemon
