# Refusals: exit 1 and a one-line reason on stderr that names the problem, and nothing changes;
# bad usage exits 2; the HTTP API answers malformed requests with the right status and a JSON
# error. A date outside the plan is accepted with a warning.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon

SLUG=$(q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk)
q person add "Директор" --email director@example.org >/dev/null
q person add "Заместитель директора" >/dev/null
q add "Разработка плана" --when "до 08.11.2017" --no 1 --who "Директор" >/dev/null
q add "Проведение Дня открытых дверей" --when "14.11 9.00-18.00" --no 7 >/dev/null
q add "Консультации специалистов" --when "14.11 9.00-18.00" --no 7.1 --parent 7 >/dev/null
# the sample's own typo: a second item labelled 7
q add "Подготовка аналитической справки" --when "до 24.11.2017" --no 7 >/dev/null
ID7A=$(qj list | jget '[i["id"] for i in d["items"] if i["title"] == "Проведение Дня открытых дверей"][0]')
ID7B=$(qj list | jget '[i["id"] for i in d["items"] if i["title"] == "Подготовка аналитической справки"][0]')

api() { curl -sf --unix-socket "$T/q.sock" "http://localhost$1"; }
# The whole state as the API and the CLI show it (byte for byte: the same data gives the same
# replies).
snapshot() {
	api /api/v1/plans
	api "/api/v1/plans/$SLUG/people"
	# (leak checks at exit cost time; every command is leak-checked where it is the subject)
	ASAN_OPTIONS=detect_leaks=0 q --plan "$SLUG" --json list
}

# refuse [--candidates] REGEX ARGS...: `q ARGS` exits 1, its stderr's first line matches REGEX
# and (without --candidates) is its only line, and the state is unchanged.
refuse() {
	local lines=one before
	if [[ $1 == --candidates ]]; then lines=more; shift; fi
	local re=$1
	shift
	step "refused: qweek $*"
	before=$(snapshot)
	expect_fail 1 q "$@"
	[[ -s $T/last.err ]] || fail "[$*]: no reason on stderr"
	assert_match "$re" "$(head -n1 "$T/last.err")" "first line of stderr"
	if [[ $lines == one ]]; then
		assert_eq 1 "$(wc -l <"$T/last.err")" "lines on stderr"
	fi
	assert_eq "$before" "$(snapshot)" "state after the refused [$*]"
}

# mentions_item ID TITLE: stderr names the item by @id or by title.
mentions_item() {
	grep -qF -e "@$1" -e "$2" "$T/last.err" || fail "stderr does not list candidate @$1 «$2»"
}

refuse --candidates '7\.9' done 7.9
grep -qE '@[0-9]+|Проведение Дня открытых дверей|Консультации специалистов|Разработка плана' \
	"$T/last.err" || fail "an unknown REF is refused without candidates"

refuse --candidates '@999' show @999

refuse --candidates '\b7\b|ambig|неоднознач|несколько|several' done 7 --note "какой?"
mentions_item "$ID7A" "Проведение Дня открытых дверей"
mentions_item "$ID7B" "Подготовка аналитической справки"

refuse 'title|назван|заголов|empty|пуст' add "" --when "10.11"
refuse 'title|назван|заголов|empty|пуст' add "   " --when "10.11"
refuse '32' add "Мероприятие" --when "32.13"
refuse '25' add "Мероприятие" --when "25:00"
refuse 'завтра' add "Мероприятие" --when "завтра"
refuse 'завтра' edit 7.1 --when "завтра"
refuse --candidates 'Никто' add "Мероприятие" --when "10.11" --who "Никто"
refuse 'nope' --plan nope list
refuse 'nope' --plan nope add "Мероприятие" --when "10.11"
refuse 'Директор' person add "Директор"
refuse 'директор' person add "ДИРЕКТОР"

step "done, then done again"
expect_ok q done 1 --note "готово"
refuse 'done|выполн|уже|already' done 1

step "bad usage exits 2"
for args in "frobnicate" "add" "list --bogus" "add Мероприятие --when" "done"; do
	before=$(snapshot)
	# shellcheck disable=SC2086
	expect_fail 2 q $args
	[[ -s $T/last.err ]] || fail "[qweek $args]: no usage message on stderr"
	assert_eq "$before" "$(snapshot)" "state after [qweek $args]"
done
expect_fail 2 "$QWEEK" --socket "$T/q.sock" --json

