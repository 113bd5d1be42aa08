"""Pages make a bounded number of SQL queries, the same with little or much data."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inclusion.models import TopicPoint
from tests.inclusion.factories import (
    ActionFactory,
    ConsultationTopicFactory,
    TopicFigureFactory,
    TopicPointFactory,
    statement_version,
)
from tests.meetings.factories import (
    ActionArisingFactory,
    AttendeeFactory,
    DecisionFactory,
    GroupFactory,
    MeetingFactory,
    MinuteItemFactory,
    NextStepFactory,
)

pytestmark = pytest.mark.django_db
MAX_QUERIES = 15


def _fill_meeting(meeting, n):
    for i in range(n):
        AttendeeFactory(meeting=meeting)
        item = MinuteItemFactory(meeting=meeting, number=i + 1)
        DecisionFactory(meeting=meeting, item=item, text=f"It was agreed kitemark {i}")
        ActionArisingFactory(meeting=meeting, programme_action=ActionFactory())
        NextStepFactory(meeting=meeting)
        MeetingFactory(
            group=meeting.group, announced_at=meeting, date=datetime.date(2019, 1, i + 1)
        )


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("role", ["officer", "head_x"])
def test_meeting_page_queries_do_not_grow(client_for, role):
    group = GroupFactory()
    small = MeetingFactory(group=group, date=datetime.date(2018, 1, 1))
    large = MeetingFactory(group=GroupFactory(), date=datetime.date(2018, 1, 1))
    _fill_meeting(small, 1)
    _fill_meeting(large, 12)
    client = client_for(role)
    counts = [
        _count(client, reverse("meetings:meeting_detail", args=[m.pk])) for m in (small, large)
    ]
    assert counts[0] == counts[1] <= MAX_QUERIES, counts


def test_list_pages_queries_do_not_grow(client_for):
    client = client_for("board")
    urls = [
        reverse("meetings:decisions"),
        reverse("meetings:group_list"),
        reverse("search:search") + "?q=kitemark",
        reverse("inclusion:consultation_list"),
    ]
    meeting = MeetingFactory(group=GroupFactory(slug="g"))
    _fill_meeting(meeting, 1)
    ConsultationTopicFactory(consultation__slug="first")
    urls.append(reverse("meetings:group_detail", args=["g"]))
    small = [_count(client, url) for url in urls]
    _fill_meeting(MeetingFactory(group=meeting.group, date=datetime.date(2017, 1, 1)), 12)
    for i in range(5):
        GroupFactory()
        ConsultationTopicFactory(consultation__slug=f"c{i}")
    large = [_count(client, url) for url in urls]
    assert small == large, list(zip(urls, small, large, strict=True))
    assert max(large) <= MAX_QUERIES


def test_statement_and_consultation_pages_queries_do_not_grow(client_for):
    client = client_for("officer")
    statement_version(1, {"We commit": ["A"]})
    statement_version(2, {f"Section {i}": [f"S {i} {j}" for j in range(8)] for i in range(6)})
    topic = ConsultationTopicFactory(consultation__slug="small")
    TopicPointFactory(topic=topic)
    for i in range(6):
        big = ConsultationTopicFactory(consultation__slug="large", title=f"T{i}")
        for kind in TopicPoint.Kind.values:
            TopicPointFactory(topic=big, kind=kind, action=ActionFactory())
        TopicFigureFactory(topic=big)
    pairs = [
        ("inclusion:version_detail", [1], [2]),
        ("inclusion:consultation_detail", ["small"], ["large"]),
        ("inclusion:you_said_we_did", ["small"], ["large"]),
    ]
    for name, a, b in pairs:
        counts = [_count(client, reverse(name, args=a)), _count(client, reverse(name, args=b))]
        assert counts[0] == counts[1] <= MAX_QUERIES, (name, counts)
    counts = [_count(client, reverse("inclusion:version_compare") + "?old=1&new=2")]
    assert counts[0] <= MAX_QUERIES
