#!/usr/bin/env bash
# A Quality Week in Krasnoyarsk (UTC+7), 13-17.11.2017, seen from an SMTP server: exactly the
# reminders due, each at its time, to the people on each item (a group's members), overdue
# notices on working days with the director in copy, until done or cancelled.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

Z=Asia/Krasnoyarsk
start_sink
remind_config
QWEEKD_NOW=2017-11-12T05:00:00Z start_daemon --config "$T/q.ini"	# Sunday 12:00

step "a plan, its people, four items"
q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 --tz $Z >/dev/null
q person add "Иванова А. П." --email ivanova@example.org --group Психологи >/dev/null
q person add "Петров И. И." --email petrov@example.org --group Психологи >/dev/null
q person add "Сидорова Н. В." --role директор --email director@example.org >/dev/null
q person add "Гость Без Почты" >/dev/null
q add "Открытое мероприятие" --when "14.11 в 15.00" --who "Иванова А. П." --no 1 >/dev/null
q add "Аналитическая справка" --due "16.11.2017 18:00" --who "Петров И. И." --no 2 >/dev/null
q add "Анкетирование" --due "до 14.11.2017" --who Психологи --no 3 >/dev/null
q add "День открытых дверей" --when "15.11" --who "Гость Без Почты" --no 4 >/dev/null

step "what is to come"
expect_ok q remind list
cat "$T/last.out"
assert_eq 19 "$(qj remind list | jget 'str(len(d["reminders"]))')" "reminders to come"
# The 3-day reminder of item 3 (11.11 09:00) was due before the item existed: not sent.
assert_eq 0 "$(qj remind list | jget 'str(len([r for r in d["reminders"] if r["rule"] == "3d" and r["item"] == "3"]))')" \
	"a reminder due before the item was added"

step "Monday and Tuesday"
expect_walk $Z "2017-11-13 08:59" "2017-11-13 09:00" "2017-11-13 12:00" "2017-11-13 15:00" \
	"2017-11-13 18:00" "2017-11-14 09:00" "2017-11-14 14:00" "2017-11-14 16:00" <<'EOF'
@ 2017-11-13 09:00 | 13.11.2017 09:00 +0700 | ivanova@example.org | Срок: 3 Анкетирование — до 14.11.2017
@ 2017-11-13 09:00 | 13.11.2017 09:00 +0700 | petrov@example.org | Срок: 3 Анкетирование — до 14.11.2017
@ 2017-11-13 15:00 | 13.11.2017 15:00 +0700 | ivanova@example.org | Напоминание: 1 Открытое мероприятие — 14.11.2017 15:00
@ 2017-11-13 18:00 | 13.11.2017 18:00 +0700 | petrov@example.org | Срок: 2 Аналитическая справка — до 16.11.2017 18:00
@ 2017-11-14 09:00 | 14.11.2017 09:00 +0700 | ivanova@example.org | Срок: 3 Анкетирование — до 14.11.2017
@ 2017-11-14 09:00 | 14.11.2017 09:00 +0700 | petrov@example.org | Срок: 3 Анкетирование — до 14.11.2017
@ 2017-11-14 14:00 | 14.11.2017 14:00 +0700 | ivanova@example.org | Напоминание: 1 Открытое мероприятие — 14.11.2017 15:00
EOF

step "the body: the item, its time in the plan's zone, its people, the command that ends it"
"$PY" "$SINK" list "$MAIL" --from 3 --body >"$T/body.txt"
head -16 "$T/body.txt"
grep -q "^    Здравствуйте, Иванова А. П.!$" "$T/body.txt" || fail "greeting"
grep -q "^      1 Открытое мероприятие$" "$T/body.txt" || fail "the item"
grep -q "^      Когда: 14.11.2017 15:00$" "$T/body.txt" || fail "the time"
grep -q "^      Ответственные: Иванова А. П.$" "$T/body.txt" || fail "the people"
grep -q "^      qweek done 1$" "$T/body.txt" || fail "the done command"
"$PY" "$SINK" list "$MAIL" --body >"$T/bodies.txt"
grep -q "^      Ответственные: Психологи$" "$T/bodies.txt" || fail "a group"

