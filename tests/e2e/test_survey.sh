# The survey of the week (issue 17): the templates load; a questionnaire file is checked line by
# line; the public form over TCP as a phone gets it (headers, language, labels, no script, a
# one-time token); responses posted through the real form (html.parser, survey_client.py) are
# counted right; a bad option, a replayed token, an oversized body and a burst over the rate
# limit are refused with nothing stored; the link is the same until rotated; a replay of the
# Krasnoyarsk survey (90 responses, 76/14, 80 of 90 satisfied) gives "88,9 %" in the report and
# 88.9 in --json; the status page counts the responses; kill -9 after an acknowledged response
# loses nothing. The pages in a browser: test_survey_browser.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ART=${QWEEK_BUILD:-$T}/artefacts/survey
mkdir -p "$ART"
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
CLIENT=("$PY" "$QWEEK_SRC/tests/e2e/survey_client.py")
TALLIES=$QWEEK_SRC/tests/data/nadezhda-2017-survey-tallies.csv

# get URL [CURL ARGS...]: the status; headers (CR stripped) in $T/g.h, the body in $T/g.b.
get() {
	local url=$1
	shift
	: >"$T/g.b"
	curl -s --max-time 20 -D "$T/g.raw" -o "$T/g.b" -w '%{http_code}' "$@" "$url"
	tr -d '\r' <"$T/g.raw" >"$T/g.h"
}
header() { sed -n "s/^$1: //Ip" "$T/g.h"; }
responses() { qj survey show | jget 'd["responses"]'; }
# fill URL JSON [ARGS...]: one response through the form from 127.0.0.2; "STATUS TOKEN".
fill() { "${CLIENT[@]}" fill "$@"; }

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon --listen "127.0.0.1:$PORT"

step "templates: both listed, each loads into a plan of its language"
expect_ok q survey templates
assert_match "clients-ru +ru, 21 questions" "$(last_out)" "clients-ru listed"
assert_match "indicators-uk +uk, 8 questions" "$(last_out)" "indicators-uk listed"
q plan new "Тиждень якості 2020" --from 16.11.2020 --to 20.11.2020 --tz Europe/Kyiv --lang uk \
	--slug uk >/dev/null
expect_ok q --plan uk survey new --template indicators-uk
assert_eq 8 "$(qj --plan uk survey show | jget 'len(d["questions"])')" "six indicators, gender, proposals"
assert_eq "single" "$(qj --plan uk survey show | jget 'd["questions"][1]["kind"]')" "an indicator is one answer"
UK=$(q --plan uk survey link)
get "$UK" >/dev/null
assert_match '<html lang="uk">' "$(cat "$T/g.b")" "the form in the plan's language"
assert_match 'Анкета анонімна' "$(cat "$T/g.b")" "the notice of what is kept, in Ukrainian"

step "a questionnaire file: checked line by line, the refusal names the line"
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk \
	--lang ru --slug ru >/dev/null
export QWEEK_PLAN=ru
cat >"$T/bad.txt" <<'EOF'
title: Проба
1. Как вам у нас? [шкала]
2. Пол [один]
- ж
Просто строка
EOF
expect_fail 1 q survey new --file "$T/bad.txt"
assert_match "line 5" "$(last_err)" "the refusal names the line"
printf '1. Пол [один]\n- ж\n- м\n2. Годы [число]\n- 5\n' >"$T/bad2.txt"
expect_fail 1 q survey new --file "$T/bad2.txt"
assert_match "question 2" "$(last_err)" "a number question with options is refused"
expect_fail 1 q survey show
assert_match "no questionnaire" "$(last_err)" "nothing was stored"
expect_ok q survey new --template clients-ru
assert_match "21 questions" "$(last_out)" "the template loaded"

step "the link: the same every time, shown as --json {url}"
expect_ok q survey link
URL=$(last_out)
assert_match "^http://127.0.0.1:$PORT/survey/[a-z2-7]{26}\$" "$URL" "the form's URL"
assert_eq "$URL" "$(qj survey link | jget 'd["url"]')" "the same link again"

