"""A group's meetings as an iCalendar feed (RFC 5545), built with the icalendar library."""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Group, Meeting


def _local(date: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(date, time, tzinfo=ZoneInfo(settings.TIME_ZONE))


def group_calendar(group: Group, meetings: Iterable[Meeting], *, base_url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.COUNCIL_NAME}//{settings.SERVICE_NAME}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", group.name)
    host = base_url.split("://", 1)[-1].split("/", 1)[0] or "portal"
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", timezone.now())
        event.add("summary", meeting.display_title)
        if meeting.start_time:
            start = _local(meeting.date, meeting.start_time)
            event.add("dtstart", start)
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
    calendar.add_missing_timezones()
    return calendar.to_ical()
