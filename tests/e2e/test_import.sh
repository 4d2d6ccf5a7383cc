# Acceptance (issue 7): the deputy director's plan, typos and all, imports in one command with
# every row accounted for and its real mistakes warned about; the Windows-1251 semicolon copy
# imports the same; a second import changes nothing; export to CSV and iCalendar and import
# into an empty plan gives the same items back.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DATA=$QWEEK_SRC/tests/data
SAMPLE=$DATA/nadezhda-2017.csv
CP1251=$DATA/nadezhda-2017-cp1251.csv

# Before the week: nothing is overdue yet, so states stay put.
export QWEEKD_NOW=2017-11-01T03:00:00Z
start_daemon

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
    keep = {k: i[k] for k in ("label", "title", "kind", "when", "start", "end", "due", "who",
                              "where", "description", "state")}
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

step "export ics, import into an empty plan: every item kept"
expect_ok q --plan "$PLAN" export --format ics --output "$T/out.ics"
new_plan fromics
expect_ok qj --plan fromics import "$T/out.ics"
assert_eq "14 0" "$(jget 'str(d["created"]) + " " + str(d["refused"])' "$(last_out)")" "ics round trip"
# A calendar file shows a moment without an end as an hour, and a month's deadline on its
# last day; unless the export says how the WHEN was written (X-QWEEK-WHEN), those are all the
# import can know. Everything else must be the same.
exact=0
grep -q '^X-QWEEK-WHEN' "$T/out.ics" && exact=1
"$PY" - "$exact" <(printf '%s' "$BEFORE") <(items fromics) <<'EOF' || fail "items differ after the iCalendar round trip"
import json, sys
exact = sys.argv[1] == "1"
before, after = (json.load(open(f)) for f in sys.argv[2:4])
key = lambda i: (i["label"], i["title"])
after = {key(i): i for i in after}
bad = 0
for b in before:
    a = after.pop(key(b), None)
    if a is None:
        print("lost:", key(b)); bad = 1; continue
    fields = ["kind", "start", "who", "where", "description", "state", "label", "title"]
    if exact:
        fields += ["end", "due", "when"]
    else:
        if b["end"] is not None or b["kind"] != "event" or "T" not in (b["start"] or ""):
            fields.append("end")
        if b["due"] is not None and len(b["due"]) != 7:
            fields.append("due")
        elif b["due"] is not None and not a["due"].startswith(b["due"]):
            print("month deadline", key(b), b["due"], a["due"]); bad = 1
    for f in fields:
        if a[f] != b[f]:
            print("differs:", key(b), f, b[f], "->", a[f]); bad = 1
    # Without RELATED-TO the parent is found by label: "7.x" under a "7".
    if (a["parent"] or [None])[0] != (b["parent"] or [None])[0]:
        print("parent:", key(b), b["parent"], a["parent"]); bad = 1
if after:
    print("extra:", list(after)); bad = 1
sys.exit(bad)
EOF
expect_ok qj --plan fromics import "$T/out.ics"
assert_eq "0 14" "$(jget 'str(d["created"]) + " " + str(d["unchanged"])' "$(last_out)")" \
	"ics imported again: unchanged"

step "ics with the WHEN as typed (X-QWEEK-WHEN) and parents (RELATED-TO): exactly the same"
# What the export may carry (ask the feed): added here to the export, as it would write them.
qj --plan "$PLAN" list >"$T/list.json"
"$PY" - "$T/list.json" "$T/out.ics" "$T/exact.ics" <<'EOF'
import json, re, sys
items = {i["id"]: i for i in json.load(open(sys.argv[1]))["items"]}
esc = lambda s: s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
out = []
for line in open(sys.argv[2], encoding="utf-8", newline="").read().split("\r\n"):
    out.append(line)
    m = re.match(r"UID:qweek-item-(\d+)(-due)?@(.*)$", line)
    if m and int(m.group(1)) in items:
        it = items[int(m.group(1))]
        out.append("X-QWEEK-WHEN:" + esc(it["when"]))
        if it["parent_id"]:
            out.append("RELATED-TO:qweek-item-%d@%s" % (it["parent_id"], m.group(3)))
open(sys.argv[3], "w", encoding="utf-8", newline="").write("\r\n".join(out))
EOF
new_plan exact
expect_ok qj --plan exact import "$T/exact.ics"
assert_eq "$BEFORE" "$(items exact)" "items after the exact iCalendar round trip"

step "the human summary"
expect_ok q --plan fromcsv import "$SAMPLE"
assert_match 'nadezhda-2017\.csv: UTF-8, separated by ",", header in row 1' "$(last_out)" "summary head"
step "the daemon stops cleanly (no leaks, no valgrind errors)"
stop_daemon
echo "ok"
