#!/usr/bin/env bash
# CSV export → import into a fresh plan gives every item back with the same kind, start, end
# and due: a WHEN is written as typed when it reads back as the same, and a deadline given with
# --due ("17.11", "16.11 18:00"), which as typed would read as an event, is written as one
# ("до 17.11.2017", "до 16.11.2017 18:00"); an instant that local time cannot name (the hour
# the clocks go back) keeps its offset. Also in an English plan ("by 17.11.2017").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export QWEEKD_NOW=2017-11-01T03:00:00Z
start_daemon

# new_plan SLUG LANG: a plan of the week in Kyiv (the clocks went back on 29.10.2017 at 04:00).
new_plan() {
	q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 --tz Europe/Kyiv \
		--lang "$2" --slug "$1" >/dev/null
}

# items SLUG: label, title, kind, start, end and due of each item, as JSON lines.
items() {
	qj --plan "$1" list | "$PY" -c '
import json, sys
for i in json.load(sys.stdin)["items"]:
    print(json.dumps({k: i[k] for k in ("label", "title", "kind", "start", "end", "due")},
                     ensure_ascii=False, sort_keys=True))
'
}

# when_cells FILE: "№ | WHEN" of each row of an exported CSV.
when_cells() {
	"$PY" -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
for r in rows[1:]:
    print("%s | %s" % (r[0], r[2]))
' "$1"
}

# add SLUG NO OPTION WHEN: an item numbered NO, WHEN given with --due or --when.
add() { expect_ok q --plan "$1" add "Пункт $2" --no "$2" "$3" "$4"; }

step "a plan with deadlines given with --due, month deadlines, events and spans"
new_plan ru ru
add ru 1 --due "17.11"
add ru 2 --due "16.11 18:00"
add ru 3 --due "16.11 в 9.00:30"
add ru 4 --due "27.10.2026 18:00"
add ru 5 --due "до 24.11.2017"
add ru 6 --due "декабрь 2017"
add ru 7 --when "декабрь 2017"
add ru 8 --when "до 15.11"
add ru 9 --due "29.10.2017 03:30"
add ru 10 --due "2017-10-29T03:30:00+02:00"
add ru 11 --due "2017-11-16T10:00:00Z"
add ru 12 --when "14.11 15.00"
add ru 13 --when "14.11 15.00-17.00"
add ru 14 --when "13.11-15.11"
add ru 15 --when "15.11"
add ru 16 --when "2017-10-29T03:30:00+02:00"
BEFORE=$(items ru)
assert_eq 16 "$(wc -l <<<"$BEFORE")" "items"
assert_eq 11 "$(grep -c '"kind": "deadline"' <<<"$BEFORE")" "deadlines"

step "export: deadlines written so that they read back as deadlines"
expect_ok q --plan ru export --format csv --output "$T/ru.csv"
assert_eq "1 | до 17.11.2017
2 | до 16.11.2017 18:00
3 | до 16.11.2017 09:00:30
4 | до 27.10.2026 18:00
5 | до 24.11.2017
6 | декабрь 2017
7 | декабрь 2017
8 | до 15.11
9 | до 29.10.2017 03:30
10 | до 2017-10-29T03:30:00+02:00
11 | до 16.11.2017 12:00
12 | 14.11 15.00
13 | 14.11 15.00-17.00
14 | 13.11-15.11
15 | 15.11
16 | 2017-10-29T03:30:00+02:00" "$(when_cells "$T/ru.csv")" "the WHEN cells"

step "import into a fresh plan: the same kind, start, end and due for every item"
new_plan ru2 ru
expect_ok qj --plan ru2 import "$T/ru.csv"
assert_eq "16 0" "$(jget 'str(d["created"]) + " " + str(d["refused"])' "$(last_out)")" "imported"
if [[ $(items ru2) != "$BEFORE" ]]; then
	diff <(echo "$BEFORE") <(items ru2) | sed 's/^/   /' >&2 || true
	fail "the items after the round trip differ (< before, > after)"
fi

step "the same in an English plan"
new_plan en en
add en 1 --due "17.11"
add en 2 --due "16.11 18:00"
add en 3 --due "December 2017"
add en 4 --when "14.11 15.00"
BEFORE=$(items en)
expect_ok q --plan en export --format csv --output "$T/en.csv"
assert_eq "1 | by 17.11.2017
2 | by 16.11.2017 18:00
3 | December 2017
4 | 14.11 15.00" "$(when_cells "$T/en.csv")" "the WHEN cells"
new_plan en2 en
expect_ok qj --plan en2 import "$T/en.csv"
assert_eq "4 0" "$(jget 'str(d["created"]) + " " + str(d["refused"])' "$(last_out)")" "imported"
assert_eq "$BEFORE" "$(items en2)" "the items after the round trip"

stop_daemon
