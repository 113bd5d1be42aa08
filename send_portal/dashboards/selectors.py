"""What each dashboard shows, read through the apps' own selectors.

Every function here runs a fixed number of queries, whatever the size of the data: lists are
limited in the database, counts and roll-ups are aggregated there, and related rows are
fetched with ``select_related``/``prefetch_related`` (no query per row).
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.utils import timezone

from localoffer import selectors as localoffer_selectors
from localoffer.models import SenReportItem
from send_portal.core.models import Area
from send_portal.core.rag import RAG, SEVERITY, worst
from workstreams import selectors as ws_selectors
from workstreams.meetings.models import Meeting
from workstreams.models import Action, Risk, Workstream
from workstreams.status import ActionStatus

# How many rows a dashboard list shows before it links to the full list.
LIST_LIMIT = 10
# Risks scoring this or more are exceptions the board sees.
HIGH_RISK_SCORE = 15
# As the Local Offer's own area panel.
AREA_SERVICES_LIMIT = 20


def today() -> date:
    return timezone.localdate()


@dataclass(frozen=True)
class LimitedList:
    """The first rows of a list and how many there are in all."""

    rows: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


def _limited(queryset: QuerySet, limit: int = LIST_LIMIT) -> LimitedList:
    """One query: the first ``limit`` rows, each carrying the count of all (a window)."""
    rows = list(queryset.annotate(listed_total=Window(Count("pk")))[:limit])
    return LimitedList(rows, rows[0].listed_total if rows else 0)


def _window_count(condition: Q) -> Window:
    """How many rows of the whole (unlimited) queryset meet ``condition``, on every row."""
    return Window(Sum(Case(When(condition, then=Value(1)), default=Value(0))))


# Actions ------------------------------------------------------------------------------------


def area_actions(*, area: Area, on: date | None = None) -> QuerySet[Action]:
    """The actions touching the area and the county-wide ones, worst first (overdue, red…).

    Each row says whether it is county-wide (``county_wide``)."""
    through = Action.areas.through.objects
    return (
        ws_selectors.with_rag(
            Action.objects.filter(ws_selectors._area_filter(area.pk), programme__is_active=True),
            on,
        )
        .annotate(county_wide=~Exists(through.filter(action_id=OuterRef("pk"))))
        .select_related("programme", "workstream", "owner")
        .order_by("-overdue", _rag_order(), F("due_date").asc(nulls_last=True), "ref")
    )


STATUS_ORDER = [
    ActionStatus.NOT_STARTED,
    ActionStatus.BEHIND,
    ActionStatus.ON_TARGET,
    ActionStatus.COMPLETED,
]
RAG_ORDER = [RAG.RED, RAG.AMBER, RAG.GREEN, RAG.BLUE, RAG.GREY]


@dataclass(frozen=True)
class ActionsAtAGlance:
    """The first actions of a list, with the progress summary and RAG counts of all of them."""

    listed: LimitedList
    progress_summary: list[tuple[str, int]]
    rag_counts: list[tuple[str, int]]


def actions_at_a_glance(actions: QuerySet[Action], limit: int = LIST_LIMIT) -> ActionsAtAGlance:
    """One query: the first rows, and counts by status and by RAG over every row (windows)."""
    counted = actions.annotate(
        **{f"n_status_{s}": _window_count(Q(status=s)) for s in STATUS_ORDER},
        **{f"n_rag_{r}": _window_count(Q(rag=r)) for r in RAG_ORDER},
    )
    listed = _limited(counted, limit)
    first = listed.rows[0] if listed.rows else None

    def n(name: str) -> int:
        return int(getattr(first, name) or 0) if first is not None else 0

    return ActionsAtAGlance(
        listed,
        [(ActionStatus(s).label, n(f"n_status_{s}")) for s in STATUS_ORDER],
        [(r, n(f"n_rag_{r}")) for r in RAG_ORDER],
    )


def _rag_order():
    return Case(
        *[When(rag=rag, then=Value(-level)) for rag, level in SEVERITY.items()],
        output_field=IntegerField(),
    ).asc()


def exception_actions(*, on: date | None = None) -> QuerySet[Action]:
    """Red or overdue actions of the active programmes, overdue first, oldest due first."""
    return (
        ws_selectors.with_rag(Action.objects.filter(programme__is_active=True), on)
        .filter(Q(rag=RAG.RED) | Q(overdue=True))
        .select_related("programme", "workstream", "owner")
        .order_by("-overdue", F("due_date").asc(nulls_last=True), "ref")
    )


def high_risks() -> QuerySet[Risk]:
    """Open risks and issues scoring 15 or more, highest first."""
    return (
        Risk.objects.filter(
            status=Risk.Status.OPEN,
            score__gte=HIGH_RISK_SCORE,
            workstream__programme__is_active=True,
        )
        .select_related("workstream__programme")
        .order_by("-score", "workstream__code", "pk")
    )


def active_workstreams(*, on: date | None = None) -> list[Workstream]:
    """Every workstream of the active programmes with its roll-up, in one query."""
    return list(
        Workstream.objects.filter(programme__is_active=True)
        .select_related("programme", "lead")
        .annotate(roll_up=ws_selectors.roll_up_subquery(on))
        .order_by("programme__start_date", "programme__name", "code")
    )


def updates_due(*, month: date) -> QuerySet[Workstream]:
    """Workstreams of the active programmes without a monthly update for ``month``."""
    return (
        Workstream.objects.filter(programme__is_active=True)
        .exclude(monthly_updates__month=month)
        .select_related("programme", "lead")
        .order_by("programme__start_date", "programme__name", "code")
    )


# Local Offer --------------------------------------------------------------------------------


def area_local_offer(*, area: Area) -> dict:
    """What the Local Offer's area panel (``localoffer/_area_panel.html``) shows: the settings'
    SEN information report compliance, the area's services and the county-wide count. Read once
    here so the settings table and the panel share the compliance rows."""
    return {
        "compliance": localoffer_selectors.area_compliance(area=area),
        "area_services": list(localoffer_selectors.area_services(area=area)[:AREA_SERVICES_LIMIT]),
        "county_wide_count": localoffer_selectors.county_wide_service_count(),
        "item_count": len(SenReportItem),
    }


# Meetings -----------------------------------------------------------------------------------


def upcoming_area_meetings(*, area: Area, on: date | None = None) -> QuerySet[Meeting]:
    """Published meetings of the area's own groups, from today on, soonest first."""
    return (
        Meeting.objects.filter(
            group__area=area, status=Meeting.Status.PUBLISHED, date__gte=on or today()
        )
        .select_related("group")
        .order_by("date", "start_time", "pk")
    )


