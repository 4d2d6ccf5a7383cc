# Next year's plan (issue 14): the sample plan of 2017, imported, half done, copied to 2018.
# Every item's instants move by the same 364 days, every item is open again without notes,
# each WHEN reads as written with its new dates ("14.11 в 15.00" → "13.11 в 15.00"), people,
# groups and reminder rules come along, links do not. Each refusal changes nothing.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export QWEEKD_NOW=2017-11-20T03:00:00Z
start_daemon

api() { curl -sf --unix-socket "$T/q.sock" "http://localhost$1"; }

# plans: every plan with its items as they are, to show that a refusal changed nothing.
plans() {	# every plan with its items as they are (curl: quicker than the client)
	local s
	for s in $(api /api/v1/plans | jget '" ".join(p["slug"] for p in d["plans"])'); do
		echo "== $s"
		api "/api/v1/plans/$s"
		api "/api/v1/plans/$s/items"
		api "/api/v1/plans/$s/people"
		api "/api/v1/plans/$s/remind"
	done
}

step "the plan of 2017, imported, some of it done"
q plan new "Неделя качества социальных услуг 2017" --from 08.11.2017 --to 15.11.2017 \
	--tz Asia/Krasnoyarsk --slug nk2017 >/dev/null
export QWEEK_PLAN=nk2017
q import "$QWEEK_SRC/tests/data/nadezhda-2017.csv" >/dev/null 2>&1
q done 7.3 --note "провели, 12 детей" >/dev/null
q done 5 >/dev/null
q cancel 8 --note "перенесли" >/dev/null
q plan edit --remind "events 2d, 2h" >/dev/null
q remind set 7.2 "1w" >/dev/null
q person add "Иванова А. П." --role "заместитель директора" --group "Психологи" >/dev/null
q person link "Иванова А. П." >/dev/null
q plan edit --director "Директор" >/dev/null
before=$(plans)

step "refusals: no title, no first day, a date that is none, a slug taken, no such plan"
expect_fail 2 q plan copy --from 07.11.2018
expect_fail 2 q plan copy --title "Неделя качества 2018"
expect_fail 1 q plan copy --title "Неделя качества 2018" --from 31.02.2018
expect_fail 1 q plan copy --title "Неделя качества 2018" --from 07.11.2018 --slug nk2017
assert_match "already a plan «nk2017»" "$(last_err)"
expect_fail 1 q plan copy --title "Неделя качества 2018" --from 07.11.2018 --to 01.11.2018
assert_match "ends \(01.11.2018\) before it starts" "$(last_err)"
expect_fail 1 q plan copy nosuch --title "Неделя качества 2018" --from 07.11.2018
assert_match "no plan «nosuch»" "$(last_err)"
assert_eq "$before" "$(plans)" "plans after the refusals"

step "the copy: prints its slug, says what it copied"
expect_ok q plan copy nk2017 --title "Неделя качества социальных услуг 2018" --from 07.11.2018
NEW=$(last_out)
assert_eq "nedelya-kachestva-sotsialnykh-uslug-2018" "$NEW" "new slug"
assert_match "copied 14 items and 9 people from nk2017, dates moved by 364 days" "$(last_err)"
assert_eq "$before" "$(plans | sed -n "/^== $NEW/q;p")" "the old plan after the copy"
show=$(qj --plan "$NEW" plan show)
assert_eq "2018-11-07 2018-11-14 Asia/Krasnoyarsk ru Директор" \
	"$(jget '" ".join([d["from"], d["to"], d["tz"], d["lang"], d["director"]])' "$show")" \
	"the new plan's days, zone, language, director"