step "a date outside the plan is accepted, with a warning"
expect_ok q add "Поощрение лучших работников" --due "декабрь 2016" --no 9
[[ -s $T/last.err ]] || fail "no warning on stderr for a date outside the plan"
cat "$T/last.err"
assert_eq 2016-12 "$(item_by_label 9 | jget 'd["due"]')" "due of the out-of-plan item"

# ---- raw HTTP -----------------------------------------------------------------------------

# http_refused STATUS CODE REGEX METHOD PATH CONTENT-TYPE FILE: the API answers STATUS with
# {"error":{"code":CODE,"message":...}} as JSON, the message matching REGEX; nothing changes.
http_refused() {
	local status=$1 code=$2 re=$3 before got
	shift 3
	step "HTTP $1 $2 ${3:-} → $status $code"
	before=$(snapshot)
	got=$(http "$@")
	assert_eq "$status" "$got" "HTTP status"
	grep -qiE '^content-type: *application/json' "$T/http.headers" ||
		fail "reply is not application/json: $(grep -i '^content-type' "$T/http.headers")"
	assert_eq "$code" "$(jget 'd["error"]["code"]' <"$T/http.body")" "error code"
	assert_match "$re" "$(jget 'd["error"]["message"]' <"$T/http.body")" "error message"
	assert_eq "$before" "$(snapshot)" "state after HTTP $1 $2"
}
ITEMS=/api/v1/plans/$SLUG/items
JSON=application/json
B=$T/body.json

printf '{"title": "Мероприятие", "when": ' >"$B"
http_refused 400 bad_json '.' POST "$ITEMS" $JSON "$B"
printf '["Мероприятие"]' >"$B"
http_refused 400 bad_json '.' POST "$ITEMS" $JSON "$B"
printf '{"title": "Мероприятие", "when": "10.11", "colour": "red"}' >"$B"
http_refused 400 unknown_field 'colour' POST "$ITEMS" $JSON "$B"
printf '{"title": 5, "when": "10.11"}' >"$B"
http_refused 400 bad_field 'title' POST "$ITEMS" $JSON "$B"
printf '{"title": "\xd0\x9c\xff\xfe", "when": "10.11"}' >"$B"
http_refused 400 bad_json '.' POST "$ITEMS" $JSON "$B"
"$PY" -c 'import json; print(json.dumps({"title": "я" * (1024 * 1024), "when": "10.11"}, ensure_ascii=False))' >"$B"
[[ $(stat -c %s "$B") -gt $((2 * 1024 * 1024)) ]] || fail "the big body is not over 2 MiB"
http_refused 413 too_large '.' POST "$ITEMS" $JSON "$B"
printf '{"title": "Мероприятие", "when": "10.11"}' >"$B"
http_refused 415 unsupported_media_type '.' POST "$ITEMS" text/plain "$B"
http_refused 422 invalid '32' POST "$ITEMS" $JSON <(printf '{"title": "М", "when": "32.13"}')
http_refused 404 not_found '.' GET /api/v1/nothing
http_refused 404 not_found 'nope' GET /api/v1/plans/nope/items
# The plan of a route is found before its body is read: an unknown plan is the first refusal.
http_refused 404 not_found 'nope' POST /api/v1/plans/nope/items $JSON <(printf '{"colour": 1}')
http_refused 404 not_found 'nope' POST /api/v1/plans/nope/items/1/done text/plain "$B"
http_refused 405 method_not_allowed '.' DELETE /api/v1/plans

step "the daemon still serves after all that"
healthz || fail "no /healthz"
got=$(http POST "$ITEMS" $JSON <(printf '{"title": "Выставка", "when": "10.11.2016 17:00"}'))
assert_eq 201 "$got" "POST of an out-of-plan item"
[[ $(jget 'len(d["warnings"])' <"$T/http.body") -ge 1 ]] || fail "no warnings in the reply"

step "several plans: a command without --plan names them"
SLUG2=$(q plan new "Неделя качества 2018" --from 07.11.2018 --to 14.11.2018 --tz Asia/Krasnoyarsk)
[[ $SLUG2 != "$SLUG" ]] || fail "two plans got the same slug $SLUG"
refuse --candidates '.' list
grep -qF "$SLUG" "$T/last.err" || fail "choose_plan: $SLUG not among the candidates"
grep -qF "$SLUG2" "$T/last.err" || fail "choose_plan: $SLUG2 not among the candidates"

stop_daemon
echo "PASS: $TEST_NAME"
