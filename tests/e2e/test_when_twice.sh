#!/usr/bin/env bash
# Issue 14: a wall time that occurs twice (25.10.2026 03:30 in Kyiv, when clocks go back from
# 04:00 EEST to 03:00 EET) is taken in summer time with a warning naming both; "(зимнее)",
# "(winter)" or an ISO offset choose the other. And `qweek list` names a month deadline in the
# plan's language ("листопад 2026").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export QWEEKD_NOW=2026-10-20T06:00:00Z
start_daemon

step "a Ukrainian plan in Europe/Kyiv across the end of summer time"
expect_ok q plan new "Тиждень якості 2026" --from 21.10.2026 --to 28.10.2026 --tz Europe/Kyiv \
	--lang uk

step "25.10 03.30 happens twice: summer time taken, with a warning naming both"
expect_ok q add "Подія в годину, що буває двічі" --when "25.10 03.30" --no 1
assert_match "warning: 25\.10\.2026 03:30 happens twice, in summer time \(UTC\+03:00\) and in winter time \(UTC\+02:00\): summer time taken; write «25\.10 03\.30 \(winter\)» for the other" \
	"$(last_err)" "the warning"
same_instant "$(item_by_label 1 | jget 'd["start"]')" 2026-10-25T00:30:00Z "summer: 03:30 EEST"

step "(зимнее), (winter) and an offset choose the second 03:30; no warning then"
expect_ok q add "Зимове" --when "25.10 03.30 (зимнее)" --no 2
assert_eq "" "$(last_err)" "no warning once the season is said"
same_instant "$(item_by_label 2 | jget 'd["start"]')" 2026-10-25T01:30:00Z "winter: 03:30 EET"
expect_ok q add "Winter" --when "25.10 03.30 (Winter)" --no 3
same_instant "$(item_by_label 3 | jget 'd["start"]')" 2026-10-25T01:30:00Z "(Winter)"
expect_ok q add "Літнє" --when "25.10 03.30 (літній)" --no 4
assert_eq "" "$(last_err)" "no warning for (літній)"
same_instant "$(item_by_label 4 | jget 'd["start"]')" 2026-10-25T00:30:00Z "(літній)"
expect_ok q add "Зсув" --when "2026-10-25T03:30+02:00" --no 5
assert_eq "" "$(last_err)" "no warning for an explicit offset"
same_instant "$(item_by_label 5 | jget 'd["start"]')" 2026-10-25T01:30:00Z "+02:00"

step "edit --when to the other 03:30"
expect_ok q edit 1 --when "25.10 03.30 (зимове)"
same_instant "$(item_by_label 1 | jget 'd["start"]')" 2026-10-25T01:30:00Z "edited to winter"

step "a time that occurs once is not warned about"
expect_ok q add "Звичайна" --when "24.10 10.00" --no 6
assert_eq "" "$(last_err)" "no warning for 24.10 10.00"

step "list names a month deadline in Ukrainian"
expect_ok q add "Підсумки тижня якості" --due "листопад 2026" --no 7
assert_match "7 +листопад 2026 +Підсумки тижня якості" "$(q list)" "list: «листопад 2026»"
echo "ok"
