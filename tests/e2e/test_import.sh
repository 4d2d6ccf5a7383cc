# Acceptance (issue 7): the deputy director's plan, typos and all, imports in one command with
# every row accounted for and its real mistakes warned about; the Windows-1251 semicolon copy
# imports the same; a second import changes nothing; export to CSV and iCalendar and import
# into an empty plan gives exactly the same items back (iCalendar: with their parents, the WHEN
# as typed, their states with when, by whom and the note, also without to-dos and in any
# order).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DATA=$QWEEK_SRC/tests/data
SAMPLE=$DATA/nadezhda-2017.csv
CP1251=$DATA/nadezhda-2017-cp1251.csv

# Before the week: nothing is overdue yet, so states stay put.
export QWEEKD_NOW=2017-11-01T03:00:00Z
start_daemon

clock() {	# clock INSTANT: the daemon's time (QWEEKD_NOW) moves there
	curl -sf --unix-socket "$T/q.sock" -X PUT -H 'Content-Type: application/json' \
		-d "{\"now\": \"$1\"}" http://localhost/api/v1/clock >/dev/null || fail "clock $1"
}

new_plan() {	# new_plan SLUG: the plan of the sample, under the slug SLUG
	q plan new "Неделя качества социальных услуг 2017" --from 08.11.2017 --to 15.11.2017 \
		--tz Asia/Krasnoyarsk --slug "$1" >/dev/null
}

# items SLUG: the plan's items as comparable JSON: no ids, stamps or sequence numbers; the
# parent named by its label and title (a label alone is ambiguous in this plan: two "7").
items() {
	qj --plan "$1" list | "$PY" -c '
import json, sys
items = json.load(sys.stdin)["items"]
by_id = {i["id"]: i for i in items}
out = []
for i in items:
    p = by_id.get(i["parent_id"])
    keep = {k: i.get(k) for k in ("label", "title", "kind", "when", "start", "end", "due", "who",
                                  "where", "description", "state", "done_at", "done_by", "note",
                                  "cancelled_at")}
    keep["parent"] = [p["label"], p["title"]] if p else None
    out.append(keep)
print(json.dumps(out, ensure_ascii=False, sort_keys=True, indent=1))
'
}

step "the plan from the brief"
expect_ok q plan new "Неделя качества социальных услуг 2017" --from 08.11.2017 --to 15.11.2017 \
	--tz Asia/Krasnoyarsk
PLAN=$(last_out)
export QWEEK_PLAN=$PLAN

step "dry run: every row shown, nothing changed"
dry=$(qj --plan "$PLAN" import --dry-run "$SAMPLE")
assert_eq true "$(jget 'd["dry_run"]' "$dry")" "dry_run"
assert_eq false "$(jget 'd["committed"]' "$dry")" "committed"
assert_eq 14 "$(jget 'd["created"]' "$dry")" "dry run: would create"
assert_eq "$(seq -s ' ' 2 15)" "$(jget '" ".join(str(r["row"]) for r in d["rows"])' "$dry")" \
	"dry run: rows"
assert_eq kind:deadline "$(jget '"kind:" + d["rows"][0]["item"]["kind"]' "$dry")" "dry run: item"
assert_eq 0 "$(jget 'len(d["items"])' "$(qj --plan "$PLAN" list)")" "items after a dry run"
assert_eq 0 "$(jget 'len(d["people"])' "$(curl -sf --unix-socket "$T/q.sock" \
	"http://localhost/api/v1/plans/$PLAN/people")")" "people after a dry run"
expect_ok q --plan "$PLAN" import --dry-run "$SAMPLE"
assert_match 'dry run, nothing changed: 14 rows: 14 would be created' "$(last_out)" "dry run summary"

step "import: 14 rows, 14 items, the real typos warned about"
expect_ok qj --plan "$PLAN" import "$SAMPLE"
reply=$(last_out)
assert_eq "14 0 0 0" "$(jget '" ".join(str(d[k]) for k in ("created", "updated", "unchanged", "refused"))' "$reply")" \
	"counts"
