"""A real CalDAV client (python3-caldav) against qweekd, for test_caldav.sh.

caldav_check.py URL USERNAME PASSWORD list            prints "href<TAB>summary<TAB>status" a line
caldav_check.py URL USERNAME PASSWORD complete TITLE  ticks the task TITLE off with complete()

It discovers from URL as a person would type it: the principal, then its calendars.
"""
import sys

import caldav


def tasks(url, user, password):
    client = caldav.DAVClient(url=url, username=user, password=password)
    calendars = client.principal().calendars()
    if len(calendars) != 1:
        sys.exit("expected one calendar, found %d" % len(calendars))
    return calendars[0].todos(include_completed=True)


def main():
    url, user, password, what = sys.argv[1:5]
    found = tasks(url, user, password)
    if what == "list":
        for t in sorted(found, key=lambda t: str(t.url)):
            c = t.icalendar_component
            print("%s\t%s\t%s" % (t.url.path, c.get("summary"), c.get("status")))
    elif what == "complete":
        match = [t for t in found if str(t.icalendar_component.get("summary")) == sys.argv[5]]
        if len(match) != 1:
            sys.exit("no one task titled %s" % sys.argv[5])
        match[0].complete()
        print("completed")


main()
