"""Queries independent of size: each main page runs as many SQL queries with 40 of every related
thing as with 2, and never more than 16; its HTML stays under 150 KB with 40 of each (`make bench`
weighs the pages at the size of `load_scale`).

One small world is built once, every page measured, the world grown (more workstreams, actions,
areas, owners, weaknesses, milestones, progress updates with evidence, settings, minute items,
services...) and every page measured again. A page whose count grows has an N+1.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from inspections.models import AreaOfWeakness, Indicator, IndicatorValue, Inspection
from tests.core.factories import AreaFactory, SettingFactory, UserFactory
from tests.localoffer.factories import LocationFactory, ServiceFactory, need
from tests.meetings.factories import (
    ActionArisingFactory,
    AttendeeFactory,
    DecisionFactory,
    GroupFactory,
    MeetingFactory,
    MinuteItemFactory,
    NextStepFactory,
)
from tests.workstreams.factories import (
    ActionFactory,
    ProgrammeFactory,
    ProgressUpdateFactory,
    WorkstreamFactory,
)
from workstreams.models import Evidence, Milestone, MonthlyUpdate, Representative, Risk
from workstreams.reporting.models import Report, ReportingPeriod
from workstreams.status import ActionStatus

# 16: an officer's workstream page reads its removed actions too (their undo)
MAX_QUERIES = 16
MAX_HTML_BYTES = 150 * 1024
SMALL, LARGE = 2, 40
TODAY = datetime.date.today()

# (pytest-django makes the test database only for a session with a test that asks for one)
pytestmark = pytest.mark.django_db


@dataclass
class World:
    """One of everything a main page shows, which `grow` gives more related rows."""

    area: object
    programme: object
    workstream: object
    action: object
    inspection: object
    weakness: object
    meeting: object
    grown: int = 0
    areas: list = field(default_factory=list)

    def grow(self, n: int) -> None:
        """Add n of each related thing (so the totals reach SMALL, then LARGE)."""
        for _ in range(n):
            i = self.grown = self.grown + 1
            owner = UserFactory(role="LA officer")
            area = AreaFactory(name=f"Grown area {i}")
            self.areas.append(area)
            SettingFactory(area=self.area)
            workstream = WorkstreamFactory(programme=self.programme, lead=owner)
            workstream.weaknesses.add(self.weakness)
            other = ActionFactory(
                workstream=workstream,
                owner=owner,
                areas=[self.area, area],
                due_date=TODAY - datetime.timedelta(days=i),
                status=ActionStatus.BEHIND,
            )
            other.weaknesses.add(self.weakness)
            ProgressUpdateFactory(action=other, author=owner, rag="red")
            Milestone.objects.create(action=other, title=f"Milestone {i}", due_date=TODAY)
            action = ActionFactory(
                workstream=self.workstream,
                owner=owner,
                areas=[area, self.area],
                due_date=TODAY + datetime.timedelta(days=i),
                status=ActionStatus.BEHIND if i % 2 else ActionStatus.ON_TARGET,
            )
            action.weaknesses.add(self.weakness)
            update = ProgressUpdateFactory(action=self.action, author=owner, rag="amber")
            Evidence.objects.create(progress_update=update, url=f"https://example.org/{i}")
            Milestone.objects.create(action=self.action, title=f"Step {i}", due_date=TODAY)
            Representative.objects.create(workstream=self.workstream, name=f"Person {i}")
            Risk.objects.create(
                workstream=self.workstream, description=f"Risk {i}", likelihood=3, impact=4
            )
            MonthlyUpdate.objects.create(
                workstream=workstream,
                month=TODAY.replace(day=1),
                current_position="Going well",
                rag="amber",
                rag_reason="Some delay",
                submitted_by=owner,
            )
            item = MinuteItemFactory(meeting=self.meeting, number=i)
            DecisionFactory(meeting=self.meeting, item=item)
            ActionArisingFactory(meeting=self.meeting, item=item, programme_action=action)
            AttendeeFactory(meeting=self.meeting, area=area)
            NextStepFactory(meeting=self.meeting)
            indicator = Indicator.objects.create(
                weakness=self.weakness,
                name=f"Indicator {i}",
                unit=Indicator.Unit.PERCENT,
                direction=Indicator.Direction.HIGHER,
                target=60,
                data_source="Tests",
                period_kind=Indicator.PeriodKind.MONTH,
            )
            for month in range(1, 13):
                start = datetime.date(2025, month, 1)
                common = {"indicator": indicator, "period": f"{start:%B %Y}", "period_start": start}
                IndicatorValue.objects.create(**common, value=50 + month, england=55)
                IndicatorValue.objects.create(**common, area=self.area, value=48 + month)
                IndicatorValue.objects.create(**common, area=area, value=40 + month)
            period = ReportingPeriod.objects.create(
                month=datetime.date(2000 + i // 12, i % 12 + 1, 1),
                deadline=datetime.date(2000 + i // 12, i % 12 + 1, 20),
                state=ReportingPeriod.State.LOCKED,
                opened_by=owner,
                locked_by=owner,
            )
            for scope, programme, report_area in (
                (Report.Scope.PORTFOLIO, None, None),
                (Report.Scope.PROGRAMME, self.programme, None),
                (Report.Scope.AREA, None, area),
            ):
                Report.objects.create(
                    period=period,
                    scope=scope,
                    programme=programme,
                    area=report_area,
                    scope_key=Report.make_scope_key(
                        scope=scope,
                        programme_id=programme and programme.pk,
                        area_id=report_area and report_area.pk,
                    ),
                    state=Report.State.READY,
                    requested_by=owner,
                )
            service = ServiceFactory(
                areas=[self.area, area], needs=[need("cognition-and-learning")]
            )
            LocationFactory(service=service)


def build_world(area) -> World:
    inspection = Inspection.objects.create(
        kind=Inspection.Kind.JOINT,
        local_area="Demo",
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 1, 5),
        wsoa_required=True,
    )
    weakness = AreaOfWeakness.objects.create(
        inspection=inspection, number=1, wording="The timeliness of EHC plans is poor."
    )
    programme = ProgrammeFactory(inspection=inspection)
    workstream = WorkstreamFactory(programme=programme, code="A")
    workstream.weaknesses.add(weakness)
    action = ActionFactory(workstream=workstream, areas=[area], due_date=TODAY)
    action.weaknesses.add(weakness)
    meeting = MeetingFactory(group=GroupFactory(area=area))
    return World(
        area=area,
        programme=programme,
        workstream=workstream,
        action=action,
        inspection=inspection,
        weakness=weakness,
        meeting=meeting,
    )


# (label, role, path from the world)
PAGES = [
    (
        "programme overview",
        "officer",
        lambda w: reverse("workstreams:programme_detail", args=[w.programme.slug]),
    ),
    (
        "workstream",
        "officer",
        lambda w: reverse(
            "workstreams:workstream_detail", args=[w.programme.slug, w.workstream.code]
        ),
    ),
    ("action list", "officer", lambda w: reverse("workstreams:action_list")),
    ("action page", "officer", lambda w: reverse("workstreams:action_detail", args=[w.action.pk])),
    ("area dashboard", "head_x", lambda w: reverse("area_dashboard", args=[w.area.slug])),
    ("board dashboard", "board", lambda w: reverse("board_dashboard")),
    ("officer home", "officer", lambda w: reverse("officer_home")),
    ("Local Offer search", "anonymous", lambda w: reverse("localoffer:search")),
    (
        "Local Offer search, filtered",
        "anonymous",
        lambda w: reverse("localoffer:search") + f"?area={w.area.slug}&q=service",
    ),
    ("meeting page", "officer", lambda w: reverse("meetings:meeting_detail", args=[w.meeting.pk])),
    (
        "weakness page",
        "officer",
        lambda w: reverse("inspections:weakness_detail", args=[w.weakness.pk]),
    ),
    (
        "weakness page, headteacher",
        "head_x",
        lambda w: reverse("inspections:weakness_detail", args=[w.weakness.pk]),
    ),
    ("indicator list", "officer", lambda w: reverse("inspections:indicator_list")),
    ("indicator list, headteacher", "head_x", lambda w: reverse("inspections:indicator_list")),
    ("reports page", "board", lambda w: reverse("reporting:list")),
    ("reports page, officer", "officer", lambda w: reverse("reporting:list")),
    ("reporting periods", "officer", lambda w: reverse("reporting:periods")),
]


def _count(client, path: str) -> tuple[int, int]:
    """(SQL queries, bytes of HTML) of one page."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return len(captured.captured_queries), len(response.content)


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker) -> dict[str, tuple[int, int, int]]:
    """Every page measured in one world, built once for the module (growing it to 40 of each
    is most of the work) in a transaction rolled back afterwards: label → (queries with
    SMALL of each, queries with LARGE, bytes of HTML with LARGE)."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        area = AreaFactory(name="North East", slug="north-east")
        users = {
            "officer": UserFactory(role="LA officer"),
            "board": UserFactory(role="Board member"),
            "head_x": UserFactory(role="Headteacher", setting=SettingFactory(area=area)),
        }
        world = build_world(area)
        clients = {"anonymous": Client()}
        for role, user in users.items():
            clients[role] = Client()
            clients[role].force_login(user)
        world.grow(SMALL)
        small = {}
        for label, role, path in PAGES:
            clients[role].get(path(world))  # warm the caches (content types, sessions' write)
            small[label] = _count(clients[role], path(world))[0]
        world.grow(LARGE - SMALL)
        results = {
            label: (small[label], *_count(clients[role], path(world)))
            for label, role, path in PAGES
        }
        transaction.set_rollback(True)
    return results


@pytest.mark.parametrize("label", [p[0] for p in PAGES])
def test_queries_do_not_grow_with_the_data(label, measured):
    small, large, size = measured[label]
    assert small <= MAX_QUERIES, f"{label}: {small} queries with {SMALL} of each"
    assert large == small, f"{label}: {small} queries with {SMALL} of each, {large} with {LARGE}"
    assert size <= MAX_HTML_BYTES, f"{label}: {size / 1024:.0f} KB of HTML with {LARGE} of each"
