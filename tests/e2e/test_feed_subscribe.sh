#!/usr/bin/env bash
# A real subscriber: vdirsyncer (Debian) subscribes to two feeds over http://127.0.0.1:PORT and
# khal (Debian) lists the events at the right local times, in the plan's zone and in UTC, with
# no warning; after a change and another sync it shows it, and a cancelled item that left the
# feed (30 days later) is gone from the subscriber too.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/feed_sample.sh"

for tool in vdirsyncer khal; do
	command -v "$tool" >/dev/null || fail "$tool is missing (Debian package $tool; scripts/deps.sh)"
done
feed_start 2017-11-10T03:00:00Z

step "two plans: the sample (Krasnoyarsk) and a week in Kyiv across the end of DST"
sample=$(feed_load_sample)
kyiv=$(feed_api POST /api/v1/plans '{"title": "Тиждень якості 2026", "from": "21.10.2026",
	"to": "28.10.2026", "tz": "Europe/Kyiv", "lang": "uk", "slug": "kyiv-2026"}' | jget "d['slug']")
for item in '{"title": "Семінар до зміни часу", "when": "24.10 10.00"}' \
	'{"title": "Нічне чергування", "when": "25.10 02.00-05.00"}' \
	'{"title": "Година, що буває двічі", "when": "25.10 03.30"}' \
	'{"title": "Збори після зміни часу", "when": "26.10 10.00"}' \
	'{"title": "Звіт", "due": "27.10.2026 18:00"}'; do
	feed_api POST "/api/v1/plans/$kyiv/items" "$item" >/dev/null
done
sample_url=$(FEED_PLAN=$sample feed_url)
kyiv_url=$(FEED_PLAN=$kyiv feed_url)

step "vdirsyncer subscribes over TCP"
V=$T/subscriber
mkdir -p "$V/home" "$V/cal/sample" "$V/cal/kyiv" "$V/status"
export HOME=$V/home XDG_CONFIG_HOME=$V/home/.config XDG_DATA_HOME=$V/home/.local/share
storage() { # NAME URL
	printf '[pair %s]\na = "%s_remote"\nb = "%s_local"\ncollections = null\nconflict_resolution = "a wins"\n\n' "$1" "$1" "$1"
	printf '[storage %s_remote]\ntype = "http"\nurl = "%s"\n\n' "$1" "$2"
	printf '[storage %s_local]\ntype = "filesystem"\npath = "%s/cal/%s/"\nfileext = ".ics"\n\n' "$1" "$V" "$1"
}
{
	printf '[general]\nstatus_path = "%s/status/"\n\n' "$V"
	storage sample "$sample_url"
	storage kyiv "$kyiv_url"
} >"$V/vdirsyncer.conf"
sync() {
	timeout 60 vdirsyncer -c "$V/vdirsyncer.conf" discover </dev/null >"$V/discover.log" 2>&1 ||
		{ cat "$V/discover.log"; fail "vdirsyncer discover"; }
	timeout 60 vdirsyncer -c "$V/vdirsyncer.conf" sync </dev/null >"$V/sync.log" 2>&1 ||
		{ cat "$V/sync.log"; fail "vdirsyncer sync"; }
}
sync
assert_eq 17 "$(find "$V/cal/sample" -name "*.ics" | wc -l)" "sample: 14 VEVENT + 3 VTODO synced"
assert_eq 6 "$(find "$V/cal/kyiv" -name "*.ics" | wc -l)" "kyiv: 5 VEVENT + 1 VTODO synced"

# khal_list CALENDAR ZONE FROM DAYS: khal's list in ZONE; fails on any warning khal prints.
khal_list() {
	cat >"$V/khal.conf" <<CONF
[calendars]
[[$1]]
path = $V/cal/$1/
readonly = True

[locale]
local_timezone = $2
default_timezone = $2
timeformat = %H:%M
dateformat = %d.%m.%Y
longdateformat = %d.%m.%Y
datetimeformat = %d.%m.%Y %H:%M
longdatetimeformat = %d.%m.%Y %H:%M

[sqlite]
path = $V/khal-$1.db
CONF
	timeout 60 khal -c "$V/khal.conf" list --format '{start} - {end} {title}' "$3" "$4" \
		>"$V/khal.out" 2>"$V/khal.err" || { cat "$V/khal.err"; fail "khal list"; }
	if grep -qiE 'warn|skip|error|could not|cannot' "$V/khal.err"; then
		cat "$V/khal.err"
		fail "khal complained"
	fi
	cat "$V/khal.out"
}
expect_line() { # TEXT: a line of the last khal list must start with it (fixed string)
	grep -qF -- "$1" "$V/khal.out" || { cat "$V/khal.out"; fail "khal did not list [$1]"; }
}

