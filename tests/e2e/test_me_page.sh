# A person's page (issue 13): their links shown again until rotated, the page over TCP as a
# phone gets it (headers, language, sections, anchors, no script, GET changes nothing), its forms
# (done with a note, reopen; a stale form, a second press, someone else's item, a bad form are
# refused and change nothing), who did it (the person; --by; the administrator's name), the
# status page and the feeds following, a rotated link dead; then in a real browser at 390 and
# 1280 px through me_page_check.py (Selenium, axe-core), with screenshots kept.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ART=${QWEEK_BUILD:-$T}/artefacts/me_page
mkdir -p "$ART"
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"

# get URL [CURL ARGS...]: the status; headers (CR stripped) in $T/g.h, the body in $T/g.b.
get() {
	local url=$1
	shift
	: >"$T/g.b"
	curl -s --max-time 20 -D "$T/g.raw" -o "$T/g.b" -w '%{http_code}' "$@" "$url"
	tr -d '\r' <"$T/g.raw" >"$T/g.h"
}
header() { sed -n "s/^$1: //Ip" "$T/g.h"; }
# post URL FIELD=VALUE...: the form, url-encoded as a browser sends it; prints the status.
post() {
	local url=$1 args=()
	shift
	for kv in "$@"; do args+=(--data-urlencode "$kv"); done
	get "$url" "${args[@]}"
}
# seq_of ITEM: the version in ITEM's form on the page in $T/g.b.
seq_of() {
	"$PY" - "$T/g.b" "$1" <<'PYEOF'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<li class="item \w+" id="item-%s">.*?name="seq" value="(\d+)"' % sys.argv[2], page, re.S)
print(m.group(1) if m else "none")
PYEOF
}
# section_of ITEM [FILE]: the section ITEM is in on the page.
section_of() {
	"$PY" - "${2:-$T/g.b}" "$1" <<'PYEOF'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
pos = page.find('id="item-%s"' % sys.argv[2])
heads = [(m.start(), m.group(1)) for m in re.finditer(r'<section id="(\w+)"', page)]
print([h for p, h in heads if p < pos][-1] if pos >= 0 and heads else "none")
PYEOF
}
item_json() { qj show "@$1"; }
state_of() { jget '" ".join(str(d[k]) for k in ("state", "done_by", "note", "seq"))' "$(item_json "$1")"; }

export QWEEKD_NOW=2017-11-14T05:00:00Z # Tuesday 14.11.2017, 12:00 in Krasnoyarsk
start_daemon --listen "127.0.0.1:$PORT"

step "a plan: two psychologists in a group, items of each, of the group, of someone else"
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk \
	--org "МБУ СО «Надежда»" >/dev/null
q person add "Иванова А. П." --group "Психологи" >/dev/null
q person add "Петров С. И." --group "Психологи" >/dev/null
q person add "Сидорова Н. В." >/dev/null
add() { qj add "$@" | jget 'd["id"]'; }
LATE=$(add "Открытое занятие для родителей" --when "13.11 10.00" --no 2 --who "Иванова А. П." \
	--where "Кабинет 12, 2-й этаж")
TODAY=$(add "Консультация «Права ребёнка» & <b>вопросы</b>" --when "14.11 15.00" --no 3 \
	--who "Иванова А. П." --who "Петров С. И.")
GROUP=$(add "Тренинг для психологов" --when "15.11 9.00-12.00" --no 4 --who "Психологи")
LATER=$(add "Аналитическая справка" --due 24.11.2017 --no 5 --who "Иванова А. П." 2>/dev/null)
SPAN=$(add "Анкетирование" --when "08.11 - 15.11" --no 1 --who "Психологи")
OTHER=$(add "Отчёт Сидоровой" --when "14.11 18.00" --no 6 --who "Сидорова Н. В.")
q done "@$SPAN" --note "120 анкет" >/dev/null

step "person link: the page and the feed, the same URLs every time"
expect_ok q person link "Иванова А. П."
mapfile -t L1 <"$T/last.out"
assert_eq 3 "${#L1[@]}" "three lines"
assert_match "^$BASE/me/[a-z2-7]{26}\$" "${L1[0]}" "the page URL"
assert_match "^$BASE/feeds/[a-z2-7]{26}\.ics\$" "${L1[1]}" "the feed URL"
assert_eq "webcal://127.0.0.1:$PORT/feeds/${L1[1]##*/}" "${L1[2]}" "the webcal URL"
expect_ok q person link "иванова а. п."
assert_eq "$(printf '%s\n' "${L1[@]}")" "$(last_out)" "the same links when asked again"
J=$(qj person link "Иванова А. П.")
assert_eq "Иванова А. П.|${L1[0]}|${L1[1]}|${L1[2]}" \
	"$(jget '"|".join([d["who"], d["page"], d["feed"]["http"], d["feed"]["webcal"]])' "$J")" "--json"
