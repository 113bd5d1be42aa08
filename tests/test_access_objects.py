"""Object-level access where the matrix's shape does not fit: query strings, filters, exports and
search. A headteacher of area Y (South) never reads area X's (North East) data by changing an id
in a URL or a query string; a headteacher of area X does see it (so each test can fail)."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.dashboards.factories import programme_world
from tests.meetings.factories import (
    DecisionFactory,
    GroupFactory,
    MeetingFactory,
    MinuteItemFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "Area X only: train SENCOs in North East"


@pytest.fixture
def world(area_ne, area_south, officer):
    world = programme_world(area_x=area_ne, area_y=area_south, officer=officer)
    assert world["in_x"].title == SECRET
    return world


def _as(client, user):
    client.logout()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?area={x}",
        "?area={x}&rag=red",
        "?workstream={ws}",
        "?programme={prog}",
        "?overdue=on",
        "?owner={owner}",
        "?area={x}&page=2",
        "?area=999999",
    ],
)
def test_action_list_filters_never_reveal_area_x_only_actions_to_head_y(
    client, head_ne, head_south, world, area_ne, officer, query
):
    query = query.format(
        x=area_ne.pk, ws=world["workstream"].pk, prog=world["programme"].pk, owner=officer.pk
    )
    url = reverse("workstreams:action_list") + query
    response = _as(client, head_south).get(url)
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    if "page=2" not in query and "999999" not in query:
        assert SECRET in _as(client, head_ne).get(url).content.decode(), "head_x should see it"


def _csv_titles(response) -> list[str]:
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    return [" ".join(row) for row in rows[1:]]


def _xlsx_text(response) -> str:
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return " ".join(
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    )


@pytest.mark.parametrize("query", ["", "?area={x}", "?workstream={ws}"])
def test_action_exports_never_contain_area_x_only_actions_for_head_y(
    client, head_ne, head_south, world, area_ne, query
):
    query = query.format(x=area_ne.pk, ws=world["workstream"].pk)
    csv_url = reverse("workstreams:action_export_csv") + query
    xlsx_url = reverse("workstreams:action_export_xlsx") + query

    rows = _csv_titles(_as(client, head_south).get(csv_url))
    assert rows, "the export lists the county-wide action"
    assert not any(SECRET in row for row in rows)
    assert SECRET not in _xlsx_text(client.get(xlsx_url))

    assert any(SECRET in row for row in _csv_titles(_as(client, head_ne).get(csv_url)))
    assert SECRET in _xlsx_text(client.get(xlsx_url))


def test_programme_and_workstream_pages_hide_area_x_actions_from_head_y(
    client, head_ne, head_south, world
):
    urls = [
        reverse("workstreams:programme_detail", args=[world["programme"].slug]),
        reverse(
            "workstreams:workstream_detail",
            args=[world["programme"].slug, world["workstream"].code],
        ),
    ]
    for url in urls:
        assert SECRET not in _as(client, head_south).get(url).content.decode()
    workstream_url = urls[1]
    assert SECRET in _as(client, head_ne).get(workstream_url).content.decode()


def test_action_page_of_area_x_is_refused_to_head_y_by_id(client, head_south, world):
    url = reverse("workstreams:action_detail", args=[world["in_x"].pk])
    assert _as(client, head_south).get(url).status_code == 403


def test_area_dashboard_of_area_x_is_refused_to_head_y_and_shows_only_own_area(
    client, head_ne, head_south, world, area_ne
):
    response = _as(client, head_south).get(reverse("area_dashboard", args=[area_ne.slug]))
    assert response.status_code == 403
    own = _as(client, head_south).get(reverse("area_dashboard", args=["south"]))
    assert SECRET not in own.content.decode()
    assert world["in_y"].title in own.content.decode()


@pytest.fixture
def area_x_minutes(area_ne):
    group = GroupFactory(name="North East DSPL group", slug="ne-dspl", area=area_ne)
    meeting = MeetingFactory(group=group, title="North East DSPL meeting", date=date(2026, 2, 1))
    item = MinuteItemFactory(meeting=meeting, title="Zebrafinch outreach pilot")
    DecisionFactory(meeting=meeting, item=item, text="Agreed the zebrafinch outreach pilot")
    return group, meeting


def test_meeting_pages_of_an_area_x_group_are_refused_to_head_y(
    client, head_ne, head_south, area_x_minutes
):
    group, meeting = area_x_minutes
    urls = [
        reverse("meetings:group_detail", args=[group.slug]),
        reverse("meetings:group_ical", args=[group.slug]),
        reverse("meetings:meeting_detail", args=[meeting.pk]),
        reverse("meetings:meeting_pdf", args=[meeting.pk]),
    ]
    for url in urls:
        assert _as(client, head_south).get(url).status_code == 403, url
        assert _as(client, head_ne).get(url).status_code == 200, url


@pytest.mark.parametrize("query", ["", "?q=zebrafinch", "?group={group}"])
def test_decisions_register_never_lists_area_x_decisions_for_head_y(
    client, head_ne, head_south, area_x_minutes, query
):
    group, _meeting = area_x_minutes
    url = reverse("meetings:decisions") + query.format(group=group.pk)
    assert "outreach pilot" not in _as(client, head_south).get(url).content.decode().lower()
    assert (
        "outreach pilot"
        in _as(client, head_ne).get(reverse("meetings:decisions")).content.decode().lower()
    )


def test_search_never_finds_area_x_minutes_or_actions_for_head_y(
    client, head_ne, head_south, area_x_minutes, world
):
    for q in ["zebrafinch", "SENCOs North East"]:
        url = reverse("search:search") + f"?q={q}"
        page = _as(client, head_south).get(url).content.decode()
        assert "outreach pilot" not in page.lower() and SECRET not in page
    page = _as(client, head_ne).get(reverse("search:search") + "?q=zebrafinch").content.decode()
    assert "outreach pilot" in page.lower()


def test_sen_report_reviews_of_area_x_are_refused_to_head_y(client, head_ne, head_south, area_ne):
    from localoffer.services import sen_review_record
    from tests.core.factories import SettingFactory

    review = sen_review_record(
        setting=SettingFactory(name="Area X primary", area=area_ne),
        report_url="https://school.example/sen",
        review_date=date(2026, 1, 1),
        judgements=dict.fromkeys(range(1, 11), "met"),
    )
    review_url = reverse("localoffer:sen_review", args=[review.pk])
    area_url = reverse("localoffer:sen_reports_area", args=[area_ne.slug])
    for url in [review_url, area_url]:
        assert _as(client, head_south).get(url).status_code == 403
        assert _as(client, head_ne).get(url).status_code == 200
    own = _as(client, head_south).get(reverse("localoffer:sen_reports_area", args=["south"]))
    assert "Area X primary" not in own.content.decode()


# Indicators and areas of weakness: area breakdowns --------------------------------------------


@pytest.fixture
def area_x_indicator(area_ne, world):
    from tests.dashboards.factories import indicator_for_area

    indicator = indicator_for_area(
        area=area_ne,
        name="% of EHC plans issued within 20 weeks",
        unit="percent",
        area_values=["77.7"],
        local_values=["55.5"],
    )
    world["in_x"].weaknesses.add(indicator.weakness)
    return indicator


def test_indicator_pages_never_show_area_x_breakdown_to_head_y(
    client, head_ne, head_south, area_x_indicator
):
    urls = [
        reverse("inspections:indicator_detail", args=[area_x_indicator.pk]),
        reverse("inspections:indicator_list"),
    ]
    for url in urls:
        page = _as(client, head_south).get(url).content.decode()
        assert "55.5" in page, "the whole local area's figure is county-wide"
        assert "77.7" not in page and "North East" not in page, url
    page = _as(client, head_ne).get(urls[0]).content.decode()
    assert "77.7" in page


def test_weakness_pages_never_show_area_x_actions_or_breakdown_to_head_y(
    client, head_ne, head_south, area_x_indicator
):
    weakness = area_x_indicator.weakness
    for name in ["inspections:weakness_detail", "inspections:weakness_readiness"]:
        url = reverse(name, args=[weakness.pk])
        page = _as(client, head_south).get(url).content.decode()
        assert SECRET not in page and "77.7" not in page, name
        page = _as(client, head_ne).get(url).content.decode()
        assert SECRET in page and "77.7" in page, name


# Highlight reports: downloads, status and the list -------------------------------------------


@pytest.fixture
def reports(area_ne, area_south):
    from tests.dashboards.factories import locked_period, report

    period = locked_period(month=date(2026, 1, 1), rags={})
    return {
        "x": report(period=period, scope="area", area=area_ne),
        "y": report(period=period, scope="area", area=area_south),
        "portfolio": report(period=period),
    }


@pytest.mark.parametrize("name", ["reporting:download", "reporting:status"])
def test_report_of_area_x_is_refused_to_head_y_by_id(
    client, head_ne, head_south, board_member, reports, name
):
    x_url = reverse(name, args=[reports["x"].pk])
    portfolio_url = reverse(name, args=[reports["portfolio"].pk])
    assert _as(client, head_south).get(x_url).status_code == 403
    assert _as(client, head_ne).get(x_url).status_code == 200
    # The whole portfolio's report is the board's, not a headteacher's.
    assert _as(client, head_ne).get(portfolio_url).status_code == 403
    assert _as(client, board_member).get(portfolio_url).status_code == 200


@pytest.mark.parametrize("query", ["", "?scope=area", "?year=2026", "?scope=portfolio"])
def test_report_list_never_lists_area_x_reports_for_head_y(client, head_south, reports, query):
    page = _as(client, head_south).get(reverse("reporting:list") + query).content.decode()
    assert reverse("reporting:download", args=[reports["x"].pk]) not in page
    assert reverse("reporting:download", args=[reports["portfolio"].pk]) not in page
    if query in ("", "?scope=area", "?year=2026"):
        assert reverse("reporting:download", args=[reports["y"].pk]) in page