step "every item: moved by 364 days, open, no note, the same people and parent"
qj --plan nk2017 list >"$T/old.json"
qj --plan "$NEW" list >"$T/new.json"
"$PY" - "$T/old.json" "$T/new.json" <<'PY' || fail "items of the copy"
import json, sys
from datetime import datetime, timedelta
old = json.load(open(sys.argv[1]))["items"]
new = json.load(open(sys.argv[2]))["items"]
assert len(old) == len(new) == 14, (len(old), len(new))
days = timedelta(days=364)
for o, n in zip(old, new):
    for k in ("label", "title", "kind", "who", "parent", "description", "where"):
        assert o[k] == n[k], (k, o[k], n[k])
    assert n["state"] == "open" and n["note"] is None and n["done_by"] is None, n
    for k in ("start", "end", "due"):
        if o[k] is None:
            assert n[k] is None, (k, n)
        elif len(o[k]) == 7:   # a month: the same month a year on
            assert n[k] == str(int(o[k][:4]) + 1) + o[k][4:], (o[k], n[k])
        else:
            a, b = datetime.fromisoformat(o[k]), datetime.fromisoformat(n[k])
            assert b - a == days, (o["label"], k, o[k], n[k])
PY

step "each WHEN rewritten in the form it was written"
"$PY" - "$T/old.json" "$T/new.json" <<'PY' || fail "WHEN texts"
import json, sys
want = {
    "до 08.11.2017": "до 07.11.2018", "08.11. - 15.11. 2017": "07.11. - 14.11. 2018",
    "10.11.2017\n10.00": "09.11.2018\n10.00", "10.11.2016\n17:00": "09.11.2017\n17:00",
    "14.11 9.00-18.00": "13.11 9.00-18.00", "14.11 в 15.00": "13.11 в 15.00",
    "14.11 в 16.30": "13.11 в 16.30", "14.11 16.00": "13.11 16.00",
    "15.11\n14.00": "14.11\n14.00", "До 24.11.2017": "До 23.11.2018",
    "декабрь 2016": "декабрь 2017",
}
flat = lambda s: s.replace("\n", " ")   # the import keeps a cell's lines as one
want = {flat(k): flat(v) for k, v in want.items()}
old = [i["when"] for i in json.load(open(sys.argv[1]))["items"]]
new = [i["when"] for i in json.load(open(sys.argv[2]))["items"]]
assert set(old) == set(want), set(old) ^ set(want)
for o, n in zip(old, new):
    assert want[o] == n, (o, n, want[o])
PY

step "people, groups, reminder rules come along; links do not"
assert_eq "$(qj --plan nk2017 person list | jget '[(p["name"], p["kind"], p["role"], p["groups"]) for p in d["people"]]')" \
	"$(qj --plan "$NEW" person list | jget '[(p["name"], p["kind"], p["role"], p["groups"]) for p in d["people"]]')" \
	"people and groups"
assert_eq '{"deadlines": "3d, 1d, 09:00", "events": "2d, 2h", "overdue": "09:00", "own": ["events"]}' \
	"$(api "/api/v1/plans/$NEW/remind" | jget 'd["remind"]')" "the plan's rules"
assert_match "1w" "$(q --plan "$NEW" remind show 7.2)" "the item's own rule"
assert_eq 1 "$(api "/api/v1/plans/nk2017/feeds" | jget 'int(len(d["feeds"]) > 0)')" "feeds of 2017"
assert_eq 0 "$(api "/api/v1/plans/$NEW/feeds" | jget 'len(d["feeds"])')" "feeds of the copy"

step "a second copy of the same title gets a slug of its own; --weekday keeps the weekday"
# 8 November 2018 is a Thursday; the plan of 2017 began on a Wednesday: 365 days is not whole
# weeks, so the dates move by the 52 weeks nearest, and the plan begins on Wednesday 7 November.
expect_ok q plan copy --title "Неделя качества социальных услуг 2018" --from 08.11.2018 --weekday
W=$(last_out)
assert_eq "nedelya-kachestva-sotsialnykh-uslug-2018-2" "$W" "second slug"
assert_eq "2018-11-07 2018-11-14" "$(qj --plan "$W" plan show | jget 'd["from"] + " " + d["to"]')" \
	"weekday copy: days"
assert_eq "13.11 в 15.00" "$(qj --plan "$W" list | jget '[i["when"] for i in d["items"] if i["label"] == "7.3"][0]')" \
	"weekday copy: a WHEN"

step "without --weekday, the plain shift: 365 days"
expect_ok q plan copy --title "Неделя 2018 ровно год" --from 08.11.2018 --slug plain
assert_eq "14.11 в 15.00" "$(qj --plan plain list | jget '[i["when"] for i in d["items"] if i["label"] == "7.3"][0]')" \
	"plain copy: a WHEN"