assert_eq "${L1[1]}" "$(q feed --who "Иванова А. П." | head -n 1)" "qweek feed --who: the same feed"
PAGE=${L1[0]}
FEED=${L1[1]}
PAGE_P=$(q person link "Петров С. И." | head -n 1)
expect_fail 1 q person link "Психологи"
assert_match 'group' "$(last_err)" "a group has no page"
expect_fail 1 q person link "Иванов"
assert_match 'Иванова А. П.' "$(last_err)" "an unknown name: candidates"
"$PY" - "$T/q.db" "${PAGE##*/}" "$(basename "$FEED" .ics)" <<'PYEOF' || fail "a secret is readable from the database"
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
    for row in db.execute('SELECT * FROM "%s"' % table):
        for secret in sys.argv[2:]:
            assert secret not in repr(row), (table, row)
PYEOF

step "the page over TCP: headers, language, sections, anchors, escaping, no script"
assert_eq 200 "$(get "$PAGE")" "GET the page"
cp "$T/g.b" "$ART/page-before.html"
assert_eq "text/html; charset=utf-8" "$(header Content-Type)" "Content-Type"
assert_eq "no-store" "$(header Cache-Control)" "Cache-Control"
assert_eq "no-referrer" "$(header Referrer-Policy)" "Referrer-Policy"
assert_match "^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src data:; form-action 'self'; frame-ancestors 'none'" \
	"$(header Content-Security-Policy)" "CSP"
page=$(cat "$T/g.b")
assert_match '<html lang="ru">' "$page" "lang"
if grep -qiE '<script|javascript:| on[a-z]+=|src="http' "$T/g.b"; then fail "a script or an outside resource"; fi
assert_match 'Консультация «Права ребёнка» &amp; &lt;b&gt;вопросы&lt;/b&gt;' "$page" "a title escaped"
assert_eq overdue "$(section_of "$LATE")" "13.11 10:00 is overdue"
assert_eq today "$(section_of "$TODAY")" "14.11 15:00 is today"
assert_eq coming "$(section_of "$GROUP")" "the group's item, coming"
assert_eq coming "$(section_of "$LATER")" "a deadline on 24.11, coming"
assert_eq done "$(section_of "$SPAN")" "a done item"
assert_eq none "$(section_of "$OTHER")" "Сидорова's item is not on the page"
assert_match 'Просрочено на 12 ч' "$page" "how late (its day ended at midnight)"
assert_match 'Кабинет 12, 2-й этаж' "$page" "where"
assert_match '<dt>Также отвечают</dt><dd>Петров С. И.</dd>' "$page" "the others responsible"
if [[ $(id -u) == 0 ]]; then
	assert_match '<p class="by">Отметил\(а\): Администратор</p>' "$page" "done by the administrator (root)"
fi
assert_match "href=\"webcal://127.0.0.1:$PORT/feeds/${FEED##*/}\"" "$page" "the webcal button"
assert_match "value=\"$FEED\"" "$page" "the feed URL to copy"
assert_match '<svg class="qr"[^>]*role="img"' "$page" "the QR code"
grep -q "${PAGE##*/}" "$T/g.b" && fail "the page holds its own secret"
assert_eq 200 "$(get "$PAGE_P")" "Петров's page"
assert_eq coming "$(section_of "$GROUP")" "the group's item on Петров's page too"

step "GET changes nothing; HEAD, ETag, 304; unknown secrets are a bare 404"
qj list | canon >"$T/list.before"
get "$PAGE" >/dev/null
ETAG=$(header ETag)
get "$PAGE" >/dev/null
get "$PAGE" -I >/dev/null
assert_eq 304 "$(get "$PAGE" -H "If-None-Match: $ETAG")" "If-None-Match"
qj list | canon >"$T/list.after"
cmp -s "$T/list.before" "$T/list.after" || fail "a GET changed the plan"
assert_eq 404 "$(get "$BASE/me/aaaaaaaaaaaaaaaaaaaaaaaaaa")" "an unknown secret"
assert_eq "Not Found" "$(cat "$T/g.b")" "a bare 404"
assert_eq 404 "$(get "$BASE/me/x")" "a malformed secret"
assert_eq 404 "$(post "$BASE/me/aaaaaaaaaaaaaaaaaaaaaaaaaa" item=1 seq=0 action=done)" "POST to an unknown secret"

