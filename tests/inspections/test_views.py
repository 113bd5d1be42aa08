"""The inspections pages: who may see and change what, and what each page shows."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from inspections.models import IndicatorValue, MonitoringMilestone, WeaknessJudgement
from tests.inspections.factories import (
    AreaOfWeaknessFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    MonitoringMilestoneFactory,
    WeaknessJudgementFactory,
)
from workstreams.models import Action, Programme, Workstream
from workstreams.status import ActionStatus

pytestmark = pytest.mark.django_db

READERS = {"head_x": 200, "head_y": 200, "board": 200, "officer": 200, "admin": 200}
EDITORS = {"head_x": 403, "head_y": 403, "board": 403, "officer": 200, "admin": 200}


@pytest.fixture
def world(area_ne, area_south):
    judgement = WeaknessJudgementFactory(
        sufficient_progress=False, inspectors_words="Persistent absence remains too high."
    )
    weakness = judgement.weakness
    weakness.inspection = judgement.revisit.revisit_of
    weakness.save()
    indicator = IndicatorFactory(weakness=weakness, name="EHC plans within 20 weeks")
    for year, value in [(2017, "40"), (2018, "50"), (2019, "58")]:
        IndicatorValueFactory(
            indicator=indicator, period=str(year), value=Decimal(value), england=Decimal("60")
        )
    IndicatorValueFactory(indicator=indicator, period="2019", value=Decimal("70"), area=area_ne)
    IndicatorValueFactory(indicator=indicator, period="2019", value=Decimal("30"), area=area_south)
    milestone = MonitoringMilestoneFactory(inspection=judgement.revisit, weakness=weakness)
    programme = Programme.objects.create(
        name="Written Statement of Action 2017",
        slug="wsoa",
        kind=Programme.Kind.WSOA,
        start_date=datetime.date(2017, 3, 1),
        inspection=weakness.inspection,
    )
    workstream = Workstream.objects.create(
        programme=programme, code="B", title="Identification of need"
    )
    weakness.workstreams.add(workstream)
    action = Action.objects.create(
        programme=programme,
        workstream=workstream,
        ref="B.1",
        title="Graduated response toolkit",
        status=ActionStatus.COMPLETED,
        evidence_of_impact="SEN support identification rose to <b>11.7%</b>.",
    )
    action.weaknesses.add(weakness)
    return {
        "inspection": weakness.inspection,
        "revisit": judgement.revisit,
        "weakness": weakness,
        "indicator": indicator,
        "milestone": milestone,
        "action": action,
    }


def _read_urls(w):
    return [
        reverse("inspections:inspection_list"),
        reverse("inspections:inspection_detail", args=[w["inspection"].pk]),
        reverse("inspections:weakness_detail", args=[w["weakness"].pk]),
        reverse("inspections:weakness_readiness", args=[w["weakness"].pk]),
        reverse("inspections:weakness_readiness_pdf", args=[w["weakness"].pk]),
        reverse("inspections:indicator_list"),
        reverse("inspections:indicator_detail", args=[w["indicator"].pk]),
    ]


def _edit_urls(w):
    return [
        reverse("inspections:indicator_value_add", args=[w["indicator"].pk]),
        reverse("inspections:indicator_values_upload", args=[w["indicator"].pk]),
        reverse("inspections:milestone_edit", args=[w["milestone"].pk]),
        reverse("inspections:indicator_add", args=[w["weakness"].pk]),
        reverse("inspections:indicator_edit", args=[w["indicator"].pk]),
        reverse("inspections:judgement_edit", args=[w["revisit"].pk, w["weakness"].pk]),
    ]


@pytest.mark.parametrize(("role", "status"), READERS.items())
def test_reading_pages_per_role(world, client_for, role, status):
    client = client_for(role)
    for url in _read_urls(world):
        assert client.get(url).status_code == status, url


@pytest.mark.parametrize(("role", "status"), EDITORS.items())
def test_editing_pages_per_role(world, client_for, role, status):
    client = client_for(role)
    for url in _edit_urls(world):
        assert client.get(url).status_code == status, url


def test_anonymous_visitors_are_sent_to_sign_in(world, client_for):
    client = client_for("anonymous")
    for url in _read_urls(world) + _edit_urls(world):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_missing_objects_are_404(client_for):
    client = client_for("officer")
    for name in ["inspection_detail", "weakness_detail", "indicator_detail", "milestone_edit"]:
        assert client.get(reverse(f"inspections:{name}", args=[999])).status_code == 404


@pytest.mark.parametrize("role", ["board", "head_x"])
def test_readers_cannot_post_values(world, client_for, role):
    client = client_for(role)
    url = reverse("inspections:indicator_value_add", args=[world["indicator"].pk])
    response = client.post(url, {"period": "2020", "value": "99"})
    assert response.status_code == 403
    assert not IndicatorValue.objects.filter(period="2020").exists()


def test_weakness_page_brings_it_together(world, client_for):
    response = client_for("officer").get(
        reverse("inspections:weakness_detail", args=[world["weakness"].pk])
    )
    html = response.content.decode()
    assert escape(world["weakness"].wording) in html
    assert "B: Identification of need" in html
    assert "B.1 Graduated response toolkit" in html
    action_url = reverse("workstreams:action_detail", kwargs={"pk": world["action"].pk})
    assert f'href="{action_url}"' in html
    assert "Blue" in html  # the completed action's RAG, by word
    assert "SEN support identification rose to <b>11.7%</b>." in html
    assert "Persistent absence remains too high." in html
    # Indicators: one table row each (RAG, latest, trend, target), the chart on their own page.
    indicators = html[html.index('id="indicators"') :]
    detail = reverse("inspections:indicator_detail", args=[world["indicator"].pk])
    assert f'href="{detail}"' in indicators
    assert "Up 8 percentage points since 2018 (better)" in indicators
    assert "Amber" in indicators  # 58 against a target of 60, higher is better
    assert 'role="img"' not in html
    assert "How an indicator is RAG-rated" in html
    chart = client_for("officer").get(detail).content.decode()
    assert 'role="img"' in chart and "<title" in chart


def test_headteacher_sees_only_their_own_area_breakdown(world, client_for):
    url = reverse("inspections:indicator_detail", args=[world["indicator"].pk])
    head = client_for("head_x").get(url).content.decode()
    assert "North East" in head and ">South<" not in head
    board = client_for("board").get(url).content.decode()
    assert "North East" in board and ">South<" in board


def test_headteachers_see_county_wide_actions_and_their_own_areas(world, client_for, area_south):
    southern = Action.objects.create(
        programme=world["action"].programme,
        workstream=world["action"].workstream,
        ref="B.2",
        title="Southern outreach",
        evidence_of_impact="Only for the south.",
    )
    southern.areas.add(area_south)
    southern.weaknesses.add(world["weakness"])
    url = reverse("inspections:weakness_detail", args=[world["weakness"].pk])
    for role, sees in [("head_x", False), ("head_y", True), ("board", True), ("officer", True)]:
        html = client_for(role).get(url).content.decode()
        assert "B.1 Graduated response toolkit" in html, role
        assert ("Southern outreach" in html) is sees, role
        assert ("Only for the south." in html) is sees, role


def test_timeline_runs_inspection_wsoa_revisit_monitoring(world, client_for):
    response = client_for("officer").get(
        reverse("inspections:inspection_detail", args=[world["inspection"].pk])
    )
    stages = [e.stage for e in response.context["events"]]
    assert stages == ["Inspection", "Written Statement of Action", "Revisit", "Monitoring"]
    html = response.content.decode()
    assert "Due date passed: no outcome recorded" in html
    assert "Record the outcome" in html
    board = client_for("board").get(
        reverse("inspections:inspection_detail", args=[world["inspection"].pk])
    )
    assert "Record the outcome" not in board.content.decode()


def test_officer_adds_a_value(world, client_for):
    url = reverse("inspections:indicator_value_add", args=[world["indicator"].pk])
    response = client_for("officer").post(
        url, {"period": "2020", "value": "61.5", "england": "62", "area": ""}
    )
    assert response.status_code == 302
    value = IndicatorValue.objects.get(indicator=world["indicator"], period="2020")
    assert (value.value, value.england, value.region) == (Decimal("61.5"), Decimal("62"), None)


def test_a_value_for_a_recorded_period_replaces_it(world, client_for):
    url = reverse("inspections:indicator_value_add", args=[world["indicator"].pk])
    client_for("officer").post(url, {"period": "2019", "value": "59"})
    assert IndicatorValue.objects.get(
        indicator=world["indicator"], period="2019", area=None
    ).value == Decimal("59")


def test_bad_value_shows_errors_and_saves_nothing(world, client_for):
    url = reverse("inspections:indicator_value_add", args=[world["indicator"].pk])
    before = IndicatorValue.objects.count()
    response = client_for("officer").post(url, {"period": "twenty", "value": "lots"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "Enter the year as 4 digits, like 2018" in html
    assert "“lots” is not a number" in html
    assert IndicatorValue.objects.count() == before
    response = client_for("officer").post(url, {"period": "", "value": ""})
    assert "Enter the period" in response.content.decode()
    assert "Enter the value" in response.content.decode()


def _csv(text: str, name: str = "values.csv"):
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def test_upload_reports_every_bad_row_and_saves_nothing(world, client_for):
    url = reverse("inspections:indicator_values_upload", args=[world["indicator"].pk])
    before = list(IndicatorValue.objects.values_list("pk", "value"))
    body = (
        "period,value,region,statistical_neighbours,england,area\n"
        "2020,61,,,,\n2021,x,,,,\n2022,62,,,,Nowhere\n"
    )
    response = client_for("officer").post(url, {"file": _csv(body)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The file has 2 problems; nothing was saved." in html
    assert "“x” is not a number" in html
    assert "“Nowhere” is not one of the portal&#x27;s areas" in html
    assert list(IndicatorValue.objects.values_list("pk", "value")) == before


def test_upload_saves_every_row(world, client_for):
    url = reverse("inspections:indicator_values_upload", args=[world["indicator"].pk])
    body = (
        "period,value,region,statistical_neighbours,england,area\n2020,61,,,62,\n2020,65,,,,South\n"
    )
    response = client_for("officer").post(url, {"file": _csv(body)})
    assert response.status_code == 302
    assert IndicatorValue.objects.filter(indicator=world["indicator"], period="2020").count() == 2


def test_upload_refuses_other_files(world, client_for):
    url = reverse("inspections:indicator_values_upload", args=[world["indicator"].pk])
    response = client_for("officer").post(url, {"file": _csv("x", name="values.xlsx")})
    assert "The file must be a CSV file" in response.content.decode()
    response = client_for("officer").post(url, {})
    assert "Choose a CSV file to upload" in response.content.decode()


def test_officer_records_a_milestone_outcome(world, client_for):
    url = reverse("inspections:milestone_edit", args=[world["milestone"].pk])
    response = client_for("officer").post(
        url, {"state": "met", "notes": "Plan submitted.", "version": world["milestone"].version}
    )
    assert response.status_code == 302
    world["milestone"].refresh_from_db()
    assert (world["milestone"].state, world["milestone"].notes) == (
        MonitoringMilestone.State.MET,
        "Plan submitted.",
    )
    response = client_for("officer").post(url, {"state": ""})
    assert "Select the outcome" in response.content.decode()


def _grow(world, n: int, area):
    for i in range(n):
        weakness = AreaOfWeaknessFactory(inspection=world["inspection"])
        indicator = IndicatorFactory(weakness=world["weakness"])
        for year in range(2010, 2016):
            IndicatorValueFactory(indicator=indicator, period=str(year))
            IndicatorValueFactory(indicator=indicator, period=str(year), area=area)
        action = Action.objects.create(
            programme=world["action"].programme,
            workstream=world["action"].workstream,
            ref=f"X.{i}",
            title=f"Action {i}",
        )
        action.weaknesses.add(world["weakness"], weakness)
        MonitoringMilestoneFactory(inspection=world["revisit"], weakness=weakness)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_per_page_are_bounded(world, client_for, area_ne):
    client = client_for("officer")
    urls = [u for u in _read_urls(world) if not u.endswith(".pdf")] + _edit_urls(world)
    small = {url: _queries(client, url) for url in urls}
    _grow(world, 8, area_ne)
    large = {url: _queries(client, url) for url in urls}
    for url in urls:
        assert large[url] == small[url], url
        assert large[url] <= 15, url


INDICATOR_POST = {
    "name": "Persistent absence of pupils with an EHC plan",
    "unit": "percent",
    "direction": "lower",
    "target": "15",
    "period_kind": "term",
    "region_name": "South East",
    "data_source": "DfE pupil absence statistics",
}


def test_officer_adds_an_indicator(world, client_for):
    url = reverse("inspections:indicator_add", args=[world["weakness"].pk])
    response = client_for("officer").post(url, INDICATOR_POST)
    assert response.status_code == 302
    indicator = world["weakness"].indicators.get(name=INDICATOR_POST["name"])
    assert (indicator.direction, indicator.target, indicator.monitoring_only) == (
        "lower",
        Decimal("15"),
        False,
    )


def test_indicator_form_errors_in_plain_english(world, client_for):
    url = reverse("inspections:indicator_add", args=[world["weakness"].pk])
    before = world["weakness"].indicators.count()
    response = client_for("officer").post(url, {"target": "lots", "region_name": "Region"})
    html = response.content.decode()
    for message in [
        "Enter the name of the indicator",
        "Select the unit",
        "Select which direction is better",
        "Enter the target as a number, like 60",
        "Select the periods the values are for",
        "Enter where the figures come from",
    ]:
        assert message in html
    assert world["weakness"].indicators.count() == before


def test_periods_cannot_change_once_values_exist(world, client_for):
    url = reverse("inspections:indicator_edit", args=[world["indicator"].pk])
    version = {"version": world["indicator"].version}
    response = client_for("officer").post(url, {**INDICATOR_POST, "name": "Renamed", **version})
    assert "The periods cannot change once values are recorded" in response.content.decode()
    world["indicator"].refresh_from_db()
    assert world["indicator"].name == "EHC plans within 20 weeks"
    response = client_for("officer").post(
        url,
        {
            **INDICATOR_POST,
            "name": "Renamed",
            "period_kind": "year",
            "monitoring_only": "on",
            **version,
        },
    )
    assert response.status_code == 302
    world["indicator"].refresh_from_db()
    assert (world["indicator"].name, world["indicator"].monitoring_only) == ("Renamed", True)


def test_officer_records_a_judgement(world, client_for):
    other = AreaOfWeaknessFactory(inspection=world["inspection"])
    url = reverse("inspections:judgement_edit", args=[world["revisit"].pk, other.pk])
    response = client_for("officer").post(url, {"sufficient_progress": ""})
    assert "Select yes if the inspectors judged sufficient progress" in response.content.decode()
    assert not WeaknessJudgement.objects.filter(weakness=other).exists()
    response = client_for("officer").post(
        url, {"sufficient_progress": "yes", "inspectors_words": " Good progress. "}
    )
    assert response.status_code == 302
    judgement = WeaknessJudgement.objects.get(revisit=world["revisit"], weakness=other)
    assert (judgement.sufficient_progress, judgement.inspectors_words) == (True, "Good progress.")
    # changing it keeps one judgement per weakness
    client_for("officer").post(url, {"sufficient_progress": "no"})
    assert WeaknessJudgement.objects.get(weakness=other).sufficient_progress is False


def test_judgements_only_for_a_revisit_of_the_weakness_inspection(world, client_for):
    client = client_for("officer")
    stranger = AreaOfWeaknessFactory()
    for args in [
        (world["inspection"].pk, world["weakness"].pk),  # not a revisit
        (world["revisit"].pk, stranger.pk),  # another inspection's weakness
    ]:
        assert client.get(reverse("inspections:judgement_edit", args=args)).status_code == 404


def _monthly_values(indicator, months, *, area=None, first=datetime.date(2024, 1, 1)):
    """``months`` monthly values from ``first``: value = month number (1, 2, ...)."""
    for index in range(months):
        start = datetime.date(first.year + (first.month - 1 + index) // 12, (index % 12) + 1, 1)
        IndicatorValue.objects.create(
            indicator=indicator,
            period=start.strftime("%b %Y"),
            period_start=start,
            value=Decimal(index + 1),
            area=area,
        )


def test_pages_of_many_indicators_show_the_latest_periods_and_link_to_the_rest(client_for, area_ne):
    from inspections.selectors import RECENT_PERIODS

    count = RECENT_PERIODS + 6
    indicator = IndicatorFactory(name="Monthly attendance")
    _monthly_values(indicator, count)
    _monthly_values(indicator, count, area=area_ne)
    labels = [datetime.date(2024 + i // 12, i % 12 + 1, 1).strftime("%b %Y") for i in range(count)]
    shown, earlier = labels[-RECENT_PERIODS:], labels[:-RECENT_PERIODS]
    trend = f"Up 1 percentage point since {labels[-2]} (better)"  # the latest two values
    detail = reverse("inspections:indicator_detail", args=[indicator.pk])
    officer = client_for("officer")
    # The area dashboard draws the area's latest periods...
    html = officer.get(reverse("area_dashboard", args=["north-east"])).content.decode()
    assert f"Showing the latest {RECENT_PERIODS} periods." in html
    assert f'href="{detail}">See every period of Monthly attendance</a>' in html
    assert all(f">{label}<" in html for label in shown)
    assert not any(f">{label}<" in html for label in earlier)
    # ...the weakness page and the board's trends give each indicator a table row (its latest
    # value and trend) linking to the indicator's page, and no period's figures.
    for url in [
        reverse("inspections:weakness_detail", args=[indicator.weakness.pk]),
        reverse("board_dashboard"),
    ]:
        html = officer.get(url).content.decode()
        assert trend in html, url
        assert f'href="{detail}">Monthly attendance</a>' in html, url
        assert f"{count}% ({labels[-1]})" in html, url
        assert not any(f">{label}<" in html for label in earlier + shown[:-1]), url
    listed = officer.get(reverse("inspections:indicator_list")).content.decode()
    assert trend in listed
    assert f"{count}% ({labels[-1]})" in listed
    full = officer.get(detail).content.decode()
    assert "Showing the latest" not in full
    assert all(f">{label}<" in full for label in labels)


def test_a_short_series_is_shown_whole_without_a_note(world, client_for):
    html = (
        client_for("officer")
        .get(reverse("inspections:indicator_detail", args=[world["indicator"].pk]))
        .content.decode()
    )
    assert "Showing the latest" not in html
    assert ">2017<" in html and ">2019<" in html


def test_an_areas_count_below_5_is_suppressed_on_the_indicator_pages(client_for, area_ne):
    """As on the area dashboard: a "number" indicator's area figures below 5 are "fewer than 5"
    in the table and are not drawn; the whole local area's figures are shown as they are."""
    from inspections.models import Indicator

    indicator = IndicatorFactory(
        name="Children waiting for a place", unit=Indicator.Unit.NUMBER, target=None
    )
    for year, local, in_area in [(2024, "31", "3"), (2025, "42", "7")]:
        IndicatorValueFactory(indicator=indicator, period=str(year), value=Decimal(local))
        IndicatorValueFactory(
            indicator=indicator, period=str(year), value=Decimal(in_area), area=area_ne
        )
    for role in ["head_x", "officer"]:
        html = (
            client_for(role)
            .get(reverse("inspections:indicator_detail", args=[indicator.pk]))
            .content.decode()
        )
        area_table = html.split("figures by area</caption>")[1].split("</table>")[0]
        assert ">fewer than 5<" in area_table and ">7<" in area_table, role
        assert ">3<" not in area_table, role
        assert "Counts below 5 are not drawn." in html, role
        assert ">31<" in html  # the whole local area's figure is not a small count