assert_eq 14 "$(jget 'len(d["rows"])' "$reply")" "rows accounted for"
assert_eq true "$(jget 'd["committed"]' "$reply")" "committed"
warnings=$(jget '"\n".join(d["warnings"])' "$reply")
assert_match 'row 7: «10\.11\.2016 17:00» is in 2016, but the plan is in 2017: probably «10\.11\.2017 17:00»' \
	"$warnings" "warning: 10.11.2016"
assert_match 'row 15: «декабрь 2016» is in 2016, but the plan is in 2017: probably «декабрь 2017»' \
	"$warnings" "warning: декабрь 2016"
assert_match 'row 14: № 7 is already used by row 8' "$warnings" "warning: № 7 twice"
assert_match 'row 8: «Заведующие отделений» is nearly «Заведующие отделениями»' "$warnings" \
	"warning: near names"
assert_eq 4 "$(jget 'len(d["warnings"])' "$reply")" "no other warnings"
assert_match 'Психологи' "$(jget '" ".join(d["groups_created"])' "$reply")" "groups created"

step "the items: kinds and instants"
it=$(item_by_label 7.3)
assert_eq event "$(jget 'd["kind"]' "$it")" "7.3 kind"
assert_eq 2017-11-14T15:00:00+07:00 "$(jget 'd["start"]' "$it")" "7.3 start"
assert_eq "7" "$(jget 'd["parent"]' "$it")" "7.3 parent"
it=$(item_by_label 1)
assert_eq "deadline 2017-11-08" "$(jget 'd["kind"] + " " + d["due"]' "$it")" "1: до 08.11.2017"
assert_eq '["Заместитель директора", "Заведующие отделениями"]' "$(jget 'd["who"]' "$it")" \
	"1: two people in one cell"
it=$(item_by_label 2)
assert_eq "span 2017-11-08 2017-11-15" "$(jget 'd["kind"] + " " + d["start"] + " " + d["end"]' "$it")" \
	"2: 08.11. - 15.11. 2017"
it=$(item_by_label 5)
assert_eq "event 2017-11-10T10:00:00+07:00" "$(jget 'd["kind"] + " " + d["start"]' "$it")" \
	"5: time on its own line"
it=$(item_by_label 7.1)
assert_eq "2017-11-14T09:00:00+07:00 2017-11-14T18:00:00+07:00" "$(jget 'd["start"] + " " + d["end"]' "$it")" \
	"7.1: 14.11 9.00-18.00"
it=$(item_by_label 9)
assert_eq "deadline 2016-12" "$(jget 'd["kind"] + " " + d["due"]' "$it")" "9: kept as written"
list=$(qj --plan "$PLAN" list)
assert_eq "Проведение Дня открытых дверей" \
	"$(jget '[p["title"] for p in d["items"] for c in d["items"] if c["label"] == "7.4" and p["id"] == c["parent_id"]][0]' "$list")" \
	"7.4 belongs to the first 7"
assert_eq "deadline 2017-11-24" \
	"$(jget '[i["kind"] + " " + i["due"] for i in d["items"] if i["label"] == "7" and i["kind"] == "deadline"][0]' "$list")" \
	"the second 7: До 24.11.2017"
people=$(curl -sf --unix-socket "$T/q.sock" "http://localhost/api/v1/plans/$PLAN/people")
assert_eq "group person" \
	"$(jget '" ".join(p["kind"] for n in ("Заведующие отделениями", "Директор") for p in d["people"] if p["name"] == n)' "$people")" \
	"a plural role is a group, a role a person"
BEFORE=$(items "$PLAN")

step "a second import changes nothing"
expect_ok qj --plan "$PLAN" import "$SAMPLE"
assert_eq "0 0 14" "$(jget '" ".join(str(d[k]) for k in ("created", "updated", "unchanged"))' "$(last_out)")" \
	"second import"
