# Changing and removing what a planner put in by mistake (issue 14): person edit/remove, group
# edit/remove, delete; each refusal clear, naming what was typed, and changing nothing (the
# JSON of the plan is the same before and after); a near-duplicate group asks for --new-group;
# every one of these is a change in the history that undo takes back.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon
# dump: the plan as the API shows it, and how long its history is (a refusal records nothing).
dump() { qj list; qj person list; sqlite3 "$T/q.db" "SELECT count(*) FROM changes"; }
# refused CODE ARGS...: the command fails with CODE, and the plan is as it was.
refused() {
	local code=$1 before
	shift
	before=$(dump)
	expect_fail "$code" q "$@"
	assert_eq "$before" "$(dump)" "nothing changed by [$*]"
}
person() { qj person list | jget "[p for p in d['people'] if p['name'] == '$1'][0]['$2']"; }

q plan new "Тиждень якості 2017" --from 08.11.2017 --to 15.11.2017 --tz Europe/Kyiv --lang uk >/dev/null
q person add "Іваненко О. П." --group "Соціальні працівники" >/dev/null
q person add "Петренко С. І." >/dev/null
q add "Семінар" --when "14.11 10.00" --no 3 --who "Іваненко О. П." >/dev/null
q add "Звіт" --due 20.11.2017 --no 4 --who "Петренко С. І." >/dev/null
q add "Розділ" --when "15.11" --no 5 >/dev/null
q add "Підпункт" --when "15.11" --no 5.1 --parent 5 >/dev/null
q done 4 --by "Петренко С. І." >/dev/null

step "person add near an existing group: did you mean, and --new-group to insist"
refused 1 person add "Коваль М. В." --group "Соціальні прцівники"
assert_match "did you mean «Соціальні працівники»" "$(last_err)" "the near group named"
assert_match "new-group" "$(last_err)" "how to insist"
expect_ok q person add "Коваль М. В." --group "Соціальні прцівники" --new-group
assert_eq group "$(person "Соціальні прцівники" kind)" "made when insisted on"

step "person edit: name, e-mail, role, groups; the items follow"
expect_ok q person edit "Іваненко О. П." --name "Іваненко О. П.-Коваль" --email "iv@example.org" --role психолог --leave "Соціальні працівники"
assert_eq "iv@example.org" "$(person "Іваненко О. П.-Коваль" email)" "e-mail"
assert_eq "психолог" "$(person "Іваненко О. П.-Коваль" role)" "role"
assert_eq "[]" "$(person "Іваненко О. П.-Коваль" groups)" "left the group"
assert_eq '["Іваненко О. П.-Коваль"]' "$(qj show 3 | jget 'd["who"]')" "item 3 follows the name"
expect_ok q person edit "Іваненко О. П.-Коваль" --group "Соціальні працівники"
assert_eq '["Соціальні працівники"]' "$(person "Іваненко О. П.-Коваль" groups)" "joined again"

step "person edit refusals change nothing"
refused 1 person edit "Нікого" --role x
assert_match "no person or group «Нікого»" "$(last_err)" "unknown"
refused 1 person edit "Петренко С. І." --name "іваненко о. п.-коваль"
assert_match "already a person or group named" "$(last_err)" "a name taken, whatever the case"
refused 1 person edit "Петренко С. І." --email "not-an-address"
assert_match "«not-an-address» is not an e-mail address" "$(last_err)" "e-mail checked as on add"
refused 1 person edit "Петренко С. І." --name "@12"
refused 1 person edit "Петренко С. І." --leave "Соціальні працівники"
assert_match "not in the group" "$(last_err)" "leaving a group they are not in"
refused 1 person edit "Петренко С. І." --group "Соціальні прцівникі"
assert_match "did you mean" "$(last_err)" "near group on edit too"
expect_fail 2 q person edit "Петренко С. І."

step "group edit: rename"
expect_ok q group edit "Соціальні прцівники" --name "Волонтери"
assert_eq group "$(person "Волонтери" kind)" "renamed"
refused 1 group edit "Волонтери" --name "Петренко С. І."

step "person remove: refused with open items, unless reassigned; done items keep who did them"
q add "Консультація" --when "14.11 12.00" --no 6 --who "Петренко С. І." >/dev/null
refused 1 person remove "Петренко С. І."
assert_match "«Петренко С. І.» is responsible for 1 open item" "$(last_err)" "why"
assert_match "qweek person remove 'Петренко С. І.' --reassign NAME" "$(last_err)" "a hint to paste, quoted"
refused 1 person remove "Петренко С. І." --reassign "Нікого"
expect_ok q person remove "Петренко С. І." --reassign "Коваль М. В."
assert_eq '["Коваль М. В."]' "$(qj show 6 | jget 'd["who"]')" "the open item reassigned"
assert_eq "Петренко С. І." "$(qj show 4 | jget 'd["done_by"]')" "the done item keeps who did it"
qj person list | jget '[p["name"] for p in d["people"]]' | grep -q "Петренко" && fail "still there"
expect_ok q undo
assert_eq '["Петренко С. І."]' "$(qj show 6 | jget 'd["who"]')" "undo of the removal: back, with the item"
assert_eq person "$(person "Петренко С. І." kind)" "the person is back"

step "group remove"
expect_ok q group remove "Волонтери"
qj person list | jget '[p["name"] for p in d["people"]]' | grep -q "Волонтери" && fail "the group is still there"
assert_eq '[]' "$(person "Коваль М. В." groups)" "its people stay, out of it"

step "delete: needs --yes off a terminal, refused with sub-items, undone"
refused 1 delete 3 </dev/null
assert_match "add --yes" "$(last_err)" "asks for --yes"
refused 1 delete 5 --yes
assert_match "item 5 has 1 sub-item" "$(last_err)" "sub-items"
assert_match "qweek delete '5' --with-children" "$(last_err)" "the hint"
refused 1 delete 99 --yes
expect_ok q delete 3 --yes
qj show 3 >/dev/null 2>&1 && fail "item 3 still there"
expect_ok q undo
assert_eq "Семінар" "$(qj show 3 | jget 'd["title"]')" "undo of a delete"
assert_eq '["Іваненко О. П.-Коваль"]' "$(qj show 3 | jget 'd["who"]')" "with its people"
expect_ok q delete 5 --yes --with-children
qj show 5.1 >/dev/null 2>&1 && fail "the sub-item is still there"
assert_match "deleted item 5 \(2 item" "$(last_out)" "two items"
H=$(qj history --limit 1)
assert_match "пункт 5 «Розділ»: вилучено" "$(jget 'd["changes"][0]["what"]' "$H")" "the history, in the plan's words (uk)"
step "add --no 3 when an item 3 exists: taken, with a warning; a cancelled 3 is not ambiguous"
expect_ok q add "Ще один" --when "14.11 16.00" --no 3
assert_match "warning: № 3 is already used by item @[0-9]+ \(«Семінар»\): now there are two" "$(last_err)" "warned as import does"
refused 1 done 3
assert_match "«3» names 2 items" "$(last_err)" "two open items numbered 3 are ambiguous"
q cancel "@$(qj list | jget '[i["id"] for i in d["items"] if i["title"] == "Ще один"][0]')" >/dev/null
expect_ok q done 3
assert_eq done "$(qj list | jget '[i["state"] for i in d["items"] if i["title"] == "Семінар"][0]')" "the cancelled 3 is passed over"
echo "ok"
