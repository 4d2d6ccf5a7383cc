#!/usr/bin/env bash
# Changes reschedule what is pending: an edit moves an item's reminders (and to whom they go),
# done and cancel remove them, reopen brings back the overdue notices from the next working day,
# an item's own rules (`remind set`) and the plan's (`plan edit --remind`) replace the defaults.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

Z=Asia/Krasnoyarsk
start_sink
remind_config
QWEEKD_NOW=2017-11-12T05:00:00Z start_daemon --config "$T/q.ini"
q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 --tz $Z >/dev/null
q person add "Иванова А. П." --email ivanova@example.org >/dev/null
q person add "Петров И. И." --email petrov@example.org >/dev/null
q add "Открытое мероприятие" --when "14.11 15.00" --who "Иванова А. П." --no 1 >/dev/null
q add "Анкетирование" --due "до 15.11.2017" --who "Петров И. И." --no 2 >/dev/null
q add "Мастер-класс" --when "16.11 11.00" --who "Иванова А. П." --no 3 >/dev/null
q add "Совещание" --when "13.11 18.00" --who "Петров И. И." --no 4 >/dev/null

# next REF: the item's reminders to come, "AT RULE PERSON" each.
next() {
	qj remind show "$1" | jget '"; ".join("%s %s %s" % (r["at"][5:16], r["rule"], r["person"]) for r in d["next"])'
}

step "an edit moves the item's reminders"
assert_eq "11-13T15:00 1d Иванова А. П.; 11-14T14:00 1h Иванова А. П.; 11-15T09:00 overdue Иванова А. П." \
	"$(next 1)" "item 1 before"
q edit 1 --when "15.11 11.00" >/dev/null
assert_eq "11-14T11:00 1d Иванова А. П.; 11-15T10:00 1h Иванова А. П.; 11-16T09:00 overdue Иванова А. П." \
	"$(next 1)" "item 1 after"
expect_walk $Z "2017-11-12 18:00" "2017-11-13 15:00" "2017-11-13 17:00" <<'EOF'
@ 2017-11-12 18:00 | 12.11.2017 18:00 +0700 | petrov@example.org | Напоминание: 4 Совещание — 13.11.2017 18:00
@ 2017-11-13 17:00 | 13.11.2017 17:00 +0700 | petrov@example.org | Напоминание: 4 Совещание — 13.11.2017 18:00
EOF

step "another person: the reminders follow; a cancelled item has none"
q edit 1 --who "Петров И. И." >/dev/null
assert_eq "11-14T11:00 1d Петров И. И.; 11-15T10:00 1h Петров И. И.; 11-16T09:00 overdue Петров И. И." \
	"$(next 1)" "item 1 for Петров"
set_clock 2017-11-13T10:30:00Z
assert_eq "11-14T09:00 overdue Петров И. И." "$(next 4)" "item 4 before it is cancelled"
q cancel 4 >/dev/null
assert_eq "" "$(next 4)" "item 4 cancelled"
expect_walk $Z "2017-11-14 09:00" "2017-11-14 11:00" <<'EOF'
@ 2017-11-14 09:00 | 14.11.2017 09:00 +0700 | petrov@example.org | Срок: 2 Анкетирование — до 15.11.2017
@ 2017-11-14 11:00 | 14.11.2017 11:00 +0700 | petrov@example.org | Напоминание: 1 Открытое мероприятие — 15.11.2017 11:00
EOF

step "an item's own reminders: 2h instead of 1d and 1h"
expect_ok q remind set 3 2h
cat "$T/last.out"
assert_match "reminders: 2h \(its own\), then overdue notices" "$(last_out)" "remind set"
assert_eq "11-16T09:00 2h Иванова А. П.; 11-17T09:00 overdue Иванова А. П." "$(next 3)" "item 3"
expect_walk $Z "2017-11-15 09:00" "2017-11-15 10:00" "2017-11-15 11:00" <<'EOF'
@ 2017-11-15 09:00 | 15.11.2017 09:00 +0700 | petrov@example.org | Срок: 2 Анкетирование — до 15.11.2017
@ 2017-11-15 10:00 | 15.11.2017 10:00 +0700 | petrov@example.org | Напоминание: 1 Открытое мероприятие — 15.11.2017 11:00
EOF

step "done removes what is pending; none silences an item, overdue notices included"
q done 1 >/dev/null
assert_eq "" "$(next 1)" "item 1 done"
expect_ok q remind set 2 none
assert_eq "" "$(next 2)" "item 2 silenced"
expect_walk $Z "2017-11-16 09:00" <<'EOF'
@ 2017-11-16 09:00 | 16.11.2017 09:00 +0700 | ivanova@example.org | Напоминание: 3 Мастер-класс — 16.11.2017 11:00
EOF

step "the plan's rules: overdue notices at 10:00; item 2 back to the plan's"
set_clock 2017-11-16T05:00:00Z
expect_ok q plan edit --remind "overdue 10:00" --remind "events: 2d, 2h"
cat "$T/last.out"
assert_match "overdue: +10:00 on working days" "$(last_out)" "plan edit"
assert_match "events: +2d, 2h" "$(last_out)" "plan edit"
expect_ok q remind set 2 default
assert_match "reminders: 3d, 1d, 09:00 \(the plan's\)" "$(last_out)" "default"
expect_walk $Z "2017-11-17 09:00" "2017-11-17 10:00" <<'EOF'
@ 2017-11-17 10:00 | 17.11.2017 10:00 +0700 | ivanova@example.org | Просрочено: 3 Мастер-класс
@ 2017-11-17 10:00 | 17.11.2017 10:00 +0700 | petrov@example.org | Просрочено: 2 Анкетирование
EOF

step "reopen: the notices come back from the next working day, not at once"
q done 2 >/dev/null
q done 3 >/dev/null
set_clock 2017-11-17T05:00:00Z
q reopen 2 >/dev/null
assert_eq "11-20T10:00 overdue Петров И. И." "$(next 2)" "item 2 reopened"
expect_walk $Z "2017-11-17 12:30" "2017-11-20 10:00" <<'EOF'
@ 2017-11-20 10:00 | 20.11.2017 10:00 +0700 | petrov@example.org | Просрочено: 2 Анкетирование
EOF

step "what is refused, and says why"
expect_fail 1 q remind set 2 2x
assert_match "«2x» is not a reminder" "$(last_err)" "a bad rule"
expect_fail 1 q plan edit --remind "whenever 1d"
assert_match "events, deadlines, overdue" "$(last_err)" "a bad section"
expect_fail 1 q remind set 9 1d
assert_match "there is no item" "$(last_err)" "an unknown item"
expect_fail 2 q plan edit
expect_ok q remind status
cat "$T/last.out"
assert_match "events: +2d, 2h" "$(last_out)" "status shows the rules"
stop_daemon