step "the form over TCP: headers, language, labels, no script, a token each time"
assert_eq 200 "$(get "$URL")" "the form"
assert_eq "no-store" "$(header Cache-Control)" "no-store"
assert_eq "no-referrer" "$(header Referrer-Policy)" "no referrer"
assert_match "default-src 'none'.*form-action 'self'" "$(header Content-Security-Policy)" "the CSP"
FORM=$(cat "$T/g.b")
assert_match '<html lang="ru">' "$FORM" "Russian"
assert_match 'Хранятся только ваши ответы' "$FORM" "the notice of what is kept"
[[ $FORM != *"<script"* ]] || fail "the form has a script"
[[ $FORM != *"$URL"* && $FORM != *"${URL##*/}"* ]] || fail "the form holds its own secret"
"${CLIENT[@]}" show "$URL" >"$T/form.json"
assert_eq 21 "$(jget 'len(d["questions"])' "$(cat "$T/form.json")")" "every question found by html.parser"
assert_eq 0 "$(jget 'd["scripts"]' "$(cat "$T/form.json")")" "no script"
T1=$(jget 'd["hidden"]["t"]' "$(cat "$T/form.json")")
"${CLIENT[@]}" show "$URL" >"$T/form2.json"
[[ $T1 != "$(jget 'd["hidden"]["t"]' "$(cat "$T/form2.json")")" ]] || fail "two forms, one token"

step "three responses through the form are counted right"
A='{"1": "женский", "4": ["квалифицированная консультационная помощь", "другое"], "8": "нет гардероба", "17": "удовлетворяет"}'
B='{"1": "мужской", "4": ["другое"], "8": "нет гардероба", "17": "удовлетворяет"}'
C='{"1": "женский", "17": "затрудняюсь ответить", "21": "  всё хорошо  "}'
for r in "$A" "$B" "$C"; do
	assert_match "^303 " "$(fill "$URL" "$r" --source 127.0.0.2)" "a response acknowledged"
done
qj survey results >"$T/r.json"
R=$(cat "$T/r.json")
assert_eq 3 "$(jget 'd["responses"]' "$R")" "three responses"
assert_eq "[2, 1]" "$(jget '[a["count"] for a in d["questions"][0]["answers"]]' "$R")" "2 women, 1 man"
assert_eq "[66.7, 33.3]" "$(jget '[a["percent"] for a in d["questions"][0]["answers"]]' "$R")" "percent of respondents, one decimal"
assert_eq "[0, 1, 2]" "$(jget '[a["count"] for a in d["questions"][3]["answers"]]' "$R")" "several answers counted each"
assert_eq 2 "$(jget 'd["questions"][3]["respondents"]' "$R")" "two answered question 4"
assert_eq '[["нет гардероба", 2, 100.0]]' "$(jget '[[a["text"], a["count"], a["percent"]] for a in d["questions"][7]["answers"]]' "$R")" "free answers grouped"
assert_eq "всё хорошо" "$(jget 'd["questions"][20]["answers"][0]["text"]' "$R")" "free text trimmed"
expect_ok q survey results
assert_match "женский +2 +66,7 %" "$(last_out)" "the table writes percentages the Russian way"
expect_ok q survey results --by 1
assert_match "удовлетворяет +2 +66,7 %[^0-9]+1 +1 +0" "$(last_out)" "the cross-tab by gender"

