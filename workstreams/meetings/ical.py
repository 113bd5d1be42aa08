"""Meetings as an iCalendar feed (RFC 5545), built with the icalendar library.

Times are local (Europe/London) with a VTIMEZONE written as two yearly RRULEs (the rules in
force since 1996: summer time from 01:00 UTC on the last Sunday in March to 01:00 UTC on the
last Sunday in October), not as the long RDATE lists icalendar's ``add_missing_timezones``
writes, which ical.js and vobject misread. Each event carries SEQUENCE (bumped whenever its
date, time, place, title or status changes) and LAST-MODIFIED, so clients pick up changes.
"""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from .models import Meeting

LONDON = "Europe/London"


def london_vtimezone() -> Timezone:
    tz = Timezone()
    tz.add("tzid", LONDON)
    summer = TimezoneDaylight()
    summer.add("tzname", "BST")
    summer.add("tzoffsetfrom", datetime.timedelta(hours=0))
    summer.add("tzoffsetto", datetime.timedelta(hours=1))
    summer.add("dtstart", datetime.datetime(1981, 3, 29, 1, 0, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    winter = TimezoneStandard()
    winter.add("tzname", "GMT")
    winter.add("tzoffsetfrom", datetime.timedelta(hours=1))
    winter.add("tzoffsetto", datetime.timedelta(hours=0))
    winter.add("dtstart", datetime.datetime(1996, 10, 27, 2, 0, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def _local(date: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(date, time, tzinfo=ZoneInfo(settings.TIME_ZONE))


def meetings_calendar(name: str, meetings: Iterable[Meeting], *, base_url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.COUNCIL_NAME}//{settings.SERVICE_NAME}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", LONDON)
    calendar.add_component(london_vtimezone())
    host = base_url.split("://", 1)[-1].split("/", 1)[0] or "portal"
    now = timezone.now()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", now)
        event.add("last-modified", meeting.updated_at)
        event.add("sequence", meeting.sequence)
        event.add("summary", meeting.display_title)
        if meeting.status != Meeting.Status.PUBLISHED:
            event.add("status", "TENTATIVE")
        if meeting.start_time:
            event.add("dtstart", _local(meeting.date, meeting.start_time))
            end_time = (
                meeting.end_time
                or (
                    datetime.datetime.combine(meeting.date, meeting.start_time)
                    + datetime.timedelta(hours=1)
                ).time()
            )
            event.add("dtend", _local(meeting.date, end_time))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + datetime.timedelta(days=1))
        if meeting.venue:
            event.add("location", meeting.venue)
        event.add("url", base_url.rstrip("/") + meeting.get_absolute_url())
        calendar.add_component(event)
    return calendar.to_ical()


def group_calendar(group, meetings: Iterable[Meeting], *, base_url: str) -> bytes:
    return meetings_calendar(group.name, meetings, base_url=base_url)