step "khal: the sample week in Krasnoyarsk"
khal_list sample Asia/Krasnoyarsk 08.11.2017 17d >/dev/null
expect_line "10.11.2017 10:00 - 10.11.2017 11:00 Проведение собрания в коллективе"
expect_line "14.11.2017 09:00 - 14.11.2017 18:00 Проведение Дня открытых дверей"
expect_line "14.11.2017 15:00 - 14.11.2017 16:00 Мастер-класс для детей с ограниченными возможностями здоровья «Подарки своими руками»"
expect_line "14.11.2017 16:30 - 14.11.2017 17:30 Мастер-класс для детей с ограниченными возможностями здоровья «Обложка"
expect_line "15.11.2017 14:00 - 15.11.2017 15:00 Проведение профилактического занятия"
expect_line "08.11.2017 - 15.11.2017 Проведение анкетирования"
expect_line "24.11.2017 - 24.11.2017 Срок: Подготовка аналитической справки"

step "khal: the same instants in UTC"
khal_list sample UTC 08.11.2017 10d >/dev/null
expect_line "14.11.2017 08:00 - 14.11.2017 09:00 Мастер-класс для детей с ограниченными возможностями здоровья «Подарки своими руками»"
expect_line "10.11.2017 03:00 - 10.11.2017 04:00 Проведение собрания в коллективе"

step "khal: Kyiv, both sides of 25.10.2026 04:00 EEST -> 03:00 EET"
khal_list kyiv Europe/Kyiv 21.10.2026 8d
expect_line "24.10.2026 10:00 - 24.10.2026 11:00 Семінар до зміни часу"
expect_line "25.10.2026 02:00 - 25.10.2026 05:00 Нічне чергування"
expect_line "25.10.2026 03:30 - 25.10.2026 03:30 Година, що буває двічі"
expect_line "26.10.2026 10:00 - 26.10.2026 11:00 Збори після зміни часу"
expect_line "27.10.2026 18:00 - 27.10.2026 19:00 Термін: Звіт"
khal_list kyiv UTC 21.10.2026 8d >/dev/null
expect_line "24.10.2026 07:00 - 24.10.2026 08:00 Семінар до зміни часу"
expect_line "24.10.2026 23:00 - 25.10.2026 03:00 Нічне чергування"
expect_line "25.10.2026 00:30 - 25.10.2026 01:30 Година, що буває двічі"
expect_line "26.10.2026 08:00 - 26.10.2026 09:00 Збори після зміни часу"

step "a change reaches the subscriber; a cancelled item leaves it after 30 days"
feed_api POST "/api/v1/plans/$sample/items/7.3/done" '{}' >/dev/null
feed_api POST "/api/v1/plans/$sample/items/8/cancel" '{}' >/dev/null
sync
khal_list sample Asia/Krasnoyarsk 14.11.2017 2d >/dev/null
expect_line "14.11.2017 15:00 - 14.11.2017 16:00 ✓ Мастер-класс"
expect_line "15.11.2017 14:00 - 15.11.2017 15:00 ✗ Проведение профилактического занятия"
feed_api PUT /api/v1/clock '{"now": "2017-12-12T05:00:00Z"}' >/dev/null
sync
assert_eq 16 "$(find "$V/cal/sample" -name "*.ics" | wc -l)" "the cancelled item deleted by the subscriber"
khal_list sample Asia/Krasnoyarsk 14.11.2017 2d >/dev/null
grep -q "профилактического занятия" "$V/khal.out" && fail "khal still lists the cancelled item"

stop_daemon
echo "PASS: $TEST_NAME"