step "a form: done with a note, 303 back to the item, recorded as the page's person"
get "$PAGE" >/dev/null
S=$(seq_of "$TODAY")
assert_eq 303 "$(post "$PAGE" item="$TODAY" seq="$S" action=done "note=Пришли 12 родителей + дети")" "done"
assert_eq "${PAGE##*/}#item-$TODAY" "$(header Location)" "Location"
assert_eq "done Иванова А. П. Пришли 12 родителей + дети $((S + 1))" "$(state_of "$TODAY")" "the item"
get "$PAGE" >/dev/null
assert_eq done "$(section_of "$TODAY")" "under done"

step "a second press of the same form: 409, nothing changed"
assert_eq 409 "$(post "$PAGE" item="$TODAY" seq="$S" action=done note=снова)" "the second press"
assert_match 'Ничего не изменено' "$(cat "$T/g.b")" "says nothing changed"
assert_match 'уже отмечено выполненным \(14\.11\.2017 12:00, Иванова А\. П\.\)' "$(cat "$T/g.b")" "says when and by whom"
assert_match "href=\"${PAGE##*/}\?back=1#item-$TODAY\"" "$(cat "$T/g.b")" "a link back to the item"
assert_eq "done Иванова А. П. Пришли 12 родителей + дети $((S + 1))" "$(state_of "$TODAY")" "unchanged"

step "a stale form: the item changed since the page was opened"
get "$PAGE" >/dev/null
S=$(seq_of "$LATER")
q edit "@$LATER" --where "Кабинет 5" >/dev/null
assert_eq 409 "$(post "$PAGE" item="$LATER" seq="$S" action=done)" "a stale form"
assert_match 'изменилось, пока страница была открыта' "$(cat "$T/g.b")" "says it changed"
assert_eq "open None None $((S + 1))" "$(state_of "$LATER")" "unchanged"

step "someone else's item, a bad form: refused, nothing changed"
assert_eq 404 "$(post "$PAGE" item="$OTHER" seq=0 action=done)" "Сидорова's item from Иванова's page"
assert_match 'нет среди ваших' "$(cat "$T/g.b")" "says it is not hers"
assert_eq "open None None 0" "$(state_of "$OTHER")" "Сидорова's item unchanged"
assert_eq 404 "$(post "$PAGE" item=9999 seq=0 action=done)" "no such item"
assert_eq 400 "$(post "$PAGE" item="$LATER" action=done)" "no seq"
assert_eq 400 "$(post "$PAGE" item="$LATER" seq=1 action=delete)" "an unknown action"
assert_eq 415 "$(get "$PAGE" -H 'Content-Type: application/json' -d '{"item": 1}')" "JSON"
head -c 9000 /dev/zero | tr '\0' 'a' >"$T/big"
assert_eq 413 "$(get "$PAGE" --data-binary "@$T/big")" "a body over 8 KiB"
assert_eq 413 "$(post "$PAGE" item="$LATER" seq=1 action=done "note=$(printf 'a%.0s' $(seq 2001))")" "a note over 2000 characters"
assert_match 'не больше 2000 знаков' "$(cat "$T/g.b")" "says how long"
qj list | canon >"$T/list.after"
"$PY" - "$T/list.before" "$T/list.after" "$TODAY" "$LATER" <<'PYEOF' || fail "a refused form changed something"
import json, sys
a, b = (json.load(open(f))["items"] for f in sys.argv[1:3])
skip = {int(x) for x in sys.argv[3:]}
assert [i for i in a if i["id"] not in skip] == [i for i in b if i["id"] not in skip]
PYEOF

