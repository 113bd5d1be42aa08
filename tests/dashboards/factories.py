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
