#!/usr/bin/env bash
# The reminders' API at its edges: `limit` cuts every listing to the first N in its order; times
# of overdue notices and digests refuse words after the time; hour and minute rules on an item
# of whole days are kept with a warning; a fixed name under .../reminders/ with the wrong method
# is 405, not "no such reminder"; the listing refuses query parameters it does not know.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

Z=Asia/Krasnoyarsk
P=/api/v1/plans/_
cat >"$T/hook.sh" <<'EOF'
#!/bin/sh
# Every delivery fails: the rows stay "failed", waiting for a retry the fixed clock never brings.
cat >/dev/null
exit 3
EOF
chmod +x "$T/hook.sh"
printf '[notify]\ncommand = %s\n' "$T/hook.sh" >"$T/q.ini"
QWEEKD_NOW=2017-11-12T05:00:00Z start_daemon --config "$T/q.ini"
q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 --tz $Z >/dev/null
q person add "Гость" --role волонтёр >/dev/null
q add "Открытое мероприятие" --when "14.11 15.00" --who "Гость" --no 1 >/dev/null
q add "Отчёт о неделе" --due "17.11.2017" --who "Гость" --no 2 >/dev/null

# call METHOD PATH [JSON]: the status; the reply is in $T/http.body.
call() {
	if (($# > 2)); then
		printf '%s' "$3" >"$T/req.json"
		http "$1" "$2" application/json "$T/req.json"
	else
		http "$1" "$2"
	fi
}

# ids PATH: the reminders' ids of a listing, space-separated ("-" for one to come).
ids() {
	assert_eq 200 "$(call GET "$1")" "GET $1"
	jget '" ".join("-" if r["id"] is None else str(r["id"]) for r in d["reminders"])' \
		<"$T/http.body"
}

step "four test messages fail: ids 1 to 4 wait for a retry"
for _ in 1 2 3 4; do
	assert_eq 202 "$(call POST $P/reminders/test '{"who": "Гость"}')" "POST .../reminders/test"
done
idle
assert_eq "4 3 2 1" "$(ids "$P/reminders?state=failed")" "the failed ones, newest first"

step "limit cuts the pending listing to its first N: the oldest waiting first"
assert_eq "1 2" "$(ids "$P/reminders?limit=2")" "pending, limit 2"
assert_eq "true" "$(jget 'd["truncated"]' <"$T/http.body")" "truncated"
assert_eq "1" "$(ids "$P/reminders?limit=1")" "pending, limit 1"
assert_eq "1 2 3 4 -" "$(ids "$P/reminders?limit=5")" "pending, limit 5: one to come after them"
assert_eq "1 2 3" "$(ids "$P/reminders?limit=3&count=1")" "pending, limit 3, counted"
assert_eq "true" "$(jget 'd["truncated"]' <"$T/http.body")" "truncated when counted"
all=$(ids "$P/reminders?count=1")
assert_match "^1 2 3 4( -)+$" "$all" "every pending one"
assert_eq "$(wc -w <<<"$all")" "$(jget 'str(d["total"])' <"$T/http.body")" "total"

step "limit cuts the other listings too, newest first"
assert_eq "4 3" "$(ids "$P/reminders?state=failed&limit=2")" "failed, limit 2"
assert_eq "true" "$(jget 'd["truncated"]' <"$T/http.body")" "failed: truncated"
assert_eq "4 3 2 1" "$(ids "$P/reminders?state=all&limit=4")" "all, limit 4"
assert_eq "false" "$(jget 'd["truncated"]' <"$T/http.body")" "all four: not truncated"
assert_eq "" "$(ids "$P/reminders?state=sent&limit=2")" "sent, limit 2"

step "the listing refuses query parameters it does not know"
assert_eq 400 "$(call GET "$P/reminders?limit=2&sort=id")" "an unknown parameter"
assert_eq "unknown_field" "$(jget 'd["error"]["code"]' <"$T/http.body")" "its code"
assert_eq "unknown parameter «sort»: use state|who|limit|count" \
	"$(jget 'd["error"]["message"]' <"$T/http.body")" "its message"
assert_eq 400 "$(call GET "$P/reminders?state=failed&Limit=2")" "a parameter in another case"
assert_eq 200 "$(call GET "$P/reminders?state=pending&who=Гость&limit=2&count=1")" \
	"every known parameter"

step "overdue notices: one time of day, nothing after it"
assert_eq 422 "$(call PATCH $P '{"remind": ["overdue 10:00 every day"]}')" \
	"overdue with words after the time"
assert_eq "«every day» is not understood in overdue «10:00 every day»: write the time they go on working days (09:00), or none" \
	"$(jget 'd["error"]["message"]' <"$T/http.body")" "its message"
assert_eq 422 "$(call PATCH $P '{"remind": ["overdue none at all"]}')" "none with words after it"
assert_match "«at all» is not understood" "$(jget 'd["error"]["message"]' <"$T/http.body")" \
	"the words after none"
assert_eq 200 "$(call GET $P/remind)" "the plan's rules"
assert_eq "09:00" "$(jget 'd["remind"]["overdue"]' <"$T/http.body")" "overdue unchanged"
assert_eq 200 "$(call PATCH $P '{"remind": ["overdue 10:00 "]}')" "a time with a space after it"
assert_eq "10:00" "$(jget 'd["remind"]["overdue"]' <"$T/http.body")" "the new time"

step "a digest's time: one time of day, nothing after it"
assert_eq 422 "$(call PUT $P/reminders/digest '{"who": "Гость", "at": "8.30 tomorrow"}')" \
	"a digest time with a word after it"
assert_eq "«tomorrow» is not understood in «8.30 tomorrow»: write the time of the digest (08:00), or none" \
	"$(jget 'd["error"]["message"]' <"$T/http.body")" "its message"
assert_eq 422 "$(call PUT $P/reminders/digest '{"who": "Гость", "at": "8"}')" "no time at all"
assert_eq "«8»: write the time of the digest (08:00), or none" \
	"$(jget 'd["error"]["message"]' <"$T/http.body")" "its message"
assert_eq 200 "$(call GET $P/reminders/digest)" "the digests"
assert_eq "[]" "$(jget 'd["digests"]' <"$T/http.body")" "no digest was set"
assert_eq 200 "$(call PUT $P/reminders/digest '{"who": "Гость", "at": "8.30"}')" "a digest at 8.30"
assert_eq "08:30" "$(jget 'd["digests"][0]["at"]' <"$T/http.body")" "its time"

step "hour and minute rules on a whole-day item: kept, with a warning"
assert_eq 200 "$(call PUT $P/items/2/remind '{"remind": "1d, 2h, 30m"}')" "1d, 2h, 30m on a deadline day"
assert_eq "1d, 2h, 30m" "$(jget 'd["rules"]' <"$T/http.body")" "the rules are kept"
assert_eq '["«2h, 30m» will not go: hour and minute reminders do not apply to an item without a time of day"]' \
	"$(jget 'd.get("warnings")' <"$T/http.body")" "the warning"
assert_eq "1d" "$(jget '",".join(sorted({r["rule"] for r in d["next"] if r["rule"] != "overdue"}))' \
	<"$T/http.body")" "only 1d is to come"
assert_eq 200 "$(call PUT $P/items/2/remind '{"remind": "2h"}')" "2h alone"
assert_eq '["«2h» will not go: hour and minute reminders do not apply to an item without a time of day"]' \
	"$(jget 'd.get("warnings")' <"$T/http.body")" "the warning for one rule"
for spec in "1d, 09:00" none default; do
	assert_eq 200 "$(call PUT $P/items/2/remind "{\"remind\": \"$spec\"}")" "$spec on a deadline day"
	assert_eq "null" "$(jget 'd.get("warnings")' <"$T/http.body")" "no warning for $spec"
done
assert_eq 200 "$(call PUT $P/items/1/remind '{"remind": "1d, 2h"}')" "1d, 2h on a timed event"
assert_eq "null" "$(jget 'd.get("warnings")' <"$T/http.body")" "no warning for a timed item"
assert_eq 200 "$(call GET $P/items/2/remind)" "GET an item's rules"

step "fixed names under .../reminders/ with a wrong method: 405"
assert_eq 405 "$(call GET $P/reminders/test)" "GET .../reminders/test"
assert_eq "method_not_allowed" "$(jget 'd["error"]["code"]' <"$T/http.body")" "its code"
assert_eq "/api/v1/plans/_/reminders/test does not take that method" \
	"$(jget 'd["error"]["message"]' <"$T/http.body")" "its message"
assert_eq 405 "$(call PUT $P/reminders/test '{"who": "Гость"}')" "PUT .../reminders/test"
assert_eq 405 "$(call DELETE $P/reminders/digest)" "DELETE .../reminders/digest"
assert_eq 405 "$(call POST $P/reminders/undeliverable '{}')" "POST .../reminders/undeliverable"
assert_eq 405 "$(call POST $P/reminders/1 '{}')" "POST .../reminders/1"
assert_eq 200 "$(call GET $P/reminders/digest)" "GET .../reminders/digest"
assert_eq 200 "$(call GET $P/reminders/undeliverable)" "GET .../reminders/undeliverable"
assert_eq 200 "$(call GET $P/reminders/3)" "GET .../reminders/3"
assert_eq 3 "$(jget 'str(d["id"])' <"$T/http.body")" "reminder 3"
assert_eq 404 "$(call GET $P/reminders/tset)" "GET .../reminders/tset"
assert_eq "there is no reminder «tset»" "$(jget 'd["error"]["message"]' <"$T/http.body")" \
	"no such reminder"
assert_eq 404 "$(call GET $P/reminders/99)" "GET .../reminders/99"

step "the client: --limit with a state; --undeliverable takes none"
expect_ok qj remind list --failed --limit 2
assert_eq 2 "$(jget 'len(d["reminders"])' "$(last_out)")" "remind list --failed --limit 2"
expect_fail 2 q remind list --undeliverable --limit 5
assert_match 'takes no --limit' "$(last_err)" "--undeliverable --limit"

stop_daemon
