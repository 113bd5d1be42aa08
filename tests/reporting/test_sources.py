"""Indicators and meeting decisions in the snapshot, read from the inspections and meetings apps."""

from datetime import date
from decimal import Decimal

import pytest

from inspections.models import AreaOfWeakness, Indicator, IndicatorValue, Inspection
from workstreams.meetings.models import ActionArising, Decision, Group, Meeting
from workstreams.reporting import services
from workstreams.reporting.models import IndicatorSnapshot, MeetingItemSnapshot
from workstreams.reporting.sources import SERIES_PERIODS

from .helpers import (
    AFTER_OCTOBER,
    OCTOBER,
    kent_programme_with_an_indicator,
    pdf_text,
)


def _report(period, capture, **kwargs):
    with capture(execute=True):
        report, _ = services.report_request(period=period, **kwargs)
    report.refresh_from_db()
    assert report.state == "ready", report.failure_reason
    return report


@pytest.mark.django_db
def test_indicators_latest_values_and_area_breakdown(area_ne, django_capture_on_commit_callbacks):
    programme, indicator = kent_programme_with_an_indicator()
    IndicatorValue.objects.create(  # after the period: not in October's snapshot
        indicator=indicator, period="2027", period_start=date(2027, 1, 1), value=Decimal(99)
    )
    IndicatorValue.objects.create(
        indicator=indicator,
        period="2026",
        period_start=date(2026, 1, 1),
        value=Decimal(70),
        area=area_ne,
    )
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    local = IndicatorSnapshot.objects.get(period=period, area=None)
    assert (local.value, local.value_label, local.programme_id) == (
        Decimal("55"),
        "2026",
        programme.pk,
    )
    assert local.comparators == {"England": [45.0, 55.0, 60.0]}
    IndicatorValue.objects.filter(area=None).update(value=Decimal(1))  # later edits
    text = pdf_text(_report(period, django_capture_on_commit_callbacks))
    assert "EHC plans issued within 20 weeks Latest: 55% (2026)" in text
    assert "England" in text and "Target: 60%" in text  # the chart's legend
    area_text = pdf_text(
        _report(period, django_capture_on_commit_callbacks, scope="area", area=area_ne)
    )
    assert "Latest: 70% (2026)" in area_text and "Latest: 55%" not in area_text


@pytest.mark.django_db
def test_snapshot_keeps_the_latest_periods_of_each_series(area_ne):
    """Ten years of monthly values: the snapshot's series are the latest SERIES_PERIODS months up
    to the period (not later ones), for the local area, its comparators and each area."""

    inspection = Inspection.objects.create(
        kind="joint", local_area="Kent", start_date=date(2016, 1, 1), end_date=date(2016, 1, 5)
    )
    weakness = AreaOfWeakness.objects.create(inspection=inspection, number=1, wording="W")
    indicator = Indicator.objects.create(
        weakness=weakness, name="Attendance", unit="percent", direction="higher"
    )
    months = [date(2017 + i // 12, i % 12 + 1, 1) for i in range(120)]  # Jan 2017 to Dec 2026
    for index, start in enumerate(months):
        for area in [None, area_ne]:
            IndicatorValue.objects.create(
                indicator=indicator,
                period=start.strftime("%b %Y"),
                period_start=start,
                value=Decimal(index),
                england=Decimal(index + 1) if area is None else None,
                area=area,
            )
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    kept = [m.strftime("%b %Y") for m in months if m <= OCTOBER][-SERIES_PERIODS:]
    local = IndicatorSnapshot.objects.get(period=period, area=None)
    assert [label for label, _value in local.series] == kept
    assert (local.value_label, local.value) == ("Oct 2026", Decimal(117))
    assert local.series[-1] == ["Oct 2026", 117.0]
    assert local.comparators == {"England": [float(v) for v in range(95, 119)]}
    in_area = IndicatorSnapshot.objects.get(period=period, area=area_ne)
    assert [label for label, _value in in_area.series] == kept


@pytest.mark.django_db
def test_the_months_published_decisions_and_actions_arising(
    area_ne, area_south, django_capture_on_commit_callbacks
):
    county = Group.objects.create(name="SEND Executive", slug="send-executive")
    south = Group.objects.create(name="South DSPL group", slug="south-dspl", area=area_south)

    def meeting(group, day, status="published"):
        return Meeting.objects.create(
            group=group, title=group.name, date=date(2026, 10, day), status=status
        )

    executive = meeting(county, 14)
    Decision.objects.create(meeting=executive, text="<p>It was agreed to fund two posts.</p>")
    Decision.objects.create(meeting=meeting(south, 20), text="A South decision.")
    Decision.objects.create(meeting=meeting(county, 21, status="draft"), text="A draft decision.")
    Decision.objects.create(
        meeting=Meeting.objects.create(
            group=county, title="September", date=date(2026, 9, 30), status="published"
        ),
        text="A September decision.",
    )
    ActionArising.objects.create(
        meeting=executive,
        description="Draft the recruitment plan.",
        owner_name="Head of SEN",
        due_date=date(2026, 11, 30),
    )
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    assert MeetingItemSnapshot.objects.filter(period=period).count() == 3
    text = pdf_text(_report(period, django_capture_on_commit_callbacks))
    assert "It was agreed to fund two posts." in text and "A South decision." in text
    assert "draft decision" not in text and "September decision" not in text
    assert "Draft the recruitment plan. Head of SEN 30 Nov 2026" in text
    area_text = pdf_text(
        _report(period, django_capture_on_commit_callbacks, scope="area", area=area_ne)
    )
    assert "It was agreed to fund two posts." in area_text
    assert "A South decision." not in area_text


@pytest.mark.django_db
def test_an_area_reports_small_counts_are_suppressed(area_ne, django_capture_on_commit_callbacks):
    inspection = Inspection.objects.create(
        kind="joint", local_area="Kent", start_date=date(2019, 1, 1), end_date=date(2019, 1, 5)
    )
    weakness = AreaOfWeakness.objects.create(inspection=inspection, number=1, wording="W")
    indicator = Indicator.objects.create(
        weakness=weakness, name="Children waiting", unit="number", direction="lower"
    )
    for area, value in [(None, 31), (area_ne, 3)]:
        IndicatorValue.objects.create(
            indicator=indicator,
            period="2026",
            period_start=date(2026, 1, 1),
            value=Decimal(value),
            area=area,
        )
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    area_text = pdf_text(
        _report(period, django_capture_on_commit_callbacks, scope="area", area=area_ne)
    )
    assert "Latest: fewer than 5 (2026)" in area_text
    county_text = pdf_text(_report(period, django_capture_on_commit_callbacks))
    assert "Latest: 31 (2026)" in county_text
