# Messages in the user's language: the CLI speaks its locale's (LANG, LC_MESSAGES, LANGUAGE),
# and sends it as Accept-Language; qweekd answers in the language asked, else in the plan's;
# examples in a refusal are in the plan's language and year.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/locales.sh"

# qweekd as on a server: no Russian or Ukrainian locale, only C.UTF-8 (core/tr.c); the client
# gets its users' locales.
use_catalogues
export QWEEKD_NOW=2026-12-05T10:00:00Z
start_daemon
use_locales ru_RU uk_UA
SLUG=$(q plan new "Тиждень якості 2026" --from 07.12.2026 --to 11.12.2026 --tz Europe/Kyiv \
	--lang uk)

# ql LANG ARGS...: the client in the locale LANG.
ql() {
	local lang=$1
	shift
	in_locale "$lang" "$QWEEK" --socket "$T/q.sock" "$@"
}

step "qweek show 99 refuses in Russian, Ukrainian and English"
expect_fail 1 ql ru_RU.UTF-8 show 99
assert_eq "qweek: в плане $SLUG нет мероприятия «99»" "$(last_err)" "ru refusal"
expect_fail 1 ql uk_UA.UTF-8 show 99
assert_eq "qweek: у плані $SLUG немає заходу «99»" "$(last_err)" "uk refusal"
expect_fail 1 ql C show 99
assert_eq "qweek: there is no item «99» in plan $SLUG" "$(last_err)" "C refusal"
expect_fail 1 ql POSIX show 99
assert_match "there is no item «99»" "$(last_err)" "POSIX refusal"

step "LANGUAGE and LC_MESSAGES choose too"
expect_fail 1 env -u LC_ALL LANG=ru_RU.UTF-8 LANGUAGE=uk "$QWEEK" --socket "$T/q.sock" show 99
assert_match "немає заходу «99»" "$(last_err)" "LANGUAGE=uk over LANG=ru"
expect_fail 1 env -u LC_ALL LANG=C LC_MESSAGES=ru_RU.UTF-8 "$QWEEK" --socket "$T/q.sock" show 99
assert_match "нет мероприятия «99»" "$(last_err)" "LC_MESSAGES=ru"

step "qweek --help in each language"
expect_ok ql ru_RU.UTF-8 --help
assert_match "^команды:" "$(last_out)" "ru --help"
assert_match "show +Показать мероприятие" "$(last_out)" "ru --help"
assert_match "--json +вывести ответ qweekd в формате JSON" "$(last_out)" "ru --help"
expect_ok ql uk_UA.UTF-8 --help
assert_match "show +Показати захід" "$(last_out)" "uk --help"
expect_ok ql C --help
assert_match "show +Show an item" "$(last_out)" "C --help"
expect_ok ql uk_UA.UTF-8 help add
assert_match "^використання: qweek add" "$(last_out)" "uk help add"
assert_match "Додає захід до плану" "$(last_out)" "uk help add"

step "usage errors, confirmations and table headers"
expect_fail 2 ql ru_RU.UTF-8 show
assert_match "^qweek: команде show нужно больше аргументов" "$(last_err)" "ru usage error"
assert_match "^подробнее: qweek show --help" "$(tail -n1 "$T/last.err")" "ru usage error"
expect_ok ql uk_UA.UTF-8 add "Засідання ради якості" --when "08.12.2026 10:00" --no 1
assert_match "^додано 1 \(@[0-9]+\): Засідання ради якості" "$(last_out)" "uk confirmation"
expect_ok env COLUMNS=200 LANG=uk_UA.UTF-8 bash -c 'unset LC_ALL; "$0" --socket "$1" list' \
	"$QWEEK" "$T/q.sock"
assert_match "^НОМЕР +ТЕРМІН +НАЗВА +ВІДПОВІДАЛЬНІ +СТАН" "$(last_out)" "uk table header"
assert_match "не виконано$" "$(last_out)" "uk state"
# The done share says its base (issue 14); nothing cancelled, so no cancelled part.
expect_ok ql uk_UA.UTF-8 status
assert_match "^хід виконання: 0 з 1 запланованих, 0 %$" "$(last_out)" "uk share with its base"
expect_ok ql ru_RU.UTF-8 status
assert_match "^ход выполнения: 0 из 1 запланированных, 0 %$" "$(last_out)" "ru share with its base"

step "qweekd's refusal follows Accept-Language; without it, the plan's language"
refusal() { # ACCEPT-LANGUAGE PATH: the message of qweekd's refusal
	local h=()
	[[ -n $1 ]] && h=(-H "Accept-Language: $1")
	curl -s --unix-socket "$T/q.sock" "${h[@]}" "http://localhost$2" | jget 'd["error"]["message"]'
}
assert_eq "в плане $SLUG нет мероприятия «99»" "$(refusal ru "/api/v1/plans/$SLUG/items/99")" "ru"
assert_eq "у плані $SLUG немає заходу «99»" "$(refusal uk-UA "/api/v1/plans/$SLUG/items/99")" "uk"
assert_eq "there is no item «99» in plan $SLUG" "$(refusal en "/api/v1/plans/$SLUG/items/99")" "en"
assert_eq "в плане $SLUG нет мероприятия «99»" \
	"$(refusal "de-DE,de;q=0.9,ru;q=0.8,en;q=0.7" "/api/v1/plans/$SLUG/items/99")" "q= order"
# No header (curl, scripts): the plan's language, Ukrainian here; no plan: English.
assert_eq "у плані $SLUG немає заходу «99»" "$(refusal "" "/api/v1/plans/$SLUG/items/99")" \
	"no Accept-Language, a Ukrainian plan"
assert_eq "there is nothing at /api/v1/nowhere" "$(refusal "" /api/v1/nowhere)" "no plan"
assert_eq "за адресою /api/v1/nowhere нічого немає" "$(refusal uk /api/v1/nowhere)" "no plan, uk"

step "examples in a refusal are in the plan's language and year"
expect_fail 1 ql C add "Нарада" --when "згодом"
assert_match "write a date such as 07.12.2026 15:00, 07.12-11.12.2026, до 11.12.2026 or грудень 2026" \
	"$(last_err)" "C, a Ukrainian 2026 plan"
expect_fail 1 ql ru_RU.UTF-8 add "Нарада" --when "згодом"
assert_match "напишите дату, например 07.12.2026 15:00, 07.12-11.12.2026, до 11.12.2026 или грудень 2026" \
	"$(last_err)" "ru, a Ukrainian 2026 plan"
assert_eq 1 "$(qj list | jget 'len(d["items"])')" "nothing added by the refusals"

step "the daemon's process keeps its locale: one reply in Russian changes nothing after it"
assert_eq "there is no item «98» in plan $SLUG" "$(refusal en "/api/v1/plans/$SLUG/items/98")" "en"
stop_daemon
