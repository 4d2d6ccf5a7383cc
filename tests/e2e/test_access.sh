# Access control (issue 6): tokens per person and plan with a role, over TCP; the Unix socket
# stays the administrator's path; a foreign Host header is refused (DNS rebinding).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon --listen "127.0.0.1:$PORT"

# qt TOKEN ARGS...: the client over TCP with TOKEN.
qt() { local t=$1; shift; "$QWEEK" --url "$URL" --token "$t" "$@"; }

# tcp TOKEN METHOD PATH [BODY]: prints the status of a raw request over TCP (body in $T/tcp.body).
tcp() {
	local args=(-s --max-time 10 -o "$T/tcp.body" -w '%{http_code}' -X "$2")
	[[ -n $1 ]] && args+=(-H "Authorization: Bearer $1")
	(($# >= 4)) && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	curl "${args[@]}" "$URL$3" || true
}

state_of() { jget 'd["state"]' "$(qj show "$1")"; }

step "a plan with people, a group and items"
SLUG=$(q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk)
q person add "Иванова" --group "Психологи" >/dev/null
q person add "Петров" >/dev/null
q person add "Директор" >/dev/null
q person add "Заместитель" >/dev/null
q add "Её дело" --when "14.11 15.00" --who "Иванова" --no 1 >/dev/null
q add "Его дело" --when "14.11 16.00" --who "Петров" --no 2 >/dev/null
q add "Дело группы" --when "14.11 17.00" --who "Психологи" --no 3 >/dev/null
q add "Ещё его дело" --when "14.11 18.00" --who "Петров" --no 4 >/dev/null

step "tokens: printed once, only the hash kept"
STAFF=$(q person token "Иванова" --role staff 2>/dev/null)
PETROV=$(q person token "Петров" --role staff 2>/dev/null)
VIEWER=$(q person token "Директор" --role viewer 2>/dev/null)
PLANNER=$(q person token "Заместитель" --role planner 2>/dev/null)
assert_match '^[a-z2-7]{52}$' "$STAFF" "a token"
[[ $STAFF != "$PETROV" ]] || fail "two people got the same token"
"$PY" - "$T/q.db" "$STAFF" <<'PYEOF' || fail "the token itself is in the database"
import sqlite3, sys
raw = open(sys.argv[1], "rb").read()
wal = open(sys.argv[1] + "-wal", "rb").read() if __import__("os").path.exists(sys.argv[1] + "-wal") else b""
sys.exit(1 if sys.argv[2].encode() in raw + wal else 0)
PYEOF
expect_fail 2 q person token "Иванова"
expect_fail 1 q person token "Психологи" --role staff
assert_match 'group' "$(last_err)" "a token for a group"
expect_fail 1 q person token "Никто" --role staff

step "no token, a bad token: 401; public routes need none"
assert_eq 401 "$(tcp '' GET "/api/v1/plans/$SLUG/items")" "no token"
assert_match '"unauthorized"' "$(cat "$T/tcp.body")" "401 code"
assert_eq 401 "$(tcp nonsense GET "/api/v1/plans/$SLUG/items")" "a wrong token"
assert_eq 401 "$(tcp '' POST "/api/v1/plans/$SLUG/items/1/done" '{}')" "done without a token"
assert_eq 200 "$(tcp '' GET /healthz)" "healthz"
expect_fail 1 "$QWEEK" --url "$URL" list
assert_match 'token' "$(last_err)" "the CLI without a token"

step "staff: reads, marks its own items done (directly or through a group)"
expect_ok qt "$STAFF" list
assert_eq 4 "$(jget 'len(d["items"])' "$(qt "$STAFF" --json list)")" "staff reads the plan"
expect_ok qt "$STAFF" done 1 --note "сделано"
assert_eq done "$(state_of 1)" "item 1"
assert_eq "Иванова" "$(jget 'd["done_by"]' "$(qj show 1)")" "done_by is the token's person"
expect_ok qt "$STAFF" reopen 1
assert_eq open "$(state_of 1)" "item 1 reopened"
expect_ok qt "$STAFF" done 3
assert_eq done "$(state_of 3)" "item 3, through the group"

step "staff: refused on someone else's item, on add, on plan edit and plan new"
before=$(qj list | canon)
assert_eq 403 "$(tcp "$STAFF" POST "/api/v1/plans/$SLUG/items/2/done" '{}')" "done on Петров's item"
assert_match 'not among' "$(cat "$T/tcp.body")" "why"
expect_fail 1 qt "$STAFF" done 2
expect_fail 1 qt "$STAFF" add "Чужое" --when "14.11 10.00"
expect_fail 1 qt "$STAFF" edit 1 --when "15.11 10.00"
expect_fail 1 qt "$STAFF" cancel 1
assert_eq 403 "$(tcp "$STAFF" PATCH "/api/v1/plans/$SLUG" '{"title": "x"}')" "plan edit"
assert_eq 403 "$(tcp "$STAFF" POST /api/v1/plans '{"title": "x", "from": "1.1.2018", "to": "2.1.2018"}')" "plan new"
expect_fail 1 qt "$STAFF" plan new "Другой" --from 01.01.2018 --to 02.01.2018
assert_eq 403 "$(tcp "$STAFF" POST "/api/v1/plans/$SLUG/people" '{"name": "x"}')" "person add"
assert_eq 403 "$(tcp "$STAFF" POST "/api/v1/plans/$SLUG/people/Петров/token" '{"role": "planner"}')" "token over TCP"
assert_eq "$before" "$(qj list | canon)" "nothing changed"
assert_eq 1 "$(qj plan list | jget 'len(d["plans"])')" "no new plan"

step "viewer: reads, status; cannot write"
expect_ok qt "$VIEWER" list
expect_ok qt "$VIEWER" status
assert_eq 403 "$(tcp "$VIEWER" POST "/api/v1/plans/$SLUG/items/1/done" '{}')" "viewer done"
expect_fail 1 qt "$VIEWER" done 1
expect_fail 1 qt "$VIEWER" add "x" --when "14.11 10.00"
assert_eq "$before" "$(qj list | canon)" "nothing changed"

step "planner: everything on the plan, nothing beyond"
expect_ok qt "$PLANNER" add "Новое" --when "15.11 10.00" --who "Петров" --no 5
expect_ok qt "$PLANNER" done 2
assert_eq "Заместитель" "$(jget 'd["done_by"]' "$(qj show 2)")" "done_by (planner)"
expect_ok qt "$PLANNER" edit 4 --where "Зал"
code=$(tcp "$PLANNER" PATCH "/api/v1/plans/$SLUG" '{}')
[[ $code != 401 && $code != 403 ]] || fail "plan edit by a planner: $code $(cat "$T/tcp.body")"
assert_eq 403 "$(tcp "$PLANNER" POST /api/v1/plans '{"title": "x", "from": "1.1.2018", "to": "2.1.2018"}')" "plan new needs the administrator"
assert_eq 403 "$(tcp "$PLANNER" PUT /api/v1/clock '{"now": "2017-11-14T06:00:00Z"}')" "the clock"

step "a token works on its plan only"
OTHER=$(q plan new "Другой план" --from 01.12.2017 --to 05.12.2017 --tz Asia/Krasnoyarsk)
q --plan "$OTHER" person add "Сидоров" >/dev/null
q --plan "$OTHER" add "Чужой план" --when "02.12 10.00" --who "Сидоров" --no 1 >/dev/null
SID=$(q --plan "$OTHER" person token "Сидоров" --role planner 2>/dev/null)
assert_eq 403 "$(tcp "$SID" GET "/api/v1/plans/$SLUG/items")" "another plan's items"
assert_eq 403 "$(tcp "$SID" POST "/api/v1/plans/$SLUG/items/1/done" '{}')" "another plan's item"
# A plan that does not exist: 401 and 403 come first, and say nothing of which plans exist.
assert_eq 401 "$(tcp '' GET /api/v1/plans/no-such-plan/items)" "no token, no such plan"
assert_eq 403 "$(tcp "$SID" GET /api/v1/plans/no-such-plan/items)" "another token, no such plan"
assert_match 'for plan '"$OTHER"' only' "$(cat "$T/tcp.body")" "403 names the token's plan"
assert_eq 403 "$(tcp "$VIEWER" POST "/api/v1/plans/$SLUG/items/1/done" '{"note": 5}')" \
	"a viewer's write: 403 before the body is read"
assert_eq "[\"$OTHER\"]" "$(qt "$SID" --json plan list | jget '[p["slug"] for p in d["plans"]]' | tr -d ' ')" "plan list shows its plan only"
expect_ok qt "$SID" done 1
expect_ok qt "$STAFF" list
assert_eq "$SLUG" "$(qt "$STAFF" --json plan show | jget 'd["slug"]')" "plan _ is the token's"

step "revoke: the token stops working; a new token replaces the old"
export QWEEK_PLAN=$SLUG
expect_ok q person revoke "Иванова"
assert_eq 401 "$(tcp "$STAFF" GET "/api/v1/plans/$SLUG/items")" "revoked"
expect_fail 1 qt "$STAFF" done 1
expect_fail 1 q person revoke "Иванова"
OLD=$PETROV
PETROV=$(q person token "Петров" --role viewer 2>/dev/null)
assert_eq 401 "$(tcp "$OLD" GET "/api/v1/plans/$SLUG/items")" "the replaced token"
assert_eq 200 "$(tcp "$PETROV" GET "/api/v1/plans/$SLUG/items")" "the new token"

step "Host header: our names only (DNS rebinding)"
assert_eq 200 "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $VIEWER" -H "Host: localhost:$PORT" "$URL/api/v1/plans/$SLUG")" "localhost"
code=$(curl -s -o "$T/tcp.body" -w '%{http_code}' -H "Authorization: Bearer $VIEWER" -H "Host: evil.example:$PORT" "$URL/api/v1/plans/$SLUG")
assert_eq 421 "$code" "a foreign Host"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: evil.example" "$URL/healthz")
assert_eq 421 "$code" "a foreign Host, healthz"

step "the Unix socket: root and qweekd's own user are administrators, others are not"
NOT_CHECKED=
if [[ $(id -u) == 0 ]] && command -v runuser >/dev/null; then
	# A copy of the client in $T, which nobody may enter: the build directory may be closed.
	install -m 0755 "$QWEEK" "$T/qweek-nobody"
	chmod 0711 "$T"
	chmod 0666 "$T/q.sock"
	rc=0
	runuser -u nobody -- "$T/qweek-nobody" --socket "$T/q.sock" --plan "$SLUG" list >/dev/null 2>"$T/nobody.err" || rc=$?
	assert_eq 1 "$rc" "nobody on the socket"
	assert_match "may not use qweekd's socket" "$(cat "$T/nobody.err")" "why"
	chmod 0660 "$T/q.sock"
else
	NOT_CHECKED="another user on the socket: needs root and runuser"
fi

step "no secret in the log"
grep -qF "$VIEWER" "$DAEMON_LOG" && fail "a token is in the log"
stop_daemon
[[ -z $NOT_CHECKED ]] || skip "$NOT_CHECKED (all else passed)"
echo "ok"
