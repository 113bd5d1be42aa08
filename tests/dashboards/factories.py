"""A small programme world for the dashboards: actions in two areas and county-wide."""

import datetime

from django.utils import timezone

from tests.workstreams.factories import ActionFactory, ProgrammeFactory, WorkstreamFactory
from workstreams.models import Risk
from workstreams.status import ActionStatus


def programme_world(*, area_x, area_y, officer=None) -> dict:
    """Three actions: one in area X (overdue), one in area Y only, one county-wide."""
    today = timezone.localdate()
    programme = ProgrammeFactory(name="Written Statement of Action", slug="wsoa")
    workstream = WorkstreamFactory(
        programme=programme, code="A", title="Identification", lead=officer
    )
    other = WorkstreamFactory(programme=programme, code="B", title="Joint commissioning")
    in_x = ActionFactory(
        workstream=workstream,
        ref="A.1",
        title="Area X only: train SENCOs in North East",
        areas=[area_x],
        owner=officer,
        status=ActionStatus.BEHIND,
        due_date=today - datetime.timedelta(days=10),
    )
    in_y = ActionFactory(
        workstream=workstream,
        ref="A.2",
        title="Area Y only: open a South hub",
        areas=[area_y],
        status=ActionStatus.NOT_STARTED,
        start_date=today - datetime.timedelta(days=30),
    )
    county = ActionFactory(
        workstream=other,
        ref="B.1",
        title="County-wide: publish the joint commissioning plan",
        owner=officer,
        status=ActionStatus.ON_TARGET,
        due_date=today + datetime.timedelta(days=20),
    )
    risk = Risk.objects.create(
        workstream=other,
        description="Not enough educational psychologists to meet 20 weeks",
        likelihood=4,
        impact=4,
        mitigation="Agency cover agreed",
    )
    low_risk = Risk.objects.create(
        workstream=other, description="Venue for the parents' forum", likelihood=2, impact=3
    )
    return {
        "programme": programme,
        "workstream": workstream,
        "other": other,
        "in_x": in_x,
        "in_y": in_y,
        "county": county,
        "risk": risk,
        "low_risk": low_risk,
    }


def indicator_for_area(*, area, name: str, unit: str, area_values: list, local_values: list):
    """An indicator with yearly values for the whole local area and for ``area``."""
    from decimal import Decimal

    from inspections.models import IndicatorValue
    from tests.inspections.factories import IndicatorFactory

    indicator = IndicatorFactory(name=name, unit=unit, target=None)
    for i, (area_value, local_value) in enumerate(zip(area_values, local_values, strict=True)):
        year = 2021 + i
        start = datetime.date(year, 1, 1)
        IndicatorValue.objects.create(
            indicator=indicator,
            period=str(year),
            period_start=start,
            value=Decimal(local_value),
            england=Decimal(local_value) + 1,
        )
        IndicatorValue.objects.create(
            indicator=indicator,
            period=str(year),
            period_start=start,
            area=area,
            value=Decimal(area_value),
        )
    return indicator


def locked_period(*, month: datetime.date, rags: dict, state: str = "locked"):
    """A reporting period with one workstream snapshot per ``{workstream: (rolled_up, stated)}``."""
    from workstreams.reporting.models import ReportingPeriod, WorkstreamSnapshot

    period = ReportingPeriod.objects.create(
        month=month, deadline=month + datetime.timedelta(days=35), state=state
    )
    for workstream, (rolled_up, stated) in rags.items():
        WorkstreamSnapshot.objects.create(
            period=period,
            workstream=workstream,
            programme=workstream.programme,
            programme_name=workstream.programme.name,
            code=workstream.code,
            title=workstream.title,
            rolled_up_rag=rolled_up,
            stated_rag=stated,
        )
    return period


def report(*, period, scope: str = "portfolio", area=None, state: str = "ready"):
    from django.core.files.base import ContentFile

    from workstreams.reporting.models import Report

    report = Report.objects.create(
        period=period,
        scope=scope,
        area=area,
        scope_key=Report.make_scope_key(scope=scope, programme_id=None, area_id=area and area.pk),
        state=state,
    )
    if state == "ready":
        report.pdf.save(f"report-{report.pk}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
        report.size = 15
        report.save()
    return report