step "refused and nothing stored: a bad option, a replayed token, an oversized body, a second answer"
N=$(responses)
OUT=$(fill "$URL" '{"1": "женский", "17": "удовлетворяет"}' --source 127.0.0.4 --extra q17=9)
assert_match "^422 " "$OUT" "an unknown option is a 422"
OUT=$(fill "$URL" '{"17": "удовлетворяет"}' --source 127.0.0.4)
assert_match "^422 " "$OUT" "a required question left out is a 422"
OUT=$(fill "$URL" '{"1": "женский", "17": "удовлетворяет"}' --source 127.0.0.4 --extra q99=1)
assert_match "^422 " "$OUT" "a field that is no question is a 422"
OUT=$(fill "$URL" '{"1": "женский", "17": "удовлетворяет"}' --source 127.0.0.4)
assert_match "^303 " "$OUT" "one more accepted"
USED=${OUT#* }
assert_match "^409 " "$(fill "$URL" '{"1": "мужской", "17": "удовлетворяет"}' --source 127.0.0.4 --token "$USED")" "a replayed token is a 409"
assert_match "^400 " "$(fill "$URL" '{"1": "мужской", "17": "удовлетворяет"}' --source 127.0.0.4 --token "1.2.abc")" "a forged token is a 400"
BIG=$(head -c 70000 /dev/zero | tr '\0' 'a')
assert_match "^413 " "$(fill "$URL" "{\"1\": \"женский\", \"17\": \"удовлетворяет\", \"8\": \"$BIG\"}" --source 127.0.0.4)" "an oversized body is a 413"
assert_eq $((N + 1)) "$(responses)" "only the good one stored"
assert_eq 415 "$(get "$URL" -H 'Content-Type: text/plain' --data 't=1')" "not a form"
assert_match "Анкета не принята" "$(cat "$T/g.b")" "the refusal is a page in Russian"

step "a burst over the rate limit (20, then one every 5 s) from one address"
N=$(responses)
BURST=$("${CLIENT[@]}" burst "$URL" 22 --source 127.0.0.3)
assert_eq "$(printf '303 %.0s' {1..20})429 429" "$BURST" "20 accepted, then refused"
assert_eq $((N + 20)) "$(responses)" "nothing stored from the refused ones"
assert_match "^303 " "$(fill "$URL" '{"1": "женский", "17": "удовлетворяет"}' --source 127.0.0.5)" "another address is not held up"

step "after thank you, an empty form at once"
assert_eq 200 "$(get "$URL?thanks=1")" "the thanks"
assert_match 'class="thanks" role="status"><strong>Спасибо!' "$(cat "$T/g.b")" "the thanks on top"
assert_match 'name="t" value="[0-9]+\.[0-9]+\.[a-z2-7]{26}"' "$(cat "$T/g.b")" "an empty form with a new token under it"
[[ $(cat "$T/g.b") != *"checked"* && $(cat "$T/g.b") != *'http-equiv="refresh"'* ]] || fail "the form is not empty, or refreshes"

step "kill -9 after an acknowledged response loses nothing"
N=$(responses)
assert_match "^303 " "$(fill "$URL" '{"1": "мужской", "17": "удовлетворяет"}' --source 127.0.0.6)" "acknowledged"
kill9_daemon
start_daemon --listen "127.0.0.1:$PORT"
assert_eq $((N + 1)) "$(responses)" "the response survived"

step "replacing a questionnaire with responses needs --replace"
expect_fail 1 q survey new --template indicators-uk
assert_match "response\(s\).*--replace" "$(last_err)" "refused, and says how"
expect_ok q --plan uk survey show

step "the Krasnoyarsk survey replayed: 90 responses, 88,9 % satisfied"
q plan new "Неделя качества «Надежда»" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk \
	--lang ru --slug k --org "МБУ СО «ЦСПСиД «Надежда»" >/dev/null
export QWEEK_PLAN=k
q survey new --template clients-ru >/dev/null
KURL=$(q survey link)
assert_eq "303 90" "$("${CLIENT[@]}" replay "$KURL" "$TALLIES" --unix "$T/q.sock")" "90 responses sent"
qj survey results >"$T/k.json"
K=$(cat "$T/k.json")
assert_eq 90 "$(jget 'd["responses"]' "$K")" "90 responses"
assert_eq "[76, 14]" "$(jget '[a["count"] for a in d["questions"][0]["answers"]]' "$K")" "76 women, 14 men"
assert_eq '["удовлетворяет", 80, 88.9]' "$(jget '[d["questions"][16]["answers"][0][k] for k in ("text", "count", "percent")]' "$K")" "80 of 90: 88.9"
assert_eq "[10, 32, 48]" "$(jget '[a["count"] for a in d["questions"][2]["answers"]]' "$K")" "education"
expect_ok q report
assert_match "удовлетворяет \| 80 \| 88,9 % \|" "$(last_out)" "the Markdown report: 88,9 %"
q report --format html >"$ART/report.html"
REP=$(cat "$ART/report.html")
assert_match "88,9 %" "$REP" "the HTML report: 88,9 %"
assert_match "<svg width=" "$REP" "inline SVG bars"
[[ $REP != *"<script"* ]] || fail "the report has a script"

step "the status page counts the responses"
SURL=$(q status --url)
get "$SURL" >/dev/null
assert_match 'id="count-survey" data-count="90"' "$(cat "$T/g.b")" "90 on the status page"

step "the planner's conclusions, and the report as Word and OpenDocument"
printf 'Работой учреждения в целом удовлетворены 88,9 %% опрошенных.\n\nРекомендуется <улучшить> информирование.\n' >"$T/c.txt"
expect_ok q report --conclusions "$T/c.txt"
assert_match "## Выводы" "$(last_out)" "the heading in Russian"
expect_ok q report --format html --conclusions "$T/c.txt"
assert_match "<h2>Выводы</h2>.*&lt;улучшить&gt;" "$(tr '\n' ' ' <"$T/last.out")" "escaped in HTML"
if command -v pandoc >/dev/null; then
	q report --format docx --conclusions "$T/c.txt" >"$ART/report.docx"
	assert_match "Microsoft Word|Zip" "$(file -b "$ART/report.docx")" "a Word file"
	assert_match "88,9 %" "$(pandoc -t plain "$ART/report.docx")" "88,9 % in the Word file"
	q report --format odt >"$ART/report.odt"
	assert_match "OpenDocument|Zip" "$(file -b "$ART/report.odt")" "an OpenDocument file"
fi
expect_fail 1 env PATH=/nonexistent "$QWEEK" --socket "$T/q.sock" report --format docx
assert_match "needs pandoc, which is not installed" "$(last_err)" "a clear message without pandoc"

step "survey import: a table of responses, every row accounted for"
cat >"$T/in.csv" <<'CSV'
Отметка времени,1. Ваш пол,Ваше образование,"4. С какой целью",q17,21
2017/11/10 10:00,женский,высшее и незаконченное высшее,"социальная адаптация несовершеннолетних (досуг, занятия, общение, помощь в развитии), другое",удовлетворяет,всё хорошо
2017/11/10 10:05,Мужской,2,квалифицированная консультационная помощь;другое,4,
,,,,,
2017/11/10 10:07,женский,аспирантура,,удовлетворяет,
CSV
expect_fail 1 q survey import "$T/in.csv"
assert_match "row 5: refused: question 3: «аспирантура» is none of its options" "$(last_out)" "the bad row named"
assert_match "row 4: empty" "$(last_out)" "the empty row accounted for"
assert_eq 90 "$(responses)" "nothing imported while a row is refused"
expect_ok q survey import "$T/in.csv" --skip-bad
assert_match "2 response\(s\) imported" "$(last_out)" "the two good rows"
qj survey results >"$T/k2.json"
assert_eq 92 "$(jget 'd["responses"]' "$(cat "$T/k2.json")")" "92 now"
assert_eq "[69, 25, 2]" "$(jget '[a["count"] for a in d["questions"][3]["answers"]]' "$(cat "$T/k2.json")")" "options joined by a comma or a semicolon"

step "poster and paper form"
expect_ok q survey poster
assert_match "<svg class=\"qr\"" "$(last_out)" "a QR code"
assert_match "${KURL}" "$(last_out)" "the link written out"
expect_ok q survey print
assert_match "☐ удовлетворяет" "$(last_out)" "boxes to tick"

step "rotate: a new link, the old one dead"
expect_ok q survey link --rotate
[[ $(last_out) != "$KURL" ]] || fail "the same link after rotate"
assert_eq 404 "$(get "$KURL")" "the old link is dead"
assert_eq 200 "$(get "$(last_out)")" "the new one works"

stop_daemon
echo "OK"
