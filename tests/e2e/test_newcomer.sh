# Small things a new user met (issue 15): each refusal names what it is about, once, in words
# of people (characters, not bytes), and says the real name of what to change.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/test_remind_lib.sh"

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
start_sink
# [smtp] without "starttls = no": the sink offers no STARTTLS.
printf '[smtp]\nurl = smtp://127.0.0.1:%s\nfrom = qweek@example.org\n' "$SMTP_PORT" >"$T/q.ini"
export QWEEKD_NOW=2026-12-05T10:00:00Z
start_daemon --listen "127.0.0.1:$PORT" --config "$T/q.ini"
SLUG=$(q plan new "Тиждень якості 2026" --from 07.12.2026 --to 11.12.2026 --tz Asia/Krasnoyarsk)
q person add "Іванова" --email ivanova@example.org >/dev/null
q person add "Петров" >/dev/null
q add "Нарада" --when "08.12.2026 15:00" --who "Іванова" --no 1 >/dev/null

step "the title limit is in characters"
long=$(printf 'я%.0s' $(seq 2001))
expect_fail 1 q add "$long" --when "08.12.2026"
assert_match "«title» is longer than 2000 characters" "$(last_err)" "2001 Cyrillic letters"
expect_ok q add "${long:1}" --when "08.12.2026" --no 2
assert_match "^added 2" "$(last_out)" "2000 Cyrillic letters (4000 bytes) fit"

step "a refused import says nothing was created or added, and names a bad date once"
cat >"$T/rows.csv" <<'CSV'
№;Наименование мероприятия;Срок;Ответственный
3;Семинар;10.12.2026 10.00;Новенький
4;Отчёт;31.02.2026;Петров
CSV
expect_fail 1 q import "$T/rows.csv"
assert_match "row 3: «31.02.2026»: February 2026 has 28 days" "$(last_out)" "the reason"
if grep -E "«31\.02\.2026».*«31\.02\.2026»" "$T/last.out" "$T/last.err"; then
	fail "the date is named twice"
fi
if grep -Ei "created|added" "$T/last.out"; then
	fail "a refused import speaks of what it created or added"
fi
assert_match "^2 rows: 1 refused\.$" "$(tail -n1 "$T/last.out")" "the counts of a refused import"
assert_eq "Іванова Петров" "$(qj person list | jget '" ".join(sorted(p["name"] for p in d["people"]))')" \
	"nobody added"

step "the 421 hint names the real configuration key"
status=$(curl -s -o "$T/421.json" -w '%{http_code}' -H 'Host: evil.example' "$URL/healthz")
assert_eq 421 "$status" "a foreign Host"
assert_match "add it to \[daemon\] hosts" "$(jget 'd["error"]["message"]' <"$T/421.json")" "hint"

step "person token prints the real --url"
expect_ok q person token "Петров" --role staff
STAFF=$(last_out)
assert_match "qweek --url $URL --token TOKEN" "$(last_err)" "the URL to use"

step "a staff token gets its own feed link, and no one else's"
expect_ok "$QWEEK" --url "$URL" --token "$STAFF" feed
assert_match "^$URL/feeds/" "$(last_out)" "the staff's own feed"
expect_fail 1 "$QWEEK" --url "$URL" --token "$STAFF" feed --who "Іванова"
assert_match "a staff token gets its own feed only \(«Петров»\)" "$(last_err)" "another's feed"
expect_fail 1 "$QWEEK" --url "$URL" --token "$STAFF" add "Ні" --when "08.12.2026"
assert_match "staff token" "$(last_err)" "staff still may not add items"

step "remind status shows local times"
expect_ok env TZ=Asia/Krasnoyarsk "$QWEEK" --socket "$T/q.sock" remind status
# The first to come: item 2, all day on 08.12, reminded the day before at 09:00 (Krasnoyarsk).
assert_match "^next due: +07\.12\.2026 09:00 \(UTC\+07:00\)$" "$(grep '^next due' "$T/last.out")" \
	"the next reminder in local time"
expect_ok env TZ=UTC "$QWEEK" --socket "$T/q.sock" remind status
assert_match "^next due: +07\.12\.2026 02:00 \(UTC\+00:00\)$" "$(grep '^next due' "$T/last.out")" \
	"the same in UTC"

step "STARTTLS refused: which server, and what [smtp] starttls = no does"
expect_fail 1 q remind test --who "Іванова"
assert_match "127\.0\.0\.1:$SMTP_PORT" "$(last_out)$(last_err)" "the server named"
assert_match "\[smtp\] starttls = no sends without TLS" "$(last_out)$(last_err)" "the choice named"
stop_daemon
