#!/usr/bin/env bash
# qweekd under libfaketime, its clock running 30 times faster than real time: the reminders
# still go at their wall time (the timer re-reads the clock, never counts on its own seconds).
# Skipped when libfaketime is not installed (Debian: apt-get install faketime).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

FT=
for f in /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 \
	/usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
	[[ -e $f ]] && FT=$f && break
done
[[ -n $FT ]] || skip "libfaketime is not installed (Debian package faketime; scripts/deps.sh)"
[[ ${QWEEK_VALGRIND:-0} == 1 ]] && skip "libfaketime and valgrind do not mix"

start_sink
remind_config
step "qweekd on a clock that starts at 13.11.2017 08:55 in Krasnoyarsk and runs 30x"
TZ=UTC LD_PRELOAD=$FT FAKETIME="@2017-11-13 01:55:00 x30" \
	ASAN_OPTIONS=detect_leaks=1:verify_asan_link_order=0 start_daemon --config "$T/q.ini"
q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 \
	--tz Asia/Krasnoyarsk >/dev/null
q person add "Иванова А. П." --email ivanova@example.org >/dev/null
q add "Анкетирование" --due "до 14.11.2017" --who "Иванова А. П." >/dev/null
q add "Открытое мероприятие" --when "13.11 10.00" --who "Иванова А. П." >/dev/null

step "both reminders of 09:00 come at 09:00 (about 10 s of real time later)"
for _ in $(seq 600); do
	(($(mail_count) >= 2)) && break
	sleep 0.1
done
mails | sort >"$T/got.txt"
cat "$T/got.txt"
diff - "$T/got.txt" <<'EOF' || fail "the reminders under a fast clock"
13.11.2017 09:00 +0700 | ivanova@example.org | Напоминание: @2 Открытое мероприятие — 13.11.2017 10:00
13.11.2017 09:00 +0700 | ivanova@example.org | Срок: @1 Анкетирование — до 14.11.2017
EOF
stop_daemon
