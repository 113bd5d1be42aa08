"""What each dashboard shows, to whom, and in a bounded number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.dashboards.factories import programme_world
from tests.meetings.factories import GroupFactory, MeetingFactory
from tests.workstreams.factories import ActionFactory
from workstreams.models import MonthlyUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(area_ne, area_south, officer):
    return programme_world(area_x=area_ne, area_y=area_south, officer=officer)


def _text(response) -> str:
    return response.content.decode()


# Headteacher's area dashboard ---------------------------------------------------------------


def test_area_dashboard_shows_own_and_county_wide_actions_never_another_areas(
    client, head_ne, world
):
    client.force_login(head_ne)
    response = client.get(reverse("area_dashboard", args=["north-east"]))
    assert response.status_code == 200
    page = _text(response)
    assert world["in_x"].title in page
    assert world["county"].title in page
    assert world["in_y"].title not in page
    # The progress summary counts the same actions, in the words of source 003 (docs/domain.md).
    summary = dict(response.context["progress_summary"])
    assert summary == {
        "Action not started": 0,
        "Action underway (but behind target)": 1,
        "Action underway (on target)": 1,
        "Completed": 0,
    }
    # Worst first: the overdue action in area X leads the table.
    assert [a.ref for a in response.context["actions"].rows] == ["A.1", "B.1"]
    assert f"?area={world['in_x'].areas.get().pk}" in page


def test_area_dashboard_lists_only_published_upcoming_meetings_of_the_areas_groups(
    client, head_ne, area_ne, area_south
):
    today = timezone.localdate()
    ne_group = GroupFactory(name="North East DSPL group", area=area_ne)
    south_group = GroupFactory(name="South DSPL group", area=area_south)
    MeetingFactory(
        group=ne_group,
        title="NE published",
        date=today + datetime.timedelta(days=7),
        status="published",
    )
    MeetingFactory(
        group=ne_group, title="NE draft", date=today + datetime.timedelta(days=8), status="draft"
    )
    MeetingFactory(
        group=ne_group,
        title="NE last month",
        date=today - datetime.timedelta(days=30),
        status="published",
    )
    MeetingFactory(
        group=south_group,
        title="South published",
        date=today + datetime.timedelta(days=7),
        status="published",
    )
    client.force_login(head_ne)
    page = _text(client.get(reverse("area_dashboard", args=["north-east"])))
    assert "NE published" in page
    assert "NE draft" not in page
    assert "NE last month" not in page
    assert "South published" not in page


def test_headteacher_gets_403_for_another_areas_dashboard(client, head_ne, area_south, world):
    client.force_login(head_ne)
    response = client.get(reverse("area_dashboard", args=["south"]))
    assert response.status_code == 403
    assert world["in_y"].title not in _text(response)


def test_area_dashboard_offers_no_edit_link_to_a_headteacher(client, head_ne, world):
    client.force_login(head_ne)
    page = _text(client.get(reverse("area_dashboard", args=["north-east"])))
    assert "/edit/" not in page
    assert "<form" not in page.split('id="main-content"')[-1]


# Board member's programme dashboard ---------------------------------------------------------


def test_board_dashboard_overall_rag_workstreams_and_exceptions(client, board_member, world):
    client.force_login(board_member)
    response = client.get(reverse("board_dashboard"))
    assert response.status_code == 200
    page = _text(response)
    assert response.context["overall_rag"] == "red"
    assert [w.code for w in response.context["workstreams"]] == ["A", "B"]
    assert {w.code: w.roll_up for w in response.context["workstreams"]} == {
        "A": "red",
        "B": "green",
    }
    # Exceptions: the overdue action and the red not-started one; the one on target is not.
    assert [a.ref for a in response.context["exception_actions"].rows] == ["A.1", "A.2"]
    assert world["risk"].description in page
    assert world["low_risk"].description not in page
    assert dict(response.context["progress_summary"])["Action not started"] == 1


# Officer's home -----------------------------------------------------------------------------


def test_officer_home_lists_my_actions_overdue_first(client, officer, world):
    client.force_login(officer)
    response = client.get(reverse("officer_home"))
    assert response.status_code == 200
    assert [a.ref for a in response.context["my_actions"].rows] == ["A.1", "B.1"]
    assert response.context["my_actions"].rows[0].overdue is True
    page = _text(response)
    assert world["in_y"].title not in page  # not theirs


def test_officer_home_lists_workstreams_whose_update_is_due(client, officer, world):
    client.force_login(officer)
    response = client.get(reverse("officer_home"))
    assert [w.code for w in response.context["updates_due"]] == ["A", "B"]
    month = response.context["updates_month"]  # last month until its deadline or lock
    MonthlyUpdate.objects.create(
        workstream=world["workstream"],
        month=month,
        current_position="On track",
        rag="green",
        rag_reason="Training delivered",
    )
    response = client.get(reverse("officer_home"))
    assert [w.code for w in response.context["updates_due"]] == ["B"]


def test_officer_home_limits_my_actions_and_links_to_all(client, officer, world):
    for n in range(12):
        ActionFactory(workstream=world["workstream"], ref=f"A.{n + 10}", owner=officer)
    client.force_login(officer)
    response = client.get(reverse("officer_home"))
    assert len(response.context["my_actions"].rows) == 10
    assert response.context["my_actions"].total == 14
    assert "See all 14 of my actions" in _text(response)


# Queries: bounded and independent of the size of the data -----------------------------------


def _grow(world, area_x, area_y, officer, start, stop):
    """More of everything each dashboard reads: actions, risks, meetings, indicators, locked
    periods with snapshots, reports, Local Offer services and feedback."""
    from localoffer.models import Feedback
    from tests.dashboards.factories import indicator_for_area, locked_period, report
    from tests.localoffer.factories import ServiceFactory
    from workstreams.models import Risk

    for i in range(start, stop):
        ActionFactory(
            workstream=world["workstream"],
            ref=f"G.{i}",
            owner=officer,
            areas=[area_x] if i % 3 == 0 else ([area_y] if i % 3 == 1 else []),
        )
        Risk.objects.create(workstream=world["other"], description=f"R{i}", likelihood=5, impact=4)
        group = GroupFactory(area=area_x)
        MeetingFactory(
            group=group,
            date=timezone.localdate() + datetime.timedelta(days=i + 1),
            status="published",
        )
        indicator_for_area(
            area=area_x,
            name=f"Indicator {i}",
            unit="number" if i % 2 else "percent",
            area_values=[i, i + 1],
            local_values=[i * 10, i * 10 + 1],
        )
        ServiceFactory(name=f"Service {i}", areas=[area_x] if i % 2 else [])
        Feedback.objects.create(you_said=f"Feedback {i}")
    for months_ago in range(start + 1, min(stop, 14) + 1):
        month = timezone.localdate().replace(day=1)
        for _ in range(months_ago):
            month = (month - datetime.timedelta(days=1)).replace(day=1)
        period = locked_period(
            month=month, rags={world["workstream"]: ("red", ""), world["other"]: ("green", "")}
        )
        report(period=period)
        report(period=period, scope="area", area=area_x)
        report(period=period, scope="area", area=area_y, state="failed")


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("head_ne", ("area_dashboard", ["north-east"])),
        ("board_member", ("board_dashboard", [])),
        ("officer", ("officer_home", [])),
    ],
)
def test_dashboards_run_at_most_15_queries_whatever_the_size(
    request, client, world, area_ne, area_south, officer, who, url
):
    user = request.getfixturevalue(who)
    client.force_login(user)
    address = reverse(url[0], args=url[1])
    _grow(world, area_ne, area_south, officer, 0, 1)  # one of everything
    client.get(address)  # warm the session and caches
    small = _count(client, address)
    _grow(world, area_ne, area_south, officer, 1, 30)
    large = _count(client, address)
    assert small == large, f"{address}: {small} queries with little data, {large} with more"
    assert large <= 15, f"{address}: {large} queries"


def test_workstreams_are_listed_in_natural_order(client, board_member, officer, world):
    from tests.workstreams.factories import WorkstreamFactory

    WorkstreamFactory(programme=world["programme"], code="10", title="Ten")
    WorkstreamFactory(programme=world["programme"], code="2", title="Two")
    client.force_login(board_member)
    codes = [w.code for w in client.get(reverse("board_dashboard")).context["workstreams"]]
    assert codes == ["2", "10", "A", "B"]
    client.force_login(officer)
    codes = [w.code for w in client.get(reverse("officer_home")).context["updates_due"]]
    assert codes == ["2", "10", "A", "B"]
