# A plan changed after it was made (issue 14): title, days, zone, organisation, language, slug,
# director, each checked as plan new checks it; a new zone keeps every item's written local
# time; plan delete removes a plan only with --yes. Each refusal changes nothing.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon

api() { curl -sf --unix-socket "$T/q.sock" "http://localhost$1"; }

plans() {	# every plan with its items and reminders as they are (curl: quicker than the client)
	local s
	for s in $(api /api/v1/plans | jget '" ".join(p["slug"] for p in d["plans"])'); do
		echo "== $s"
		api "/api/v1/plans/$s"
		api "/api/v1/plans/$s/items"
		api "/api/v1/plans/$s/people"
		api "/api/v1/plans/$s/remind"
		api "/api/v1/plans/$s/reminders"
	done
}
when_of() {	# when_of LABEL FIELD: the item's FIELD (start, due...) in plan $QWEEK_PLAN
	qj list | jget "[i['$2'] for i in d['items'] if i['label'] == '$1'][0]"
}

step "a plan in Krasnoyarsk, its people and items"
q plan new "Неделя качества 2017" --from 13.11.2017 --to 17.11.2017 --tz Asia/Krasnoyarsk \
	--slug nk >/dev/null
q plan new "Другой план" --from 13.11.2017 --to 17.11.2017 --slug other >/dev/null
export QWEEK_PLAN=nk
q person add "Директор" --email director@example.org >/dev/null
q person add "Петров И. И." --email petrov@example.org --group Психологи >/dev/null
q add "Собрание" --when "15.11 в 10.00" --who "Петров И. И." --no 1 >/dev/null
q add "Справка" --due "16.11.2017 18:00" --who "Петров И. И." --no 2 >/dev/null
q add "День открытых дверей" --when "15.11" --who Психологи --no 3 >/dev/null
q add "Звонок" --when "2017-11-15T12:00:00+03:00" --who "Петров И. И." --no 4 >/dev/null
q add "Итоги" --due "декабрь 2017" --who "Директор" --no 5 >/dev/null
before=$(plans)

step "refusals: nothing to change, a zone, a language, days, a slug, a title, a director"
expect_fail 2 q plan edit
expect_fail 1 q plan edit --tz Europe/Kiev-Nowhere
assert_match "«Europe/Kiev-Nowhere» is not a time zone" "$(last_err)"
expect_fail 1 q plan edit --lang de
assert_match "language «de»: use ru, uk or en" "$(last_err)"
expect_fail 1 q plan edit --from 18.11.2017
assert_match "ends \(17.11.2017\) before it starts \(18.11.2017\)" "$(last_err)"
expect_fail 1 q plan edit --to 31.11.2017
assert_match "November has 30 days" "$(last_err)"
expect_fail 1 q plan edit --slug other
assert_match "already a plan «other»" "$(last_err)"
expect_fail 1 q plan edit --slug "Не Латиница"
assert_match "slug «Не Латиница»" "$(last_err)"
expect_fail 1 q plan edit --title "   "
assert_match "a plan needs a title" "$(last_err)"
expect_fail 1 q plan edit --director "Сидорова"
assert_match "no person «Сидорова» in this plan" "$(last_err)"
expect_fail 1 q plan edit --director Психологи
assert_match "«Психологи» is a group" "$(last_err)"
# One bad setting refuses the whole edit: the good ones beside it are not written either.
expect_fail 1 q plan edit --title "Новое имя" --remind "events 2d" --lang de
assert_eq "$before" "$(plans)" "plans after the refusals"

step "a new title keeps the slug; --slug changes it on purpose"
expect_ok q plan edit --title "Неделя качества социальных услуг 2017" --org "ЦСПСиД «Надежда»"
assert_match "^nk: «Неделя качества социальных услуг 2017»" "$(last_out)"
assert_eq "Неделя качества социальных услуг 2017|ЦСПСиД «Надежда»" \
	"$(qj plan show | jget 'd["title"] + "|" + d["org"]')" "title and org"
