# The survey in a real browser (issue 17), through survey_check.py (Selenium, axe-core): the
# form at 390 and 1280 px reads well and has no serious accessibility violation, a response is
# given by tapping the answers' labels, the thanks leads back to an empty form by itself, also
# with JavaScript off; the report's HTML has no script and is printed to PDF (kept with the
# screenshots under the build folder's artefacts/survey).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ART=${QWEEK_BUILD:-$T}/artefacts/survey
mkdir -p "$ART"
AXE=$QWEEK_SRC/tests/e2e/node_modules/axe-core/axe.min.js
[[ -f $AXE ]] || skip "axe-core is not installed (bash scripts/deps.sh --npm)"
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon --listen "127.0.0.1:$PORT"
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk \
	--lang ru --org "МБУ СО «ЦСПСиД «Надежда»" >/dev/null
q survey new --template clients-ru >/dev/null
URL=$(q survey link)

step "one response, then the report as HTML"
"$PY" "$QWEEK_SRC/tests/e2e/survey_client.py" fill "$URL" \
	'{"1": "женский", "3": "высшее и незаконченное высшее", "17": "удовлетворяет"}' \
	--unix "$T/q.sock" >/dev/null
q report --format html >"$ART/report.html"

step "the form and the report in Chromium"
cat >"$T/spec.json" <<JSON
{"url": "$URL", "shots": "$ART", "axe": "$AXE", "lang": "ru", "report": "$ART/report.html"}
JSON
rc=0
timeout 240 "$PY" "$QWEEK_SRC/tests/e2e/survey_check.py" "$T/spec.json" || rc=$?
((rc == 77)) && exit 77
((rc == 0)) || fail "the browser checks (rc $rc)"

step "what the browser sent was stored"
assert_eq 4 "$(qj survey show | jget 'd["responses"]')" "one by hand, three by the browser"
R=$(qj survey results)
assert_eq 3 "$(jget '[a["text"] for a in d["questions"][7]["answers"]].__len__()' "$R")" "three typed answers"
stop_daemon
echo "OK"
