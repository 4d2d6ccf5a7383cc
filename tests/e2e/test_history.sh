# The history of a plan (issue 14): every change kept with who made it and through which channel
# (the CLI, a person's page, an import), listed by `qweek history` and its JSON; `qweek undo`
# takes back the asker's last change or change --id N, and is refused, naming them, while later
# changes touched the same rows; an undo is a change of its own.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon
ADMIN=$(id -un)
# hist [ARGS]: the JSON history; field F of change N (0 = newest) with hf N F.
hist() { qj history "$@"; }
hf() { jget "d['changes'][$1]['$2']" "$(hist --limit 100)"; }
dump() { qj list; qj person list; qj plan show; sqlite3 "$T/q.db" "SELECT count(*) FROM changes"; }

step "a plan, people, items: each a change, by the administrator through the CLI"
q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 --tz Asia/Krasnoyarsk >/dev/null
q person add "Иванова А. П." --group "Психологи" >/dev/null
q person add "Петров С. И." >/dev/null
q add "Семинар" --when "14.11 10.00" --no 3 --who "Иванова А. П." >/dev/null
q add "Отчёт" --due 20.11.2017 --no 4 --who "Петров С. И." >/dev/null
J=$(hist)
assert_eq 5 "$(jget "len(d['changes'])" "$J")" "five changes: the plan, two people, two items"
BY=$(jget 'd["changes"][0]["by"]' "$J")
[[ -n $BY ]] || fail "a change without its author"
assert_eq cli "$(jget 'd["changes"][0]["via"]' "$J")" "via the CLI"
assert_eq 3 "$(jget 'd["changes"][1]["ref"]' "$J")" "the change of item 3 names it"
assert_match "пункт 3 «Семинар»: добавлен" "$(jget 'd["changes"][1]["what"]' "$J")" "what, in the plan's words"
assert_eq null "$(jget 'd["changes"][1]["before"]' "$J")" "an insert has nothing before"
assert_eq "Семинар" "$(jget 'd["changes"][1]["after"]["title"]' "$J")" "and the row after"
for k in id at by via what ref before after; do
	jget "d['changes'][0]['$k']" "$J" >/dev/null || fail "no $k in a change"
done

step "done, then the history of item 3 says open → done, in a line a person reads"
q done 3 >/dev/null
expect_ok q history 3
assert_match "^ *[0-9]+  14\.11 12:00 .* \(cli\): пункт 3 «Семинар»: открыт → выполнен$" "$(head -n 1 "$T/last.out")" "the line"
assert_eq 2 "$(hist 3 | jget 'len(d["changes"])')" "two changes of item 3"
assert_eq 1 "$(hist --limit 1 | jget 'len(d["changes"])')" "--limit"

step "a change made on a person's page is the person's, via page"
LINK=$(q person link "Иванова А. П." | head -n 1)
PAGEPATH=/me/${LINK##*/me/}
ID3=$(qj show 3 | jget 'd["id"]')
SEQ=$(qj show 3 | jget 'd["seq"]')
printf 'item=%s&seq=%s&action=reopen' "$ID3" "$SEQ" >"$T/form"
assert_eq 303 "$(http POST "$PAGEPATH" application/x-www-form-urlencoded "$T/form")" "reopened from the page"
assert_eq "Иванова А. П." "$(hf 0 by)" "the page's person"
assert_eq page "$(hf 0 via)" "via page"
assert_match "выполнен → открыт" "$(hf 0 what)" "what"
assert_eq 1 "$(hist --who "иванова а. п." | jget 'len(d["changes"])')" "--who, whatever the case"

step "an import is one change, via import"
printf 'No;Title;When;Who\n7;Круглый стол;15.11.2017 11:00;Петров С. И.\n8;Выставка;15.11.2017 12:00;Петров С. И.\n' >"$T/i.csv"
q import "$T/i.csv" >/dev/null
assert_eq import "$(hf 0 via)" "via import"
assert_eq 4 "$(hf 0 rows)" "two items and their assignments in one change"
assert_match "\(import\): пункт 7" "$(q history --limit 1)" "the import in the list"
N=$(q list | grep -c .)
expect_ok q undo
assert_match "^Undone change [0-9]+ by .*пункт 7 «Круглый стол»: добавлен" "$(last_out)" "undo says what it reverted"
qj show 7 >/dev/null 2>&1 && fail "item 7 is still there after the undo of the import"
qj show 8 >/dev/null 2>&1 && fail "item 8 is still there after the undo of the import"
assert_eq "$(hf 0 undoes)" "$(hf 1 id)" "the undo is a change of its own, naming the one it undid"

step "undo of an edit, of a done"
BEFORE=$(dump)
q edit 4 --title "Отчёт за неделю" >/dev/null
expect_ok q undo
assert_eq "Отчёт" "$(qj show 4 | jget 'd["title"]')" "the title is back"
SEQ4=$(qj show 4 | jget 'd["seq"]')
((SEQ4 >= 2)) || fail "an item put back is a new version for the calendars (seq $SEQ4)"
q done 4 --note "сдан" >/dev/null
expect_ok q undo
assert_eq open "$(qj show 4 | jget 'd["state"]')" "done undone"
assert_eq None "$(qj show 4 | jget 'str(d["done_by"])')" "nobody did it"

step "undo --id: refused while a later change touched the same rows, naming it"
q edit 4 --title "Отчёт 1" >/dev/null
E1=$(hf 0 id)
q edit 4 --where "Кабинет 5" >/dev/null
E2=$(hf 0 id)
assert_eq "пункт 4 «Отчёт 1»: место: «» → «Кабинет 5»" "$(hf 0 what)" "an edit in words"
BEFORE=$(dump)
expect_fail 1 q undo --id "$E1"
assert_match "change $E1 cannot be undone: later changes touched the same things: $E2 " "$(last_err)" "names the later change"
assert_eq "$BEFORE" "$(dump)" "nothing changed by the refusal"
expect_fail 1 q undo --id 999
assert_match "there is no change 999" "$(last_err)" "an unknown change"
expect_fail 1 q undo --id abc
assert_match "change «abc»: give its number" "$(last_err)" "not a number"
q undo --id "$E2" >/dev/null
expect_ok q undo --id "$E1"
assert_eq "Отчёт" "$(qj show 4 | jget 'd["title"]')" "both undone, in order"
expect_fail 1 q undo --id "$E1"
assert_match "was undone already" "$(last_err)" "twice"
P1=$(hist | jget '[c["id"] for c in d["changes"] if "план" in c["what"] and c["before"] is None][0]')
expect_fail 1 q undo --id "$P1"
assert_match "undo cannot remove a plan" "$(last_err)" "the plan's creation"

step "history survives a restart, and a refusal leaves none"
N=$(hist --limit 1000 | jget 'len(d["changes"])')
expect_fail 1 q add "" --when "14.11"
assert_eq "$N" "$(hist --limit 1000 | jget 'len(d["changes"])')" "a refused add is no change"
stop_daemon
start_daemon
assert_eq "$N" "$(hist --limit 1000 | jget 'len(d["changes"])')" "kept"
expect_fail 1 q history --limit 0
assert_match "limit «0»" "$(last_err)" "a bad limit"
expect_fail 1 q history 99
assert_match "99" "$(last_err)" "an unknown item"
echo "ok"
