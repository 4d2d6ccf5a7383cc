# Acceptance: a plan, people, a group, items in every WHEN form of the contract, done with
# notes, status; then kill -9 right after an acknowledged change, restart, nothing is lost.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Mid-week, 12:00 in Krasnoyarsk (UTC+7).
export QWEEKD_NOW=2017-11-14T05:00:00Z
start_daemon

step "plan new prints the slug"
expect_ok q plan new "Неделя качества 2017" --from 08.11.2017 --to 15.11.2017 \
	--tz Asia/Krasnoyarsk --org "МБУ СО «ЦСПСиД «Надежда»"
SLUG=$(last_out)
assert_eq 1 "$(printf '%s\n' "$SLUG" | wc -l)" "plan new: lines of output"
assert_match '^[a-z0-9-]+$' "$SLUG" "slug"
plans=$(qj plan list)
assert_eq 1 "$(jget 'len(d["plans"])' "$plans")" "plan list: number of plans"
assert_eq "$SLUG" "$(jget 'd["plans"][0]["slug"]' "$plans")" "plan list: slug"
assert_eq "Неделя качества 2017" "$(jget 'd["plans"][0]["title"]' "$plans")" "plan title"
assert_eq "Asia/Krasnoyarsk" "$(jget 'd["plans"][0]["tz"]' "$plans")" "plan tz"
assert_eq "2017-11-08 2017-11-15" "$(jget 'd["plans"][0]["from"] + " " + d["plans"][0]["to"]' "$plans")" \
	"plan days"

step "people and a group"
q person add "Директор" --role "директор" --email director@example.org >/dev/null
q person add "Заместитель директора" --role "заместитель директора" --email deputy@example.org \
	>/dev/null
q person add "Иванова А. П." --role "заведующая отделением" --group "Заведующие отделениями" \
	>/dev/null
q person add "Петрова Е. В." --group "Заведующие отделениями" >/dev/null
people=$(curl -sf --unix-socket "$T/q.sock" "http://localhost/api/v1/plans/$SLUG/people")
assert_eq '["Иванова А. П.", "Петрова Е. В."]' \
	"$(jget 'sorted([p["members"] for p in d["people"] if p["name"] == "Заведующие отделениями"][0])' "$people")" \
	"members of the group"
assert_eq group "$(jget '[p["kind"] for p in d["people"] if p["name"] == "Заведующие отделениями"][0]' "$people")" \
	"kind of the group"
assert_eq deputy@example.org \
	"$(jget '[p["email"] for p in d["people"] if p["name"] == "Заместитель директора"][0]' "$people")" \
	"email of Заместитель директора"

step "items in every WHEN form"
# add --json returns the item
item=$(qj add "Разработка плана мероприятий" --when "до 08.11.2017" --no 1 \
	--who "Заместитель директора" --who "Заведующие отделениями")
assert_eq 1 "$(jget 'd["label"]' "$item")" "add --json: label"
assert_eq deadline "$(jget 'd["kind"]' "$item")" "add --json: kind"
q add "Анкетирование получателей услуг" --when "08.11. - 15.11. 2017" --no 2 \
	--who "Заведующие отделениями" >/dev/null
q add "Собрание коллектива" --when "14.11.2017 15:00" --no 3 --who "Директор" \
	--where "Актовый зал" >/dev/null
q add "Семинар для родителей" --when "14.11 15.00" --no 4 >/dev/null
q add "Мастер-класс «Подарки своими руками»" --when "14.11 в 15.00" --no 5 >/dev/null
q add "День открытых дверей" --when "14.11 9.00-18.00" --no 6 --who "Заведующие отделениями" \
	>/dev/null
q add "Консультации специалистов" --when "14.11 9.00-18.00" --no 6.1 --parent 6 >/dev/null
q add "Обновление сайта" --when "10.11" --no 7 --who "Заместитель директора" >/dev/null
q add "Аналитическая справка" --when "до 24.11.2017" --no 8 >/dev/null
q add "Поощрение лучших работников" --due "декабрь 2017" --no 9 --who "Директор" >/dev/null
q add "Звіт до управління" --due "грудень 2017" --no 10 >/dev/null
q add "Report to the city" --due "December 2017" --no 11 >/dev/null
q add "Пресс-релиз" --when "2017-11-14T15:00" --no 12 --who "Директор" >/dev/null
q add "Психологический семинар" --when "10.11.2017 17:00" --no 13 >/dev/null

step "list --json: kinds, instants, labels, parent"
list=$(qj list)
assert_eq 14 "$(jget 'len(d["items"])' "$list")" "number of items"
assert_eq '["1", "2", "3", "4", "5", "6", "6.1", "7", "8", "9", "10", "11", "12", "13"]' \
	"$(jget '[i["label"] for i in d["items"]]' "$list")" "labels in plan order"
field() { jget "[i for i in d[\"items\"] if i[\"label\"] == \"$1\"][0][\"$2\"]" "$list"; }

assert_eq deadline "$(field 1 kind)" "1 kind"
assert_eq 2017-11-08 "$(field 1 due)" "1 due"
assert_eq '["Заведующие отделениями", "Заместитель директора"]' \
	"$(jget 'sorted([i for i in d["items"] if i["label"] == "1"][0]["who"])' "$list")" "1 who"
assert_eq "до 08.11.2017" "$(field 1 when)" "1 when as typed"

assert_eq span "$(field 2 kind)" "2 kind"
assert_eq 2017-11-08 "$(field 2 start)" "2 start"
assert_eq 2017-11-15 "$(field 2 end)" "2 end (inclusive)"

