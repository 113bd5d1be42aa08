"""The dashboards' indicators (with small-number suppression), RAG history from the locked
periods, the latest reports, and the officers' view of reports and updates due."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from send_portal.dashboards import selectors
from tests.dashboards.factories import indicator_for_area, locked_period, programme_world, report
from workstreams.models import MonthlyUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(area_ne, area_south, officer):
    return programme_world(area_x=area_ne, area_y=area_south, officer=officer)


def _month(months_ago: int) -> datetime.date:
    month = timezone.localdate().replace(day=1)
    for _ in range(months_ago):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return month


# Small-number suppression on the area dashboard ----------------------------------------------


def test_area_dashboard_shows_a_pupil_count_of_3_as_fewer_than_5(client, head_ne, area_ne):
    indicator_for_area(
        area=area_ne,
        name="Pupils with an EHCP placed out of county",
        unit="number",
        area_values=[12, 3],
        local_values=[140, 131],
    )
    client.force_login(head_ne)
    response = client.get(reverse("area_dashboard", args=["north-east"]))
    page = response.content.decode()
    [item] = response.context["indicators"].rows
    assert [row.cells[0] for row in item.rows] == ["12", "fewer than 5"]
    assert item.latest_area == "fewer than 5 (2022)"
    assert "fewer than 5" in page
    # The chart draws 12 but leaves the suppressed 3 out, and says so.
    assert "Counts below 5 are not drawn" in item.chart
    assert [row.cells[1] for row in item.rows] == ["140", "131"]  # the county's own figures


def test_percentages_are_not_counts_and_are_never_suppressed(client, head_ne, area_ne):
    indicator_for_area(
        area=area_ne,
        name="% of pupils with SEN support",
        unit="percent",
        area_values=["3.0"],
        local_values=["11.7"],
    )
    client.force_login(head_ne)
    [item] = client.get(reverse("area_dashboard", args=["north-east"])).context["indicators"].rows
    assert item.rows[0].cells[0] == "3%"
    assert "fewer than 5" not in item.rows[0].cells[0]


def test_area_dashboard_shows_only_its_own_areas_breakdown(client, head_ne, area_ne, area_south):
    indicator_for_area(
        area=area_south,
        name="South only indicator",
        unit="percent",
        area_values=["9"],
        local_values=["8"],
    )
    client.force_login(head_ne)
    response = client.get(reverse("area_dashboard", args=["north-east"]))
    assert response.context["indicators"].rows == []
    assert "South only indicator" not in response.content.decode()


# Latest reports -----------------------------------------------------------------------------


def test_area_dashboard_links_the_areas_own_latest_ready_report(
    client, head_ne, area_ne, area_south
):
    old = locked_period(month=_month(2), rags={})
    new = locked_period(month=_month(1), rags={})
    report(period=old, scope="area", area=area_ne)
    own_latest = report(period=new, scope="area", area=area_ne)
    other_area = report(period=new, scope="area", area=area_south)
    portfolio = report(period=new)
    client.force_login(head_ne)
    response = client.get(reverse("area_dashboard", args=["north-east"]))
    page = response.content.decode()
    assert response.context["latest_report"] == own_latest
    assert reverse("reporting:download", args=[own_latest.pk]) in page
    assert reverse("reporting:download", args=[other_area.pk]) not in page
    assert reverse("reporting:download", args=[portfolio.pk]) not in page
    assert client.get(reverse("reporting:download", args=[own_latest.pk])).status_code == 200


def test_board_dashboard_links_the_latest_ready_portfolio_report(client, board_member):
    ready = report(period=locked_period(month=_month(2), rags={}))
    report(period=locked_period(month=_month(1), rags={}), state="failed")
    client.force_login(board_member)
    response = client.get(reverse("board_dashboard"))
    assert response.context["latest_report"] == ready
    assert reverse("reporting:download", args=[ready.pk]) in response.content.decode()


# RAG history from the locked periods ---------------------------------------------------------


def test_board_rag_history_uses_the_locked_periods_of_the_last_12_months(
    client, board_member, world
):
    a, b = world["workstream"], world["other"]
    locked_period(month=_month(13), rags={a: ("green", "")})  # too old
    locked_period(month=_month(3), rags={a: ("amber", "green"), b: ("green", "")})
    locked_period(month=_month(2), rags={a: ("red", ""), b: ("green", "green")})
    locked_period(month=_month(1), rags={a: ("blue", "")}, state="open")  # not locked
    client.force_login(board_member)
    response = client.get(reverse("board_dashboard"))
    history = response.context["history"]
    assert history.months == [_month(3), _month(2)]
    assert [(row.code, row.cells) for row in history.rows] == [
        ("A", [("amber", "green"), ("red", "")]),
        ("B", [("green", ""), ("green", "green")]),
    ]
    page = response.content.decode()
    table = page.split('id="rag-history"')[1].split("</table>")[0]
    assert f"{_month(3):%b %Y}" in table and f"{_month(13):%b %Y}" not in table
    assert "Amber (lead: Green)" in table
    assert "Red" in table


def test_rag_history_orders_workstream_codes_naturally(world):
    from tests.workstreams.factories import WorkstreamFactory

    ten = WorkstreamFactory(programme=world["programme"], code="10", title="Ten")
    two = WorkstreamFactory(programme=world["programme"], code="2", title="Two")
    locked_period(month=_month(1), rags={ten: ("green", ""), two: ("red", "")})
    history = selectors.rag_history(on=timezone.localdate())
    assert [row.code for row in history.rows] == ["2", "10"]


def test_board_shows_indicator_trends_as_table_rows_linking_to_their_charts(
    client, board_member, area_ne
):
    indicator_for_area(
        area=area_ne,
        name="% of EHC plans issued within 20 weeks",
        unit="percent",
        area_values=["50", "60"],
        local_values=["55", "64"],
    )
    client.force_login(board_member)
    page = client.get(reverse("board_dashboard")).content.decode()
    section = page.split('id="indicators-heading"')[1]
    assert "% of EHC plans issued within 20 weeks" in section
    row = section[section.index("% of EHC plans issued within 20 weeks") :][:1200]
    assert "64%" in row and "Up 9 percentage points" in row  # latest and trend, locally
    assert "<svg" not in section  # each indicator's page has the chart
    assert "North East" not in section  # the board's trends are the whole local area's


# Officer's home: updates due and reports' state ----------------------------------------------


def test_officer_home_updates_due_follow_the_open_period(client, officer, world):
    period = locked_period(month=_month(1), rags={}, state="open")
    MonthlyUpdate.objects.create(
        workstream=world["other"],
        month=_month(1),
        current_position="Plan drafted",
        rag="green",
        rag_reason="On time",
    )
    client.force_login(officer)
    response = client.get(reverse("officer_home"))
    assert response.context["updates_month"] == _month(1)
    assert [w.code for w in response.context["updates_due"]] == ["A"]
    assert f"{period.deadline:%-d %B %Y}" in response.content.decode()


def test_officer_home_lists_reports_newest_first_with_their_state(client, officer, area_ne):
    older = report(period=locked_period(month=_month(2), rags={}), state="failed")
    newer = report(
        period=locked_period(month=_month(1), rags={}), scope="area", area=area_ne, state="queued"
    )
    client.force_login(officer)
    response = client.get(reverse("officer_home"))
    assert response.context["reports"].rows == [newer, older]
    reports_table = response.content.decode().split('id="reports"')[1].split("</table>")[0]
    assert "Queued" in reports_table and "Failed" in reports_table


def test_area_dashboard_shows_the_first_indicators_and_says_how_many_more(
    client, board_member, area_ne
):
    for number in range(selectors.AREA_INDICATOR_LIMIT + 1):
        indicator_for_area(
            area=area_ne,
            name=f"Indicator {number:02d}",
            unit="percent",
            area_values=["50"],
            local_values=["55"],
        )
    client.force_login(board_member)
    page = client.get(reverse("area_dashboard", args=["north-east"])).content.decode()
    limit = selectors.AREA_INDICATOR_LIMIT
    shown = [n for n in range(limit + 1) if f">Indicator {n:02d}</a>" in page]
    assert len(shown) == limit
    assert (f"These are {limit} of the {limit + 1} indicators broken down for North East.") in page