step "reopen from the page, then a group item closed by one member shows done on every page"
get "$PAGE" >/dev/null
assert_eq 303 "$(post "$PAGE" item="$TODAY" seq="$(seq_of "$TODAY")" action=reopen)" "reopen"
assert_eq open "$(jget 'd["state"]' "$(item_json "$TODAY")")" "open again"
get "$PAGE" >/dev/null
assert_eq 409 "$(post "$PAGE" item="$TODAY" seq="$(seq_of "$TODAY")" action=reopen)" "reopen an open item"
assert_match 'уже в работе' "$(cat "$T/g.b")" "says it is open already"
get "$PAGE_P" >/dev/null
assert_eq 303 "$(post "$PAGE_P" item="$GROUP" seq="$(seq_of "$GROUP")" action=done note=провёл)" "Петров closes the group's item"
assert_eq "done Петров С. И. провёл" "$(jget '" ".join(str(d[k]) for k in ("state", "done_by", "note"))' "$(item_json "$GROUP")")" "done by the member"
assert_eq 200 "$(get "$PAGE")" "Иванова's page"
assert_eq done "$(section_of "$GROUP")" "done on Иванова's page too"
assert_match "<p class=\"by\">Отметил\\(а\\): Петров С. И.</p>" "$(cat "$T/g.b")" "by Петров"

step "who did it: --by, the administrator's name"
expect_ok q done "@$LATER" --by "Сидорова Н. В." --note "по телефону"
assert_eq "Сидорова Н. В." "$(jget 'd["done_by"]' "$(item_json "$LATER")")" "--by"
expect_ok q reopen "@$LATER"
expect_fail 1 q done "@$LATER" --by "Психологи"
assert_match 'group' "$(last_err)" "--by a group"
expect_fail 1 q done "@$LATER" --by "Сидоров"
assert_match 'Сидорова Н. В.' "$(last_err)" "--by an unknown name: candidates"
if [[ $(id -u) == 0 ]]; then
	assert_eq "Администратор" "$(jget 'd["done_by"]' "$(item_json "$SPAN")")" "root without admin_name"
fi

step "the status page and the feeds follow"
STATUS=$(q status --url)
assert_eq 200 "$(get "$STATUS")" "the status page"
assert_match 'Пришли 12 родителей \+ дети' "$(cat "$T/g.b")" "the note on the status page"
assert_match 'Петров С\. И\.' "$(cat "$T/g.b")" "who did it on the status page"
expect_ok q report --format md
assert_match '\| 4 \| Тренинг для психологов \| [^|]+ \| Психологи \| [0-9.]+ [0-9:]+, Петров С\. И\. \|' "$(last_out)" "the report"
assert_eq 200 "$(get "$FEED")" "Иванова's feed"
tr -d '\r' <"$T/g.b" | sed -e ':a' -e '$!N;s/\n //;ta' -e 'P;D' >"$T/feed.txt"
grep -q '^X-QWEEK-DONE-BY:Петров С. И.$' "$T/feed.txt" || fail "the feed does not say who closed the group's item"
grep -q '^X-QWEEK-NOTE:провёл$' "$T/feed.txt" || fail "the feed does not carry the note"

step "the administrator's name from [daemon] admin_name"
stop_daemon
printf '[daemon]\nadmin_name = Петрова Е. В.\n' >"$T/qweekd.ini"
start_daemon --listen "127.0.0.1:$PORT" --config "$T/qweekd.ini"
q done "@$LATER" >/dev/null
assert_eq "Петрова Е. В." "$(jget 'd["done_by"]' "$(item_json "$LATER")")" "admin_name"
q reopen "@$LATER" >/dev/null
assert_eq "$(printf '%s\n' "${L1[@]}")" "$(q person link "Иванова А. П.")" "the same links after a restart"

step "the page in a real browser, 390 and 1280 px: note, done, under done; stale; twice; 360 and 320 px; JavaScript off"
NEXT=$(add "Родительское собрание" --when "15.11 17.00" --no 7 --who "Иванова А. П.")
NOJS=$(add "Выставка рисунков" --when "15.11 12.00" --no 8 --who "Иванова А. П.")
cat >"$T/spec.json" <<EOF
{"url": "$PAGE", "shots": "$ART", "person": "Иванова А. П.", "lang": "ru",
 "axe": "$QWEEK_SRC/tests/e2e/node_modules/axe-core/axe.min.js",
 "done": [{"width": 390, "item": $LATE, "note": "Пришли 14 родителей"},
          {"width": 1280, "item": $NEXT, "note": "Собрание проведено"}],
 "stale": {"item": $LATER, "change": ["$QWEEK", "--socket", "$T/q.sock", "edit", "@$LATER", "--where", "Актовый зал"],
           "expect": ["Ничего не изменено", "изменилось, пока страница была открыта"]},
 "twice": {"item": $TODAY, "expect": ["Ничего не изменено", "уже отмечено выполненным"]},
 "fits": [360, 320],
 "nojs": {"width": 390, "item": $NOJS, "note": "Без JavaScript"}}