for l in 3 4 5 12; do
	assert_eq event "$(field $l kind)" "$l kind"
	same_instant "$(field $l start)" 2017-11-14T08:00:00Z "$l start"
	assert_eq null "$(field $l end)" "$l end"
	assert_eq null "$(field $l due)" "$l due"
done
assert_eq "2017-11-14T15:00:00+07:00" "$(field 5 start)" "5 start written in the plan's zone"
assert_eq "Актовый зал" "$(field 3 where)" "3 where"

for l in 6 6.1; do
	assert_eq event "$(field $l kind)" "$l kind"
	same_instant "$(field $l start)" 2017-11-14T02:00:00Z "$l start"
	same_instant "$(field $l end)" 2017-11-14T11:00:00Z "$l end"
done
assert_eq 6 "$(field 6.1 parent)" "6.1 parent"
assert_eq "$(field 6 id)" "$(field 6.1 parent_id)" "6.1 parent_id"
assert_eq null "$(field 6 parent)" "6 parent"

assert_eq event "$(field 7 kind)" "7 kind (one whole day)"
assert_eq 2017-11-10 "$(field 7 start)" "7 start"

assert_eq deadline "$(field 8 kind)" "8 kind"
assert_eq 2017-11-24 "$(field 8 due)" "8 due"
for l in 9 10 11; do
	assert_eq deadline "$(field $l kind)" "$l kind"
	assert_eq 2017-12 "$(field $l due)" "$l due (a month)"
done
same_instant "$(field 13 start)" 2017-11-10T10:00:00Z "13 start"

assert_eq '["open"]' "$(jget 'sorted(set(i["state"] for i in d["items"]))' "$list")" "states"
# At 12:00 on 14.11: the deadline of 08.11, the day 10.11 and the seminar of 10.11 are past.
assert_eq '["1", "13", "7"]' "$(jget 'sorted(i["label"] for i in d["items"] if i["overdue"])' "$list")" \
	"overdue items"

step "show and list filters"
assert_eq "Консультации специалистов" "$(qj show 6.1 | jget 'd["title"]')" "show 6.1"
assert_eq "Собрание коллектива" "$(qj show "@$(field 3 id)" | jget 'd["title"]')" "show @id"
assert_eq '["12", "3", "9"]' "$(qj list --who "Директор" | jget 'sorted(i["label"] for i in d["items"])')" \
	"list --who Директор"
assert_eq '["1", "13", "7"]' "$(qj list --overdue | jget 'sorted(i["label"] for i in d["items"])')" \
	"list --overdue"

step "list names a month deadline in the plan's language"
assert_match "9 +декабрь 2017 +Поощрение лучших работников" "$(q list --who "Директор")" \
	"list: «декабрь 2017», not «12.2017»"

step "done with notes"
q done 1 --note "План утверждён приказом №112" >/dev/null
q done 7 --note "Материалы на сайте" >/dev/null
list=$(qj list)
assert_eq done "$(field 1 state)" "1 state"
assert_eq "План утверждён приказом №112" "$(field 1 note)" "1 note"
assert_eq "Материалы на сайте" "$(field 7 note)" "7 note"
[[ $(field 1 done_at) != null ]] || fail "1 done_at is null"
same_instant "$(field 7 done_at)" 2017-11-14T05:00:00Z "7 done_at (the fixed clock)"
assert_eq false "$(field 1 overdue)" "a done item is not overdue"
assert_eq '["done", "open"]' "$(jget 'sorted(set(i["state"] for i in d["items"]))' "$list")" "states"
assert_eq '["1", "7"]' "$(qj list --done | jget 'sorted(i["label"] for i in d["items"])')" "list --done"
assert_eq 12 "$(qj list --open | jget 'len(d["items"])')" "list --open"

step "status --json"
status=$(qj status)
assert_eq "14 2 12 1 0" "$(jget '" ".join(str(d[k]) for k in ("total", "done", "open", "overdue", "cancelled"))' "$status")" \
	"status total done open overdue cancelled"
assert_eq '{"done": 1, "overdue": 0, "total": 3}' \
	"$(jget '{k: v for p in d["by_person"] if p["name"] == "Заведующие отделениями" for k, v in p.items() if k != "name"}' "$status")" \
	"status by_person Заведующие отделениями"
assert_eq '{"done": 0, "overdue": 0, "total": 3}' \
	"$(jget '{k: v for p in d["by_person"] if p["name"] == "Директор" for k, v in p.items() if k != "name"}' "$status")" \
	"status by_person Директор"
# the human form works too
q status >/dev/null
q list >/dev/null

step "kill -9 right after an acknowledged change, restart: nothing lost"
q done 13 --note "Перенесён, проведён" >/dev/null
q add "Последнее изменение перед сбоем" --when "15.11 14.00" --no 14 --who "Директор" >/dev/null
before_list=$(qj list | canon)
before_status=$(qj status | canon)
kill9_daemon
start_daemon
after_list=$(qj list | canon)
after_status=$(qj status | canon)
assert_eq "$before_list" "$after_list" "list after kill -9 and restart"
assert_eq "$before_status" "$after_status" "status after kill -9 and restart"
assert_eq "15 3 12 0" "$(jget '" ".join(str(d[k]) for k in ("total", "done", "open", "overdue"))' "$after_status")" \
	"status after restart"
assert_eq "Последнее изменение перед сбоем" "$(qj show 14 | jget 'd["title"]')" "the last item"

step "a clean stop"
stop_daemon
echo "PASS: $TEST_NAME"
