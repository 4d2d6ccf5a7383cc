#!/usr/bin/env bash
# qweekd killed (SIGKILL) mid-week and started again a day later: what was sent is
# not sent again; what came due meanwhile is sent if still of use (the event has not started,
# the deadline has not passed, an overdue notice), only the latest of each item's, the rest
# recorded as skipped with the reason; and then the week goes on as before.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

Z=Asia/Krasnoyarsk
start_sink
remind_config
QWEEKD_NOW=2017-11-12T05:00:00Z start_daemon --config "$T/q.ini"

step "a plan with two events and a deadline"
q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 --tz $Z >/dev/null
q person add "Иванова А. П." --email ivanova@example.org >/dev/null
q person add "Петров И. И." --email petrov@example.org >/dev/null
q person add "Сидорова Н. В." --role Директор --email director@example.org >/dev/null
q add "Мастер-класс" --when "15.11 10.00" --who "Иванова А. П." --no 1 >/dev/null
q add "Анкетирование" --due "до 14.11.2017" --who "Петров И. И." --no 2 >/dev/null
q add "Открытое мероприятие" --when "14.11 15.00" --who "Иванова А. П." --no 3 >/dev/null

step "Monday, until the daemon is killed at 16:00"
expect_walk $Z "2017-11-13 09:00" "2017-11-13 15:00" "2017-11-13 16:00" <<'EOF'
@ 2017-11-13 09:00 | 13.11.2017 09:00 +0700 | petrov@example.org | Срок: 2 Анкетирование — до 14.11.2017
@ 2017-11-13 15:00 | 13.11.2017 15:00 +0700 | ivanova@example.org | Напоминание: 3 Открытое мероприятие — 14.11.2017 15:00
EOF
kill9_daemon

step "started again on Tuesday 16:00: the catch-up"
# Came due meanwhile: item 1's 1d (14.11 10:00), the event still to come: sent; item 2's
# 09:00 (14.11), due by the end of the day: sent; item 3's 1h (14.11 14:00), but the event
# began at 15:00: skipped.
QWEEKD_NOW=2017-11-14T09:00:00Z start_daemon --config "$T/q.ini"
idle
mails 3 | sort >"$T/catchup.txt"
cat "$T/catchup.txt"
diff - "$T/catchup.txt" <<'EOF' || fail "the catch-up"
14.11.2017 16:00 +0700 | ivanova@example.org | Напоминание: 1 Мастер-класс — 15.11.2017 10:00
14.11.2017 16:00 +0700 | petrov@example.org | Срок: 2 Анкетирование — до 14.11.2017
EOF
expect_ok q remind list --skipped
cat "$T/last.out"
assert_match "14.11.2017 14:00 +skipped +3 +Иванова А. П. +1h +email +came due while reminders could not run; by then it had started" \
	"$(last_out)" "item 3's 1h skipped"
assert_eq 4 "$(qj remind list --sent | jget 'str(len(d["reminders"]))')" "sent in the log"

step "killed again right after sending, started at the same instant: nothing twice"
kill9_daemon
QWEEKD_NOW=2017-11-14T09:00:00Z start_daemon --config "$T/q.ini"
idle
assert_eq 4 "$(mail_count)" "messages"

step "the week goes on"
q done 3 >/dev/null
expect_walk $Z "2017-11-14 18:00" "2017-11-15 09:00" <<'EOF'
@ 2017-11-15 09:00 | 15.11.2017 09:00 +0700 | director@example.org | Просрочено (копия директору): 2 Анкетирование
@ 2017-11-15 09:00 | 15.11.2017 09:00 +0700 | ivanova@example.org | Напоминание: 1 Мастер-класс — 15.11.2017 10:00
@ 2017-11-15 09:00 | 15.11.2017 09:00 +0700 | petrov@example.org | Просрочено: 2 Анкетирование
EOF
q done 1 >/dev/null

step "stopped, started the next Monday: one overdue notice, not three"
stop_daemon
QWEEKD_NOW=2017-11-20T03:00:00Z start_daemon --config "$T/q.ini"	# Monday 10:00
idle
mails 8 | sort >"$T/monday.txt"
diff - "$T/monday.txt" <<'EOF' || fail "after the weekend"
20.11.2017 10:00 +0700 | director@example.org | Просрочено (копия директору): 2 Анкетирование
20.11.2017 10:00 +0700 | petrov@example.org | Просрочено: 2 Анкетирование
EOF
assert_eq 2 "$(qj remind list --skipped | jget 'str(len([r for r in d["reminders"] if r["at"].startswith("2017-11-16") or r["at"].startswith("2017-11-17")]) // 2)')" \
	"Thursday's and Friday's notices, skipped"
assert_eq 9 "$(mail_count)" "messages"
assert_eq 0 "$(mails | sort | uniq -d | wc -l)" "duplicates"
stop_daemon
