# valgrind memcheck on qweekd: a build without sanitizers (kept in $QWEEK_BUILD/valgrind-build),
# a short core scenario over both listeners (plan, people, items, tokens, done, feeds, refusals),
# then SIGTERM; valgrind's --error-exitcode=99 (definite leaks included) fails the test.
# Skipped, saying so, when valgrind is missing.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v valgrind >/dev/null || skip "valgrind is not installed (scripts/deps.sh)"
VB=${QWEEK_BUILD:-$T}/valgrind-build

step "build qweekd without sanitizers in $VB"
cmake -S "$QWEEK_SRC" -B "$VB" -DQWEEK_SANITIZE=OFF -DQWEEK_TESTS=OFF \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo >"$T/cmake.log" 2>&1 || { cat "$T/cmake.log"; fail "cmake"; }
cmake --build "$VB" -j"$(nproc)" --target qweekd >"$T/build.log" 2>&1 ||
	{ tail -n 40 "$T/build.log"; fail "building qweekd"; }
QWEEKD=$VB/qweekd
export QWEEK_VALGRIND=1

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
export QWEEKD_NOW=2017-11-14T05:00:00Z
step "qweekd under valgrind: a core scenario"
start_daemon --listen "127.0.0.1:$PORT"
SLUG=$(q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk)
q person add "Иванова" --group "Психологи" --email iv@example.org >/dev/null
q person add "Петров" >/dev/null
q add "Открытое мероприятие" --when "14.11 в 15.00" --who "Психологи" --no 1 >/dev/null
q add "Отчёт" --due "до 24.11.2017" --who "Петров" --no 2 >/dev/null
q add "Неделя" --when "08.11. - 15.11. 2017" --no 3 >/dev/null
q edit 3 --where "Зал" >/dev/null
expect_fail 1 q add "Плохо" --when "когда-нибудь"
expect_fail 1 q done 9
TOKEN=$(q person token "Иванова" --role staff 2>/dev/null)
expect_ok "$QWEEK" --url "$URL" --token "$TOKEN" done 1 --note "сделано"
expect_fail 1 "$QWEEK" --url "$URL" --token "$TOKEN" done 2
expect_fail 1 "$QWEEK" --url "$URL" list
expect_ok q list
expect_ok q status
feed=$(curl -sf --unix-socket "$T/q.sock" -H 'Content-Type: application/json' -d '{}' \
	"http://localhost/api/v1/plans/$SLUG/feeds" | jget 'd["http"]')
assert_eq 200 "$(curl -s -o /dev/null -w '%{http_code}' "$feed")" "the feed"
assert_eq 200 "$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' "$feed")" "the feed, gzip"
assert_eq 421 "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: evil.example' "$URL/healthz")" "a foreign host"
q person revoke "Иванова" >/dev/null
q reopen 1 >/dev/null
stop_daemon
grep -q 'ERROR SUMMARY: [1-9]' "$DAEMON_LOG" && fail "valgrind reported errors"
echo "ok"