def test_weakness_page_lists_its_first_actions_and_links_to_all(world, client_for, monkeypatch):
    """The page cuts its actions and evidence (counted by the database); the readiness
    narrative has them all."""
    from workstreams.findings import selectors

    monkeypatch.setattr(selectors, "WEAKNESS_PAGE_ACTIONS", 1)
    monkeypatch.setattr(selectors, "WEAKNESS_PAGE_EVIDENCE", 1)
    extra = Action.objects.create(
        programme=world["action"].programme,
        workstream=world["action"].workstream,
        ref="B.9",
        title="Zonal outreach",
        evidence_of_impact="Zonal evidence.",
    )
    extra.weaknesses.add(world["weakness"])
    url = reverse("inspections:weakness_detail", args=[world["weakness"].pk])
    html = client_for("officer").get(url).content.decode()
    readiness = reverse("inspections:weakness_readiness", args=[world["weakness"].pk])
    assert "B.1 Graduated response toolkit" in html and "Zonal outreach" not in html
    more = html[html.index('id="more-actions"') :][:400]
    assert "Showing the first 1 of 2 actions" in more and f'href="{readiness}"' in more
    evidence = html[html.index('id="more-evidence"') :][:400]
    assert "2 actions record evidence of impact" in evidence
    full = client_for("officer").get(readiness).content.decode()
    assert "Zonal outreach" in full and "Zonal evidence." in full


