#!/usr/bin/env bash
# Kyiv across the end of daylight saving time (25.10.2026: 04:00 EEST -> 03:00 EET). The clock
# walks half an hour at a time through the week; every reminder comes once, at its wall time in
# the plan's zone: "1d" before 10:00 is 10:00 the day before on either side of the change, the
# 09:00 ones are at 09:00 +0300 before and 09:00 +0200 after, none an hour early or twice.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

Z=Europe/Kyiv
# steps FROM TO: every half hour from FROM to TO (UTC instants, FROM excluded).
steps() {
	"$PY" -c '
import sys
from datetime import datetime, timedelta
f = "%Y-%m-%dT%H:%M:%SZ"
t, end = (datetime.strptime(x, f) for x in sys.argv[1:3])
while t < end:
    t += timedelta(minutes=30)
    print(t.strftime(f))' "$1" "$2"
}

start_sink
remind_config
QWEEKD_NOW=2026-10-22T09:00:00Z start_daemon --config "$T/q.ini"	# Thursday 12:00 EEST

step "a Ukrainian plan for 23-30.10.2026"
q plan new "Тиждень якості 2026" --from 23.10.2026 --to 30.10.2026 --tz $Z --lang uk >/dev/null
q person add "Коваленко О. М." --email k@example.org >/dev/null
q person add "Шевченко Т. В." --role директорка --email d@example.org >/dev/null
add() { q add "$2" "$3" "$4" --who "Коваленко О. М." --no "$1" >/dev/null; }
add 1 "Семінар для батьків" --when "24.10 10.00"
add 2 "Збори колективу в неділю" --when "25.10 10.00"
add 3 "Збори колективу в понеділок" --when "26.10 10.00"
add 4 "Нічне чергування" --when "25.10 03.30"
add 5 "Оновити сайт" --due "до 23.10.2026"
add 6 "Звіт про анкетування" --due "27.10.2026 18:00"
qj list | jget '"\n".join("   %s %s %s" % (i["label"], i["start"] or "", i["due"] or "") for i in d["items"])'

step "Friday and Saturday (EEST, +0300)"
mapfile -t S < <(steps 2026-10-22T09:00:00Z 2026-10-24T12:00:00Z)
expect_walk $Z "${S[@]}" <<'EOF'
@ 2026-10-23T06:00:00Z | 23.10.2026 09:00 +0300 | k@example.org | Термін: 5 Оновити сайт — до 23.10.2026
@ 2026-10-23T07:00:00Z | 23.10.2026 10:00 +0300 | k@example.org | Нагадування: 1 Семінар для батьків — 24.10.2026 10:00
@ 2026-10-24T00:30:00Z | 24.10.2026 03:30 +0300 | k@example.org | Нагадування: 4 Нічне чергування — 25.10.2026 03:30
@ 2026-10-24T06:00:00Z | 24.10.2026 09:00 +0300 | k@example.org | Нагадування: 1 Семінар для батьків — 24.10.2026 10:00
@ 2026-10-24T07:00:00Z | 24.10.2026 10:00 +0300 | k@example.org | Нагадування: 2 Збори колективу в неділю — 25.10.2026 10:00
EOF
q done 1 >/dev/null

step "the night the clocks go back, and Sunday (EET, +0200)"
mapfile -t S < <(steps 2026-10-24T12:00:00Z 2026-10-26T04:00:00Z)
expect_walk $Z "${S[@]}" <<'EOF'
@ 2026-10-24T15:00:00Z | 24.10.2026 18:00 +0300 | k@example.org | Термін: 6 Звіт про анкетування — до 27.10.2026 18:00
@ 2026-10-24T23:30:00Z | 25.10.2026 02:30 +0300 | k@example.org | Нагадування: 4 Нічне чергування — 25.10.2026 03:30
@ 2026-10-25T07:00:00Z | 25.10.2026 09:00 +0200 | k@example.org | Нагадування: 2 Збори колективу в неділю — 25.10.2026 10:00
@ 2026-10-25T08:00:00Z | 25.10.2026 10:00 +0200 | k@example.org | Нагадування: 3 Збори колективу в понеділок — 26.10.2026 10:00
EOF
q done 2 >/dev/null
q done 4 >/dev/null

step "Monday: 09:00 EET, the overdue item (due Friday) with the director in copy"
mapfile -t S < <(steps 2026-10-26T04:00:00Z 2026-10-26T12:00:00Z)
expect_walk $Z "${S[@]}" <<'EOF'
@ 2026-10-26T07:00:00Z | 26.10.2026 09:00 +0200 | d@example.org | Прострочено (копія директору): 5 Оновити сайт
@ 2026-10-26T07:00:00Z | 26.10.2026 09:00 +0200 | k@example.org | Нагадування: 3 Збори колективу в понеділок — 26.10.2026 10:00
@ 2026-10-26T07:00:00Z | 26.10.2026 09:00 +0200 | k@example.org | Прострочено: 5 Оновити сайт
EOF
q done 3 >/dev/null

step "Tuesday"
mapfile -t S < <(steps 2026-10-26T12:00:00Z 2026-10-27T08:00:00Z)
expect_walk $Z "${S[@]}" <<'EOF'
@ 2026-10-26T16:00:00Z | 26.10.2026 18:00 +0200 | k@example.org | Термін: 6 Звіт про анкетування — до 27.10.2026 18:00
@ 2026-10-27T07:00:00Z | 27.10.2026 09:00 +0200 | d@example.org | Прострочено (копія директору): 5 Оновити сайт
@ 2026-10-27T07:00:00Z | 27.10.2026 09:00 +0200 | k@example.org | Прострочено: 5 Оновити сайт
@ 2026-10-27T07:00:00Z | 27.10.2026 09:00 +0200 | k@example.org | Термін: 6 Звіт про анкетування — до 27.10.2026 18:00
EOF

step "each once"
assert_eq 16 "$(mail_count)" "messages"
assert_eq 0 "$(mails | sort | uniq -d | wc -l)" "duplicates"
stop_daemon