assert_eq 0 "$(jget 'len(d["people_created"])' "$(last_out)")" "no one new"
assert_eq "$BEFORE" "$(items "$PLAN")" "items after the second import"
assert_eq 0 "$(jget 'sum(i["seq"] for i in d["items"])' "$(qj --plan "$PLAN" list)")" \
	"no item was written again"

step "the Windows-1251 copy with semicolons imports identically"
new_plan cp1251
expect_ok qj --plan cp1251 import "$CP1251"
assert_eq "Windows-1251 ;" "$(jget 'd["file"]["encoding"] + " " + d["file"]["delimiter"]' "$(last_out)")" \
	"detected"
assert_eq 14 "$(jget 'd["created"]' "$(last_out)")" "cp1251: created"
assert_eq "$BEFORE" "$(items cp1251)" "cp1251: items"
expect_ok qj --plan cp1251 import --encoding cp1251 "$CP1251"
assert_eq 14 "$(jget 'd["unchanged"]' "$(last_out)")" "cp1251 forced, again: unchanged"

step "a corrected file updates its rows only"
sed -e 's/10\.11\.2016/10.11.2017/' -e 's/декабрь 2016/декабрь 2017/' "$SAMPLE" >"$T/fixed.csv"
expect_ok qj --plan "$PLAN" import "$T/fixed.csv"
assert_eq "0 2 12" "$(jget '" ".join(str(d[k]) for k in ("created", "updated", "unchanged"))' "$(last_out)")" \
	"corrected import"
assert_eq 2017-11-10T17:00:00+07:00 "$(jget 'd["start"]' "$(item_by_label 6)")" "6 corrected"
expect_ok qj --plan "$PLAN" import "$SAMPLE"	# back as the sample has it
BEFORE=$(items "$PLAN")

step "export csv, import into an empty plan: the same items"
expect_ok q --plan "$PLAN" export --format csv --output "$T/out.csv"
head -c 3 "$T/out.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail "the CSV has no byte order mark"
new_plan fromcsv
expect_ok qj --plan fromcsv import "$T/out.csv"
assert_eq "14 0" "$(jget 'str(d["created"]) + " " + str(d["refused"])' "$(last_out)")" "csv round trip"
assert_eq "$BEFORE" "$(items fromcsv)" "items after the CSV round trip"
q --plan "$PLAN" export --format csv >"$T/stdout.csv"
cmp -s "$T/out.csv" "$T/stdout.csv" || fail "export to stdout differs from --output"

step "export ics, import into an empty plan: exactly the same items"
expect_ok q --plan "$PLAN" export --format ics --output "$T/out.ics"
# What makes it exact: a moment without an end shows as an hour and a month's deadline on its
# last day, so the export says how the WHEN was written (X-QWEEK-WHEN); two items are "7", so
# a child names its parent's UID (RELATED-TO).
"$PY" -c 'import sys; print(open(sys.argv[1], encoding="utf-8", newline="").read().replace("\r\n ", ""), end="")' \
	"$T/out.ics" >"$T/out.unfolded"
grep -q $'^X-QWEEK-WHEN:14.11 в 15.00\r$' "$T/out.unfolded" || fail "no X-QWEEK-WHEN for 7.3"
grep -q $'^X-QWEEK-WHEN:декабрь 2016\r$' "$T/out.unfolded" || fail "no X-QWEEK-WHEN for 9"
qj --plan "$PLAN" list >"$T/list.json"
"$PY" - "$T/out.unfolded" "$T/list.json" <<'EOF' || fail "7.x do not name the first 7 as their parent"
import json, re, sys
text, items = open(sys.argv[1], encoding="utf-8", newline="").read(), json.load(open(sys.argv[2]))["items"]
first7 = [i["id"] for i in items if i["label"] == "7"][0]
for child in (i for i in items if i["label"].startswith("7.")):
    comp = re.search(r"UID:qweek-item-%d@[^\r]*\r\n(.*?)END:VEVENT" % child["id"], text, re.S).group(1)
    if "\r\nRELATED-TO:qweek-item-%d@" % first7 not in "\r\n" + comp:
        sys.exit("%s: no RELATED-TO the first 7" % child["label"])
