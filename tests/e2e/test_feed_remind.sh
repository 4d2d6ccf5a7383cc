#!/usr/bin/env bash
# Feed VALARMs follow the reminder rules people set: the plan's (`plan edit --remind`) and an
# item's own (`remind set`, `edit --remind`), read back by python-icalendar as TRIGGERs that go
# off at the very instants qweekd's own reminders do (`remind show`). Every change of rules
# changes the feed's ETag; setting the rules it already had does not.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/feed_sample.sh"

feed_npm
feed_start 2017-11-01T03:00:00Z
slug=$(feed_load_sample)
export QWEEK_PLAN=$slug
url=$(feed_url)
assert_eq 200 "$(fetch "$url")" "the plan's feed"
etag=$(header ETag)
cp "$T/f.body" "$T/feed.ics"

# changed WHAT: the feed after a change of rules; the ETag before must no longer match.
changed() {
	assert_eq 200 "$(fetch "$url" -H "If-None-Match: $etag")" "$1: the feed after it"
	[[ $(header ETag) != "$etag" ]] || fail "$1: the ETag did not change"
	etag=$(header ETag)
	cp "$T/f.body" "$T/feed.ics"
}

# alarms LABEL [SUFFIX] [FIELD]: the TRIGGERs (or FIELD "fires": their instants) of the
# component of item LABEL, as python-icalendar reads them.
alarms() {
	"$PY" "$CHECK" alarms "$T/feed.ics" "$(uid_of "$1" "${2:-}")" | jget "' '.join(d['${3:-triggers}'])"
}

# reminders LABEL: the instants qweekd reminds of item LABEL at (overdue notices aside), in UTC.
reminders() {
	qj remind show "$1" | jget '" ".join(sorted({__import__("datetime").datetime.fromisoformat(r["at"]).astimezone(__import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") for r in d["next"] if r["rule"] != "overdue"}))'
}

step "the defaults: events 1d, 1h; deadlines 3d, 1d, 09:00"
assert_eq "-P1D -PT1H" "$(alarms 7.2)" "7.2 (14.11 16.00)"
assert_eq "-PT15H" "$(alarms 2)" "2 (08.11 - 15.11): 09:00 the day before"
assert_eq "END -P2DT15H END -PT15H END PT9H" "$(alarms 1)" "1 (до 08.11.2017), its VTODO"
assert_eq "2017-11-13T09:00:00Z 2017-11-14T08:00:00Z" "$(alarms 7.2 '' fires)" "7.2: instants"
assert_eq "$(reminders 7.2)" "$(alarms 7.2 '' fires)" "7.2: the feed's instants are the reminders'"

step "plan edit --remind \"events 2h, 30m\""
expect_ok q plan edit --remind "events 2h, 30m"
changed "plan edit --remind events"
assert_eq "-PT2H -PT30M" "$(alarms 7.2)" "7.2"
assert_eq "$(reminders 7.2)" "$(alarms 7.2 '' fires)" "7.2: instants"
assert_eq "" "$(alarms 2)" "2: hours before do not apply to whole days"
assert_eq "END -P2DT15H END -PT15H END PT9H" "$(alarms 1)" "1: deadlines as they were"

step "plan edit --remind \"deadlines 1w, 12:00\""
expect_ok q plan edit --remind "deadlines 1w, 12:00"
changed "plan edit --remind deadlines"
assert_eq "END -P6DT15H END PT12H" "$(alarms 1)" "1, its VTODO: 09:00 a week before, 12:00 on the day"
assert_eq "-P6DT15H PT12H" "$(alarms 1 -due)" "1, its calendar copy"
assert_eq "2017-11-01T02:00:00Z 2017-11-08T05:00:00Z" "$(alarms 1 '' fires)" "1: instants (VTODO)"
assert_eq "$(alarms 1 '' fires)" "$(alarms 1 -due fires)" "1: instants (VEVENT)"
assert_eq "2017-11-08T05:00:00Z" "$(reminders 1)" "1: the reminders to come (the week before is past)"
assert_eq "-PT2H -PT30M" "$(alarms 7.2)" "7.2: events as they were"

step "an item's own rules: remind set, edit --remind"
expect_ok q remind set 7.2 3d
changed "remind set 7.2 3d"
assert_eq "-P3D" "$(alarms 7.2)" "7.2: its own"
assert_eq "$(reminders 7.2)" "$(alarms 7.2 '' fires)" "7.2: instants"
assert_eq "-PT2H -PT30M" "$(alarms 7.4)" "7.4: the plan's"
expect_ok q edit 7.4 --remind none
changed "edit 7.4 --remind none"
assert_eq "" "$(alarms 7.4)" "7.4: none"

step "the rules it already has: the same feed"
expect_ok q plan edit --remind "events 2h, 30m"
assert_eq 304 "$(fetch "$url" -H "If-None-Match: $etag")" "the same rules again"

step "plan edit --remind default"
expect_ok q plan edit --remind default
changed "plan edit --remind default"
assert_eq "-P1D -PT1H" "$(alarms 7.3)" "7.3: the defaults again"
assert_eq "-P3D" "$(alarms 7.2)" "7.2: still its own"
assert_eq "END -P2DT15H END -PT15H END PT9H" "$(alarms 1)" "1: the defaults again"

step "python-icalendar, ical.js and node-ical read it"
feed_api GET /api/v1/plans/_/items >"$T/items.json"
check_feed remind "$T/feed.ics" "$T/items.json" both

step "after a restart, a change of rules moves Last-Modified (If-Modified-Since gets the new feed)"
assert_eq 200 "$(fetch "$url")" "the feed"
modified=$(header Last-Modified)
stop_daemon
start_daemon --listen "127.0.0.1:$FEED_PORT"
assert_eq 304 "$(fetch "$url" -H "If-Modified-Since: $modified")" "unchanged after the restart"
feed_api PUT /api/v1/clock '{"now": "2017-11-01T04:00:00Z"}' >/dev/null # time passes
expect_ok q plan edit --remind "events 3h"
assert_eq 200 "$(fetch "$url" -H "If-Modified-Since: $modified")" "rules changed after the restart"
grep -q 'TRIGGER:-PT3H' "$T/f.body" || fail "the new rule is not in the feed"
modified=$(header Last-Modified)
stop_daemon
start_daemon --listen "127.0.0.1:$FEED_PORT"
feed_api PUT /api/v1/clock '{"now": "2017-11-01T05:00:00Z"}' >/dev/null
expect_ok q remind set 7.2 4h
assert_eq 200 "$(fetch "$url" -H "If-Modified-Since: $modified")" "an item's rules changed after the restart"

stop_daemon
echo "PASS: $TEST_NAME"
