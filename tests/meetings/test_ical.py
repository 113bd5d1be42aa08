import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.meetings.factories import GroupFactory, MeetingFactory
from workstreams.meetings.models import Meeting

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def test_group_calendar_is_valid_icalendar_with_every_meeting(client_for):
    group = GroupFactory(name="SEND Headteacher Round Table", slug="round-table")
    MeetingFactory(group=group, date=datetime.date(2018, 2, 21), venue="Hamptons Social Club")
    MeetingFactory(
        group=group,
        status=Meeting.Status.DRAFT,
        date=datetime.date(2018, 4, 18),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
    )
    MeetingFactory(group=group, date=datetime.date(2018, 7, 17), start_time=None, end_time=None)
    MeetingFactory(date=datetime.date(2018, 5, 1))  # another group: not in this feed
    url = reverse("meetings:group_ical", args=["round-table"])
    # A headteacher cannot open the draft meeting, so their feed does not list it.
    head_events = Calendar.from_ical(client_for("head_x").get(url).content).walk("VEVENT")
    assert len(head_events) == 2
    response = client_for("officer").get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "SEND Headteacher Round Table"
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    assert len({str(e["UID"]) for e in events}) == 3
    first, second, third = sorted(events, key=lambda e: str(e.decoded("DTSTART")))
    assert first.decoded("DTSTART") == datetime.datetime(2018, 2, 21, 14, 0, tzinfo=LONDON)
    assert first.decoded("DTEND") == datetime.datetime(2018, 2, 21, 16, 20, tzinfo=LONDON)
    assert str(first["LOCATION"]) == "Hamptons Social Club"
    assert second.decoded("DTSTART") == datetime.datetime(2018, 4, 18, 10, 0, tzinfo=LONDON)
    # A meeting without a time is an all-day event.
    assert third.decoded("DTSTART") == datetime.date(2018, 7, 17)
    assert calendar.walk("VTIMEZONE"), "the Europe/London time zone is included"
    first_pk = Meeting.objects.get(date=datetime.date(2018, 2, 21)).pk
    assert str(first["URL"]).endswith(f"/meetings/{first_pk}/")


def test_calendar_of_another_areas_group_is_refused(client_for, area_ne):
    group = GroupFactory(slug="ne", area=area_ne)
    MeetingFactory(group=group)
    url = reverse("meetings:group_ical", args=["ne"])
    assert client_for("head_y").get(url).status_code == 403
    assert client_for("head_x").get(url).status_code == 200