# Dashboards ---------------------------------------------------------------------------------


def area_dashboard(*, area: Area, on: date | None = None) -> dict:
    on = on or today()
    glance = actions_at_a_glance(area_actions(area=area, on=on))
    return {
        "area": area,
        "actions": glance.listed,
        "progress_summary": glance.progress_summary,
        "rag_counts": glance.rag_counts,
        "meetings": _limited(upcoming_area_meetings(area=area, on=on)),
        **area_local_offer(area=area),
        "today": on,
    }


def board_dashboard(*, on: date | None = None) -> dict:
    on = on or today()
    workstreams = active_workstreams(on=on)
    actions = Action.objects.filter(programme__is_active=True)
    return {
        "overall_rag": worst(w.roll_up for w in workstreams),
        "progress_summary": ws_selectors.progress_summary(actions),
        "workstreams": workstreams,
        "exception_actions": _limited(exception_actions(on=on)),
        "high_risks": _limited(high_risks()),
        "high_risk_score": HIGH_RISK_SCORE,
        "today": on,
    }


def officer_home(*, user, on: date | None = None) -> dict:
    on = on or today()
    month = on.replace(day=1)
    return {
        # The dashboard table does not list areas: no prefetch of them.
        "my_actions": _limited(ws_selectors.my_actions(user=user, on=on).prefetch_related(None)),
        "updates_month": month,
        "updates_due": list(updates_due(month=month)),
        "today": on,
    }