EOF
if [[ ! -f $QWEEK_SRC/tests/e2e/node_modules/axe-core/axe.min.js ]]; then
	echo "SKIP: axe-core is not installed (bash scripts/deps.sh --npm)"
	exit 77
fi
rc=0
timeout 240 "$PY" "$QWEEK_SRC/tests/e2e/me_page_check.py" "$T/spec.json" || rc=$?
((rc == 77)) && exit 77
((rc == 0)) || fail "the browser checks (rc $rc)"
assert_eq "done Иванова А. П. Пришли 14 родителей" \
	"$(jget '" ".join(str(d[k]) for k in ("state", "done_by", "note"))' "$(item_json "$LATE")")" "what the browser did, 390 px"
assert_eq "done Иванова А. П. Собрание проведено" \
	"$(jget '" ".join(str(d[k]) for k in ("state", "done_by", "note"))' "$(item_json "$NEXT")")" "what the browser did, 1280 px"
assert_eq "done Иванова А. П. Без JavaScript" \
	"$(jget '" ".join(str(d[k]) for k in ("state", "done_by", "note"))' "$(item_json "$NOJS")")" "what the browser did with JavaScript off"
assert_eq "open" "$(jget 'd["state"]' "$(item_json "$LATER")")" "the stale form changed nothing"
assert_eq "done первый раз" "$(jget 'd["state"] + " " + d["note"]' "$(item_json "$TODAY")")" "pressed twice: the first press only"
assert_eq 200 "$(get "$STATUS")" "the status page after the browser"
assert_match 'Пришли 14 родителей' "$(cat "$T/g.b")" "the browser's note on the status page"

step "rotate: new links, the old page and feed are dead at once"
mapfile -t L2 < <(q person link "Иванова А. П." --rotate)
[[ ${L2[0]} != "$PAGE" && ${L2[1]} != "$FEED" ]] || fail "rotate kept a URL"
assert_eq 404 "$(get "$PAGE")" "the old page"
assert_eq 404 "$(post "$PAGE" item="$NEXT" seq=0 action=reopen)" "a form of the old page"
assert_eq 404 "$(get "$FEED")" "the old feed"
assert_eq 200 "$(get "${L2[0]}")" "the new page"
assert_match "value=\"${L2[1]}\"" "$(cat "$T/g.b")" "the new page shows the new feed"
assert_eq 200 "$(get "${L2[1]}")" "the new feed"
assert_eq "$(printf '%s\n' "${L2[@]}")" "$(q person link "Иванова А. П.")" "the new links, shown again"

step "a link made before links could be shown again: 409 until rotated, then shown again"
PLAN_FEED=$(q feed | head -n 1)
sqlite3 "$T/q.db" "UPDATE feeds SET gen = NULL WHERE person_id IS NULL"
expect_fail 1 q feed
assert_match 'older qweekd.*cannot be shown again.*qweek feed --rotate' "$(last_err)" "says why and what to do"
assert_eq 200 "$(get "$PLAN_FEED")" "the old URL still works"
NEW_FEED=$(q feed --rotate | head -n 1)
assert_eq "$NEW_FEED" "$(q feed | head -n 1)" "rotated: shown again"
assert_eq 404 "$(get "$PLAN_FEED")" "the old URL after rotate"

step "a key file replaced: URLs given out still work, none is shown wrongly"
stop_daemon
mv "$T/q.key" "$T/q.key.lost"
start_daemon --listen "127.0.0.1:$PORT"
assert_match 'link key .* was not there: a new one was made' "$(cat "$DAEMON_LOG")" "the log says so"
assert_eq 600 "$(stat -c %a "$T/q.key")" "the new key's mode"
expect_fail 1 q status --url
assert_match 'another link key.*--rotate' "$(last_err)" "the status URL is not shown wrongly"
expect_fail 1 q person link "Иванова А. П."
assert_match 'another link key' "$(last_err)" "nor the person's"
assert_eq 200 "$(get "$STATUS")" "the status page given out still works"
assert_eq 200 "$(get "${L2[0]}")" "the personal page given out still works"
grep -q 'id="feed-url"' "$T/g.b" && fail "the page shows a feed URL worked out with another key"
assert_match 'Календаря для вас пока нет' "$(cat "$T/g.b")" "the page says there is no calendar link"
STATUS2=$(q status --url --rotate)
assert_eq "$STATUS2" "$(q status --url)" "rotated with the new key: shown again"

stop_daemon
echo "PASS: $TEST_NAME"