EOF
new_plan fromics
expect_ok qj --plan fromics import "$T/out.ics"
assert_eq "14 0" "$(jget 'str(d["created"]) + " " + str(d["refused"])' "$(last_out)")" "ics round trip"
assert_eq "$BEFORE" "$(items fromics)" "items after the iCalendar round trip"
expect_ok qj --plan fromics import "$T/out.ics"
assert_eq "0 14" "$(jget 'str(d["created"]) + " " + str(d["unchanged"])' "$(last_out)")" \
	"ics imported again: unchanged"

step "ics without to-dos (?todo=none), children before their parents: exactly the same"
# A deadline is then only its calendar copy ("Срок: …", UID …-due@…), while a child's
# RELATED-TO names the item's UID; and a file need not list a parent before its children.
expect_ok q --plan "$PLAN" add "Согласование плана с директором" --due "до 07.11.2017" --no 1.1 --parent 1
BEFORE=$(items "$PLAN")
curl -sf --unix-socket "$T/q.sock" "http://localhost/api/v1/plans/$PLAN/export.ics?todo=none" \
	>"$T/none.ics" || fail "export ?todo=none"
grep -q '^BEGIN:VTODO' "$T/none.ics" && fail "?todo=none has a VTODO"
"$PY" - "$T/none.ics" "$T/reversed.ics" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
head, rest = text.split("BEGIN:VEVENT", 1)
body, tail = ("BEGIN:VEVENT" + rest).rsplit("END:VCALENDAR", 1)
comps = ["BEGIN:VEVENT" + c for c in body.split("BEGIN:VEVENT")[1:]]
out = head + "".join(reversed(comps)) + "END:VCALENDAR" + tail
open(sys.argv[2], "w", encoding="utf-8", newline="").write(out)
EOF
new_plan fromnone
expect_ok qj --plan fromnone import "$T/reversed.ics"
assert_eq "15 0" "$(jget 'str(d["created"]) + " " + str(d["refused"])' "$(last_out)")" \
	"todo=none round trip"
# The two "7" are created the other way round, so they list the other way round: as sets.
by_title() { "$PY" -c 'import json, sys; print(json.dumps(sorted(json.load(sys.stdin), key=lambda i: (i["label"], i["title"])), ensure_ascii=False, sort_keys=True, indent=1))'; }
assert_eq "$(by_title <<<"$BEFORE")" "$(items fromnone | by_title)" \
	"items after the round trip without to-dos"

step "done and cancelled items keep their state, its time, who and the note through iCalendar"
# The state is carried (a done to-do is COMPLETED, a done or cancelled event's title marked),
# and so are when, by whom and the note (X-QWEEK-DONE, -DONE-BY, -CANCELLED, -NOTE): the import
# runs days later, so a state stamped at the import's time would show. A deadline typed with
# --due as "17.11" is written as a WHEN that reads back as a deadline: "до 17.11.2017".
NOTE=$'Проведено: 12 детей; подарки — родителям\nвторая строка, с запятой \\ и косой'
clock 2017-11-14T09:30:00Z
expect_ok q --plan fromics done 7.3 --note "$NOTE"
expect_ok q --plan fromics done 1
expect_ok q --plan fromics cancel 8 --note "Перенесено"
expect_ok q --plan fromics add "Сдать отчёт в управление" --due "17.11"
STATES=$(items fromics)
assert_eq "cancelled done done" "$(jget '" ".join(sorted(i["state"] for i in d if i["state"] != "open"))' "$STATES")" \
	"states before the export"