def _value_edit(client, officer, value):
    from tests.forms_as_rendered import form_data

    client.force_login(officer)
    url = reverse("inspections:indicator_value_edit", args=[value.indicator_id, value.pk])
    return url, form_data(client.get(url).content.decode())


def test_an_officer_corrects_a_value_from_the_indicator_page(client, officer):
    value = IndicatorValueFactory(period="2020", value=Decimal("61.50"))
    url, data = _value_edit(client, officer, value)
    detail = client.get(reverse("inspections:indicator_detail", args=[value.indicator_id]))
    assert f'href="{url}"' in detail.content.decode()
    assert (data["period"], data["value"]) == (["2020"], ["61.5"])
    data["value"] = ["63"]
    assert client.post(url, data).status_code == 302
    value.refresh_from_db()
    assert (value.value, value.version) == (Decimal("63"), 2)
    html = client.get(reverse("inspections:indicator_detail", args=[value.indicator_id]))
    assert escape("Value: 61.5 → 63") in html.content.decode()


def test_a_corrected_percentage_over_100_is_refused_by_name(client, officer):
    value = IndicatorValueFactory(period="2020", value=Decimal("61.5"))
    url, data = _value_edit(client, officer, value)
    data["value"] = ["140"]
    html = client.post(url, data).content.decode()
    assert "Value must be between 0 and 100 for a percentage" in html
    value.refresh_from_db()
    assert (value.value, value.version) == (Decimal("61.5"), 1)


