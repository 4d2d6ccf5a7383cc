#!/usr/bin/env bash
# Mail that carries the way to act (issue 13): a reminder links to the item on the person's own
# page (multipart/alternative: the plain text complete, an HTML part with a button); `qweek
# invite` welcomes each person with their page and calendar links, in the plan's language, the
# same links when sent again, people without an address listed; the planner's digest tells what
# staff closed and reopened, with their notes. No GET of any link of any mail changes anything;
# the form on the page a reminder opens marks the item done by that person.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/test_remind_lib.sh"

CHECK=$QWEEK_SRC/tests/e2e/mail_check.py
ART=${QWEEK_BUILD:-$T}/artefacts/me_mail
mkdir -p "$ART"
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
Z=Asia/Krasnoyarsk

start_sink
remind_config
QWEEKD_NOW=2017-11-13T00:00:00Z start_daemon --config "$T/q.ini" --listen "127.0.0.1:$PORT"

D=$T/dump
# dump: reads every message the sink has into $D (mail_check.py dump), checking each one that has
# an HTML part: multipart/alternative, plain text first, every link of the HTML in the text too.
dump() { rm -rf "$D"; "$PY" "$CHECK" dump "$MAIL" "$D" || fail "a message is not a good multipart/alternative"; }
# mail_to ADDR [FROM]: the number of the newest message to ADDR (from number FROM on), after dump.
mail_to() {
	local n
	n=$(awk -v a="$1" -v f="${2:-1}" '$2 == a && $1 >= f { n = $1 } END { print n }' "$D/index")
	[[ -n $n ]] || fail "no message to $1 (from number ${2:-1} on)"
	echo "$n"
}
show() { cat "$D/$1.txt"; }
# seq_in PAGE ITEM: the version in ITEM's form on the personal page saved in PAGE.
seq_in() {
	"$PY" - "$1" "$2" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<li class="item \w+" id="item-%s">.*?name="seq" value="(\d+)"' % sys.argv[2], page, re.S)
print(m.group(1) if m else "none")
PY
}
# snapshot FILE: every item of both plans (with its state and seq) and the people, as JSON.
snapshot() {
	{
		qj --plan nk-2017 list
		qj --plan tyzhden list
		qj --plan nk-2017 person list
	} >"$1"
}

step "a Russian plan: a group of two psychologists, a planner, someone without an address"
q plan new "Неделя качества 2017" --slug nk-2017 --from 13.11.2017 --to 17.11.2017 --tz $Z \
	--org "МБУ СО «Надежда»" >/dev/null
Q=(--plan nk-2017)
q "${Q[@]}" person add "Иванова А. П." --email ivanova@example.org --group "Психологи" >/dev/null
q "${Q[@]}" person add "Петров С. И." --email petrov@example.org --group "Психологи" >/dev/null
q "${Q[@]}" person add "Кравец Л. Н." --email kravets@example.org >/dev/null
q "${Q[@]}" person add "Сидорова Н. В." >/dev/null
add() { qj "${Q[@]}" add "$@" | jget 'd["id"]'; }
OWN=$(add "Открытое занятие для родителей" --when "14.11 10.00" --no 2 --who "Иванова А. П." \
	--where "Кабинет 12")
GROUP=$(add "Тренинг для психологов" --when "14.11 15.00-17.00" --no 3 --who "Психологи")
add "Отчёт" --due 24.11.2017 --no 4 --who "Сидорова Н. В." >/dev/null
q "${Q[@]}" plan edit --remind "events 1h" --remind "deadlines none" --remind "overdue none" >/dev/null

step "invite --all: sent to those with an address, the one without listed, not failed"
expect_ok q "${Q[@]}" --json invite --all
assert_eq '{"sent": ["Иванова А. П.", "Кравец Л. Н.", "Петров С. И."], "skipped": [{"who": "Сидорова Н. В.", "why": "no email address (qweek person add NAME --email ADDRESS)"}]}' \
	"$(jget 'json.dumps({"sent": sorted(d["sent"]), "skipped": d["skipped"]}, ensure_ascii=False)' "$(last_out)")" "sent and skipped"