step "the person without email was not reached, and is listed"
expect_ok q remind list --undeliverable
cat "$T/last.out"
assert_match "Гость Без Почты +person +1 +no email address" "$(last_out)" "undeliverable"
assert_match "14.11.2017 09:00 +undeliverable +4 +Гость Без Почты +1d" "$(last_out)" \
	"the reminder that reached nobody"

step "item 1 is done: no overdue notice for it"
q done 1 >/dev/null
expect_walk $Z "2017-11-15 09:00" "2017-11-15 18:00" "2017-11-16 09:00" <<'EOF'
@ 2017-11-15 09:00 | 15.11.2017 09:00 +0700 | director@example.org | Просрочено (копия директору): 3 Анкетирование
@ 2017-11-15 09:00 | 15.11.2017 09:00 +0700 | ivanova@example.org | Просрочено: 3 Анкетирование
@ 2017-11-15 09:00 | 15.11.2017 09:00 +0700 | petrov@example.org | Просрочено: 3 Анкетирование
@ 2017-11-15 18:00 | 15.11.2017 18:00 +0700 | petrov@example.org | Срок: 2 Аналитическая справка — до 16.11.2017 18:00
@ 2017-11-16 09:00 | 16.11.2017 09:00 +0700 | director@example.org | Просрочено (копия директору): 3 Анкетирование
@ 2017-11-16 09:00 | 16.11.2017 09:00 +0700 | director@example.org | Просрочено (копия директору): 4 День открытых дверей
@ 2017-11-16 09:00 | 16.11.2017 09:00 +0700 | ivanova@example.org | Просрочено: 3 Анкетирование
@ 2017-11-16 09:00 | 16.11.2017 09:00 +0700 | petrov@example.org | Просрочено: 3 Анкетирование
@ 2017-11-16 09:00 | 16.11.2017 09:00 +0700 | petrov@example.org | Срок: 2 Аналитическая справка — до 16.11.2017 18:00
EOF

step "3 done, 4 cancelled: their notices stop; 2 is late from Friday, not on the weekend"
set_clock 2017-11-16T03:00:00Z
q done 3 >/dev/null
set_clock 2017-11-16T05:00:00Z
q cancel 4 >/dev/null
expect_walk $Z "2017-11-16 18:00" "2017-11-17 09:00" "2017-11-18 09:00" "2017-11-19 09:00" \
	"2017-11-20 08:59" "2017-11-20 09:00" <<'EOF'
@ 2017-11-17 09:00 | 17.11.2017 09:00 +0700 | director@example.org | Просрочено (копия директору): 2 Аналитическая справка
@ 2017-11-17 09:00 | 17.11.2017 09:00 +0700 | petrov@example.org | Просрочено: 2 Аналитическая справка
@ 2017-11-20 09:00 | 20.11.2017 09:00 +0700 | director@example.org | Просрочено (копия директору): 2 Аналитическая справка
@ 2017-11-20 09:00 | 20.11.2017 09:00 +0700 | petrov@example.org | Просрочено: 2 Аналитическая справка
EOF

step "the log agrees: 20 sent, each once"
assert_eq 20 "$(mail_count)" "messages received"
assert_eq 20 "$(qj remind list --sent | jget 'str(len(d["reminders"]))')" "sent in the log"
expect_ok q remind list --failed
assert_eq "no failed reminders" "$(last_out)" "failed"
assert_eq 0 "$(mails | sort | uniq -d | wc -l)" "duplicates"

step "remind test: by email when the person has an address, refused when nothing reaches"
expect_ok q remind test --who "Сидорова Н. В."
assert_eq "sent by email" "$(last_out)" "a test message"
assert_match "director@example.org \| Проверка напоминаний qweek" "$(mails 21)" "the test message"
expect_fail 1 q remind test --who "Гость Без Почты"
assert_match "nothing can reach «Гость Без Почты»: no email address, and no notify hook" \
	"$(last_err)" "nobody to send to"
expect_fail 1 q remind test --who "Психологи"
assert_match "is a group" "$(last_err)" "a group"

step "a clean stop"
stop_daemon