def test_a_value_moved_onto_a_recorded_period_is_refused_and_nothing_changes(client, officer):
    value = IndicatorValueFactory(period="2020", value=Decimal("61.5"))
    IndicatorValueFactory(indicator=value.indicator, period="2021", value=Decimal("64"))
    url, data = _value_edit(client, officer, value)
    data["period"] = ["2021"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "A value for 2021 (the whole local area) is already recorded" in (
        response.content.decode()
    )
    value.refresh_from_db()
    assert (value.period, value.version) == ("2020", 1)


def test_the_indicator_list_is_a_table_a_page_at_a_time_with_no_charts(world, client_for):
    """Every indicator a row (latest value, trend, target, RAG), 50 a page; the charts and the
    figures by area are on each indicator's own page."""
    from inspections.views import INDICATOR_PAGE_SIZE

    weakness = world["indicator"].weakness
    for n in range(INDICATOR_PAGE_SIZE + 4):
        indicator = IndicatorFactory(weakness=weakness, name=f"Measure {n:02d}")
        IndicatorValueFactory(indicator=indicator, period="2019", value=Decimal("40"))
        IndicatorValueFactory(indicator=indicator, period="2020", value=Decimal("45"))
    officer = client_for("officer")
    url = reverse("inspections:indicator_list")
    first = officer.get(url)
    html = first.content.decode()
    total = INDICATOR_PAGE_SIZE + 5
    assert f"{total} indicators, 1 to {INDICATOR_PAGE_SIZE} shown." in html
    assert html.count('<tr class="govuk-table__row">') == INDICATOR_PAGE_SIZE + 1  # and head
    assert "<svg" not in html.split('<nav class="govuk-pagination"')[0].split("<main")[1]
    assert "Up 5 percentage points since 2019 (better)" in html
    assert 'href="?page=2"' in html
    second = officer.get(url, {"page": 2}).content.decode()
    assert f"{total} indicators, {INDICATOR_PAGE_SIZE + 1} to {total} shown." in second
    assert second.count('<tr class="govuk-table__row">') == 5 + 1


def test_a_value_of_100_reads_100_not_an_exponent(client, officer):
    value = IndicatorValueFactory(period="2021", value=Decimal("100.00"))
    client.force_login(officer)
    html = client.get(reverse("inspections:indicator_detail", args=[value.indicator_id]))
    body = html.content.decode()
    assert "1E+2" not in body
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">100</td>' in body