expect_ok q plan edit --slug nk2017
export QWEEK_PLAN=nk2017
expect_fail 1 q --plan nk plan show
assert_eq 5 "$(qj list | jget 'len(d["items"])')" "items under the new slug"

step "days and language"
expect_ok q plan edit --from 12.11.2017 --to 18.11.2017 --lang uk
assert_eq "2017-11-12 2017-11-18 uk" "$(qj plan show | jget 'd["from"] + " " + d["to"] + " " + d["lang"]')"
assert_eq "2017-11-15T10:00:00+07:00" "$(when_of 1 start)" "days changed: instants stay"

step "a new zone keeps every written local time; an instant written with its offset stays"
before_4=$(when_of 4 start)
expect_ok q plan edit --tz Europe/Kyiv
assert_match "4 items' instants moved" "$(last_out)"
assert_eq "2017-11-15T10:00:00+02:00" "$(when_of 1 start)" "10.00 stays 10.00"
assert_eq "2017-11-16T18:00:00+02:00" "$(when_of 2 due)" "a deadline at 18:00"
assert_eq "2017-11-15" "$(when_of 3 start)" "a whole day"
assert_eq "15.11 в 10.00" "$(when_of 1 when)" "the WHEN as written"
same_instant "$before_4" "$(when_of 4 start)" || fail "an instant with its offset moved"
assert_eq "2017-12" "$(when_of 5 due)" "a month"
# The reminders follow: "events 1d, 1h" of the meeting at 10:00 in Kyiv.
assert_eq "2017-11-15T09:00:00+02:00" \
	"$(qj remind list | jget '[r["at"] for r in d["reminders"] if r["item"] == "1" and r["rule"] == "1h"][0]')" \
	"the reminder an hour before, in the new zone"

step "the director: whoever's name says so, until the plan names one"
copies() { qj remind list | jget '" ".join(sorted(set(r["person"] for r in d["reminders"] if r["copy"])))'; }
assert_eq "Директор" "$(copies)" "copies of overdue notices, by the name"
expect_ok q plan edit --director "петров и. и."
assert_match "director: Петров И. И." "$(last_out)"
assert_eq "Петров И. И." "$(qj plan show | jget 'd["director"]')" "the plan's director"
# He is on items 1-4 himself: his copy is of item 5 only, and the name «Директор» gets none.
assert_eq "Петров И. И." "$(copies)" "copies to the director named"
assert_eq "5" "$(qj remind list | jget '" ".join(sorted(set(r["item"] for r in d["reminders"] if r["copy"])))')" \
	"the items copied"
expect_ok q plan edit --director ""
assert_eq "None" "$(qj plan show | jget 'str(d["director"])')" "no director named"
assert_eq "Директор" "$(copies)" "back to the name"

step "plan delete: refused without --yes, naming the plan and what would go"
before=$(plans)
expect_fail 1 q plan delete nk2017
assert_match "deleting plan «nk2017» \(«Неделя качества социальных услуг 2017»\) removes its 5 items and 3 people and groups" \
	"$(last_err)"
assert_match "qweek plan delete nk2017 --yes" "$(last_err)"
expect_fail 1 q plan delete nosuch --yes
assert_match "no plan «nosuch»" "$(last_err)"
assert_eq "$before" "$(plans)" "plans after the refusals"
expect_ok q plan delete nk2017 --yes
assert_match "deleted plan nk2017" "$(last_out)"
assert_eq "other" "$(qj plan list | jget '" ".join(p["slug"] for p in d["plans"])')" "what is left"
unset QWEEK_PLAN
assert_eq 0 "$(qj list | jget 'len(d["items"])')" "the only plan left answers"

step "a day that does not exist is refused in the plan's year"
q plan new "Тиждень якості 2026" --from 09.11.2026 --to 13.11.2026 --tz Europe/Kyiv --lang uk \
	--slug t2026 >/dev/null
expect_fail 1 q --plan t2026 add "Нарада" --when "31.02"
assert_match "«31.02»: February 2026 has 28 days" "$(last_err)"