assert_eq 3 "$(mail_count)" "three invitations"
dump
for who in "Иванова А. П.:ivanova" "Петров С. И.:petrov"; do
	name=${who%%:*} addr=${who##*:}@example.org
	mapfile -t L <<<"$(q "${Q[@]}" person link "$name")"
	n=$(mail_to "$addr")
	assert_match "multipart/alternative" "$(head -n 1 "$D/$n.txt")" "$name: text and HTML"
	body=$(show "$n")
	assert_match "Неделя качества 2017: ваша страница и календарь" "$body" "$name: the subject"
	assert_match "Здравствуйте, $name!" "$body" "$name: greeted by name"
	assert_match "Вы участвуете в плане «Неделя качества 2017» \(МБУ СО «Надежда»\)\." "$body" "$name: the week and the org"
	assert_match "Даты: 13\.11\.2017 – 17\.11\.2017\." "$body" "$name: the dates"
	assert_match "Ваши пункты:" "$body" "$name: the items heading"
	assert_match "  3 Тренинг для психологов — 14\.11\.2017 15:00–17:00" "$body" "$name: the group's item"
	assert_match "^  ${L[0]}\$" "$body" "$name: their own page link"
	assert_match "^  ${L[1]}\$" "$body" "$name: their feed link (https)"
	assert_match "^  ${L[2]}\$" "$body" "$name: their webcal link"
	assert_match "^- iPhone: " "$body" "$name: a line per app"
	assert_match "^- Thunderbird: " "$body" "$name: a line per app"
	echo "${L[0]}" >>"$T/pages"
done
assert_match "  2 Открытое занятие для родителей — 14\.11\.2017 10:00" "$(show "$(mail_to ivanova@example.org)")" "Иванова's own item"
if show "$(mail_to petrov@example.org)" | grep -q "Открытое занятие"; then fail "Петров's invitation lists Иванова's item"; fi
if show "$(mail_to petrov@example.org)" | grep -qF "$(head -n 1 "$T/pages")"; then fail "Петров's invitation holds Иванова's page"; fi
assert_match "Пока пунктов нет" "$(show "$(mail_to kravets@example.org)")" "the planner has no items"
cp "$D/$(mail_to ivanova@example.org).html" "$ART/invite-ru.html"

step "invite again (a group: each member): the same links; an unknown name refuses, naming it"
before_i=$(show "$(mail_to ivanova@example.org)" | grep -E '/me/|/feeds/')
before_p=$(show "$(mail_to petrov@example.org)" | grep -E '/me/|/feeds/')
expect_ok q "${Q[@]}" invite --who "психологи" --who "Иванова А. П."
assert_eq "$(printf '2 sent, 0 not sent\nsent to Иванова А. П.\nsent to Петров С. И.')" \
	"$(LC_ALL=C sort <"$T/last.out")" "human output: each member once"
assert_eq 5 "$(mail_count)" "two more messages"
dump
assert_eq "$before_i" "$(show "$(mail_to ivanova@example.org 4)" | grep -E '/me/|/feeds/')" "Иванова: the same links"
assert_eq "$before_p" "$(show "$(mail_to petrov@example.org 4)" | grep -E '/me/|/feeds/')" "Петров: the same links"
expect_fail 1 q "${Q[@]}" invite --who "Иванов"
assert_match "Иванов" "$(last_err)" "names what was typed"
expect_fail 2 q "${Q[@]}" invite
expect_fail 2 q "${Q[@]}" invite --all --who "Петров С. И."
expect_ok q "${Q[@]}" invite --who "Сидорова Н. В."
assert_match "^not sent to Сидорова Н\. В\.: no email address" "$(last_out)" "a person without an address: listed"
assert_eq 5 "$(mail_count)" "nothing sent to her"

step "a Ukrainian plan: the invitation in Ukrainian"
q plan new "Тиждень якості 2026" --slug tyzhden --from 26.10.2026 --to 30.10.2026 \
	--tz Europe/Kyiv --lang uk >/dev/null
q --plan tyzhden person add "Петренко О. І." --email petrenko@example.org >/dev/null
q --plan tyzhden add "Семінар" --when "27.10 10.00" --no 1 --who "Петренко О. І." >/dev/null
expect_ok q --plan tyzhden --json invite --all
assert_eq '["Петренко О. І."]|[]' "$(jget 'json.dumps(d["sent"], ensure_ascii=False) + "|" + json.dumps(d["skipped"])' "$(last_out)")" "sent"
dump
n=$(mail_to petrenko@example.org)
body=$(show "$n")
page_uk=$(q --plan tyzhden person link "Петренко О. І." | head -n 1)
assert_match "Тиждень якості 2026: ваша сторінка і календар" "$body" "uk subject"
assert_match "Доброго дня, Петренко О\. І\.!" "$body" "uk greeting"
assert_match "Ви берете участь у плані «Тиждень якості 2026»\." "$body" "uk: the week"
assert_match "Ваші пункти:" "$body" "uk: items"
assert_match "  1 Семінар — 27\.10\.2026 10:00" "$body" "uk: the item"
assert_match "^  $page_uk\$" "$body" "uk: the page link"
assert_match "Календар на телефоні" "$body" "uk: the calendar part"
if grep -qE 'Здравствуйте|Ваши пункты' <<<"$body"; then fail "Russian words in a Ukrainian invitation"; fi

step "a reminder: multipart/alternative, the item on each member's own page"
from=$(($(mail_count) + 1))
walk $Z "2017-11-14 14:00" >/dev/null
dump
for who in "Иванова А. П.:ivanova" "Петров С. И.:petrov"; do
	name=${who%%:*} addr=${who##*:}@example.org
	page=$(q "${Q[@]}" person link "$name" | head -n 1)
	n=$(mail_to "$addr" "$from")
	assert_match "multipart/alternative" "$(head -n 1 "$D/$n.txt")" "$name: text and HTML"
	body=$(show "$n")
	assert_match "Напоминание: 3 Тренинг для психологов" "$body" "$name: the subject names the item"
	assert_match "^  $page#item-$GROUP\$" "$body" "$name: the item on their own page"
	assert_match "^  qweek --plan nk-2017 done 3\$" "$body" "$name: the command still there"
	assert_match "href=\"$page#item-$GROUP\"[^>]*>Открыть и отметить</a>" "$(cat "$D/$n.html")" "$name: the button"
	cp "$D/$n.html" "$ART/reminder-ru.html"
done

step "GET of every link of every mail so far changes nothing"
snapshot "$T/before.json"
sort -u "$D/links" >"$T/links"
assert_match "/me/" "$(cat "$T/links")" "page links among them"
assert_match "/feeds/" "$(cat "$T/links")" "feed links among them"
while read -r url; do
	url=${url/#webcal:/http:}
	[[ $url == "$BASE"/* ]] || continue
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$url")
	assert_eq 200 "$code" "GET $url"
	curl -s -o /dev/null -I --max-time 20 "$url"
done <"$T/links"
snapshot "$T/after.json"
cmp -s "$T/before.json" "$T/after.json" || { diff "$T/before.json" "$T/after.json" | head -20; fail "a GET changed something"; }

step "the reminder's link opens Петров's page; its form marks the item done by him"
n=$(mail_to petrov@example.org "$from")
link=$(show "$n" | grep -oE "$BASE/me/[a-z2-7]+#item-$GROUP" | head -n 1)
page=${link%#*}
curl -s --max-time 20 -o "$T/page.html" "$page"
S=$(seq_in "$T/page.html" "$GROUP")
[[ $S != none ]] || fail "no form for item $GROUP on the page the link opens"
set_clock 2017-11-14T10:30:00Z
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 --data-urlencode "item=$GROUP" \
	--data-urlencode "seq=$S" --data-urlencode action=done \
	--data-urlencode "note=Провёл, пришли 9 человек" "$page")
assert_eq 303 "$code" "POST the form"
assert_eq "done|Петров С. И.|Провёл, пришли 9 человек" \
	"$(jget '"|".join([d["state"], d["done_by"], d["note"]])' "$(qj "${Q[@]}" show "@$GROUP")")" "done by Петров, with his note"

step "the planner's digest tells what staff closed and reopened, with notes"
expect_ok q "${Q[@]}" remind digest --who "Кравец Л. Н." --at 08:00
q "${Q[@]}" done "@$OWN" --by "Иванова А. П." --note "Провели" >/dev/null
page_i=$(q "${Q[@]}" person link "Иванова А. П." | head -n 1)
curl -s --max-time 20 -o "$T/page.html" "$page_i"
assert_eq 303 "$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 --data-urlencode "item=$OWN" \
	--data-urlencode "seq=$(seq_in "$T/page.html" "$OWN")" --data-urlencode action=reopen "$page_i")" \
	"Иванова reopens it on her page"
q "${Q[@]}" done "@$OWN" --note "Отмечено с терминала" >/dev/null
q "${Q[@]}" reopen "@$OWN" >/dev/null
from=$(($(mail_count) + 1))
walk $Z "2017-11-15 08:00" >/dev/null
dump
n=$(mail_to kravets@example.org "$from")
body=$(show "$n")
assert_match "Сводка на 15\.11\.2017" "$body" "the digest"
assert_match "^Отмечено сотрудниками со времени прошлой сводки:\$" "$body" "the section"
assert_match "^  3 Тренинг для психологов — выполнено: Петров С\. И\., 14\.11\.2017 17:30\$" "$body" "Петров's closing, when"
assert_match "^    «Провёл, пришли 9 человек»\$" "$body" "and his note"
assert_match "^  2 Открытое занятие для родителей — выполнено: Иванова А\. П\., " "$body" "Иванова's closing"
assert_match "^    «Провели»\$" "$body" "her note"
assert_match "^  2 Открытое занятие для родителей — снова в работе: " "$body" "the reopening"
page_k=$(q "${Q[@]}" person link "Кравец Л. Н." | head -n 1)
assert_match "^Ваша страница: $page_k\$" "$body" "the planner's page"
if grep -q "Отмечено с терминала" <<<"$body"; then fail "a change under the administrator's own name is not staff's"; fi

step "GET of every link of every mail (invitations, reminders, digest) changes nothing"
snapshot "$T/before.json"
sort -u "$D/links" >"$T/links"
while read -r url; do
	url=${url/#webcal:/http:}
	[[ $url == "$BASE"/* ]] || continue
	curl -s -o /dev/null --max-time 20 "$url"
done <"$T/links"
snapshot "$T/after.json"
cmp -s "$T/before.json" "$T/after.json" || fail "a GET changed something"

step "a send that fails is reported for that person, not retried behind her back"
touch "$T/smtp.fail"
expect_fail 1 q "${Q[@]}" --json invite --who "Петров С. И."
assert_match '"who": "Петров С. И.", "why": ".+' "$(last_out | tr -d '\n' | sed 's/  */ /g')" "skipped with why"
rm -f "$T/smtp.fail"