assert_eq "$NOTE" "$(jget '[i["note"] for i in d if i["label"] == "7.3"][0]' "$STATES")" "the note as typed"
assert_eq "17.11 deadline" "$(jget '[i["when"] + " " + i["kind"] for i in d if i["title"] == "Сдать отчёт в управление"][0]' "$STATES")" \
	"--due 17.11"
expect_ok q --plan fromics export --format ics --output "$T/states.ics"
"$PY" -c 'import sys; print(open(sys.argv[1], encoding="utf-8", newline="").read().replace("\r\n ", ""), end="")' \
	"$T/states.ics" >"$T/states.unfolded"
grep -q $'^X-QWEEK-WHEN:до 17.11.2017\r$' "$T/states.unfolded" || fail "X-QWEEK-WHEN of --due 17.11"
grep -q $'^X-QWEEK-WHEN:17.11\r$' "$T/states.unfolded" && fail "X-QWEEK-WHEN:17.11 reads back as an event"
clock 2017-11-20T02:00:00Z
new_plan states
expect_ok qj --plan states import "$T/states.ics"
assert_eq "15 0" "$(jget 'str(d["created"]) + " " + str(d["refused"])' "$(last_out)")" \
	"states round trip"
# The one difference: "17.11" comes back as the WHEN that says it is a deadline.
WANT=$("$PY" -c '
import json, sys
items = json.load(sys.stdin)
for i in items:
    if i["when"] == "17.11":
        i["when"] = "до 17.11.2017"
print(json.dumps(items, ensure_ascii=False, sort_keys=True, indent=1))' <<<"$STATES")
assert_eq "$WANT" "$(items states)" "items, with their states, when, who and notes, after the round trip"
assert_eq "2017-11-14T16:30:00+07:00 2017-11-14T16:30:00+07:00 2017-11-14T16:30:00+07:00" \
	"$(jget '" ".join(sorted(i["done_at"] or i["cancelled_at"] for i in d if i["state"] != "open"))' "$(items states)")" \
	"done and cancelled on the 14th, not at the import"

step "iCalendar from elsewhere, without X-QWEEK-*: a to-do done at its COMPLETED"
# Another calendar says when a to-do was completed (COMPLETED), not by whom; a cancelled event
# says neither when nor why: it is cancelled at the time of the import.
cat >"$T/other.ics" <<'EOF'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//Calendar//EN
BEGIN:VTODO
UID:done@example.org
SUMMARY:Отчёт сдан
DUE;VALUE=DATE:20171113
STATUS:COMPLETED
COMPLETED:20171112T050000Z
DESCRIPTION:Выполнено: 12.11.2017 12:00 (кто-то)\nПримечание: не qweek
END:VTODO
BEGIN:VEVENT
UID:off@example.org
SUMMARY:Встреча отменена
DTSTART:20171114T030000Z
STATUS:CANCELLED
END:VEVENT
END:VCALENDAR
EOF
new_plan other
expect_ok qj --plan other import "$T/other.ics"
assert_eq "2 0" "$(jget 'str(d["created"]) + " " + str(d["refused"])' "$(last_out)")" "other calendar"
assert_eq "done 2017-11-12T12:00:00+07:00 None None" \
	"$(jget '" ".join(str(i[k]) for i in d if i["title"] == "Отчёт сдан" for k in ("state", "done_at", "done_by", "note"))' "$(items other)")" \
	"a to-do completed elsewhere"
assert_eq "cancelled 2017-11-20T09:00:00+07:00" \
	"$(jget '" ".join(str(i[k]) for i in d if i["title"] == "Встреча отменена" for k in ("state", "cancelled_at"))' "$(items other)")" \
	"an event cancelled elsewhere: at the import"

step "the human summary"
expect_ok q --plan fromcsv import "$SAMPLE"
assert_match 'nadezhda-2017\.csv: UTF-8, separated by ",", header in row 1' "$(last_out)" "summary head"
step "the daemon stops cleanly (no leaks, no valgrind errors)"
stop_daemon
echo "ok"
