"""Private calendar addresses: no session needed, only what the owner may see, revocable; and a
VTIMEZONE that icalendar, dateutil and vobject read the same way."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import vobject
from dateutil import tz as dateutil_tz
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests.meetings.factories import GroupFactory, MeetingFactory
from workstreams.meetings import services
from workstreams.meetings.ical import meetings_calendar
from workstreams.meetings.models import CalendarSubscription, Meeting

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
ADDRESS = reverse("meetings:calendar_address")


def feed_url(user) -> str:
    token = CalendarSubscription.objects.get(user=user).token
    return reverse("meetings:calendar_feed", kwargs={"token": token})


def summaries(response) -> set[str]:
    return {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.fixture
def meetings(area_ne, area_south):
    MeetingFactory(group=GroupFactory(area=None), title="County published")
    MeetingFactory(group=GroupFactory(area=None), title="County draft", status="draft")
    MeetingFactory(group=GroupFactory(area=area_ne), title="North East published")
    MeetingFactory(group=GroupFactory(area=area_south), title="South published")


def test_the_account_page_gives_an_address_that_works_without_a_session(
    client_for, role_users, meetings
):
    client = client_for("head_x")
    assert "You do not have a calendar address" in client.get(ADDRESS).content.decode()
    assert client.post(ADDRESS, {"action": "regenerate"}).status_code == 302
    url = feed_url(role_users["head_x"])
    page = client.get(ADDRESS).content.decode()
    assert url in page
    response = Client().get(url)  # a calendar app: no cookies, no session
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    # Only what the headteacher may open: their area's and county-wide published meetings.
    assert summaries(response) == {"County published", "North East published"}


def test_each_person_sees_their_own_meetings(client_for, role_users, meetings):
    client_for("officer").post(ADDRESS, {"action": "regenerate"})
    client_for("board").post(ADDRESS, {"action": "regenerate"})
    officer = summaries(Client().get(feed_url(role_users["officer"])))
    board = summaries(Client().get(feed_url(role_users["board"])))
    assert "County draft" in officer and len(officer) == 4
    assert "County draft" not in board and len(board) == 3


def test_a_new_address_replaces_the_old_and_revoking_stops_it(client_for, role_users):
    client = client_for("head_x")
    client.post(ADDRESS, {"action": "regenerate"})
    old = feed_url(role_users["head_x"])
    client.post(ADDRESS, {"action": "regenerate"})
    new = feed_url(role_users["head_x"])
    assert old != new
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    client.post(ADDRESS, {"action": "revoke"})
    assert Client().get(new).status_code == 404
    assert not CalendarSubscription.objects.exists()


def test_a_switched_off_account_has_no_calendar(client_for, role_users):
    client_for("head_x").post(ADDRESS, {"action": "regenerate"})
    url = feed_url(role_users["head_x"])
    user = role_users["head_x"]
    user.is_active = False
    user.save()
    assert Client().get(url).status_code == 404


def test_a_guessed_token_is_not_found(client):
    assert (
        client.get(reverse("meetings:calendar_feed", kwargs={"token": "guess"})).status_code == 404
    )


def _feed(*meetings) -> bytes:
    return meetings_calendar("Test", meetings, base_url="https://portal.example")


WINTER = (datetime.date(2027, 2, 10), datetime.time(10, 0))  # GMT: 10:00 UTC
SUMMER = (datetime.date(2027, 7, 14), datetime.time(10, 0))  # BST: 09:00 UTC


@pytest.fixture
def two_meetings():
    return [
        MeetingFactory(title="February", date=WINTER[0], start_time=WINTER[1], end_time=None),
        MeetingFactory(title="July", date=SUMMER[0], start_time=SUMMER[1], end_time=None),
    ]


EXPECTED_UTC = {
    "February": datetime.datetime(2027, 2, 10, 10, 0, tzinfo=datetime.UTC),
    "July": datetime.datetime(2027, 7, 14, 9, 0, tzinfo=datetime.UTC),
}


def test_vtimezone_uses_rrules_not_rdate_lists(two_meetings):
    text = _feed(*two_meetings).decode()
    vtimezone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    assert "RDATE" not in vtimezone
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in vtimezone
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in vtimezone
    assert "DTSTART;TZID=Europe/London:20270210T100000" in text


def test_icalendar_reads_the_vtimezone_as_london_time(two_meetings):
    calendar = Calendar.from_ical(_feed(*two_meetings))
    zone = calendar.walk("VTIMEZONE")[0].to_tz()  # built from our VTIMEZONE, not the system's
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART").replace(tzinfo=None).replace(tzinfo=zone)
        assert start.astimezone(datetime.UTC) == EXPECTED_UTC[str(event["SUMMARY"])]


def test_dateutil_reads_the_vtimezone_as_london_time(two_meetings):
    text = _feed(*two_meetings).decode()
    vtimezone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE") + 13]
    zone = dateutil_tz.tzical(io.StringIO(vtimezone)).get("Europe/London")
    for name, (day, time) in (("February", WINTER), ("July", SUMMER)):
        local = datetime.datetime.combine(day, time, tzinfo=zone)
        assert local.astimezone(datetime.UTC) == EXPECTED_UTC[name]


def test_vobject_reads_the_same_local_times(two_meetings):
    calendar = vobject.readOne(_feed(*two_meetings).decode())
    for event in calendar.vevent_list:
        start = event.dtstart.value
        assert start.astimezone(datetime.UTC) == EXPECTED_UTC[event.summary.value]


def test_sequence_and_last_modified_follow_changes(client_for):
    meeting = MeetingFactory(title="Board", status="draft")
    first = Calendar.from_ical(_feed(meeting)).walk("VEVENT")[0]
    assert int(first["SEQUENCE"]) == 0 and first.decoded("LAST-MODIFIED")
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    response = client_for("officer").post(
        url,
        {
            "title": "Board",
            "date": "2018-02-21",
            "start_time": "15:00",
            "end_time": "16:20",
            "venue": "County Hall",
            "version": str(meeting.version),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    meeting = services.meeting_publish(meeting=meeting)
    event = Calendar.from_ical(_feed(meeting)).walk("VEVENT")[0]
    assert int(event["SEQUENCE"]) == 2
    assert event.decoded("LAST-MODIFIED") >= first.decoded("LAST-MODIFIED")
    assert Meeting.objects.get(pk=meeting.pk).start_time == datetime.time(15, 0)
